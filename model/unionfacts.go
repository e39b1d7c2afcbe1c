package model

// HoldsUnion reports whether a value of type t holds a union at some depth.
func (t *Type) HoldsUnion() bool {
	seen := map[*Type]bool{}
	var holds func(t *Type) bool
	holds = func(t *Type) bool {
		if seen[t] {
			return false
		}
		seen[t] = true
		if t.Kind == Union {
			return true
		}
		for _, f := range t.Fields {
			if refHoldsUnion(f.Type, holds) {
				return true
			}
		}
		return false
	}
	return holds(t)
}

// refHoldsUnion reports whether a value of type r holds a union, asking
// holds about the named types it reaches.
func refHoldsUnion(r *TypeRef, holds func(*Type) bool) bool {
	switch r.Kind {
	case Named:
		return holds(r.Named)
	case Slice, Map:
		return refHoldsUnion(r.Elem, holds)
	}
	return false
}
