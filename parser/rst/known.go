package rst

import "strings"

// knownDirectives are the directives Parse accepts: those the boto3
// paginator pages use (py:class, py:method, note, warning and danger) and
// the other admonitions. Any other directive is an error, as in docutils,
// where an unknown directive type is an error too.
var knownDirectives = map[string]bool{
	"py:class": true, "py:method": true,
	"note": true, "warning": true, "danger": true,
	"attention": true, "caution": true, "error": true, "hint": true,
	"important": true, "tip": true, "seealso": true, "admonition": true,
}

// knownRoles are the interpreted text roles Parse accepts in paragraphs and
// titles: those the boto3 paginator pages use (doc, py:meth and ref) and the
// standard roles that Markdown renders. Any other role is an error, as in
// docutils.
var knownRoles = map[string]bool{
	"doc": true, "py:meth": true, "ref": true,
	"emphasis": true, "strong": true, "literal": true, "code": true,
	"title-reference": true, "title": true, "t": true,
	"subscript": true, "sub": true, "superscript": true, "sup": true,
	"abbreviation": true, "ab": true, "acronym": true, "ac": true,
}

// discard is an inlineSink that drops what it is given.
type discard struct{}

func (discard) text(string)         {}
func (discard) code(string)         {}
func (discard) wrap(string, string) {}
func (discard) link(string, string) {}

// unknownRole returns the byte offset in text and the name of the first
// interpreted text role of text that is not known. Interpreted text is
// between backquotes, so text without one has no role.
func unknownRole(text string) (int, string, bool) {
	if !strings.Contains(text, "`") {
		return 0, "", false
	}
	at, name, found := 0, "", false
	in := inliner{s: text, w: discard{}, onRole: func(off int, role string) {
		if !found && !knownRoles[role] {
			at, name, found = off, role, true
		}
	}}
	in.run()
	return at, name, found
}
