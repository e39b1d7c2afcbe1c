package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/parser"
)

// Build turns parsed pages into packages, one per service, sorted by name.
// overrides holds each service's paginators.json entries by paginator name;
// a paginator without one follows the conventions (see pagination.go).
// kept holds, by package name, the type names of an earlier run, which the
// types keep (see stable.go); a package without any is named afresh. With
// a resolver, each package also gets a Bridge to the service's
// aws-sdk-go-v2 package that resolve finds.
func Build(pages []*parser.Page, overrides map[string]map[string]parser.PaginatorConfig, kept map[string]TypeNames, resolve SDKResolver) ([]*Package, error) {
	byService := map[string][]*parser.Page{}
	for _, p := range pages {
		byService[p.Service] = append(byService[p.Service], p)
	}
	services := make([]string, 0, len(byService))
	for s := range byService {
		services = append(services, s)
	}
	sort.Strings(services)

	clashes := map[string]PackageClash{}
	for _, c := range PackageClashes(services) {
		clashes[c.Service] = c
	}
	var errs diag.List
	var pkgs []*Package
	for _, svc := range services {
		pages := byService[svc]
		sort.Slice(pages, func(i, j int) bool { return pages[i].Name < pages[j].Name })
		b := &builder{overrides: overrides[svc], kept: kept[PackageName(svc)]}
		pkg := b.build(svc, pages)
		if resolve != nil && len(b.errs) == 0 {
			sdk, err := resolve(svc, SDKCandidates(svc, pages[0].ServiceName))
			if err != nil {
				b.errorf(pages[0].File, parser.Pos{Line: 1, Col: 1}, "%v", err)
			} else {
				pkg.Bridge = b.bridge(pkg, pages, sdk)
			}
		}
		errs = append(errs, b.errs...)
		if c, ok := clashes[svc]; ok {
			errs = append(errs, &diag.Error{File: pages[0].File, Pos: parser.Pos{Line: 1, Col: 1}, Msg: c.Error()})
			continue
		}
		pkgs = append(pkgs, pkg)
	}
	errs.Sort()
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return pkgs, nil
}

// builder builds one package.
type builder struct {
	overrides map[string]parser.PaginatorConfig
	kept      TypeNames // the type names of an earlier run
	errs      diag.List
	types     []*Type            // every candidate type, in the order met
	names     map[*Type][]string // the names each candidate asks for, best first
	firstOp   map[*Type]string
	heldBy    map[*Type]holder  // the structure that holds each candidate, and what the member holds
	canon     map[*Type]*Type   // the type that stands for each candidate
	merged    map[*Type][]*Type // the candidates each type stands for, in the order met
	depth     map[*Type]int     // how deep in an operation's output or input each type is met first
	ownerSaid map[*Type]bool    // the enums whose names say their owners' (see holder)
	about     map[*Type]bool    // the enums held by what their operations are about (see holder)
	reserved  uniquer           // names taken before candidate types are named
	caps      initialisms       // the initialisms the operations' names spell in capitals
	terms     map[*Paginator]map[*Field][]parser.Term
}

func (b *builder) errorf(file string, pos parser.Pos, format string, args ...any) {
	b.errs = append(b.errs, &diag.Error{File: file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

func (b *builder) build(svc string, pages []*parser.Page) *Package {
	pkg := &Package{Service: svc, Name: PackageName(svc), Title: pages[0].ServiceName}
	b.names = map[*Type][]string{}
	b.terms = map[*Paginator]map[*Field][]parser.Term{}
	b.firstOp = map[*Type]string{}
	b.heldBy = map[*Type]holder{}
	b.depth = map[*Type]int{}
	b.ownerSaid = map[*Type]bool{}
	b.about = map[*Type]bool{}
	b.reserved = uniquer{}
	b.caps = initialismsOf(pages)
	seen := map[string]string{}
	for _, page := range pages {
		if prev, dup := seen[page.Name]; dup {
			b.errorf(page.File, parser.Pos{Line: 1, Col: 1}, "paginator %s is also in %s", page.Name, prev)
			continue
		}
		seen[page.Name] = page.File
		if p := b.paginator(page); p != nil {
			pkg.Paginators = append(pkg.Paginators, p)
		}
	}
	nameFiles(pkg.Paginators)
	pkg.Types = b.finish(pkg.Paginators)
	pkg.Candidates = len(b.types)
	settleUnions(pkg)
	// Filter names are settled once the filter structures have their names.
	for _, p := range pkg.Paginators {
		p.Filter = b.filterNames(p, b.terms[p])
	}
	goNames(pkg)
	return pkg
}

// paginator builds one paginator and its input and output types.
func (b *builder) paginator(page *parser.Page) *Paginator {
	op := Exported(page.Name)
	p := &Paginator{
		Name:          op,
		Method:        page.Method,
		Spec:          page.File,
		Source:        sourcePath(page.File),
		Doc:           page.Doc,
		APIDocURL:     page.APIDocURL,
		ClientName:    b.reserved.name(op + "APIClient"),
		PaginatorName: b.reserved.name(op + "Paginator"),
		NewName:       b.reserved.name("New" + op + "Paginator"),
		SpecName:      b.reserved.name(Unexported(op + "Spec")),
		ItemsName:     b.reserved.name(Unexported(op + "Items")),

		FakeName:      b.reserved.name(Unexported(op + "Fake")),
		TestName:      b.reserved.name("Test" + op + "Paginator"),
		InputTestName: b.reserved.name("Test" + op + "InputValidate"),
	}
	c := &converter{b: b, op: op, file: page.File, shapes: map[*parser.Shape]*TypeRef{}}
	p.Input = &Type{Kind: Struct, GoName: b.reserved.name(op + "Input"), Input: true, Ops: []string{op},
		Doc: fmt.Sprintf("%sInput is the input of %s.", op, op)}
	p.Input.Fields = c.fields(opOwner(op).holding(p.Input), page.Input)
	p.Output = &Type{Kind: Struct, GoName: b.reserved.name(op + "Output"), Ops: []string{op},
		Doc: fmt.Sprintf("%sOutput is one page of %s's results.", op, op)}
	if page.Output != nil {
		p.Output.Fields = c.fields(opOwner(op).holding(p.Output), page.Output.Members)
	}
	if !b.pagination(p, page) {
		return nil
	}
	b.terms[p] = c.terms
	return p
}

// converter turns the shapes of one page into type references.
type converter struct {
	b      *builder
	op     string
	file   string
	shapes map[*parser.Shape]*TypeRef // shapes converted so far, for recursion
	terms  map[*Field][]parser.Term   // the terms of each field's description
	stack  []*TypeRef                 // the lists, maps and structures being converted
}

// throughStruct reports whether a structure stands between the enclosing
// reference ref and the shape being converted, so that a reference back to
// ref is a Go type that can exist.
func (c *converter) throughStruct(ref *TypeRef) bool {
	for i := len(c.stack) - 1; i >= 0 && c.stack[i] != ref; i-- {
		if c.stack[i].Kind == Named {
			return true
		}
	}
	return ref.Kind == Named
}

// fields converts the members of a structure o.
func (c *converter) fields(o owner, members []*parser.Member) []*Field {
	names := fieldScope()
	var fields []*Field
	for _, m := range members {
		ref, recursive := c.ref(o, m.Name, m.Shape, false)
		if ref == nil {
			continue
		}
		f := &Field{
			GoName:   names.name(Exported(m.Name)),
			Wire:     m.WireName(),
			Doc:      m.Doc,
			Required: m.Required,
			Type:     ref,
		}
		f.Pointer = pointer(f, recursive)
		fields = append(fields, f)
		if c.terms == nil {
			c.terms = map[*Field][]parser.Term{}
		}
		c.terms[f] = m.Terms
	}
	// An enum value takes its description from a term of the same name in
	// the description of any member of the structure: SSM's filter keys are
	// described in the description of the filter's value.
	for _, f := range fields {
		if f.Type.Kind != Named || f.Type.Named.Kind != Enum {
			continue
		}
		for _, v := range f.Type.Named.Values {
			if v.Doc != "" {
				continue
			}
			for _, g := range fields {
				for _, t := range c.terms[g] {
					if t.Name == v.Value && v.Doc == "" {
						v.Doc = t.Doc
					}
				}
			}
		}
	}
	return fields
}

// pointer reports whether a field is a pointer: optional numbers, booleans,
// timestamps and structures, and references back to an enclosing structure.
func pointer(f *Field, recursive bool) bool {
	switch f.Type.Kind {
	case Int64, Float64, Bool, Time:
		return !f.Required
	case Named:
		if f.Type.Named.Kind == Enum {
			return false
		}
		return !f.Required || recursive
	}
	return false
}

// scalarRefs are the Go types of the page's scalar kinds.
var scalarRefs = map[parser.Kind]RefKind{
	parser.String:    String,
	parser.Integer:   Int64,
	parser.Float:     Float64,
	parser.Boolean:   Bool,
	parser.Timestamp: Time,
	parser.Blob:      Bytes,
	parser.Document:  Document,
}

// ref converts a shape met as member name of o. elem says it is a list
// element or map value, whose structure is named in the singular.
func (c *converter) ref(o owner, name string, s *parser.Shape, elem bool) (ref *TypeRef, recursive bool) {
	if k, ok := scalarRefs[s.Kind]; ok {
		return &TypeRef{Kind: k}, false
	}
	switch s.Kind {
	case parser.Enum:
		return &TypeRef{Kind: Named, Named: c.enum(o, name, s, elem)}, false
	case parser.Recursive:
		ref, ok := c.shapes[s.Target]
		if !ok {
			c.b.errorf(c.file, s.Pos, "recursive reference to a shape that is not being defined")
			return nil, false
		}
		if !c.throughStruct(ref) {
			c.b.errorf(c.file, s.Pos, "a list or map that contains itself with no structure between is not supported")
			return nil, false
		}
		return ref, true
	case parser.List, parser.Map:
		ref := &TypeRef{Kind: Slice}
		if s.Kind == parser.Map {
			ref = &TypeRef{Kind: Map, Key: &TypeRef{Kind: String}}
			if s.Key.Kind == parser.Enum {
				ref.Key = &TypeRef{Kind: Named, Named: c.enum(o, name+"Key", s.Key, false)}
			}
		}
		c.shapes[s] = ref
		c.stack = append(c.stack, ref)
		ref.Elem, _ = c.ref(o, name, s.Elem, true)
		c.stack = c.stack[:len(c.stack)-1]
		if ref.Elem == nil {
			return nil, false
		}
		return ref, false
	case parser.Structure:
		names := structNames(o, name, elem, s.Doc)
		t := &Type{Kind: Struct, Doc: s.Doc}
		if s.Union {
			t.Kind = Union
		}
		c.b.add(t, names, c.op, holder{of: o.of, noun: memberNoun(name, elem)})
		ref := &TypeRef{Kind: Named, Named: t}
		c.shapes[s] = ref
		c.stack = append(c.stack, ref)
		t.Fields = c.fields(owner{name: names[0], op: c.op, of: t}, s.Members)
		if t.Kind == Union {
			unionMembers(t)
		}
		c.stack = c.stack[:len(c.stack)-1]
		return ref, false
	}
	c.b.errorf(c.file, s.Pos, "unsupported shape kind %s", s.Kind)
	return nil, false
}

// enum makes the enum of member name of o (see enumNames).
func (c *converter) enum(o owner, name string, s *parser.Shape, elem bool) *Type {
	// The member's description documents the field; the enum type is
	// shared by every member with the same values.
	t := &Type{Kind: Enum}
	for _, v := range s.Enum {
		t.Values = append(t.Values, &EnumValue{Value: v})
	}
	noun := filtered(memberNoun(name, elem))
	names := enumNames(o, name, elem)
	_, structure := c.b.heldBy[o.of]
	c.b.add(t, names, c.op, holder{of: o.of, noun: noun, ownerSaid: joinWords(subject(o.name), noun) == noun,
		about: structure && subject(o.name) == opNoun(o.op) && strings.HasPrefix(names[0], opNoun(o.op))})
	return t
}

func (b *builder) add(t *Type, names []string, op string, h holder) {
	for i, n := range names {
		names[i] = b.caps.apply(n)
	}
	b.types = append(b.types, t)
	b.names[t] = names
	if of, ok := b.heldBy[h.of]; ok {
		h.depth = of.depth + 1
	}
	b.heldBy[t] = h
	b.firstOp[t] = op
}

// filterNames turns the filter names documented in the description of an
// input list of name-and-values filters into typed names.
func (b *builder) filterNames(p *Paginator, fieldTerms map[*Field][]parser.Term) *FilterNames {
	for _, f := range p.Input.Fields {
		terms := fieldTerms[f]
		if len(terms) == 0 || f.Type.Kind != Slice || f.Type.Elem.Kind != Named || f.Type.Elem.Named.Kind != Struct {
			continue
		}
		filter := f.Type.Elem.Named
		var nameField, valuesField *Field
		for _, g := range filter.Fields {
			switch {
			case strings.EqualFold(g.Wire, "name") && g.Type.Kind == String:
				nameField = g
			case strings.EqualFold(g.Wire, "values") && g.Type.Kind == Slice && g.Type.Elem.Kind == String:
				valuesField = g
			}
		}
		if nameField == nil || valuesField == nil {
			continue
		}
		fn := &FilterNames{
			GoName:      b.reserved.name(p.Name + "FilterName"),
			Filter:      filter,
			NameField:   nameField,
			ValuesField: valuesField,
			Method:      "Filter",
		}
		seen := map[string]bool{}
		for _, t := range terms {
			if seen[t.Name] {
				continue
			}
			seen[t.Name] = true
			n := &Name{Value: t.Name, Doc: t.Doc}
			if i := strings.IndexByte(t.Name, '<'); i > 0 && strings.HasSuffix(t.Name, ">") {
				n.Value = t.Name[:i]
				n.Param = Unexported(Exported(Pascal(t.Name[i+1 : len(t.Name)-1])))
			}
			// A name with a placeholder is a function named after the
			// text before it: "tag:<key>" → ...FilterNameTag(key).
			n.GoName = b.reserved.name(fn.GoName + Pascal(n.Value))
			fn.Names = append(fn.Names, n)
		}
		return fn
	}
	return nil
}
