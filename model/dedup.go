package model

import (
	"slices"
	"sort"
	"strconv"
	"strings"
)

// finish merges identical candidate types, names them (see nameTypes),
// names enum constants and works out which types validate. It returns the
// package's named types sorted by name.
//
// Identical structures (same members, kinds, required flags and enum values)
// are one type.
func (b *builder) finish(paginators []*Paginator) []*Type {
	canon := map[*Type]*Type{}
	bySig := map[string]*Type{}
	var kept []*Type
	for _, t := range b.types {
		sig := signature(t, map[*Type]int{})
		if c, ok := bySig[sig]; ok {
			canon[t] = c
			continue
		}
		bySig[sig] = t
		canon[t] = t
		kept = append(kept, t)
	}
	var rewrite func(r *TypeRef)
	seenRef := map[*TypeRef]bool{}
	rewrite = func(r *TypeRef) {
		if r == nil || seenRef[r] {
			return
		}
		seenRef[r] = true
		if r.Kind == Named {
			r.Named = canon[r.Named]
		}
		rewrite(r.Key)
		rewrite(r.Elem)
	}
	all := append([]*Type(nil), b.types...)
	for _, p := range paginators {
		all = append(all, p.Input, p.Output)
	}
	for _, t := range all {
		for _, f := range t.Fields {
			rewrite(f.Type)
		}
	}

	// Operations that use each type.
	ops := map[*Type]map[string]bool{}
	var use func(t *Type, op string)
	use = func(t *Type, op string) {
		if ops[t] == nil {
			ops[t] = map[string]bool{}
		}
		if ops[t][op] {
			return
		}
		ops[t][op] = true
		for _, f := range t.Fields {
			forNamed(f.Type, func(n *Type) { use(n, op) })
		}
	}
	for _, p := range paginators {
		for _, t := range []*Type{p.Input, p.Output} {
			for _, f := range t.Fields {
				forNamed(f.Type, func(n *Type) { use(n, p.Name) })
			}
		}
	}
	for _, t := range kept {
		for op := range ops[t] {
			t.Ops = append(t.Ops, op)
		}
		sort.Strings(t.Ops)
	}

	for _, t := range b.types {
		if c := canon[t]; !slices.Contains(c.Wants, b.want[t]) {
			c.Wants = append(c.Wants, b.want[t])
		}
	}
	for _, t := range kept {
		sort.Strings(t.Wants)
	}
	b.nameTypes(kept)
	sort.Slice(kept, func(i, j int) bool { return kept[i].GoName < kept[j].GoName })

	for _, t := range kept {
		if t.Kind != Enum {
			continue
		}
		for _, v := range t.Values {
			word := Pascal(v.Value)
			if word == "" {
				word = "Empty"
			}
			v.GoName = b.reserved.name(t.GoName + word)
		}
	}

	// A type validates when it has a required member, or a member whose
	// type validates; iterate to a fixed point for recursive types.
	for changed := true; changed; {
		changed = false
		for _, t := range append(kept, inputs(paginators)...) {
			if t.Validates || t.Kind == Enum {
				continue
			}
			for _, f := range t.Fields {
				v := f.Required
				forNamed(f.Type, func(n *Type) { v = v || n.Validates })
				if v {
					t.Validates, changed = true, true
					break
				}
			}
		}
	}
	return kept
}

// nameTypes names the package's types. A type first keeps the name an
// earlier run gave it (see keep). The others, grouped by the name they ask
// for (the first type met of those merged), are told apart: the one used by
// the most operations gets the name if no type keeps it (on a tie, the one
// whose first operation sorts first), and the others are qualified with
// their first operation. Nothing depends on the order in which the pages
// came.
func (b *builder) nameTypes(types []*Type) {
	named := b.keep(types)
	groups := map[string][]*Type{}
	var wants []string
	for _, t := range types {
		if named[t] {
			continue
		}
		w := b.want[t]
		if groups[w] == nil {
			wants = append(wants, w)
		}
		groups[w] = append(groups[w], t)
	}
	sort.Strings(wants)
	for _, w := range wants {
		g := groups[w]
		sort.SliceStable(g, func(i, j int) bool {
			if len(g[i].Ops) != len(g[j].Ops) {
				return len(g[i].Ops) > len(g[j].Ops)
			}
			return firstOf(g[i]) < firstOf(g[j])
		})
		for i, t := range g {
			name := w
			if i > 0 || b.reserved[w] {
				name = firstOf(t) + w
			}
			t.GoName = b.reserved.name(name)
		}
	}
}

func inputs(ps []*Paginator) []*Type {
	ts := make([]*Type, len(ps))
	for i, p := range ps {
		ts[i] = p.Input
	}
	return ts
}

// firstOf is the first operation, in sorted order, that uses t.
func firstOf(t *Type) string {
	if len(t.Ops) == 0 {
		return ""
	}
	return t.Ops[0]
}

// forNamed calls fn for each named type that r refers to.
func forNamed(r *TypeRef, fn func(*Type)) {
	switch r.Kind {
	case Named:
		fn(r.Named)
	case Slice:
		forNamed(r.Elem, fn)
	case Map:
		forNamed(r.Key, fn)
		forNamed(r.Elem, fn)
	}
}

// signature describes a type's structure, so that identical types have
// identical signatures. stack maps the types being described to their
// depth, so a recursive reference is written as its distance.
func signature(t *Type, stack map[*Type]int) string {
	if d, ok := stack[t]; ok {
		return "^" + strconv.Itoa(len(stack)-d)
	}
	var b strings.Builder
	switch t.Kind {
	case Enum:
		b.WriteString("E(")
		for _, v := range t.Values {
			b.WriteString(strconv.Quote(v.Value))
			b.WriteByte(',')
		}
		b.WriteByte(')')
		return b.String()
	case Union:
		b.WriteString("U(")
	default:
		b.WriteString("S(")
	}
	stack[t] = len(stack)
	for _, f := range t.Fields {
		b.WriteString(strconv.Quote(f.Wire))
		if f.Required {
			b.WriteByte('!')
		}
		b.WriteByte(':')
		b.WriteString(refSignature(f.Type, stack))
		b.WriteByte(';')
	}
	delete(stack, t)
	b.WriteByte(')')
	return b.String()
}

func refSignature(r *TypeRef, stack map[*Type]int) string {
	switch r.Kind {
	case Named:
		return signature(r.Named, stack)
	case Slice:
		return "[" + refSignature(r.Elem, stack) + "]"
	case Map:
		return "{" + refSignature(r.Key, stack) + ":" + refSignature(r.Elem, stack) + "}"
	}
	return strconv.Itoa(int(r.Kind))
}
