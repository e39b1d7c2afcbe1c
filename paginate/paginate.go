package paginate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"unicode/utf8"
)

// Options mirrors boto3's PaginationConfig. Zero values mean "not set".
type Options struct {
	// MaxItems is the total number of items to return across pages; 0 means
	// no limit. When the limit falls inside a page, that page is truncated
	// and ResumeToken tells where to resume.
	MaxItems int
	// PageSize is sent as the operation's limit member before the first
	// request; 0 means it is not sent.
	PageSize int
	// StartingToken is where to start: a token from ResumeToken (or from
	// boto3), a deprecated "token___index" token, or a raw service token.
	StartingToken string
}

var (
	// ErrNoMorePages is returned by NextPage after the last page.
	ErrNoMorePages = errors.New("paginate: no more pages")
	// ErrBadStartingToken is wrapped by the errors for a StartingToken that
	// cannot be used (botocore raises ValueError "Bad starting token" and
	// related errors in the same places).
	ErrBadStartingToken = errors.New("paginate: bad starting token")
	// ErrRepeatedToken is wrapped by the error returned when the service
	// sends the same next token twice in a row (botocore's PaginationError).
	ErrRepeatedToken = errors.New("paginate: the same next token was received twice")
	// ErrPageSizeUnsupported is returned when PageSize is set for an
	// operation without a limit member.
	ErrPageSizeUnsupported = errors.New("paginate: PageSize parameter is not supported for the pagination interface for this operation")
)

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
	SetTokens func(in any, tokens []Token) error
	// OutputTokens writes the output token values into dst, which has one
	// entry per InputTokens entry; the zero Token means none.
	OutputTokens func(out any, dst []Token)
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
	// (ErrNotSliceable) otherwise.
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
// paginator embeds it and adds NextPage, Pages and Items methods typed for
// its operation.
//
// Errors from the call and from the context leave the Pager unchanged:
// calling NextPage again retries the same request. Every other error (a bad
// StartingToken, an unsupported PageSize, a Validate failure, a repeated
// next token) ends the pagination, and later calls return ErrNoMorePages.
//
// A Pager is not safe for concurrent use.
type Pager struct {
	spec *Spec
	call func(context.Context, any) (any, error)
	in   any
	opts Options

	started bool  // the first request has been prepared
	first   bool  // the next page is the first one
	done    bool  // no more pages
	pending error // error to return from the next NextPage, ending the pagination

	start    startToken // the parsed StartingToken, when hasStart
	hasStart bool

	// tok is botocore's next_token once the first page is handled: the
	// tokens sent with the latest request (the zero Token is None). Once
	// hasPrev is set it is also previous_next_token.
	tok     []Token
	hasPrev bool
	recv    []Token // tokens received with the latest page
	sent    []Token // scratch for SetTokens
	total   int     // items returned so far
	resume  string
	bufs    [3]Token // tok, recv and sent for a single input token
}

// New returns a Pager for spec that sends requests through call. in is the
// pager's own input, a pointer to the operation's input structure that the
// Pager sets the tokens and the limit in; the caller copies the user's
// input into it, so that the user's is never modified. call sends in and
// returns the page, a non-nil pointer to the operation's output structure,
// when it returns no error (a generated paginator turns a nil output into
// an empty one). The option functions adjust the Options, like boto3's
// PaginationConfig.
func New(spec *Spec, call func(ctx context.Context, in any) (any, error), in any, optFns ...func(*Options)) *Pager {
	p := &Pager{spec: spec, call: call, in: in, first: true}
	for _, fn := range optFns {
		fn(&p.opts)
	}
	n := len(spec.InputTokens)
	var buf []Token
	if n <= 1 {
		buf = p.bufs[:3*n]
	} else {
		buf = make([]Token, 3*n)
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
// client when ctx is done, and ErrNoMorePages after the last page. A page
// cut by the starting token or by MaxItems is a shallow copy of the
// client's output with a shorter primary result (see Spec.Cut); the
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
		return nil, ErrNoMorePages
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

// prepare, handle and cut are functions rather than methods: a generated
// paginator embeds *Pager, and the compiler writes a wrapper in its
// package for every method of Pager, unexported ones included, so each
// method here would cost every generated paginator one more function.

// prepare applies the starting token and page size to the input and
// validates it (botocore's _inject_starting_params and parameter
// validation).
func prepare(p *Pager) error {
	s := p.spec
	if p.opts.PageSize != 0 && s.SetLimit == nil {
		return ErrPageSizeUnsupported
	}
	if p.opts.StartingToken != "" {
		st, err := parseStartingToken(p.opts.StartingToken, s.InputTokens)
		if err != nil {
			return err
		}
		p.start, p.hasStart = st, true
		clear(p.sent)
		for i, pos := range st.pos {
			if st.toks[i] != noneToken {
				p.sent[pos] = st.toks[i]
			}
		}
		if err := s.SetTokens(p.in, p.sent); err != nil {
			return fmt.Errorf("%w: %w", ErrBadStartingToken, err)
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
			switch p.start.idxKind {
			case idxInt:
				startTrunc = p.start.idx
			case idxBad:
				if n > 0 || hasList {
					return nil, fmt.Errorf("%w: slice indices must be integers or None or have an __index__ method", ErrBadStartingToken)
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
			tok, err := p.start.resume(keep, s.InputTokens)
			if err != nil {
				return nil, err
			}
			p.resume = tok
		} else {
			p.resume = encodeToken(s.InputTokens, p.tok, nil, addSaturated(keep, startTrunc), true)
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
	if !slices.ContainsFunc(p.recv, func(t Token) bool { return !t.IsZero() }) {
		p.done = true
		return page, nil
	}
	if p.opts.MaxItems != 0 && p.total == p.opts.MaxItems {
		p.resume = encodeToken(s.InputTokens, p.recv, nil, 0, false)
		p.done = true
		return page, nil
	}
	if p.hasPrev && slices.Equal(p.tok, p.recv) {
		p.pending = fmt.Errorf("%w: %s", ErrRepeatedToken, pyDictRepr(s.InputTokens, tokenReprs(p.recv), "", 0, false))
		return page, nil
	}
	copy(p.tok, p.recv)
	p.hasPrev = true
	for i, t := range p.tok {
		if t == noneToken {
			t = Token{} // botocore drops the member rather than send "None"
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
var noneToken = StringToken("None")

// ErrNotSliceable is returned when MaxItems falls inside a page whose
// primary result is a map or structure, which botocore cannot cut either.
var ErrNotSliceable = errors.New("paginate: MaxItems falls inside a page whose result is not a list or string")

// SliceString returns s[i:j] counted in code points, as Python slices a
// string (j of -1 meaning the end); generated Slice functions use it.
func SliceString(s string, i, j int) string {
	rs := []rune(s)
	n := len(rs)
	start := sliceStart(i, n)
	stop := n
	if j >= 0 {
		stop = sliceStop(j, n)
	}
	if start >= stop {
		return ""
	}
	return string(rs[start:stop])
}

// sliceStart is the start index Python uses for items[i:].
func sliceStart(i, n int) int {
	if i < 0 {
		return max(i+n, 0)
	}
	return min(i, n)
}

// sliceStop is the stop index Python uses for items[:i].
func sliceStop(i, n int) int {
	return sliceStart(i, n)
}

// PyLen is Python's len of a primary result that is not a list, as boto3
// counts it against MaxItems: a string's code points, a map's keys, and
// the members of a structure that are set.
func PyLen(v any) int {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return 0
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.String:
		return utf8.RuneCountInString(rv.String())
	case reflect.Map, reflect.Slice:
		return rv.Len()
	case reflect.Struct:
		n := 0
		for i := range rv.NumField() {
			if !rv.Field(i).IsZero() {
				n++
			}
		}
		return n
	}
	return 0
}
