package templates

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pagegen/pagegen/model"
)

// genValidate writes the validate method of a type with required members
// or unions (see unionCheck), and for an operation's input (op is its name)
// the exported Validate:
//
//	// Validate reports every required member that is missing, at any depth, ...
//	func (s *DescribeSessionsInput) Validate() error {
//		var v paginateimpl.Invalid
//		s.validate(&v, "")
//		return v.Err("DescribeSessions")
//	}
//
//	func (s *DescribeSessionsInput) validate(v *paginateimpl.Invalid, path string) {
//		if s.State == "" {
//			v.Missing(path, "State")
//		}
//		for i := range s.Filters {
//			s.Filters[i].validate(v, paginateimpl.Index(paginateimpl.Member(path, "Filters"), i))
//		}
//	}
func genValidate(f *jen.File, t *model.Type, op string) {
	recv := jen.Id("s").Op("*").Id(t.GoName)
	if op != "" {
		body := []jen.Code{jen.Return(jen.Nil())}
		if t.Validates {
			body = []jen.Code{
				jen.Var().Id("v").Qual(Support, "Invalid"),
				jen.Id("s").Dot("validate").Call(jen.Op("&").Id("v"), jen.Lit("")),
				jen.Return(jen.Id("v").Dot("Err").Call(jen.Lit(op))),
			}
		}
		f.Add(withDoc(docOf(model.ValidateDoc(t))).Func().Params(recv.Clone()).Id("Validate").Params().Error().Block(body...))
	}
	if !t.Validates {
		return
	}
	var body []jen.Code
	if t.Kind == model.Union {
		body = unionCheck(t)
	}
	for _, fl := range t.Fields {
		body = append(body, validateField(fl)...)
	}
	f.Line().Func().Params(recv).Id("validate").Params(
		jen.Id("v").Op("*").Qual(Support, "Invalid"), jen.Id("path").String(),
	).Block(body...)
}

// validateField checks one field: present when required, and valid within.
func validateField(fl *model.Field) []jen.Code {
	var code []jen.Code
	sel := jen.Id("s").Dot(fl.GoName)
	if fl.Required {
		if missing := missingCheck(fl, sel.Clone()); missing != nil {
			code = append(code, jen.If(missing).Block(
				jen.Id("v").Dot("Missing").Call(jen.Id("path"), jen.Lit(fl.GoName)),
			))
		}
	}
	path := jen.Qual(Support, "Member").Call(jen.Id("path"), jen.Lit(fl.GoName))
	if inner := validateRef(fl.Type, sel.Clone(), path, fl.Pointer, 0); inner != nil {
		code = append(code, inner)
	}
	return code
}

// missingCheck is the condition under which a required field counts as
// missing, or nil when its zero value is a valid value (numbers, booleans,
// required structures).
func missingCheck(fl *model.Field, sel *jen.Statement) jen.Code {
	if fl.Pointer {
		return sel.Op("==").Nil()
	}
	switch fl.Type.Kind {
	case model.String:
		return sel.Op("==").Lit("")
	case model.Named:
		if fl.Type.Named.Kind == model.Enum {
			return sel.Op("==").Lit("")
		}
	case model.Slice, model.Map, model.Bytes, model.Document:
		return jen.Len(sel).Op("==").Lit(0)
	case model.Time:
		return sel.Dot("IsZero").Call()
	}
	return nil
}

// validateRef validates what a value of type r holds, or returns nil when
// nothing within it can be missing.
func validateRef(r *model.TypeRef, sel *jen.Statement, path jen.Code, pointer bool, depth int) jen.Code {
	if !refValidates(r) {
		return nil
	}
	i := jen.Id(fmt.Sprintf("i%d", depth))
	k := jen.Id(fmt.Sprintf("k%d", depth))
	switch r.Kind {
	case model.Named:
		call := sel.Clone().Dot("validate").Call(jen.Id("v"), path)
		if pointer {
			return jen.If(sel.Clone().Op("!=").Nil()).Block(call)
		}
		return call
	case model.Slice:
		elem := sel.Clone().Index(i.Clone())
		return jen.For(i.Clone().Op(":=").Range().Add(sel.Clone())).Block(
			validateRef(r.Elem, elem, jen.Qual(Support, "Index").Call(path, i.Clone()), false, depth+1),
		)
	case model.Map:
		// Map values are not addressable: validate a copy.
		val := jen.Id(fmt.Sprintf("v%d", depth))
		return jen.For(jen.List(k.Clone(), val.Clone()).Op(":=").Range().Add(sel.Clone())).Block(
			validateRef(r.Elem, val.Clone(), jen.Qual(Support, "Key").Call(path, jen.String().Call(k.Clone())), false, depth+1),
		)
	}
	return nil
}

// refValidates reports whether a value of type r can hold a missing member.
func refValidates(r *model.TypeRef) bool {
	switch r.Kind {
	case model.Named:
		return r.Named.Validates && r.Named.Kind != model.Enum
	case model.Slice, model.Map:
		return refValidates(r.Elem)
	}
	return false
}
