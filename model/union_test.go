package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/parser"
)

func union(members ...*parser.Member) *parser.Shape {
	s := structure(members...)
	s.Union = true
	return s
}

func scalar(k parser.Kind) *parser.Shape { return &parser.Shape{Kind: k} }

func field(t *Type, wire string) *Field {
	for _, f := range t.Fields {
		if f.Wire == wire {
			return f
		}
	}
	return nil
}

func named(pkg *Package, name string) *Type {
	for _, t := range pkg.Types {
		if t.GoName == name {
			return t
		}
	}
	return nil
}

func TestUnionMembersAreOptional(t *testing.T) {
	value := union(
		required(member("s", str())),
		member("e", enum("A", "B")),
		member("i", scalar(parser.Integer)),
		member("f", scalar(parser.Float)),
		member("b", scalar(parser.Boolean)),
		member("t", scalar(parser.Timestamp)),
		member("blob", scalar(parser.Blob)),
		member("doc", scalar(parser.Document)),
		member("st", structure(member("x", str()))),
		member("list", list(str())),
		member("map", &parser.Shape{Kind: parser.Map, Key: str(), Elem: str()}),
	)
	pkg := build(t, page("ListA", []*parser.Member{member("Value", value)}, items()))
	u := named(pkg, "Value")
	require.NotNil(t, u)
	assert.Equal(t, Union, u.Kind)
	for _, tc := range []struct {
		wire    string
		pointer bool
	}{
		{"s", true}, {"e", true}, {"i", true}, {"f", true}, {"b", true}, {"t", true},
		{"blob", false}, {"doc", false}, {"st", true}, {"list", false}, {"map", false},
	} {
		f := field(u, tc.wire)
		require.NotNil(t, f, tc.wire)
		assert.Equal(t, tc.pointer, f.Pointer, tc.wire)
		assert.False(t, f.Required, "%s: a union's members are never required on their own", tc.wire)
	}
	assert.Equal(t, "Unknown", u.Unknown)
	assert.Equal(t, "Member", u.MemberMethod)
	assert.Equal(t, "TestValueUnion", u.TestName)
}

func TestUnionNamesAvoidFields(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members []string
		fields  []string // the fields' Go names, in member order
		method  string
		unknown string
	}{
		{"no clash", []string{"a", "b"}, []string{"A", "B"}, "Member", "Unknown"},
		{"a member named member", []string{"member", "collaboration"}, []string{"Member", "Collaboration"}, "MemberName", "Unknown"},
		{"every candidate taken", []string{"Member", "MemberName", "Unknown", "UnknownMembers"},
			[]string{"Member", "MemberName", "Unknown", "UnknownMembers"}, "Member2", "Unknown2"},
		{"members named like the JSON methods", []string{"marshalJSON", "UnmarshalJSON", "MarshalJSON2"},
			[]string{"MarshalJSON3", "UnmarshalJSON2", "MarshalJSON2"}, "Member", "Unknown"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ms []*parser.Member
			for _, m := range tc.members {
				ms = append(ms, member(m, str()))
			}
			pkg := build(t, page("ListA", []*parser.Member{member("Value", union(ms...))}, items()))
			u := named(pkg, "Value")
			var got []string
			for _, f := range u.Fields {
				got = append(got, f.GoName)
			}
			assert.Equal(t, tc.fields, got)
			assert.Equal(t, tc.method, u.MemberMethod)
			assert.Equal(t, tc.unknown, u.Unknown)
		})
	}
}

func TestUnionValidates(t *testing.T) {
	// Input: ListA.Config.Rules[].Condition is a union; Config and Rule
	// validate so that the input's Validate reaches it. Output: Item.Choice
	// is a union; the union validates itself, the item (named after the
	// operation's noun, A) does not.
	condition := union(member("Equals", str()), member("Not", str()))
	config := structure(member("Rules", list(structure(member("Condition", condition)))), member("Name", str()))
	out := member("Items", list(structure(member("Id", str()), member("Choice", union(member("X", str()), member("Y", str()))))))
	pkg := build(t, page("ListA", []*parser.Member{member("Config", config)}, out))
	want := map[string]bool{"Condition": true, "Config": true, "Rule": true, "Choice": true, "A": false}
	for name, validates := range want {
		typ := named(pkg, name)
		require.NotNil(t, typ, name)
		assert.Equal(t, validates, typ.Validates, name)
	}
	assert.True(t, pkg.Paginators[0].Input.Validates)
}

func TestIdenticalUnionsMerge(t *testing.T) {
	u := func() *parser.Member { return member("Value", union(member("a", str()), member("b", list(str())))) }
	s := func() *parser.Member { return member("Value", structure(member("a", str()), member("b", list(str())))) }
	pkg := build(t,
		page("ListA", []*parser.Member{u()}, items()),
		page("ListB", []*parser.Member{u()}, items()),
		page("ListC", []*parser.Member{s()}, items()),
	)
	assert.Equal(t, []string{"A", "CValue", "Value"}, typeNames(pkg), "a union and a structure of the same members are two types")
	assert.Equal(t, []string{"ListA", "ListB"}, named(pkg, "Value").Ops)
}

func TestDocuments(t *testing.T) {
	pkg := build(t, page("ListA", []*parser.Member{
		required(member("Doc", scalar(parser.Document))),
		member("Docs", list(scalar(parser.Document))),
		member("ByName", &parser.Shape{Kind: parser.Map, Key: str(), Elem: scalar(parser.Document)}),
	}, items()))
	in := pkg.Paginators[0].Input
	assert.Equal(t, &TypeRef{Kind: Document}, fieldType(in, "Doc"))
	assert.False(t, field(in, "Doc").Pointer, "a document is nil when absent")
	assert.Equal(t, &TypeRef{Kind: Slice, Elem: &TypeRef{Kind: Document}}, fieldType(in, "Docs"))
	assert.Equal(t, &TypeRef{Kind: Map, Key: &TypeRef{Kind: String}, Elem: &TypeRef{Kind: Document}}, fieldType(in, "ByName"))
	assert.True(t, in.Validates, "a required document is checked")
}
