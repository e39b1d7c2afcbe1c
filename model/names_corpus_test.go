package model

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/parser"
)

var namesShow = flag.Int("names.show", 0, "how many type names that differ from AWS's TestNamesOnCorpus prints, a sample spread over the corpus")

// The floors of TestNamesOnCorpus: the rules' figures on the corpus, which a
// later change may raise but not lower.
const (
	floorStructs  = 0.5126 // of structure shapes, the share whose type has AWS's name
	floorEnums    = 0.5002 // of enum shapes, the share whose type has AWS's name
	ceilNumbered  = 0      // names numbered beside an unnumbered twin
	ceilStuttered = 0      // type names that say a word twice
)

// TestNamesOnCorpus builds the whole corpus afresh (no names of an earlier
// run) and compares each named type with the botocore shapes it stands for:
// a structure or enum shape counts as named as AWS names it when its Go type
// has the shape's name. It also counts the names that carry a number beside
// an unnumbered twin and the type names that say a word twice.
func TestNamesOnCorpus(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	truth, err := corpus.LoadTruth()
	require.NoError(t, err)
	pkgs := buildCorpus(t, specs)

	var m namesMeasure
	for _, pkg := range pkgs {
		m.pkg(pkg, truth.Services[pkg.Service])
	}
	structs, enums := m.tally(false), m.tally(true)
	t.Logf("structure shapes named as AWS names them: %d of %d (%.1f%%)", structs.same, structs.all, structs.pct())
	t.Logf("enum shapes named as AWS names them: %d of %d (%.1f%%)", enums.same, enums.all, enums.pct())
	t.Logf("of the shapes named otherwise, those whose type also stands for a shape of another name: %d structures, %d enums", structs.shared, enums.shared)
	pct := func(n, all int) float64 { return 100 * float64(n) / float64(max(1, all)) }
	for i, reads := range []string{
		"names alone: the shapes whose AWS name says only words of the operation's name and of the members on the way to the shape, in any order",
		"names and descriptions: those whose AWS name says only such words and words of the descriptions of the shape and of the members that hold it",
	} {
		b := m.bounds[i]
		sc, ec := b.ceiling(&m, false), b.ceiling(&m, true)
		t.Logf("ceiling of rules that take words from %s: %d structures (%.1f%%), %d enums (%.1f%%)",
			reads, sc, pct(sc, structs.all), ec, pct(ec, enums.all))
		for _, oneType := range []bool{false, true} {
			what := "one name per type (identical types merged) leaves"
			if oneType {
				what = "one name per type and one type per shape leave"
			}
			sg, eg := b.guaranteedCeiling(&m, false, oneType), b.guaranteedCeiling(&m, true, oneType)
			t.Logf("  of those, the shapes that %s nameable: %d structures (%.1f%%), %d enums (%.1f%%)",
				what, sg, pct(sg, structs.all), eg, pct(eg, enums.all))
		}
	}
	t.Logf("shapes named as AWS names them beyond the ceiling of names alone, by a word a description gives: %d", m.beyondCeiling())
	t.Logf("names numbered beside an unnumbered twin: %d", len(m.numbered))
	t.Logf("type names that say a word twice (and AWS's name does not): %d", len(m.stuttered))
	for _, list := range []struct {
		what  string
		names []string
	}{{"numbered", m.numbered}, {"stuttered", m.stuttered}, {"differs", m.differs()}} {
		sort.Strings(list.names)
		step := max(1, len(list.names)/max(1, *namesShow))
		for i := 0; i < len(list.names) && i/step < *namesShow; i += step {
			t.Logf("%s: %s", list.what, list.names[i])
		}
	}
	assert.GreaterOrEqual(t, structs.share(), floorStructs, "structure names as AWS's")
	assert.GreaterOrEqual(t, enums.share(), floorEnums, "enum names as AWS's")
	assert.LessOrEqual(t, len(m.numbered), ceilNumbered, "numbered names")
	assert.LessOrEqual(t, len(m.stuttered), ceilStuttered, "stuttering names")
}

// buildCorpus models every page of the corpus with its paginators.json.
func buildCorpus(t *testing.T, specs map[string][]byte) []*Package {
	t.Helper()
	var pages []*parser.Page
	overrides := map[string]map[string]parser.PaginatorConfig{}
	for name, b := range specs {
		svc, rest, _ := strings.Cut(name, "/")
		if rest == "paginators.json" {
			cfg, err := parser.ReadPaginators(name, b)
			require.NoError(t, err)
			overrides[svc] = cfg
			continue
		}
		p, err := parser.Read(name, b)
		require.NoError(t, err)
		pages = append(pages, p)
	}
	pkgs, err := Build(pages, overrides, nil, nil)
	require.NoError(t, err)
	return pkgs
}

// namesMeasure compares a package's type names with botocore's shape names.
type namesMeasure struct {
	// goNames holds, for each structure and enum shape ("svc/Shape"), the Go
	// names of the types that stand for it.
	goNames   map[string]map[string]bool
	enum      map[string]bool // the shapes of goNames that are enums
	sharing   map[string]bool // the shapes of goNames whose type stands for another shape too
	numbered  []string
	stuttered []string

	// bounds are the ceilings of rules that take words from names alone
	// and of rules that read descriptions too (see wordsOnTheWay).
	bounds [2]bound
	// docWords holds, for each shape of goNames, the words of the
	// descriptions of the shape and of the members that hold it.
	docWords map[string]map[string]bool

	shapes map[string]*corpus.Shape
	svc    string
	seen   map[*Type]map[string]bool // shapes already walked from a type
	aws    map[*Type]map[string]bool // the shape names each type stands for
}

func (m *namesMeasure) pkg(pkg *Package, svc *corpus.Service) {
	if m.goNames == nil {
		m.goNames, m.enum, m.sharing = map[string]map[string]bool{}, map[string]bool{}, map[string]bool{}
		m.docWords = map[string]map[string]bool{}
		for i := range m.bounds {
			m.bounds[i] = bound{named: map[string]bool{}, unnameable: map[string]bool{}}
		}
	}
	m.shapes, m.svc = svc.Shapes, pkg.Service
	m.seen, m.aws = map[*Type]map[string]bool{}, map[*Type]map[string]bool{}
	for _, p := range pkg.Paginators {
		pt := svc.Paginators[p.Name]
		m.fields(p.Input, pt.Input)
		m.fields(p.Output, pt.Output)
	}

	m.wordsOnTheWay(svc)

	for t, shapes := range m.seen {
		if len(m.aws[t]) > 1 {
			for shape := range shapes {
				m.sharing[pkg.Service+"/"+shape] = true
			}
			for _, b := range m.bounds {
				b.oneNamePerType(pkg.Service, shapes)
			}
		}
	}

	// Names that the uniquer numbered: a type's that is none it asked for
	// but another's with a number added, a constant's that is not its
	// type's name and its value's words.
	types := map[string]bool{}
	for _, t := range pkg.Types {
		types[t.GoName] = true
	}
	numbered := func(name, want string) {
		if name != want {
			m.numbered = append(m.numbered, pkg.Service+": "+name)
		}
	}
	for _, t := range pkg.Types {
		if base := strings.TrimRight(t.GoName, "0123456789"); base != t.GoName && types[base] && !slices.Contains(t.Wants, t.GoName) {
			numbered(t.GoName, base)
		}
		for _, v := range t.Values {
			word := Pascal(v.Value)
			if word == "" {
				word = "Empty"
			}
			numbered(v.GoName, t.GoName+word)
		}
	}
	for _, p := range pkg.Paginators {
		if p.Filter != nil {
			for _, n := range p.Filter.Names {
				numbered(n.GoName, p.Filter.GoName+Pascal(n.Value))
			}
		}
	}
	for _, t := range pkg.Types {
		if stutters(t.GoName) && !m.aws[t][t.GoName] {
			m.stuttered = append(m.stuttered, pkg.Service+": "+t.GoName)
		}
	}
}

// fields walks the members of a structure beside botocore's.
func (m *namesMeasure) fields(t *Type, members []corpus.Member) {
	byWire := map[string]*Field{}
	for _, f := range t.Fields {
		byWire[f.Wire] = f
	}
	for _, w := range members {
		if f := byWire[w.Name]; f != nil {
			m.ref(f.Type, w.Shape, f.Doc)
		}
	}
}

// ref walks a type reference beside the botocore shape it stands for. doc
// is the description of the member that holds it.
func (m *namesMeasure) ref(r *TypeRef, shape, doc string) {
	s := m.shapes[shape]
	if s == nil {
		return
	}
	switch r.Kind {
	case Slice:
		if s.Kind == "list" {
			m.ref(r.Elem, s.Member, doc)
		}
	case Map:
		if s.Kind == "map" {
			m.ref(r.Key, s.Key, doc)
			m.ref(r.Elem, s.Value, doc)
		}
	case Named:
		t := r.Named
		if (t.Kind == Enum) != (s.Kind == "enum") || t.Kind != Enum && s.Kind != "structure" {
			return
		}
		key := m.svc + "/" + shape
		if m.docWords[key] == nil {
			m.docWords[key] = map[string]bool{}
		}
		for _, w := range proseWords(doc + " " + t.Doc) {
			m.docWords[key][w] = true
		}
		if m.seen[t] == nil {
			m.seen[t], m.aws[t] = map[string]bool{}, map[string]bool{}
		}
		if m.seen[t][shape] {
			return
		}
		m.seen[t][shape] = true
		m.aws[t][Exported(shape)] = true
		if m.goNames[key] == nil {
			m.goNames[key] = map[string]bool{}
		}
		m.goNames[key][t.GoName] = true
		m.enum[key] = t.Kind == Enum
		m.fields(t, s.Members)
	}
}

// proseWords are the words of a description, as wordKey gives them, with
// the words of each name in it: "`ModelManifestSummary` objects" gives
// "model", "manifest", "summary" and "object".
func proseWords(doc string) []string {
	var out []string
	for _, token := range strings.FieldsFunc(doc, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		for _, w := range words(Exported(token)) {
			out = append(out, wordKey(w))
		}
	}
	return out
}

// namesTally counts shapes, those named as AWS names them, and of the
// others, those whose type also stands for a shape of another name (one of
// identical structures merged), which no rule can name as AWS does.
type namesTally struct{ same, all, shared int }

func (n namesTally) share() float64 { return float64(n.same) / float64(max(1, n.all)) }
func (n namesTally) pct() float64   { return 100 * n.share() }

func (m *namesMeasure) tally(enum bool) namesTally {
	var n namesTally
	for key, names := range m.goNames {
		if m.enum[key] != enum {
			continue
		}
		n.all++
		_, shape, _ := strings.Cut(key, "/")
		if len(names) == 1 && names[Exported(shape)] {
			n.same++
		} else if m.sharing[key] {
			n.shared++
		}
	}
	return n
}

// differs lists the shapes whose types are named otherwise: "svc/Shape
// (enum): GoName", with "type shared" where the type also stands for a
// shape of another name.
func (m *namesMeasure) differs() []string {
	var out []string
	for key, names := range m.goNames {
		_, shape, _ := strings.Cut(key, "/")
		if len(names) == 1 && names[Exported(shape)] {
			continue
		}
		var gos []string
		for n := range names {
			gos = append(gos, n)
		}
		sort.Strings(gos)
		kind := "structure"
		if m.enum[key] {
			kind = "enum"
		}
		if m.sharing[key] {
			kind += ", type shared"
		}
		out = append(out, fmt.Sprintf("%s (%s): %s", key, kind, strings.Join(gos, ", ")))
	}
	return out
}

// wordsOnTheWay finds, for each shape of the service, the words a rule
// could take from names alone: those of the operations whose pages reach
// the shape and of every member on the way from the operation's input or
// output to it, over all the ways there. It records in named the shapes
// whose AWS names say only such words, in any order and number, in its
// first bound, and in its second, the shapes whose names say only such
// words and words of the descriptions of the shape and of the members that
// hold it.
func (m *namesMeasure) wordsOnTheWay(svc *corpus.Service) {
	avail := map[string]map[string]bool{}
	var reach func(shape string, have map[string]bool)
	reach = func(shape string, have map[string]bool) {
		s := svc.Shapes[shape]
		if s == nil {
			return
		}
		if avail[shape] == nil {
			avail[shape] = map[string]bool{}
		}
		grew := false
		for w := range have {
			if !avail[shape][w] {
				avail[shape][w], grew = true, true
			}
		}
		if !grew {
			return
		}
		switch s.Kind {
		case "list":
			reach(s.Member, avail[shape])
		case "map":
			reach(s.Key, avail[shape])
			reach(s.Value, avail[shape])
		case "structure":
			for _, mb := range s.Members {
				reach(mb.Shape, withWords(avail[shape], mb.Name))
			}
		}
	}
	for name, p := range svc.Paginators {
		for _, mb := range append(append([]corpus.Member(nil), p.Input...), p.Output...) {
			reach(mb.Shape, withWords(withWords(nil, name), mb.Name))
		}
	}
	for shape, have := range avail {
		key := m.svc + "/" + shape
		if _, ok := m.goNames[key]; !ok {
			continue
		}
		names, docs := true, true
		for _, w := range words(Exported(shape)) {
			names = names && have[wordKey(w)]
			docs = docs && (have[wordKey(w)] || m.docWords[key][wordKey(w)])
		}
		m.bounds[0].named[key], m.bounds[1].named[key] = names, docs
	}
}

// withWords is have with the words of name added, as wordKey gives them.
func withWords(have map[string]bool, name string) map[string]bool {
	out := map[string]bool{}
	for w := range have {
		out[w] = true
	}
	for _, w := range words(Exported(name)) {
		out[wordKey(w)] = true
	}
	return out
}

// wordKey is a word as the ceiling compares words: in lower case and in
// the singular, so that "Statuses" and "status" are one word.
func wordKey(w string) string { return strings.ToLower(Singular(w)) }

// bound is a ceiling of naming rules: the shapes whose AWS names say only
// words that a rule could take from what it reads.
type bound struct {
	named map[string]bool // for each shape of goNames, whether its AWS name says only such words
	// unnameable holds the shapes of goNames that share a type with
	// shapes of a name that more of them have (see oneNamePerType).
	unnameable map[string]bool
}

// oneNamePerType marks as unnameable the shapes of one Go type (identical
// structures or enums merged, as the guarantees require) but for
// those of one AWS name: the name that most of the shapes that b names
// have, on a tie the first in order. A type has one name, so no rule can
// name the others as AWS does.
func (b bound) oneNamePerType(svc string, shapes map[string]bool) {
	count := map[string]int{}
	for shape := range shapes {
		if b.named[svc+"/"+shape] {
			count[Exported(shape)]++
		}
	}
	best := ""
	for name, n := range count {
		if n > count[best] || n == count[best] && name < best {
			best = name
		}
	}
	for shape := range shapes {
		if Exported(shape) != best {
			b.unnameable[svc+"/"+shape] = true
		}
	}
}

// ceiling counts the structure or enum shapes that b names: no rule that
// takes its words from what b reads can name the others as AWS does.
func (b bound) ceiling(m *namesMeasure, enum bool) int {
	n := 0
	for key := range m.goNames {
		if m.enum[key] == enum && b.named[key] {
			n++
		}
	}
	return n
}

// beyondCeiling counts the shapes named as AWS names them whose names say
// a word that no name on the way to them gives: a rule took it from a
// description ("Summary").
func (m *namesMeasure) beyondCeiling() int {
	n := 0
	for key, names := range m.goNames {
		_, shape, _ := strings.Cut(key, "/")
		if len(names) == 1 && names[Exported(shape)] && !m.bounds[0].named[key] {
			n++
		}
	}
	return n
}

// guaranteedCeiling counts the shapes of ceiling that the issue's
// guarantees leave nameable: not unnameable (see oneNamePerType), and with
// oneType, standing for one Go type, not for two that pages showing the
// shape in two forms (required members, an enum's values) made: two types
// of a package cannot both have the shape's name, and tally counts such a
// shape as named otherwise.
func (b bound) guaranteedCeiling(m *namesMeasure, enum, oneType bool) int {
	n := 0
	for key, names := range m.goNames {
		if m.enum[key] == enum && b.named[key] && !b.unnameable[key] && (!oneType || len(names) == 1) {
			n++
		}
	}
	return n
}
