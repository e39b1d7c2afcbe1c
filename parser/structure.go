package parser

import (
	"regexp"
	"strings"

	"github.com/pagegen/pagegen/parser/rst"
	"github.com/pagegen/pagegen/parser/syntax"
)

// itemRE matches the head of a parameter or Response Structure list item:
// "**Name** *(type) --* **[REQUIRED]** description", where the name is
// absent for list elements and map keys and values, and documents are shown
// as "(:ref:`document<document>`) --".
var itemRE = regexp.MustCompile("^(?:\\*\\*([^*\\s]+)\\*\\* ?)?(?:\\*\\(([a-z]+)\\) --\\*|\\(:ref:`document<document>`\\) --)[ \t]*(\\*\\*\\[REQUIRED\\]\\*\\*)?[ \t]*((?s).*)$")

// unionNote is how boto3 marks a tagged union.
const unionNote = "This is a Tagged Union structure."

// item is one list item of a parameter or Response Structure list.
type item struct {
	pos      Pos
	name     string // "" for list elements, map keys and values
	typ      string // string, integer, float, boolean, datetime, bytes, dict, list, document
	required bool
	body     []*rst.Node // the description (the text after the head first) and nested lists
}

// isItem reports whether n is a list of structure items.
func isItemList(n *rst.Node) bool {
	if n.Kind != rst.BulletList || n.Text != "-" || len(n.Children) == 0 {
		return false
	}
	for _, it := range n.Children {
		if len(it.Children) == 0 || it.Children[0].Kind != rst.Paragraph || !itemRE.MatchString(it.Children[0].Text) {
			return false
		}
	}
	return true
}

func (r *reader) item(n *rst.Node) (item, bool) {
	if n.Kind != rst.ListItem || len(n.Children) == 0 || n.Children[0].Kind != rst.Paragraph {
		r.errorf(fromRST(n.Pos), "want a structure item \"**Name** *(type) --*\"")
		return item{}, false
	}
	head := n.Children[0]
	m := itemRE.FindStringSubmatch(head.Text)
	if m == nil {
		r.errorf(fromRST(head.Pos), "want a structure item \"**Name** *(type) --*\", got %q", firstLine(head.Text))
		return item{}, false
	}
	it := item{pos: fromRST(n.Pos), name: m[1], typ: m[2], required: m[3] != ""}
	if it.typ == "" {
		it.typ = "document"
	}
	if rest := strings.TrimSpace(m[4]); rest != "" {
		it.body = append(it.body, &rst.Node{Kind: rst.Paragraph, Pos: head.Pos, Text: rest})
	}
	it.body = append(it.body, n.Children[1:]...)
	return it, true
}

// split separates a description from the structure items that follow it.
func (r *reader) split(body []*rst.Node) (docs []*rst.Node, terms []Term, items []*rst.Node, union bool) {
	for _, n := range body {
		switch {
		case isItemList(n):
			items = append(items, n.Children...)
		case n.Kind == rst.Directive && n.Name == "note" && strings.HasPrefix(strings.TrimSpace(n.Text), unionNote):
			union = true
		default:
			docs = append(docs, n)
		}
	}
	return docs, termsOf(docs), items, union
}

// member merges the syntax and structure views of one named member.
func (r *reader) member(name string, pos Pos, required bool, typ string, typPos Pos, body []*rst.Node, v *syntax.Value, stack []frame) *Member {
	docs, terms, _, _ := r.split(body)
	s := r.shape(typPos, typ, frame{name: name}, body, v, stack)
	if s == nil {
		return nil
	}
	return &Member{Name: name, Pos: pos, Required: required, Doc: rst.BlocksMarkdown(docs), Terms: terms, Shape: s}
}

// typeKinds are the syntax kinds that each documented type may show.
var typeKinds = map[string][]syntax.Kind{
	"string":   {syntax.String, syntax.Enum},
	"integer":  {syntax.Integer},
	"float":    {syntax.Float},
	"boolean":  {syntax.Boolean},
	"datetime": {syntax.Timestamp},
	"bytes":    {syntax.Blob},
	"document": {syntax.Document},
	"dict":     {syntax.Struct, syntax.Map},
	"list":     {syntax.List},
}

var scalarKinds = map[syntax.Kind]Kind{
	syntax.String:    String,
	syntax.Enum:      Enum,
	syntax.Integer:   Integer,
	syntax.Float:     Float,
	syntax.Boolean:   Boolean,
	syntax.Timestamp: Timestamp,
	syntax.Blob:      Blob,
	syntax.Document:  Document,
}

// frame is one enclosing shape while a page's shapes are read.
type frame struct {
	shape *Shape
	// name is the member that holds the shape; list elements and map
	// values have their container's.
	name string
	// elem reports a list element or map value.
	elem bool
	// value is the shape's syntax, nil where the page shows none.
	value *syntax.Value
}

// docTypes are the documented type names of the syntax kinds, for pages
// that show only the syntax.
var docTypes = map[syntax.Kind]string{
	syntax.String: "string", syntax.Enum: "string", syntax.Integer: "integer", syntax.Float: "float",
	syntax.Boolean: "boolean", syntax.Timestamp: "datetime", syntax.Blob: "bytes", syntax.Document: "document",
	syntax.Struct: "dict", syntax.Map: "dict", syntax.List: "list", syntax.Unknown: "string",
}

// unknownKinds are the kinds of scalar values shown as "...", and of the
// scalars of a structure list that has no syntax beside it.
var unknownKinds = map[string]Kind{
	"string":   String,
	"integer":  Integer,
	"float":    Float,
	"boolean":  Boolean,
	"datetime": Timestamp,
	"bytes":    Blob,
	"document": Document,
}

// shape merges a syntax value with the structure list that documents it:
// typ is the documented type name and body the description with its nested
// items. stack holds the enclosing shapes, innermost last.
//
// A page that shows only one of the two views gives a nil v (the structure
// list alone) or a reader with syntaxOnly set (the syntax alone).
func (r *reader) shape(typPos Pos, typ string, at frame, body []*rst.Node, v *syntax.Value, stack []frame) *Shape {
	if v == nil {
		return r.listShape(typPos, typ, at, body, stack)
	}
	pos := fromSyntax(v.Pos)
	if r.syntaxOnly && v.Kind == syntax.Recursive {
		typ = "" // the marker is the same for lists and dicts
	}
	kinds, ok := typeKinds[typ]
	if !ok && typ != "" {
		r.errorf(typPos, "unknown type %q", typ)
		return nil
	}
	docs, _, items, union := r.split(body)
	s := &Shape{Pos: pos, Doc: rst.BlocksMarkdown(docs), Union: union}
	if v.Kind == syntax.Recursive {
		s.Kind = Recursive
		s.Target = recursionTarget(typ, at, stack)
		if s.Target == nil {
			r.errorf(pos, "recursive %s has no enclosing %s to refer to", typ, typ)
			return nil
		}
		return s
	}
	if v.Kind == syntax.Unknown {
		// boto3 writes "..." where it has no example value: the
		// documented type says what it is.
		if k, ok := unknownKinds[typ]; ok {
			s.Kind = k
			return s
		}
		r.errorf(pos, "the syntax shows no example for a %s", typ)
		return nil
	}
	if !hasKind(kinds, v.Kind) {
		r.errorf(pos, "the syntax shows a value of kind %s, but the documented type is %s", v.Kind, typ)
		return nil
	}
	if k, ok := scalarKinds[v.Kind]; ok {
		s.Kind = k
		s.Enum = v.Enum
		if len(items) > 0 {
			r.errorf(fromRST(items[0].Pos), "a %s documents nested members", typ)
		}
		return s
	}
	stack = append(stack, frame{shape: s, name: at.name, elem: at.elem, value: v})
	switch {
	case v.Kind == syntax.List:
		s.Kind = List
		s.Elem = r.element(pos, at.name, items, v.Elem, stack)
		if s.Elem == nil {
			return nil
		}
	case v.Kind == syntax.Map || (v.Kind == syntax.Struct && len(items) == 1 && r.isUnnamed(items[0])):
		s.Kind = Map
		return r.mapShape(s, at.name, items, v, stack)
	default:
		s.Kind = Structure
		r.members(s, items, v, stack)
	}
	return s
}

func hasKind(kinds []syntax.Kind, k syntax.Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func (r *reader) isUnnamed(n *rst.Node) bool {
	if len(n.Children) == 0 || n.Children[0].Kind != rst.Paragraph {
		return false
	}
	m := itemRE.FindStringSubmatch(n.Children[0].Text)
	return m != nil && m[1] == ""
}

// element reads the single unnamed item that documents a list element.
// name is the member that holds the list or map.
func (r *reader) element(pos Pos, name string, items []*rst.Node, v *syntax.Value, stack []frame) *Shape {
	at := frame{name: name, elem: true}
	if r.syntaxOnly {
		return r.shape(pos, docTypes[v.Kind], at, nil, v, stack)
	}
	if len(items) != 1 {
		r.errorf(pos, "a list documents %d element items, want 1", len(items))
		return nil
	}
	it, ok := r.item(items[0])
	if !ok {
		return nil
	}
	if it.name != "" {
		r.errorf(it.pos, "a list element is documented as member %q", it.name)
		return nil
	}
	return r.shape(it.pos, it.typ, at, it.body, v, stack)
}

// mapShape reads a map: one unnamed key item whose body holds the value item.
func (r *reader) mapShape(s *Shape, name string, items []*rst.Node, v *syntax.Value, stack []frame) *Shape {
	if r.syntaxOnly {
		s.Key = &Shape{Kind: String, Pos: fromSyntax(v.Key.Pos)}
		if v.Key.Kind == syntax.Enum {
			s.Key.Kind, s.Key.Enum = Enum, v.Key.Enum
		}
		if s.Elem = r.element(s.Pos, name, nil, v.Elem, stack); s.Elem == nil {
			return nil
		}
		return s
	}
	if len(items) != 1 {
		r.errorf(s.Pos, "a map documents %d key items, want 1", len(items))
		return nil
	}
	key, ok := r.item(items[0])
	if !ok {
		return nil
	}
	if key.name != "" || key.typ != "string" {
		r.errorf(key.pos, "a map key is documented as %q %s, want an unnamed string", key.name, key.typ)
		return nil
	}
	var keyVal, elemVal *syntax.Value
	if v.Kind == syntax.Map {
		keyVal, elemVal = v.Key, v.Elem
	} else {
		m := v.Members[0]
		keyVal = &syntax.Value{Kind: syntax.Enum, Pos: m.Pos, Enum: []string{m.Name}}
		elemVal = m.Value
	}
	s.Key = &Shape{Kind: String, Pos: fromSyntax(keyVal.Pos)}
	if keyVal.Kind == syntax.Enum {
		s.Key.Kind = Enum
		s.Key.Enum = keyVal.Enum
	}
	docs, _, valueItems, _ := r.split(key.body)
	s.Key.Doc = rst.BlocksMarkdown(docs)
	s.Elem = r.element(key.pos, name, valueItems, elemVal, stack)
	if s.Elem == nil {
		return nil
	}
	return s
}

// members matches a structure's syntax members with its documented items,
// which must name the same members in the same order.
func (r *reader) members(s *Shape, items []*rst.Node, v *syntax.Value, stack []frame) {
	if r.syntaxOnly {
		for _, m := range v.Members {
			if mm := r.member(m.Name, fromSyntax(m.Pos), false, docTypes[m.Value.Kind], fromSyntax(m.Pos), nil, m.Value, stack); mm != nil {
				s.Members = append(s.Members, mm)
			}
		}
		return
	}
	byName := map[string]item{}
	var order []string
	for _, it := range r.namedItems(items) {
		byName[it.name] = it
		order = append(order, it.name)
	}
	for _, m := range v.Members {
		it, ok := byName[m.Name]
		if !ok {
			r.errorf(fromSyntax(m.Pos), "member %s is in the syntax but not documented in the structure list", m.Name)
			continue
		}
		delete(byName, m.Name)
		if mm := r.member(m.Name, fromSyntax(m.Pos), it.required, it.typ, it.pos, it.body, m.Value, stack); mm != nil {
			s.Members = append(s.Members, mm)
		}
	}
	for _, name := range order {
		if it, ok := byName[name]; ok {
			r.errorf(it.pos, "member %s is documented but not in the syntax", name)
		}
	}
}

// namedItems reads a structure's member items, in order, reporting items
// without a name and names documented twice.
func (r *reader) namedItems(items []*rst.Node) []item {
	var out []item
	seen := map[string]bool{}
	for _, n := range items {
		it, ok := r.item(n)
		if !ok {
			continue
		}
		if it.name == "" {
			r.errorf(it.pos, "a structure documents an unnamed %s item", it.typ)
			continue
		}
		if seen[it.name] {
			r.errorf(it.pos, "member %s is documented twice", it.name)
			continue
		}
		seen[it.name] = true
		out = append(out, it)
	}
	return out
}

// recursionTarget finds the enclosing shape that a recursive marker refers
// to. The page does not say which: boto3 prints the marker wherever a shape
// appears inside itself. Of the enclosing shapes of the documented type
// (any type when typ is ""), innermost first, and never a list element's
// or map value's own container:
//   - the first held by a member whose name the marker's member name
//     contains ("rowValue" in the "rows" list) is taken;
//   - a member of a structure refers past that structure to the next one
//     out (a condition's "then" and "else" hold the property around the
//     condition), unless the structure also lists itself (an expression
//     whose "And" list and "Not" member hold expressions);
//   - failing both, the innermost one.
func recursionTarget(typ string, at frame, stack []frame) *Shape {
	var candidates []frame
	for i := len(stack) - 1; i >= 0; i-- {
		f := stack[i]
		if at.elem && i == len(stack)-1 {
			continue
		}
		switch {
		case typ == "",
			typ == "list" && f.shape.Kind == List,
			typ == "dict" && (f.shape.Kind == Structure || f.shape.Kind == Map):
			candidates = append(candidates, f)
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	for _, f := range candidates {
		if f.elem && foldName(f.name) == foldName(at.name) {
			continue // the member holds the container, not its element
		}
		if nameRelated(at.name, f.name) {
			return f.shape
		}
	}
	parent := stack[len(stack)-1]
	if !at.elem && len(candidates) > 1 && candidates[0].shape == parent.shape &&
		parent.shape.Kind == Structure && !listsItself(parent.value) {
		return candidates[1].shape
	}
	return candidates[0].shape
}

// listsItself reports whether a structure's syntax has a list member whose
// elements are recursive.
func listsItself(v *syntax.Value) bool {
	if v == nil {
		return false
	}
	for _, m := range v.Members {
		if m.Value.Kind == syntax.List && m.Value.Elem != nil && m.Value.Elem.Kind == syntax.Recursive {
			return true
		}
	}
	return false
}

// nameRelated reports whether the member name m contains the name h of
// the member that holds an enclosing shape, in the singular and ignoring
// case and punctuation: "TargetFileSystemValues" and "FileSystems".
func nameRelated(m, h string) bool {
	m, h = foldName(m), foldName(h)
	h = strings.TrimSuffix(h, "list")
	if strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") {
		h = h[:len(h)-1]
	}
	return len(h) >= 3 && strings.Contains(m, h)
}

func foldName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// listShape reads a shape from a structure list that has no syntax
// beside it: the types are the documented ones, enum values are unknown,
// and a list with no element item is recursive.
func (r *reader) listShape(typPos Pos, typ string, at frame, body []*rst.Node, stack []frame) *Shape {
	docs, _, items, union := r.split(body)
	s := &Shape{Pos: typPos, Doc: rst.BlocksMarkdown(docs), Union: union}
	if k, ok := unknownKinds[typ]; ok {
		s.Kind = k
		if len(items) > 0 {
			r.errorf(fromRST(items[0].Pos), "a %s documents nested members", typ)
		}
		return s
	}
	switch typ {
	case "list":
		if len(items) == 0 {
			s.Kind = Recursive
			if s.Target = recursionTarget(typ, at, stack); s.Target == nil {
				r.errorf(typPos, "a list documents no element and has no enclosing list to refer to")
				return nil
			}
			return s
		}
		s.Kind = List
		stack = append(stack, frame{shape: s, name: at.name, elem: at.elem})
		if s.Elem = r.element(typPos, at.name, items, nil, stack); s.Elem == nil {
			return nil
		}
		return s
	case "dict":
		stack = append(stack, frame{shape: s, name: at.name, elem: at.elem})
		if len(items) == 1 && r.isUnnamed(items[0]) {
			s.Kind = Map
			key, ok := r.item(items[0])
			if !ok {
				return nil
			}
			docs, _, valueItems, _ := r.split(key.body)
			s.Key = &Shape{Kind: String, Pos: key.pos, Doc: rst.BlocksMarkdown(docs)}
			if s.Elem = r.element(key.pos, at.name, valueItems, nil, stack); s.Elem == nil {
				return nil
			}
			return s
		}
		s.Kind = Structure
		for _, it := range r.namedItems(items) {
			if m := r.member(it.name, it.pos, it.required, it.typ, it.pos, it.body, nil, stack); m != nil {
				s.Members = append(s.Members, m)
			}
		}
		return s
	}
	r.errorf(typPos, "unknown type %q", typ)
	return nil
}

// termRE matches a "name: description" or "name - description" list item,
// the name optionally in double backquotes.
var termRE = regexp.MustCompile("^(?:``([^`]+)``|([A-Za-z0-9][A-Za-z0-9_.:<>/-]*))\\s*(?::|\\s-{1,2})\\s+((?s).+)$")

// termsOf collects the terms of the bullet lists in a description.
func termsOf(docs []*rst.Node) []Term {
	var terms []Term
	for _, n := range docs {
		switch n.Kind {
		case rst.BlockQuote:
			terms = append(terms, termsOf(n.Children)...)
		case rst.BulletList:
			for _, it := range n.Children {
				if len(it.Children) == 0 || it.Children[0].Kind != rst.Paragraph {
					continue
				}
				m := termRE.FindStringSubmatch(it.Children[0].Text)
				if m == nil {
					continue
				}
				name := m[1] + m[2]
				rest := append([]*rst.Node{{Kind: rst.Paragraph, Text: m[3]}}, it.Children[1:]...)
				terms = append(terms, Term{Name: name, Doc: rst.BlocksMarkdown(rest), Pos: fromRST(it.Pos)})
			}
		}
	}
	return terms
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
