// Package model is pagegen's intermediate representation: services,
// paginators, types, fields and their docs, with every Go name decided once,
// here. Emitters read the model and build no identifiers of their own.
package model

// Package is one service: one generated Go package.
type Package struct {
	Service    string       // the service's documentation name: "ssm", "acm-pca"
	Name       string       // the Go package name, also its directory: "ssm", "acmpca"
	Title      string       // the service's client class name: "SSM"
	Paginators []*Paginator // sorted by Name
	Types      []*Type      // the named types of the package, sorted by GoName
	// Candidates is the number of types met in the pages before identical
	// ones merged into the Types.
	Candidates int
	// Bridge is the package that implements the package's clients with
	// aws-sdk-go-v2, or nil when none is generated.
	Bridge *Bridge
}

// Paginator is one paginated operation and the Go names of what is
// generated for it.
type Paginator struct {
	Name   string // the operation, an exported Go name: "DescribeSessions"
	Method string // boto3's client method: "describe_sessions"
	File   string // the base of the paginator's file names, from Method: "describe_sessions"
	Spec   string // the page the paginator was read from
	// Source is the page's path from the folder of spec folders, which its
	// generated files name: "specs/ssm/paginator/DescribeSessions.rst".
	Source    string
	Doc       string // CommonMark
	APIDocURL string // the AWS API documentation of the operation, if the page links it

	Input  *Type // <Op>Input
	Output *Type // <Op>Output

	ClientName    string // <Op>APIClient
	PaginatorName string // <Op>Paginator
	NewName       string // New<Op>Paginator
	SpecName      string // the unexported paginateimpl.Spec variable
	ItemsName     string // the unexported function returning a page's items

	// The names of the generated tests.
	FakeName      string // the fake client type: "describeSessionsFake"
	TestName      string // the test of the paginator: "TestDescribeSessionsPaginator"
	InputTestName string // the test of the input's Validate: "TestDescribeSessionsInputValidate"

	InputTokens  []*Field // input members set from the token, in order
	OutputTokens []*Path  // the output members read as the next token, one per input token
	Limit        *Field   // the limit key, or nil
	// Results are the output members that are paged: the first is the
	// primary result, usually a list, whose items MaxItems counts; boto3
	// empties the others on the first page of a resumed run.
	Results     []*Path
	MoreResults *Path // a boolean output member that says whether more pages follow, or nil

	Filter *FilterNames // typed filter names documented in prose, or nil
}

// Result is the paginator's primary result.
func (p *Paginator) Result() *Path { return p.Results[0] }

// Item is the type of one item of the paginator: an element of the primary
// result when it is a list, otherwise the primary result itself, one per
// page.
func (p *Paginator) Item() *TypeRef {
	if r := p.Result().Type; r.Kind == Slice {
		return r.Elem
	}
	return p.Result().Type
}

// Path is an output member reached from the top of the output, written in
// the subset of JMESPath that paginators.json uses: "NextToken",
// "DistributionList.NextMarker", "Jobs[-1].JobId", "NextMarker ||
// Contents[-1].Key".
type Path struct {
	Expr string // as paginators.json writes it
	// Alts are the alternatives of "a || b": the first that is set is the
	// value. Most paths have one.
	Alts [][]Step
	Type *TypeRef // the type of the value the first alternative reaches
}

// Field is the member at the end of a path's first alternative.
func (p *Path) Field() *Field {
	steps := p.Alts[0]
	return steps[len(steps)-1].Field
}

// TopLevel reports whether the path is one member of the output.
func (p *Path) TopLevel() bool {
	return len(p.Alts) == 1 && len(p.Alts[0]) == 1 && !p.Alts[0][0].Last
}

// Step is one member on a path.
type Step struct {
	Field *Field
	Last  bool // "[-1]": the last element of the list Field holds
}

// TypeKind says what a named type is.
type TypeKind int

// The kinds of named types.
const (
	Struct TypeKind = iota // a Go struct
	Union                  // a struct of optional members of which exactly one must be set
	Enum                   // a string type with constants
)

// Type is a named Go type.
type Type struct {
	Kind   TypeKind
	GoName string
	Doc    string       // CommonMark
	Fields []*Field     // Struct and Union
	Values []*EnumValue // Enum
	// Wants are the names asked for by the type and by the identical types
	// merged into it, sorted; a clash may have qualified GoName.
	Wants []string
	// Ops are the operations that use the type, sorted.
	Ops []string
	// Validates reports that the type has a validate method: it is a
	// union, it has a required member at some depth, or it is reachable
	// from an operation's input and holds a union at some depth.
	Validates bool
	// Input reports that the type is the input of an operation, which has
	// an exported Validate method.
	Input bool

	// For a Union, the names of what is generated besides its fields, each
	// unique against the fields' names (see union.go).

	// Unknown is the field that keeps the members the package does not
	// know, by wire name, as they were decoded: "Unknown".
	Unknown string
	// MemberMethod is the method that returns the wire name of the member
	// that is set: "Member".
	MemberMethod string
	// TestName is the prefix of the union's generated tests:
	// "TestBudgetUnion".
	TestName string
}

// EnumValue is one constant of an enum.
type EnumValue struct {
	GoName string
	Value  string
	Doc    string // CommonMark
}

// Field is one member of a struct.
type Field struct {
	GoName   string
	Wire     string // the member's name on the wire and in JSON
	Doc      string // CommonMark
	Required bool
	Pointer  bool // the Go field is a pointer: an optional number, boolean, timestamp or structure, or a union's string or enum
	Type     *TypeRef
	// Hidden reports a pagination member that boto3 does not show on the page.
	Hidden bool
}

// RefKind says what a type reference is.
type RefKind int

// The kinds of type references.
const (
	String   RefKind = iota // string
	Int64                   // int64
	Float64                 // float64
	Bool                    // bool
	Time                    // time.Time
	Bytes                   // []byte
	Document                // any JSON value
	Named                   // a named Type
	Slice                   // []Elem
	Map                     // map[Key]Elem
	Token                   // paginate.Token: a pagination token, any JSON value
)

// TypeRef is the type of a field, a list element or a map value.
type TypeRef struct {
	Kind  RefKind
	Named *Type    // Named
	Key   *TypeRef // Map: String or a Named enum
	Elem  *TypeRef // Slice, Map
}

// FilterNames are the filter names an operation documents in prose, turned
// into a typed name with a constant for each.
type FilterNames struct {
	GoName      string  // <Op>FilterName
	Filter      *Type   // the filter structure the names are for
	NameField   *Field  // the structure's name member
	ValuesField *Field  // the structure's values member
	Method      string  // the method on GoName that builds a filter: "Filter"
	Names       []*Name // sorted by GoName
}

// Name is one documented filter name.
type Name struct {
	GoName string
	Value  string // the name, or for a placeholder name the text before it: "tag:"
	Doc    string // CommonMark
	// Param is, for a name with a placeholder such as "tag:<key>", the Go
	// parameter name of the function that fills it in ("key"); "" otherwise.
	Param string
}

// TimeFields are the fields of a struct or union that hold timestamps
// directly (a time, or a list or map of times), whose JSON form the
// generated codec writes as the AWS JSON protocols do.
func (t *Type) TimeFields() []*Field {
	var out []*Field
	for _, f := range t.Fields {
		if f.Type.Kind == Time || (f.Type.Kind == Slice || f.Type.Kind == Map) && f.Type.Elem.Kind == Time {
			out = append(out, f)
		}
	}
	return out
}
