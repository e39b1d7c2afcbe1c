package paginate

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"iter"
	"math"
	"math/big"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cases in testdata/botocore_cases.json were recorded from botocore by
// scripts/record_paginate.py; see that script to rerun it.

type recorded struct {
	BotocoreVersion string          `json:"botocore_version"`
	Layouts         []recLayout     `json:"layouts"`
	Cases           []recCase       `json:"cases"`
	Parse           []recParse      `json:"parse"`
	Encode          []recEncodeCase `json:"encode"`
	EncodeJSON      []recEncodeJSON `json:"encode_json"`
	JSONLayouts     []recJSONLayout `json:"json_layouts"`
	JSONCases       []recJSONCase   `json:"json_cases"`
}

type recLayout struct {
	Name         string    `json:"name"`
	InputTokens  []string  `json:"input_tokens"`
	OutputTokens []string  `json:"output_tokens"`
	MoreResults  bool      `json:"more_results"`
	Pages        []recPage `json:"pages"`
}

type recPage struct {
	Request []*string `json:"request"`
	Items   []string  `json:"items"`
	Next    []*string `json:"next"`
	More    *bool     `json:"more"`
}

type recError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
}

type recCase struct {
	Layout        string                       `json:"layout"`
	MaxItems      *int                         `json:"max_items"`
	PageSize      *int                         `json:"page_size"`
	StartingToken *string                      `json:"starting_token"`
	Requests      []map[string]json.RawMessage `json:"requests"`
	Pages         []struct {
		Items []string  `json:"items"`
		Next  []*string `json:"next"`
	} `json:"pages"`
	ResumeToken *string   `json:"resume_token"`
	Error       *recError `json:"error"`
}

type tagged struct {
	Kind  string          `json:"kind"`
	Value json.RawMessage `json:"value"`
	Repr  string          `json:"repr"`
	Tree  json.RawMessage `json:"tree"`
}

type recParse struct {
	InputTokens []string             `json:"input_tokens"`
	Token       string               `json:"token"`
	Pairs       [][2]json.RawMessage `json:"pairs"`
	Index       *tagged              `json:"index"`
	Resume      json.RawMessage      `json:"resume"`
	Error       *recError            `json:"error"`
}

type recEncodeJSON struct {
	Keys     []string          `json:"keys"`
	Values   []json.RawMessage `json:"values"`
	Truncate *int              `json:"truncate"`
	Token    string            `json:"token"`
}

type recJSONLayout struct {
	Name         string        `json:"name"`
	InputTokens  []string      `json:"input_tokens"`
	OutputTokens []string      `json:"output_tokens"`
	Pages        []recJSONPage `json:"pages"`
}

type recJSONPage struct {
	Request []json.RawMessage `json:"request"`
	Items   []string          `json:"items"`
	Next    []json.RawMessage `json:"next"`
}

type recJSONCase struct {
	Layout        string                       `json:"layout"`
	MaxItems      *int                         `json:"max_items"`
	PageSize      *int                         `json:"page_size"`
	StartingToken *string                      `json:"starting_token"`
	Requests      []map[string]json.RawMessage `json:"requests"`
	Pages         []struct {
		Items []string          `json:"items"`
		Next  []json.RawMessage `json:"next"`
	} `json:"pages"`
	ResumeToken *string   `json:"resume_token"`
	Error       *recError `json:"error"`
}

// nonFinite matches a float that is not finite in a Python repr.
var nonFinite = regexp.MustCompile(`(^|[\[ ])-?(inf|nan)\b`)

// loneSurrogate matches a lone surrogate in a Python repr.
var loneSurrogate = regexp.MustCompile(`\\ud[89a-f][0-9a-f][0-9a-f]`)

// fromTree decodes a value the recorder wrote as a type-tagged tree into
// the values of a token (see Token.Value).
func fromTree(t *testing.T, raw json.RawMessage) any {
	t.Helper()
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var node map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &node))
	require.Len(t, node, 1)
	for k, v := range node {
		switch k {
		case "s":
			var s string
			require.NoError(t, json.Unmarshal(v, &s))
			return s
		case "b":
			var b bool
			require.NoError(t, json.Unmarshal(v, &b))
			return b
		case "i", "f":
			var s string
			require.NoError(t, json.Unmarshal(v, &s))
			if s == "inf" || s == "nan" || s == "-inf" {
				t.Fatalf("unexpected float %s", s)
			}
			return json.Number(s)
		case "y":
			var b []byte
			require.NoError(t, json.Unmarshal(v, &b))
			return b
		case "l":
			var l []json.RawMessage
			require.NoError(t, json.Unmarshal(v, &l))
			out := []any{}
			for _, e := range l {
				out = append(out, fromTree(t, e))
			}
			return out
		case "d":
			var pairs [][2]json.RawMessage
			require.NoError(t, json.Unmarshal(v, &pairs))
			o := Object{}
			for _, p := range pairs {
				var key string
				require.NoError(t, json.Unmarshal(p[0], &key))
				o = append(o, Pair{key, fromTree(t, p[1])})
			}
			return o
		}
	}
	t.Fatalf("unknown tree node %s", raw)
	return nil
}

// treeToken is the token that holds a recorded tree's value.
func treeToken(t *testing.T, raw json.RawMessage) Token {
	t.Helper()
	tok, err := TokenOf(fromTree(t, raw))
	require.NoError(t, err)
	return tok
}

type recEncodeCase struct {
	Keys     []string  `json:"keys"`
	Values   []*string `json:"values"`
	Truncate *int      `json:"truncate"`
	Token    string    `json:"token"`
}

var loadRecorded = sync.OnceValues(func() (*recorded, error) {
	b, err := os.ReadFile("testdata/botocore_cases.json")
	if err != nil {
		return nil, err
	}
	var r recorded
	return &r, json.Unmarshal(b, &r)
})

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// fakeIn and fakeOut stand for a generated operation's input and output
// with up to two tokens.
type fakeIn struct {
	Tok   [2]string
	Limit int
}

type fakeOut struct {
	Items []string
	Next  [2]string
	More  bool
}

func fakeSpec(ntok int, more bool) *Spec {
	s := &Spec{
		InputTokens: []string{"NextToken"},
		SetTokens: func(in any, t []Token) error {
			for i, tok := range t {
				in.(*fakeIn).Tok[i] = tok.String()
			}
			return nil
		},
		OutputTokens: func(out any, dst []Token) {
			for i := range dst {
				dst[i] = StringToken(out.(*fakeOut).Next[i])
			}
		},
		SetLimit: func(in any, n int) { in.(*fakeIn).Limit = n },
		Len: func(out any) (int, bool) {
			items := out.(*fakeOut).Items
			return len(items), items != nil
		},
		Cut: func(out any, i, j int) (any, error) {
			o := *out.(*fakeOut)
			o.Items = o.Items[i:j]
			return &o, nil
		},
	}
	if ntok == 2 {
		s.InputTokens = []string{"Marker", "KeyMarker"}
	}
	if more {
		s.MoreResults = func(out any) bool { return out.(*fakeOut).More }
	}
	return s
}

// fakeItems is the primary result of a fakeOut.
func fakeItems(out *fakeOut) []string { return out.Items }

// newFake returns a typed paginator over fakeOut pages, as generated code
// builds one.
func newFake(spec *Spec, call func(context.Context, *fakeIn) (*fakeOut, error), in *fakeIn, optFns ...func(*Options)) *typed[fakeIn, fakeOut, string] {
	return newTyped(spec, fakeItems, call, in, optFns...)
}

// typed is what a generated paginator adds to a Pager, written once for
// the tests' fake operations: a copy of the input, a nil output read as an
// empty one, and NextPage, Pages and Items typed for the operation.
type typed[In, Out, Item any] struct {
	*Pager
	items func(*Out) []Item
}

func newTyped[In, Out, Item any](spec *Spec, items func(*Out) []Item, call func(context.Context, *In) (*Out, error), in *In, optFns ...func(*Options)) *typed[In, Out, Item] {
	var input In
	if in != nil {
		input = *in
	}
	c := func(ctx context.Context, v any) (any, error) {
		out, err := call(ctx, v.(*In))
		if out == nil && err == nil {
			out = new(Out)
		}
		return out, err
	}
	return &typed[In, Out, Item]{New(spec, c, &input, optFns...), items}
}

func (p *typed[In, Out, Item]) NextPage(ctx context.Context) (*Out, error) {
	page, err := p.Pager.NextPage(ctx)
	if err != nil {
		return nil, err
	}
	return page.(*Out), nil
}

func (p *typed[In, Out, Item]) Pages(ctx context.Context) iter.Seq2[*Out, error] {
	return func(yield func(*Out, error) bool) {
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if !yield(page, err) || err != nil {
				return
			}
		}
	}
}

func (p *typed[In, Out, Item]) Items(ctx context.Context) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for p.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			items := p.items(page)
			for i := range items {
				if !yield(items[i], nil) {
					return
				}
			}
		}
	}
}

// fakeService serves a recorded layout: the page is chosen by the request's
// tokens, and unknown tokens get the single item "unknown".
type fakeService struct {
	layout   recLayout
	pages    []*fakeOut
	requests []fakeIn
}

func newFakeService(l recLayout) *fakeService {
	f := &fakeService{layout: l}
	for _, p := range l.Pages {
		o := &fakeOut{Items: p.Items}
		for i, n := range p.Next {
			o.Next[i] = str(n)
		}
		if p.More != nil {
			o.More = *p.More
		}
		f.pages = append(f.pages, o)
	}
	return f
}

func (f *fakeService) call(_ context.Context, in *fakeIn) (*fakeOut, error) {
	f.requests = append(f.requests, *in)
	for i, p := range f.layout.Pages {
		match := true
		for j, r := range p.Request {
			match = match && str(r) == in.Tok[j]
		}
		if match {
			return f.pages[i], nil
		}
	}
	return &fakeOut{Items: []string{"unknown"}}, nil
}

// pyMessageTail is the part of a botocore error message after its fixed
// prefix, which the Go error message ends with.
func pyMessageTail(e *recError) (string, error, bool) {
	switch e.Type {
	case "PaginationError":
		_, tail, ok := strings.Cut(e.Message, "received twice: ")
		return tail, ErrRepeatedToken, ok
	case "ValueError":
		_, tail, ok := strings.Cut(e.Message, "Bad starting token: ")
		return tail, ErrBadStartingToken, ok
	case "AttributeError", "TypeError", "KeyError", "IndexError":
		return "", ErrBadStartingToken, false
	}
	return "", nil, false
}

func checkError(t *testing.T, want *recError, got error) {
	t.Helper()
	tail, sentinel, hasTail := pyMessageTail(want)
	require.NotNil(t, sentinel, "unexpected botocore error type %s", want.Type)
	require.ErrorIs(t, got, sentinel)
	if hasTail {
		assert.True(t, strings.HasSuffix(got.Error(), ": "+tail), "botocore: %q\ngo:       %q", want.Message, got.Error())
	}
}

func TestBotocoreCases(t *testing.T) {
	rec, err := loadRecorded()
	require.NoError(t, err)
	require.NotEmpty(t, rec.Cases)
	layouts := map[string]recLayout{}
	for _, l := range rec.Layouts {
		layouts[l.Name] = l
	}
	for _, c := range rec.Cases {
		name := fmt.Sprintf("%s/max=%v/ps=%v/start=%q", c.Layout, deref(c.MaxItems), deref(c.PageSize), str(c.StartingToken))
		t.Run(name, func(t *testing.T) {
			l, ok := layouts[c.Layout]
			require.True(t, ok)
			svc := newFakeService(l)
			if sendsEmptyToken(c) {
				// A documented difference: for a hand-made token such as
				// "___1", botocore sends an empty-string token member,
				// while a Pager treats "" as absent and asks for the
				// first page.
				p := newFake(fakeSpec(len(l.InputTokens), l.MoreResults), svc.call, &fakeIn{}, func(o *Options) {
					o.StartingToken = str(c.StartingToken)
				})
				_, err := p.NextPage(context.Background())
				require.NoError(t, err)
				require.NotEmpty(t, svc.requests)
				for _, tok := range svc.requests[0].Tok {
					assert.Empty(t, tok)
				}
				return
			}
			before := make([][]string, len(svc.pages))
			for i, p := range svc.pages {
				before[i] = slices.Clone(p.Items)
			}
			spec := fakeSpec(len(l.InputTokens), l.MoreResults)
			p := newFake(spec, svc.call, &fakeIn{}, func(o *Options) {
				o.MaxItems = deref(c.MaxItems)
				o.PageSize = deref(c.PageSize)
				o.StartingToken = str(c.StartingToken)
			})
			var pages []*fakeOut
			var gotErr error
			for p.HasMorePages() {
				page, err := p.NextPage(context.Background())
				if err != nil {
					gotErr = err
					break
				}
				pages = append(pages, page)
			}
			assert.False(t, p.HasMorePages())
			_, err := p.NextPage(context.Background())
			assert.ErrorIs(t, err, ErrNoMorePages)

			// Requests: tokens and limit.
			require.Len(t, svc.requests, len(c.Requests), "requests")
			for i, want := range c.Requests {
				got := svc.requests[i]
				for j, name := range spec.InputTokens {
					var v *string
					if raw, ok := want[name]; ok {
						require.NoError(t, json.Unmarshal(raw, &v))
					}
					assert.Equal(t, str(v), got.Tok[j], "request %d token %s", i, name)
				}
				var limit int
				if raw, ok := want["MaxResults"]; ok {
					require.NoError(t, json.Unmarshal(raw, &limit))
				}
				assert.Equal(t, limit, got.Limit, "request %d limit", i)
				for k := range want {
					assert.True(t, k == "MaxResults" || slices.Contains(spec.InputTokens, k), "unexpected kwarg %s", k)
				}
			}

			// Pages: items and next tokens.
			require.Len(t, pages, len(c.Pages), "pages")
			for i, want := range c.Pages {
				assert.Equal(t, len(want.Items), len(pages[i].Items), "page %d", i)
				if len(want.Items) > 0 {
					assert.Equal(t, want.Items, pages[i].Items, "page %d", i)
				}
				for j, n := range want.Next {
					assert.Equal(t, str(n), pages[i].Next[j], "page %d next %d", i, j)
				}
			}

			assert.Equal(t, str(c.ResumeToken), p.ResumeToken(), "resume token")
			if c.Error == nil {
				assert.NoError(t, gotErr)
			} else {
				checkError(t, c.Error, gotErr)
			}

			// The service's pages were not modified.
			for i, p := range svc.pages {
				assert.Equal(t, before[i], p.Items, "service page %d was modified", i)
			}
		})
	}
	t.Logf("replayed %d botocore %s cases", len(rec.Cases), rec.BotocoreVersion)
}

// sendsEmptyToken reports whether botocore sent an empty-string token.
func sendsEmptyToken(c recCase) bool {
	for _, r := range c.Requests {
		for k, v := range r {
			if k != "MaxResults" && string(v) == `""` {
				return true
			}
		}
	}
	return false
}

func deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

func TestBotocoreParseStartingToken(t *testing.T) {
	rec, err := loadRecorded()
	require.NoError(t, err)
	require.NotEmpty(t, rec.Parse)
	deviations, values := 0, 0
	for i, row := range rec.Parse {
		t.Run(fmt.Sprintf("%d", i), func(t *testing.T) {
			st, err := parseStartingToken(row.Token, row.InputTokens)
			if row.Error != nil {
				checkError(t, row.Error, err)
				return
			}
			keys, reprs := []string{}, []string{}
			known, surrogate := true, false
			for _, pair := range row.Pairs {
				var key string
				var v tagged
				require.NoError(t, json.Unmarshal(pair[0], &key))
				require.NoError(t, json.Unmarshal(pair[1], &v))
				keys = append(keys, key)
				reprs = append(reprs, v.Repr)
				known = known && slices.Contains(row.InputTokens, key)
				if nonFinite.MatchString(v.Repr) {
					known = false // not a JSON number: no token can hold it
				}
				surrogate = surrogate || loneSurrogate.MatchString(v.Repr)
			}
			if !known {
				// botocore would send these members; see parseStartingToken.
				deviations++
				require.ErrorIs(t, err, ErrBadStartingToken)
				return
			}
			require.NoError(t, err, "token %q", row.Token)
			assert.Equal(t, keys, append([]string{}, st.keys...))
			if surrogate {
				// A documented difference: lone surrogates become U+FFFD.
				return
			}
			got := make([]string, len(st.raw))
			for i, v := range st.raw {
				got[i] = string(appendPyRepr(nil, v))
				if v != nil {
					values++
				}
			}
			assert.Equal(t, reprs, got, "values as Python's repr shows them")
			switch row.Index.Kind {
			case "int":
				var s string
				require.NoError(t, json.Unmarshal(row.Index.Value, &s))
				n, ok := new(big.Int).SetString(s, 10)
				require.True(t, ok)
				want := math.MaxInt
				if n.IsInt64() {
					want = int(n.Int64())
				} else if n.Sign() < 0 {
					want = math.MinInt
				}
				assert.Equal(t, idxInt, st.idxKind)
				assert.Equal(t, want, st.idx)
			case "bool":
				assert.Equal(t, idxInt, st.idxKind)
				assert.Equal(t, string(row.Index.Value) == "true", st.idx == 1)
			case "null":
				assert.Equal(t, idxNull, st.idxKind)
			default:
				assert.Equal(t, idxBad, st.idxKind)
				assert.Equal(t, row.Index.Kind, st.idxType)
			}
			var resume string
			if json.Unmarshal(row.Resume, &resume) == nil {
				assert.Equal(t, resume, encodeToken(st.keys, nil, st.raw, 7, true), "the resume token built from it")
			}
		})
	}
	t.Logf("%d parse rows, %d values compared, %d rejected where botocore would send unknown members or non-finite numbers", len(rec.Parse), values, deviations)
}

func TestBotocoreEncode(t *testing.T) {
	rec, err := loadRecorded()
	require.NoError(t, err)
	require.NotEmpty(t, rec.Encode)
	for _, row := range rec.Encode {
		raw := make([]any, len(row.Values))
		toks := make([]Token, len(row.Values))
		emptyString := false
		for i, v := range row.Values {
			if v != nil {
				raw[i], toks[i] = *v, StringToken(*v)
			}
			emptyString = emptyString || (v != nil && *v == "")
		}
		assert.Equal(t, row.Token, encodeToken(row.Keys, nil, raw, deref(row.Truncate), row.Truncate != nil), "values %q", raw)
		if emptyString {
			// A Token cannot hold "" (it is no token): only a starting
			// token's raw values keep it.
			continue
		}
		pos := Position{Keys: row.Keys, Values: toks, Truncate: deref(row.Truncate), HasTruncate: row.Truncate != nil}
		assert.Equal(t, row.Token, pos.Encode())
		dec, err := DecodePosition(row.Token)
		require.NoError(t, err)
		assert.Equal(t, pos, dec)
	}
}

func TestBotocoreEncodeJSON(t *testing.T) {
	rec, err := loadRecorded()
	require.NoError(t, err)
	require.NotEmpty(t, rec.EncodeJSON)
	for _, row := range rec.EncodeJSON {
		toks := make([]Token, len(row.Values))
		for i, v := range row.Values {
			toks[i] = treeToken(t, v)
		}
		pos := Position{Keys: row.Keys, Values: toks, Truncate: deref(row.Truncate), HasTruncate: row.Truncate != nil}
		got := pos.Encode()
		raw, _ := base64.StdEncoding.DecodeString(got)
		want, _ := base64.StdEncoding.DecodeString(row.Token)
		if toks[0].IsZero() {
			// An empty list or dict is no token, written as null.
			continue
		}
		assert.Equal(t, string(want), string(raw), "values %s", row.Values)
		dec, err := DecodePosition(row.Token)
		require.NoError(t, err)
		assert.Equal(t, pos, dec)
	}
}

// jsonFake serves a recorded layout whose tokens are JSON values.
type jsonFake struct {
	layout   recJSONLayout
	requests []fakeJSONIn
	pages    map[[2]Token]*fakeJSONOut
}

type fakeJSONIn struct {
	Tok   [2]Token
	Limit int
}

type fakeJSONOut struct {
	Items []string
	Next  [2]Token
}

func newJSONFake(t *testing.T, l recJSONLayout) *jsonFake {
	f := &jsonFake{layout: l, pages: map[[2]Token]*fakeJSONOut{}}
	for _, p := range l.Pages {
		var key [2]Token
		for i, r := range p.Request {
			key[i] = treeToken(t, r)
		}
		o := &fakeJSONOut{Items: p.Items}
		for i, n := range p.Next {
			o.Next[i] = treeToken(t, n)
		}
		f.pages[key] = o
	}
	return f
}

func (f *jsonFake) call(_ context.Context, in *fakeJSONIn) (*fakeJSONOut, error) {
	f.requests = append(f.requests, *in)
	if p, ok := f.pages[in.Tok]; ok {
		return p, nil
	}
	return &fakeJSONOut{Items: []string{"unknown"}}, nil
}

func TestBotocoreJSONCases(t *testing.T) {
	rec, err := loadRecorded()
	require.NoError(t, err)
	require.NotEmpty(t, rec.JSONCases)
	layouts := map[string]recJSONLayout{}
	for _, l := range rec.JSONLayouts {
		layouts[l.Name] = l
	}
	resumes := 0
	for _, c := range rec.JSONCases {
		name := fmt.Sprintf("%s/max=%v/ps=%v/start=%q", c.Layout, deref(c.MaxItems), deref(c.PageSize), str(c.StartingToken))
		t.Run(name, func(t *testing.T) {
			l := layouts[c.Layout]
			svc := newJSONFake(t, l)
			spec := &Spec{
				InputTokens: l.InputTokens,
				SetTokens: func(in any, toks []Token) error {
					copy(in.(*fakeJSONIn).Tok[:], toks)
					return nil
				},
				OutputTokens: func(out any, dst []Token) { copy(dst, out.(*fakeJSONOut).Next[:]) },
				SetLimit:     func(in any, n int) { in.(*fakeJSONIn).Limit = n },
				Len: func(out any) (int, bool) {
					items := out.(*fakeJSONOut).Items
					return len(items), items != nil
				},
				Cut: func(out any, i, j int) (any, error) {
					o := *out.(*fakeJSONOut)
					o.Items = o.Items[i:j]
					return &o, nil
				},
			}
			p := newTyped(spec, func(o *fakeJSONOut) []string { return o.Items }, svc.call, &fakeJSONIn{}, func(o *Options) {
				o.MaxItems = deref(c.MaxItems)
				o.PageSize = deref(c.PageSize)
				o.StartingToken = str(c.StartingToken)
			})
			var pages []*fakeJSONOut
			var gotErr error
			for p.HasMorePages() {
				page, err := p.NextPage(context.Background())
				if err != nil {
					gotErr = err
					break
				}
				pages = append(pages, page)
			}
			require.Len(t, svc.requests, len(c.Requests), "requests")
			for i, want := range c.Requests {
				for j, name := range l.InputTokens {
					assert.Equal(t, treeToken(t, want[name]), svc.requests[i].Tok[j], "request %d token %s", i, name)
				}
			}
			require.Len(t, pages, len(c.Pages), "pages")
			for i, want := range c.Pages {
				assert.Equal(t, len(want.Items), len(pages[i].Items), "page %d", i)
				for j, n := range want.Next {
					assert.Equal(t, treeToken(t, n), pages[i].Next[j], "page %d next %d", i, j)
				}
			}
			assert.Equal(t, str(c.ResumeToken), p.ResumeToken(), "resume token")
			if c.ResumeToken != nil {
				resumes++
			}
			if c.Error == nil {
				assert.NoError(t, gotErr)
			} else {
				checkError(t, c.Error, gotErr)
			}
		})
	}
	t.Logf("replayed %d botocore cases with JSON tokens, %d of them with a resume token", len(rec.JSONCases), resumes)
}
