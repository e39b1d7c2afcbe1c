package templates

import (
	"testing"

	"github.com/pagegen/pagegen/model"
)

// payloads are texts that have turned text into code in code generators:
// ends of comments and strings, line breaks of every kind, directives,
// runes that Go rejects or that reorder what a reader sees, and names that
// are keywords, predeclared, blank, numeric, non-ASCII, empty, or that
// differ from another name only in case or punctuation.
var payloads = []string{
	"*/ package evil",
	"\n}\nfunc init(){panic(1)}",
	"//go:generate rm -rf /",
	"x\u2028//go:linkname",
	"\r//line a.go:1",
	`"; os.Exit(1); "`,
	"`; os.Exit(1); `",
	"\x00",
	"\xff",
	"\u202e",
	"+build ignore",
	"\n//go:build ignore\n",
	"\n//export f",
	"/* x",
	"type", "func", "string", "nil", "iota", "_", "0abc", "é", "",
	"Foo-Bar", "FooBar", "a.b", "a_b", "Validate", "main", "init",
	"describe_maintenance_windows", "list_test", "../../etc/passwd", "types", "doc",
}

// FuzzGenerate puts any text in any role of a page (service, title,
// operation, method, structure, member and wire names, docs, enum values,
// filter names), builds the model, generates the package and checks it
// with checkFiles: it parses, is gofmt-stable, declares exactly what the
// model names, keeps every value as a literal of itself, has docs only in
// comments, and type-checks.
func FuzzGenerate(f *testing.F) {
	f.Add(plain.Service, plain.Title, plain.Op, plain.Method, plain.Struct, plain.Field, plain.Wire,
		plain.Doc, plain.Value1, plain.Value2, plain.Term)
	for i, p := range payloads {
		r := plain.list()
		r[i%len(r)] = p
		r[(i+7)%len(r)] = p
		f.Add(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10])
	}
	for _, doc := range []string{"- a\n- b", "    code", "Title\n\nFoo-Bar\n\nText.", "[a]: https://example.com", "``x``\r\n+build x"} {
		r := plain.list()
		r[1], r[7] = doc, doc
		f.Add(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10])
	}
	f.Fuzz(func(t *testing.T, service, title, op, method, structName, field, wire, doc, value1, value2, term string) {
		checkRoles(t, roles{service, title, op, method, structName, field, wire, doc, value1, value2, term}, true)
	})
}

// TestPayloads puts each payload in each role of a plain page in turn and
// checks the generated package as FuzzGenerate does.
func TestPayloads(t *testing.T) {
	const structRole, docRole = 4, 7
	for _, p := range payloads {
		for i := range plain.list() {
			r := plain.list()
			r[i] = p
			// The model takes an empty name for "no result list"; the
			// parser reads no member without a name.
			if p == "" && i == structRole {
				continue
			}
			if !checkRoles(t, rolesOf(r), i == docRole) {
				_, err := model.Build(rolesOf(r).pages(true), nil, nil, nil)
				t.Errorf("the model refused %q as role %d: %v", p, i, err)
			}
		}
	}
}
