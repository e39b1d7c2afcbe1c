package paginateimpl

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/paginate"
)

// logOut is a page whose primary result is a string, as RDS's
// DownloadDBLogFilePortion pages LogFileData, with a secondary list.
type logOut struct {
	Data  string
	Notes []string
	Count int64
	Next  string
}

func logSpec() *Spec {
	return &Spec{
		InputTokens:  []string{"Marker"},
		SetTokens:    setFirstToken,
		OutputTokens: func(out any, t []paginate.Token) { t[0] = paginate.StringToken(out.(*logOut).Next) },
		Len:          func(out any) (int, bool) { return PyLen(out.(*logOut).Data), false },
		Cut: func(out any, i, j int) (any, error) {
			o := *out.(*logOut)
			o.Data = SliceString(o.Data, i, j)
			return &o, nil
		},
		Single:         true,
		ClearSecondary: func(out any) { out.(*logOut).Notes = []string{} },
	}
}

// logItems is a logOut's one item, its Data when it is not empty.
func logItems(out *logOut) []string {
	if len(out.Data) > 0 {
		return []string{out.Data}
	}
	return nil
}

func logPages(pages ...string) func(context.Context, *fakeIn) (*logOut, error) {
	return func(_ context.Context, in *fakeIn) (*logOut, error) {
		i := 0
		if in.Tok[0] != "" {
			i = int(in.Tok[0][1] - '0')
		}
		out := &logOut{Data: pages[i], Notes: []string{"note"}, Count: 7}
		if i < len(pages)-1 {
			out.Next = "m" + string(rune('0'+i+1))
		}
		return out, nil
	}
}

func TestStringResultCountsCodePoints(t *testing.T) {
	// boto3 counts a string result's characters against MaxItems and cuts
	// the string where MaxItems falls.
	p := newTyped(logSpec(), logItems, logPages("héllo", "wörld"), nil, func(o *paginate.Options) { o.MaxItems = 7 })
	var got []string
	for page, err := range p.Pages(context.Background()) {
		require.NoError(t, err)
		got = append(got, page.Data)
	}
	assert.Equal(t, []string{"héllo", "wö"}, got)
	token := p.ResumeToken()
	require.NotEmpty(t, token)

	// Resuming cuts the first page after what was returned, and empties
	// the secondary list (botocore leaves a number as it is).
	rest := newTyped(logSpec(), logItems, logPages("héllo", "wörld"), nil, func(o *paginate.Options) { o.StartingToken = token })
	page, err := rest.NextPage(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "rld", page.Data)
	assert.Equal(t, []string{}, page.Notes)
	assert.Equal(t, int64(7), page.Count)
	assert.False(t, rest.HasMorePages())
}

// usageOut is a page whose primary result is a map, as API Gateway's
// GetUsage pages items.
type usageOut struct {
	Items map[string]int
	Next  string
}

func usageSpec() *Spec {
	return &Spec{
		InputTokens:  []string{"position"},
		SetTokens:    setFirstToken,
		OutputTokens: func(out any, t []paginate.Token) { t[0] = paginate.StringToken(out.(*usageOut).Next) },
		Len:          func(out any) (int, bool) { return PyLen(out.(*usageOut).Items), false },
		Cut: func(out any, i, j int) (any, error) {
			if j >= 0 {
				return nil, paginate.ErrNotSliceable
			}
			o := *out.(*usageOut)
			o.Items = nil
			return &o, nil
		},
		Single: true,
	}
}

// usageItems is a usageOut's one item, its Items when it is not empty.
func usageItems(out *usageOut) []map[string]int {
	if len(out.Items) > 0 {
		return []map[string]int{out.Items}
	}
	return nil
}

func TestMapResult(t *testing.T) {
	call := func(_ context.Context, in *fakeIn) (*usageOut, error) {
		if in.Tok[0] == "" {
			return &usageOut{Items: map[string]int{"a": 1, "b": 2}, Next: "p2"}, nil
		}
		return &usageOut{Items: map[string]int{"c": 3}}, nil
	}
	// Items yields each page's map, and MaxItems counts keys.
	p := newTyped(usageSpec(), usageItems, call, nil)
	var got []map[string]int
	for m, err := range p.Items(context.Background()) {
		require.NoError(t, err)
		got = append(got, m)
	}
	assert.Equal(t, []map[string]int{{"a": 1, "b": 2}, {"c": 3}}, got)

	// On a page boundary MaxItems stops cleanly.
	p = newTyped(usageSpec(), usageItems, call, nil, func(o *paginate.Options) { o.MaxItems = 2 })
	_, err := p.NextPage(context.Background())
	require.NoError(t, err)
	assert.False(t, p.HasMorePages())
	assert.NotEmpty(t, p.ResumeToken())

	// Inside a page it cannot cut a map, and botocore fails too.
	p = newTyped(usageSpec(), usageItems, call, nil, func(o *paginate.Options) { o.MaxItems = 1 })
	_, err = p.NextPage(context.Background())
	require.ErrorIs(t, err, paginate.ErrNotSliceable)
}

func TestPyLen(t *testing.T) {
	type s struct {
		A *string
		B []int
		C string
	}
	x := "x"
	for _, tc := range []struct {
		v    any
		want int
	}{
		{"héllo", 5},
		{map[string]int{"a": 1}, 1},
		{s{A: &x, C: "c"}, 2},
		{&s{B: []int{1}}, 1},
		{(*s)(nil), 0},
		{42, 0},
	} {
		assert.Equal(t, tc.want, PyLen(tc.v), "%#v", tc.v)
	}
}

func TestSliceString(t *testing.T) {
	for _, tc := range []struct {
		s    string
		i, j int
		want string
	}{
		{"héllo", 1, -1, "éllo"},
		{"héllo", 0, 2, "hé"},
		{"héllo", 9, -1, ""},
		{"héllo", -2, -1, "lo"},
		{"héllo", 3, 1, ""},
	} {
		assert.Equal(t, tc.want, SliceString(tc.s, tc.i, tc.j), "%q[%d:%d]", tc.s, tc.i, tc.j)
	}
}

// setFirstToken sets the first token of a fakeIn.
func setFirstToken(in any, t []paginate.Token) error {
	in.(*fakeIn).Tok[0] = t[0].String()
	return nil
}
