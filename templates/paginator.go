package templates

import (
	"fmt"

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
	fields := jen.Dict{}
	names := make([]jen.Code, len(p.InputTokens))
	set := make([]jen.Code, len(p.InputTokens))
	get := make([]jen.Code, len(p.OutputTokens))
	for i, fl := range p.InputTokens {
		names[i] = jen.Lit(fl.Wire)
		set[i] = jen.Id("in").Dot(fl.GoName).Op("=").Id("t").Index(jen.Lit(i))
	}
	for i, fl := range p.OutputTokens {
		get[i] = jen.Id("t").Index(jen.Lit(i)).Op("=").Id("out").Dot(fl.GoName)
	}
	fields[jen.Id("InputTokens")] = jen.Index().String().Values(names...)
	fields[jen.Id("SetTokens")] = jen.Func().Params(jen.Id("in").Op("*").Add(in), jen.Id("t").Index().String()).Block(set...)
	fields[jen.Id("OutputTokens")] = jen.Func().Params(jen.Id("out").Op("*").Add(out), jen.Id("t").Index().String()).Block(get...)
	if p.Limit != nil {
		fields[jen.Id("SetLimit")] = jen.Func().Params(jen.Id("in").Op("*").Add(in), jen.Id("n").Int()).Block(
			jen.Id("in").Dot(p.Limit.GoName).Op("=").New(jen.Int64().Call(jen.Id("n"))),
		)
	}
	if p.MoreResults != nil {
		more := jen.Id("out").Dot(p.MoreResults.GoName)
		if p.MoreResults.Pointer {
			more = jen.Add(more.Clone()).Op("!=").Nil().Op("&&").Op("*").Add(more)
		}
		fields[jen.Id("MoreResults")] = jen.Func().Params(jen.Id("out").Op("*").Add(out)).Bool().Block(jen.Return(more))
	}
	fields[jen.Id("Items")] = jen.Func().Params(jen.Id("out").Op("*").Add(out)).Index().Add(item.Clone()).Block(
		jen.Return(jen.Id("out").Dot(p.Result.GoName)),
	)
	fields[jen.Id("SetItems")] = jen.Func().Params(jen.Id("out").Op("*").Add(out), jen.Id("items").Index().Add(item.Clone())).Block(
		jen.Id("out").Dot(p.Result.GoName).Op("=").Id("items"),
	)
	fields[jen.Id("Validate")] = jen.Parens(jen.Op("*").Add(in)).Dot("Validate")
	f.Line().Var().Id(p.SpecName).Op("=").Op("&").Qual(Runtime, "Spec").Types(in, out, item).Values(fields)
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
		comment(fmt.Sprintf("Each page is a *%s; Items yields the elements of %s across pages.", p.Output.GoName, p.Result.GoName), ""),
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
