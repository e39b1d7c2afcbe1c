package paginate

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected tokens below were computed with botocore's
// TokenEncoder().encode on the dictionary shown in each case.
func TestPositionEncode(t *testing.T) {
	tests := []struct {
		name     string
		keys     []string
		values   []string
		truncate int
		hasTrunc bool
		want     string
	}{
		{"plain", []string{"NextToken"}, []string{"tok1"}, 0, false,
			"eyJOZXh0VG9rZW4iOiAidG9rMSJ9"}, // {"NextToken": "tok1"}
		{"truncate", []string{"NextToken"}, []string{"tok1"}, 2, true,
			"eyJOZXh0VG9rZW4iOiAidG9rMSIsICJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDJ9"},
		{"null", []string{"NextToken"}, []string{""}, 1, true,
			"eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="},
		{"html is not escaped", []string{"NextToken"}, []string{`<a href="x">&amp;</a>`}, 3, true,
			"eyJOZXh0VG9rZW4iOiAiPGEgaHJlZj1cInhcIj4mYW1wOzwvYT4iLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAzfQ=="},
		{"non-ASCII", []string{"NextToken"}, []string{"caf\u00e9 \u4e16\u754c \U0001F600"}, 0, false,
			"eyJOZXh0VG9rZW4iOiAiY2FmXHUwMGU5IFx1NGUxNlx1NzU0YyBcdWQ4M2RcdWRlMDAifQ=="},
		{"two tokens in order", []string{"Marker", "KeyMarker"}, []string{"m1", ""}, 0, false,
			"eyJNYXJrZXIiOiAibTEiLCAiS2V5TWFya2VyIjogbnVsbH0="},
		{"empty", nil, nil, 0, false, "e30="},
		{"only truncate", nil, nil, 5, true, "eyJib3RvX3RydW5jYXRlX2Ftb3VudCI6IDV9"},
		{"control and DEL", []string{"NextToken"}, []string{"tab\there\x7f"}, -1, true,
			"eyJOZXh0VG9rZW4iOiAidGFiXHRoZXJlXHUwMDdmIiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogLTF9"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pos := Position{Keys: tc.keys, Values: stringTokens(tc.values...), Truncate: tc.truncate, HasTruncate: tc.hasTrunc}
			got := pos.Encode()
			assert.Equal(t, tc.want, got)

			dec, err := DecodePosition(got)
			require.NoError(t, err)
			assert.Equal(t, len(tc.keys), len(dec.Keys))
			for i := range tc.keys {
				assert.Equal(t, tc.keys[i], dec.Keys[i])
				assert.Equal(t, tc.values[i], dec.Values[i].String())
			}
			assert.Equal(t, tc.hasTrunc, dec.HasTruncate)
			assert.Equal(t, tc.truncate, dec.Truncate)
		})
	}
}

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestDecodePosition(t *testing.T) {
	valid := b64(`{"NextToken": "tok1", "boto_truncate_amount": 1}`)
	tests := []struct {
		name  string
		token string
		want  Position
		err   bool
	}{
		{"canonical", valid, Position{Keys: []string{"NextToken"}, Values: stringTokens("tok1"), Truncate: 1, HasTruncate: true}, false},
		{"junk between quanta is skipped", strings.Join([]string{valid[:4], valid[4:8], valid[8:]}, "\n!"), Position{Keys: []string{"NextToken"}, Values: stringTokens("tok1"), Truncate: 1, HasTruncate: true}, false},
		{"data after padding is ignored", "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==Zm9v", Position{Keys: []string{"NextToken"}, Values: stringTokens(""), Truncate: 1, HasTruncate: true}, false},
		{"missing padding", strings.TrimRight(b64(`{"a": "b"}`+" "), "="), Position{}, true},
		{"duplicate keys", b64(`{"A": "1", "B": null, "A": "2"}`), Position{Keys: []string{"A", "B"}, Values: stringTokens("2", "")}, false},
		{"escapes", b64(`{"A": "\u00e9\ud83d\ude00\n\/"}`), Position{Keys: []string{"A"}, Values: stringTokens("\u00e9\U0001F600\n/")}, false},
		{"whitespace", b64(" \t{ \"A\" :\"x\" }\r\n"), Position{Keys: []string{"A"}, Values: stringTokens("x")}, false},
		{"bool truncate", b64(`{"A": "x", "boto_truncate_amount": true}`), Position{Keys: []string{"A"}, Values: stringTokens("x"), Truncate: 1, HasTruncate: true}, false},
		{"empty encoded keys", b64(`{"A": "x", "boto_encoded_keys": []}`), Position{Keys: []string{"A"}, Values: stringTokens("x")}, false},
		{"list", b64(`["tok1"]`), Position{}, true},
		{"string", b64(`"tok1"`), Position{}, true},
		{"number value", b64(`{"A": 5}`), Position{Keys: []string{"A"}, Values: []Token{IntToken(5)}}, false},
		{"dict value", b64(`{"A": {"z": 1, "a": [true, null]}}`), Position{Keys: []string{"A"}, Values: []Token{mustToken(Object{{"z", json.Number("1")}, {"a", []any{true, nil}}})}}, false},
		{"bytes value", b64(`{"A": {"B": "AP8="}, "boto_encoded_keys": [["A", "B"]]}`), Position{Keys: []string{"A"}, Values: []Token{mustToken(Object{{"B", []byte{0, 0xff}}})}}, false},
		{"float truncate", b64(`{"A": "x", "boto_truncate_amount": 1.5}`), Position{}, true},
		{"trailing comma", b64(`{"A": "x",}`), Position{}, true},
		{"BOM", b64("\ufeff{}"), Position{}, true},
		{"raw service token", "tok1", Position{}, true},
		{"deprecated token", "tok1___2", Position{}, true},
		{"invalid UTF-8", b64("{\"A\": \"\xff\"}"), Position{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := DecodePosition(tc.token)
			if tc.err {
				assert.ErrorIs(t, err, ErrBadStartingToken)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// Expected values checked against CPython 3.11's int().
func TestPyInt(t *testing.T) {
	ok := map[string]int{
		"1": 1, " 2 ": 2, "+3": 3, "-4": -4, "1_0": 10, "007": 7, "0_0": 0,
		"\u0661": 1, "\u00a01": 1, "1\u3000": 1, "\uff11\uff12": 12, "\U0001D7CE5": 5,
		"\x0b1": 1, "\u0085 1": 1, "\u0661_\u0662": 12,
		"99999999999999999999999": math.MaxInt, "-99999999999999999999999": math.MinInt,
	}
	for s, want := range ok {
		got, valid := pyInt(s)
		assert.True(t, valid, "%q", s)
		assert.Equal(t, want, got, "%q", s)
	}
	for _, s := range []string{"", " ", "x", "1.0", "_1", "1_", "1__0", "+_1", "- 1", "\x1c1", "1\x1c", "\u00b2", "1\x00", "0x10", strings.Repeat("1", 4301)} {
		_, valid := pyInt(s)
		assert.False(t, valid, "%q", s)
	}
}

// Expected values checked against CPython's repr().
func TestPyRepr(t *testing.T) {
	tests := map[string]string{
		"tok1":       `'tok1'`,
		"it's":       `"it's"`,
		`it's "x"`:   `'it\'s "x"'`,
		"a\\b\n\t\r": `'a\\b\n\t\r'`,
		"\x00\x7f":   `'\x00\x7f'`,
		"caf\u00e9":  "'caf\u00e9'",
		"\u00a0":     `'\xa0'`,
		"\u200b":     `'\u200b'`,
		"\U000e0001": `'\U000e0001'`,
	}
	for in, want := range tests {
		assert.Equal(t, want, pyRepr(in), "%q", in)
	}
	assert.Equal(t, "{'NextToken': None, 'boto_truncate_amount': 1}",
		pyDictRepr([]string{"NextToken"}, []any{nil}, truncateKey, 1, true))
	assert.Equal(t, `{'ExclusiveStartKey': {'pk': {'B': b"\x00\xff'x"}, 'n': [1, 2.5, True, None]}}`,
		pyDictRepr([]string{"ExclusiveStartKey"}, []any{Object{{"pk", Object{{"B", []byte("\x00\xff'x")}}}, {"n", []any{json.Number("1"), json.Number("2.5"), true, nil}}}}, "", 0, false))
}

// utf8Runes rewrites invalid UTF-8 the way the encoder does: one U+FFFD per
// invalid byte.
func utf8Runes(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
	}
	return b.String()
}

// stringTokens returns a string token for each value.
func stringTokens(values ...string) []Token {
	toks := make([]Token, len(values))
	for i, v := range values {
		toks[i] = StringToken(v)
	}
	return toks
}

// mustToken is the token that holds v.
func mustToken(v any) Token {
	t, err := TokenOf(v)
	if err != nil {
		panic(err)
	}
	return t
}

func FuzzDecodePosition(f *testing.F) {
	f.Add("eyJOZXh0VG9rZW4iOiAidG9rMSJ9", "NextToken", "tok1", 2)
	f.Add("tok1___1", "Marker", "caf\u00e9 <&>", -3)
	f.Add(b64(`{"A": [1, {"b": null}], "boto_truncate_amount": 1e5}`), "", "\U0001F600", 0)
	f.Add("e30=\n!", "k", "\x00\xff", math.MaxInt)
	f.Fuzz(func(t *testing.T, token, key, value string, n int) {
		// Arbitrary input never panics.
		if pos, err := DecodePosition(token); err == nil {
			again, err := DecodePosition(pos.Encode())
			require.NoError(t, err)
			assert.Equal(t, pos, again)
		}
		for _, inputs := range [][]string{{"NextToken"}, {"Marker", "KeyMarker"}} {
			st, err := parseStartingToken(token, inputs)
			if err == nil {
				assert.Len(t, st.raw, len(st.keys))
				assert.Len(t, st.toks, len(st.keys))
			}
		}

		// An encoded token decodes back to its keys and values.
		if key == truncateKey || key == encodedKeysKey {
			return
		}
		enc := Position{Keys: []string{key}, Values: stringTokens(value), Truncate: n, HasTruncate: true}.Encode()
		dec, err := DecodePosition(enc)
		require.NoError(t, err)
		assert.Equal(t, Position{Keys: []string{utf8Runes(key)}, Values: stringTokens(utf8Runes(value)), Truncate: n, HasTruncate: true}, dec)
		require.True(t, utf8.ValidString(dec.Values[0].String()))
	})
}
