// Package paginatetest checks a generated paginator against the contract
// every paginator keeps, as testing/fstest.TestFS checks a file system. A
// generated test describes its operation to Check with a few functions
// that reach the operation's members (build a page, read which page a
// request asks for, read the limit sent), and Check drives the paginator
// through its real code over a client that serves pages from memory:
//
//   - Items yields every item once and in order, across pages, some empty;
//     each request asks for the page the previous one named; NextPage
//     returns paginate.ErrNoMorePages after the last page;
//   - PageSize is sent as the limit on every request, or is refused before
//     any request when the operation has no limit member;
//   - MaxItems stops inside a page and on a page boundary, and a new
//     paginator started from ResumeToken yields the rest, with no gap and
//     no repeat;
//   - a next token received twice in a row ends the pagination with
//     paginate.ErrRepeatedToken;
//   - a client error is returned as it is, and NextPage called again
//     retries the same request;
//   - a cancelled context is returned without calling the client;
//   - an input that Validate rejects is rejected before any request;
//   - the caller's input is never modified.
//
// Check reports every violation, not only the first.
package paginatetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"

	"github.com/pagegen/pagegen/paginate"
)

// Client is the client a generated test hands its paginator: a function
// with the signature of the operation's method, its input and output as
// pointers to the operation's structures.
type Client func(ctx context.Context, in any) (any, error)

// Operation describes one generated paginator to Check. Members are named
// by their Go field names, with dots for a member inside a structure
// ("ResultSet.Rows").
type Operation struct {
	// New returns the paginator under test (a *<Operation>Paginator), over
	// client, starting from in (a pointer to the operation's input
	// structure) with the options. Check calls its methods HasMorePages,
	// ResumeToken, NextPage and Items.
	New func(client Client, in any, optFns ...func(*paginate.Options)) any
	// Input is an input that Validate accepts.
	Input any
	// Invalid is an input that Validate rejects, or nil.
	Invalid any
	// Output is a pointer to a zero output structure, the type of a page.
	Output any

	// InputToken is the input member of the first token.
	InputToken string
	// OutputToken is the output member of the first token, when its name
	// is not InputToken's.
	OutputToken string
	// Limit is the input's limit member; "" when there is none.
	Limit string
	// MoreResults is the boolean output member that says more pages follow;
	// "" when there is none.
	MoreResults string
	// Result is the primary result, a list of the items. When it is "",
	// pages cannot be built (the result is not a list, or the next token is
	// read from an item) and Check checks errors and JSON only.
	Result string
	// Marker is the string field of a structure item that Check sets to
	// tell items apart; "" when the items are strings, which are their own
	// markers, or when only their number can be checked.
	Marker string
}

// Check drives the paginator that op describes through the contract of
// generated paginators, checks the JSON of its input and output with
// CheckJSON, and returns every violation, joined, or nil.
func Check(op Operation) error {
	c := &checker{op: op}
	if err := c.members(); err != nil {
		return err
	}
	before := snapshot(op.Input)
	if op.Result != "" {
		c.items()
		c.pageSize()
		c.maxItems(3) // inside the second page
		c.maxItems(2) // on the first page's end
		c.repeatedToken()
	}
	c.clientError()
	c.cancelled()
	c.invalid()
	if !reflect.DeepEqual(before, snapshot(op.Input)) {
		c.errorf("input", "the caller's input was modified")
	}
	if err := CheckJSON(reflect.New(reflect.TypeOf(op.Input).Elem()).Interface(), reflect.New(c.out).Interface()); err != nil {
		c.errs = append(c.errs, err)
	}
	return errors.Join(c.errs...)
}

// checker collects the violations of one Check.
type checker struct {
	op      Operation
	in, out reflect.Type // the input and output structures
	item    reflect.Type // an item of the result
	marked  bool         // items can be told apart
	errs    []error
}

func (c *checker) errorf(check, format string, args ...any) {
	c.errs = append(c.errs, fmt.Errorf("%s: %s", check, fmt.Sprintf(format, args...)))
}

// server serves pages from memory and records the requests.
type server struct {
	c        *checker
	pages    []any
	requests []any
	fail     error // returned by the next call, once
	repeat   bool  // every page names page 1 as the next
}

// serve returns a server of pages of the given sizes, and the markers of
// its items in order.
func (c *checker) serve(sizes ...int) (*server, []string) {
	s := &server{c: c}
	var want []string
	for i, n := range sizes {
		markers := make([]string, n)
		for j := range markers {
			markers[j] = "item-" + strconv.Itoa(len(want))
			want = append(want, markers[j])
		}
		next := 0
		if i < len(sizes)-1 {
			next = i + 1
		}
		s.pages = append(s.pages, c.page(markers, next))
	}
	return s, want
}

func (s *server) call(_ context.Context, in any) (any, error) {
	s.requests = append(s.requests, snapshot(in))
	if err := s.fail; err != nil {
		s.fail = nil
		return nil, err
	}
	if s.pages == nil {
		return nil, nil
	}
	i := s.c.request(in)
	if i < 0 || i >= len(s.pages) {
		return nil, fmt.Errorf("no page %d", i)
	}
	if s.repeat {
		return s.c.page(nil, 1), nil
	}
	return s.pages[i], nil
}

// collect returns the markers Items yields, and the first error.
func (c *checker) collect(p *paginator) ([]string, error) {
	var got []string
	for item, err := range p.Items(context.Background()) {
		if err != nil {
			return got, err
		}
		got = append(got, c.marker(item))
	}
	return got, nil
}

// sameItems reports whether got are the items want, by marker when items
// carry them, otherwise by number.
func (c *checker) sameItems(got, want []string) bool {
	if !c.marked {
		return len(got) == len(want)
	}
	return slices.Equal(got, want)
}

func (c *checker) items() {
	const check = "items"
	s, want := c.serve(2, 3, 0, 1)
	p := c.new(s.call, c.op.Input)
	if !p.HasMorePages() {
		c.errorf(check, "HasMorePages is false before the first page")
	}
	got, err := c.collect(p)
	if err != nil {
		c.errorf(check, "Items: %v", err)
	}
	if !c.sameItems(got, want) {
		c.errorf(check, "Items yielded %q, want %q", got, want)
	}
	if len(s.requests) != len(s.pages) {
		c.errorf(check, "%d requests for %d pages", len(s.requests), len(s.pages))
	}
	for i, in := range s.requests {
		if n := c.request(in); n != i {
			c.errorf(check, "request %d asks for page %d", i, n)
		}
	}
	if p.HasMorePages() {
		c.errorf(check, "HasMorePages is true after the last page")
	}
	if _, err := p.NextPage(context.Background()); !errors.Is(err, paginate.ErrNoMorePages) {
		c.errorf(check, "NextPage after the last page returned %v, want paginate.ErrNoMorePages", err)
	}
	if tok := p.ResumeToken(); tok != "" {
		c.errorf(check, "ResumeToken is %q after a walk without MaxItems", tok)
	}
}

func (c *checker) pageSize() {
	const check = "PageSize"
	s, want := c.serve(2, 2, 1)
	p := c.new(s.call, c.op.Input, func(o *paginate.Options) { o.PageSize = 2 })
	got, err := c.collect(p)
	if c.op.Limit == "" {
		if !errors.Is(err, paginate.ErrPageSizeUnsupported) {
			c.errorf(check, "an operation without a limit member returned %v, want paginate.ErrPageSizeUnsupported", err)
		}
		if len(s.requests) > 0 {
			c.errorf(check, "%d requests with an unsupported PageSize", len(s.requests))
		}
		return
	}
	if err != nil {
		c.errorf(check, "Items: %v", err)
	}
	if !c.sameItems(got, want) {
		c.errorf(check, "Items yielded %q, want %q", got, want)
	}
	for i, in := range s.requests {
		if n, ok := c.limit(in); !ok || n != 2 {
			c.errorf(check, "request %d has limit %d (set: %t), want 2", i, n, ok)
		}
	}
}

func (c *checker) maxItems(max int) {
	check := fmt.Sprintf("MaxItems %d", max)
	s, want := c.serve(2, 3, 1)
	first := c.new(s.call, c.op.Input, func(o *paginate.Options) { o.MaxItems = max })
	got, err := c.collect(first)
	if err != nil {
		c.errorf(check, "Items: %v", err)
	}
	if !c.sameItems(got, want[:max]) {
		c.errorf(check, "Items yielded %q, want %q", got, want[:max])
	}
	token := first.ResumeToken()
	if token == "" {
		c.errorf(check, "no ResumeToken after MaxItems stopped the walk")
		return
	}
	rest := c.new(s.call, c.op.Input, func(o *paginate.Options) { o.StartingToken = token })
	got, err = c.collect(rest)
	if err != nil {
		c.errorf(check, "Items from ResumeToken %q: %v", token, err)
	}
	if !c.sameItems(got, want[max:]) {
		c.errorf(check, "Items from ResumeToken %q yielded %q, want %q", token, got, want[max:])
	}
	if tok := rest.ResumeToken(); tok != "" {
		c.errorf(check, "ResumeToken is %q after the resumed walk ended", tok)
	}
}

func (c *checker) repeatedToken() {
	const check = "repeated token"
	s, _ := c.serve(1, 1, 1)
	s.repeat = true
	p := c.new(s.call, c.op.Input)
	var err error
	for range 3 {
		if _, err = p.NextPage(context.Background()); err != nil {
			break
		}
	}
	if !errors.Is(err, paginate.ErrRepeatedToken) {
		c.errorf(check, "the same next token twice gave %v, want paginate.ErrRepeatedToken", err)
	}
	if len(s.requests) != 2 {
		c.errorf(check, "%d requests, want 2", len(s.requests))
	}
}

func (c *checker) clientError() {
	const check = "client error"
	s := &server{c: c}
	if c.op.Result != "" {
		s, _ = c.serve(1)
	}
	s.fail = errors.New("service unavailable")
	fail := s.fail
	p := c.new(s.call, c.op.Input)
	if _, err := p.NextPage(context.Background()); !errors.Is(err, fail) {
		c.errorf(check, "NextPage returned %v, want the client's error", err)
	}
	if !p.HasMorePages() {
		c.errorf(check, "HasMorePages is false after a client error")
	}
	if _, err := p.NextPage(context.Background()); err != nil {
		c.errorf(check, "NextPage after a client error returned %v, want the retried page", err)
	}
	if len(s.requests) != 2 {
		c.errorf(check, "%d requests, want 2", len(s.requests))
	} else if !reflect.DeepEqual(s.requests[0], s.requests[1]) {
		c.errorf(check, "the retry sent %+v, the first request %+v", s.requests[1], s.requests[0])
	}
}

func (c *checker) cancelled() {
	const check = "cancelled context"
	s := &server{c: c}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.new(s.call, c.op.Input).NextPage(ctx); !errors.Is(err, context.Canceled) {
		c.errorf(check, "NextPage returned %v, want context.Canceled", err)
	}
	if len(s.requests) > 0 {
		c.errorf(check, "the client was called")
	}
}

func (c *checker) invalid() {
	const check = "Validate"
	if c.op.Invalid == nil {
		return
	}
	s := &server{c: c}
	_, err := c.new(s.call, c.op.Invalid).NextPage(context.Background())
	var invalid *paginate.InvalidParamsError
	if !errors.As(err, &invalid) {
		c.errorf(check, "an invalid input gave %v, want a *paginate.InvalidParamsError", err)
	}
	if len(s.requests) > 0 {
		c.errorf(check, "the client was called with an invalid input")
	}
}

// snapshot returns a pointer to a shallow copy of the structure in points
// to, so that a request is recorded as it was sent.
func snapshot(in any) any {
	v := reflect.ValueOf(in)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return in
	}
	cp := reflect.New(v.Elem().Type())
	cp.Elem().Set(v.Elem())
	return cp.Interface()
}
