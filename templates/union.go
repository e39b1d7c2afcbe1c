package templates

import (
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// Import paths the generated unions use.
const (
	pathFmt    = "fmt"
	pathMaps   = "maps"
	pathSlices = "slices"
)

// genUnion writes a tagged union: its struct, whose last field keeps the
// members the package does not know, the method that says which member is
// set, and its JSON codec.
func genUnion(f *jen.File, t *model.Type) {
	genStruct(f, t)
	genUnionMember(f, t)
	genUnionMarshal(f, t)
	genUnionUnmarshal(f, t)
}

// unknownField is the union's field of unknown members:
//
//	// Unknown holds the members that this package does not know, by name, as they were received.
//	Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
func unknownField(t *model.Type) jen.Code {
	doc := docIn(model.UnknownFieldDoc(t))
	return withDoc(doc).Id(t.Unknown).Map(jen.String()).Qual(pathJSON, "RawMessage").Tag(map[string]string{"json": "-", "pagegen": "unknown"})
}

// unionIsSet is the condition under which a union's field is set: every
// field of a union is nil when not set.
func unionIsSet(fl *model.Field) *jen.Statement {
	return jen.Id("s").Dot(fl.GoName).Op("!=").Nil()
}

// unknownNames ranges over the names of a union's unknown members in
// sorted order: slices.Sorted(maps.Keys(s.Unknown)).
func unknownNames(t *model.Type) *jen.Statement {
	return jen.Qual(pathSlices, "Sorted").Call(jen.Qual(pathMaps, "Keys").Call(jen.Id("s").Dot(t.Unknown)))
}

// genUnionMember writes the method that names the member that is set:
//
//	func (s Budget) Member() string {
//		switch {
//		case s.DifferentialPrivacy != nil:
//			return "differentialPrivacy"
//		...
//		}
//		if len(s.Unknown) > 0 {
//			return slices.Min(slices.Collect(maps.Keys(s.Unknown)))
//		}
//		return ""
//	}
func genUnionMember(f *jen.File, t *model.Type) {
	cases := make([]jen.Code, 0, len(t.Fields))
	for _, fl := range t.Fields {
		cases = append(cases, jen.Case(unionIsSet(fl)).Block(jen.Return(jen.Lit(fl.Wire))))
	}
	unknown := jen.Id("s").Dot(t.Unknown)
	doc := docOf(model.MemberMethodDoc(t))
	f.Add(withDoc(doc).Func().Params(jen.Id("s").Id(t.GoName)).Id(t.MemberMethod).Params().String().Block(
		jen.Switch().Block(cases...),
		jen.If(jen.Len(unknown.Clone()).Op(">").Lit(0)).Block(
			jen.Return(jen.Qual(pathSlices, "Min").Call(jen.Qual(pathSlices, "Collect").Call(jen.Qual(pathMaps, "Keys").Call(unknown.Clone())))),
		),
		jen.Return(jen.Lit("")),
	))
}

// genUnionMarshal writes the union's encoder:
//
//	func (s Budget) MarshalJSON() ([]byte, error) {
//		members := make(map[string]any, len(s.Unknown)+1)
//		for name, raw := range s.Unknown {
//			members[name] = raw
//		}
//		if s.DifferentialPrivacy != nil {
//			members["differentialPrivacy"] = s.DifferentialPrivacy
//		}
//		...
//		return json.Marshal(members)
//	}
func genUnionMarshal(f *jen.File, t *model.Type) {
	members := jen.Id("members")
	body := []jen.Code{
		members.Clone().Op(":=").Make(jen.Map(jen.String()).Any(), jen.Len(jen.Id("s").Dot(t.Unknown)).Op("+").Lit(1)),
		jen.For(jen.List(jen.Id("name"), jen.Id("raw")).Op(":=").Range().Id("s").Dot(t.Unknown)).Block(
			members.Clone().Index(jen.Id("name")).Op("=").Id("raw"),
		),
	}
	times := t.TimeFields()
	for _, fl := range t.Fields {
		var v jen.Code = jen.Id("s").Dot(fl.GoName)
		if slices.Contains(times, fl) {
			v = toJSONTime(fl, jen.Id("s").Dot(fl.GoName))
		}
		body = append(body, jen.If(unionIsSet(fl)).Block(
			members.Clone().Index(jen.Lit(fl.Wire)).Op("=").Add(v),
		))
	}
	body = append(body, jen.Return(jen.Qual(pathJSON, "Marshal").Call(members.Clone())))
	doc := docOf(model.UnionMarshalDoc(t))
	f.Add(withDoc(doc).Func().Params(jen.Id("s").Id(t.GoName)).Id("MarshalJSON").Params().
		Params(jen.Index().Byte(), jen.Error()).Block(body...))
}

// genUnionUnmarshal writes the union's decoder:
//
//	func (s *Budget) UnmarshalJSON(b []byte) error {
//		var members map[string]json.RawMessage
//		if err := json.Unmarshal(b, &members); err != nil {
//			return err
//		}
//		*s = Budget{}
//		for _, name := range slices.Sorted(maps.Keys(members)) {
//			var err error
//			switch name {
//			case "differentialPrivacy":
//				err = json.Unmarshal(members[name], &s.DifferentialPrivacy)
//			...
//			default:
//				if s.Unknown == nil {
//					s.Unknown = map[string]json.RawMessage{}
//				}
//				s.Unknown[name] = members[name]
//			}
//			if err != nil {
//				return fmt.Errorf("%s: %w", name, err)
//			}
//		}
//		return nil
//	}
func genUnionUnmarshal(f *jen.File, t *model.Type) {
	raw := jen.Id("members").Index(jen.Id("name"))
	unknown := jen.Id("s").Dot(t.Unknown)
	cases := make([]jen.Code, 0, len(t.Fields)+1)
	times := t.TimeFields()
	for _, fl := range t.Fields {
		if slices.Contains(times, fl) {
			// A timestamp decodes through paginateimpl.JSONTime.
			cases = append(cases, jen.Case(jen.Lit(fl.Wire)).Block(
				jen.Var().Id("v").Add(jsonTimeType(fl)),
				jen.Id("err").Op("=").Qual(pathJSON, "Unmarshal").Call(raw.Clone(), jen.Op("&").Id("v")),
				jen.Id("s").Dot(fl.GoName).Op("=").Add(fromJSONTime(fl, jen.Id("v"))),
			))
			continue
		}
		cases = append(cases, jen.Case(jen.Lit(fl.Wire)).Block(
			jen.Id("err").Op("=").Qual(pathJSON, "Unmarshal").Call(raw.Clone(), jen.Op("&").Id("s").Dot(fl.GoName)),
		))
	}
	cases = append(cases, jen.Default().Block(
		jen.If(unknown.Clone().Op("==").Nil()).Block(
			unknown.Clone().Op("=").Map(jen.String()).Qual(pathJSON, "RawMessage").Values(),
		),
		unknown.Clone().Index(jen.Id("name")).Op("=").Add(raw.Clone()),
	))
	doc := docOf(model.UnionUnmarshalDoc(t))
	f.Add(withDoc(doc).Func().Params(jen.Id("s").Op("*").Id(t.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		jen.Var().Id("members").Map(jen.String()).Qual(pathJSON, "RawMessage"),
		jen.If(jen.Err().Op(":=").Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("members")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		jen.Op("*").Id("s").Op("=").Id(t.GoName).Values(),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Qual(pathSlices, "Sorted").Call(jen.Qual(pathMaps, "Keys").Call(jen.Id("members")))).Block(
			jen.Var().Err().Error(),
			jen.Switch(jen.Id("name")).Block(cases...),
			jen.If(jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Qual(pathFmt, "Errorf").Call(jen.Lit("%s: %w"), jen.Id("name"), jen.Err())),
			),
		),
		jen.Return(jen.Nil()),
	))
}

// unionCheck is the part of a union's validate method that reports it
// unless exactly one member is set:
//
//	var set []string
//	if s.DifferentialPrivacy != nil {
//		set = append(set, "DifferentialPrivacy")
//	}
//	...
//	for _, name := range slices.Sorted(maps.Keys(s.Unknown)) {
//		set = append(set, paginateimpl.Key("Unknown", name))
//	}
//	if len(set) != 1 {
//		v.Union(path, set)
//	}
func unionCheck(t *model.Type) []jen.Code {
	set := jen.Id("set")
	code := []jen.Code{jen.Var().Add(set.Clone()).Index().String()}
	for _, fl := range t.Fields {
		code = append(code, jen.If(unionIsSet(fl)).Block(
			set.Clone().Op("=").Append(set.Clone(), jen.Lit(fl.GoName)),
		))
	}
	code = append(code,
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Add(unknownNames(t))).Block(
			set.Clone().Op("=").Append(set.Clone(), jen.Qual(Support, "Key").Call(jen.Lit(t.Unknown), jen.Id("name"))),
		),
		jen.If(jen.Len(set.Clone()).Op("!=").Lit(1)).Block(
			jen.Id("v").Dot("Union").Call(jen.Id("path"), set.Clone()),
		),
	)
	return code
}
