package paginateimpl

import (
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/pagegen/pagegen/paginate"
	"github.com/pagegen/pagegen/paginate/internal/link"
)

// codec is package paginate's starting-token parser.
var codec = link.Codec.(*link.Funcs[paginate.Token])

// Spec describes one paginator's hidden pagination members. Generated code
// declares one per paginator as a package-level variable. The functions
// take the operation's input (in) and output (out) as any; they hold a
// pointer to the operation's input or output structure (*XInput,
// *XOutput), which the functions assert.
type Spec struct {
	// InputTokens are the wire names of the input token members, in
	// paginators.json order; they are the keys of the resume token.
	InputTokens []string
	// SetTokens sets the input tokens, one value per InputTokens entry; the
	// zero Token clears that member. It fails when a value does not fit its
	// member (a string for an integer member). The slice is reused: copy
	// values out of it.
	SetTokens func(in any, tokens []paginate.Token) error
	// OutputTokens writes the output token values into dst, which has one
	// entry per InputTokens entry; the zero Token means none.
	OutputTokens func(out any, dst []paginate.Token)
	// MoreResults reports the paginator's more_results member; nil when the
	// paginator has none.
	MoreResults func(out any) bool
	// SetLimit sets the operation's limit member; nil when it has none.
	SetLimit func(in any, n int)
	// Len counts the items of the primary result as Python's len does: a
	// list's elements, or for a result that is not a list (see Single), a
	// string's code points, a map's keys, a structure's members that are
	// set. hasList reports whether the result is a list that is there (not
	// nil).
	Len func(out any) (n int, hasList bool)
	// Cut returns a shallow copy of out whose primary result is cut to
	// out[i:j]; the structures on the way to it are copied too, so out is
	// not modified. For a list, 0 <= i <= j <= Len. For a result that is
	// not a list, i and j count as Python slices a string (j of -1 meaning
	// the end); a result that cannot be cut is dropped when j is -1, as
	// botocore does on the first page of a resumed run, and is an error
	// (paginate.ErrNotSliceable) otherwise.
	Cut func(out any, i, j int) (any, error)
	// Single reports that the primary result is not a list but a string,
	// map or structure, which is each page's one item (none when it is not
	// set).
	Single bool
	// ClearSecondary empties the results other than the primary one in a
	// copy that Cut returned: boto3 does so on the first page of a run with
	// a starting token, since the page that token cut already returned
	// them. Nil when there are none.
	ClearSecondary func(out any)
	// Validate checks the input before the first request; nil when there is
	// nothing to check.
	Validate func(in any) error
}

// Pager walks the pages of one paginated operation exactly as botocore's
// PageIterator does, including MaxItems truncation and resume tokens. It
// is not generic: it holds the input and the pages as any, and a generated
// paginator holds one in an unexported field and wraps its methods in
// HasMorePages, ResumeToken, NextPage, Pages and Items typed for its
// operation.
//
// Errors from the call and from the context leave the Pager unchanged:
// calling NextPage again retries the same request. Every other error (a bad
// StartingToken, an unsupported PageSize, a Validate failure, a repeated
// next token) ends the pagination, and later calls return
// paginate.ErrNoMorePages.
//
// A Pager is not safe for concurrent use.
type Pager struct {
	spec *Spec
	call func(context.Context, any) (any, error)
	in   any
	opts paginate.Options

	started bool  // the first request has been prepared
	first   bool  // the next page is the first one
	done    bool  // no more pages
	pending error // error to return from the next NextPage, ending the pagination

	start    link.Start[paginate.Token] // the parsed StartingToken, when hasStart
	hasStart bool

	// tok is botocore's next_token once the first page is handled: the
	// tokens sent with the latest request (the zero Token is None). Once
	// hasPrev is set it is also previous_next_token.
	tok     []paginate.Token
	hasPrev bool
	recv    []paginate.Token // tokens received with the latest page
	sent    []paginate.Token // scratch for SetTokens
	total   int              // items returned so far
	resume  string
	bufs    [3]paginate.Token // tok, recv and sent for a single input token
}

// New returns a Pager for spec that sends requests through call. in is the
// pager's own input, a pointer to the operation's input structure that the
// Pager sets the tokens and the limit in; the caller copies the user's
// input into it, so that the user's is never modified. call sends in and
// returns the page, a non-nil pointer to the operation's output structure,
// when it returns no error (a generated paginator turns a nil output into
// an empty one). The option functions adjust the Options, like boto3's
// PaginationConfig.
func New(spec *Spec, call func(ctx context.Context, in any) (any, error), in any, optFns ...func(*paginate.Options)) *Pager {
	p := &Pager{spec: spec, call: call, in: in, first: true}
	for _, fn := range optFns {
		fn(&p.opts)
	}
	n := len(spec.InputTokens)
	var buf []paginate.Token
	if n <= 1 {
		buf = p.bufs[:3*n]
	} else {
		buf = make([]paginate.Token, 3*n)
	}
	p.tok, p.recv, p.sent = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	return p
}

// HasMorePages reports whether NextPage has another page (or a pending
// pagination error) to return.
func (p *Pager) HasMorePages() bool {
	return !p.done || p.pending != nil
}

// ResumeToken returns the token to pass as StartingToken to resume where
// MaxItems stopped the pagination, or "" when there is nothing to resume
// (botocore's resume_token is None).
func (p *Pager) ResumeToken() string {
	return p.resume
}

// NextPage returns the next page, as the pointer to the operation's output
// structure that call returned. It returns ctx.Err() without calling the
// client when ctx is done, and paginate.ErrNoMorePages after the last
// page. A page cut by the starting token or by MaxItems is a shallow copy
// of the client's output with a shorter primary result (see Spec.Cut); the
// client's output is never modified.
func (p *Pager) NextPage(ctx context.Context) (any, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if p.pending != nil {
		err := p.pending
		p.pending, p.done = nil, true
		return nil, err
	}
	if p.done {
		return nil, paginate.ErrNoMorePages
	}
	if !p.started {
		if err := prepare(p); err != nil {
			p.done = true
			return nil, err
		}
		p.started = true
	}
	out, err := p.call(ctx, p.in)
	if err != nil {
		return nil, err
	}
	page, err := handle(p, out)
	if err != nil {
		p.done = true
		return nil, err
	}
	return page, nil
}

// prepare applies the starting token and page size to the input and
// validates it (botocore's _inject_starting_params and parameter
// validation).
func prepare(p *Pager) error {
	s := p.spec
	if p.opts.PageSize != 0 && s.SetLimit == nil {
		return paginate.ErrPageSizeUnsupported
	}
	if p.opts.StartingToken != "" {
		st, err := codec.ParseStart(p.opts.StartingToken, s.InputTokens)
		if err != nil {
			return err
		}
		p.start, p.hasStart = st, true
		clear(p.sent)
		for i, pos := range st.Pos {
			if st.Tokens[i] != noneToken {
				p.sent[pos] = st.Tokens[i]
			}
		}
		if err := s.SetTokens(p.in, p.sent); err != nil {
			return fmt.Errorf("%w: %w", paginate.ErrBadStartingToken, err)
		}
	}
	if p.opts.PageSize != 0 {
		s.SetLimit(p.in, p.opts.PageSize)
	}
	if s.Validate != nil {
		return s.Validate(p.in)
	}
	return nil
}

// handle is the body of botocore's PageIterator.__iter__ loop for one
// response.
func handle(p *Pager, out any) (any, error) {
	s := p.spec
	page := out
	n, hasList := s.Len(out)
	startTrunc := 0
	resumed := false // the first page of a run with a starting token
	if p.first {
		p.first = false
		if p.hasStart {
			resumed = true
			switch p.start.IndexKind {
			case link.IndexInt:
				startTrunc = p.start.Index
			case link.IndexBad:
				if n > 0 || hasList {
					return nil, fmt.Errorf("%w: slice indices must be integers or None or have an __index__ method", paginate.ErrBadStartingToken)
				}
			}
			var err error
			if page, err = cut(p, out, n, sliceStart(startTrunc, n), -1, true); err != nil {
				return nil, err
			}
			n, _ = s.Len(page)
		}
	}
	if limit := p.opts.MaxItems; limit != 0 && p.total+n-limit > 0 {
		keep := limit - p.total
		var err error
		if page, err = cut(p, page, n, 0, sliceStop(keep, n), false); err != nil {
			return nil, err
		}
		if resumed {
			tok, err := p.start.Resume(keep)
			if err != nil {
				return nil, err
			}
			p.resume = tok
		} else {
			p.resume = paginate.Position{Keys: s.InputTokens, Values: p.tok, Truncate: addSaturated(keep, startTrunc), HasTruncate: true}.Encode()
		}
		p.done = true
		return page, nil
	}
	p.total += n

	// _get_next_token: an all-None (or empty) token ends the pagination.
	clear(p.recv)
	if s.MoreResults == nil || s.MoreResults(out) {
		s.OutputTokens(out, p.recv)
	}
	if !slices.ContainsFunc(p.recv, func(t paginate.Token) bool { return !t.IsZero() }) {
		p.done = true
		return page, nil
	}
	if p.opts.MaxItems != 0 && p.total == p.opts.MaxItems {
		p.resume = paginate.Position{Keys: s.InputTokens, Values: p.recv}.Encode()
		p.done = true
		return page, nil
	}
	if p.hasPrev && slices.Equal(p.tok, p.recv) {
		p.pending = codec.RepeatedToken(s.InputTokens, p.recv)
		return page, nil
	}
	copy(p.tok, p.recv)
	p.hasPrev = true
	for i, t := range p.tok {
		if t == noneToken {
			t = paginate.Token{} // botocore drops the member rather than send "None"
		}
		p.sent[i] = t
	}
	if err := s.SetTokens(p.in, p.sent); err != nil {
		p.pending = err
	}
	return page, nil
}

// cut returns out, whose primary result has n items, with that result cut
// to [i:j] (to the end when j is -1), and with the secondary results
// emptied when clearSecondary is set: out itself when nothing changes,
// otherwise a shallow copy, so the client's output is never modified.
func cut(p *Pager, out any, n, i, j int, clearSecondary bool) (any, error) {
	s := p.spec
	clearSecondary = clearSecondary && s.ClearSecondary != nil
	if !s.Single {
		if j < 0 {
			j = n
		}
		if i == 0 && j == n && !clearSecondary {
			return out, nil
		}
	}
	o, err := s.Cut(out, i, j)
	if err != nil {
		return nil, err
	}
	if clearSecondary {
		s.ClearSecondary(o)
	}
	return o, nil
}

// noneToken is the string "None", which botocore never sends as a token.
var noneToken = paginate.StringToken("None")

// addSaturated returns a+b clamped to the int range.
func addSaturated(a, b int) int {
	switch {
	case b > 0 && a > math.MaxInt-b:
		return math.MaxInt
	case b < 0 && a < math.MinInt-b:
		return math.MinInt
	}
	return a + b
}
