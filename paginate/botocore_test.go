package paginate

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
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
	Parse           []recParse      `json:"parse"`
	Encode          []recEncodeCase `json:"encode"`
	EncodeJSON      []recEncodeJSON `json:"encode_json"`
}

type recError struct {
	Type    string `json:"type"`
	Message string `json:"message"`
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
