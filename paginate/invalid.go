package paginate

import (
	"sort"
	"strconv"
	"strings"
)

// InvalidParamsError reports the required members missing from an input,
// each with its path from the input: "State", "Filters[0].Value".
type InvalidParamsError struct {
	Op      string   // the operation whose input is invalid
	Missing []string // sorted paths of the missing members
}

// Error lists the operation and its missing members.
func (e *InvalidParamsError) Error() string {
	return e.Op + ": missing required members: " + strings.Join(e.Missing, ", ")
}

// Invalid collects the required members missing from an input. Generated
// validate methods report into it.
type Invalid struct {
	missing []string
}

// Missing records that member name of the value at path is missing.
func (v *Invalid) Missing(path, name string) {
	v.missing = append(v.missing, Member(path, name))
}

// Err returns an *InvalidParamsError for op listing the missing members, or
// nil when none is missing.
func (v *Invalid) Err(op string) error {
	if len(v.missing) == 0 {
		return nil
	}
	missing := append([]string(nil), v.missing...)
	sort.Strings(missing)
	return &InvalidParamsError{Op: op, Missing: missing}
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
