package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// readPath writes the statements that read one alternative of a path from
// root, guarding every pointer and list on the way, and hand the value to
// use, which writes what to do with a value that is there:
//
//	if v1 := out.DistributionList; v1 != nil {
//		t[0] = v1.NextMarker
//	}
func readPath(steps []model.Step, root *jen.Statement, depth int, use func(v *jen.Statement) []jen.Code) []jen.Code {
	f := steps[0].Field
	e := root.Clone().Dot(f.GoName)
	if steps[0].Last {
		n := jen.Id(fmt.Sprintf("n%d", depth))
		elem := e.Clone().Index(n.Clone().Op("-").Lit(1))
		var body []jen.Code
		if len(steps) == 1 {
			body = use(elem)
		} else {
			body = readPath(steps[1:], elem, depth+1, use)
		}
		return []jen.Code{jen.If(n.Clone().Op(":=").Len(e), n.Clone().Op(">").Lit(0)).Block(body...)}
	}
	if len(steps) == 1 {
		if f.Pointer {
			return []jen.Code{jen.If(e.Clone().Op("!=").Nil()).Block(use(jen.Op("*").Add(e))...)}
		}
		return use(e)
	}
	if f.Pointer {
		v := jen.Id(fmt.Sprintf("v%d", depth))
		return []jen.Code{jen.If(v.Clone().Op(":=").Add(e), v.Clone().Op("!=").Nil()).Block(readPath(steps[1:], v, depth+1, use)...)}
	}
	return readPath(steps[1:], e, depth+1, use)
}

// writePath writes the statements that set the member at the end of a
// path in out, a shallow copy of a page, to val without changing what the
// page shares with the client's output: every structure on the way is
// copied. Nothing is set when a structure on the way is missing.
//
//	if out.ResultSet != nil {
//		v1 := *out.ResultSet
//		v1.Rows = items
//		out.ResultSet = &v1
//	}
func writePath(steps []model.Step, root *jen.Statement, depth int, val jen.Code) []jen.Code {
	e := root.Clone().Dot(steps[0].Field.GoName)
	if len(steps) == 1 {
		return []jen.Code{e.Op("=").Add(val)}
	}
	if !steps[0].Field.Pointer {
		return writePath(steps[1:], e, depth, val)
	}
	v := jen.Id(fmt.Sprintf("v%d", depth))
	body := append([]jen.Code{v.Clone().Op(":=").Op("*").Add(e.Clone())}, writePath(steps[1:], v, depth+1, val)...)
	body = append(body, e.Clone().Op("=").Op("&").Add(v))
	return []jen.Code{jen.If(e.Clone().Op("!=").Nil()).Block(body...)}
}

// zeroValue is the value boto3 leaves in a secondary result on the first
// page of a resumed run: an empty list, an empty string, the number as it
// was (ok is false), or nothing.
func zeroValue(f *model.Field) (v jen.Code, ok bool) {
	if f.Pointer {
		if f.Type.Kind == model.Int64 || f.Type.Kind == model.Float64 {
			return nil, false
		}
		return jen.Nil(), true
	}
	switch f.Type.Kind {
	case model.Slice:
		return typeRef(f.Type).Values(), true
	case model.String:
		return jen.Lit(""), true
	case model.Int64, model.Float64:
		return nil, false
	case model.Bool:
		return jen.False(), true
	case model.Map, model.Bytes, model.Document:
		return jen.Nil(), true
	case model.Named:
		if f.Type.Named.Kind == model.Enum {
			return jen.Lit(""), true
		}
	}
	return typeRef(f.Type).Values(), true
}
