package awsbridge

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	awsroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/route53"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/ssm"
)

// replay is an HTTP client for the SDK that answers every request with
// one response.
type replay struct {
	status int
	header http.Header
	body   []byte
}

// Do answers req, whose body it reads, with the response.
func (p *replay) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, err
		}
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", p.status, http.StatusText(p.status)),
		StatusCode:    p.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        p.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(p.body)),
		ContentLength: int64(len(p.body)),
		Request:       req,
	}, nil
}

// answer returns a client that answers with status, the body and the
// content type.
func answer(status int, contentType, body string) *replay {
	return &replay{status: status, header: http.Header{"Content-Type": {contentType}}, body: []byte(body)}
}

// recordings is the folder of the responses recorded from moto for the
// bridge's benchmarks.
const recordings = "../bench/testdata/bridge"

// recorded returns a client that answers with the recording name of
// recordings.
func recorded(t testing.TB, name string) *replay {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(recordings, name+".json"))
	require.NoError(t, err)
	var r struct {
		Status int         `json:"status"`
		Header http.Header `json:"header"`
		Body   string      `json:"body"`
	}
	require.NoError(t, json.Unmarshal(data, &r))
	return &replay{status: r.Status, header: r.Header, body: []byte(r.Body)}
}

// sdkConfig is the configuration of SDK clients that call through client,
// with no retries.
func sdkConfig(client aws.HTTPClient) aws.Config {
	return aws.Config{
		Region:      "us-east-1",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient:  client,
		Retryer:     func() aws.Retryer { return aws.NopRetryer{} },
	}
}

// path names a way through Call.
type path int

const (
	direct    path = iota // the response decoded into the pagegen output
	converted             // the SDK's output converted
)

// bothWays calls the operation op of service through Call twice, over
// the same responses of the SDK's client method call: with the SDK's
// output converted, and with the response decoded straight into the
// pagegen output. It requires equal outputs or equal errors, and that
// the second call took the path want (leaving the SDK's output empty on
// the direct path). It returns the output and the error.
func bothWays[Out, In, SIn, SOut, Opt any](t *testing.T, service, op string, call func(context.Context, *SIn, ...func(*Opt)) (*SOut, error), in *In, want path) (*Out, error) {
	t.Helper()
	ctx := context.Background()
	var sdkOut *SOut
	keep := func(ctx context.Context, sin *SIn, fns ...func(*Opt)) (*SOut, error) {
		out, err := call(ctx, sin, fns...)
		sdkOut = out
		return out, err
	}
	conv := New(Config{Service: service})
	conv.fromSDKOnly = true
	wantOut, wantErr := Call[Out](ctx, conv, op, keep, in, nil)
	converted := sdkOut
	gotOut, gotErr := Call[Out](ctx, New(Config{Service: service}), op, keep, in, nil)
	requireSameError(t, wantErr, gotErr)
	if gotErr != nil {
		t.Logf("%s: both ways: %v", op, gotErr)
	}
	if !sameValue(reflect.ValueOf(wantOut), reflect.ValueOf(gotOut)) {
		require.Equal(t, wantOut, gotOut, "%s: the output decoded from the response is not the SDK's output converted", op)
	}
	if wantErr == nil {
		if want == direct {
			require.True(t, emptyOutput(sdkOut), "%s: the direct path leaves the SDK's output empty", op)
		} else {
			require.Equal(t, emptyOutput(converted), emptyOutput(sdkOut), "%s: the SDK's output, converted", op)
		}
	}
	return gotOut, gotErr
}

// emptyOutput reports whether the SDK's output out holds nothing but its
// result metadata.
func emptyOutput[SOut any](out *SOut) bool {
	if out == nil {
		return true
	}
	v := reflect.ValueOf(out).Elem()
	for i := range v.NumField() {
		if v.Type().Field(i).Name != "ResultMetadata" && !v.Field(i).IsZero() {
			return false
		}
	}
	return true
}

// requireSameError requires that got is want: both nil, or the same text
// and the same types along the chain of errors they wrap.
func requireSameError(t *testing.T, want, got error) {
	t.Helper()
	if want == nil {
		require.NoError(t, got)
		return
	}
	require.Error(t, got, "want %v", want)
	require.Equal(t, want.Error(), got.Error())
	require.Equal(t, errorChain(want), errorChain(got))
}

// errorChain returns the types of err and of the errors it wraps.
func errorChain(err error) []string {
	var out []string
	for ; err != nil; err = errors.Unwrap(err) {
		out = append(out, fmt.Sprintf("%T", err))
	}
	return out
}

// TestDirectRecorded decodes each response recorded from moto for the
// bridge's benchmarks both ways: the four whose SDK deserializes through
// schemas take the direct path; S3's and Route 53's (REST-XML, whose SDK
// does not) convert the SDK's output.
func TestDirectRecorded(t *testing.T) {
	t.Run("dynamodb-scan", func(t *testing.T) {
		c := awsdynamodb.NewFromConfig(sdkConfig(recorded(t, "dynamodb-scan")))
		out, err := bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, direct)
		require.NoError(t, err)
		require.Len(t, out.Items, 100)
		require.False(t, out.LastEvaluatedKey.IsZero())
	})
	t.Run("ssm-getparametersbypath", func(t *testing.T) {
		c := awsssm.NewFromConfig(sdkConfig(recorded(t, "ssm-getparametersbypath")))
		out, err := bothWays[ssm.GetParametersByPathOutput](t, "ssm", "GetParametersByPath", c.GetParametersByPath, &ssm.GetParametersByPathInput{Path: "/app"}, direct)
		require.NoError(t, err)
		require.Len(t, out.Parameters, 10)
	})
	t.Run("logs-describeloggroups", func(t *testing.T) {
		c := awslogs.NewFromConfig(sdkConfig(recorded(t, "logs-describeloggroups")))
		out, err := bothWays[logs.DescribeLogGroupsOutput](t, "logs", "DescribeLogGroups", c.DescribeLogGroups, &logs.DescribeLogGroupsInput{}, direct)
		require.NoError(t, err)
		require.Len(t, out.LogGroups, 50)
	})
	t.Run("iam-listusers", func(t *testing.T) {
		c := awsiam.NewFromConfig(sdkConfig(recorded(t, "iam-listusers")))
		out, err := bothWays[iam.ListUsersOutput](t, "iam", "ListUsers", c.ListUsers, &iam.ListUsersInput{}, direct)
		require.NoError(t, err)
		require.Len(t, out.Users, 100)
	})
	t.Run("s3-listobjectsv2", func(t *testing.T) {
		c := awss3.NewFromConfig(sdkConfig(recorded(t, "s3-listobjectsv2")))
		out, err := bothWays[s3.ListObjectsV2Output](t, "s3", "ListObjectsV2", c.ListObjectsV2, &s3.ListObjectsV2Input{Bucket: "b"}, converted)
		require.NoError(t, err)
		require.Len(t, out.Contents, 100)
	})
	t.Run("route53-listhostedzones", func(t *testing.T) {
		c := awsroute53.NewFromConfig(sdkConfig(recorded(t, "route53-listhostedzones")))
		out, err := bothWays[route53.ListHostedZonesOutput](t, "route53", "ListHostedZones", c.ListHostedZones, &route53.ListHostedZonesInput{}, converted)
		require.NoError(t, err)
		require.Len(t, out.HostedZones, 100)
	})
}

// sameValue reports whether a and b hold the same values, as
// reflect.DeepEqual does, except that floats are the same when their bits
// are (a NaN is the same as itself) and timestamps when they are the same
// instant in the same location.
func sameValue(a, b reflect.Value) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	if a.Type() != b.Type() {
		return false
	}
	if a.Type() == timeType {
		ta, tb := a.Interface().(time.Time), b.Interface().(time.Time)
		return ta.Equal(tb) && ta.Location() == tb.Location()
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameValue(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameValue(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for it := a.MapRange(); it.Next(); {
			v := b.MapIndex(it.Key())
			if !v.IsValid() || !sameValue(it.Value(), v) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := range a.NumField() {
			if !sameValue(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Float32, reflect.Float64:
		return math.Float64bits(a.Float()) == math.Float64bits(b.Float())
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	}
	return false
}
