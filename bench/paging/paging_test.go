package paging

import (
	"context"
	"runtime"
	"testing"

	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// resumeAt is the MaxItems of the first run of BenchmarkResume: it falls
// inside a page, so that page is cut and fetched again by the resumed run.
const resumeAt = numSessions/2 + pageSize/2

// measure runs op, one whole walk over the fakes' data, in a b.Loop and
// reports ns/page and allocs/page over the pages it fetches and
// allocs/item over the items it yields, next to ns/op and allocs/op.
func measure(b *testing.B, pagesPerOp, itemsPerOp int, op func(b *testing.B)) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ops := 0
	for b.Loop() {
		op(b)
		ops++
	}
	runtime.ReadMemStats(&after)
	allocs := float64(after.Mallocs - before.Mallocs)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(ops*pagesPerOp), "ns/page")
	b.ReportMetric(allocs/float64(ops*pagesPerOp), "allocs/page")
	b.ReportMetric(allocs/float64(ops*itemsPerOp), "allocs/item")
}

// check fails the benchmark when a walk did not see what the fakes serve.
func check(b *testing.B, what string, got, want int) {
	if got != want {
		b.Fatalf("%s: got %d, want %d", what, got, want)
	}
}

// BenchmarkPaging walks all 1,000 pages with NextPage and HasMorePages, the
// loop both paginators offer, and checks the page and session counts.
func BenchmarkPaging(b *testing.B) {
	pc, ac := fakes()
	ctx := context.Background()
	b.Run("impl=aws-sdk-go-v2", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			pages, items := 0, 0
			for p := awsssm.NewDescribeSessionsPaginator(ac, awsInput); p.HasMorePages(); {
				out, err := p.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				pages++
				items += len(out.Sessions)
			}
			check(b, "pages", pages, numPages)
			check(b, "sessions", items, numSessions)
		})
	})
	b.Run("impl=pagegen", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			pages, items := 0, 0
			for p := ssm.NewDescribeSessionsPaginator(pc, pagegenInput); p.HasMorePages(); {
				out, err := p.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				pages++
				items += len(out.Sessions)
			}
			check(b, "pages", pages, numPages)
			check(b, "sessions", items, numSessions)
		})
	})
}

// idBytes is the total length of the session IDs the fakes serve, which
// BenchmarkItems adds up item by item to show every item was seen.
func idBytes(pc *pagegenClient) int {
	n := 0
	for _, page := range pc.pages {
		for _, s := range page.Sessions {
			n += len(s.SessionId)
		}
	}
	return n
}

// BenchmarkItems visits all 50,000 sessions one by one: pagegen's Items
// iterator, pagegen's Pages iterator with a loop over each page, and
// aws-sdk-go-v2's NextPage with the same loop, its only way to do it. Each
// adds up the sessions and the lengths of their IDs and checks both.
func BenchmarkItems(b *testing.B) {
	pc, ac := fakes()
	ctx := context.Background()
	wantBytes := idBytes(pc)
	b.Run("impl=aws-sdk-go-v2", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			items, n := 0, 0
			for p := awsssm.NewDescribeSessionsPaginator(ac, awsInput); p.HasMorePages(); {
				out, err := p.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range out.Sessions {
					items++
					n += len(*s.SessionId)
				}
			}
			check(b, "sessions", items, numSessions)
			check(b, "ID bytes", n, wantBytes)
		})
	})
	b.Run("impl=pagegen-pages", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			items, n := 0, 0
			for out, err := range ssm.NewDescribeSessionsPaginator(pc, pagegenInput).Pages(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range out.Sessions {
					items++
					n += len(s.SessionId)
				}
			}
			check(b, "sessions", items, numSessions)
			check(b, "ID bytes", n, wantBytes)
		})
	})
	b.Run("impl=pagegen-items", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			items, n := 0, 0
			for s, err := range ssm.NewDescribeSessionsPaginator(pc, pagegenInput).Items(ctx) {
				if err != nil {
					b.Fatal(err)
				}
				items++
				n += len(s.SessionId)
			}
			check(b, "sessions", items, numSessions)
			check(b, "ID bytes", n, wantBytes)
		})
	})
}

// withMaxItems stops the first run of BenchmarkResume at resumeAt items.
func withMaxItems(o *paginate.Options) { o.MaxItems = resumeAt }

// BenchmarkResume compares pagegen's plain walk over all pages with a walk
// cut by MaxItems inside a page and resumed from its ResumeToken to the
// end, which fetches the cut page twice (1,001 pages). ns/page divides by
// the pages fetched. The resumed walk checks the item count of each run,
// the first session after the cut, and that together they see everything.
func BenchmarkResume(b *testing.B) {
	pc, _ := fakes()
	ctx := context.Background()
	wantFirst := pc.pages[pageToken(resumeAt/pageSize)].Sessions[resumeAt%pageSize].SessionId
	b.Run("run=plain", func(b *testing.B) {
		measure(b, numPages, numSessions, func(b *testing.B) {
			pages, items := 0, 0
			for p := ssm.NewDescribeSessionsPaginator(pc, pagegenInput); p.HasMorePages(); {
				out, err := p.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				pages++
				items += len(out.Sessions)
			}
			check(b, "pages", pages, numPages)
			check(b, "sessions", items, numSessions)
		})
	})
	b.Run("run=maxitems-resume", func(b *testing.B) {
		measure(b, numPages+1, numSessions, func(b *testing.B) {
			pages, items := 0, 0
			p := ssm.NewDescribeSessionsPaginator(pc, pagegenInput, withMaxItems)
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
			r := ssm.NewDescribeSessionsPaginator(pc, pagegenInput, func(o *paginate.Options) { o.StartingToken = token })
			for r.HasMorePages() {
				out, err := r.NextPage(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if items == resumeAt && out.Sessions[0].SessionId != wantFirst {
					b.Fatalf("resumed at %s, want %s", out.Sessions[0].SessionId, wantFirst)
				}
				pages++
				items += len(out.Sessions)
			}
			if r.ResumeToken() != "" {
				b.Fatalf("resume token %q after the last page", r.ResumeToken())
			}
			check(b, "pages", pages, numPages+1)
			check(b, "sessions", items, numSessions)
		})
	})
}
