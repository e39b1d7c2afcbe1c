package syntax

import (
	"errors"
	"github.com/pagegen/pagegen/internal/corpus"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusStats counts what the corpus blocks parse to.
type corpusStats struct {
	pages, requests, responses, notRendered int
	kinds                                   map[Kind]int
	singleEntryStructs                      int // {'X': value}: a Struct the caller may need to read as a Map
}

func (s *corpusStats) walk(v *Value) {
	s.kinds[v.Kind]++
	if v.Kind == Struct && len(v.Members) == 1 {
		s.singleEntryStructs++
	}
	for _, m := range v.Members {
		s.walk(m.Value)
	}
	if v.Key != nil {
		s.walk(v.Key)
	}
	if v.Elem != nil {
		s.walk(v.Elem)
	}
}

// TestCorpus parses every Request Syntax and Response Syntax block of the
// corpus's pages.
func TestCorpus(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	stats := corpusStats{kinds: map[Kind]int{}}
	var failures []string
	for _, path := range corpus.Pages(specs) {
		stats.pages++
		blocks, err := extractBlocks(string(specs[path]))
		if err != nil {
			failures = append(failures, path+": "+err.Error())
			continue
		}
		var reqs, resps int
		for _, b := range blocks {
			var err error
			if b.Request {
				reqs++
				var args []*Member
				args, err = ParseRequest(path, b.Src, b.Start, b.Indent)
				for _, a := range args {
					stats.walk(a.Value)
				}
			} else {
				resps++
				var v *Value
				v, err = ParseResponse(path, b.Src, b.Start, b.Indent)
				if v != nil {
					stats.walk(v)
				}
			}
			switch {
			case errors.Is(err, ErrNotRendered):
				stats.notRendered++
			case err != nil:
				failures = append(failures, err.Error())
			}
		}
		stats.requests += reqs
		stats.responses += resps
		if reqs != 1 || resps != 1 {
			failures = append(failures, path+": want one request and one response block")
		}
	}
	sort.Strings(failures)
	assert.Empty(t, failures)
	t.Logf("%d pages: %d request blocks, %d response blocks, %d not rendered, %d failed",
		stats.pages, stats.requests, stats.responses, stats.notRendered, len(failures))
	for k := String; k <= Unknown; k++ {
		t.Logf("  %-9s %d", k, stats.kinds[k])
	}
	t.Logf("  single-entry structs: %d", stats.singleEntryStructs)
}
