package awsbridge_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/ssm"
)

// cannedClient is an HTTP client that answers every request with one
// response, and keeps the requests' bodies.
type cannedClient struct {
	status   int
	body     string
	requests []string
}

func (c *cannedClient) Do(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		c.requests = append(c.requests, string(b))
	}
	return &http.Response{
		StatusCode: c.status,
		Header:     http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body:       io.NopCloser(strings.NewReader(c.body)),
		Request:    r,
	}, nil
}

// cannedConfig is an SDK configuration whose requests go to c.
func cannedConfig(c *cannedClient) aws.Config {
	return aws.Config{
		Region:      "us-east-1",
		Credentials: aws.AnonymousCredentials{},
		HTTPClient:  c,
	}
}

// TestKeyOrder checks that Call keeps the order of LastEvaluatedKey's
// keys as the response lists them, through the SDK's awsJson 1.0
// protocol.
func TestKeyOrder(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{`{"Items":[],"LastEvaluatedKey":{"zz":{"S":"h1"},"aa":{"S":"r1"}},"Count":0,"ScannedCount":0}`,
			`{"zz":{"S":"h1"},"aa":{"S":"r1"}}`},
		{`{"LastEvaluatedKey":{"b":{"B":"aGk="},"a":{"N":"1"},"c":{"M":{"y":{"S":"1"},"x":{"S":"2"}}}},"Items":[{"q":{"S":"1"}}]}`,
			`{"b":{"B":"aGk="},"a":{"N":"1"},"c":{"M":{"x":{"S":"2"},"y":{"S":"1"}}}}`},
		{`{"Items":[{"p":{"M":{"z":{"S":"1"},"a":{"S":"2"}}}}],"Count":1}`, ``},
	} {
		http := &cannedClient{status: 200, body: tt.body}
		client := awsdynamodb.NewFromConfig(cannedConfig(http))
		out, err := awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", client.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
		require.NoError(t, err)
		require.Equal(t, tt.want, out.LastEvaluatedKey.String())
		require.Len(t, http.requests, 1)
		require.JSONEq(t, `{"TableName":"t"}`, http.requests[0])
	}
}

// TestKeyOrderResumes sends the recorded key back, as the next page's
// ExclusiveStartKey.
func TestKeyOrderResumes(t *testing.T) {
	http := &cannedClient{status: 200, body: `{"LastEvaluatedKey":{"zz":{"S":"h1"},"aa":{"N":"7"}}}`}
	client := awsdynamodb.NewFromConfig(cannedConfig(http))
	out, err := awsbridge.Call[dynamodb.QueryOutput](context.Background(), dynamodbBridge, "Query", client.Query, &dynamodb.QueryInput{TableName: "t"}, nil)
	require.NoError(t, err)
	require.Equal(t, `{"zz":{"S":"h1"},"aa":{"N":"7"}}`, out.LastEvaluatedKey.String())
	_, err = awsbridge.Call[dynamodb.QueryOutput](context.Background(), dynamodbBridge, "Query", client.Query, &dynamodb.QueryInput{TableName: "t", ExclusiveStartKey: out.LastEvaluatedKey}, nil)
	require.NoError(t, err)
	require.JSONEq(t, `{"TableName":"t","ExclusiveStartKey":{"zz":{"S":"h1"},"aa":{"N":"7"}}}`, http.requests[1])
}

// TestCallSDKError checks that an error response comes back as the SDK
// made it, through the order-recording protocol.
func TestCallSDKError(t *testing.T) {
	http := &cannedClient{status: 400, body: `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no table"}`}
	client := awsdynamodb.NewFromConfig(cannedConfig(http), func(o *awsdynamodb.Options) { o.RetryMaxAttempts = 1 })
	_, err := awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", client.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
	var rnf interface{ ErrorCode() string }
	require.ErrorAs(t, err, &rnf)
	require.Equal(t, "ResourceNotFoundException", rnf.ErrorCode())
}

// TestCallNoOrder checks an operation whose tokens are strings: its
// options are passed as they are.
func TestCallNoOrder(t *testing.T) {
	http := &cannedClient{status: 200, body: `{"Parameters":[{"Name":"/a","Version":2,"LastModifiedDate":1700000000.5}],"NextToken":"n"}`}
	client := awsssm.NewFromConfig(cannedConfig(http))
	b := awsbridge.New(awsbridge.Config{Service: "ssm"})
	seen := 0
	opt := func(*awsssm.Options) { seen++ }
	out, err := awsbridge.Call[ssm.GetParametersByPathOutput](context.Background(), b, "GetParametersByPath", client.GetParametersByPath, &ssm.GetParametersByPathInput{Path: "/"}, []func(*awsssm.Options){opt})
	require.NoError(t, err)
	require.Equal(t, 1, seen)
	require.Equal(t, "n", out.NextToken.String())
	require.Equal(t, "/a", out.Parameters[0].Name)
	require.Equal(t, int64(1700000000500), out.Parameters[0].LastModifiedDate.UnixMilli())
}
