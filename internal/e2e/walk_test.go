package e2e

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/require"
)

// walk is what one run of a paginator gave, normalised (see normalise).
type walk struct {
	items    []string // each item as text
	pages    []string // each page as text, without the members boto3 alone adds
	sizes    []int    // the number of items of each page, of a Go walk only
	token    string   // the resume token; "" where the walk ran to the end
	requests []string // the requests it sent (see request), where recorded
}

// addPage appends a page of op and its items to w.
func addPage[P any](w *walk, op operation[P], page P) {
	w.pages = append(w.pages, text(pageValue(normalise(page), op.boto3Only)))
	items, _ := normalise(op.items(page)).([]any)
	for _, item := range items {
		w.items = append(w.items, text(item))
	}
	w.sizes = append(w.sizes, len(items))
}

// ends returns the number of items up to the end of each page of a Go walk.
func (w walk) ends() []int {
	var ends []int
	n := 0
	for _, size := range w.sizes {
		n += size
		ends = append(ends, n)
	}
	return ends
}

// pageValue returns a normalised page without the members boto3 alone
// adds.
func pageValue(page any, boto3Only []string) any {
	m, ok := page.(map[string]any)
	if !ok {
		panic(fmt.Sprintf("a page is no object: %v", page))
	}
	for _, name := range boto3Only {
		delete(m, name)
	}
	return m
}

// goWalk walks op with the generated paginator and options o against the
// server at endpoint, failing the test on an error.
func goWalk[P any](t *testing.T, op operation[P], endpoint string, o paginate.Options) walk {
	t.Helper()
	p := op.newPager(endpoint, o)
	var w walk
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		require.NoError(t, err, "%s with %s: page %d", op.name, describe(o), len(w.pages)+1)
		addPage(&w, op, page)
	}
	w.token = p.ResumeToken()
	return w
}

// boto3Command is the driver's command that walks op with boto3 and the
// PaginationConfig o.
func boto3Command[P any](op operation[P], o paginate.Options) moto.Paginate {
	return moto.Paginate{
		Service:   op.service,
		Paginator: op.paginator,
		Params:    op.params,
		Config:    moto.PaginationConfig{MaxItems: o.MaxItems, PageSize: o.PageSize, StartingToken: o.StartingToken},
	}
}

// boto3Walks runs the driver's commands, each a walk of op, against the
// server behind rec, and returns each walk with the requests it sent,
// failing the test where a walk failed.
func boto3Walks[P any](t *testing.T, op operation[P], rec *recorder, commands []any) []walk {
	t.Helper()
	results := moto.Boto3(t, rec.URL(), commands...)
	requests := rec.take()
	walks := make([]walk, len(results))
	for i, result := range results {
		var r moto.PaginateResult
		require.NoError(t, json.Unmarshal(result, &r))
		require.Nil(t, r.Error, "%s with boto3", op.name)
		w := &walks[i]
		for _, raw := range r.Pages {
			page, err := canonical(raw)
			require.NoError(t, err)
			w.pages = append(w.pages, text(pageValue(page, op.boto3Only)))
		}
		for _, raw := range r.Items {
			item, err := canonical(raw)
			require.NoError(t, err)
			w.items = append(w.items, text(item))
		}
		if r.ResumeToken != nil {
			w.token = *r.ResumeToken
		}
		require.LessOrEqual(t, r.Requests, len(requests), "%s with boto3: requests sent and received", op.name)
		w.requests, requests = requests[:r.Requests], requests[r.Requests:]
	}
	require.Empty(t, requests, "%s with boto3: requests received and not sent", op.name)
	return walks
}

// requireCalls fails the test where one of the driver's results of Calls
// is an error.
func requireCalls(t *testing.T, calls []any, results []json.RawMessage) {
	t.Helper()
	for i, raw := range results {
		var r moto.CallResult
		require.NoError(t, json.Unmarshal(raw, &r))
		require.Nil(t, r.Error, "%+v", calls[i])
	}
}

// describe returns the PaginationConfig o as boto3 would be given it.
func describe(o paginate.Options) string {
	s := "{"
	if o.PageSize != 0 {
		s += fmt.Sprintf(" PageSize: %d", o.PageSize)
	}
	if o.MaxItems != 0 {
		s += fmt.Sprintf(" MaxItems: %d", o.MaxItems)
	}
	if o.StartingToken != "" {
		s += fmt.Sprintf(" StartingToken: %q", o.StartingToken)
	}
	return s + " }"
}
