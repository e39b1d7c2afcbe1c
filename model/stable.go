package model

import (
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/parser"
)

// TypeNames records the names given to a package's types, so that a later
// run keeps them: users import these names, and a page added later must not
// rename a type that is already in use. Build gives each recorded name back
// to the type it recognises as the same (see keep); no other type can take
// a name that is kept, and a name whose type is gone is freed.
type TypeNames []TypeName

// TypeName is the name given to one type.
type TypeName struct {
	Name  string   // the Go name given: "DescribeActivationsFilter"
	Wants []string // the names the type asked for, sorted: "Filter"
	Ops   []string // the operations that used the type, sorted
}

// TypeNames records the names of the package's types.
func (p *Package) TypeNames() TypeNames {
	ns := make(TypeNames, len(p.Types))
	for i, t := range p.Types {
		ns[i] = TypeName{Name: t.GoName, Wants: t.Wants, Ops: t.Ops}
	}
	return ns
}

// namesFormat is the comment that Marshal writes above the names.
const namesFormat = "# A type's Go name, the names it asked for, and the operations that use it.\n"

// Marshal writes the names one to a line, sorted by name: the Go name, the
// names the type asked for joined by commas and the operations that use it,
// separated by spaces, below a comment that says so:
//
//	# A type's Go name, the names it asked for, and the operations that use it.
//	DescribeActivationsFilter Filter DescribeActivations
//	DescribeSessionsState DescribeActivationsState,DescribeSessionsState DescribeActivations DescribeSessions
//	Filter Filter DescribeSessions
func (ns TypeNames) Marshal() []byte {
	sorted := slices.Clone(ns)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var b strings.Builder
	b.WriteString(namesFormat)
	for _, n := range sorted {
		b.WriteString(n.Name)
		b.WriteByte(' ')
		b.WriteString(strings.Join(n.Wants, ","))
		for _, op := range n.Ops {
			b.WriteByte(' ')
			b.WriteString(op)
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// UnmarshalTypeNames reads what Marshal writes. Blank lines and lines that
// start with "#" are skipped. Errors name file and the line and column of
// each problem.
func UnmarshalTypeNames(file string, data []byte) (TypeNames, error) {
	var ns TypeNames
	var errs parser.ErrorList
	lineOf := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		errorf := func(col int, format string, args ...any) {
			errs = append(errs, &parser.Error{File: file, Pos: parser.Pos{Line: i + 1, Col: col}, Msg: fmt.Sprintf(format, args...)})
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		fields := strings.Fields(line)
		if len(fields) < 2 {
			errorf(1, "want a type's Go name, the names it asked for and the operations that use it")
			continue
		}
		wants := strings.Split(fields[1], ",")
		bad := false
		for j, name := range append([]string{fields[0]}, wants...) {
			if !token.IsIdentifier(name) || !token.IsExported(name) {
				col := strings.Index(line, fields[0]) + 1
				if j > 0 {
					col = strings.Index(line, fields[1]) + 1
				}
				errorf(col, "%q is not an exported Go name", name)
				bad = true
			}
		}
		if bad {
			continue
		}
		if prev, dup := lineOf[fields[0]]; dup {
			errorf(1, "%s is also on line %d", fields[0], prev)
			continue
		}
		lineOf[fields[0]] = i + 1
		sort.Strings(wants)
		ops := slices.Clone(fields[2:])
		sort.Strings(ops)
		ns = append(ns, TypeName{Name: fields[0], Wants: wants, Ops: ops})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].Name < ns[j].Name })
	return ns, nil
}

// keep gives types the names that b.kept records for them and reports the
// types it named. A record can be a type's when the type asked for one of
// the names the record asked for and shares operations with it. Record and
// type are paired greedily: the pairs that share the most operations first,
// then those whose type is used by the most operations, then those whose
// type's first operation sorts first, then by the record's name. A record
// that no type takes, such as one whose operations are all gone, is
// dropped, and its name is free.
func (b *builder) keep(types []*Type) map[*Type]bool {
	records := map[string][]TypeName{}
	for _, r := range b.kept {
		for _, w := range r.Wants {
			records[w] = append(records[w], r)
		}
	}
	type pair struct {
		name   string
		t      *Type
		shared int
	}
	var pairs []pair
	for _, t := range types {
		seen := map[string]bool{}
		for _, w := range t.Wants {
			for _, r := range records[w] {
				if seen[r.Name] {
					continue
				}
				seen[r.Name] = true
				if n := shared(r.Ops, t.Ops); n > 0 {
					pairs = append(pairs, pair{r.Name, t, n})
				}
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		p, q := pairs[i], pairs[j]
		switch {
		case p.shared != q.shared:
			return p.shared > q.shared
		case len(p.t.Ops) != len(q.t.Ops):
			return len(p.t.Ops) > len(q.t.Ops)
		case firstOf(p.t) != firstOf(q.t):
			return firstOf(p.t) < firstOf(q.t)
		}
		return p.name < q.name
	})
	named := map[*Type]bool{}
	for _, p := range pairs {
		if named[p.t] || b.reserved[p.name] {
			continue
		}
		p.t.GoName = p.name
		b.reserved[p.name] = true
		named[p.t] = true
	}
	return named
}

// shared counts the strings that two sorted lists have in common.
func shared(a, b []string) int {
	n := 0
	for len(a) > 0 && len(b) > 0 {
		switch {
		case a[0] < b[0]:
			a = a[1:]
		case a[0] > b[0]:
			b = b[1:]
		default:
			n++
			a, b = a[1:], b[1:]
		}
	}
	return n
}
