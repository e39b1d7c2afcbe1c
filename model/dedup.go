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

	// A merged type asks for the names of the candidate whose first name
	// most of the candidates ask for (see preferred).
	asked := map[*Type]map[string]int{} // by merged type, how many candidates ask first for each name
	merged := map[*Type][]*Type{}
	for _, t := range b.types {
		c, first := canon[t], b.names[t][0]
		if asked[c] == nil {
			asked[c] = map[string]int{}
		}
		asked[c][first]++
		merged[c] = append(merged[c], t)
		if !slices.Contains(c.Wants, first) {
			c.Wants = append(c.Wants, first)
		}
	}
	for _, c := range kept {
		best := b.names[c]
		for _, t := range merged[c] {
			if preferred(asked[c], b.names[t], best) {
				best = b.names[t]
			}
		}
		b.names[c] = best
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
// earlier run gave it (see keep). The others ask for their names in turn
// (see structNames and enumNames), all types their first name, then those
// that did not get it their second, and so on. Of the types that ask for
// one free name in one turn, the one used by the most operations gets it
// (on a tie, the one used by an operation about that noun, see nounOf, then
// the one whose first operation sorts first, then the one whose structure's
// digest does). A type whose names are all taken gets its last
// with a number, which no page of the corpus needs. Nothing depends on the
// order in which the pages came.
func (b *builder) nameTypes(types []*Type) {
	named := b.keep(types)
	var pending []*Type
	for _, t := range types {
		if !named[t] {
			pending = append(pending, t)
		}
	}
	turn := map[*Type]int{}
	for len(pending) > 0 {
		groups := map[string][]*Type{}
		var asked []string
		for _, t := range pending {
			w := b.names[t][turn[t]]
			if groups[w] == nil {
				asked = append(asked, w)
			}
			groups[w] = append(groups[w], t)
		}
		sort.Strings(asked)
		pending = nil
		for _, w := range asked {
			g := groups[w]
			sort.Slice(g, func(i, j int) bool {
				switch oi, oj := nounOf(g[i], w), nounOf(g[j], w); {
				case len(g[i].Ops) != len(g[j].Ops):
					return len(g[i].Ops) > len(g[j].Ops)
				case oi != oj:
					return oi
				case firstOf(g[i]) != firstOf(g[j]):
					return firstOf(g[i]) < firstOf(g[j])
				}
				return digest(g[i]) < digest(g[j])
			})
			for _, t := range g {
				switch {
				case !b.reserved[w]:
					t.GoName = w
					b.reserved[w] = true
				case turn[t]+1 < len(b.names[t]):
					turn[t]++
					pending = append(pending, t)
				default:
					t.GoName = b.reserved.name(w)
				}
			}
		}
	}
}

// preferred reports whether a candidate's names are better for a merged
// type than those it has: more of the merged candidates asked first for
// the candidate's first name, or as many and it has fewer words, the more
// general name for a type that several members hold. On a tie still, the
// names of the candidate met first stay: pages are read sorted by name, so
// that is the first member, in the page's order, of the first operation.
func preferred(asked map[string]int, cand, have []string) bool {
	if a, h := asked[cand[0]], asked[have[0]]; a != h {
		return a > h
	}
	return len(words(cand[0])) < len(words(have[0]))
}

// nounOf reports whether name is the noun of one of the operations that
// use t (see opNoun): DescribeNetworkInterfaces is about a
// NetworkInterface, and its type of that name is the one it lists.
func nounOf(t *Type, name string) bool {
	for _, op := range t.Ops {
		if opNoun(op) == name {
			return true
		}
	}
	return false
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
