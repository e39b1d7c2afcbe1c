package model

import (
	"go/token"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/parser"
)

// hostile are names that pages could hold and that must not reach Go source
// as they are.
var hostile = []string{
	"type", "func", "string", "nil", "iota", "_", "__", "0abc", "é", "名前", "",
	"Foo-Bar", "FooBar", "a.b", "a_b", "Validate", "*/ package evil",
	"\n}\nfunc init(){panic(1)}", "//go:generate rm -rf /", "x\u2028//go:linkname",
	"\r//line a.go:1", `"; os.Exit(1); "`, "`", "\x00", "\xff", "\u202e", "İ", "\u0345",
}

func TestExportedIsAnIdentifier(t *testing.T) {
	for _, in := range hostile {
		got := Exported(in)
		assert.True(t, token.IsIdentifier(got) && token.IsExported(got), "Exported(%q) = %q", in, got)
		for _, suffix := range []string{"", "Input"} {
			assert.True(t, token.IsIdentifier(Singular(got)+suffix), "Singular(%q) = %q", got, Singular(got))
		}
		u := Unexported(got)
		assert.True(t, token.IsIdentifier(u) && !predeclared[u], "Unexported(%q) = %q", got, u)
		assert.True(t, token.IsIdentifier("X"+Pascal(in)), "Pascal(%q) = %q", in, Pascal(in))
	}
}

func TestPackageNameIsSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"main", "mainsvc"},
		{"init", "initsvc"},
		{"string", "stringsvc"},
		{"CON", "consvc"},
		{"com1", "com1svc"},
		{"../etc", "etc"},
		{"SSM", "ssm"},
		{"é", "svc"},
	} {
		assert.Equal(t, tc.want, PackageName(tc.in), "PackageName(%q)", tc.in)
	}
	for _, in := range hostile {
		got := PackageName(in)
		assert.True(t, token.IsIdentifier(got) && !token.IsKeyword(got) && !predeclared[got] && got == strings.ToLower(got),
			"PackageName(%q) = %q", in, got)
	}
}

func TestFileName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"describe_sessions", "describe_sessions"},
		{"describe_maintenance_windows", "describe_maintenance_windows_paginator"},
		{"list_jobs_linux_amd64", "list_jobs_linux_amd64_paginator"},
		{"list_wasm", "list_wasm_paginator"},
		{"list_plan9", "list_plan9_paginator"},
		{"list_test", "list_test_paginator"},
		{"list_windows_test", "list_windows_test_paginator"},
		{"windows", "windows"},
		{"_private", "private"},
		{".hidden", "hidden"},
		{"../../etc/passwd", "etc_passwd"},
		{"Describe-Sessions", "describe_sessions"},
		{"a__b", "a_b"},
		{"", "paginator"},
		{"é", "paginator"},
	} {
		assert.Equal(t, tc.want, FileName(tc.in), "FileName(%q)", tc.in)
	}
}

func TestNameFiles(t *testing.T) {
	var ps []*Paginator
	for _, m := range []string{"list_a", "List_A", "list-a", "doc", "types", "list_a_2"} {
		ps = append(ps, &Paginator{Method: m})
	}
	nameFiles(ps)
	var got []string
	for _, p := range ps {
		got = append(got, p.File)
	}
	assert.Equal(t, []string{"list_a", "list_a_2", "list_a_3", "doc_2", "types_2", "list_a_2_2"}, got)
}

// declared lists the package-level names that the generated code declares
// for pkg, as the emitters use them.
func declared(pkg *Package) []string {
	var names []string
	for _, t := range pkg.Types {
		names = append(names, t.GoName)
		for _, v := range t.Values {
			names = append(names, v.GoName)
		}
	}
	for _, p := range pkg.Paginators {
		names = append(names, p.Input.GoName, p.Output.GoName)
		names = append(names, p.GoNames()...)
		if p.Filter != nil {
			names = append(names, p.Filter.GoName)
			for _, n := range p.Filter.Names {
				names = append(names, n.GoName)
			}
		}
	}
	return names
}

// checkNames checks that every name the package declares is a distinct
// identifier, that the fields of each structure are distinct identifiers
// apart from its methods, and that the file names are distinct whatever
// their case.
func checkNames(t *testing.T, pkg *Package) {
	t.Helper()
	seen := map[string]bool{}
	for _, n := range declared(pkg) {
		require.True(t, token.IsIdentifier(n), "%q is not an identifier", n)
		require.False(t, seen[n], "%s is declared twice", n)
		seen[n] = true
	}
	structs := append([]*Type(nil), pkg.Types...)
	files := map[string]bool{"doc": true, "types": true}
	for _, p := range pkg.Paginators {
		structs = append(structs, p.Input, p.Output)
		require.True(t, token.IsIdentifier(p.Name) && token.IsExported(p.Name), "operation %q", p.Name)
		require.False(t, files[strings.ToLower(p.File)], "file %s twice", p.File)
		files[strings.ToLower(p.File)] = true
		require.True(t, goFile(p.File), "file %s", p.File)
	}
	for _, typ := range structs {
		fields := map[string]bool{}
		for _, m := range structMethods {
			fields[m] = true
		}
		for _, f := range typ.Fields {
			require.True(t, token.IsIdentifier(f.GoName) && token.IsExported(f.GoName), "%s.%q", typ.GoName, f.GoName)
			require.False(t, fields[f.GoName], "%s.%s is a method or another field", typ.GoName, f.GoName)
			fields[f.GoName] = true
		}
	}
}

func TestHostileNames(t *testing.T) {
	var input []*parser.Member
	var values []string
	for _, name := range hostile {
		input = append(input, member(name, str()))
		values = append(values, name)
	}
	input = append(input, member("next-token", str()), member("Kind", enum(values...)))
	var pages []*parser.Page
	for _, op := range []string{"type", "Type", "0abc", "_", "Foo_Bar", "FooBar", "ListA"} {
		p := page(op, input, member("Items", list(structure(member("Validate", str()), member("validate", str())))))
		p.Method = "list_windows"
		pages = append(pages, p)
	}
	pkg := build(t, pages...)
	checkNames(t, pkg)

	in := pkg.Paginators[0].Input
	var wires []string
	for _, f := range in.Fields {
		wires = append(wires, f.Wire)
	}
	assert.Subset(t, wires, hostile, "a member was lost")
	assert.Equal(t, "Validate2", fieldGoName(in, "Validate"))
}

// fieldGoName is the Go name of typ's member wire.
func fieldGoName(typ *Type, wire string) string {
	for _, f := range typ.Fields {
		if f.Wire == wire {
			return f.GoName
		}
	}
	return ""
}

func TestEnumValuesKeepTheirConstants(t *testing.T) {
	values := []string{"", "Empty", "0abc", "a-b", "a_b", "A.B", "AB", "é", "É", "\xff", "type"}
	pkg := build(t, page("ListA", []*parser.Member{member("Kind", enum(values...))}, items()))
	checkNames(t, pkg)
	kind := fieldType(pkg.Paginators[0].Input, "Kind").Named
	var got, consts []string
	for _, v := range kind.Values {
		got = append(got, v.Value)
		consts = append(consts, v.GoName)
	}
	assert.Equal(t, values, got)
	sort.Strings(consts)
	assert.Len(t, consts, len(values))
}

func TestFieldsApartFromMethods(t *testing.T) {
	pkg := build(t, page("ListA",
		[]*parser.Member{member("Validate", str()), member("next-token", str())},
		member("Items", list(structure(member("Validate", str())))), member("Next_Token", str())))
	checkNames(t, pkg)
	p := pkg.Paginators[0]
	goName := fieldGoName
	assert.Equal(t, "Validate2", goName(p.Input, "Validate"))
	assert.Equal(t, "NextToken", goName(p.Input, "next-token"))
	assert.Equal(t, "NextToken2", goName(p.Input, "NextToken"), "the hidden token")
	assert.Equal(t, "Validate2", goName(p.Item().Named, "Validate"))
}

func TestServicesThatMakeOnePackage(t *testing.T) {
	for _, services := range [][2]string{{"SSM", "ssm"}, {"acm-pca", "acmpca"}} {
		a, b := page("ListA", nil, items()), page("ListB", nil, items())
		a.Service, b.Service = services[0], services[1]
		_, err := Build([]*parser.Page{a, b}, nil, nil, nil)
		require.Error(t, err, "%v", services)
		assert.Contains(t, err.Error(), "both make package")
	}
}

func TestUnexportedHelperNames(t *testing.T) {
	pkg := build(t, page("type", nil, items()), page("URLThings", nil, items()))
	for _, p := range pkg.Paginators {
		switch p.Name {
		case "Type":
			assert.Equal(t, "typeSpec", p.SpecName)
			assert.Equal(t, "typeItems", p.ItemsName)
			assert.Equal(t, "typeFake", p.FakeName)
		case "URLThings":
			assert.Equal(t, "urlThingsSpec", p.SpecName)
			assert.Equal(t, "urlThingsItems", p.ItemsName)
		default:
			t.Errorf("operation %q", p.Name)
		}
	}
	checkNames(t, pkg)
}
