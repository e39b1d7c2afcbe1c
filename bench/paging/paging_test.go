package paging

import (
	"context"
	"runtime"
	"testing"
	"time"

	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// resumeAt is the MaxItems of the first run of a resumed walk: it falls
// inside a page, so that page is cut and fetched again by the resumed run,
// and the walk fetches numPages+1 pages.
const resumeAt = numSessions/2 + pageSize/2

// A walk pages through all the sessions of f's fakes once and fails b when
// it does not see them all. Walks are plain functions rather than closures
// so that the compiler inlines and allocates alike in each of them,
// wherever they are used.
type walk func(b *testing.B, f *fixture)

// fixture is what the walks need: the fakes and what they serve.
type fixture struct {
	pc       *pagegenClient
	ac       *awsClient
	idBytes  int    // the total length of the session IDs
	firstCut string // the ID of the first session after the MaxItems cut
}

// newFixture returns the fakes and the figures the walks check.
func newFixture() *fixture {
	pc, ac := fakes()
	f := &fixture{pc: pc, ac: ac}
	for _, page := range pc.pages {
		for _, s := range page.Sessions {
			f.idBytes += len(s.SessionId)
		}
	}
	f.firstCut = pc.pages[pageToken(resumeAt/pageSize)].Sessions[resumeAt%pageSize].SessionId
	return f
}

// check fails the benchmark when a walk did not see what the fakes serve.
func check(b *testing.B, what string, got, want int) {
	if got != want {
		b.Fatalf("%s: got %d, want %d", what, got, want)
	}
}

// awsPaging walks the pages with aws-sdk-go-v2's NextPage and HasMorePages.
func awsPaging(b *testing.B, f *fixture) {
	pages, items := 0, 0
	for p := awsssm.NewDescribeSessionsPaginator(f.ac, awsInput); p.HasMorePages(); {
		out, err := p.NextPage(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		pages++
		items += len(out.Sessions)
	}
	check(b, "pages", pages, numPages)
	check(b, "sessions", items, numSessions)
}

// pagegenPaging walks the pages with pagegen's NextPage and HasMorePages.
func pagegenPaging(b *testing.B, f *fixture) {
	pages, items := 0, 0
	for p := ssm.NewDescribeSessionsPaginator(f.pc, pagegenInput); p.HasMorePages(); {
		out, err := p.NextPage(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		pages++
		items += len(out.Sessions)
	}
	check(b, "pages", pages, numPages)
	check(b, "sessions", items, numSessions)
}

// awsItems visits every session with a loop over each page that
// aws-sdk-go-v2's NextPage returns, its only way to do it, adding up the
// sessions and the lengths of their IDs.
func awsItems(b *testing.B, f *fixture) {
	items, n := 0, 0
	for p := awsssm.NewDescribeSessionsPaginator(f.ac, awsInput); p.HasMorePages(); {
		out, err := p.NextPage(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range out.Sessions {
			items++
			n += len(*s.SessionId)
		}
	}
	check(b, "sessions", items, numSessions)
	check(b, "ID bytes", n, f.idBytes)
}

// pagegenPagesItems visits every session with a loop over each page that
// pagegen's Pages iterator yields, adding up what awsItems does.
func pagegenPagesItems(b *testing.B, f *fixture) {
	items, n := 0, 0
	for out, err := range ssm.NewDescribeSessionsPaginator(f.pc, pagegenInput).Pages(context.Background()) {
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range out.Sessions {
			items++
			n += len(s.SessionId)
		}
	}
	check(b, "sessions", items, numSessions)
	check(b, "ID bytes", n, f.idBytes)
}

// pagegenItems visits every session with pagegen's Items iterator, adding
// up what awsItems does.
func pagegenItems(b *testing.B, f *fixture) {
	items, n := 0, 0
	for s, err := range ssm.NewDescribeSessionsPaginator(f.pc, pagegenInput).Items(context.Background()) {
		if err != nil {
			b.Fatal(err)
		}
		items++
		n += len(s.SessionId)
	}
	check(b, "sessions", items, numSessions)
	check(b, "ID bytes", n, f.idBytes)
}

// withMaxItems stops the first run of a resumed walk at resumeAt items.
func withMaxItems(o *paginate.Options) { o.MaxItems = resumeAt }

// pagegenResumed walks the pages with pagegen in two runs: one stopped by
// MaxItems inside a page, and one resumed from its ResumeToken to the end.
// It checks the item count of the first run, the first session after the
// cut, and that the two runs together see every session.
func pagegenResumed(b *testing.B, f *fixture) {
	ctx := context.Background()
	pages, items := 0, 0
	p := ssm.NewDescribeSessionsPaginator(f.pc, pagegenInput, withMaxItems)
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		pages++
		items += len(out.Sessions)
	}
	check(b, "sessions before the cut", items, resumeAt)
	token := p.ResumeToken()
	if token == "" {
		b.Fatal("no resume token after MaxItems")
	}
	r := ssm.NewDescribeSessionsPaginator(f.pc, pagegenInput, func(o *paginate.Options) { o.StartingToken = token })
	for r.HasMorePages() {
		out, err := r.NextPage(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if items == resumeAt && out.Sessions[0].SessionId != f.firstCut {
			b.Fatalf("resumed at %s, want %s", out.Sessions[0].SessionId, f.firstCut)
		}
		pages++
		items += len(out.Sessions)
	}
	if r.ResumeToken() != "" {
		b.Fatalf("resume token %q after the last page", r.ResumeToken())
	}
	check(b, "pages", pages, numPages+1)
	check(b, "sessions", items, numSessions)
}

// measure runs w in a b.Loop and reports ns/page and allocs/page over the
// pages one walk fetches and allocs/item over the sessions it sees, next
// to ns/op and allocs/op.
func measure(b *testing.B, f *fixture, pages int, w walk) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	walks := 0
	for b.Loop() {
		w(b, f)
		walks++
	}
	runtime.ReadMemStats(&after)
	allocs := float64(after.Mallocs - before.Mallocs)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(walks*pages), "ns/page")
	b.ReportMetric(allocs/float64(walks*pages), "allocs/page")
	b.ReportMetric(allocs/float64(walks*numSessions), "allocs/item")
}

// BenchmarkPaging walks all 1,000 pages with NextPage and HasMorePages, the
// loop both paginators offer.
func BenchmarkPaging(b *testing.B) {
	f := newFixture()
	b.Run("impl=aws-sdk-go-v2", func(b *testing.B) { measure(b, f, numPages, awsPaging) })
	b.Run("impl=pagegen", func(b *testing.B) { measure(b, f, numPages, pagegenPaging) })
}

// BenchmarkItems visits all 50,000 sessions one by one: with aws-sdk-go-v2's
// NextPage and a loop over each page, with pagegen's Pages iterator and the
// same loop, and with pagegen's Items iterator.
func BenchmarkItems(b *testing.B) {
	f := newFixture()
	b.Run("impl=aws-sdk-go-v2", func(b *testing.B) { measure(b, f, numPages, awsItems) })
	b.Run("impl=pagegen-pages", func(b *testing.B) { measure(b, f, numPages, pagegenPagesItems) })
	b.Run("impl=pagegen-items", func(b *testing.B) { measure(b, f, numPages, pagegenItems) })
}

// BenchmarkResume compares pagegen's plain walk over all pages with a walk
// cut by MaxItems inside a page and resumed from its ResumeToken to the
// end, which fetches the cut page twice; its ns/page divides by the 1,001
// pages it fetches.
func BenchmarkResume(b *testing.B) {
	f := newFixture()
	b.Run("run=plain", func(b *testing.B) { measure(b, f, numPages, pagegenPaging) })
	b.Run("run=maxitems-resume", func(b *testing.B) { measure(b, f, numPages+1, pagegenResumed) })
}

// paired runs walks x and y alternately, one of each per b.Loop iteration
// and in turns which first, times each, and reports x's time per page
// divided by y's as the "ratio" metric. Alternating every few tens of
// microseconds keeps a changing load on the machine from favouring
// either, which separate benchmarks seconds apart cannot promise.
func paired(b *testing.B, f *fixture, xPages int, x walk, yPages int, y walk) {
	var tx, ty time.Duration
	timed := func(w walk, d *time.Duration) {
		start := time.Now()
		w(b, f)
		*d += time.Since(start)
	}
	odd := false
	for b.Loop() {
		if odd {
			timed(y, &ty)
			timed(x, &tx)
		} else {
			timed(x, &tx)
			timed(y, &ty)
		}
		odd = !odd
	}
	b.ReportMetric((float64(tx)/float64(xPages))/(float64(ty)/float64(yPages)), "ratio")
}

// BenchmarkRatio measures the ratios the goals are stated in with paired:
// pagegen's plain paging over aws-sdk-go-v2's, pagegen's Items over its
// Pages with a loop over each page, and the resumed MaxItems walk over
// plain pagegen paging, per page fetched. Where the two walks are of
// different clients, each finds its data pushed out of the caches by the
// other, which costs the faster walk a larger share of its time.
func BenchmarkRatio(b *testing.B) {
	f := newFixture()
	b.Run("pagegen-over-aws-sdk-go-v2-paging", func(b *testing.B) {
		paired(b, f, numPages, pagegenPaging, numPages, awsPaging)
	})
	b.Run("items-over-pages", func(b *testing.B) {
		paired(b, f, numPages, pagegenItems, numPages, pagegenPagesItems)
	})
	b.Run("resume-over-plain", func(b *testing.B) {
		paired(b, f, numPages+1, pagegenResumed, numPages, pagegenPaging)
	})
}
