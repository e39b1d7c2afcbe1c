package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// TestKit is the import path of the test kit that generated tests call.
const TestKit = "github.com/pagegen/pagegen/paginate/paginatetest"

// genTests writes a paginator's tests: a fake client that calls the kit's
// client, one test that runs the kit's checks (paging, errors, Validate,
// JSON), and, when the input has required members, a test of what its
// Validate reports:
//
//	type describeSessionsFake paginatetest.Client
//
//	func (c describeSessionsFake) DescribeSessions(ctx context.Context, in *DescribeSessionsInput) (*DescribeSessionsOutput, error)
//
//	func TestDescribeSessionsPaginator(t *testing.T) {
//		require.NoError(t, paginatetest.Check(paginatetest.Operation{
//			New: func(c paginatetest.Client, in any, optFns ...func(*paginate.Options)) any {
//				return NewDescribeSessionsPaginator(describeSessionsFake(c), in.(*DescribeSessionsInput), optFns...)
//			},
//			Input:      &DescribeSessionsInput{State: DescribeSessionsStateActive},
//			Output:     &DescribeSessionsOutput{},
//			InputToken: "NextToken",
//			Result:     "Sessions",
//			...
//		}))
//	}
func genTests(f *jen.File, p *model.Paginator) {
	g := &testGen{p: p, marker: markerField(p.Item()), paged: fakePaged(p)}
	g.genFake(f)
	g.genCheck(f)
	if p.Input.Validates {
		g.genValidateTest(f)
	}
}

// testGen holds what the test emitters share for one paginator.
type testGen struct {
	p      *model.Paginator
	marker *model.Field // the item field that tells items apart, or nil
	paged  bool         // the kit can build pages of items
}

// genFake writes the client type that calls the kit's client:
//
//	type describeSessionsFake paginatetest.Client
//
//	func (c describeSessionsFake) DescribeSessions(ctx context.Context, in *DescribeSessionsInput) (*DescribeSessionsOutput, error) {
//		out, err := c(ctx, in)
//		page, _ := out.(*DescribeSessionsOutput)
//		return page, err
//	}
func (g *testGen) genFake(f *jen.File) {
	p := g.p
	f.Line().Add(withDoc(comment(model.FakeDoc(p), ""))).Type().Id(p.FakeName).Qual(TestKit, "Client")
	out := jen.Op("*").Id(p.Output.GoName)
	f.Line().Func().Params(jen.Id("c").Id(p.FakeName)).Id(p.Name).Params(
		jen.Id("ctx").Qual(pathContext, "Context"), jen.Id("in").Op("*").Id(p.Input.GoName),
	).Params(out.Clone(), jen.Error()).Block(
		jen.List(jen.Id("out"), jen.Err()).Op(":=").Id("c").Call(jen.Id("ctx"), jen.Id("in")),
		jen.List(jen.Id("page"), jen.Id("_")).Op(":=").Id("out").Assert(out.Clone()),
		jen.Return(jen.Id("page"), jen.Err()),
	)
}

// genCheck writes the test that runs the kit: the paginator, its input
// and output, and, where the kit can build pages, the members it pages
// with, by their Go names.
func (g *testGen) genCheck(f *jen.File) {
	p := g.p
	op := jen.Dict{
		jen.Id("New"): jen.Func().Params(
			jen.Id("c").Qual(TestKit, "Client"), jen.Id("in").Any(), jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Qual(Runtime, "Options")),
		).Any().Block(
			jen.Return(jen.Id(p.NewName).Call(
				jen.Id(p.FakeName).Call(jen.Id("c")), jen.Id("in").Assert(jen.Op("*").Id(p.Input.GoName)), jen.Id("optFns").Op("..."))),
		),
		jen.Id("Input"):  jen.Op("&").Add(exampleStruct(p.Input, nil, true, false)),
		jen.Id("Output"): jen.Op("&").Id(p.Output.GoName).Values(),
	}
	if !zeroProblems(p.Input, "").none() {
		op[jen.Id("Invalid")] = jen.Op("&").Id(p.Input.GoName).Values()
	}
	if g.paged {
		op[jen.Id("InputToken")] = jen.Lit(p.InputTokens[0].GoName)
		if out := p.OutputTokens[0].GoPath(); out != p.InputTokens[0].GoName {
			op[jen.Id("OutputToken")] = jen.Lit(out)
		}
		if p.Limit != nil {
			op[jen.Id("Limit")] = jen.Lit(p.Limit.GoName)
		}
		if m := p.MoreResults; m != nil {
			op[jen.Id("MoreResults")] = jen.Lit(m.GoPath())
		}
		op[jen.Id("Result")] = jen.Lit(p.Result().GoPath())
		if g.marker != nil {
			op[jen.Id("Marker")] = jen.Lit(g.marker.GoName)
		}
	}
	f.Line().Add(withDoc(comment(model.CheckTestDoc(p), ""))).
		Func().Id(p.TestName).Params(jen.Id("t").Op("*").Qual(pathTesting, "T")).Block(
		assertion("NoError", jen.Qual(TestKit, "Check").Call(jen.Qual(TestKit, "Operation").Values(op))),
	)
}
