package model

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file decides the doc comments of what is generated: the sentences
// pagegen writes itself, and how the pages' text is turned into Go doc
// (https://go.dev/doc/comment): every exported declaration's comment is a
// sentence that begins with its name, and the Python API the pages name
// becomes the Go API a user calls. Each Doc is a lead of plain text and
// CommonMark text after it; the emitters render both, wrapped at 80
// columns.

// Doc is the doc comment of one declaration.
type Doc struct {
	Lead string   // plain text: the sentence that begins the comment, or ""
	Text string   // CommonMark that goes on in the lead's paragraph
	More []string // CommonMark paragraphs after it
}

// Paragraph returns d with CommonMark text as a paragraph of its own after
// d's, when it is not empty.
func (d Doc) Paragraph(text string) Doc {
	switch {
	case text == "":
	case d.Lead == "" && d.Text == "" && len(d.More) == 0:
		d.Text = text
	default:
		d.More = append(d.More[:len(d.More):len(d.More)], text)
	}
	return d
}

// leadVerbs are the verbs that begin a structure's description on the
// pages ("Describes a filter."), which read as a sentence about the type
// after its name: "Filter describes a filter.".
var leadVerbs = map[string]bool{
	"Describes": true, "Contains": true, "Represents": true, "Provides": true, "Specifies": true,
	"Indicates": true, "Defines": true, "Lists": true, "Includes": true, "Identifies": true,
	"Holds": true, "Stores": true, "Configures": true, "Determines": true, "Summarizes": true,
}

// leadNouns are the words that begin a description that names what the
// type is ("Information about a session."), which reads as a sentence after
// "<Name> is": "Session is information about a session.".
var leadNouns = map[string]bool{
	"The": true, "A": true, "An": true, "Information": true, "Details": true, "Container": true,
	"Parameters": true, "Settings": true, "Options": true, "Metadata": true, "Configuration": true,
	"Statistics": true, "Properties": true, "Attributes": true,
}

// firstWord matches a description that begins with a capitalised word and
// a space.
var firstWord = regexp.MustCompile(`^([A-Z][a-z]*) `)

// TypeDoc is the doc comment of a struct or union type: the page's
// description made a sentence that begins with the type's name where its
// first word allows ("Describes a filter." becomes "Filter describes a
// filter."), and otherwise a lead sentence of pagegen's before it; a
// union's says what a union is.
func TypeDoc(t *Type) Doc {
	d := typeDoc(t)
	if t.Kind == Union {
		d = d.Paragraph(unionNote(t))
	}
	return d
}

// typeDoc is TypeDoc without the note on unions.
func typeDoc(t *Type) Doc {
	switch {
	case t.Doc == "":
		return Doc{Lead: t.GoName + " is a structure of the API."}
	case strings.HasPrefix(t.Doc, t.GoName+" "):
		return Doc{Text: t.Doc}
	}
	if m := firstWord.FindStringSubmatch(t.Doc); m != nil {
		rest := t.Doc[len(m[1]):]
		switch {
		case leadVerbs[m[1]]:
			return Doc{Text: t.GoName + " " + lowerFirst(m[1]) + rest}
		case leadNouns[m[1]]:
			return Doc{Text: t.GoName + " is " + lowerFirst(m[1]) + rest}
		}
	}
	return Doc{Lead: t.GoName + " is a structure of the API.", Text: t.Doc}
}

// FieldDoc is the doc comment of a struct field: the page's text, which
// need not begin with the field's name, and whether it is required.
func FieldDoc(fl *Field) Doc {
	d := Doc{Text: fl.Doc}
	if fl.Required {
		d = d.Paragraph("Required.")
	}
	return d
}

// EnumDoc is the doc comment of an enum type.
func EnumDoc(t *Type) Doc {
	return Doc{Lead: t.GoName + " is an enum of the API; values not listed here decode too."}.Paragraph(t.Doc)
}

// EnumValueDoc is the doc comment of an enum constant.
func EnumValueDoc(v *EnumValue) Doc {
	return Doc{Lead: fmt.Sprintf("%s is %q.", v.GoName, v.Value)}.Paragraph(v.Doc)
}

// EnumValuesDoc is the doc comment of an enum's Values method.
func EnumValuesDoc(t *Type) Doc {
	return Doc{Lead: fmt.Sprintf("Values returns the values of %s that the API documents.", t.GoName)}
}

// lowerFirst lower-cases the first letter of a word.
func lowerFirst(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToLower(r)) + w[size:]
}

// PaginatorDocs are the doc comments of what is generated for a paginator.
type PaginatorDocs struct {
	Client       Doc // the client interface
	Paginator    Doc // the paginator type
	New          Doc // its constructor
	HasMorePages Doc
	ResumeToken  Doc
	NextPage     Doc
	Pages        Doc
	Items        Doc
}

// Docs returns the doc comments of what is generated for the paginator.
func (p *Paginator) Docs() PaginatorDocs {
	var d PaginatorDocs
	d.Client = Doc{Lead: fmt.Sprintf("%s is a client that can call %s.", p.ClientName, p.Name)}
	if p.APIDocURL != "" {
		d.Client = d.Client.Paragraph(fmt.Sprintf("See [%s in the AWS API documentation](%s).", p.Name, p.APIDocURL))
	}
	d.Paginator = Doc{Lead: fmt.Sprintf("%s pages through the results of %s as boto3's paginator for it does.", p.PaginatorName, p.Name)}.
		Paragraph(p.Doc).Paragraph(itemsDoc(p))
	d.New = Doc{Lead: fmt.Sprintf("%s returns a paginator over %s, starting from in, which is not modified. The options set boto3's PaginationConfig: MaxItems, PageSize (sent as the operation's limit) and StartingToken.", p.NewName, p.Name)}
	d.HasMorePages = Doc{Lead: "HasMorePages reports whether NextPage has another page, or a pagination error, to return."}
	d.ResumeToken = Doc{Lead: `ResumeToken returns the token to pass as StartingToken to resume where MaxItems stopped the pagination, or "" when there is nothing to resume.`}
	d.NextPage = Doc{Lead: "NextPage returns the next page. It returns ctx.Err() without calling the client when ctx is done, and paginate.ErrNoMorePages after the last page. A page cut by the starting token or by MaxItems is a shallow copy of the client's output; the client's output is never modified."}
	d.Pages = Doc{Lead: "Pages returns an iterator over the remaining pages. It stops after the last page or after yielding an error."}
	d.Items = Doc{Lead: "Items returns an iterator over the items of the remaining pages. It stops after the last item or after yielding an error (with a zero item)."}
	return d
}

// ValidateDoc is the doc comment of an operation input's Validate method.
func ValidateDoc(in *Type) Doc {
	switch {
	case !in.Validates:
		return Doc{Lead: fmt.Sprintf("Validate returns nil: %s has no required member and no union. Every input has Validate, so that all can be checked alike.", in.GoName)}
	case in.HoldsUnion():
		return Doc{Lead: "Validate reports every required member that is missing and every union without exactly one member set, at any depth, with its path; the paginator calls it before the first request."}
	}
	return Doc{Lead: "Validate reports every required member that is missing, at any depth, with its path; the paginator calls it before the first request."}
}

// itemsDoc says what the paginator's Items yields.
func itemsDoc(p *Paginator) string {
	if p.Result().Type.Kind == Slice {
		return fmt.Sprintf("Each page is a \\*%s; Items yields the elements of %s across pages.", p.Output.GoName, p.Result().GoPath())
	}
	return fmt.Sprintf("Each page is a \\*%s; Items yields each page's %s.", p.Output.GoName, p.Result().GoPath())
}

// GoPath is the path's first alternative in Go field names:
// "ResultSet.Rows", "Jobs[len-1].JobId".
func (p *Path) GoPath() string {
	var parts []string
	for _, s := range p.Alts[0] {
		name := s.Field.GoName
		if s.Last {
			name += "[len-1]"
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, ".")
}

// clientMethod matches a boto3 client method as the pages name it:
// "SSM.Client.describe_sessions".
var clientMethod = regexp.MustCompile(`\b([A-Za-z][A-Za-z0-9]*)\.Client\.([a-z][a-z0-9_]*)\b`)

// goNames rewrites the Python API the package's page texts name as the Go
// API a user calls: a client method of the package's own service becomes
// its operation, as a doc link to the client interface's method where the
// package has one ("SSM.Client.describe_sessions" becomes
// "[DescribeSessionsAPIClient.DescribeSessions]"), and otherwise the
// operation's name ("DescribeInstances").
func goNames(pkg *Package) {
	ops := map[string]*Paginator{}
	for _, p := range pkg.Paginators {
		ops[p.Method] = p
	}
	rewrite := func(s string) string {
		if !strings.Contains(s, ".Client.") {
			return s
		}
		return clientMethod.ReplaceAllStringFunc(s, func(m string) string {
			sub := clientMethod.FindStringSubmatch(m)
			if sub[1] != pkg.Title {
				return m
			}
			if p := ops[sub[2]]; p != nil {
				return "[" + p.ClientName + "." + p.Name + "]"
			}
			return Pascal(sub[2])
		})
	}
	for _, p := range pkg.Paginators {
		p.Doc = rewrite(p.Doc)
	}
	seen := map[*Type]bool{}
	visit := func(t *Type) {
		if seen[t] {
			return
		}
		seen[t] = true
		t.Doc = rewrite(t.Doc)
		for _, f := range t.Fields {
			f.Doc = rewrite(f.Doc)
		}
		for _, v := range t.Values {
			v.Doc = rewrite(v.Doc)
		}
	}
	for _, t := range pkg.Types {
		visit(t)
	}
	for _, p := range pkg.Paginators {
		visit(p.Input)
		visit(p.Output)
	}
}

// FakeDoc is the doc comment of a paginator's fake client in its tests.
func FakeDoc(p *Paginator) string {
	return fmt.Sprintf("%s calls the test kit's client.", p.FakeName)
}

// CheckTestDoc is the doc comment of a paginator's test.
func CheckTestDoc(p *Paginator) string {
	return fmt.Sprintf("%s runs paginatetest.Check.", p.TestName)
}

// ValidateTestDoc is the doc comment of the test of an input's Validate.
func ValidateTestDoc(p *Paginator) string {
	return fmt.Sprintf("%s checks what %s.Validate reports.", p.InputTestName, p.Input.GoName)
}
