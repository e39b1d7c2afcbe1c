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
		best := c
		for _, t := range merged[c] {
			if preferred(asked[c], b.names[t], b.names[best]) {
				best = t
			}
		}
		b.names[c] = b.names[best]
		if v := b.sharedValues(c, merged[c], asked[c]); v != "" {
			b.names[c] = distinct("", append([]string{v}, b.names[c]...)...)
			if !slices.Contains(c.Wants, v) {
				c.Wants = append(c.Wants, v)
			}
		}
		b.ownerSaid[c] = b.heldBy[best].ownerSaid
		b.about[c] = b.heldBy[best].about
		b.depth[c] = b.heldBy[c].depth
		for _, t := range merged[c] {
			b.depth[c] = min(b.depth[c], b.heldBy[t].depth)
		}
	}
	b.canon, b.merged = canon, merged
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
// that did not get it their second, and so on. A first name that several
// enums ask for goes to none of them (see ambiguous). Of the types that
// ask for one free name in one turn, the one used by the most operations
// gets it (on a tie, the one used by an operation about that noun, see
// nounOf, then of structures, the one met nearer an operation's input or
// output, then
// the one whose first operation sorts first, then the one whose
// structure's digest does). A type whose names are all taken is named
// after its holder (see lastNames). Nothing depends on the order in which
// the pages came.
func (b *builder) nameTypes(types []*Type) {
	named := b.keep(types)
	var pending []*Type
	for _, t := range types {
		if !named[t] {
			pending = append(pending, t)
		}
	}
	turn := map[*Type]int{}
	var exhausted []*Type
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
				case b.nearness(g[i]) != b.nearness(g[j]):
					return b.nearness(g[i]) < b.nearness(g[j])
				case firstOf(g[i]) != firstOf(g[j]):
					return firstOf(g[i]) < firstOf(g[j])
				}
				return digest(g[i]) < digest(g[j])
			})
			ambiguous := ambiguous(g, turn, b.ownerSaid, b.about)
			for _, t := range g {
				switch {
				case ambiguous[t] && turn[t]+1 < len(b.names[t]):
					turn[t]++
					pending = append(pending, t)
				case !b.reserved[w]:
					t.GoName = w
					b.reserved[w] = true
				case turn[t]+1 < len(b.names[t]):
					turn[t]++
					pending = append(pending, t)
				default:
					exhausted = append(exhausted, t)
				}
			}
		}
	}
	b.lastNames(exhausted)
}

// lastNames names the types whose names are all taken, holders before
// the types they hold. A type is named after its holder's Go name and its
// member: the "Status" of a structure named "VolumeStatusSummary" is
// "VolumeStatusSummaryStatus"; a structure held by a member named as its
// holder is the holder's summary, as EC2's InstanceStatus holds an
// InstanceStatusSummary. Then a type that stands for identical structures
// asks for the names of the others. A name that says a word twice is
// passed over; a type left without a name is numbered, which no page of
// the corpus needs.
func (b *builder) lastNames(types []*Type) {
	for len(types) > 0 {
		var later []*Type
		for _, t := range types {
			if !b.lastName(t) {
				later = append(later, t)
			}
		}
		if len(later) == len(types) {
			for _, t := range later {
				t.GoName = b.reserved.name(b.names[t][len(b.names[t])-1])
			}
			return
		}
		types = later
	}
}

// lastName names t as lastNames says, and reports whether it could: not
// before its holders have names.
func (b *builder) lastName(t *Type) bool {
	var holders []holder
	for _, c := range b.merged[t] {
		h := b.heldBy[c]
		if h.of == nil {
			continue
		}
		if o, ok := b.canon[h.of]; ok {
			h.of = o
		}
		if h.of.GoName == "" {
			return false
		}
		holders = append(holders, h)
	}
	var names []string
	for _, h := range holders {
		switch j := joinWords(h.of.GoName, h.noun); {
		case len(j) > len(h.of.GoName):
			names = append(names, j)
		case t.Kind != Enum:
			names = append(names, joinWords(h.noun, "Summary"))
		}
	}
	for _, c := range b.merged[t] {
		names = append(names, b.names[c]...)
	}
	for _, n := range names {
		if !b.reserved[n] && !stutters(n) {
			t.GoName = n
			b.reserved[n] = true
			return true
		}
	}
	t.GoName = b.reserved.name(b.names[t][len(b.names[t])-1])
	return true
}

// ambiguous returns the enums of g, the types that ask for one name in one
// turn, that ask for it first, when there are several: the name says
// nothing to tell them apart, so none of them takes it and each takes its
// next, qualified by its owner: the "SortField" enums of a job and of a
// task are "JobSortField" and "TaskSortField", as AWS names such shapes.
// An enum used by more operations than any other is the service's own and
// keeps the name; else the one enum held by the structure its operation
// is about and named after it keeps it: the status of ListCampaigns'
// "CampaignSummary" is "CampaignStatus", whatever the status of a
// structure of another operation named "Campaign". One whose name says
// its owner's already ("BackupType" of a "BackupSummary") is not told
// apart by its owner. g is sorted as nameTypes sorts it.
func ambiguous(g []*Type, turn map[*Type]int, ownerSaid, about map[*Type]bool) map[*Type]bool {
	out := map[*Type]bool{}
	for _, t := range g {
		if t.Kind == Enum && turn[t] == 0 && !ownerSaid[t] {
			out[t] = true
		}
	}
	if len(out) < 2 {
		return nil
	}
	if out[g[0]] && out[g[1]] && len(g[0].Ops) > len(g[1].Ops) {
		delete(out, g[0])
		return out
	}
	var abouts []*Type
	for t := range out {
		if about[t] {
			abouts = append(abouts, t)
		}
	}
	if len(abouts) == 1 {
		delete(out, abouts[0])
	}
	return out
}

// sharedValues returns the name of an enum that several structures hold
// under one member name, each asking for it qualified by its own owner:
// such an enum is a set of values the service shares, named after the
// member alone, as imagebuilder's images, components and recipes all hold
// a "Platform". It returns "" for any other type, and for a member whose
// name says what the value is only with its owner's (see attribute and
// plainWords): every "Status" is some thing's status.
func (b *builder) sharedValues(t *Type, merged []*Type, asked map[string]int) string {
	if t.Kind != Enum || len(asked) < 2 {
		return ""
	}
	noun := b.heldBy[merged[0]].noun
	for _, c := range merged {
		if b.heldBy[c].noun != noun {
			return ""
		}
	}
	if plainWords[noun] || attribute(noun, true) {
		return ""
	}
	return b.caps.apply(noun)
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

// nounOf reports whether t is a structure and name is the noun of one of
// the operations that use it (see opNoun): DescribeNetworkInterfaces is
// about a NetworkInterface, and its type of that name is the one it lists.
// An operation lists structures, not enums.
func nounOf(t *Type, name string) bool {
	if t.Kind == Enum {
		return false
	}
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

// nearness is how far from an operation's input or output a structure is
// met first. It does not tell enums apart, which count as met there: of
// the enums that ask for one name, the one nearer an operation's output
// is no more the service's own (counting enums' depth too, 9 fewer enum
// shapes of the corpus get AWS's name).
func (b *builder) nearness(t *Type) int {
	if t.Kind == Enum {
		return 0
	}
	return b.depth[t]
}
