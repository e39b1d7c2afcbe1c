package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genType writes a named type: a struct, a union or an enum.
func genType(f *jen.File, t *model.Type) {
	switch t.Kind {
	case model.Enum:
		genEnum(f, t)
	case model.Union:
		genUnion(f, t)
	default:
		genStruct(f, t)
		genTimeCodec(f, t)
	}
}

// genStruct writes a struct with a documented field per member:
//
//	// Session is information about a Session Manager connection to a managed
//	// node.
//	type Session struct {
//		// The ID of the session.
//		SessionId string `json:"SessionId,omitempty"`
//		...
//	}
func genStruct(f *jen.File, t *model.Type) {
	doc := docOf(model.TypeDoc(t))
	fields := make([]jen.Code, 0, len(t.Fields)+1)
	for _, fl := range t.Fields {
		fields = append(fields, genField(fl))
	}
	if t.Kind == model.Union {
		fields = append(fields, unknownField(t))
	}
	f.Add(withDoc(doc).Type().Id(t.GoName).Struct(fields...))
}

// genField writes one struct field with its doc comment and JSON tag.
func genField(fl *model.Field) jen.Code {
	return withDoc(docIn(model.FieldDoc(fl))).Id(fl.GoName).Add(fieldType(fl)).Tag(map[string]string{"json": fl.Wire + omit(fl)})
}

// omit is the option of a field's JSON tag that leaves it out when it is
// not set: omitzero for a token, which is a struct, omitempty otherwise.
func omit(fl *model.Field) string {
	if fl.Type.Kind == model.Token && !fl.Pointer {
		return ",omitzero"
	}
	return ",omitempty"
}

// fieldType is a field's Go type: its reference, behind a pointer when the
// model says so.
func fieldType(fl *model.Field) jen.Code {
	if fl.Pointer {
		return jen.Op("*").Add(typeRef(fl.Type))
	}
	return typeRef(fl.Type)
}

// typeRef is the Go type of a type reference.
func typeRef(r *model.TypeRef) *jen.Statement {
	switch r.Kind {
	case model.String:
		return jen.String()
	case model.Int64:
		return jen.Int64()
	case model.Float64:
		return jen.Float64()
	case model.Bool:
		return jen.Bool()
	case model.Time:
		return jen.Qual("time", "Time")
	case model.Bytes:
		return jen.Index().Byte()
	case model.Document:
		return jen.Qual("encoding/json", "RawMessage")
	case model.Named:
		return jen.Id(r.Named.GoName)
	case model.Slice:
		return jen.Index().Add(typeRef(r.Elem))
	case model.Map:
		return jen.Map(typeRef(r.Key)).Add(typeRef(r.Elem))
	case model.Token:
		return jen.Qual(Runtime, "Token")
	}
	panic(fmt.Sprintf("templates: unknown type reference kind %d", r.Kind))
}

// genEnum writes a string type, a constant per documented value and a
// Values method:
//
//	// SessionStatus is an enum of the API; values not listed here decode too.
//	type SessionStatus string
//
//	const (
//		// SessionStatusConnected is "Connected".
//		SessionStatusConnected SessionStatus = "Connected"
//	)
//
//	// Values returns the values of SessionStatus that the API documents.
//	func (SessionStatus) Values() []SessionStatus { ... }
func genEnum(f *jen.File, t *model.Type) {
	f.Add(withDoc(docOf(model.EnumDoc(t))).Type().Id(t.GoName).String())
	consts := make([]jen.Code, 0, len(t.Values))
	values := make([]jen.Code, 0, len(t.Values))
	for _, v := range t.Values {
		consts = append(consts, withDoc(docIn(model.EnumValueDoc(v))).Id(v.GoName).Id(t.GoName).Op("=").Lit(v.Value))
		values = append(values, jen.Id(v.GoName))
	}
	if len(consts) > 0 {
		f.Line().Const().Defs(consts...)
	}
	f.Add(withDoc(docOf(model.EnumValuesDoc(t))).
		Func().Params(jen.Id(t.GoName)).Id("Values").Params().Index().Id(t.GoName).Block(
		jen.Return(jen.Index().Id(t.GoName).ValuesFunc(func(g *jen.Group) {
			for _, v := range values {
				g.Add(v)
			}
		})),
	))
}
