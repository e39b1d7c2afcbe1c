package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genInput writes the operation's input struct and its Validate method.
func genInput(f *jen.File, p *model.Paginator) {
	genStruct(f, p.Input)
	genTimeCodec(f, p.Input)
	genValidate(f, p.Input, p.Name)
}

// genOutput writes the operation's output struct, one page of results.
func genOutput(f *jen.File, p *model.Paginator) {
	genStruct(f, p.Output)
	genTimeCodec(f, p.Output)
}

// genClient writes the interface a client implements to be paged:
//
//	// DescribeSessionsAPIClient is a client that can call DescribeSessions.
//	type DescribeSessionsAPIClient interface {
//		DescribeSessions(ctx context.Context, in *DescribeSessionsInput) (*DescribeSessionsOutput, error)
//	}
func genClient(f *jen.File, p *model.Paginator) {
	f.Add(withDoc(docOf(p.Docs().Client)).Type().Id(p.ClientName).Interface(
		jen.Id(p.Name).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("in").Op("*").Id(p.Input.GoName),
		).Params(jen.Op("*").Id(p.Output.GoName), jen.Error()),
	))
}

// genSpec writes the paginateimpl.Spec that tells the runtime where the
// operation's hidden pagination members are. Its functions take the input
// or output as any and assert its type:
//
//	var describeSessionsSpec = &paginateimpl.Spec{
//		InputTokens: []string{"NextToken"},
//		SetTokens: func(v any, t []paginate.Token) error {
//			in := v.(*DescribeSessionsInput)
//			in.NextToken = t[0]
//			return nil
//		},
//		...
//	}
func genSpec(f *jen.File, p *model.Paginator) {
	in, out := p.Input.GoName, p.Output.GoName
	fields := jen.Dict{}
	names := make([]jen.Code, len(p.InputTokens))
	set := []jen.Code{assertAs("in", in)}
	get := []jen.Code{assertAs("out", out)}
	for i, fl := range p.InputTokens {
		names[i] = jen.Lit(fl.Wire)
		set = append(set, setToken(fl, jen.Id("in").Dot(fl.GoName), jen.Id("t").Index(jen.Lit(i)), i)...)
	}
	set = append(set, jen.Return(jen.Nil()))
	for i, path := range p.OutputTokens {
		t := jen.Id("t").Index(jen.Lit(i))
		for j, alt := range path.Alts {
			read := readPath(alt, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code {
				return []jen.Code{t.Clone().Op("=").Add(tokenOf(path.Type, v))}
			})
			if j > 0 {
				read = []jen.Code{jen.If(t.Clone().Dot("IsZero").Call()).Block(read...)}
			}
			get = append(get, read...)
		}
	}
	fields[jen.Id("InputTokens")] = jen.Index().String().Values(names...)
	tokens := jen.Id("t").Index().Qual(Runtime, "Token")
	fields[jen.Id("SetTokens")] = jen.Func().Params(anyParam(), tokens.Clone()).Error().Block(set...)
	fields[jen.Id("OutputTokens")] = jen.Func().Params(anyParam(), tokens).Block(get...)
	if p.Limit != nil {
		fields[jen.Id("SetLimit")] = jen.Func().Params(anyParam(), jen.Id("n").Int()).Block(
			assertAs("in", in),
			jen.Id("in").Dot(p.Limit.GoName).Op("=").New(jen.Int64().Call(jen.Id("n"))),
		)
	}
	if m := p.MoreResults; m != nil {
		body := readPath(m.Alts[0], jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{jen.Return(v)} })
		fields[jen.Id("MoreResults")] = jen.Func().Params(anyParam()).Bool().Block(
			append([]jen.Code{assertAs("out", out)}, orElse(m, body, jen.Return(jen.False()))...)...)
	}
	genResult(fields, p)
	if len(p.Results) > 1 {
		var clear []jen.Code
		for _, r := range p.Results[1:] {
			if v, ok := zeroValue(r.Field()); ok {
				clear = append(clear, writePath(r.Alts[0], jen.Id("out"), 1, v)...)
			}
		}
		if len(clear) > 0 {
			fields[jen.Id("ClearSecondary")] = jen.Func().Params(anyParam()).Block(
				append([]jen.Code{assertAs("out", out)}, clear...)...)
		}
	}
	// An input without required members or unions has a Validate that
	// returns nil, which the runtime is not handed.
	if p.Input.Validates {
		fields[jen.Id("Validate")] = jen.Func().Params(anyParam()).Error().Block(
			jen.Return(jen.Id("v").Assert(jen.Op("*").Id(in)).Dot("Validate").Call()),
		)
	}
	f.Line().Var().Id(p.SpecName).Op("=").Op("&").Qual(Support, "Spec").Values(fields)
	genItems(f, p)
}

// setToken writes the statements that set the input token member fl,
// reached as sel, to the token tok, the i-th one:
//
//	in.NextToken = t[0]
//	in.PartNumberMarker, err = t[0].Int64Ptr() // with the error returned
func setToken(fl *model.Field, sel, tok *jen.Statement, i int) []jen.Code {
	var conv string
	switch {
	case fl.Type.Kind == model.Token:
		return []jen.Code{sel.Op("=").Add(tok)}
	case fl.Type.Kind == model.Int64 && fl.Pointer:
		conv = "Int64Ptr"
	case fl.Type.Kind == model.Int64:
		conv = "Int64"
	default:
		conv = "Text"
	}
	v := jen.Id(fmt.Sprintf("v%d", i))
	val := v.Clone()
	if fl.Type.Kind == model.Named {
		val = jen.Id(fl.Type.Named.GoName).Call(v.Clone())
	}
	return []jen.Code{
		jen.List(v.Clone(), jen.Err()).Op(":=").Add(tok).Dot(conv).Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		sel.Op("=").Add(val),
	}
}

// tokenOf is the token that holds v, an output token member of type r.
func tokenOf(r *model.TypeRef, v *jen.Statement) jen.Code {
	switch r.Kind {
	case model.Token:
		return v
	case model.Int64:
		return jen.Qual(Runtime, "IntToken").Call(v)
	case model.Named:
		v = jen.String().Call(v)
	}
	return jen.Qual(Runtime, "StringToken").Call(v)
}

// anyParam is the parameter of a Spec function that takes the input or
// output: v any.
func anyParam() jen.Code {
	return jen.Id("v").Any()
}

// assertAs writes the statement that asserts v, a Spec function's any
// parameter, to a pointer to typ: in := v.(*DescribeSessionsInput).
func assertAs(name, typ string) jen.Code {
	return jen.Id(name).Op(":=").Id("v").Assert(jen.Op("*").Id(typ))
}

// genItems writes the function that returns a page's items: the primary
// result list, or for a result that is not a list, the result itself as
// the page's one item (none when it is not set).
//
//	func describeSessionsItems(out *DescribeSessionsOutput) []Session {
//		return out.Sessions
//	}
func genItems(f *jen.File, p *model.Paginator) {
	r := p.Result()
	steps := r.Alts[0]
	item := typeRef(p.Item())
	var body []jen.Code
	if r.Type.Kind == model.Slice {
		body = orElse(r, readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{jen.Return(v)} }),
			jen.Return(jen.Nil()))
	} else {
		// A string or map is set when it is not empty; a structure when
		// the path reaches it.
		one := func(v *jen.Statement) []jen.Code {
			ret := jen.Return(jen.Index().Add(item.Clone()).Values(v.Clone()))
			if k := r.Type.Kind; k == model.String || k == model.Map {
				return []jen.Code{jen.If(jen.Len(v).Op(">").Lit(0)).Block(ret)}
			}
			return []jen.Code{ret}
		}
		body = readPath(steps, jen.Id("out"), 1, one)
		if k := r.Type.Kind; k == model.String || k == model.Map {
			body = append(body, jen.Return(jen.Nil()))
		} else {
			body = orElse(r, body, jen.Return(jen.Nil()))
		}
	}
	f.Line().Add(withDoc(docOf(model.ItemsFuncDoc(p)))).
		Func().Id(p.ItemsName).Params(jen.Id("out").Op("*").Id(p.Output.GoName)).Index().Add(item).Block(body...)
}

// genResult writes the Spec functions that count and cut the primary
// result, a list or a string, map or structure (Single):
//
//	Len: func(v any) (int, bool) {
//		items := describeSessionsItems(v.(*DescribeSessionsOutput))
//		return len(items), items != nil
//	},
//	Cut: func(v any, i, j int) (any, error) {
//		out := *v.(*DescribeSessionsOutput)
//		items := describeSessionsItems(&out)
//		out.Sessions = items[i:j]
//		return &out, nil
//	},
func genResult(fields jen.Dict, p *model.Paginator) {
	r := p.Result()
	steps := r.Alts[0]
	i, j := jen.Id("i"), jen.Id("j")
	copyOut := jen.Id("out").Op(":=").Op("*").Id("v").Assert(jen.Op("*").Id(p.Output.GoName))
	ret := jen.Return(jen.Op("&").Id("out"), jen.Nil())
	cutParams := []jen.Code{anyParam(), i.Clone(), j.Clone().Int()}
	cutResults := []jen.Code{jen.Any(), jen.Error()}
	if r.Type.Kind == model.Slice {
		items := jen.Id("items")
		fields[jen.Id("Len")] = jen.Func().Params(anyParam()).Params(jen.Int(), jen.Bool()).Block(
			items.Clone().Op(":=").Id(p.ItemsName).Call(jen.Id("v").Assert(jen.Op("*").Id(p.Output.GoName))),
			jen.Return(jen.Len(items.Clone()), items.Clone().Op("!=").Nil()),
		)
		body := []jen.Code{copyOut, items.Clone().Op(":=").Id(p.ItemsName).Call(jen.Op("&").Id("out"))}
		body = append(body, writePath(steps, jen.Id("out"), 1, items.Clone().Index(i.Clone().Op(":").Add(j.Clone())))...)
		fields[jen.Id("Cut")] = jen.Func().Params(cutParams...).Params(cutResults...).Block(append(body, ret)...)
		return
	}
	fields[jen.Id("Single")] = jen.True()
	fields[jen.Id("Len")] = jen.Func().Params(anyParam()).Params(jen.Int(), jen.Bool()).Block(
		append([]jen.Code{assertAs("out", p.Output.GoName)},
			orElse(r, readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code {
				return []jen.Code{jen.Return(jen.Qual(Support, "PyLen").Call(v), jen.False())}
			}), jen.Return(jen.Lit(0), jen.False()))...)...)
	var body []jen.Code
	if r.Type.Kind == model.String {
		s := jen.Id("s")
		body = append([]jen.Code{copyOut, jen.Var().Add(s.Clone()).String()},
			readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{s.Clone().Op("=").Add(v)} })...)
		body = append(body, writePath(steps, jen.Id("out"), 1, jen.Qual(Support, "SliceString").Call(s, i.Clone(), j.Clone()))...)
	} else {
		zero, _ := zeroValue(r.Field())
		body = append([]jen.Code{
			jen.If(j.Clone().Op(">=").Lit(0)).Block(jen.Return(jen.Nil(), jen.Qual(Runtime, "ErrNotSliceable"))),
			copyOut,
		}, writePath(steps, jen.Id("out"), 1, zero)...)
	}
	fields[jen.Id("Cut")] = jen.Func().Params(cutParams...).Params(cutResults...).Block(append(body, ret)...)
}

// genPaginator writes the paginator type, its constructor and its typed
// methods, which wrap the untyped pager it holds in an unexported field, so
// that its public surface is the typed methods alone:
//
//	// DescribeSessionsPaginator pages through DescribeSessions ...
//	type DescribeSessionsPaginator struct {
//		pager *paginateimpl.Pager
//	}
//
//	func NewDescribeSessionsPaginator(client DescribeSessionsAPIClient, in *DescribeSessionsInput, optFns ...func(*paginate.Options)) *DescribeSessionsPaginator
//	func (p *DescribeSessionsPaginator) HasMorePages() bool
//	func (p *DescribeSessionsPaginator) ResumeToken() string
//	func (p *DescribeSessionsPaginator) NextPage(ctx context.Context) (*DescribeSessionsOutput, error)
//	func (p *DescribeSessionsPaginator) Pages(ctx context.Context) iter.Seq2[*DescribeSessionsOutput, error]
//	func (p *DescribeSessionsPaginator) Items(ctx context.Context) iter.Seq2[Session, error]
func genPaginator(f *jen.File, p *model.Paginator) {
	in, out := jen.Id(p.Input.GoName), jen.Id(p.Output.GoName)
	item := typeRef(p.Item())
	docs := p.Docs()
	f.Add(withDoc(docOf(docs.Paginator)).Type().Id(p.PaginatorName).Struct(
		jen.Id("pager").Op("*").Qual(Support, "Pager"),
	))
	ctx := jen.Id("ctx").Qual("context", "Context")
	f.Add(withDoc(docOf(docs.New)).Func().Id(p.NewName).Params(
		jen.Id("client").Id(p.ClientName),
		jen.Id("in").Op("*").Add(in.Clone()),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(Runtime, "Options")),
	).Op("*").Id(p.PaginatorName).Block(
		jen.Var().Id("input").Add(in.Clone()),
		jen.If(jen.Id("in").Op("!=").Nil()).Block(jen.Id("input").Op("=").Op("*").Id("in")),
		jen.Id("call").Op(":=").Func().Params(ctx.Clone(), anyParam()).Params(jen.Any(), jen.Error()).Block(
			jen.List(jen.Id("out"), jen.Id("err")).Op(":=").Id("client").Dot(p.Name).Call(jen.Id("ctx"), jen.Id("v").Assert(jen.Op("*").Add(in.Clone()))),
			jen.If(jen.Id("out").Op("==").Nil().Op("&&").Id("err").Op("==").Nil()).Block(
				jen.Id("out").Op("=").Op("&").Add(out.Clone()).Values(),
			),
			jen.Return(jen.Id("out"), jen.Id("err")),
		),
		jen.Return(jen.Op("&").Id(p.PaginatorName).Values(
			jen.Qual(Support, "New").Call(jen.Id(p.SpecName), jen.Id("call"), jen.Op("&").Id("input"), jen.Id("optFns").Op("...")),
		)),
	))
	recv := jen.Id("p").Op("*").Id(p.PaginatorName)
	f.Add(withDoc(docOf(docs.HasMorePages)).
		Func().Params(recv.Clone()).Id("HasMorePages").Params().Bool().Block(
		jen.Return(jen.Id("p").Dot("pager").Dot("HasMorePages").Call()),
	))
	f.Add(withDoc(docOf(docs.ResumeToken)).
		Func().Params(recv.Clone()).Id("ResumeToken").Params().String().Block(
		jen.Return(jen.Id("p").Dot("pager").Dot("ResumeToken").Call()),
	))
	page, err := jen.Id("page"), jen.Id("err")
	next := jen.List(page.Clone(), err.Clone()).Op(":=").Id("p").Dot("NextPage").Call(jen.Id("ctx"))
	f.Add(withDoc(docOf(docs.NextPage)).Func().Params(recv.Clone()).Id("NextPage").Params(ctx.Clone()).Params(jen.Op("*").Add(out.Clone()), jen.Error()).Block(
		jen.List(page.Clone(), err.Clone()).Op(":=").Id("p").Dot("pager").Dot("NextPage").Call(jen.Id("ctx")),
		jen.If(err.Clone().Op("!=").Nil()).Block(jen.Return(jen.Nil(), err.Clone())),
		jen.Return(page.Clone().Assert(jen.Op("*").Add(out.Clone())), jen.Nil()),
	))
	yield := jen.Id("yield")
	f.Add(withDoc(docOf(docs.Pages)).
		Func().Params(recv.Clone()).Id("Pages").Params(ctx.Clone()).Qual("iter", "Seq2").Types(jen.Op("*").Add(out.Clone()), jen.Error()).Block(
		jen.Return(jen.Func().Params(yield.Clone().Func().Params(jen.Op("*").Add(out.Clone()), jen.Error()).Bool()).Block(
			jen.For(jen.Id("p").Dot("HasMorePages").Call()).Block(
				next.Clone(),
				jen.If(jen.Op("!").Add(yield.Clone()).Call(page.Clone(), err.Clone()).Op("||").Add(err.Clone()).Op("!=").Nil()).Block(jen.Return()),
			),
		)),
	))
	f.Add(withDoc(docOf(docs.Items)).
		Func().Params(recv.Clone()).Id("Items").Params(ctx.Clone()).Qual("iter", "Seq2").Types(item.Clone(), jen.Error()).Block(
		jen.Return(jen.Func().Params(yield.Clone().Func().Params(item.Clone(), jen.Error()).Bool()).Block(
			jen.For(jen.Id("p").Dot("HasMorePages").Call()).Block(
				next.Clone(),
				jen.If(err.Clone().Op("!=").Nil()).Block(
					jen.Var().Id("zero").Add(item.Clone()),
					yield.Clone().Call(jen.Id("zero"), err.Clone()),
					jen.Return(),
				),
				jen.Id("items").Op(":=").Id(p.ItemsName).Call(page.Clone()),
				jen.For(jen.Id("i").Op(":=").Range().Id("items")).Block(
					jen.If(jen.Op("!").Add(yield.Clone()).Call(jen.Id("items").Index(jen.Id("i")), jen.Nil())).Block(jen.Return()),
				),
			),
		)),
	))
}

// orElse appends fallback to the statements that read a path, unless the
// path is one member that is always there, so that they return on every
// way.
func orElse(p *model.Path, read []jen.Code, fallback jen.Code) []jen.Code {
	if p.TopLevel() && !p.Field().Pointer {
		return read
	}
	return append(read, fallback)
}
