package e2e

import (
	"fmt"
	"slices"
	"testing"

	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tally counts what a test compared.
type tally struct {
	runs     int // pairs of walks, one in each language
	items    int // items compared
	pages    int // pages compared
	requests int // requests compared
	tokens   int // resume tokens compared
	filled   int // resume tokens compared that were not empty
}

// compare asserts that a Go walk and a boto3 walk with the same
// configuration sent the same requests and gave the same items, pages and
// resume token, and counts them.
func (c *tally) compare(t *testing.T, what string, goW, boto3W walk) {
	t.Helper()
	assertSameTexts(t, boto3W.items, goW.items, "%s: items (want boto3's, got Go's)", what)
	assertSameTexts(t, boto3W.pages, goW.pages, "%s: pages (want boto3's, got Go's)", what)
	assertSameTexts(t, boto3W.requests, goW.requests, "%s: requests (want boto3's, got Go's)", what)
	assert.Equal(t, boto3W.token, goW.token, "%s: resume token (want boto3's, got Go's)", what)
	c.runs++
	c.items += len(boto3W.items)
	c.pages += len(boto3W.pages)
	c.requests += len(boto3W.requests)
	c.tokens++
	if boto3W.token != "" {
		c.filled++
	}
}

// report logs what the test compared and adds it to the package's totals.
func (c *tally) report(t *testing.T, name string) {
	t.Helper()
	t.Logf("%s: %d runs compared with boto3, %d items compared, %d pages compared, %d requests compared, %d resume tokens compared (%d not empty)",
		name, c.runs, c.items, c.pages, c.requests, c.tokens, c.filled)
	totals.addTally(name, *c)
}

// config is one PaginationConfig of the comparison.
type config struct {
	name string
	opts paginate.Options
}

// configs returns the PaginationConfigs that compareWithBoto3 walks op
// with, the first to the end. paged is the Go walk with PageSize, whose
// pages tell where MaxItems ends on a page boundary and where inside a
// page: the first boundary after 2×PageSize items or else the last before
// the end (none where the walk has one page), and the first count of items
// past it, and past 2×PageSize, that is no boundary.
func configs[P any](op operation[P], paged walk) []config {
	p := op.pageSize
	cfgs := []config{
		{"no config", paginate.Options{}},
		{"PageSize", paginate.Options{PageSize: p}},
		{"MaxItems inside a page", paginate.Options{MaxItems: op.maxInside}},
	}
	ends := paged.ends()
	boundary := 0
	for _, e := range ends {
		if e > 0 && e < op.count {
			boundary = e
			if e >= 2*p {
				break
			}
		}
	}
	if boundary > 0 {
		cfgs = append(cfgs, config{"PageSize and MaxItems on a page boundary", paginate.Options{PageSize: p, MaxItems: boundary}})
	}
	inside := max(boundary, 2*p) + 1
	for slices.Contains(ends, inside) {
		inside++
	}
	if inside < op.count {
		cfgs = append(cfgs, config{"PageSize and MaxItems inside a page", paginate.Options{PageSize: p, MaxItems: inside}})
	}
	return cfgs
}

// resumption is a walk that resumes one of the configs from its resume
// token.
type resumption struct {
	from int              // the index of the config whose token it starts from
	name string           // what it walks
	opts paginate.Options // its options but the StartingToken
	end  bool             // whether it walks to the end
}

// compareWithBoto3 fills the server with the driver's commands fill, then
// walks op with boto3 and with the generated paginator in every config,
// each through a recorder, and asserts that each pair sent the same
// requests and gave the same items, pages and resume token.
// Then it resumes each walk that stopped with a resume token, to the end
// and for as many items again, in each language from each language's
// token, compares the pairs again, and asserts that every resumed walk
// continues where the first stopped.
func compareWithBoto3[P any](t *testing.T, s *moto.Server, op operation[P], fill []any) tally {
	t.Helper()
	require.Greater(t, op.count, 2*op.pageSize+1, "%s: too few items to page through", op.name)
	require.Less(t, op.maxInside, op.count)
	requireCalls(t, fill, moto.Boto3(t, s.URL, fill...))
	goRec, boto3Rec := newRecorder(t, s, op.ownQuery), newRecorder(t, s, op.ownQuery)
	walkGo := func(o paginate.Options) walk {
		t.Helper()
		w := goWalk(t, op, goRec.URL(), o)
		w.requests = goRec.take()
		return w
	}
	cfgs := configs(op, walkGo(paginate.Options{PageSize: op.pageSize}))
	if len(cfgs) < 5 {
		t.Logf("%s: no page boundary inside the walk with PageSize %d: the server answered with one page", op.name, op.pageSize)
	}

	var commands []any
	for _, cfg := range cfgs {
		commands = append(commands, boto3Command(op, cfg.opts))
	}
	boto3First := boto3Walks(t, op, boto3Rec, commands)
	var c tally
	first := make([]struct{ goW, boto3W walk }, len(cfgs))
	for i, cfg := range cfgs {
		first[i].boto3W = boto3First[i]
		first[i].goW = walkGo(cfg.opts)
		c.compare(t, fmt.Sprintf("%s with %s", op.name, cfg.name), first[i].goW, first[i].boto3W)
	}
	full := first[0].boto3W
	require.Equal(t, op.count, len(full.items), "%s: items of the full walk", op.name)
	require.Empty(t, full.token, "%s: the full walk", op.name)
	require.NotContains(t, first[0].goW.ends(), op.maxInside, "%s: MaxItems %d ends a page of the walk without PageSize", op.name, op.maxInside)
	var resumes []resumption
	for i, cfg := range cfgs {
		w := first[i].boto3W
		if cfg.opts.MaxItems == 0 {
			assertSameTexts(t, full.items, w.items, "%s with %s: not the full walk", op.name, cfg.name)
			continue
		}
		assertSameTexts(t, full.items[:cfg.opts.MaxItems], w.items, "%s with %s: not the start of the full walk", op.name, cfg.name)
		if assert.NotEmpty(t, w.token, "%s with %s: no resume token", op.name, cfg.name) {
			resumes = append(resumes,
				resumption{i, "to the end", paginate.Options{PageSize: cfg.opts.PageSize}, true},
				resumption{i, "for MaxItems more", cfg.opts, false})
		}
	}

	// Each resumption, from Go's token then from boto3's, in one run of
	// the driver.
	commands = nil
	for _, r := range resumes {
		for _, token := range []string{first[r.from].goW.token, first[r.from].boto3W.token} {
			o := r.opts
			o.StartingToken = token
			commands = append(commands, boto3Command(op, o))
		}
	}
	boto3Resumed := boto3Walks(t, op, boto3Rec, commands)
	for k, r := range resumes {
		what := fmt.Sprintf("%s with %s, resumed %s", op.name, cfgs[r.from].name, r.name)
		start := first[r.from]
		fromGo, fromBoto3 := r.opts, r.opts
		fromGo.StartingToken = start.goW.token
		fromBoto3.StartingToken = start.boto3W.token
		boto3FromGo, boto3FromBoto3 := boto3Resumed[2*k], boto3Resumed[2*k+1]
		goFromBoto3 := walkGo(fromBoto3)
		goFromGo := walkGo(fromGo)
		c.compare(t, what+" from the other language's token", goFromBoto3, boto3FromGo)
		c.compare(t, what+" from its own language's token", goFromGo, boto3FromBoto3)
		for _, resumed := range []struct {
			name        string
			first, rest walk
		}{
			{"boto3 from Go's token", start.goW, boto3FromGo},
			{"boto3 from boto3's token", start.boto3W, boto3FromBoto3},
			{"Go from boto3's token", start.boto3W, goFromBoto3},
			{"Go from Go's token", start.goW, goFromGo},
		} {
			assertContinues(t, fmt.Sprintf("%s: %s", what, resumed.name), full.items, resumed.first.items, resumed.rest.items, r.end)
		}
	}
	return c
}

// assertContinues asserts that the items rest of a resumed walk continue
// the items first of the walk it resumed, as in the full walk: with no
// item missing or repeated, and up to the end when end is set.
func assertContinues(t *testing.T, what string, full, first, rest []string, end bool) {
	t.Helper()
	joined := slices.Concat(first, rest)
	if !assert.LessOrEqual(t, len(joined), len(full), "%s: more items than the full walk", what) {
		return
	}
	if end {
		assertSameTexts(t, full, joined, "%s: the full walk, then the walk and its resumption", what)
		return
	}
	assert.NotEmpty(t, rest, "%s: nothing more", what)
	assertSameTexts(t, full[:len(joined)], joined, "%s: the full walk's start, then the walk and its resumption", what)
}

// assertSameTexts asserts that two lists of normalised items or pages are
// equal. Where they are not, it reports their lengths and the first place
// where they differ, rather than both lists whole.
func assertSameTexts(t *testing.T, want, got []string, msgAndArgs ...any) bool {
	t.Helper()
	if slices.Equal(want, got) {
		return true
	}
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	at := func(texts []string) string {
		if i < len(texts) {
			return texts[i]
		}
		return "(none)"
	}
	return assert.Fail(t, fmt.Sprintf("%d entries, want %d; they differ first at index %d, where\nwant:\n%s\ngot:\n%s",
		len(got), len(want), i, at(want), at(got)), msgAndArgs...)
}
