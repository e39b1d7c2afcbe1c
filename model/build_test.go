package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/parser"
)

// Builders of parsed pages, so that each case shows only what it needs.

func str() *parser.Shape { return &parser.Shape{Kind: parser.String} }

func enum(values ...string) *parser.Shape { return &parser.Shape{Kind: parser.Enum, Enum: values} }

func list(elem *parser.Shape) *parser.Shape { return &parser.Shape{Kind: parser.List, Elem: elem} }

func structure(members ...*parser.Member) *parser.Shape {
	return &parser.Shape{Kind: parser.Structure, Members: members}
}

func member(name string, s *parser.Shape) *parser.Member { return &parser.Member{Name: name, Shape: s} }

func required(m *parser.Member) *parser.Member { m.Required = true; return m }

func page(op string, input []*parser.Member, output ...*parser.Member) *parser.Page {
	return &parser.Page{File: op + ".rst", Service: "svc", ServiceName: "Svc", Name: op, Method: op, PageSize: true,
		Input: input, Output: structure(output...)}
}

func items() *parser.Member {
	return member("Items", list(structure(member("Id", str()))))
}

func filters(members ...*parser.Member) *parser.Member {
	return member("Filters", list(structure(members...)))
}

func build(t *testing.T, pages ...*parser.Page) *Package {
	t.Helper()
	pkgs, err := Build(pages, nil, nil, nil)
	require.NoError(t, err)
	require.Len(t, pkgs, 1)
	return pkgs[0]
}

func typeNames(pkg *Package) []string {
	var names []string
	for _, t := range pkg.Types {
		names = append(names, t.GoName)
	}
	return names
}

func fieldType(t *Type, wire string) *TypeRef {
	for _, f := range t.Fields {
		if f.Wire == wire {
			return f.Type
		}
	}
	return nil
}

func TestIdenticalStructuresMerge(t *testing.T) {
	pkg := build(t,
		page("ListA", []*parser.Member{filters(member("Name", str()))}, items()),
		page("ListB", []*parser.Member{filters(member("Name", str()))}, items()),
	)
	assert.Equal(t, []string{"A", "Filter"}, typeNames(pkg), "the items are named after the first operation's noun")
	a, b := pkg.Paginators[0], pkg.Paginators[1]
	assert.Same(t, fieldType(a.Input, "Filters").Elem.Named, fieldType(b.Input, "Filters").Elem.Named)
	assert.Equal(t, []string{"ListA", "ListB"}, pkg.Types[0].Ops)
}

func TestClashingNamesMostUsedKeeps(t *testing.T) {
	one := func() *parser.Member { return filters(member("Name", str())) }
	other := func() *parser.Member { return filters(member("Key", str()), member("Value", str())) }
	pages := []*parser.Page{
		page("ListA", []*parser.Member{other()}, items()),
		page("ListB", []*parser.Member{one()}, items()),
		page("ListC", []*parser.Member{one()}, items()),
	}
	pkg := build(t, pages...)
	assert.Equal(t, []string{"A", "AFilter", "Filter"}, typeNames(pkg))
	assert.Equal(t, "AFilter", fieldType(pkg.Paginators[0].Input, "Filters").Elem.Named.GoName)
	assert.Equal(t, "Filter", fieldType(pkg.Paginators[1].Input, "Filters").Elem.Named.GoName)

	// The order in which pages come does not matter.
	reversed := build(t, page("ListC", []*parser.Member{one()}, items()), page("ListB", []*parser.Member{one()}, items()),
		page("ListA", []*parser.Member{other()}, items()))
	assert.Equal(t, typeNames(pkg), typeNames(reversed))
}

func TestClashingNamesTieGoesToFirstOperation(t *testing.T) {
	pkg := build(t,
		page("ListB", []*parser.Member{filters(member("Name", str()))}, items()),
		page("ListA", []*parser.Member{filters(member("Key", str()))}, items()),
	)
	assert.Equal(t, "Filter", fieldType(pkg.Paginators[0].Input, "Filters").Elem.Named.GoName, "ListA sorts first")
	assert.Equal(t, "BFilter", fieldType(pkg.Paginators[1].Input, "Filters").Elem.Named.GoName)
}

func TestEnumNames(t *testing.T) {
	pkg := build(t, page("DescribeSessions",
		[]*parser.Member{required(member("State", enum("Active", "History"))),
			filters(required(member("key", enum("InvokedAfter", "SHOT_CHANGE", "t2.micro", ""))))},
		member("Sessions", list(structure(member("Status", enum("Connected"))))),
	))
	state := fieldType(pkg.Paginators[0].Input, "State").Named
	assert.Equal(t, "SessionState", state.GoName, "an input's enum of one word is named after the operation's noun")
	assert.Equal(t, "SessionStateActive", state.Values[0].GoName)
	key := fieldType(fieldType(pkg.Paginators[0].Input, "Filters").Elem.Named, "key").Named
	assert.Equal(t, "SessionFilterKey", key.GoName, "the key of a structure named only Filter says the operation's noun")
	var consts []string
	for _, v := range key.Values {
		consts = append(consts, v.GoName)
	}
	assert.Equal(t, []string{"SessionFilterKeyInvokedAfter", "SessionFilterKeyShotChange", "SessionFilterKeyT2Micro", "SessionFilterKeyEmpty"}, consts)
	status := fieldType(pkg.Paginators[0].Item().Named, "Status").Named
	assert.Equal(t, "SessionStatus", status.GoName)
	assert.Equal(t, "Key", fieldType(pkg.Paginators[0].Input, "Filters").Elem.Named.Fields[0].GoName)
}

func TestSharedValuesNamedAlone(t *testing.T) {
	platform := func() *parser.Member { return member("Platform", enum("Linux", "Windows")) }
	pkg := build(t,
		page("ListImages", nil, member("Images", list(structure(member("Arn", str()), platform())))),
		page("ListComponents", nil, member("Components", list(structure(member("Name", str()), platform())))),
	)
	assert.Equal(t, []string{"Component", "Image", "Platform"}, typeNames(pkg),
		"an enum that several structures hold under one member name is named after the member")

	status := func() *parser.Member { return member("Status", enum("Active", "Failed")) }
	pkg = build(t,
		page("ListImages", nil, member("Images", list(structure(member("Arn", str()), status())))),
		page("ListComponents", nil, member("Components", list(structure(member("Name", str()), status())))),
	)
	assert.Equal(t, []string{"Component", "ComponentStatus", "Image"}, typeNames(pkg),
		"a status is some thing's status: the shared enum keeps its owner's name")
}

func TestPointers(t *testing.T) {
	pkg := build(t, page("ListA",
		[]*parser.Member{
			member("Count", &parser.Shape{Kind: parser.Integer}),
			required(member("Limit", &parser.Shape{Kind: parser.Integer})),
			member("DryRun", &parser.Shape{Kind: parser.Boolean}),
			member("Since", &parser.Shape{Kind: parser.Timestamp}),
			member("Name", str()),
			member("Config", structure(member("A", str()))),
			required(member("Scope", structure(member("B", str())))),
		}, items()))
	want := map[string]bool{"Count": true, "Limit": false, "DryRun": true, "Since": true, "Name": false, "Config": true, "Scope": false,
		"NextToken": false, "MaxResults": true}
	for _, f := range pkg.Paginators[0].Input.Fields {
		assert.Equal(t, want[f.Wire], f.Pointer, f.Wire)
	}
}

func TestPaginationConventions(t *testing.T) {
	pascal := page("ListThings", nil, member("Things", list(str())), member("Other", list(str())))
	camel := page("listWidgets", []*parser.Member{member("owner", str())}, member("widgets", list(str())))
	camel.PageSize = false
	pkg := build(t, pascal, camel)

	p := pkg.Paginators[0]
	assert.Equal(t, "Things", p.Result().Field().Wire)
	assert.Equal(t, "NextToken", p.InputTokens[0].Wire)
	assert.Equal(t, "MaxResults", p.Limit.Wire)
	assert.True(t, p.InputTokens[0].Hidden)

	p = pkg.Paginators[1]
	assert.Equal(t, "widgets", p.Result().Field().Wire)
	assert.Equal(t, "nextToken", p.InputTokens[0].Wire)
	assert.Equal(t, "nextToken", p.OutputTokens[0].Field().Wire)
	assert.Nil(t, p.Limit, "no PageSize, no limit key")
}

func TestPaginationErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		page *parser.Page
		cfg  map[string]parser.PaginatorConfig
		want string
	}{
		{"no result list", page("ListThings", nil, member("A", list(str())), member("B", list(str()))), nil,
			"ListThings.rst:0:0: cannot tell which list of ListThingsOutput is the result; name it in paginators.json"},
		{"resume token shown", func() *parser.Page { p := page("ListThings", nil, items()); p.ResumeToken = true; return p }(), nil,
			"ListThings.rst:0:0: the response shows boto3's resume token, so ListThings's output token is not NextToken; name its tokens in paginators.json"},
		{"result key not a list", page("ListThings", nil, items()),
			map[string]parser.PaginatorConfig{"ListThings": {InputToken: []string{"T"}, OutputToken: []string{"T"}, ResultKey: []string{"Nope"}}},
			`ListThings.rst:0:0: "Nope" in paginators.json: ListThingsOutput has no member Nope`},
		{"path through a list", page("ListThings", nil, items()),
			map[string]parser.PaginatorConfig{"ListThings": {InputToken: []string{"T"}, OutputToken: []string{"Things.Name"}, ResultKey: []string{"Things"}}},
			`ListThings.rst:0:0: "Things.Name" in paginators.json: Things is not a structure`},
		{"not a member name", page("ListThings", nil, items()),
			map[string]parser.PaginatorConfig{"ListThings": {InputToken: []string{"T"}, OutputToken: []string{"Things[0]"}, ResultKey: []string{"Things"}}},
			`ListThings.rst:0:0: "Things[0]" in paginators.json: "Things[0]" is not a member name; paths are members joined by '.', with an optional [-1]`},
		{"token not a string or an integer", page("ListThings", nil, items(), member("Done", &parser.Shape{Kind: parser.Boolean})),
			map[string]parser.PaginatorConfig{"ListThings": {InputToken: []string{"T"}, OutputToken: []string{"Done"}, ResultKey: []string{"Items"}}},
			`ListThings.rst:0:0: output token "Done" is not a string or an integer`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Build([]*parser.Page{tc.page}, map[string]map[string]parser.PaginatorConfig{"svc": tc.cfg}, nil, nil)
			require.EqualError(t, err, tc.want)
		})
	}
}

func TestOverride(t *testing.T) {
	cfg := map[string]map[string]parser.PaginatorConfig{"svc": {"ListThings": {
		InputToken: []string{"Marker"}, OutputToken: []string{"NextMarker"}, LimitKey: "MaxItems", ResultKey: []string{"Items"},
	}}}
	pkgs, err := Build([]*parser.Page{page("ListThings", nil, items())}, cfg, nil, nil)
	require.NoError(t, err)
	p := pkgs[0].Paginators[0]
	assert.Equal(t, "Marker", p.InputTokens[0].GoName)
	assert.Equal(t, "NextMarker", p.OutputTokens[0].Field().GoName)
	assert.Equal(t, "MaxItems", p.Limit.GoName)
	assert.Equal(t, "Items", p.Result().Field().GoName)
}

func TestFilterNames(t *testing.T) {
	f := filters(member("Name", str()), member("Values", list(str())))
	f.Terms = []parser.Term{
		{Name: "network-interface-id", Doc: "The ID of the network interface."},
		{Name: "owner-id", Doc: "The owner."},
		{Name: "tag:<key>", Doc: "The key/value combination of a tag."},
	}
	pkg := build(t, page("DescribeThings", []*parser.Member{f}, items()))
	fn := pkg.Paginators[0].Filter
	require.NotNil(t, fn)
	assert.Equal(t, "DescribeThingsFilterName", fn.GoName)
	assert.Equal(t, "Filter", fn.Filter.GoName)
	assert.Equal(t, "DescribeThingsFilterNameNetworkInterfaceId", fn.Names[0].GoName)
	assert.Equal(t, "network-interface-id", fn.Names[0].Value)
	assert.Equal(t, "DescribeThingsFilterNameTag", fn.Names[2].GoName, "named after the text before the placeholder")
	assert.Equal(t, "tag:", fn.Names[2].Value)
	assert.Equal(t, "key", fn.Names[2].Param)
}

func TestEnumDocsFromSiblingTerms(t *testing.T) {
	value := member("value", str())
	value.Terms = []parser.Term{{Name: "Owner", Doc: "Sessions started by that user."}}
	pkg := build(t, page("ListA", []*parser.Member{filters(member("key", enum("Owner", "Target")), value)}, items()))
	key := fieldType(fieldType(pkg.Paginators[0].Input, "Filters").Elem.Named, "key").Named
	assert.Equal(t, "Sessions started by that user.", key.Values[0].Doc)
	assert.Empty(t, key.Values[1].Doc)
}

func TestPaginationPaths(t *testing.T) {
	nested := member("List", structure(member("Marker", str()), member("Items", list(str())), member("Truncated", &parser.Shape{Kind: parser.Boolean})))
	cfg := map[string]map[string]parser.PaginatorConfig{"svc": {"ListThings": {
		InputToken: []string{"Marker"}, OutputToken: []string{"List.Marker || Items[-1].Id"},
		ResultKey: []string{"List.Items", "Items"}, MoreResults: "List.Truncated",
	}}}
	pkgs, err := Build([]*parser.Page{page("ListThings", nil, nested, items())}, cfg, nil, nil)
	require.NoError(t, err)
	p := pkgs[0].Paginators[0]
	tok := p.OutputTokens[0]
	require.Len(t, tok.Alts, 2)
	assert.Equal(t, []string{"List", "Marker"}, []string{tok.Alts[0][0].Field.Wire, tok.Alts[0][1].Field.Wire})
	assert.True(t, tok.Alts[1][0].Last, "Items[-1]")
	assert.Equal(t, "Id", tok.Alts[1][1].Field.Wire)
	assert.Equal(t, String, tok.Type.Kind)
	require.Len(t, p.Results, 2)
	assert.Equal(t, "Items", p.Result().Field().Wire)
	assert.False(t, p.Result().TopLevel())
	assert.Equal(t, "Items", p.Results[1].Field().Wire)
	assert.True(t, p.Results[1].TopLevel())
	assert.Equal(t, Bool, p.MoreResults.Type.Kind)
	assert.Equal(t, String, p.Item().Kind)
}

func TestUnrenderedResponse(t *testing.T) {
	pg := page("GetJobs", nil)
	pg.Unrendered = []string{"Response Syntax", "Response Structure"}
	cfg := map[string]map[string]parser.PaginatorConfig{"svc": {"GetJobs": {
		InputToken: []string{"NextToken"}, OutputToken: []string{"NextToken"}, ResultKey: []string{"Jobs"},
	}}}
	pkgs, err := Build([]*parser.Page{pg}, cfg, nil, nil)
	require.NoError(t, err)
	p := pkgs[0].Paginators[0]
	f := p.Result().Field()
	assert.True(t, f.Hidden)
	assert.Equal(t, &TypeRef{Kind: Slice, Elem: &TypeRef{Kind: Document}}, f.Type, "items are raw JSON")

	_, err = Build([]*parser.Page{page("GetJobs", nil)}, cfg, nil, nil)
	require.EqualError(t, err, `GetJobs.rst:0:0: "Jobs" in paginators.json: GetJobsOutput has no member Jobs`, "a rendered response must show its result")
}

func TestNonListResult(t *testing.T) {
	pg := page("GetUsage", nil, member("Items", &parser.Shape{Kind: parser.Map, Key: str(), Elem: list(str())}))
	cfg := map[string]map[string]parser.PaginatorConfig{"svc": {"GetUsage": {
		InputToken: []string{"NextToken"}, OutputToken: []string{"NextToken"}, ResultKey: []string{"Items"},
	}}}
	pkgs, err := Build([]*parser.Page{pg}, cfg, nil, nil)
	require.NoError(t, err)
	p := pkgs[0].Paginators[0]
	assert.Equal(t, Map, p.Item().Kind, "the map itself is the page's item")
}

func TestTokenTypes(t *testing.T) {
	plain := page("ListThings", nil, items())
	parts := page("ListParts", nil, items(),
		member("PartNumberMarker", &parser.Shape{Kind: parser.Integer}),
		member("Marker", str()))
	pkgs, err := Build([]*parser.Page{plain, parts}, map[string]map[string]parser.PaginatorConfig{"svc": {"ListParts": {
		InputToken: []string{"PartNumberMarker", "Marker"}, OutputToken: []string{"NextPartNumberMarker", "NextMarker"}, ResultKey: []string{"Items"},
	}}}, nil, nil)
	require.NoError(t, err)
	byName := map[string]*Paginator{}
	for _, p := range pkgs[0].Paginators {
		byName[p.Name] = p
	}

	p := byName["ListThings"]
	assert.Equal(t, Token, p.InputTokens[0].Type.Kind, "a hidden token holds any JSON value")
	assert.False(t, p.InputTokens[0].Pointer)
	assert.Equal(t, Token, p.OutputTokens[0].Type.Kind)

	p = byName["ListParts"]
	assert.Equal(t, Int64, p.InputTokens[0].Type.Kind, "the response shows the input token as an integer")
	assert.True(t, p.InputTokens[0].Pointer)
	assert.Equal(t, Int64, p.OutputTokens[0].Type.Kind, "the output token takes its input token's type")
	assert.Equal(t, Token, p.InputTokens[1].Type.Kind, "a string echo keeps the token a Token")
	assert.Equal(t, Token, p.OutputTokens[1].Type.Kind)
}

func TestAliasedMember(t *testing.T) {
	f := member("Filters", list(structure(member("Name", str()))))
	f.API = "Filter"
	pkg := build(t, page("DescribeThings", []*parser.Member{f}, items()))
	fl := pkg.Paginators[0].Input.Fields[0]
	assert.Equal(t, "Filters", fl.GoName, "the Go field keeps the name the page shows")
	assert.Equal(t, "Filter", fl.Wire, "the JSON name is the API's")
}
