package paginateimpl

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONTime(t *testing.T) {
	decode := []struct {
		in   string
		want time.Time
	}{
		{`1420070400`, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{`1420070400.123`, time.Date(2015, 1, 1, 0, 0, 0, 123e6, time.UTC)},
		{`1420070400.123456789123`, time.Date(2015, 1, 1, 0, 0, 0, 123456789, time.UTC)},
		{`1.420070400123E9`, time.Date(2015, 1, 1, 0, 0, 0, 123e6, time.UTC)},
		{`-1.5`, time.Unix(-2, 5e8).UTC()},
		{`"2015-01-01T00:00:00Z"`, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{`"2015-01-01T01:00:00.5+01:00"`, time.Date(2015, 1, 1, 0, 0, 0, 5e8, time.UTC)},
		{`"2015-01-01T00:00:00.000+0000"`, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
		{`"Thu, 01 Jan 2015 00:00:00 GMT"`, time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tc := range decode {
		var got JSONTime
		require.NoError(t, json.Unmarshal([]byte(tc.in), &got), tc.in)
		assert.Equal(t, tc.want, time.Time(got), tc.in)
	}
	for _, bad := range []string{`"yesterday"`, `true`, `{}`, `1e400`, `"1420070400"`} {
		var got JSONTime
		assert.Error(t, json.Unmarshal([]byte(bad), &got), bad)
	}
	var kept JSONTime = JSONTime(time.Unix(5, 0))
	require.NoError(t, json.Unmarshal([]byte(`null`), &kept))
	assert.Equal(t, time.Unix(5, 0), time.Time(kept), "null leaves the time as it was")

	encode := map[string]time.Time{
		`1420070400`:     time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC),
		`1420070400.12`:  time.Date(2015, 1, 1, 0, 0, 0, 120999999, time.UTC),
		`1420070400.001`: time.Date(2015, 1, 1, 0, 0, 0, 1e6, time.UTC),
		`-1.5`:           time.Unix(-2, 5e8),
		`-0.25`:          time.Unix(-1, 75e7),
		`0`:              time.Unix(0, 0),
	}
	for want, tm := range encode {
		b, err := json.Marshal(JSONTime(tm))
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
		var back JSONTime
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, tm.Truncate(time.Millisecond).UTC(), time.Time(back), "milliseconds survive a round trip")
	}
	assert.True(t, JSONTime{}.IsZero())
	assert.Equal(t, []time.Time{tmOf(1)}, Times(JSONTimes([]time.Time{tmOf(1)})))
	assert.Nil(t, Times(JSONTimes(nil)))
	assert.Equal(t, map[string]time.Time{"a": tmOf(2)}, TimeMap(JSONTimeMap(map[string]time.Time{"a": tmOf(2)})))
}

func tmOf(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

func FuzzJSONTime(f *testing.F) {
	for _, s := range []string{`1420070400.5`, `"2015-01-01T00:00:00Z"`, `-3`, `1e9`, `"x"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tm JSONTime
		if json.Unmarshal([]byte(s), &tm) != nil {
			return
		}
		b, err := json.Marshal(tm)
		require.NoError(t, err)
		var back JSONTime
		require.NoError(t, json.Unmarshal(b, &back), "%s", b)
		assert.True(t, time.Time(tm).Truncate(time.Millisecond).Equal(time.Time(back)) ||
			time.Time(tm).UnixMilli() == time.Time(back).UnixMilli(), "%s -> %s", s, b)
	})
}
