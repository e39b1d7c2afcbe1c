package templates

import (
	"fmt"
	"go/token"

	"github.com/pagegen/pagegen/model"
)

// checkNames reports a name of the model that cannot reach the source as it
// is: an identifier that is not one, or a Go keyword, or a file name with
// anything but lower-case ASCII letters, digits and underscores. The model's
// namer decides every name; this keeps a mistake there from becoming code.
func checkNames(pkg *model.Package) error {
	var bad []string
	ident := func(what, name string) {
		if !token.IsIdentifier(name) {
			bad = append(bad, fmt.Sprintf("%s %q", what, name))
		}
	}
	ident("package", pkg.Name)
	for _, t := range pkg.Types {
		checkType(ident, t)
	}
	for _, p := range pkg.Paginators {
		for _, n := range append([]string{p.Name}, p.GoNames()...) {
			ident("paginator name", n)
		}
		checkType(ident, p.Input)
		checkType(ident, p.Output)
		if !fileBase(p.File) {
			bad = append(bad, fmt.Sprintf("file %q", p.File))
		}
		if fn := p.Filter; fn != nil {
			ident("filter name type", fn.GoName)
			ident("filter method", fn.Method)
			for _, n := range fn.Names {
				ident("filter name", n.GoName)
				if n.Param != "" {
					ident("parameter", n.Param)
				}
			}
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%s: the model has names that are not Go names: %v", pkg.Name, bad)
	}
	return nil
}

func checkType(ident func(what, name string), t *model.Type) {
	ident("type", t.GoName)
	for _, f := range t.Fields {
		ident("field", f.GoName)
	}
	for _, v := range t.Values {
		ident("constant", v.GoName)
	}
}

// fileBase reports whether s is a file name base that the model may choose:
// lower-case ASCII letters, digits and underscores, not starting with one.
func fileBase(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' && i > 0) {
			return false
		}
	}
	return s != ""
}
