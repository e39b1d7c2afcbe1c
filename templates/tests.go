package templates

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// Import paths the generated tests use.
const (
	pathContext = "context"
	pathErrors  = "errors"
	pathJSON    = "encoding/json"
	pathStrconv = "strconv"
	pathStrings = "strings"
	pathTesting = "testing"
	pathTime    = "time"
)

// fakePaged reports whether the fake client can serve several pages of
// items: the primary result is a list and every output token is a member
// the fake can set. The paging tests need it; where a token is read from
// the last item ("Jobs[-1].JobId") or the result is not a list, only the
// tests of errors, Validate and JSON are written.
func fakePaged(p *model.Paginator) bool {
	if p.Result().Type.Kind != model.Slice {
		return false
	}
	for _, t := range p.OutputTokens {
		for _, s := range t.Alts[0] {
			if s.Last {
				return false
			}
		}
	}
	return true
}

// markerField is the string field of a structure item that the tests set to
// tell items apart, or nil when the item is a string or has none.
func markerField(item *model.TypeRef) *model.Field {
	if item.Kind != model.Named || item.Named.Kind == model.Enum {
		return nil
	}
	for _, f := range item.Named.Fields {
		if f.Pointer {
			continue
		}
		if f.Type.Kind == model.String || (f.Type.Kind == model.Named && f.Type.Named.Kind == model.Enum) {
			return f
		}
	}
	return nil
}

// assertion is a call of testify's require.<fn>(t, args...).
func assertion(fn string, args ...jen.Code) *jen.Statement {
	return jen.Qual(testifyRequire, fn).Call(append([]jen.Code{jen.Id("t")}, args...)...)
}

// exampleStruct is a composite literal of t: with required, with every
// required member set; otherwise with every member set except references
// back to a structure being built. A union has exactly one member set: the
// first that does not refer back to a structure being built.
func exampleStruct(t *model.Type, stack []*model.Type, required, elide bool) jen.Code {
	for _, s := range stack {
		if s == t {
			return structLit(t, elide, jen.Dict{})
		}
	}
	stack = append(stack, t)
	d := jen.Dict{}
	for _, f := range t.Fields {
		if t.Kind == model.Union {
			if len(d) > 0 || refersTo(f.Type, stack) {
				continue
			}
		} else if (required && !f.Required) || (!required && refersTo(f.Type, stack)) {
			continue
		}
		v := exampleRef(f.Type, stack, required, false)
		if f.Pointer {
			v = pointerTo(f.Type, v)
		}
		d[jen.Id(f.GoName)] = v
	}
	return structLit(t, elide, d)
}

// structLit is a composite literal of t, without its type when elide.
func structLit(t *model.Type, elide bool, d jen.Dict) jen.Code {
	if elide {
		return jen.Values(d)
	}
	return jen.Id(t.GoName).Values(d)
}

// pointerTo takes the address of an example value of type r.
func pointerTo(r *model.TypeRef, v jen.Code) jen.Code {
	if r.Kind == model.Named && r.Named.Kind != model.Enum {
		return jen.Op("&").Add(v)
	}
	return jen.New(v)
}

// exampleRef is an example value of type r, as the page's syntax shows it:
// 'string', 123, 123.0, True, datetime(2015, 1, 1), b'bytes'. With
// required, structures get only their required members; with elide, a
// structure's literal leaves out its type, as in a list.
func exampleRef(r *model.TypeRef, stack []*model.Type, required, elide bool) jen.Code {
	switch r.Kind {
	case model.String:
		return jen.Lit("string")
	case model.Int64:
		return jen.Int64().Call(jen.Lit(123))
	case model.Float64:
		return jen.Float64().Call(jen.Lit(123.0))
	case model.Bool:
		return jen.True()
	case model.Time:
		return jen.Qual(pathTime, "Date").Call(jen.Lit(2015), jen.Lit(1), jen.Lit(1), jen.Lit(0), jen.Lit(0), jen.Lit(0), jen.Lit(0), jen.Qual(pathTime, "UTC"))
	case model.Bytes:
		return jen.Index().Byte().Call(jen.Lit("bytes"))
	case model.Document:
		return jen.Qual(pathJSON, "RawMessage").Call(jen.Lit(`{"key":["value",123.4,true,null]}`))
	case model.Token:
		return jen.Qual(Runtime, "StringToken").Call(jen.Lit("string"))
	case model.Named:
		t := r.Named
		if t.Kind == model.Enum {
			if len(t.Values) > 0 {
				return jen.Id(t.Values[0].GoName)
			}
			return jen.Id(t.GoName).Call(jen.Lit("value"))
		}
		return exampleStruct(t, stack, required, elide)
	case model.Slice:
		return jen.Add(typeRef(r)).Values(exampleRef(r.Elem, stack, required, true))
	case model.Map:
		return jen.Add(typeRef(r)).Values(jen.Dict{exampleRef(r.Key, stack, required, false): exampleRef(r.Elem, stack, required, true)})
	}
	panic(fmt.Sprintf("templates: unknown type reference kind %d", r.Kind))
}

// refersTo reports whether r refers to one of the structures being built.
func refersTo(r *model.TypeRef, stack []*model.Type) bool {
	switch r.Kind {
	case model.Named:
		for _, s := range stack {
			if s == r.Named {
				return true
			}
		}
	case model.Slice:
		return refersTo(r.Elem, stack)
	case model.Map:
		return refersTo(r.Elem, stack)
	}
	return false
}

// genValidateTest checks what Validate reports, for an input that has
// required members or unions: a valid input passes, an empty one names
// each missing required member and each required union with no member set,
// and a problem in a list element is reported with its path. (The kit
// checks that the paginator sends nothing for an invalid input.)
func (g *testGen) genValidateTest(f *jen.File) {
	p := g.p
	valid := jen.Parens(jen.Op("&").Add(exampleStruct(p.Input, nil, true, false)))
	body := []jen.Code{assertion("NoError", valid.Clone().Dot("Validate").Call())}
	zero := zeroProblems(p.Input, "")
	fl, nested := nestedProblems(p.Input)
	if zero.none() && fl == nil {
		// Only unions deeper down, which their own tests check.
		return
	}
	body = append(body, jen.Var().Id("invalid").Op("*").Qual(Runtime, "InvalidParamsError"))
	unions := p.Input.HoldsUnion()
	if !zero.none() {
		body = append(body, zero.assert(jen.Parens(jen.Op("&").Id(p.Input.GoName).Values()).Dot("Validate").Call(), unions)...)
	}
	if fl != nil {
		body = append(body,
			jen.Id("in").Op(":=").Op("&").Add(exampleStruct(p.Input, nil, true, false)),
			jen.Id("in").Dot(fl.GoName).Op("=").Add(typeRef(fl.Type)).Values(jen.Values()),
		)
		body = append(body, nested.assert(jen.Id("in").Dot("Validate").Call(), unions)...)
	}
	f.Line().Add(withDoc(comment(model.ValidateTestDoc(p), ""))).
		Func().Id(p.InputTestName).Params(jen.Id("t").Op("*").Qual(pathTesting, "T")).Block(body...)
}

// problems are what Validate reports for a value: the paths of its missing
// members and of its unions with no member set, each sorted.
type problems struct {
	missing, unions []string
}

func (z problems) none() bool { return len(z.missing) == 0 && len(z.unions) == 0 }

// assert checks that err, an *InvalidParamsError stored into invalid,
// reports exactly z; the unions only when unions says that the value holds
// any:
//
//	require.ErrorAs(t, err, &invalid)
//	require.Equal(t, []string{"Filters[0].Key"}, invalid.Missing)
//	require.Equal(t, []paginate.UnionSet{{Path: "Filter"}}, invalid.Unions)
func (z problems) assert(err jen.Code, unions bool) []jen.Code {
	code := []jen.Code{assertion("ErrorAs", err, jen.Op("&").Id("invalid"))}
	if len(z.missing) == 0 {
		code = append(code, assertion("Empty", jen.Id("invalid").Dot("Missing")))
	} else {
		code = append(code, assertion("Equal", jen.Index().String().Values(lits(z.missing)...), jen.Id("invalid").Dot("Missing")))
	}
	if !unions {
		return code
	}
	if len(z.unions) == 0 {
		return append(code, assertion("Empty", jen.Id("invalid").Dot("Unions")))
	}
	sets := make([]jen.Code, len(z.unions))
	for i, path := range z.unions {
		sets[i] = jen.Values(jen.Dict{jen.Id("Path"): jen.Lit(path)})
	}
	return append(code, assertion("Equal", jen.Index().Qual(Runtime, "UnionSet").Values(sets...), jen.Id("invalid").Dot("Unions")))
}

// zeroProblems are the problems Validate reports for a zero t at path.
func zeroProblems(t *model.Type, path string) problems {
	if t.Kind == model.Union {
		return problems{unions: []string{path}}
	}
	var z problems
	for _, f := range t.Fields {
		p := memberPath(path, f.GoName)
		if f.Required && missingCheck(f, jen.Id("x")) != nil {
			z.missing = append(z.missing, p)
		}
		// A required structure is a value, and Validate looks inside it.
		if f.Required && !f.Pointer && f.Type.Kind == model.Named && f.Type.Named.Kind != model.Enum {
			inner := zeroProblems(f.Type.Named, p)
			z.missing = append(z.missing, inner.missing...)
			z.unions = append(z.unions, inner.unions...)
		}
	}
	sort.Strings(z.missing)
	sort.Strings(z.unions)
	return z
}

// memberPath is the path of member name of the value at path, as
// paginateimpl.Member writes it.
func memberPath(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// nestedProblems finds a list-of-structures field of t whose zero element
// has problems, and the problems Validate reports for a one-element list of
// that zero element.
func nestedProblems(t *model.Type) (*model.Field, problems) {
	for _, f := range t.Fields {
		if f.Type.Kind != model.Slice || f.Type.Elem.Kind != model.Named || f.Type.Elem.Named.Kind == model.Enum {
			continue
		}
		if z := zeroProblems(f.Type.Elem.Named, f.GoName+"[0]"); !z.none() {
			return f, z
		}
	}
	return nil, problems{}
}

func lits(ss []string) []jen.Code {
	code := make([]jen.Code, len(ss))
	for i, s := range ss {
		code[i] = jen.Lit(s)
	}
	return code
}

// unknownValue is the value of the unknown member in union tests: a JSON
// text that any re-encoding would change (key order, number spelling,
// escapes), so that it passing through verbatim shows.
const unknownValue = `{"z":[1.50,"\u00e9",null,true],"a":{"b":-0.0e1}}`

// unknownWire is a member name that union t does not know.
func unknownWire(t *model.Type) string {
	name := "unknown-member"
	for i := 2; ; i++ {
		taken := false
		for _, f := range t.Fields {
			taken = taken || f.Wire == name
		}
		if !taken {
			return name
		}
		name = "unknown-member-" + strconv.Itoa(i)
	}
}

// plainMembers are the fields of union t whose example values do not
// refer back to t.
func plainMembers(t *model.Type) []*model.Field {
	var fs []*model.Field
	for _, f := range t.Fields {
		if !refersTo(f.Type, []*model.Type{t}) {
			fs = append(fs, f)
		}
	}
	return fs
}

// memberExample is an example value of union field fl, set as a field.
func memberExample(t *model.Type, fl *model.Field, required bool) jen.Code {
	v := exampleRef(fl.Type, []*model.Type{t}, required, false)
	if fl.Pointer {
		v = pointerTo(fl.Type, v)
	}
	return v
}

// unknownMembers is a map of one unknown member of union t.
func unknownMembers(t *model.Type) jen.Code {
	return jen.Map(jen.String()).Qual(pathJSON, "RawMessage").Values(jen.Dict{
		jen.Lit(unknownWire(t)): jen.Qual(pathJSON, "RawMessage").Call(jen.Lit(unknownValue)),
	})
}

// genUnionTests writes the tests of a union: its JSON codec and its
// validate method.
func genUnionTests(f *jen.File, t *model.Type) {
	genUnionJSONTest(f, t)
	genUnionValidateTest(f, t)
}

// genUnionJSONTest checks the union's JSON codec: a known member encodes
// alone under its wire name and decodes back; an unknown member decodes
// into the unknown field and encodes again byte for byte; both together
// survive a round trip; Member names what is set.
//
//	func TestBudgetUnionJSON(t *testing.T) {
//		require.Empty(t, Budget{}.Member())
//		want := Budget{AccessBudget: &AccessBudget{...}}
//		b, err := json.Marshal(want)
//		...
//	}
func genUnionJSONTest(f *jen.File, t *model.Type) {
	typ := jen.Id(t.GoName)
	unknown := unknownWire(t)
	body := []jen.Code{
		assertion("Empty", jen.Id(t.GoName).Values().Dot(t.MemberMethod).Call()),
	}
	u := jen.Var().Id("u").Add(typ.Clone())
	if known := plainMembers(t); len(known) > 0 {
		// Decoding replaces what was set.
		u = jen.Id("u").Op(":=").Id("want")
		fl := known[0]
		body = append(body,
			jen.Line(),
			jen.Comment("A known member encodes alone, under its name, and decodes back."),
			jen.Id("want").Op(":=").Add(typ.Clone()).Values(jen.Dict{jen.Id(fl.GoName): memberExample(t, fl, false)}),
			jen.List(jen.Id("b"), jen.Err()).Op(":=").Qual(pathJSON, "Marshal").Call(jen.Id("want")),
			assertion("NoError", jen.Err()),
			jen.Var().Id("members").Map(jen.String()).Qual(pathJSON, "RawMessage"),
			assertion("NoError", jen.Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("members"))),
			assertion("Len", jen.Id("members"), jen.Lit(1)),
			assertion("Contains", jen.Id("members"), jen.Lit(fl.Wire)),
			jen.Var().Id("got").Add(typ.Clone()),
			assertion("NoError", jen.Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("got"))),
			assertion("Equal", jen.Id("want"), jen.Id("got")),
			assertion("Equal", jen.Lit(fl.Wire), jen.Id("got").Dot(t.MemberMethod).Call()),
			jen.Line(),
			jen.Comment("With an unknown member as well, both survive a round trip."),
			jen.Id("want").Dot(t.Unknown).Op("=").Add(unknownMembers(t)),
			jen.List(jen.Id("b"), jen.Err()).Op("=").Qual(pathJSON, "Marshal").Call(jen.Id("want")),
			assertion("NoError", jen.Err()),
			jen.Id("got").Op("=").Add(typ.Clone()).Values(),
			assertion("NoError", jen.Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("got"))),
			assertion("Equal", jen.Id("want"), jen.Id("got")),
		)
	}
	in := fmt.Sprintf("{%q:%s}", unknown, unknownValue)
	body = append(body,
		jen.Line(),
		jen.Comment("An unknown member decodes as it is, alone, and encodes again byte for byte."),
		jen.Id("in").Op(":=").Lit(in),
		u,
		assertion("NoError", jen.Qual(pathJSON, "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("in")), jen.Op("&").Id("u"))),
		assertion("Equal", jen.Add(typ.Clone()).Values(jen.Dict{jen.Id(t.Unknown): unknownMembers(t)}), jen.Id("u")),
		assertion("Equal", jen.Lit(unknown), jen.Id("u").Dot(t.MemberMethod).Call()),
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Qual(pathJSON, "Marshal").Call(jen.Id("u")),
		assertion("NoError", jen.Err()),
		assertion("Equal", jen.Id("in"), jen.String().Call(jen.Id("out"))),
	)
	f.Line().Func().Id(t.TestName + "JSON").Params(jen.Id("t").Op("*").Qual(pathTesting, "T")).Block(body...)
}

// genUnionValidateTest checks the union's validate method with one member
// set (known or unknown), none, and two, and that a member that is set is
// validated within.
//
//	func TestBudgetUnionValidate(t *testing.T) {
//		validate := func(u Budget) error {
//			var v paginateimpl.Invalid
//			u.validate(&v, "")
//			return v.Err("Budget")
//		}
//		...
//	}
func genUnionValidateTest(f *jen.File, t *model.Type) {
	typ := jen.Id(t.GoName)
	known := plainMembers(t)
	body := []jen.Code{
		jen.Id("validate").Op(":=").Func().Params(jen.Id("u").Add(typ.Clone())).Error().Block(
			jen.Var().Id("v").Qual(Support, "Invalid"),
			jen.Id("u").Dot("validate").Call(jen.Op("&").Id("v"), jen.Lit("")),
			jen.Return(jen.Id("v").Dot("Err").Call(jen.Lit(t.GoName))),
		),
		jen.Var().Id("invalid").Op("*").Qual(Runtime, "InvalidParamsError"),
		jen.Id("unknown").Op(":=").Add(typ.Clone()).Values(jen.Dict{jen.Id(t.Unknown): unknownMembers(t)}),
		assertion("NoError", jen.Id("validate").Call(jen.Id("unknown"))),
		jen.Line(),
		jen.Id("err").Op(":=").Id("validate").Call(typ.Clone().Values()),
		assertion("ErrorAs", jen.Err(), jen.Op("&").Id("invalid")),
		assertion("Equal", jen.Index().Qual(Runtime, "UnionSet").Values(jen.Values()), jen.Id("invalid").Dot("Unions")),
		assertion("EqualError", jen.Err(), jen.Lit(t.GoName+": exactly one member must be set, got none")),
	}
	if len(known) > 0 {
		first := known[0]
		var second jen.Code
		set := []string{first.GoName}
		if len(known) > 1 {
			second = jen.Id("two").Dot(known[1].GoName).Op("=").Add(memberExample(t, known[1], true))
			set = append(set, known[1].GoName)
		} else {
			second = jen.Id("two").Dot(t.Unknown).Op("=").Add(unknownMembers(t))
			set = append(set, fmt.Sprintf("%s[%q]", t.Unknown, unknownWire(t)))
		}
		body = append(body,
			jen.Line(),
			jen.Id("one").Op(":=").Add(typ.Clone()).Values(jen.Dict{jen.Id(first.GoName): memberExample(t, first, true)}),
			assertion("NoError", jen.Id("validate").Call(jen.Id("one"))),
			jen.Id("two").Op(":=").Id("one"),
			second,
			jen.Err().Op("=").Id("validate").Call(jen.Id("two")),
			assertion("ErrorAs", jen.Err(), jen.Op("&").Id("invalid")),
			assertion("Equal", jen.Index().Qual(Runtime, "UnionSet").Values(jen.Values(jen.Dict{
				jen.Id("Set"): jen.Index().String().Values(lits(set)...),
			})), jen.Id("invalid").Dot("Unions")),
			assertion("EqualError", jen.Err(), jen.Lit(fmt.Sprintf("%s: exactly one member must be set, got 2 (%s)", t.GoName, strings.Join(set, ", ")))),
		)
	}
	// A member that is set is checked within.
	for _, fl := range known {
		if fl.Type.Kind != model.Named || fl.Type.Named.Kind == model.Enum || !fl.Type.Named.Validates {
			continue
		}
		if z := zeroProblems(fl.Type.Named, fl.GoName); !z.none() {
			body = append(body, jen.Line(), jen.Comment("A member that is set is validated within."))
			body = append(body, z.assert(jen.Id("validate").Call(typ.Clone().Values(jen.Dict{
				jen.Id(fl.GoName): jen.Op("&").Id(fl.Type.Named.GoName).Values(),
			})), true)...)
			break
		}
	}
	f.Line().Func().Id(t.TestName + "Validate").Params(jen.Id("t").Op("*").Qual(pathTesting, "T")).Block(body...)
}
