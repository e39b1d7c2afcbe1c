package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genFilterNames writes an operation's typed filter names:
//
//	// DescribeTrafficMirrorSessionsFilterName is a filter name ...
//	type DescribeTrafficMirrorSessionsFilterName string
//
//	const (
//		// DescribeTrafficMirrorSessionsFilterNameDescription is "description": The Traffic Mirror session description.
//		DescribeTrafficMirrorSessionsFilterNameDescription DescribeTrafficMirrorSessionsFilterName = "description"
//	)
//
//	// DescribeTrafficMirrorSessionsFilterNameTag is the filter name "tag:" followed by key.
//	func DescribeTrafficMirrorSessionsFilterNameTag(key string) DescribeTrafficMirrorSessionsFilterName
//
//	// Filter returns a Filter on name n that matches any of values.
//	func (n DescribeTrafficMirrorSessionsFilterName) Filter(values ...string) Filter
func genFilterNames(f *jen.File, fn *model.FilterNames) {
	name := jen.Id(fn.GoName)
	f.Add(withDoc(comment(fmt.Sprintf(
		"%s is a filter name of the %s structure, as the operation documents them; names not listed here are allowed too.",
		fn.GoName, fn.Filter.GoName), "")).Type().Add(name.Clone()).String())

	var consts []jen.Code
	for _, n := range fn.Names {
		if n.Param != "" {
			continue
		}
		doc := commentIn(fmt.Sprintf("%s is the filter name %q.", n.GoName, n.Value), "")
		if n.Doc != "" {
			doc = paragraphs(doc, commentIn("", n.Doc))
		}
		consts = append(consts, withDoc(doc).Id(n.GoName).Add(name.Clone()).Op("=").Lit(n.Value))
	}
	if len(consts) > 0 {
		f.Line().Const().Defs(consts...)
	}
	for _, n := range fn.Names {
		if n.Param == "" {
			continue
		}
		doc := comment(fmt.Sprintf("%s is the filter name %q followed by %s.", n.GoName, n.Value, n.Param), "")
		if n.Doc != "" {
			doc = paragraphs(doc, comment("", n.Doc))
		}
		f.Add(withDoc(doc).Func().Id(n.GoName).Params(jen.Id(n.Param).String()).Add(name.Clone()).Block(
			jen.Return(name.Clone().Call(jen.Lit(n.Value).Op("+").Id(n.Param))),
		))
	}
	f.Add(withDoc(comment(fmt.Sprintf("%s returns a %s on name n that matches any of values.", fn.Method, fn.Filter.GoName), "")).
		Func().Params(jen.Id("n").Add(name.Clone())).Id(fn.Method).Params(jen.Id("values").Op("...").String()).Id(fn.Filter.GoName).Block(
		jen.Return(jen.Id(fn.Filter.GoName).Values(jen.Dict{
			jen.Id(fn.NameField.GoName):   jen.String().Call(jen.Id("n")),
			jen.Id(fn.ValuesField.GoName): jen.Id("values"),
		})),
	))
}
