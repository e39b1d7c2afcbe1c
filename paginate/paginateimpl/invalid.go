package paginateimpl

import (
	"sort"
	"strconv"

	"github.com/pagegen/pagegen/paginate"
)

// Invalid collects what is wrong with an input. Generated validate methods
// report into it.
type Invalid struct {
	missing []string
	unions  []paginate.UnionSet
}

// Missing records that member name of the value at path is missing.
func (v *Invalid) Missing(path, name string) {
	v.missing = append(v.missing, Member(path, name))
}

// Union records that the tagged union at path has the members set, which
// are not exactly one.
func (v *Invalid) Union(path string, set []string) {
	v.unions = append(v.unions, paginate.UnionSet{Path: path, Set: set})
}

// Err returns a *paginate.InvalidParamsError for op listing what is wrong, or nil
// when nothing is.
func (v *Invalid) Err(op string) error {
	if len(v.missing) == 0 && len(v.unions) == 0 {
		return nil
	}
	e := &paginate.InvalidParamsError{Op: op}
	if len(v.missing) > 0 {
		e.Missing = append([]string(nil), v.missing...)
		sort.Strings(e.Missing)
	}
	if len(v.unions) > 0 {
		e.Unions = append([]paginate.UnionSet(nil), v.unions...)
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
