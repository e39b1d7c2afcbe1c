package syntax

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var corpusDir = "/tmp/corpus"

func init() {
	flag.StringVar(&corpusDir, "corpus", corpusDir, "directory of <service>/paginator/<Name>.rst pages for TestCorpus")
}

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
// pages under -corpus, when that directory exists.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("no corpus at %s", corpusDir)
	}
	stats := corpusStats{kinds: map[Kind]int{}}
	var failures []string
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rst") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		stats.pages++
		blocks, err := extractBlocks(string(data))
		if err != nil {
			failures = append(failures, path+": "+err.Error())
			return nil
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
		return nil
	})
	require.NoError(t, err)
	sort.Strings(failures)
	assert.Empty(t, failures)
	t.Logf("%d pages: %d request blocks, %d response blocks, %d not rendered, %d failed",
		stats.pages, stats.requests, stats.responses, stats.notRendered, len(failures))
	for k := String; k <= Unknown; k++ {
		t.Logf("  %-9s %d", k, stats.kinds[k])
	}
	t.Logf("  single-entry structs: %d", stats.singleEntryStructs)
}
