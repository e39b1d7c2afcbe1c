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

// testGen holds what the test emitters share for one paginator.
type testGen struct {
	p      *model.Paginator
	marker *model.Field // the item field that tells items apart, or nil
	paged  bool         // the fake serves several pages of items
}

// genTests writes a paginator's tests: a fake client serving pages from
// memory, and tests of every item in order, PageSize, MaxItems with resume,
// a repeated token, a client error, a cancelled context, Validate and a JSON
// round trip of a value built from the page's Response Syntax.
func genTests(f *jen.File, p *model.Paginator) {
	g := &testGen{p: p, marker: markerField(p.Item()), paged: fakePaged(p)}
	g.genFake(f)
	g.genHelpers(f)
	if g.paged {
		g.genItemsTest(f)
		g.genPageSizeTest(f)
		g.genMaxItemsTest(f)
		g.genRepeatedTokenTest(f)
	}
	g.genErrorTests(f)
	g.genValidateTest(f)
	g.genJSONTest(f)
}

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

// ctxBackground is context.Background().
func ctxBackground() *jen.Statement { return jen.Qual(pathContext, "Background").Call() }

// assertion is a call of testify's require.<fn>(t, args...).
func assertion(fn string, args ...jen.Code) *jen.Statement {
	return jen.Qual(testifyRequire, fn).Call(append([]jen.Code{jen.Id("t")}, args...)...)
}

// genFake writes the fake client:
//
//	type describeSessionsFake struct { pages []*DescribeSessionsOutput; calls []DescribeSessionsInput; err error; repeat bool }
//
//	func (c *describeSessionsFake) DescribeSessions(ctx context.Context, in *DescribeSessionsInput) (*DescribeSessionsOutput, error)
func (g *testGen) genFake(f *jen.File) {
	p := g.p
	f.Line().Add(withDoc(comment(fmt.Sprintf("%s serves pages of %s from memory; page i's token is \"page-i\".", p.FakeName, p.Name), ""))).Type().Id(p.FakeName).Struct(
		jen.Id("pages").Index().Op("*").Id(p.Output.GoName),
		jen.Id("calls").Index().Id(p.Input.GoName),
		jen.Id("err").Error(),
		jen.Id("repeat").Bool(),
	)
	inTok := jen.Id("in").Dot(p.InputTokens[0].GoName)
	f.Line().Func().Params(jen.Id("c").Op("*").Id(p.FakeName)).Id(p.Name).Params(
		jen.Id("ctx").Qual(pathContext, "Context"), jen.Id("in").Op("*").Id(p.Input.GoName),
	).Params(jen.Op("*").Id(p.Output.GoName), jen.Error()).Block(
		jen.Id("c").Dot("calls").Op("=").Append(jen.Id("c").Dot("calls"), jen.Op("*").Id("in")),
		jen.If(jen.Id("c").Dot("err").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("c").Dot("err"))),
		jen.Id("i").Op(":=").Lit(0),
		g.readPageIndex(inTok),
		jen.Id("out").Op(":=").Op("*").Id("c").Dot("pages").Index(jen.Id("i")),
		jen.If(jen.Id("c").Dot("repeat")).Block(g.setToken(jen.Id("out"), g.tokenFor(jen.Lit(1)))...),
		jen.Return(jen.Op("&").Id("out"), jen.Nil()),
	)

	// newDescribeSessionsFake(sizes ...int) (*describeSessionsFake, []string)
	item := g.item(jen.Id("id"))
	page := []jen.Code{jen.Id("page").Op(":=").Op("&").Id(p.Output.GoName).Values()}
	if g.paged {
		page = append(page, jen.For(jen.Range().Id("size")).BlockFunc(func(grp *jen.Group) {
			if !g.unmarked() {
				grp.Id("id").Op(":=").Lit("item-").Op("+").Qual(pathStrconv, "Itoa").Call(jen.Len(jen.Id("want")))
			}
			for _, c := range setPath(p.Result().Alts[0], jen.Id("page"), func(e *jen.Statement) jen.Code {
				return e.Clone().Op("=").Append(e, item)
			}) {
				grp.Add(c)
			}
			grp.Id("want").Op("=").Append(jen.Id("want"), g.wantOf(jen.Id("id")))
		}))
	}
	size := jen.Id("size")
	if !g.paged {
		size = jen.Id("_")
	}
	last := g.setToken(jen.Id("page"), g.tokenFor(jen.Id("i").Op("+").Lit(1)))
	if m := p.MoreResults; m != nil {
		last = append(last, setPath(m.Alts[0], jen.Id("page"), func(e *jen.Statement) jen.Code {
			if m.Field().Pointer {
				return e.Op("=").New(jen.True())
			}
			return e.Op("=").True()
		})...)
	}
	page = append(page,
		jen.If(jen.Id("i").Op("<").Len(jen.Id("sizes")).Op("-").Lit(1)).Block(last...),
		jen.Id("c").Dot("pages").Op("=").Append(jen.Id("c").Dot("pages"), jen.Id("page")),
	)
	f.Line().Add(withDoc(comment(fmt.Sprintf("%s returns a fake client serving pages of the given sizes, and the markers of all its items in order.", p.NewFakeName), ""))).Func().Id(p.NewFakeName).Params(jen.Id("sizes").Op("...").Int()).Params(jen.Op("*").Id(p.FakeName), jen.Index().String()).Block(
		jen.Id("c").Op(":=").Op("&").Id(p.FakeName).Values(),
		jen.Var().Id("want").Index().String(),
		jen.For(jen.List(jen.Id("i"), size).Op(":=").Range().Id("sizes")).Block(page...),
		jen.Return(jen.Id("c"), jen.Id("want")),
	)
}

// setToken writes the statements that set the first output token of page
// to tok, where the fake can set it.
func (g *testGen) setToken(page, tok jen.Code) []jen.Code {
	if !g.paged {
		return nil
	}
	return setPath(g.p.OutputTokens[0].Alts[0], jen.Add(page), func(e *jen.Statement) jen.Code {
		return e.Op("=").Add(tok)
	})
}

// readPageIndex writes the statement that sets i to the index of the page
// the first input token, inTok, asks for: "page-i", or the integer i.
func (g *testGen) readPageIndex(inTok *jen.Statement) jen.Code {
	fl := g.p.InputTokens[0]
	if fl.Type.Kind == model.Int64 {
		if fl.Pointer {
			return jen.If(inTok.Clone().Op("!=").Nil()).Block(jen.Id("i").Op("=").Int().Call(jen.Op("*").Add(inTok.Clone())))
		}
		return jen.Id("i").Op("=").Int().Call(inTok.Clone())
	}
	text := inTok.Clone()
	if fl.Type.Kind == model.Token {
		text = inTok.Clone().Dot("String").Call()
	} else if fl.Type.Kind == model.Named {
		text = jen.String().Call(inTok.Clone())
	}
	return jen.If(text.Clone().Op("!=").Lit("")).Block(
		jen.Id("i").Op(",").Id("_").Op("=").Qual(pathStrconv, "Atoi").Call(
			jen.Qual(pathStrings, "TrimPrefix").Call(text, jen.Lit("page-"))),
	)
}

// tokenFor is the value of the first output token that asks for page i:
// "page-i", or the integer i, in the output token member's type.
func (g *testGen) tokenFor(i jen.Code) jen.Code {
	return tokenValue(g.p.OutputTokens[0].Type, g.p.OutputTokens[0].Field().Pointer, i)
}

// inputTokenFor is the value of the first input token that asks for page
// i, a constant.
func (g *testGen) inputTokenFor(i int) jen.Code {
	return tokenValue(g.p.InputTokens[0].Type, g.p.InputTokens[0].Pointer, jen.Lit(i))
}

// tokenValue is a token asking for page i in a member of type r.
func tokenValue(r *model.TypeRef, pointer bool, i jen.Code) jen.Code {
	text := jen.Lit("page-").Op("+").Qual(pathStrconv, "Itoa").Call(i)
	switch r.Kind {
	case model.Int64:
		if pointer {
			return jen.New(jen.Int64().Call(i))
		}
		return jen.Int64().Call(i)
	case model.Token:
		return jen.Qual(Runtime, "StringToken").Call(text)
	case model.Named:
		return jen.Id(r.Named.GoName).Call(text)
	}
	return text
}

// item builds a result item marked with the string id.
func (g *testGen) item(id jen.Code) jen.Code {
	elem := g.p.Item()
	switch {
	case elem.Kind == model.String:
		return id
	case elem.Kind == model.Named && elem.Named.Kind == model.Enum:
		return jen.Id(elem.Named.GoName).Call(id)
	case g.marker != nil:
		val := id
		if g.marker.Type.Kind == model.Named {
			val = jen.Id(g.marker.Type.Named.GoName).Call(id)
		}
		return jen.Id(elem.Named.GoName).Values(jen.Dict{jen.Id(g.marker.GoName): val})
	}
	return jen.Op("*").New(typeRef(elem))
}

// wantOf is what the tests expect to read back from an item marked id.
func (g *testGen) wantOf(id jen.Code) jen.Code {
	if g.unmarked() {
		return jen.Lit("")
	}
	return id
}

// unmarked reports that items cannot be told apart, so only their number
// is checked.
func (g *testGen) unmarked() bool {
	elem := g.p.Item()
	return elem.Kind != model.String && !(elem.Kind == model.Named && elem.Named.Kind == model.Enum) && g.marker == nil
}

// markerOf reads the marker of an item.
func (g *testGen) markerOf(item *jen.Statement) jen.Code {
	elem := g.p.Item()
	switch {
	case elem.Kind == model.String:
		return item
	case elem.Kind == model.Named && elem.Named.Kind == model.Enum:
		return jen.String().Call(item)
	case g.marker != nil:
		if g.marker.Type.Kind == model.Named {
			return jen.String().Call(item.Dot(g.marker.GoName))
		}
		return item.Dot(g.marker.GoName)
	}
	return jen.Lit("")
}

// genHelpers writes the collect and valid-input helpers.
func (g *testGen) genHelpers(f *jen.File) {
	p := g.p
	item := jen.Id("item")
	if g.unmarked() {
		item = jen.Id("_")
	}
	f.Line().Add(withDoc(comment(fmt.Sprintf("%s pages through p and returns the markers of its items.", p.CollectName), ""))).Func().Id(p.CollectName).Params(jen.Id("t").Op("*").Qual(pathTesting, "T"), jen.Id("p").Op("*").Id(p.PaginatorName)).Index().String().Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Var().Id("got").Index().String(),
		jen.For(jen.List(item, jen.Id("err")).Op(":=").Range().Id("p").Dot("Items").Call(ctxBackground())).Block(
			assertion("NoError", jen.Id("err")),
			jen.Id("got").Op("=").Append(jen.Id("got"), g.markerOf(jen.Id("item"))),
		),
		jen.Return(jen.Id("got")),
	)
	f.Line().Add(withDoc(comment(fmt.Sprintf("%s returns an input with every required member set.", p.ValidInputName), ""))).Func().Id(p.ValidInputName).Params().Op("*").Id(p.Input.GoName).Block(
		jen.Return(jen.Op("&").Add(exampleStruct(p.Input, nil, true, false))),
	)
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

func (g *testGen) newPaginator(client, in jen.Code, opts ...jen.Code) *jen.Statement {
	return jen.Id(g.p.NewName).Call(append([]jen.Code{client, in}, opts...)...)
}

func option(field string, v jen.Code) jen.Code {
	return jen.Func().Params(jen.Id("o").Op("*").Qual(Runtime, "Options")).Block(jen.Id("o").Dot(field).Op("=").Add(v))
}

func (g *testGen) testFunc(f *jen.File, name string, body ...jen.Code) {
	f.Line().Func().Id(name).Params(jen.Id("t").Op("*").Qual(pathTesting, "T")).Block(body...)
}

// genItemsTest checks that Items yields every item once and in order over
// several pages, an empty one among them, and that the paginator then ends.
func (g *testGen) genItemsTest(f *jen.File) {
	p := g.p
	g.testFunc(f, p.TestName+"Items",
		jen.List(jen.Id("c"), jen.Id("want")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(2), jen.Lit(3), jen.Lit(0), jen.Lit(1)),
		jen.Id("p").Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call())),
		assertion("True", jen.Id("p").Dot("HasMorePages").Call()),
		assertion("Equal", jen.Id("want"), jen.Id(p.CollectName).Call(jen.Id("t"), jen.Id("p"))),
		assertion("Len", jen.Id("want"), jen.Lit(6)),
		assertion("Len", jen.Id("c").Dot("calls"), jen.Lit(4)),
		assertion("Empty", jen.Id("c").Dot("calls").Index(jen.Lit(0)).Dot(p.InputTokens[0].GoName)),
		assertion("Equal", g.inputTokenFor(3), jen.Id("c").Dot("calls").Index(jen.Lit(3)).Dot(p.InputTokens[0].GoName)),
		assertion("False", jen.Id("p").Dot("HasMorePages").Call()),
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Id("p").Dot("NextPage").Call(ctxBackground()),
		assertion("ErrorIs", jen.Id("err"), jen.Qual(Runtime, "ErrNoMorePages")),
	)
}

// genPageSizeTest checks that PageSize is sent as the limit key on every
// request, or, for an operation without one, that it is refused as boto3
// refuses it.
func (g *testGen) genPageSizeTest(f *jen.File) {
	p := g.p
	opt := option("PageSize", jen.Lit(2))
	if p.Limit == nil {
		g.testFunc(f, p.TestName+"PageSize",
			jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(2)),
			jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call(), opt)).Dot("NextPage").Call(ctxBackground()),
			assertion("Error", jen.Id("err")),
			assertion("Empty", jen.Id("c").Dot("calls")),
		)
		return
	}
	limit := jen.Id("in").Dot(p.Limit.GoName)
	g.testFunc(f, p.TestName+"PageSize",
		jen.List(jen.Id("c"), jen.Id("want")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(2), jen.Lit(2), jen.Lit(1)),
		jen.Id("p").Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call(), opt)),
		assertion("Equal", jen.Id("want"), jen.Id(p.CollectName).Call(jen.Id("t"), jen.Id("p"))),
		assertion("Len", jen.Id("c").Dot("calls"), jen.Lit(3)),
		jen.For(jen.List(jen.Id("_"), jen.Id("in")).Op(":=").Range().Id("c").Dot("calls")).Block(
			assertion("NotNil", limit.Clone()),
			assertion("Equal", jen.Int64().Call(jen.Lit(2)), jen.Op("*").Add(limit.Clone())),
		),
	)
}

// genMaxItemsTest checks that MaxItems stops mid-page and that the resume
// token continues with no gap and no repeat.
func (g *testGen) genMaxItemsTest(f *jen.File) {
	p := g.p
	g.testFunc(f, p.TestName+"MaxItemsResume",
		jen.List(jen.Id("c"), jen.Id("want")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(2), jen.Lit(3), jen.Lit(1)),
		jen.Id("first").Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call(), option("MaxItems", jen.Lit(3)))),
		assertion("Equal", jen.Id("want").Index(jen.Empty(), jen.Lit(3)), jen.Id(p.CollectName).Call(jen.Id("t"), jen.Id("first"))),
		jen.Id("token").Op(":=").Id("first").Dot("ResumeToken").Call(),
		assertion("NotEmpty", jen.Id("token")),
		jen.Id("rest").Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call(), option("StartingToken", jen.Id("token")))),
		assertion("Equal", jen.Id("want").Index(jen.Lit(3), jen.Empty()), jen.Id(p.CollectName).Call(jen.Id("t"), jen.Id("rest"))),
		assertion("Empty", jen.Id("rest").Dot("ResumeToken").Call()),
	)
}

// genRepeatedTokenTest checks that a service that sends the same token
// twice stops the paginator with an error, as boto3 does.
func (g *testGen) genRepeatedTokenTest(f *jen.File) {
	p := g.p
	next := func() jen.Code {
		return jen.List(jen.Id("_"), jen.Id("err")).Op("=").Id("p").Dot("NextPage").Call(ctxBackground())
	}
	g.testFunc(f, p.TestName+"RepeatedToken",
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(1), jen.Lit(1), jen.Lit(1)),
		jen.Id("c").Dot("repeat").Op("=").True(),
		jen.Id("p").Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call())),
		jen.Var().Id("err").Error(),
		next(), assertion("NoError", jen.Id("err")),
		next(), assertion("NoError", jen.Id("err")),
		next(), assertion("ErrorContains", jen.Id("err"), jen.Lit("same next token")),
		assertion("Len", jen.Id("c").Dot("calls"), jen.Lit(2)),
	)
}

// genErrorTests checks that a client error is returned as is and that a
// cancelled context stops the paginator before any request.
func (g *testGen) genErrorTests(f *jen.File) {
	p := g.p
	g.testFunc(f, p.TestName+"ClientError",
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(1)),
		jen.Id("c").Dot("err").Op("=").Qual(pathErrors, "New").Call(jen.Lit("service unavailable")),
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call())).Dot("NextPage").Call(ctxBackground()),
		assertion("ErrorIs", jen.Id("err"), jen.Id("c").Dot("err")),
	)
	g.testFunc(f, p.TestName+"CancelledContext",
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(1)),
		jen.List(jen.Id("ctx"), jen.Id("cancel")).Op(":=").Qual(pathContext, "WithCancel").Call(ctxBackground()),
		jen.Id("cancel").Call(),
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Id(p.ValidInputName).Call())).Dot("NextPage").Call(jen.Id("ctx")),
		assertion("ErrorIs", jen.Id("err"), jen.Qual(pathContext, "Canceled")),
		assertion("Empty", jen.Id("c").Dot("calls")),
	)
}

// genValidateTest checks Validate: a valid input passes, an empty one names
// each missing required member and each required union with no member set,
// a problem in a list element is reported with its path, and the paginator
// sends nothing for an invalid input.
func (g *testGen) genValidateTest(f *jen.File) {
	p := g.p
	body := []jen.Code{
		assertion("NoError", jen.Id(p.ValidInputName).Call().Dot("Validate").Call()),
	}
	zero := zeroProblems(p.Input, "")
	if zero.none() {
		body = append(body, assertion("NoError", jen.Parens(jen.Op("&").Id(p.Input.GoName).Values()).Dot("Validate").Call()))
		g.testFunc(f, p.InputTestName, body...)
		return
	}
	body = append(body, jen.Var().Id("invalid").Op("*").Qual(Runtime, "InvalidParamsError"))
	unions := p.Input.HoldsUnion()
	body = append(body, zero.assert(jen.Parens(jen.Op("&").Id(p.Input.GoName).Values()).Dot("Validate").Call(), unions)...)
	if fl, nested := nestedProblems(p.Input); fl != nil {
		body = append(body,
			jen.Id("in").Op(":=").Id(p.ValidInputName).Call(),
			jen.Id("in").Dot(fl.GoName).Op("=").Add(typeRef(fl.Type)).Values(jen.Values()),
		)
		body = append(body, nested.assert(jen.Id("in").Dot("Validate").Call(), unions)...)
	}
	body = append(body,
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id(p.NewFakeName).Call(jen.Lit(1)),
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Add(g.newPaginator(jen.Id("c"), jen.Op("&").Id(p.Input.GoName).Values())).Dot("NextPage").Call(ctxBackground()),
		assertion("ErrorAs", jen.Id("err"), jen.Op("&").Id("invalid")),
		assertion("Empty", jen.Id("c").Dot("calls")),
	)
	g.testFunc(f, p.InputTestName, body...)
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

// genJSONTest round-trips an output built from the page's Response Syntax
// through encoding/json.
func (g *testGen) genJSONTest(f *jen.File) {
	p := g.p
	g.testFunc(f, p.OutputTestName,
		jen.Id("want").Op(":=").Add(exampleStruct(p.Output, nil, false, false)),
		jen.List(jen.Id("b"), jen.Id("err")).Op(":=").Qual(pathJSON, "Marshal").Call(jen.Id("want")),
		assertion("NoError", jen.Id("err")),
		jen.Var().Id("got").Id(p.Output.GoName),
		assertion("NoError", jen.Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("got"))),
		assertion("Equal", jen.Id("want"), jen.Id("got")),
	)
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
