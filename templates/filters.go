package templates

import (
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
	f.Add(withDoc(docOf(model.FilterNamesDoc(fn))).Type().Add(name.Clone()).String())

	var consts []jen.Code
	for _, n := range fn.Names {
		if n.Param != "" {
			continue
		}
		consts = append(consts, withDoc(docIn(model.FilterNameDoc(n))).Id(n.GoName).Add(name.Clone()).Op("=").Lit(n.Value))
	}
	if len(consts) > 0 {
		f.Line().Const().Defs(consts...)
	}
	for _, n := range fn.Names {
		if n.Param == "" {
			continue
		}
		f.Add(withDoc(docOf(model.FilterNameDoc(n))).Func().Id(n.GoName).Params(jen.Id(n.Param).String()).Add(name.Clone()).Block(
			jen.Return(name.Clone().Call(jen.Lit(n.Value).Op("+").Id(n.Param))),
		))
	}
	f.Add(withDoc(docOf(model.FilterMethodDoc(fn))).
		Func().Params(jen.Id("n").Add(name.Clone())).Id(fn.Method).Params(jen.Id("values").Op("...").String()).Id(fn.Filter.GoName).Block(
		jen.Return(jen.Id(fn.Filter.GoName).Values(jen.Dict{
			jen.Id(fn.NameField.GoName):   jen.String().Call(jen.Id("n")),
			jen.Id(fn.ValuesField.GoName): jen.Id("values"),
		})),
	))
}
