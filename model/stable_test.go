package model

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/parser"
)

// Three different filter structures that all ask for the name "Filter".
func nameFilter() *parser.Member  { return filters(member("Name", str())) }
func keyFilter() *parser.Member   { return filters(member("Key", str()), member("Value", str())) }
func rangeFilter() *parser.Member { return filters(member("From", str()), member("To", str())) }

func listPage(op string, f *parser.Member) *parser.Page {
	return page(op, []*parser.Member{f}, items())
}

// rebuild builds the pages keeping the type names of the earlier package.
func rebuild(t *testing.T, earlier *Package, pages ...*parser.Page) *Package {
	t.Helper()
	pkgs, err := Build(pages, nil, map[string]TypeNames{"svc": earlier.TypeNames()}, nil)
	require.NoError(t, err)
	require.Len(t, pkgs, 1)
	return pkgs[0]
}

// filterOf is the name of the type of op's Filters member.
func filterOf(t *testing.T, pkg *Package, op string) string {
	t.Helper()
	for _, p := range pkg.Paginators {
		if p.Name == op {
			return fieldType(p.Input, "Filters").Elem.Named.GoName
		}
	}
	t.Fatalf("no paginator %s", op)
	return ""
}

func TestKeptNameSurvivesAClashingPage(t *testing.T) {
	before := build(t, listPage("ListB", keyFilter()))
	require.Equal(t, "Filter", filterOf(t, before, "ListB"))

	// Alone, the new page would take the name: it ties on operations and
	// sorts first.
	fresh := build(t, listPage("ListA", nameFilter()), listPage("ListB", keyFilter()))
	require.Equal(t, "Filter", filterOf(t, fresh, "ListA"))

	after := rebuild(t, before, listPage("ListA", nameFilter()), listPage("ListB", keyFilter()))
	assert.Equal(t, "Filter", filterOf(t, after, "ListB"))
	assert.Equal(t, "AFilter", filterOf(t, after, "ListA"))
	for _, n := range before.TypeNames() {
		assert.Contains(t, typeNames(after), n.Name)
	}
}

func TestKeptNameWinsOverMoreOperations(t *testing.T) {
	before := build(t, listPage("ListC", keyFilter()))
	after := rebuild(t, before,
		listPage("ListA", nameFilter()), listPage("ListB", nameFilter()), listPage("ListC", keyFilter()))
	assert.Equal(t, "Filter", filterOf(t, after, "ListC"))
	assert.Equal(t, "AFilter", filterOf(t, after, "ListA"))
	assert.Equal(t, "AFilter", filterOf(t, after, "ListB"))
}

func TestRemovingAPageFreesItsNames(t *testing.T) {
	before := build(t, listPage("ListB", keyFilter()))
	grown := rebuild(t, before, listPage("ListA", nameFilter()), listPage("ListB", keyFilter()))
	require.Equal(t, "AFilter", filterOf(t, grown, "ListA"))

	// Removing the page that was qualified takes its name away and leaves
	// the names as they were.
	shrunk := rebuild(t, grown, listPage("ListB", keyFilter()))
	assert.Equal(t, before.TypeNames(), shrunk.TypeNames())

	// Removing the page that held the name frees it: the qualified type
	// keeps its name, and the next type that asks for the name gets it by
	// the usual rule.
	shrunk = rebuild(t, grown, listPage("ListA", nameFilter()))
	assert.Equal(t, []string{"AFilter", "B"}, typeNames(shrunk), "the items keep the name they had")
	regrown := rebuild(t, shrunk, listPage("ListA", nameFilter()), listPage("ListC", rangeFilter()))
	assert.Equal(t, "AFilter", filterOf(t, regrown, "ListA"))
	assert.Equal(t, "Filter", filterOf(t, regrown, "ListC"))
}

func TestKeptNameGoesToTheTypeSharingMostOperations(t *testing.T) {
	// One filter used by three operations; then ListA's changes.
	before := build(t, listPage("ListA", keyFilter()), listPage("ListB", keyFilter()), listPage("ListC", keyFilter()))
	require.Equal(t, "Filter", filterOf(t, before, "ListA"))
	after := rebuild(t, before, listPage("ListA", nameFilter()), listPage("ListB", keyFilter()), listPage("ListC", keyFilter()))
	assert.Equal(t, "Filter", filterOf(t, after, "ListB"))
	assert.Equal(t, "AFilter", filterOf(t, after, "ListA"))
}

func TestTypeNamesFollowTheTypesOperations(t *testing.T) {
	before := build(t, listPage("ListB", keyFilter()))
	after := rebuild(t, before, listPage("ListA", keyFilter()), listPage("ListB", keyFilter()))
	got := after.TypeNames()
	require.Len(t, got, 2)
	// The items ask for the operations' nouns: "B" alone, then "A" too,
	// and keep the name "B".
	assert.Equal(t, TypeName{Name: "B", Wants: []string{"A", "B"}, Digest: before.TypeNames()[0].Digest, Ops: []string{"ListA", "ListB"}}, got[0])
	assert.Equal(t, TypeName{Name: "Filter", Wants: []string{"Filter"}, Digest: before.TypeNames()[1].Digest, Ops: []string{"ListA", "ListB"}}, got[1])
}

func TestKeptNameOfAnUnchangedTypeByDigest(t *testing.T) {
	// Two filters of ListX ask for Filter: one in the input, one in each
	// item. Their records differ only in their digests.
	inner := func() *parser.Member { return member("Filter", structure(member("Key", str()))) }
	listX := func() *parser.Page {
		return page("ListX", []*parser.Member{nameFilter()}, member("Items", list(structure(member("Id", str()), inner()))))
	}
	before := build(t, listX())
	innerOf := func(pkg *Package, op string) string {
		for _, p := range pkg.Paginators {
			if p.Name == op {
				return fieldType(p.Item().Named, "Filter").Named.GoName
			}
		}
		return ""
	}
	outer, inner2 := filterOf(t, before, "ListX"), innerOf(before, "ListX")
	require.ElementsMatch(t, []string{"Filter", "XFilter"}, []string{outer, inner2})

	// ListA, which sorts first, uses both filters, the inner one first: the
	// operations of the two no longer tell them apart.
	listA := page("ListA", []*parser.Member{member("Filters", list(structure(member("Key", str())))), member("Others", list(structure(member("Name", str()))))}, items())
	after := rebuild(t, before, listA, listX())
	assert.Equal(t, outer, filterOf(t, after, "ListX"))
	assert.Equal(t, inner2, innerOf(after, "ListX"))
	assert.Equal(t, inner2, filterOf(t, after, "ListA"), "ListA's filter is ListX's inner one")
}

func TestKeptNameOfATypeTheRulesNowNameOtherwise(t *testing.T) {
	before := build(t, listPage("ListB", keyFilter()))
	require.Equal(t, "Filter", filterOf(t, before, "ListB"))

	// An earlier pagegen named the filter otherwise, by rules that asked
	// for other names. The type is unchanged, so its digest recognises it.
	kept := before.TypeNames()
	for i := range kept {
		kept[i].Wants = []string{"Earlier" + kept[i].Name}
		if kept[i].Name == "Filter" {
			kept[i].Name = "PinnedFilter"
		}
	}
	keptBy := map[string]TypeNames{"svc": kept}
	pkgs, err := Build([]*parser.Page{listPage("ListB", keyFilter())}, nil, keptBy, nil)
	require.NoError(t, err)
	assert.Equal(t, "PinnedFilter", filterOf(t, pkgs[0], "ListB"))

	// A changed type that asks for none of the record's names is not the
	// record's: it is named afresh.
	pkgs, err = Build([]*parser.Page{listPage("ListB", nameFilter())}, nil, keptBy, nil)
	require.NoError(t, err)
	assert.Equal(t, "Filter", filterOf(t, pkgs[0], "ListB"))
}

func TestKeptNameOfMergedTypes(t *testing.T) {
	// ListB's and ListC's State enums are one type; it asked for BState
	// and CState, and was named CState when ListC was alone.
	state := func() *parser.Member { return member("State", enum("On", "Off")) }
	stateOf := func(pkg *Package, i int) string { return fieldType(pkg.Paginators[i].Input, "State").Named.GoName }
	before := build(t, page("ListC", []*parser.Member{state()}, items()))
	require.Equal(t, "CState", stateOf(before, 0))

	// Named afresh, the merged enum would be BState.
	require.Equal(t, "BState", stateOf(build(t, page("ListB", []*parser.Member{state()}, items()),
		page("ListC", []*parser.Member{state()}, items())), 0))

	grown := rebuild(t, before, page("ListB", []*parser.Member{state()}, items()), page("ListC", []*parser.Member{state()}, items()))
	assert.Equal(t, "CState", stateOf(grown, 0))
	assert.Equal(t, "CState", stateOf(grown, 1))

	// Without ListC, the enum asks for BState only, and is still the
	// type recorded as CState.
	shrunk := rebuild(t, grown, page("ListB", []*parser.Member{state()}, items()))
	assert.Equal(t, "CState", stateOf(shrunk, 0))
}

// describe lists every name the package's model decides, with what it
// names, so that two builds can be compared whole.
func describe(pkg *Package) []string {
	var out []string
	ref := func(r *TypeRef) string {
		var s func(r *TypeRef) string
		s = func(r *TypeRef) string {
			switch r.Kind {
			case Named:
				return r.Named.GoName
			case Slice:
				return "[]" + s(r.Elem)
			case Map:
				return "map[" + s(r.Key) + "]" + s(r.Elem)
			}
			return fmt.Sprint(r.Kind)
		}
		return s(r)
	}
	typ := func(t *Type) {
		line := fmt.Sprintf("type %s wants %v kind %d ops %v validates %v:", t.GoName, t.Wants, t.Kind, t.Ops, t.Validates)
		for _, f := range t.Fields {
			line += fmt.Sprintf(" %s %s %q;", f.GoName, ref(f.Type), f.Doc)
		}
		for _, v := range t.Values {
			line += fmt.Sprintf(" %s=%q %q;", v.GoName, v.Value, v.Doc)
		}
		out = append(out, line+" "+t.Doc)
	}
	for _, t := range pkg.Types {
		typ(t)
	}
	for _, p := range pkg.Paginators {
		out = append(out, strings.Join([]string{p.Name, p.ClientName, p.PaginatorName, p.NewName}, " "))
		typ(p.Input)
		typ(p.Output)
		if p.Filter != nil {
			out = append(out, p.Filter.GoName+" "+p.Filter.Filter.GoName)
			for _, n := range p.Filter.Names {
				out = append(out, n.GoName+" "+n.Value)
			}
		}
	}
	return out
}

func TestNamesIgnorePageOrder(t *testing.T) {
	pages := func() []*parser.Page {
		state := func() *parser.Member { return member("State", enum("On", "Off")) }
		// Identical structures merge; the first page's description stays.
		described := func(doc string) *parser.Member { m := keyFilter(); m.Shape.Elem.Doc = doc; return m }
		return []*parser.Page{
			listPage("ListA", nameFilter()),
			listPage("ListB", described("As ListB says.")),
			listPage("ListC", described("As ListC says.")),
			listPage("ListD", rangeFilter()),
			page("ListE", []*parser.Member{rangeFilter(), state()}, member("Items", list(structure(member("Name", str()))))),
			page("ListF", []*parser.Member{nameFilter(), state()}, member("Items", list(structure(member("State", enum("On")))))),
		}
	}
	want := describe(build(t, pages()...))
	earlier := build(t, pages()[3:]...)
	wantKept := describe(rebuild(t, earlier, pages()...))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 50 {
		ps := pages()
		r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		require.Equal(t, want, describe(build(t, ps...)), "shuffle %d", i)
		ps = pages()
		r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		require.Equal(t, wantKept, describe(rebuild(t, earlier, ps...)), "shuffle %d, names kept", i)
	}
}

func TestTypeNamesMarshal(t *testing.T) {
	ns := TypeNames{
		{Name: "Filter", Wants: []string{"Filter"}, Digest: "9c3f5a0b1d2e4f68", Ops: []string{"ListB", "ListC"}},
		{Name: "ListBState", Wants: []string{"ListBState", "ListCState"}, Digest: "5b1e0c7d9a2f8e64", Ops: []string{"ListB", "ListC"}},
		{Name: "DescribeActivationsFilter", Wants: []string{"Filter"}, Digest: "0d6a2e81c7f4b953", Ops: []string{"DescribeActivations"}},
	}
	want := "# A type's Go name, the names it asked for, a digest of its structure, and the operations that use it.\n" +
		"DescribeActivationsFilter Filter 0d6a2e81c7f4b953 DescribeActivations\n" +
		"Filter Filter 9c3f5a0b1d2e4f68 ListB ListC\n" +
		"ListBState ListBState,ListCState 5b1e0c7d9a2f8e64 ListB ListC\n"
	require.Equal(t, want, string(ns.Marshal()))

	got, err := UnmarshalTypeNames("names.txt", ns.Marshal())
	require.NoError(t, err)
	assert.Equal(t, TypeNames{ns[2], ns[0], ns[1]}, got)

	got, err = UnmarshalTypeNames("names.txt", []byte("# a comment\n\n  Filter   Filter\t9c3f5a0b1d2e4f68 ListC ListB\r\nGone Gone,Away 0123456789abcdef\n"))
	require.NoError(t, err)
	assert.Equal(t, TypeNames{
		{Name: "Filter", Wants: []string{"Filter"}, Digest: "9c3f5a0b1d2e4f68", Ops: []string{"ListB", "ListC"}},
		{Name: "Gone", Wants: []string{"Away", "Gone"}, Digest: "0123456789abcdef", Ops: []string{}},
	}, got)
}

func TestUnmarshalTypeNamesErrors(t *testing.T) {
	_, err := UnmarshalTypeNames("ssm/names.txt", []byte(strings.Join([]string{
		"# A type's Go name, the names it asked for, a digest of its structure, and the operations that use it.",
		"Filter Filter",
		"Filter Filter 9c3f5a0b1d2e4f68 ListA",
		"filter Filter 9c3f5a0b1d2e4f68 ListA",
		"Tag Tag,1Tag 9c3f5a0b1d2e4f68 ListA",
		"Tags Tag, 9c3f5a0b1d2e4f68 ListA",
		"Key Key 9C3F5A0B1D2E4F68 ListA",
		"Key Key 9c3f ListA",
		"  Filter Filter 9c3f5a0b1d2e4f68 ListB",
	}, "\n")))
	require.EqualError(t, err, strings.Join([]string{
		"ssm/names.txt:2:1: want a type's Go name, the names it asked for, a digest and the operations that use it",
		`ssm/names.txt:4:1: "filter" is not an exported Go name`,
		`ssm/names.txt:5:5: "1Tag" is not an exported Go name`,
		`ssm/names.txt:6:6: "" is not an exported Go name`,
		`ssm/names.txt:7:9: "9C3F5A0B1D2E4F68" is not a digest: want 16 lower-case hex digits`,
		`ssm/names.txt:8:9: "9c3f" is not a digest: want 16 lower-case hex digits`,
		"ssm/names.txt:9:3: Filter is also on line 3",
	}, "\n"))
}
