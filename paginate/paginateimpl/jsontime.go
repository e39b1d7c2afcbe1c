package paginateimpl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// JSONTime is a time.Time in the form the AWS JSON protocols give
// timestamps, for the JSON codecs of generated types. It encodes as epoch
// seconds, a JSON number with millisecond precision, which is the AWS JSON
// protocols' default form; it decodes epoch seconds (a number, in decimal
// or exponent notation) and the date-time strings some members use
// instead: ISO 8601 (RFC 3339, with or without fractional seconds) and
// the HTTP date. Decoded times are in UTC.
type JSONTime time.Time

// IsZero reports whether t is the zero time, so that a field tagged
// omitzero leaves it out.
func (t JSONTime) IsZero() bool {
	return time.Time(t).IsZero()
}

// MarshalJSON writes t as epoch seconds with millisecond precision: the
// decimal value of its Unix milliseconds divided by 1000, without trailing
// zeros.
func (t JSONTime) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	var b []byte
	if ms < 0 {
		b = append(b, '-')
		ms = -ms
	}
	b = strconv.AppendInt(b, ms/1000, 10)
	if frac := ms % 1000; frac != 0 {
		b = append(b, '.', byte('0'+frac/100), byte('0'+frac/10%10), byte('0'+frac%10))
		b = bytes.TrimRight(b, "0")
	}
	return b, nil
}

// UnmarshalJSON reads epoch seconds or a date-time string; null leaves t
// as it is.
func (t *JSONTime) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		tm, err := parseDateTime(s)
		if err != nil {
			return err
		}
		*t = JSONTime(tm)
		return nil
	}
	tm, err := parseEpochSeconds(string(b))
	if err != nil {
		return err
	}
	*t = JSONTime(tm)
	return nil
}

// parseDateTime parses the date-time strings of the AWS protocols.
func parseDateTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999Z0700", http.TimeFormat, time.RFC1123Z} {
		if tm, err := time.Parse(layout, s); err == nil {
			return tm.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("paginate: timestamp %q is not epoch seconds, ISO 8601 or an HTTP date", s)
}

// parseEpochSeconds parses a JSON number of seconds since 1970, in
// decimal or exponent notation, exactly to the nanosecond (a finer
// fraction is cut).
func parseEpochSeconds(s string) (time.Time, error) {
	bad := fmt.Errorf("paginate: timestamp %s is not epoch seconds, ISO 8601 or an HTTP date", s)
	if !json.Valid([]byte(s)) || len(s) > 64 {
		return time.Time{}, bad
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		// A large exponent would make a huge number before the bound
		// below could reject it.
		if exp, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+")); err != nil || exp > 30 || exp < -30 {
			return time.Time{}, bad
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || r.Cmp(maxEpoch) > 0 || r.Cmp(new(big.Rat).Neg(maxEpoch)) < 0 {
		return time.Time{}, bad
	}
	ns := new(big.Int).Quo(new(big.Int).Mul(r.Num(), big.NewInt(1e9)), r.Denom()) // toward zero
	sec, frac := new(big.Int).QuoRem(ns, big.NewInt(1e9), new(big.Int))
	return time.Unix(sec.Int64(), frac.Int64()).UTC(), nil
}

// maxEpoch bounds the epoch seconds parseEpochSeconds takes.
var maxEpoch = big.NewRat(1e15, 1)

// JSONTimes returns ts as JSONTimes, for a generated JSON codec.
func JSONTimes(ts []time.Time) []JSONTime {
	if ts == nil {
		return nil
	}
	out := make([]JSONTime, len(ts))
	for i, t := range ts {
		out[i] = JSONTime(t)
	}
	return out
}

// Times returns ts as time.Times, for a generated JSON codec.
func Times(ts []JSONTime) []time.Time {
	if ts == nil {
		return nil
	}
	out := make([]time.Time, len(ts))
	for i, t := range ts {
		out[i] = time.Time(t)
	}
	return out
}

// JSONTimeMap returns m with JSONTime values, for a generated JSON codec.
func JSONTimeMap[K comparable](m map[K]time.Time) map[K]JSONTime {
	if m == nil {
		return nil
	}
	out := make(map[K]JSONTime, len(m))
	for k, t := range m {
		out[k] = JSONTime(t)
	}
	return out
}

// TimeMap returns m with time.Time values, for a generated JSON codec.
func TimeMap[K comparable](m map[K]JSONTime) map[K]time.Time {
	if m == nil {
		return nil
	}
	out := make(map[K]time.Time, len(m))
	for k, t := range m {
		out[k] = time.Time(t)
	}
	return out
}
