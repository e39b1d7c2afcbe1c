package paginate

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		name   string
		tok    Token
		zero   bool
		str    bool
		text   string
		json   string
		value  any
		intVal int64
		intErr bool
	}{
		{name: "zero", tok: Token{}, zero: true, json: "null", value: nil},
		{name: "empty string", tok: StringToken(""), zero: true, json: "null", value: nil},
		{name: "string", tok: StringToken("tök<&>"), str: true, text: "tök<&>", json: `"tök\u003c\u0026\u003e"`, value: "tök<&>", intErr: true},
		{name: "digits", tok: StringToken("42"), str: true, text: "42", json: `"42"`, value: "42", intVal: 42},
		{name: "int", tok: IntToken(-7), text: "-7", json: "-7", value: json.Number("-7"), intVal: -7},
		{name: "int zero", tok: IntToken(0), zero: true, json: "null"},
		{name: "object", tok: mustToken(Object{{"zz", "a"}, {"aa", []any{true, nil}}}), text: `{"zz":"a","aa":[true,null]}`,
			json: `{"zz":"a","aa":[true,null]}`, value: Object{{"zz", "a"}, {"aa", []any{true, nil}}}, intErr: true},
		{name: "bytes", tok: mustToken(Object{{"B", []byte{0, 0xff}}}), text: `{"B":"AP8="}`, json: `{"B":"AP8="}`,
			value: Object{{"B", []byte{0, 0xff}}}, intErr: true},
		{name: "map in sorted order", tok: mustToken(map[string]any{"b": 1, "a": int64(2)}), text: `{"a":2,"b":1}`, json: `{"a":2,"b":1}`,
			value: Object{{"a", json.Number("2")}, {"b", json.Number("1")}}, intErr: true},
		{name: "falsy object", tok: mustToken(Object{}), zero: true, json: "null"},
		{name: "falsy list", tok: mustToken([]any{}), zero: true, json: "null"},
		{name: "false", tok: mustToken(false), zero: true, json: "null"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.zero, tc.tok.IsZero())
			assert.Equal(t, tc.str, tc.tok.IsString())
			assert.Equal(t, tc.text, tc.tok.String())
			b, err := json.Marshal(tc.tok)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(b))
			assert.Equal(t, tc.value, tc.tok.Value())
			var back Token
			require.NoError(t, json.Unmarshal(b, &back))
			if tc.tok.bytes == "" {
				assert.Equal(t, tc.tok, back, "a JSON round trip keeps the token")
			} else {
				assert.Equal(t, tc.tok.text, back.text, "bytes come back as their base64 strings")
			}
			n, err := tc.tok.Int64()
			if tc.intErr {
				assert.Error(t, err)
			} else {
				require.NoError(t, err)
				assert.Equal(t, tc.intVal, n)
			}
		})
	}
}

func TestTokenUnmarshalKeepsOrder(t *testing.T) {
	var tok Token
	require.NoError(t, json.Unmarshal([]byte(`{"zz": {"S": "h1"}, "aa": {"S": "r1"}, "zz": {"S": "h2"}}`), &tok))
	assert.Equal(t, `{"zz":{"S":"h2"},"aa":{"S":"r1"}}`, tok.String(), "a later duplicate key replaces the value in place")
	assert.Equal(t, `eyJFeGNsdXNpdmVTdGFydEtleSI6IHsienoiOiB7IlMiOiAiaDIifSwgImFhIjogeyJTIjogInIxIn19fQ==`,
		Position{Keys: []string{"ExclusiveStartKey"}, Values: []Token{tok}}.Encode())

	for _, bad := range []string{`{`, `{"a":1} x`, `[1,]`, `nul`} {
		assert.Error(t, json.Unmarshal([]byte(bad), &tok), bad)
	}
}

func TestTokenOfRejects(t *testing.T) {
	for _, v := range []any{struct{}{}, json.Number("1 2"), json.Number(`"x"`), []any{1, make(chan int)}} {
		_, err := TokenOf(v)
		assert.Error(t, err, "%#v", v)
	}
}

func FuzzTokenJSON(f *testing.F) {
	for _, s := range []string{`"tok"`, `7`, `{"a":[1,{"b":null}],"c":"d"}`, `null`, `[]`, `{"x":1e400}`, `"\u00e9\ud83d"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var tok Token
		if err := json.Unmarshal([]byte(s), &tok); err != nil {
			return
		}
		b, err := json.Marshal(tok)
		require.NoError(t, err)
		var again Token
		require.NoError(t, json.Unmarshal(b, &again))
		assert.Equal(t, tok, again, "a token's JSON reads back as the same token")
		_ = Position{Keys: []string{"K"}, Values: []Token{tok}, HasTruncate: true}.Encode()
		_ = tok.Value()
	})
}
