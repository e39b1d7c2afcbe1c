package model

// A tagged union is a structure of which exactly one member must be set.
// Its Go type is a struct whose fields are all optional, so that a member
// that is set can be told from one that is not: pointers for scalars,
// enums and structures, nil-able slices, maps, bytes and documents. A field
// (Type.Unknown) keeps the members that the package does not know, so a
// union from a newer API version decodes and encodes again without loss.
//
// The generated code adds methods to a union: the JSON codec (MarshalJSON
// and UnmarshalJSON, names that encoding/json fixes) and a method that
// reports which member is set (Type.MemberMethod). A field whose name is one
// of the JSON codec's is renamed; the member method and the unknown field
// take the first of their candidate names that no field has.

// Candidate names of what a union adds to its fields, in order of
// preference; when all are taken, the first gets a number.
var (
	unionMemberMethods = []string{"Member", "MemberName"}
	unionUnknownFields = []string{"Unknown", "UnknownMembers"}
)

// unionMethods are the methods every union has whose names are fixed.
var unionMethods = []string{"MarshalJSON", "UnmarshalJSON"}

// unionMembers makes the fields of union t optional, none of them required
// on its own, and names the field of unknown members and the member method.
// It runs when t is converted, before identical types are merged.
func unionMembers(t *Type) {
	names := uniquer{}
	for _, m := range unionMethods {
		names[m] = true
	}
	for _, f := range t.Fields {
		f.Required = false
		f.Pointer = unionPointer(f.Type)
		names[f.GoName] = true
	}
	// A field named like a fixed method gives way to it.
	for _, f := range t.Fields {
		for _, m := range unionMethods {
			if f.GoName == m {
				f.GoName = names.name(m)
			}
		}
	}
	t.MemberMethod = firstFree(names, unionMemberMethods)
	t.Unknown = firstFree(names, unionUnknownFields)
}

// unionPointer reports whether a union member of type r is a pointer: all
// but slices, maps, bytes and documents, which are nil when not set.
func unionPointer(r *TypeRef) bool {
	switch r.Kind {
	case Bytes, Document, Slice, Map:
		return false
	}
	return true
}

// firstFree takes the first of the candidates that names does not hold, or
// the first candidate with a number.
func firstFree(names uniquer, candidates []string) string {
	for _, c := range candidates {
		if !names[c] {
			names[c] = true
			return c
		}
	}
	return names.name(candidates[0])
}

// settleUnions names the generated tests of each union of pkg and works
// out which types validate because of unions. Every union validates itself.
// A type reachable from an operation's input validates when a union is
// within it at any depth, so that the input's Validate reaches the union;
// types only in outputs are not checked, so they gain no validate method.
func settleUnions(pkg *Package) {
	for _, t := range pkg.Types {
		if t.Kind == Union {
			t.TestName = "Test" + t.GoName + "Union"
			t.Validates = true
		}
	}
	var reach []*Type
	seen := map[*Type]bool{}
	var visit func(t *Type)
	visit = func(t *Type) {
		if seen[t] || t.Kind == Enum {
			return
		}
		seen[t] = true
		reach = append(reach, t)
		for _, f := range t.Fields {
			forNamed(f.Type, visit)
		}
	}
	for _, p := range pkg.Paginators {
		visit(p.Input)
	}
	for changed := true; changed; {
		changed = false
		for _, t := range reach {
			if t.Validates {
				continue
			}
			for _, f := range t.Fields {
				forNamed(f.Type, func(n *Type) {
					if n.Validates && !t.Validates {
						t.Validates, changed = true, true
					}
				})
			}
		}
	}
}
