package awsbridge_test

import (
	"errors"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/paginate"
)

// FuzzTokenTree converts a token holding any JSON value into DynamoDB's
// key (a map of attribute-value unions) and back. A token the SDK's type
// cannot hold is a *ConversionError; one it can hold comes back as the
// same JSON value, and a second round trip changes nothing.
func FuzzTokenTree(f *testing.F) {
	for _, seed := range []string{
		`{"pk":{"S":"a"},"sk":{"N":"1"}}`,
		`{"a":{"M":{"b":{"L":[{"N":"1"},{"NULL":true},{"BOOL":false}]}}}}`,
		`{"b":{"B":"aGk="},"bs":{"BS":["aGk=",""]},"ss":{"SS":[]},"ns":{"NS":["1"]}}`,
		`{"k":{"S":"a","N":"1"}}`, `{"k":{"Q":1}}`, `{"k":{"S":null}}`, `{"k":null}`, `{"k":{"B":"aGl="}}`,
		`"str"`, `1`, `[1]`, `{}`, `null`,
	} {
		f.Add(seed)
	}
	b := awsbridge.New(awsbridge.Config{Service: "dynamodb"})
	f.Fuzz(func(t *testing.T, text string) {
		var tok paginate.Token
		if tok.UnmarshalJSON([]byte(text)) != nil {
			return
		}
		var sdk awsdynamodb.ScanInput
		if err := b.ToSDK("Scan", &sdk, &dynamodb.ScanInput{ExclusiveStartKey: tok}); err != nil {
			var ce *awsbridge.ConversionError
			require.True(t, errors.As(err, &ce), "%v", err)
			require.Equal(t, "Scan", ce.Op)
			return
		}
		var pg dynamodb.ScanOutput
		require.NoError(t, b.FromSDK("Scan", &pg, &awsdynamodb.ScanOutput{LastEvaluatedKey: sdk.ExclusiveStartKey}))
		if tok.IsZero() {
			require.True(t, pg.LastEvaluatedKey.IsZero())
			return
		}
		require.JSONEq(t, tok.String(), pg.LastEvaluatedKey.String())

		var again awsdynamodb.ScanInput
		require.NoError(t, b.ToSDK("Scan", &again, &dynamodb.ScanInput{ExclusiveStartKey: pg.LastEvaluatedKey}))
		require.Equal(t, sdk.ExclusiveStartKey, again.ExclusiveStartKey)
		var pg2 dynamodb.ScanOutput
		require.NoError(t, b.FromSDK("Scan", &pg2, &awsdynamodb.ScanOutput{LastEvaluatedKey: again.ExclusiveStartKey}))
		require.Equal(t, pg.LastEvaluatedKey, pg2.LastEvaluatedKey)
	})
}
