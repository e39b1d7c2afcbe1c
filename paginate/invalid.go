package paginate

import (
	"sort"
	"strconv"
	"strings"
)

// InvalidParamsError reports what is wrong with an input: the required
// members missing from it, each with its path from the input ("State",
// "Filters[0].Value"), and the tagged unions in it that do not have exactly
// one member set.
type InvalidParamsError struct {
	Op      string     // the operation whose input is invalid
	Missing []string   // sorted paths of the missing members
	Unions  []UnionSet // the unions without exactly one member set, sorted by path
}

// Error names the operation, its missing members and its unions without
// exactly one member set.
func (e *InvalidParamsError) Error() string {
	var parts []string
	if len(e.Missing) > 0 {
		parts = append(parts, "missing required members: "+strings.Join(e.Missing, ", "))
	}
	for _, u := range e.Unions {
		parts = append(parts, u.String())
	}
	return e.Op + ": " + strings.Join(parts, "; ")
}

// UnionSet is a tagged union that does not have exactly one member set.
type UnionSet struct {
	Path string // the union's path from the input: "Filter", "Rules[0].Condition"
	// Set are the members that are set: known members by field name in
	// field order, then unknown members as `Unknown["name"]` in name order.
	Set []string
}

// String says what is wrong with the union:
// `Filter: exactly one member must be set, got 2 (Equals, NotEquals)`.
func (u UnionSet) String() string {
	var b strings.Builder
	if u.Path != "" {
		b.WriteString(u.Path + ": ")
	}
	b.WriteString("exactly one member must be set, got ")
	if len(u.Set) == 0 {
		b.WriteString("none")
		return b.String()
	}
	b.WriteString(strconv.Itoa(len(u.Set)) + " (" + strings.Join(u.Set, ", ") + ")")
	return b.String()
}

// Invalid collects what is wrong with an input. Generated validate methods
// report into it.
type Invalid struct {
	missing []string
	unions  []UnionSet
}

// Missing records that member name of the value at path is missing.
func (v *Invalid) Missing(path, name string) {
	v.missing = append(v.missing, Member(path, name))
}

// Union records that the tagged union at path has the members set, which
// are not exactly one.
func (v *Invalid) Union(path string, set []string) {
	v.unions = append(v.unions, UnionSet{Path: path, Set: set})
}

// Err returns an *InvalidParamsError for op listing what is wrong, or nil
// when nothing is.
func (v *Invalid) Err(op string) error {
	if len(v.missing) == 0 && len(v.unions) == 0 {
		return nil
	}
	e := &InvalidParamsError{Op: op}
	if len(v.missing) > 0 {
		e.Missing = append([]string(nil), v.missing...)
		sort.Strings(e.Missing)
	}
	if len(v.unions) > 0 {
		e.Unions = append([]UnionSet(nil), v.unions...)
		sort.SliceStable(e.Unions, func(i, j int) bool { return e.Unions[i].Path < e.Unions[j].Path })
	}
	return e
}

// Member is the path of member name of the value at path.
func Member(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// Index is the path of element i of the list at path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

// Key is the path of the value at key of the map at path.
func Key(path, key string) string {
	return path + "[" + strconv.Quote(key) + "]"
}
