package awsbridge_test

//lint:file-ignore U1000 the test types mirror the SDK's: they embed noSerde as the SDK's structs embed noSmithyDocumentSerde, and schema members are declared for what AddMember registers
//lint:file-ignore ST1008 each case returns the error, then what it must say, as the table reads

import (
	"context"
	"encoding/json"
	"go/parser"
	"go/token"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/paginate"
)

// cannotConvert shows each entry of the package doc's list of what cannot
// be converted, by its label, with the errors it gives.
var cannotConvert = map[string][]func(t *testing.T) (error, string){
	"Members the SDK lacks": {
		func(t *testing.T) (error, string) {
			return newBridge().ToSDK("Op", &sdkAll{}, &pgAll{Nested: &pgNested{Extra: "x"}}),
				"Op: Nested.Extra: the SDK's sdkNested has no member Extra"
		},
		func(t *testing.T) (error, string) {
			called := false
			_, err := awsbridge.Call[pgFloatToken](context.Background(), newBridge(), "Op",
				func(context.Context, *sdkAll, ...func(*thingsOptions)) (*sdkNoToken, error) {
					called = true
					return &sdkNoToken{}, nil
				},
				&pgAll{}, nil)
			require.False(t, called, "the SDK was called for an output it cannot page")
			return err, "Op: F: the SDK's sdkNoToken has no member F, the token of the next page; an SDK that pages this operation is needed"
		},
	},
	"Unknown members": {func(t *testing.T) (error, string) {
		return listThingsBridge(t, "Op").ToSDK("Op", &sdkListThingsInput{}, &pgListThingsInput{Filter: &pgValue{Unknown: map[string]json.RawMessage{"Later": json.RawMessage(`1`)}}}),
			`Op: Filter.Unknown["Later"]: the SDK's sdkValue has no member Later, so it cannot be sent`
	}},
	"Unreachable unions": {
		func(t *testing.T) (error, string) {
			return newBridge().ToSDK("Op", &sdkTopUnion{}, &pgTopUnion{Filter: &pgValue{Text: new("a")}}),
				"Op: Filter.Text: cannot build the SDK's awsbridge_test.sdkValue: no type of the operation that deserializes itself holds it"
		},
		func(t *testing.T) (error, string) {
			return newBridge().ToSDK("Op", &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage(`{}`)}),
				"Op: Doc: cannot build the SDK's awsbridge_test.sdkDocument: no type of the operation that deserializes itself holds it"
		},
	},
	"Numbers out of range": {
		func(t *testing.T) (error, string) {
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{TotalSegments: new(int64(math.MaxInt32 + 1))}),
				"Scan: TotalSegments: 2147483648 overflows int32"
		},
		func(t *testing.T) (error, string) {
			return newBridge().ToSDK("Op", &sdkAll{}, &pgAll{F: -1e39}), "Op: F: -1e+39 overflows float32"
		},
		func(t *testing.T) (error, string) {
			return newBridge().FromSDK("Op", &pgAll{}, &sdkAll{NumText: new("9223372036854775808")}),
				"Op: NumText: 9223372036854775808 overflows int64"
		},
	},
	"Numbers that are not numbers": {func(t *testing.T) (error, string) {
		return awsbridge.New(awsbridge.Config{}).FromSDK("ListParts", &s3.ListPartsOutput{}, &awss3.ListPartsOutput{PartNumberMarker: new("1.5")}),
			`ListParts: PartNumberMarker: "1.5" is not an integer`
	}},
	"Tokens of another type": {
		func(t *testing.T) (error, string) {
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExclusiveStartKey: paginate.StringToken("abc")}),
				`Scan: ExclusiveStartKey: cannot convert the string "abc" to the SDK's map[string]types.AttributeValue`
		},
		func(t *testing.T) (error, string) {
			key := mustToken(t, paginate.Object{{Key: "pk", Value: paginate.Object{{Key: "X", Value: "a"}}}})
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExclusiveStartKey: key}),
				`Scan: ExclusiveStartKey["pk"]["X"]: the SDK's AttributeValue has no member X`
		},
		func(t *testing.T) (error, string) {
			key := mustToken(t, paginate.Object{{Key: "pk", Value: paginate.Object{{Key: "B", Value: "not base64"}}}})
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExclusiveStartKey: key}),
				`Scan: ExclusiveStartKey["pk"]["B"]: "not base64" is not base64`
		},
		func(t *testing.T) (error, string) {
			return newBridge().FromSDK("Op", &pgFloatToken{}, &sdkFloatToken{F: &sdkFloat{F: new(math.NaN())}}),
				`Op: F["F"]: NaN is not a JSON number`
		},
	},
	"Unions with other than one member": {
		func(t *testing.T) (error, string) {
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExpressionAttributeValues: map[string]dynamodb.AttributeValue{":v": {}}}),
				`Scan: ExpressionAttributeValues[":v"]: no member is set`
		},
		func(t *testing.T) (error, string) {
			return dynamodbBridge.ToSDK("Scan", &awsdynamodb.ScanInput{}, &dynamodb.ScanInput{ExpressionAttributeValues: map[string]dynamodb.AttributeValue{":v": {S: "a", N: "1"}}}),
				`Scan: ExpressionAttributeValues[":v"]: more than one member is set: S, N`
		},
	},
	"Members a plain struct cannot hold": {
		func(t *testing.T) (error, string) {
			return dynamodbBridge.FromSDK("Scan", &dynamodb.ScanOutput{}, &awsdynamodb.ScanOutput{Items: []map[string]ddbtypes.AttributeValue{{"a": &ddbtypes.AttributeValueMemberS{}}}}),
				`Scan: Items[0]["a"].S: the SDK's member S is set to an empty value, which dynamodb.AttributeValue cannot tell from no member`
		},
		func(t *testing.T) (error, string) {
			return dynamodbBridge.FromSDK("Scan", &dynamodb.ScanOutput{}, &awsdynamodb.ScanOutput{Items: []map[string]ddbtypes.AttributeValue{{"a": &ddbtypes.UnknownUnionMember{Tag: "X", Value: []byte("1")}}}}),
				`Scan: Items[0]["a"]: the SDK holds a member X that it does not know, which dynamodb.AttributeValue has no place for`
		},
	},
	"Invalid JSON": {
		func(t *testing.T) (error, string) {
			return newBridge().ToSDK("Op", &sdkListThingsInput{}, &pgListThingsInput{Doc: json.RawMessage(`{"a":}`)}),
				"Op: Doc: the document is not valid JSON"
		},
		func(t *testing.T) (error, string) {
			return newBridge().FromSDK("Op", &pgListThingsOutput{}, &sdkListThingsOutput{Things: []sdkThing{{Value: &UnknownUnionMember{Tag: "X", Value: []byte("x")}}}}),
				`Op: Things[0].Value.Unknown["X"]: the SDK's value of the member it does not know is not valid JSON`
		},
	},
	"Types with nothing in common": {func(t *testing.T) (error, string) {
		return newBridge().ToSDK("Op", &sdkMismatch{}, &pgMismatch{X: "a"}),
			"Op: X: cannot convert string to the SDK's awsbridge_test.sdkNested"
	}},
}

type pgFloatToken struct {
	F paginate.Token `json:"F,omitzero"`
}

// sdkNoToken is an SDK output without the token of pgFloatToken.
type sdkNoToken struct {
	noSerde
}

type sdkFloatToken struct {
	F *sdkFloat
	noSerde
}

type sdkFloat struct {
	F *float64
	noSerde
}

// TestCannotConvert checks that the package doc lists exactly what
// cannotConvert shows, and that each entry gives its errors.
func TestCannotConvert(t *testing.T) {
	require.Equal(t, slices.Sorted(maps.Keys(cannotConvert)), docLabels(t, "What cannot be converted"))
	for label, cases := range cannotConvert {
		t.Run(label, func(t *testing.T) {
			for _, c := range cases {
				err, want := c(t)
				require.EqualError(t, err, want)
				var ce *awsbridge.ConversionError
				require.ErrorAs(t, err, &ce)
			}
		})
	}
}

// docLabels returns the labels (the text before the first colon) of the
// list under the heading of the package doc, sorted.
func docLabels(t *testing.T, heading string) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "doc.go", nil, parser.ParseComments|parser.PackageClauseOnly)
	require.NoError(t, err)
	doc := f.Doc.Text()
	_, section, ok := strings.Cut(doc, "# "+heading+"\n")
	require.True(t, ok, "no heading %q", heading)
	section, _, _ = strings.Cut(section, "\n# ")
	var labels []string
	for _, line := range strings.Split(section, "\n") {
		if item, ok := strings.CutPrefix(line, "  - "); ok {
			label, _, _ := strings.Cut(item, ":")
			labels = append(labels, label)
		}
	}
	slices.Sort(labels)
	return labels
}
