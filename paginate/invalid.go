package paginate

import (
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
