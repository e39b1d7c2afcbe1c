package paginateimpl

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/paginate"
)

// book is a fake service with pre-built pages: page i is requested with
// token "tok<i>" ("" for the first) and returns "tok<i+1>" (none on the last).
type book struct {
	pages []*fakeOut
	index map[string]int
	calls []fakeIn
	err   error // returned by the next call, once
	log   bool
}

func newBook(pages, perPage int) *book {
	b := &book{index: map[string]int{"": 0}}
	for i := range pages {
		o := &fakeOut{}
		for j := range perPage {
			o.Items = append(o.Items, fmt.Sprintf("p%d-%d", i, j))
		}
		if i < pages-1 {
			tok := fmt.Sprintf("tok%d", i+1)
			o.Next[0] = tok
			b.index[tok] = i + 1
		}
		b.pages = append(b.pages, o)
	}
	return b
}

func (b *book) call(_ context.Context, in *fakeIn) (*fakeOut, error) {
	if b.log {
		b.calls = append(b.calls, *in)
	}
	if err := b.err; err != nil {
		b.err = nil
		return nil, err
	}
	i, ok := b.index[in.Tok[0]]
	if !ok {
		return nil, errors.New("unknown token")
	}
	return b.pages[i], nil
}

func collect(t *testing.T, p *typed[fakeIn, fakeOut, string]) (items []string) {
	t.Helper()
	for item, err := range p.Items(context.Background()) {
		require.NoError(t, err)
		items = append(items, item)
	}
	return items
}

func TestPagerWalksAllPages(t *testing.T) {
	b := newBook(3, 2)
	b.log = true
	p := newFake(fakeSpec(1, false), b.call, nil)
	assert.True(t, p.HasMorePages())
	assert.Equal(t, []string{"p0-0", "p0-1", "p1-0", "p1-1", "p2-0", "p2-1"}, collect(t, p))
	assert.False(t, p.HasMorePages())
	assert.Equal(t, "", p.ResumeToken())
	assert.Equal(t, []fakeIn{{}, {Tok: [2]string{"tok1"}}, {Tok: [2]string{"tok2"}}}, b.calls)

	_, err := p.NextPage(context.Background())
	assert.ErrorIs(t, err, paginate.ErrNoMorePages)
}

func TestPagerMaxItemsAndResume(t *testing.T) {
	b := newBook(3, 4)
	p := newFake(fakeSpec(1, false), b.call, nil, func(o *paginate.Options) { o.MaxItems = 6 })
	assert.Equal(t, []string{"p0-0", "p0-1", "p0-2", "p0-3", "p1-0", "p1-1"}, collect(t, p))
	// {"NextToken": "tok1", "boto_truncate_amount": 2}
	assert.Equal(t, "eyJOZXh0VG9rZW4iOiAidG9rMSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDJ9", p.ResumeToken())
	assert.Len(t, b.pages[1].Items, 4, "the service's page was modified")

	p = newFake(fakeSpec(1, false), b.call, nil, func(o *paginate.Options) { o.StartingToken = p.ResumeToken() })
	assert.Equal(t, []string{"p1-2", "p1-3", "p2-0", "p2-1", "p2-2", "p2-3"}, collect(t, p))
	assert.Equal(t, "", p.ResumeToken())
}

func TestPagerDoesNotModifyInput(t *testing.T) {
	b := newBook(3, 2)
	b.log = true
	in := &fakeIn{Tok: [2]string{"caller"}, Limit: 9}
	p := newFake(fakeSpec(1, false), b.call, in, func(o *paginate.Options) {
		o.PageSize = 2
		o.StartingToken = "tok1"
	})
	assert.Equal(t, []string{"p1-0", "p1-1", "p2-0", "p2-1"}, collect(t, p))
	assert.Equal(t, &fakeIn{Tok: [2]string{"caller"}, Limit: 9}, in)
	assert.Equal(t, []fakeIn{{Tok: [2]string{"tok1"}, Limit: 2}, {Tok: [2]string{"tok2"}, Limit: 2}}, b.calls)
}

func TestPagerContextCanceled(t *testing.T) {
	b := newBook(2, 1)
	b.log = true
	p := newFake(fakeSpec(1, false), b.call, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := p.NextPage(ctx)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Empty(t, b.calls)
	assert.True(t, p.HasMorePages())

	for _, err := range p.Items(ctx) {
		assert.ErrorIs(t, err, context.Canceled)
	}
	assert.Empty(t, b.calls)
	assert.Equal(t, []string{"p0-0", "p1-0"}, collect(t, p))
}

func TestPagerValidateBeforeFirstRequest(t *testing.T) {
	b := newBook(2, 1)
	b.log = true
	spec := fakeSpec(1, false)
	var validated []fakeIn
	errInvalid := errors.New("invalid input")
	spec.Validate = func(in any) error {
		validated = append(validated, *in.(*fakeIn))
		return errInvalid
	}
	p := newFake(spec, b.call, nil, func(o *paginate.Options) {
		o.PageSize = 5
		o.StartingToken = "tok1"
	})
	_, err := p.NextPage(context.Background())
	assert.ErrorIs(t, err, errInvalid)
	assert.Empty(t, b.calls)
	assert.Equal(t, []fakeIn{{Tok: [2]string{"tok1"}, Limit: 5}}, validated, "validates the input that would be sent")
	assert.False(t, p.HasMorePages())
	_, err = p.NextPage(context.Background())
	assert.ErrorIs(t, err, paginate.ErrNoMorePages)

	spec.Validate = func(any) error { return nil }
	p = newFake(spec, b.call, nil)
	assert.Equal(t, []string{"p0-0", "p1-0"}, collect(t, p))
}

func TestPagerRetriesAfterClientError(t *testing.T) {
	b := newBook(3, 1)
	b.log = true
	p := newFake(fakeSpec(1, false), b.call, nil)
	ctx := context.Background()
	_, err := p.NextPage(ctx)
	require.NoError(t, err)
	errBoom := errors.New("boom")
	b.err = errBoom
	_, err = p.NextPage(ctx)
	assert.ErrorIs(t, err, errBoom)
	assert.True(t, p.HasMorePages())
	page, err := p.NextPage(ctx)
	require.NoError(t, err)
	assert.Equal(t, []string{"p1-0"}, page.Items)
	assert.Equal(t, "tok1", b.calls[1].Tok[0])
	assert.Equal(t, b.calls[1], b.calls[2], "the retry sends the same request")
}

func TestPagerRepeatedToken(t *testing.T) {
	b := newBook(2, 1)
	b.pages[1].Next[0] = "tok1" // the second page points to itself
	p := newFake(fakeSpec(1, false), b.call, nil)
	ctx := context.Background()
	for range 2 {
		_, err := p.NextPage(ctx)
		require.NoError(t, err)
	}
	assert.True(t, p.HasMorePages())
	_, err := p.NextPage(ctx)
	assert.ErrorIs(t, err, paginate.ErrRepeatedToken)
	assert.EqualError(t, err, "paginate: the same next token was received twice: {'NextToken': 'tok1'}")
	assert.False(t, p.HasMorePages())
	_, err = p.NextPage(ctx)
	assert.ErrorIs(t, err, paginate.ErrNoMorePages)
}

func TestPagerPageSizeUnsupported(t *testing.T) {
	b := newBook(1, 1)
	spec := fakeSpec(1, false)
	spec.SetLimit = nil
	p := newFake(spec, b.call, nil, func(o *paginate.Options) { o.PageSize = 10 })
	_, err := p.NextPage(context.Background())
	assert.ErrorIs(t, err, paginate.ErrPageSizeUnsupported)
}

func TestPagerBadStartingToken(t *testing.T) {
	b := newBook(1, 1)
	b.log = true
	p := newFake(fakeSpec(1, false), b.call, nil, func(o *paginate.Options) { o.StartingToken = "a___b___c" })
	_, err := p.NextPage(context.Background())
	assert.ErrorIs(t, err, paginate.ErrBadStartingToken)
	assert.EqualError(t, err, "paginate: bad starting token: a___b___c")
	assert.Empty(t, b.calls)
}

func TestPagesStopsEarly(t *testing.T) {
	b := newBook(5, 1)
	b.log = true
	p := newFake(fakeSpec(1, false), b.call, nil)
	n := 0
	for page, err := range p.Pages(context.Background()) {
		require.NoError(t, err)
		require.NotNil(t, page)
		n++
		if n == 2 {
			break
		}
	}
	assert.Len(t, b.calls, 2)
	assert.True(t, p.HasMorePages())
}

func TestItemsNoAllocationsPerItem(t *testing.T) {
	allocs := func(pages, perPage int) float64 {
		b := newBook(pages, perPage)
		spec := fakeSpec(1, false)
		ctx := context.Background()
		return testing.AllocsPerRun(20, func() {
			p := newFake(spec, b.call, nil)
			for _, err := range p.Items(ctx) {
				if err != nil {
					panic(err)
				}
			}
		})
	}
	base := allocs(10, 10)
	assert.Equal(t, base, allocs(10, 1000), "allocations per item")
	assert.Equal(t, base, allocs(100, 10), "allocations per page")
}

func BenchmarkPager(b *testing.B) {
	bk := newBook(1000, 50)
	spec := fakeSpec(1, false)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		p := newFake(spec, bk.call, nil)
		for p.HasMorePages() {
			if _, err := p.NextPage(ctx); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkItems(b *testing.B) {
	bk := newBook(1000, 50)
	spec := fakeSpec(1, false)
	ctx := context.Background()
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		p := newFake(spec, bk.call, nil)
		for item, err := range p.Items(ctx) {
			if err != nil {
				b.Fatal(err)
			}
			n += len(item)
		}
	}
	if n == 0 {
		b.Fatal("no items")
	}
}
