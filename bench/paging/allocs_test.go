package paging

import (
	"context"
	"testing"

	"github.com/pagegen/pagegen/generated/ssm"
)

// TestItemsAllocateAsPages checks that walking all sessions with Items
// allocates exactly what walking the pages with Pages does: nothing per
// item, and nothing per page either.
func TestItemsAllocateAsPages(t *testing.T) {
	pc, _ := fakes()
	ctx := context.Background()
	walk := func(byItem bool) (allocs float64) {
		return testing.AllocsPerRun(5, func() {
			items := 0
			p := ssm.NewDescribeSessionsPaginator(pc, pagegenInput)
			if byItem {
				for _, err := range p.Items(ctx) {
					if err != nil {
						t.Fatal(err)
					}
					items++
				}
			} else {
				for out, err := range p.Pages(ctx) {
					if err != nil {
						t.Fatal(err)
					}
					items += len(out.Sessions)
				}
			}
			if items != numSessions {
				t.Fatalf("sessions: got %d, want %d", items, numSessions)
			}
		})
	}
	pages, items := walk(false), walk(true)
	if items != pages {
		t.Errorf("Items allocates %v times for %d sessions, Pages %v times", items, numSessions, pages)
	}
	if pages >= numPages {
		t.Errorf("Pages allocates %v times for %d pages, want fewer than one a page", pages, numPages)
	}
}
