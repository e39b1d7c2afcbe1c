package parser

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/diag"
)

func TestReadPaginators(t *testing.T) {
	cfg, err := ReadPaginators("p.json", []byte(`{"pagination": {
		"ListObjectVersions": {"input_token": ["KeyMarker", "VersionIdMarker"], "output_token": ["NextKeyMarker", "NextVersionIdMarker"],
			"limit_key": "MaxKeys", "more_results": "IsTruncated", "result_key": ["Versions", "DeleteMarkers"], "non_aggregate_keys": ["Name"]},
		"DescribeSessions": {"input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults", "result_key": "Sessions"}
	}}`))
	require.NoError(t, err)
	assert.Equal(t, PaginatorConfig{
		InputToken: []string{"KeyMarker", "VersionIdMarker"}, OutputToken: []string{"NextKeyMarker", "NextVersionIdMarker"},
		LimitKey: "MaxKeys", MoreResults: "IsTruncated", ResultKey: []string{"Versions", "DeleteMarkers"}, NonAggregateKeys: []string{"Name"},
	}, cfg["ListObjectVersions"])
	assert.Equal(t, PaginatorConfig{InputToken: []string{"NextToken"}, OutputToken: []string{"NextToken"}, LimitKey: "MaxResults",
		ResultKey: []string{"Sessions"}}, cfg["DescribeSessions"])
}

func TestReadPaginatorsErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"pagination": {`, "p.json:1:17: unexpected end of JSON input"},
		{"{\n  \"pagination\": 3}", "p.json:2:18: pagination is a number, want an object"},
		{`{"pagination": {"X": {"input_token": 3}}}`, "p.json:1:17: paginator X: want a string or a list of strings"},
		{`{"pagination": {"X": {"input_token": ["a", "b"], "output_token": "c"}}}`, "p.json:1:17: paginator X: input_token and output_token must name as many members"},
	} {
		_, err := ReadPaginators("p.json", []byte(tc.src))
		require.Error(t, err, tc.src)
		assert.Equal(t, tc.want, err.Error())
	}
}

// FuzzReadPaginators reads arbitrary paginators.json files: no panic, and
// an error is always a positioned diag.List.
func FuzzReadPaginators(f *testing.F) {
	f.Add([]byte(`{"pagination": {"DescribeSessions": {"input_token": "NextToken", "output_token": "NextToken", "limit_key": "MaxResults", "result_key": "Sessions"}}}`))
	f.Add([]byte(`{"pagination": {"X": {"input_token": ["a", "b"], "output_token": ["c", "d"], "result_key": ["e"]}}}`))
	f.Add([]byte(`{"pagination": `))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := ReadPaginators("p.json", src)
		if err == nil {
			return
		}
		var list diag.List
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("error is not an diag.List: %v", err)
		}
		for _, e := range list {
			if e.Pos.Line < 1 || e.Pos.Col < 1 {
				t.Fatalf("bad position: %v", e)
			}
		}
	})
}
