package templates

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genInput writes the operation's input struct and its Validate method.
func genInput(f *jen.File, p *model.Paginator) {
	genStruct(f, p.Input)
	genValidate(f, p.Input, p.Name)
}

// genOutput writes the operation's output struct, one page of results.
func genOutput(f *jen.File, p *model.Paginator) {
	genStruct(f, p.Output)
}

// genClient writes the interface a client implements to be paged:
//
//	// DescribeSessionsAPIClient is a client that can call DescribeSessions.
//	type DescribeSessionsAPIClient interface {
//		DescribeSessions(ctx context.Context, in *DescribeSessionsInput) (*DescribeSessionsOutput, error)
//	}
func genClient(f *jen.File, p *model.Paginator) {
	doc := comment(fmt.Sprintf("%s is a client that can call %s, the operation boto3's %s paginator pages through.",
		p.ClientName, p.Name, p.Method), "")
	if p.APIDocURL != "" {
		doc = paragraphs(doc, comment("", fmt.Sprintf("See [%s in the AWS API documentation](%s).", p.Name, p.APIDocURL)))
	}
	f.Add(withDoc(doc).Type().Id(p.ClientName).Interface(
		jen.Id(p.Name).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.Id("in").Op("*").Id(p.Input.GoName),
		).Params(jen.Op("*").Id(p.Output.GoName), jen.Error()),
	))
}

// genSpec writes the paginate.Spec that tells the runtime where the
// operation's hidden pagination members are:
//
//	var describeSessionsSpec = &paginate.Spec[DescribeSessionsInput, DescribeSessionsOutput, Session]{
//		InputTokens:  []string{"NextToken"},
//		SetTokens:    func(in *DescribeSessionsInput, t []string) { in.NextToken = t[0] },
//		...
//	}
func genSpec(f *jen.File, p *model.Paginator) {
	in, out := jen.Id(p.Input.GoName), jen.Id(p.Output.GoName)
	item := typeRef(p.Item())
	outParam := jen.Id("out").Op("*").Add(out.Clone())
	fields := jen.Dict{}
	names := make([]jen.Code, len(p.InputTokens))
	set := make([]jen.Code, len(p.InputTokens))
	var get []jen.Code
	for i, fl := range p.InputTokens {
		names[i] = jen.Lit(fl.Wire)
		set[i] = jen.Id("in").Dot(fl.GoName).Op("=").Id("t").Index(jen.Lit(i))
	}
	for i, path := range p.OutputTokens {
		t := jen.Id("t").Index(jen.Lit(i))
		for j, alt := range path.Alts {
			read := readPath(alt, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code {
				if path.Type.Kind == model.Named {
					v = jen.String().Call(v)
				}
				return []jen.Code{t.Clone().Op("=").Add(v)}
			})
			if j > 0 {
				read = []jen.Code{jen.If(t.Clone().Op("==").Lit("")).Block(read...)}
			}
			get = append(get, read...)
		}
	}
	fields[jen.Id("InputTokens")] = jen.Index().String().Values(names...)
	fields[jen.Id("SetTokens")] = jen.Func().Params(jen.Id("in").Op("*").Add(in), jen.Id("t").Index().String()).Block(set...)
	fields[jen.Id("OutputTokens")] = jen.Func().Params(outParam.Clone(), jen.Id("t").Index().String()).Block(get...)
	if p.Limit != nil {
		fields[jen.Id("SetLimit")] = jen.Func().Params(jen.Id("in").Op("*").Add(in), jen.Id("n").Int()).Block(
			jen.Id("in").Dot(p.Limit.GoName).Op("=").New(jen.Int64().Call(jen.Id("n"))),
		)
	}
	if m := p.MoreResults; m != nil {
		body := readPath(m.Alts[0], jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{jen.Return(v)} })
		fields[jen.Id("MoreResults")] = jen.Func().Params(outParam.Clone()).Bool().Block(orElse(m, body, jen.Return(jen.False()))...)
	}
	genResult(fields, p, outParam, item)
	if len(p.Results) > 1 {
		var clear []jen.Code
		for _, r := range p.Results[1:] {
			if v, ok := zeroValue(r.Field()); ok {
				clear = append(clear, writePath(r.Alts[0], jen.Id("out"), 1, v)...)
			}
		}
		if len(clear) > 0 {
			fields[jen.Id("ClearSecondary")] = jen.Func().Params(outParam.Clone()).Block(clear...)
		}
	}
	fields[jen.Id("Validate")] = jen.Parens(jen.Op("*").Add(in)).Dot("Validate")
	f.Line().Var().Id(p.SpecName).Op("=").Op("&").Qual(Runtime, "Spec").Types(in, out, item).Values(fields)
}

// genResult writes the Spec functions that read and cut the primary
// result: Items and SetItems for a list; Items, Len and Slice for a string,
// map or structure, which is the page's one item.
func genResult(fields jen.Dict, p *model.Paginator, outParam, item *jen.Statement) {
	r := p.Result()
	steps := r.Alts[0]
	items := jen.Id("items")
	if r.Type.Kind == model.Slice {
		fields[jen.Id("Items")] = jen.Func().Params(outParam.Clone()).Index().Add(item.Clone()).Block(
			orElse(r, readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{jen.Return(v)} }),
				jen.Return(jen.Nil()))...)
		fields[jen.Id("SetItems")] = jen.Func().Params(outParam.Clone(), items.Clone().Index().Add(item.Clone())).Block(
			writePath(steps, jen.Id("out"), 1, items)...)
		return
	}
	// A result that is not a list: the value is set when it is not empty.
	// A string or map is set when it is not empty; a structure when the
	// path reaches it.
	one := func(v *jen.Statement) []jen.Code {
		ret := jen.Return(jen.Index().Add(item.Clone()).Values(v.Clone()))
		if k := r.Type.Kind; k == model.String || k == model.Map {
			return []jen.Code{jen.If(jen.Len(v).Op(">").Lit(0)).Block(ret)}
		}
		return []jen.Code{ret}
	}
	read := readPath(steps, jen.Id("out"), 1, one)
	if k := r.Type.Kind; k == model.String || k == model.Map {
		read = append(read, jen.Return(jen.Nil()))
	} else {
		read = orElse(r, read, jen.Return(jen.Nil()))
	}
	fields[jen.Id("Items")] = jen.Func().Params(outParam.Clone()).Index().Add(item.Clone()).Block(read...)
	fields[jen.Id("Len")] = jen.Func().Params(outParam.Clone()).Int().Block(
		orElse(r, readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code {
			return []jen.Code{jen.Return(jen.Qual(Runtime, "PyLen").Call(v))}
		}), jen.Return(jen.Lit(0)))...)
	i, j := jen.Id("i"), jen.Id("j")
	var body []jen.Code
	if r.Type.Kind == model.String {
		s := jen.Id("s")
		body = append([]jen.Code{jen.Var().Add(s.Clone()).String()},
			readPath(steps, jen.Id("out"), 1, func(v *jen.Statement) []jen.Code { return []jen.Code{s.Clone().Op("=").Add(v)} })...)
		body = append(body, writePath(steps, jen.Id("out"), 1, jen.Qual(Runtime, "SliceString").Call(s, i.Clone(), j.Clone()))...)
	} else {
		zero, _ := zeroValue(r.Field())
		body = append([]jen.Code{jen.If(j.Clone().Op(">=").Lit(0)).Block(jen.Return(jen.Qual(Runtime, "ErrNotSliceable")))},
			writePath(steps, jen.Id("out"), 1, zero)...)
	}
	fields[jen.Id("Slice")] = jen.Func().Params(outParam.Clone(), i.Clone(), j.Clone().Int()).Error().Block(
		append(body, jen.Return(jen.Nil()))...)
}

// genPaginator writes the paginator type and its constructor:
//
//	// DescribeSessionsPaginator pages through DescribeSessions ...
//	type DescribeSessionsPaginator struct {
//		*paginate.Pager[DescribeSessionsInput, DescribeSessionsOutput, Session]
//	}
//
//	func NewDescribeSessionsPaginator(client DescribeSessionsAPIClient, in *DescribeSessionsInput, optFns ...func(*paginate.Options)) *DescribeSessionsPaginator
func genPaginator(f *jen.File, p *model.Paginator) {
	in, out := jen.Id(p.Input.GoName), jen.Id(p.Output.GoName)
	doc := paragraphs(
		comment(fmt.Sprintf("%s pages through %s the way boto3's %s paginator does.", p.PaginatorName, p.Name, p.Method), ""),
		comment("", p.Doc),
		comment(itemsDoc(p), ""),
	)
	f.Add(withDoc(doc).Type().Id(p.PaginatorName).Struct(
		jen.Op("*").Qual(Runtime, "Pager").Types(in, out, typeRef(p.Item())),
	))
	f.Add(withDoc(paragraphs(
		comment(fmt.Sprintf("%s returns a paginator over %s, starting from in, which is not modified.", p.NewName, p.Name), ""),
		comment("The options set boto3's PaginationConfig: MaxItems, PageSize (sent as the operation's limit) and StartingToken.", ""),
	)).Func().Id(p.NewName).Params(
		jen.Id("client").Id(p.ClientName),
		jen.Id("in").Op("*").Add(in),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(Runtime, "Options")),
	).Op("*").Id(p.PaginatorName).Block(
		jen.Return(jen.Op("&").Id(p.PaginatorName).Values(
			jen.Qual(Runtime, "New").Call(jen.Id(p.SpecName), jen.Id("client").Dot(p.Name), jen.Id("in"), jen.Id("optFns").Op("...")),
		)),
	))
}

// itemsDoc says what the paginator's Items yields.
func itemsDoc(p *model.Paginator) string {
	if p.Result().Type.Kind == model.Slice {
		return fmt.Sprintf("Each page is a *%s; Items yields the elements of %s across pages.", p.Output.GoName, goPath(p.Result()))
	}
	return fmt.Sprintf("Each page is a *%s; Items yields each page's %s.", p.Output.GoName, goPath(p.Result()))
}

// goPath is a path's first alternative in Go field names: "ResultSet.Rows".
func goPath(p *model.Path) string {
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

// orElse appends fallback to the statements that read a path, unless the
// path is one member that is always there, so that they return on every
// way.
func orElse(p *model.Path, read []jen.Code, fallback jen.Code) []jen.Code {
	if p.TopLevel() && !p.Field().Pointer {
		return read
	}
	return append(read, fallback)
}
