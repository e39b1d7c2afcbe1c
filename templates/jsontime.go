package templates

import (
	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genTimeCodec writes the JSON codec of a struct with timestamp fields,
// which encodes them as epoch seconds and decodes epoch seconds or
// date-time strings, as the AWS JSON protocols send them. Every other
// field keeps encoding/json's own handling, through an embedded copy of
// the struct whose timestamp fields the codec's own fields shadow:
//
//	func (s Session) MarshalJSON() ([]byte, error) {
//		type plain Session
//		return json.Marshal(struct {
//			plain
//			StartDate *paginateimpl.JSONTime `json:"StartDate,omitempty"`
//		}{plain: plain(s), StartDate: (*paginateimpl.JSONTime)(s.StartDate)})
//	}
//
//	func (s *Session) UnmarshalJSON(b []byte) error {
//		type plain Session
//		v := struct {
//			*plain
//			StartDate *paginateimpl.JSONTime `json:"StartDate,omitempty"`
//		}{plain: (*plain)(s), StartDate: (*paginateimpl.JSONTime)(s.StartDate)}
//		if err := json.Unmarshal(b, &v); err != nil {
//			return err
//		}
//		s.StartDate = (*time.Time)(v.StartDate)
//		return nil
//	}
func genTimeCodec(f *jen.File, t *model.Type) {
	fields := t.TimeFields()
	if len(fields) == 0 || t.Kind != model.Struct {
		return
	}
	plain := jen.Type().Id("plain").Id(t.GoName)
	shadow := func(embed jen.Code) *jen.Statement {
		defs := []jen.Code{embed}
		for _, fl := range fields {
			defs = append(defs, jen.Id(fl.GoName).Add(jsonTimeType(fl)).Tag(map[string]string{"json": fl.Wire + jsonTimeOmit(fl)}))
		}
		return jen.Struct(defs...)
	}
	marshalVals := jen.Dict{jen.Id("plain"): jen.Id("plain").Call(jen.Id("s"))}
	unmarshalVals := jen.Dict{jen.Id("plain"): jen.Parens(jen.Op("*").Id("plain")).Call(jen.Id("s"))}
	var assign []jen.Code
	for _, fl := range fields {
		marshalVals[jen.Id(fl.GoName)] = toJSONTime(fl, jen.Id("s").Dot(fl.GoName))
		v := jen.Id("v").Dot(fl.GoName)
		switch fl.Type.Kind {
		case model.Time:
			unmarshalVals[jen.Id(fl.GoName)] = toJSONTime(fl, jen.Id("s").Dot(fl.GoName))
			assign = append(assign, jen.Id("s").Dot(fl.GoName).Op("=").Add(fromJSONTime(fl, v)))
		default:
			assign = append(assign, jen.If(v.Clone().Op("!=").Nil()).Block(
				jen.Id("s").Dot(fl.GoName).Op("=").Add(fromJSONTime(fl, v)),
			))
		}
	}
	f.Add(withDoc(docOf(model.TimeMarshalDoc()))).
		Func().Params(jen.Id("s").Id(t.GoName)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		plain.Clone(),
		jen.Return(jen.Qual(pathJSON, "Marshal").Call(shadow(jen.Id("plain")).Values(marshalVals))),
	)
	f.Add(withDoc(docOf(model.TimeUnmarshalDoc()))).
		Func().Params(jen.Id("s").Op("*").Id(t.GoName)).Id("UnmarshalJSON").Params(jen.Id("b").Index().Byte()).Error().Block(
		append([]jen.Code{
			plain.Clone(),
			jen.Id("v").Op(":=").Add(shadow(jen.Op("*").Id("plain"))).Values(unmarshalVals),
			jen.If(jen.Err().Op(":=").Qual(pathJSON, "Unmarshal").Call(jen.Id("b"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		}, append(assign, jen.Return(jen.Nil()))...)...,
	)
}

// jsonTimeType is the type of the codec's field that shadows fl.
func jsonTimeType(fl *model.Field) jen.Code {
	jt := jen.Qual(Support, "JSONTime")
	switch fl.Type.Kind {
	case model.Slice:
		return jen.Index().Add(jt)
	case model.Map:
		return jen.Map(typeRef(fl.Type.Key)).Add(jt)
	}
	if fl.Pointer {
		return jen.Op("*").Add(jt)
	}
	return jt
}

// jsonTimeOmit is the option of the shadowing field's JSON tag.
func jsonTimeOmit(fl *model.Field) string {
	if fl.Type.Kind == model.Time && !fl.Pointer {
		return ",omitzero"
	}
	return ",omitempty"
}

// toJSONTime converts the value of fl, v, to the shadowing field's type.
func toJSONTime(fl *model.Field, v *jen.Statement) jen.Code {
	switch fl.Type.Kind {
	case model.Slice:
		return jen.Qual(Support, "JSONTimes").Call(v)
	case model.Map:
		return jen.Qual(Support, "JSONTimeMap").Call(v)
	}
	if fl.Pointer {
		return jen.Parens(jen.Op("*").Qual(Support, "JSONTime")).Call(v)
	}
	return jen.Qual(Support, "JSONTime").Call(v)
}

// fromJSONTime converts v, of the shadowing field's type, back to fl's.
func fromJSONTime(fl *model.Field, v *jen.Statement) jen.Code {
	switch fl.Type.Kind {
	case model.Slice:
		return jen.Qual(Support, "Times").Call(v)
	case model.Map:
		return jen.Qual(Support, "TimeMap").Call(v)
	}
	if fl.Pointer {
		return jen.Parens(jen.Op("*").Qual(pathTime, "Time")).Call(v)
	}
	return jen.Qual(pathTime, "Time").Call(v)
}
