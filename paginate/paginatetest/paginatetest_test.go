package paginatetest_test

import (
	"context"
	"encoding/json"
	"iter"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/paginate"
	"github.com/pagegen/pagegen/paginate/paginateimpl"
	"github.com/pagegen/pagegen/paginate/paginatetest"
)

// listThingsInput, listThingsOutput and listThingsPaginator are what pagegen
// generates for an operation ListThings, written here with a Spec that a
// test can break.
type listThingsInput struct {
	Owner      string
	NextToken  paginate.Token
	Other      paginate.Token
	MaxResults *int64
}

type listThingsOutput struct {
	Things    []string
	NextToken paginate.Token
}

func (s *listThingsInput) Validate() error {
	var v paginateimpl.Invalid
	if s.Owner == "" {
		v.Missing("", "Owner")
	}
	return v.Err("ListThings")
}

// listThingsSpec returns the Spec pagegen writes for ListThings.
func listThingsSpec() *paginateimpl.Spec {
	return &paginateimpl.Spec{
		InputTokens: []string{"NextToken"},
		SetTokens: func(v any, t []paginate.Token) error {
			v.(*listThingsInput).NextToken = t[0]
			return nil
		},
		OutputTokens: func(v any, t []paginate.Token) { t[0] = v.(*listThingsOutput).NextToken },
		SetLimit:     func(v any, n int) { v.(*listThingsInput).MaxResults = new(int64(n)) },
		Len: func(v any) (int, bool) {
			items := v.(*listThingsOutput).Things
			return len(items), items != nil
		},
		Cut: func(v any, i, j int) (any, error) {
			out := *v.(*listThingsOutput)
			out.Things = out.Things[i:j]
			return &out, nil
		},
		Validate: func(v any) error { return v.(*listThingsInput).Validate() },
	}
}

type listThingsPaginator struct{ pager *paginateimpl.Pager }

func newListThingsPaginator(spec *paginateimpl.Spec, client paginatetest.Client, in *listThingsInput, optFns ...func(*paginate.Options)) *listThingsPaginator {
	input := *in
	call := func(ctx context.Context, v any) (any, error) {
		out, err := client(ctx, v)
		o, _ := out.(*listThingsOutput)
		if o == nil && err == nil {
			o = &listThingsOutput{}
		}
		return o, err
	}
	return &listThingsPaginator{paginateimpl.New(spec, call, &input, optFns...)}
}

func (p *listThingsPaginator) NextPage(ctx context.Context) (*listThingsOutput, error) {
	page, err := p.pager.NextPage(ctx)
	if err != nil {
		return nil, err
	}
	return page.(*listThingsOutput), nil
}

// Items yields the things of the pages.
func (p *listThingsPaginator) Items(ctx context.Context) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for p.pager.HasMorePages() {
			page, err := p.NextPage(ctx)
			if err != nil {
				yield("", err)
				return
			}
			for _, item := range page.Things {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

func (p *listThingsPaginator) HasMorePages() bool  { return p.pager.HasMorePages() }
func (p *listThingsPaginator) ResumeToken() string { return p.pager.ResumeToken() }

// listThings describes ListThings, paged with spec, to the kit, as a
// generated test does.
func listThings(spec *paginateimpl.Spec) paginatetest.Operation {
	return paginatetest.Operation{
		New: func(c paginatetest.Client, in any, optFns ...func(*paginate.Options)) any {
			return newListThingsPaginator(spec, c, in.(*listThingsInput), optFns...)
		},
		Input:      &listThingsInput{Owner: "alice"},
		Invalid:    &listThingsInput{},
		Output:     &listThingsOutput{},
		InputToken: "NextToken",
		Limit:      "MaxResults",
		Result:     "Things",
	}
}

func TestCheckPasses(t *testing.T) {
	require.NoError(t, paginatetest.Check(listThings(listThingsSpec())))
	op := listThings(listThingsSpec())
	op.Result = ""
	require.NoError(t, paginatetest.Check(op), "errors only")
}

// TestCheckFails breaks the paginator on purpose, one way at a time, and
// checks that the kit reports each.
func TestCheckFails(t *testing.T) {
	for _, tc := range []struct {
		name    string
		breakIt func(s *paginateimpl.Spec, op *paginatetest.Operation)
		want    []string
	}{
		{
			name: "wrong input token member",
			breakIt: func(s *paginateimpl.Spec, _ *paginatetest.Operation) {
				s.SetTokens = func(v any, t []paginate.Token) error {
					v.(*listThingsInput).Other = t[0]
					return nil
				}
			},
			want: []string{"items: Items yielded", "items: request 1 asks for page 0", "MaxItems 3: Items from ResumeToken"},
		},
		{
			name: "wrong output token member",
			breakIt: func(s *paginateimpl.Spec, _ *paginatetest.Operation) {
				s.OutputTokens = func(v any, t []paginate.Token) { t[0] = paginate.Token{} }
			},
			want: []string{"items: 1 requests for 4 pages", "repeated token:"},
		},
		{
			name: "off-by-one cut",
			breakIt: func(s *paginateimpl.Spec, _ *paginatetest.Operation) {
				s.Cut = func(v any, i, j int) (any, error) {
					out := *v.(*listThingsOutput)
					out.Things = out.Things[i:max(i, j-1)]
					return &out, nil
				}
			},
			want: []string{"MaxItems 3: Items yielded"},
		},
		{
			name:    "dropped limit",
			breakIt: func(s *paginateimpl.Spec, _ *paginatetest.Operation) { s.SetLimit = func(any, int) {} },
			want:    []string{"PageSize: request 0 has limit 0 (set: false), want 2"},
		},
		{
			name:    "no validation",
			breakIt: func(s *paginateimpl.Spec, _ *paginatetest.Operation) { s.Validate = nil },
			want:    []string{"Validate: an invalid input gave <nil>", "Validate: the client was called"},
		},
		{
			name: "items yielded twice",
			breakIt: func(_ *paginateimpl.Spec, op *paginatetest.Operation) {
				newP := op.New
				op.New = func(c paginatetest.Client, in any, optFns ...func(*paginate.Options)) any {
					return twice{newP(c, in, optFns...).(*listThingsPaginator)}
				}
			},
			want: []string{"items: Items yielded"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			spec := listThingsSpec()
			op := listThings(spec)
			tc.breakIt(spec, &op)
			err := paginatetest.Check(op)
			require.Error(t, err)
			t.Log(err)
			for _, w := range tc.want {
				require.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	type inner struct {
		At    time.Time
		Next  *inner
		Items []string
		Loop  []inner
		ByKey map[string]inner
	}
	type outer struct {
		Name  string            `json:"name"`
		Inner *inner            `json:"inner"`
		Tags  map[string]string `json:"tags"`
		Raw   json.RawMessage
		Token paginate.Token
	}
	require.NoError(t, paginatetest.CheckJSON(&outer{}))

	// A codec that loses the value: the example does not come back.
	require.ErrorContains(t, paginatetest.CheckJSON(&lossy{}), "decodes to")
	require.ErrorContains(t, paginatetest.CheckJSON(lossy{}), "not a pointer")
}

func TestCheckMembers(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(op *paginatetest.Operation)
		want string
	}{
		{"no output", func(op *paginatetest.Operation) { op.Output = nil }, "Output is <nil>"},
		{"not a paginator", func(op *paginatetest.Operation) {
			op.New = func(paginatetest.Client, any, ...func(*paginate.Options)) any { return op }
		}, "has no method HasMorePages"},
		{"unknown token", func(op *paginatetest.Operation) { op.InputToken = "Token" }, "no member Token"},
		{"limit not a number", func(op *paginatetest.Operation) { op.Limit = "Owner" }, "no member Owner"},
		{"result not a list", func(op *paginatetest.Operation) { op.Result = "NextToken" }, "no member NextToken"},
	} {
		op := listThings(listThingsSpec())
		tc.edit(&op)
		require.ErrorContains(t, paginatetest.Check(op), tc.want, tc.name)
	}
}

// lossy is a structure whose JSON codec loses its member's value.
type lossy struct{ V lossyString }

type lossyString string

func (lossyString) MarshalJSON() ([]byte, error) { return []byte(`"lost"`), nil }

// twice is a ListThings paginator whose Items yields every item twice.
type twice struct{ *listThingsPaginator }

func (p twice) Items(ctx context.Context) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		for item, err := range p.listThingsPaginator.Items(ctx) {
			if !yield(item, err) || err != nil || !yield(item, nil) {
				return
			}
		}
	}
}
