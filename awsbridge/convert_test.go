package awsbridge_test

//lint:file-ignore U1000 the test types mirror the SDK's: they embed noSerde as the SDK's structs embed noSmithyDocumentSerde, and schema members are declared for what AddMember registers

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/paginate"
)

func newBridge() *awsbridge.Bridge {
	return awsbridge.New(awsbridge.Config{Service: "test"})
}

// thingsOptions are the options of a client of ListThings.
type thingsOptions struct{}

// listThingsBridge returns a bridge that has called ListThings under the
// name op, so that it knows the operation's SDK output as well as its
// input.
func listThingsBridge(t *testing.T, op string) *awsbridge.Bridge {
	b := newBridge()
	_, err := awsbridge.Call[pgListThingsOutput](context.Background(), b, op,
		func(context.Context, *sdkListThingsInput, ...func(*thingsOptions)) (*sdkListThingsOutput, error) {
			return nil, nil
		},
		(*pgListThingsInput)(nil), nil)
	require.NoError(t, err)
	return b
}

func mustToken(t *testing.T, v any) paginate.Token {
	t.Helper()
	tok, err := paginate.TokenOf(v)
	require.NoError(t, err)
	return tok
}

var when = time.Date(2024, 8, 29, 12, 30, 45, 123_456_789, time.FixedZone("X", 3600))

// TestKinds converts a value of every kind both ways.
func TestKinds(t *testing.T) {
	pg := &pgAll{
		S: "s", E: "Active", SP: new(""), I: 7, IP: new(int64(0)), I64: new(int64(math.MaxInt64)),
		U: new(int64(65535)), NumText: new(int64(-12)), TextNum: "42", FloatText: new(1.5),
		F: 2.25, FP: new(math.MaxFloat64), B: new(false), BV: new(true), T: &when,
		Blob: []byte{0, 1, 2}, List: []string{}, Enums: []pgEnum{"a", "b"},
		Map:     map[pgEnum]string{"k": "v"},
		Nested:  &pgNested{N: new(int64(-1)), Items: []int64{1, math.MaxInt32}},
		Nesteds: []pgNested{{}, {N: new(int64(3))}}, NestMap: map[string]pgNested{"a": {Items: []int64{}}},
		Lower: "l", Snake: "sn", Tok: paginate.StringToken("next"), IntTok: paginate.IntToken(9),
		Tree: &pgTree{Name: "root", Children: []pgTree{{Name: "c", Parent: &pgTree{Name: "p"}}}},
	}
	sdk := &sdkAll{
		S: new("s"), E: "Active", SP: "", I: new(int32(7)), IP: new(int64(0)), I64: math.MaxInt64,
		U: new(uint16(65535)), NumText: new("-12"), TextNum: new(int32(42)), FloatText: new("1.5"),
		F: new(float32(2.25)), FP: new(math.MaxFloat64), B: new(false), BV: true, T: &when,
		Blob: []byte{0, 1, 2}, List: []string{}, Enums: []sdkEnum{"a", "b"},
		Map:     map[string]sdkEnum{"k": "v"},
		Nested:  &sdkNested{N: new(int32(-1)), Items: []int32{1, math.MaxInt32}},
		Nesteds: []sdkNested{{}, {N: new(int32(3))}}, NestMap: map[string]*sdkNested{"a": {Items: []int32{}}},
		LowerName: new("l"), SnakeCase: new("sn"), Tok: new("next"), IntTok: new(int32(9)),
		Tree: &sdkTree{Name: new("root"), Children: []sdkTree{{Name: new("c"), Parent: &sdkTree{Name: new("p")}}}},
	}
	b := newBridge()
	var gotSDK sdkAll
	require.NoError(t, b.ToSDK("Op", &gotSDK, pg))
	require.Equal(t, sdk, &gotSDK)
	require.True(t, gotSDK.T.Equal(when) && gotSDK.T.Location() == when.Location())

	var gotPG pgAll
	require.NoError(t, b.FromSDK("Op", &gotPG, sdk))
	require.Equal(t, pg, &gotPG)
	require.Nil(t, gotPG.Nesteds[0].N)
	require.NotNil(t, gotPG.List, "an empty list stays empty")

	require.Equal(t, []string{"NewInSDK"}, b.Unmatched(reflect.TypeFor[sdkAll](), reflect.TypeFor[pgAll]()))
}

// TestZeroAndNil checks absent values: nil stays nil, empty stays empty, a
// pointer to a zero value is a value, and the zero value of a pagegen
// member that is not a pointer is absent.
func TestZeroAndNil(t *testing.T) {
	b := newBridge()
	var sdk sdkAll
	require.NoError(t, b.ToSDK("Op", &sdk, &pgAll{}))
	require.Equal(t, sdkAll{}, sdk)

	sdk = sdkAll{S: new("stale")}
	require.NoError(t, b.ToSDK("Op", &sdk, (*pgAll)(nil)), "a nil pointer is the zero value")
	require.Equal(t, sdkAll{}, sdk)
	require.NoError(t, b.ToSDK("Op", &sdk, nil))

	require.NoError(t, b.ToSDK("Op", &sdk, &pgAll{IP: new(int64(0)), Enums: []pgEnum{}, Map: map[pgEnum]string{}}))
	require.Equal(t, sdkAll{IP: new(int64(0)), Enums: []sdkEnum{}, Map: map[string]sdkEnum{}}, sdk)

	var pg pgAll
	require.NoError(t, b.FromSDK("Op", &pg, &sdkAll{}))
	require.Equal(t, pgAll{SP: new(""), I64: new(int64(0)), BV: new(false)}, pg, "an SDK value that is not a pointer is present")
	require.NoError(t, b.FromSDK("Op", &pg, &sdkAll{S: new(""), I: new(int32(0)), NumText: new(""), SP: "x"}))
	require.Equal(t, pgAll{SP: new("x"), I64: new(int64(0)), BV: new(false)}, pg, "a pointer to a zero value is a value where the pagegen member is not a pointer")
}

// TestErrors checks the message of every error, in both directions.
func TestErrors(t *testing.T) {
	tests := []struct {
		name    string
		toSDK   bool
		dst     any
		src     any
		message string
	}{
		{"int32 overflow", true, &sdkAll{}, &pgAll{I: math.MaxInt32 + 1},
			"Op: I: 2147483648 overflows int32"},
		{"negative into unsigned", true, &sdkAll{}, &pgAll{U: new(int64(-1))},
			"Op: U: -1 overflows uint16"},
		{"uint16 overflow", true, &sdkAll{}, &pgAll{U: new(int64(65536))},
			"Op: U: 65536 overflows uint16"},
		{"overflow in a list", true, &sdkAll{}, &pgAll{Nesteds: []pgNested{{}, {Items: []int64{0, 1, 1 << 40}}}},
			"Op: Nesteds[1].Items[2]: 1099511627776 overflows int32"},
		{"overflow in a map", true, &sdkAll{}, &pgAll{NestMap: map[string]pgNested{"k\"1": {N: new(int64(math.MinInt64))}}},
			`Op: NestMap["k\"1"].N: -9223372036854775808 overflows int32`},
		{"float32 overflow", true, &sdkAll{}, &pgAll{F: 1e300},
			"Op: F: 1e+300 overflows float32"},
		{"missing member", true, &sdkAll{}, &pgAll{Nested: &pgNested{Extra: "x"}},
			"Op: Nested.Extra: the SDK's sdkNested has no member Extra"},
		{"token not a string", true, &sdkAll{}, &pgAll{Tok: mustToken(t, paginate.Object{{Key: "a", Value: true}})},
			`Op: Tok: the token {"a":true} is not a string`},
		{"token not an integer", true, &sdkAll{}, &pgAll{IntTok: paginate.StringToken("abc")},
			`Op: IntTok: the token "abc" is not an integer`},
		{"token overflow", true, &sdkAll{}, &pgAll{IntTok: paginate.IntToken(1 << 31)},
			`Op: IntTok: 2147483648 overflows int32`},
		{"bad number string", false, &pgAll{}, &sdkAll{NumText: new("12a")},
			`Op: NumText: "12a" is not an integer`},
		{"bad float string", false, &pgAll{}, &sdkAll{FloatText: new("x")},
			`Op: FloatText: "x" is not a number`},
		{"float string overflow", false, &pgAll{}, &sdkAll{FloatText: new("1e400")},
			`Op: FloatText: 1e400 overflows float64`},
		{"bad number string into the SDK", true, &sdkAll{}, &pgAll{TextNum: "4x"},
			`Op: TextNum: "4x" is not an integer`},
		{"number string overflow into the SDK", true, &sdkAll{}, &pgAll{TextNum: "99999999999"},
			`Op: TextNum: 99999999999 overflows int32`},
		{"more than one member", true, &sdkListThingsInput{}, &pgListThingsInput{Filter: &pgValue{Text: new("a"), Number: new(int64(1))}},
			"Op: Filter: more than one member is set: Text, Number"},
		{"more than one member with an unknown one", true, &sdkListThingsInput{}, &pgListThingsInput{Filters: []pgValue{{Tags: []string{}, Unknown: map[string]json.RawMessage{"B": nil, "A": nil}}}},
			`Op: Filters[0]: more than one member is set: Tags, Unknown["A"], Unknown["B"]`},
		{"no member", true, &sdkListThingsInput{}, &pgListThingsInput{Filters: []pgValue{{}}},
			"Op: Filters[0]: no member is set"},
		{"unknown member", true, &sdkListThingsInput{}, &pgListThingsInput{Filter: &pgValue{Unknown: map[string]json.RawMessage{"Other": json.RawMessage(`1`)}}},
			`Op: Filter.Unknown["Other"]: the SDK's sdkValue has no member Other, so it cannot be sent`},
		{"unknown member known to the SDK, of the wrong type", true, &sdkListThingsInput{}, &pgListThingsInput{Filter: &pgValue{Unknown: map[string]json.RawMessage{"Number": json.RawMessage(`"x"`)}}},
			`Op: Filter.Unknown["Number"]: cannot convert the string "x" to the SDK's int32`},
		{"unknown member from the SDK, not JSON", false, &pgListThingsOutput{}, &sdkListThingsOutput{Things: []sdkThing{{Value: &UnknownUnionMember{Tag: "New", Value: []byte("{")}}}},
			`Op: Things[0].Value.Unknown["New"]: the SDK's value of the member it does not know is not valid JSON`},
		{"unknown member from the SDK, no place for it", false, &pgPlainThings{}, &sdkPlainThings{Values: []sdkValue{&UnknownUnionMember{Tag: "New", Value: []byte("1")}}},
			`Op: Values[0]: the SDK holds a member New that it does not know, which awsbridge_test.pgPlainValue has no place for`},
		{"member unknown to a plain struct", false, &pgPlainThings{}, &sdkPlainThings{Values: []sdkValue{&sdkValueMemberData{}}},
			`Op: Values[0]: the SDK's member Data of sdkValue has no place in awsbridge_test.pgPlainValue`},
		{"empty member into a plain struct", false, &pgPlainThings{}, &sdkPlainThings{Values: []sdkValue{&sdkValueMemberText{}}},
			`Op: Values[0].Text: the SDK's member Text is set to an empty value, which awsbridge_test.pgPlainValue cannot tell from no member`},
		{"more than one member of a plain struct", true, &sdkPlainThings{}, &pgPlainThings{Values: []pgPlainValue{{Text: "a", Tags: []string{}}}},
			`Op: Values[0]: more than one member is set: Text, Tags`},
		{"document not JSON", true, &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage("{")},
			"Op: Doc: the document is not valid JSON"},
		{"SDK document not JSON", false, &pgListThingsOutput{}, &sdkListThingsOutput{Things: []sdkThing{{Attrs: map[string]sdkDocument{"a": &receivedDocument{func() {}}}}}},
			`Op: Things[0].Attrs["a"]: the SDK's document does not marshal: json: unsupported type: func()`},
		{"mismatched types", true, &sdkMismatch{}, &pgMismatch{X: "a"},
			"Op: X: cannot convert string to the SDK's awsbridge_test.sdkNested"},
		{"mismatched types from the SDK", false, &pgMismatch{}, &sdkMismatch{X: &sdkNested{}},
			"Op: X: cannot convert the SDK's awsbridge_test.sdkNested to string"},
		{"not a pointer", true, sdkAll{}, &pgAll{},
			"Op: the destination is a awsbridge_test.sdkAll, not a non-nil pointer to a struct"},
		{"source not a struct", true, &sdkAll{}, new(int),
			"Op: the source is a *int, not a pointer to a struct"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := listThingsBridge(t, "Op")
			var err error
			if tt.toSDK {
				err = b.ToSDK("Op", tt.dst, tt.src)
			} else {
				err = b.FromSDK("Op", tt.dst, tt.src)
			}
			require.EqualError(t, err, tt.message)
			var ce *awsbridge.ConversionError
			require.True(t, errors.As(err, &ce))
			require.Equal(t, "Op", ce.Op)
		})
	}
}

type pgMismatch struct {
	X string `json:"X,omitempty"`
}

type sdkMismatch struct {
	X *sdkNested
	noSerde
}

// TestConversionErrorPath checks the fields of a ConversionError.
func TestConversionErrorPath(t *testing.T) {
	err := newBridge().ToSDK("DescribeThings", &sdkAll{}, &pgAll{Nesteds: []pgNested{{}, {}, {Items: []int64{1 << 33}}}})
	var ce *awsbridge.ConversionError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, "DescribeThings", ce.Op)
	require.Equal(t, "Nesteds[2].Items[0]", ce.Path)
	require.EqualError(t, ce.Err, "8589934592 overflows int32")
}

// TestUnions converts every member of a union both ways, building the
// SDK's member types through sdkThing's Deserialize.
func TestUnions(t *testing.T) {
	tests := []struct {
		name string
		pg   pgValue
		sdk  sdkValue
	}{
		{"string", pgValue{Text: new("")}, &sdkValueMemberText{Value: ""}},
		{"number", pgValue{Number: new(int64(-4))}, &sdkValueMemberNumber{Value: -4}},
		{"list", pgValue{Tags: []string{}}, &sdkValueMemberTags{Value: []string{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := listThingsBridge(t, "ListThings")
			in := &pgListThingsInput{Filter: &tt.pg, Filters: []pgValue{tt.pg}}
			var sdk sdkListThingsInput
			require.NoError(t, b.ToSDK("ListThings", &sdk, in))
			require.Equal(t, tt.sdk, sdk.Filter)
			require.Equal(t, []sdkValue{tt.sdk}, sdk.Filters)

			var back pgListThingsInput
			require.NoError(t, b.FromSDK("ListThings", &back, &sdk))
			require.Equal(t, in, &back)
		})
	}
}

// TestUnionMemberFromJSON sends a pagegen union's unknown member that the
// SDK knows, from its JSON value.
func TestUnionMemberFromJSON(t *testing.T) {
	b := listThingsBridge(t, "ListThings")
	var sdk sdkListThingsInput
	require.NoError(t, b.ToSDK("ListThings", &sdk, &pgListThingsInput{Filter: &pgValue{Unknown: map[string]json.RawMessage{"Tags": json.RawMessage(`["a","b"]`)}}}))
	require.Equal(t, &sdkValueMemberTags{Value: []string{"a", "b"}}, sdk.Filter)
}

// TestUnknownMembers receives members the pagegen union does not know:
// the SDK's UnknownUnionMember, and a member the SDK knows and the pages
// do not.
func TestUnknownMembers(t *testing.T) {
	b := newBridge()
	sdk := &sdkListThingsOutput{Things: []sdkThing{
		{Value: &UnknownUnionMember{Tag: "Later", Value: []byte(`{"a":[1]}`)}},
	}}
	var pg pgListThingsOutput
	require.NoError(t, b.FromSDK("ListThings", &pg, sdk))
	require.Equal(t, map[string]json.RawMessage{"Later": json.RawMessage(`{"a":[1]}`)}, pg.Things[0].Value.Unknown)

	var narrow pgNarrowThings
	require.NoError(t, b.FromSDK("ListThings", &narrow, &sdkListThingsOutput{Things: []sdkThing{{Value: &sdkValueMemberTags{Value: []string{"x"}}}}}))
	require.Equal(t, map[string]json.RawMessage{"Tags": json.RawMessage(`["x"]`)}, narrow.Things[0].Value.Unknown)
}

// pgNarrowThings is pgListThingsOutput from pages older than the SDK:
// its union does not know the member Tags.
type pgNarrowThings struct {
	Things []struct {
		Value *struct {
			Text    *string                    `json:"Text,omitempty"`
			Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
		} `json:"Value,omitempty"`
	} `json:"Things,omitempty"`
}

// TestPlainStructAsUnion converts a pagegen struct that is not marked a
// union where the SDK has a union, as pagegen's DynamoDB AttributeValue.
func TestPlainStructAsUnion(t *testing.T) {
	b := newBridge()
	pg := &pgPlainThings{Values: []pgPlainValue{{Text: "a"}, {Number: new(int64(0))}, {Tags: []string{"t"}}}}
	var sdk sdkPlainThings
	require.NoError(t, b.ToSDK("Op", &sdk, pg))
	require.Equal(t, []sdkValue{&sdkValueMemberText{Value: "a"}, &sdkValueMemberNumber{}, &sdkValueMemberTags{Value: []string{"t"}}}, sdk.Values)
	var back pgPlainThings
	require.NoError(t, b.FromSDK("Op", &back, &sdk))
	require.Equal(t, pg, &back)
}

// TestDocuments converts documents both ways: through Config.NewDocument,
// and through the SDK's deserializer where it is not set.
func TestDocuments(t *testing.T) {
	for _, lazy := range []bool{false, true} {
		c := awsbridge.Config{Service: "test"}
		if lazy {
			c.NewDocument = func(v any) any { return &lazyDocument{v} }
		}
		b := awsbridge.New(c)
		for _, doc := range []string{`{"b":[1,2.5,"x",true,null],"a":{}}`, `null`, `0`, `""`} {
			pg := &pgListThingsOutput{Things: []pgThing{{
				Value: &pgValue{Data: json.RawMessage(doc)},
				Attrs: map[string]json.RawMessage{"k": json.RawMessage(doc)},
			}}}
			var sdk sdkListThingsOutput
			require.NoError(t, b.ToSDK("ListThings", &sdk, pg), doc)
			var back pgListThingsOutput
			require.NoError(t, b.FromSDK("ListThings", &back, &sdk), doc)
			want := doc
			if lazy && doc[0] == '{' {
				want = `{"a":{},"b":[1,2.5,"x",true,null]}` // the SDK's encoder sorts keys
			}
			require.JSONEq(t, doc, string(back.Things[0].Attrs["k"]))
			require.Equal(t, want, string(back.Things[0].Attrs["k"]))
			require.Equal(t, want, string(back.Things[0].Value.Data))
		}
	}
	var pg pgListThingsInput
	require.NoError(t, newBridge().FromSDK("Op", &pg, &sdkListThingsInput{}))
	require.Nil(t, pg.Doc, "no document is nil")
}

// TestDocumentErrors checks the errors of documents that cannot be built.
func TestDocumentErrors(t *testing.T) {
	err := newBridge().ToSDK("ListThings", &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage(`{}`)})
	require.EqualError(t, err, "ListThings: Doc: cannot build the SDK's awsbridge_test.sdkDocument: no type of the operation that deserializes itself holds it")

	b := awsbridge.New(awsbridge.Config{NewDocument: func(v any) any { return v }})
	err = b.ToSDK("ListThings", &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage(`1`)})
	require.EqualError(t, err, "ListThings: Doc: Config.NewDocument returned a document.Number, which is not the SDK's awsbridge_test.sdkDocument")
}

// TestNoContainer checks the error of a union member that no type of the
// operation can build: the union is only at the top of an input.
func TestNoContainer(t *testing.T) {
	err := newBridge().ToSDK("Op", &sdkTopUnion{}, &pgTopUnion{Filter: &pgValue{Text: new("a")}})
	require.EqualError(t, err, "Op: Filter.Text: cannot build the SDK's awsbridge_test.sdkValue: no type of the operation that deserializes itself holds it")
}

type pgTopUnion struct {
	Filter *pgValue `json:"Filter,omitempty"`
}

type sdkTopUnion struct {
	Filter sdkValue
	noSerde
}

// TestTokens converts tokens of every kind both ways.
func TestTokens(t *testing.T) {
	b := newBridge()
	object := mustToken(t, paginate.Object{
		{Key: "z", Value: paginate.Object{{Key: "Text", Value: "a"}}},
		{Key: "b", Value: paginate.Object{{Key: "Tags", Value: []any{"x"}}}},
	})
	var sdk sdkTokens
	require.NoError(t, b.ToSDK("Op", &sdk, &pgTokens{Str: paginate.IntToken(12), Map: object, Thing: mustToken(t, paginate.Object{
		{Key: "Id", Value: "i"},
		{Key: "Value", Value: paginate.Object{{Key: "Number", Value: json.Number("3")}}},
		{Key: "Attrs", Value: paginate.Object{{Key: "d", Value: paginate.Object{{Key: "x", Value: nil}}}}},
	}), Blob: paginate.StringToken("aGk="), Time: paginate.IntToken(1700000000)}))
	require.Equal(t, new("12"), sdk.Str)
	require.Equal(t, map[string]sdkValue{"z": &sdkValueMemberText{Value: "a"}, "b": &sdkValueMemberTags{Value: []string{"x"}}}, sdk.Map)
	require.Equal(t, []byte("hi"), sdk.Blob)
	require.Equal(t, time.Unix(1700000000, 0).UTC(), *sdk.Time)

	var pg pgTokens
	require.NoError(t, b.FromSDK("Op", &pg, &sdk))
	require.Equal(t, "12", pg.Str.String())
	require.Equal(t, `{"b":{"Tags":["x"]},"z":{"Text":"a"}}`, pg.Map.String(), "without a recorded order, keys are sorted")
	require.Equal(t, `{"Id":"i","Value":{"Number":3},"Attrs":{"d":{"x":null}}}`, pg.Thing.String())
	require.Equal(t, "1700000000", pg.Time.String())
	require.Equal(t, []byte("hi"), pg.Blob.Value(), "a blob comes back as bytes")

	require.NoError(t, b.FromSDK("Op", &pg, &sdkTokens{Map: map[string]sdkValue{}}))
	require.True(t, pg.Map.IsZero(), "an empty map is no token, as boto3 has it")
}

type pgTokens struct {
	Str   paginate.Token `json:"Str,omitzero"`
	Map   paginate.Token `json:"Map,omitzero"`
	Thing paginate.Token `json:"Thing,omitzero"`
	Blob  paginate.Token `json:"Blob,omitzero"`
	Time  paginate.Token `json:"Time,omitzero"`
}

type sdkTokens struct {
	Str   *string
	Map   map[string]sdkValue
	Thing *sdkThing
	Blob  []byte
	Time  *time.Time
	noSerde
}

// TestTokenErrors checks the errors of tokens whose value the SDK's type
// cannot hold.
func TestTokenErrors(t *testing.T) {
	tests := []struct {
		name    string
		pg      pgTokens
		message string
	}{
		{"not a union", pgTokens{Map: mustToken(t, paginate.Object{{Key: "k", Value: "x"}})},
			`Op: Map["k"]: the SDK's sdkValue is a union: an object of one member, not the string "x"`},
		{"two members", pgTokens{Map: mustToken(t, paginate.Object{{Key: "k", Value: paginate.Object{{Key: "Text", Value: "x"}, {Key: "Number", Value: json.Number("1")}}}})},
			`Op: Map["k"]: the SDK's sdkValue is a union: an object of one member, not an object`},
		{"unknown member", pgTokens{Map: mustToken(t, paginate.Object{{Key: "k", Value: paginate.Object{{Key: "Nope", Value: "x"}}}})},
			`Op: Map["k"]["Nope"]: the SDK's sdkValue has no member Nope`},
		{"member of the wrong type", pgTokens{Map: mustToken(t, paginate.Object{{Key: "k", Value: paginate.Object{{Key: "Tags", Value: []any{true}}}}})},
			`Op: Map["k"]["Tags"][0]: cannot convert the boolean true to the SDK's string`},
		{"struct member the SDK does not have", pgTokens{Thing: mustToken(t, paginate.Object{{Key: "Nope", Value: "x"}})},
			`Op: Thing["Nope"]: the SDK's sdkThing has no member Nope`},
		{"not base64", pgTokens{Blob: paginate.StringToken("!")},
			`Op: Blob: "!" is not base64`},
		{"not a time", pgTokens{Time: paginate.StringToken("soon")},
			`Op: Time: paginate: timestamp "soon" is not epoch seconds, ISO 8601 or an HTTP date`},
		{"not a string", pgTokens{Str: mustToken(t, []any{"a"})},
			`Op: Str: the token ["a"] is not a string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.EqualError(t, newBridge().ToSDK("Op", &sdkTokens{}, &tt.pg), tt.message)
		})
	}
}

// TestDocumentNumbers checks that Config.NewDocument gets numbers as
// smithy document.Numbers.
func TestDocumentNumbers(t *testing.T) {
	var got any
	b := awsbridge.New(awsbridge.Config{NewDocument: func(v any) any { got = v; return &lazyDocument{v} }})
	require.NoError(t, b.ToSDK("Op", &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage(`{"n":[1e400,2]}`)}))
	require.Equal(t, map[string]any{"n": []any{document.Number("1e400"), document.Number("2")}}, got)
}

// TestUnionInUnion builds an inner union's member through the member type
// of the outer union that holds it, which no other type of the operation
// reaches.
func TestUnionInUnion(t *testing.T) {
	b := newBridge()
	_, err := awsbridge.Call[struct{}](context.Background(), b, "Wrap",
		func(context.Context, *sdkWrapInput, ...func(*thingsOptions)) (*sdkWrapOutput, error) { return nil, nil },
		(*pgWrapInput)(nil), nil)
	require.NoError(t, err)
	in := &pgWrapInput{W: &pgWrap{Thing: &pgThing{Id: "i", Value: &pgValue{Number: new(int64(5))}}}}
	var sdk sdkWrapInput
	require.NoError(t, b.ToSDK("Wrap", &sdk, in))
	require.Equal(t, &sdkWrapMemberThing{Value: sdkThing{Id: new("i"), Value: &sdkValueMemberNumber{Value: 5}}}, sdk.W)
	var back pgWrapInput
	require.NoError(t, b.FromSDK("Wrap", &back, &sdk))
	require.Equal(t, in, &back)
}

// TestCycles checks that a value that holds itself is an error.
func TestCycles(t *testing.T) {
	loop := &pgTree{Name: "a"}
	loop.Parent = loop
	err := newBridge().ToSDK("Op", &sdkAll{}, &pgAll{Tree: loop})
	require.ErrorContains(t, err, "the value is nested more than 10000 deep, or holds itself")
	var ce *awsbridge.ConversionError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, "Tree"+strings.Repeat(".Parent", 98)+"…", ce.Path)

	m := map[string]dynamodb.AttributeValue{}
	m["m"] = dynamodb.AttributeValue{M: m}
	err = dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExpressionAttributeValues: m})
	require.ErrorContains(t, err, "or holds itself")

	sdkLoop := &sdkTree{}
	sdkLoop.Children = []sdkTree{{Parent: sdkLoop}}
	require.ErrorContains(t, newBridge().FromSDK("Op", &pgAll{}, &sdkAll{Tree: sdkLoop}), "or holds itself")
}
