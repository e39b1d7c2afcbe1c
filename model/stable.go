package model

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/diag"
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
	Name   string   // the Go name given: "ActivationFilter"
	Wants  []string // the names the type asked for, sorted: "Filter"
	Digest string   // a digest of the type's structure (see digest)
	Ops    []string // the operations that used the type, sorted
}

// TypeNames records the names of the package's types.
func (p *Package) TypeNames() TypeNames {
	ns := make(TypeNames, len(p.Types))
	for i, t := range p.Types {
		ns[i] = TypeName{Name: t.GoName, Wants: t.Wants, Digest: digest(t), Ops: t.Ops}
	}
	return ns
}

// digest is a short digest of a type's structure: 16 hex digits of the
// SHA-256 of its signature. Types with one digest are, but for a collision,
// identical, so a digest recognises an unchanged type for certain where the
// names it asked for and its operations might fit two.
func digest(t *Type) string {
	sum := sha256.Sum256([]byte(signature(t, map[*Type]int{})))
	return hex.EncodeToString(sum[:8])
}

// namesFormat is the comment that Marshal writes above the names.
const namesFormat = "# A type's Go name, the names it asked for, a digest of its structure, and the operations that use it.\n"

// Marshal writes the names one to a line, sorted by name, below a comment
// that says what the fields are: the Go name, the names the type asked for
// joined by commas, the digest and the operations that use it, separated by
// spaces:
//
//	ActivationFilter Filter 0d6a2e81c7f4b953 DescribeActivations
//	Filter Filter 9c3f5a0b1d2e4f68 DescribeSessions
//	SessionState ActivationState,SessionState 5b1e0c7d9a2f8e64 DescribeActivations DescribeSessions
func (ns TypeNames) Marshal() []byte {
	sorted := slices.Clone(ns)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Name < sorted[j].Name })
	var b strings.Builder
	b.WriteString(namesFormat)
	for _, n := range sorted {
		b.WriteString(strings.Join(append([]string{n.Name, strings.Join(n.Wants, ","), n.Digest}, n.Ops...), " "))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// UnmarshalTypeNames reads what Marshal writes. Blank lines and lines that
// start with "#" are skipped. Errors name file and the line and column of
// each problem.
func UnmarshalTypeNames(file string, data []byte) (TypeNames, error) {
	var ns TypeNames
	var errs diag.List
	lineOf := map[string]int{}
	for i, line := range strings.Split(string(data), "\n") {
		fields, cols := fieldsAt(line)
		errorf := func(field int, format string, args ...any) {
			errs = append(errs, &diag.Error{File: file, Pos: parser.Pos{Line: i + 1, Col: cols[field]},
				Msg: fmt.Sprintf(format, args...)})
		}
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		if len(fields) < 3 {
			errorf(0, "want a type's Go name, the names it asked for, a digest and the operations that use it")
			continue
		}
		name, wants, dig := fields[0], strings.Split(fields[1], ","), fields[2]
		bad := false
		for j, n := range append([]string{name}, wants...) {
			if !token.IsIdentifier(n) || !token.IsExported(n) {
				errorf(min(j, 1), "%q is not an exported Go name", n)
				bad = true
			}
		}
		if b, err := hex.DecodeString(dig); err != nil || len(b) != 8 || strings.ToLower(dig) != dig {
			errorf(2, "%q is not a digest: want 16 lower-case hex digits", dig)
			bad = true
		}
		if bad {
			continue
		}
		if prev, dup := lineOf[name]; dup {
			errorf(0, "%s is also on line %d", name, prev)
			continue
		}
		lineOf[name] = i + 1
		sort.Strings(wants)
		ops := slices.Clone(fields[3:])
		sort.Strings(ops)
		ns = append(ns, TypeName{Name: name, Wants: wants, Digest: dig, Ops: ops})
	}
	if len(errs) > 0 {
		return nil, errs
	}
	sort.Slice(ns, func(i, j int) bool { return ns[i].Name < ns[j].Name })
	return ns, nil
}

// fieldsAt splits a line into its space-separated fields and gives the
// 1-based column of each.
func fieldsAt(line string) (fields []string, cols []int) {
	start := -1
	for i := 0; i <= len(line); i++ {
		space := i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\r'
		switch {
		case space && start >= 0:
			fields, cols = append(fields, line[start:i]), append(cols, start+1)
			start = -1
		case !space && start < 0:
			start = i
		}
	}
	return fields, cols
}

// keep gives types the names that b.kept records for them and reports the
// types it named. A record can be a type's when the type shares operations
// with it and asked for one of the names the record asked for or has the
// record's digest: a type unchanged keeps its name even where the rules of
// a later pagegen ask for other names. Record and
// type are paired greedily, best first: a type with the record's digest
// (unchanged), then the pairs that share the most operations, then the most
// names asked for, then those whose operations differ least, then those
// whose type's first operation sorts first, then by the record's name. A
// record that no type takes, such as one whose operations are all gone, is
// dropped, and its name is free.
func (b *builder) keep(types []*Type) map[*Type]bool {
	records := map[string][]TypeName{}  // by name asked for
	byDigest := map[string][]TypeName{} // by digest
	for _, r := range b.kept {
		for _, w := range r.Wants {
			records[w] = append(records[w], r)
		}
		byDigest[r.Digest] = append(byDigest[r.Digest], r)
	}
	type pair struct {
		name      string
		t         *Type
		same      bool // the record's digest is the type's
		ops, asks int  // operations and names asked for in common
		differ    int  // operations of one but not the other
	}
	var pairs []pair
	for _, t := range types {
		d := digest(t)
		seen := map[string]bool{}
		candidates := slices.Clone(byDigest[d])
		for _, w := range t.Wants {
			candidates = append(candidates, records[w]...)
		}
		for _, r := range candidates {
			if seen[r.Name] {
				continue
			}
			seen[r.Name] = true
			if n := shared(r.Ops, t.Ops); n > 0 {
				pairs = append(pairs, pair{name: r.Name, t: t, same: r.Digest == d,
					ops: n, asks: shared(r.Wants, t.Wants), differ: len(r.Ops) + len(t.Ops) - 2*n})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		p, q := pairs[i], pairs[j]
		switch {
		case p.same != q.same:
			return p.same
		case p.ops != q.ops:
			return p.ops > q.ops
		case p.asks != q.asks:
			return p.asks > q.asks
		case p.differ != q.differ:
			return p.differ < q.differ
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
