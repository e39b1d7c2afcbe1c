package paginateimpl

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/paginate"
)

func TestInvalid(t *testing.T) {
	for _, tc := range []struct {
		name    string
		report  func(v *Invalid)
		missing []string
		unions  []paginate.UnionSet
		msg     string
	}{
		{name: "nothing wrong", report: func(*Invalid) {}},
		{
			name: "missing members, sorted",
			report: func(v *Invalid) {
				v.Missing(Index(Member("", "Filters"), 0), "Value")
				v.Missing("", "State")
			},
			missing: []string{"Filters[0].Value", "State"},
			msg:     "Op: missing required members: Filters[0].Value, State",
		},
		{
			name:   "union with no member set",
			report: func(v *Invalid) { v.Union("Filter", nil) },
			unions: []paginate.UnionSet{{Path: "Filter"}},
			msg:    "Op: Filter: exactly one member must be set, got none",
		},
		{
			name: "unions sorted by path, after missing members",
			report: func(v *Invalid) {
				v.Union(Key("Rules", "b"), []string{"Equals", `Unknown["later"]`})
				v.Missing("", "State")
				v.Union(Index("Filters", 1), []string{"A", "B"})
			},
			missing: []string{"State"},
			unions:  []paginate.UnionSet{{Path: "Filters[1]", Set: []string{"A", "B"}}, {Path: `Rules["b"]`, Set: []string{"Equals", `Unknown["later"]`}}},
			msg: `Op: missing required members: State; Filters[1]: exactly one member must be set, got 2 (A, B); ` +
				`Rules["b"]: exactly one member must be set, got 2 (Equals, Unknown["later"])`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var v Invalid
			tc.report(&v)
			err := v.Err("Op")
			if tc.msg == "" {
				require.NoError(t, err)
				return
			}
			var invalid *paginate.InvalidParamsError
			require.True(t, errors.As(err, &invalid))
			require.Equal(t, "Op", invalid.Op)
			require.Equal(t, tc.missing, invalid.Missing)
			require.Equal(t, tc.unions, invalid.Unions)
			require.EqualError(t, err, tc.msg)
		})
	}
}
