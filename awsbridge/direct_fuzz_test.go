package awsbridge

//lint:file-ignore ST1008 each case returns the error, then what it must say, as the table reads

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/generated/dynamodb"
)

// FuzzDirectScan decodes any body of a Scan response both ways: straight
// into the pagegen output, and through the SDK's output converted. Both
// give the same output, or errors of the same kinds (a map with more than
// one member that cannot be converted may name another in each, as
// FromSDK visits a map's entries in no order), or the same panic: smithy-go's
// JSON deserializer panics on some bodies that are not JSON (a list item
// that is a comma, in a map's key), whichever way it is read.
func FuzzDirectScan(f *testing.F) {
	for _, b := range dynamodbBodies {
		f.Add(b.body)
	}
	f.Add(string(recorded(f, "dynamodb-scan").body))
	direct := New(Config{Service: "dynamodb"})
	conv := New(Config{Service: "dynamodb"})
	conv.fromSDKOnly = true
	in := &dynamodb.ScanInput{TableName: "t"}
	f.Fuzz(func(t *testing.T, body string) {
		c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, body)))
		scan := func(b *Bridge) (out *dynamodb.ScanOutput, err error, panicked any) {
			defer func() { panicked = recover() }()
			out, err = Call[dynamodb.ScanOutput](context.Background(), b, "Scan", c.Scan, in, nil)
			return out, err, nil
		}
		want, wantErr, wantPanic := scan(conv)
		got, gotErr, gotPanic := scan(direct)
		if wantPanic != nil || gotPanic != nil {
			require.Equal(t, fmt.Sprint(wantPanic), fmt.Sprint(gotPanic), "the panics of the two ways")
			return
		}
		if wantErr != nil || gotErr != nil {
			require.Error(t, wantErr, "the direct path fails where FromSDK does not: %v", gotErr)
			require.Error(t, gotErr, "FromSDK fails where the direct path does not: %v", wantErr)
			require.Equal(t, errorChain(wantErr), errorChain(gotErr), "want %v, got %v", wantErr, gotErr)
			var ce *ConversionError
			if !errors.As(wantErr, &ce) {
				require.Equal(t, wantErr.Error(), gotErr.Error())
			}
			return
		}
		if !sameValue(reflect.ValueOf(want), reflect.ValueOf(got)) {
			require.Equal(t, want, got)
		}
	})
}
