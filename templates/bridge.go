package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// Import paths the bridges use.
const (
	// BridgeRuntime is the import path of the runtime that generated
	// bridges use.
	BridgeRuntime = "github.com/pagegen/pagegen/awsbridge"
	// BridgeTestKit is the import path of the bridges' test kit.
	BridgeTestKit = "github.com/pagegen/pagegen/awsbridge/bridgetest"
)

// genBridge writes the bridge of pkg, the package that implements its
// clients with aws-sdk-go-v2: the interface of the SDK client's methods it
// calls, the Client, its constructor and one method per operation:
//
//	type API interface {
//		DescribeSessions(ctx context.Context, params *awsssm.DescribeSessionsInput, optFns ...func(*awsssm.Options)) (*awsssm.DescribeSessionsOutput, error)
//	}
//
//	type Client struct {
//		api    API
//		optFns []func(*awsssm.Options)
//	}
//
//	func New(api API, optFns ...func(*awsssm.Options)) *Client
//
//	func (c *Client) DescribeSessions(ctx context.Context, in *ssm.DescribeSessionsInput) (*ssm.DescribeSessionsOutput, error) {
//		return awsbridge.Call[ssm.DescribeSessionsOutput](ctx, bridge, "DescribeSessions", c.api.DescribeSessions, in, c.optFns)
//	}
//
//	var bridge = awsbridge.New(awsbridge.Config{Service: "ssm"})
func genBridge(f *jen.File, pkg *model.Package, importPath string) {
	br := pkg.Bridge
	svc := func(name string) *jen.Statement { return jen.Qual(importPath, name) }
	sdk := func(name string) *jen.Statement { return jen.Qual(br.SDKImport, name) }
	opts := jen.Index().Func().Params(jen.Op("*").Add(sdk("Options")))

	docs := br.Docs(pkg)
	for _, l := range docOf(docs.Package) {
		f.PackageComment(commentText(l))
	}

	methods := make([]jen.Code, 0, len(pkg.Paginators))
	for _, p := range pkg.Paginators {
		methods = append(methods, jen.Id(p.Name).Params(
			jen.Id("ctx").Qual(pathContext, "Context"),
			jen.Id("params").Op("*").Add(sdk(p.Name+"Input")),
			jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Add(sdk("Options"))),
		).Params(jen.Op("*").Add(sdk(p.Name+"Output")), jen.Error()))
	}
	f.Add(withDoc(docOf(docs.API)).
		Type().Id(br.APIName).Interface(methods...))
	f.Line().Var().Id("_").Id(br.APIName).Op("=").Parens(jen.Op("*").Add(sdk("Client"))).Call(jen.Nil())

	f.Add(withDoc(docOf(docs.Client)).
		Type().Id(br.ClientName).Struct(
		jen.Id("api").Id(br.APIName),
		jen.Id("optFns").Add(opts.Clone()),
	))
	f.Add(withDoc(docOf(docs.New)).
		Func().Id(br.NewName).Params(
		jen.Id("api").Id(br.APIName),
		jen.Id("optFns").Op("...").Func().Params(jen.Op("*").Add(sdk("Options"))),
	).Op("*").Id(br.ClientName).Block(
		jen.Return(jen.Op("&").Id(br.ClientName).Values(jen.Dict{
			jen.Id("api"):    jen.Id("api"),
			jen.Id("optFns"): jen.Id("optFns"),
		})),
	))

	checks := make([]jen.Code, 0, len(pkg.Paginators))
	for _, p := range pkg.Paginators {
		checks = append(checks, jen.Id("_").Add(svc(p.ClientName)).Op("=").Parens(jen.Op("*").Id(br.ClientName)).Call(jen.Nil()))
	}
	f.Line().Var().Defs(checks...)

	for _, p := range pkg.Paginators {
		f.Add(withDoc(docOf(docs.Methods[p.Name])).
			Func().Params(jen.Id("c").Op("*").Id(br.ClientName)).Id(p.Name).Params(
			jen.Id("ctx").Qual(pathContext, "Context"),
			jen.Id("in").Op("*").Add(svc(p.Input.GoName)),
		).Params(jen.Op("*").Add(svc(p.Output.GoName)), jen.Error()).Block(
			jen.Return(jen.Qual(BridgeRuntime, "Call").Types(svc(p.Output.GoName)).Call(
				jen.Id("ctx"), jen.Id(br.VarName), jen.Lit(p.Name), jen.Id("c").Dot("api").Dot(p.Name), jen.Id("in"), jen.Id("c").Dot("optFns"),
			)),
		))
	}

	cfg := jen.Dict{jen.Id("Service"): jen.Lit(pkg.Service)}
	if br.SDKDocument != "" {
		cfg[jen.Id("NewDocument")] = jen.Func().Params(jen.Id("v").Any()).Any().Block(
			jen.Return(jen.Qual(br.SDKDocument, "NewLazyDocument").Call(jen.Id("v"))),
		)
	}
	f.Line().Add(withDoc(docOf(docs.Var))).
		Var().Id(br.VarName).Op("=").Qual(BridgeRuntime, "New").Call(jen.Qual(BridgeRuntime, "Config").Values(cfg))
}

// genBridgeTests writes the tests of a bridge: that the SDK package serves
// the API version the pages document, and that every operation's input and
// output convert to the SDK's types and back without losing a member:
//
//	func TestBridgeDescribeSessions(t *testing.T) {
//		bridgetest.RoundTrip(t, bridge, "DescribeSessions", new(ssm.DescribeSessionsInput), new(awsssm.DescribeSessionsInput))
//		bridgetest.RoundTrip(t, bridge, "DescribeSessions", new(ssm.DescribeSessionsOutput), new(awsssm.DescribeSessionsOutput))
//	}
func genBridgeTests(f *jen.File, pkg *model.Package, importPath string) {
	br := pkg.Bridge
	svc := func(name string) *jen.Statement { return jen.Qual(importPath, name) }
	sdk := func(name string) *jen.Statement { return jen.Qual(br.SDKImport, name) }
	tb := jen.Id("t").Op("*").Qual(pathTesting, "T")
	docs := br.Docs(pkg)
	if br.APIVersion != "" {
		f.Line().Add(withDoc(docOf(docs.VersionTest))).Func().Id(br.VersionTestName).Params(tb.Clone()).Block(
			jen.Qual(testifyRequire, "Equal").Call(jen.Id("t"), jen.Lit(br.APIVersion), sdk("ServiceAPIVersion"),
				jen.Lit(fmt.Sprintf("%s serves another API than the pages document", br.SDKImport))),
		)
	}
	for _, p := range pkg.Paginators {
		roundTrip := func(ours, theirs string) jen.Code {
			return jen.Qual(BridgeTestKit, "RoundTrip").Call(jen.Id("t"), jen.Id(br.VarName), jen.Lit(p.Name),
				jen.New(svc(ours)), jen.New(sdk(theirs)))
		}
		f.Line().Add(withDoc(docOf(docs.Tests[p.Name]))).Func().Id(br.TestNames[p.Name]).Params(tb.Clone()).Block(
			roundTrip(p.Input.GoName, p.Name+"Input"),
			roundTrip(p.Output.GoName, p.Name+"Output"),
		)
	}
}
