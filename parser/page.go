// Package parser reads boto3 paginator reference pages: the reStructuredText
// that botocore's documentation generator writes for each paginator. It knows
// RST (through package rst), the Request and Response Syntax literals (through
// package syntax) and boto3's page conventions, and nothing of Go.
package parser

import "regexp"

// Page is what one paginator page says.
type Page struct {
	File        string    // the file the page was read from
	Service     string    // the service's documentation name, from the breadcrumb link: "ssm"
	ServiceName string    // the service's client class name: "SSM"
	Name        string    // the paginator's name: "DescribeSessions"
	Method      string    // the client method it pages through: "describe_sessions"
	APIDocURL   string    // the "See also" AWS API documentation link, if any
	Doc         string    // the paginate method's description, CommonMark
	PageSize    bool      // PaginationConfig documents PageSize, so the operation has a limit key
	Input       []*Member // the request parameters, without PaginationConfig and the hidden members
	Output      *Shape    // the response structure, without boto3's hidden output tokens
	// ResumeToken reports that the response showed boto3's own NextToken
	// ("A token to resume pagination."), which is not an API member and is
	// not in Output.
	ResumeToken bool
	// Unrendered lists the sections that boto3 replaced with "This section
	// is too large to render": "Parameters", "Response Syntax", "Response
	// Structure". What such a section would say is read from the other
	// view where there is one: without the syntax there are no enum
	// values, without the documentation no descriptions or required
	// marks, and without both the response has no known members.
	Unrendered []string
}

// apiDocRE matches the AWS API documentation link of a page, whose path
// names the service's API with its version: "ssm-2014-11-06".
var apiDocRE = regexp.MustCompile(`^https://docs\.aws\.amazon\.com/goto/WebAPI/[A-Za-z0-9.-]+-(\d{4}-\d{2}-\d{2})/[A-Za-z0-9]+$`)

// APIVersion is the version of the service's API that the page's AWS API
// documentation link names ("2014-11-06"), or "" when the page has no such
// link.
func (p *Page) APIVersion() string {
	if m := apiDocRE.FindStringSubmatch(p.APIDocURL); m != nil {
		return m[1]
	}
	return ""
}

// Kind is the kind of a shape as the page documents it.
type Kind int

// The kinds of shapes a page documents.
const (
	String Kind = iota
	Enum
	Integer
	Float
	Boolean
	Timestamp
	Blob
	Document
	Structure
	List
	Map
	Recursive
)

var kindNames = [...]string{"string", "enum", "integer", "float", "boolean", "timestamp", "blob", "document", "structure", "list", "map", "recursive"}

// String is the kind's name as the page writes it: "string", "structure".
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(?)"
}

// Shape is a value's type as the page documents it, merged from the syntax
// literal and the parameter or Response Structure list.
type Shape struct {
	Kind    Kind
	Pos     Pos
	Doc     string    // the description of the shape itself (list elements, structures), CommonMark
	Enum    []string  // Enum values, in page order
	Members []*Member // Structure members, in page order
	Key     *Shape    // Map key: String or Enum
	Elem    *Shape    // List element, Map value
	Union   bool      // a Structure that is a tagged union: at most one member is set
	// Target is, for a Recursive shape, the enclosing shape it refers to.
	Target *Shape
}

// Member is one named member of a request or a structure.
type Member struct {
	Name string // the name the page shows
	// API is the member's name in the API when the page shows it under a
	// name boto3 documents as an alias (EC2's Filter, shown as Filters),
	// and "" otherwise.
	API      string
	Pos      Pos
	Required bool
	Doc      string // CommonMark
	// Terms are the "name: description" items of bullet lists in the
	// member's description, such as filter names or enum value notes.
	Terms []Term
	Shape *Shape
}

// WireName is the member's name in the API: its API name if it has one,
// otherwise the name the page shows.
func (m *Member) WireName() string {
	if m.API != "" {
		return m.API
	}
	return m.Name
}

// Term is one "name: description" item of a bullet list in a description.
type Term struct {
	Name string
	Doc  string // CommonMark
	Pos  Pos
}
