package moto

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decode unmarshals a driver result into a new T.
func decode[T any](t *testing.T, raw json.RawMessage) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(raw, &v), "%s", raw)
	return v
}

// names returns the "Name" of each SSM parameter.
func names(t *testing.T, params []json.RawMessage) []string {
	t.Helper()
	var out []string
	for _, p := range params {
		out = append(out, decode[struct{ Name string }](t, p).Name)
	}
	return out
}

// pageNames returns the parameter names of each GetParametersByPath page.
func pageNames(t *testing.T, pages []json.RawMessage) [][]string {
	t.Helper()
	var out [][]string
	for _, p := range pages {
		out = append(out, names(t, decode[struct{ Parameters []json.RawMessage }](t, p).Parameters))
	}
	return out
}

// token decodes a boto3 resume token: base64 of a JSON object.
func token(t *testing.T, tok *string) string {
	t.Helper()
	require.NotNil(t, tok)
	b, err := base64.StdEncoding.DecodeString(*tok)
	require.NoError(t, err)
	return string(b)
}

// TestBoto3Paginate puts five parameters and walks GetParametersByPath
// with boto3: three of them two to a page, then the rest from the resume
// token.
func TestBoto3Paginate(t *testing.T) {
	t.Parallel()
	s := Start(t)
	var commands []any
	for i := range 5 {
		commands = append(commands, Call{"ssm", "PutParameter", map[string]any{
			"Name": fmt.Sprintf("/app/p%d", i), "Value": fmt.Sprint(i), "Type": "String",
		}})
	}
	walk := Paginate{Service: "ssm", Paginator: "GetParametersByPath", Params: map[string]any{"Path": "/app"}}
	first := walk
	first.Config = PaginationConfig{PageSize: 2, MaxItems: 3}
	results := Boto3(t, s.URL, append(commands, first)...)
	require.Len(t, results, 6)
	for _, r := range results[:5] {
		put := decode[CallResult](t, r)
		require.Nil(t, put.Error)
		assert.JSONEq(t, `{"Tier":"Standard","Version":1}`, string(put.OK))
	}

	got := decode[PaginateResult](t, results[5])
	require.Nil(t, got.Error)
	assert.Equal(t, "Parameters", got.ResultKey)
	assert.Equal(t, []string{"/app/p0", "/app/p1", "/app/p2"}, names(t, got.Items))
	assert.Equal(t, [][]string{{"/app/p0", "/app/p1"}, {"/app/p2"}}, pageNames(t, got.Pages))
	// The second page held p2 and p3, of which MaxItems kept one: resume
	// from the second page's request, less its first item.
	assert.Equal(t, `{"NextToken": "2", "boto_truncate_amount": 1}`, token(t, got.ResumeToken))
	assert.Equal(t, 2, got.Requests)
	// Pages keep the page's own keys, less ResponseMetadata.
	assert.Equal(t, `"2"`, string(decode[map[string]json.RawMessage](t, got.Pages[0])["NextToken"]))
	assert.NotContains(t, decode[map[string]json.RawMessage](t, got.Pages[0]), "ResponseMetadata")
	item := decode[map[string]any](t, got.Items[0])
	assert.Equal(t, "/app/p0", item["Name"])
	assert.Equal(t, 1.0, item["Version"])
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`, item["LastModifiedDate"])

	rest := walk
	rest.Config = PaginationConfig{PageSize: 2, StartingToken: *got.ResumeToken}
	got = decode[PaginateResult](t, Boto3(t, s.URL, rest)[0])
	require.Nil(t, got.Error)
	assert.Equal(t, []string{"/app/p3", "/app/p4"}, names(t, got.Items))
	assert.Equal(t, [][]string{{"/app/p3"}, {"/app/p4"}}, pageNames(t, got.Pages))
	assert.Nil(t, got.ResumeToken, "the walk ran to the end")
	assert.Equal(t, 2, got.Requests)
}

// TestBoto3Values sends bytes and a datetime and reads them back, and sees
// a service's error as a result.
func TestBoto3Values(t *testing.T) {
	s := Shared(t)
	s.Reset(t)
	object := []byte("\x00\x01binary\xff")
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	results := Boto3(t, s.URL,
		Call{"s3", "CreateBucket", map[string]any{"Bucket": "values"}},
		Call{"s3", "PutObject", map[string]any{"Bucket": "values", "Key": "k", "Body": Bytes(object)}},
		Call{"s3", "GetObject", map[string]any{"Bucket": "values", "Key": "k"}},
		Call{"cloudwatch", "PutMetricData", map[string]any{"Namespace": "ns", "MetricData": []any{
			map[string]any{"MetricName": "m", "Value": 2.5, "Timestamp": Time(at)},
		}}},
		Call{"cloudwatch", "GetMetricStatistics", map[string]any{
			"Namespace": "ns", "MetricName": "m", "Period": 60, "Statistics": []string{"Sum"},
			"StartTime": Time(at.Add(-time.Hour)), "EndTime": Time(at.Add(time.Hour)),
		}},
		Call{"ssm", "GetParameter", map[string]any{"Name": "/missing"}},
		Call{"ssm", "GetParameter", map[string]any{"Name": 7}},
		Paginate{Service: "ssm", Paginator: "DescribeParameters"},
		Paginate{Service: "ssm", Paginator: "DescribeParameters", Config: PaginationConfig{StartingToken: "a___b___1"}},
	)
	for _, r := range results[:5] {
		require.Nil(t, decode[CallResult](t, r).Error, "%s", r)
	}
	get := decode[struct{ OK struct{ Body []byte } }](t, results[2])
	assert.Equal(t, object, get.OK.Body, "bytes in, bytes out, base64 between")
	stats := decode[CallResult](t, results[4])
	assert.Contains(t, string(stats.OK), `"Timestamp":"2026-01-02T03:04:05.000Z"`)
	assert.Contains(t, string(stats.OK), `"Sum":2.5`)

	missing := decode[CallResult](t, results[5])
	require.NotNil(t, missing.Error)
	assert.Equal(t, Boto3Error{Type: "ParameterNotFound", Code: "ParameterNotFound", Message: "Parameter /missing not found.", Status: 400}, *missing.Error)
	invalid := decode[CallResult](t, results[6])
	require.NotNil(t, invalid.Error)
	assert.Equal(t, "ParamValidationError", invalid.Error.Type)
	assert.Contains(t, invalid.Error.Message, "Invalid type for parameter Name, value: 7")

	empty := decode[PaginateResult](t, results[7])
	require.Nil(t, empty.Error)
	assert.Equal(t, "Parameters", empty.ResultKey)
	assert.Empty(t, empty.Items)
	assert.Equal(t, []json.RawMessage{json.RawMessage(`{}`)}, empty.Pages, "an empty list is dropped")

	bad := decode[PaginateResult](t, results[8])
	require.NotNil(t, bad.Error)
	assert.Equal(t, Boto3Error{Type: "ValueError", Message: "Bad starting token: a___b___1"}, *bad.Error)
	assert.Zero(t, bad.Requests)
}

// TestBoto3ThroughFaultProxy sends boto3 through a FaultProxy to moto: a
// ServerError in each protocol is a ClientError with the proxy's code,
// after one attempt; a Reset and a Truncate are errors of botocore's own;
// and a walk whose second page fails keeps its first.
func TestBoto3ThroughFaultProxy(t *testing.T) {
	s := Shared(t)
	s.Reset(t)
	p := NewFaultProxy(t, s.URL)
	p.Fail(func(n int, r *http.Request) Fault { return ServerError })
	calls := []Call{
		{"ssm", "DescribeParameters", nil},                        // awsJson 1.1
		{"dynamodb", "ListTables", nil},                           // awsJson 1.0
		{"cloudwatch", "ListMetrics", nil},                        // rpc-v2-cbor
		{"iam", "ListUsers", nil},                                 // query
		{"ec2", "DescribeInstances", nil},                         // ec2
		{"s3", "ListBuckets", nil},                                // rest-xml, S3
		{"route53", "ListHostedZones", nil},                       // rest-xml
		{"lambda", "ListFunctions", nil},                          // rest-json
		{"s3", "HeadBucket", map[string]any{"Bucket": "missing"}}, // no body at all
		{"logs", "DescribeLogGroups", map[string]any{"limit": 1}}, // awsJson 1.1, camelCase
	}
	commands := make([]any, len(calls))
	for i, c := range calls {
		commands[i] = c
	}
	for i, r := range Boto3(t, p.URL(), commands...) {
		got := decode[CallResult](t, r)
		require.NotNil(t, got.Error, "%s %s: %s", calls[i].Service, calls[i].Operation, r)
		want := Boto3Error{Type: "ClientError", Code: ServerErrorCode, Message: serverErrorMessage, Status: 500}
		if calls[i].Operation == "HeadBucket" {
			want.Code, want.Message = "500", "Internal Server Error" // a HEAD response has no body
		}
		assert.Equal(t, want, *got.Error, "%s %s", calls[i].Service, calls[i].Operation)
	}
	assert.Equal(t, Counts{Requests: len(calls), ServerErrors: len(calls)}, p.Counts(), "one attempt each: no retries")

	p.Fail(func(n int, r *http.Request) Fault { return Reset })
	got := decode[CallResult](t, Boto3(t, p.URL(), Call{"ssm", "DescribeParameters", nil})[0])
	require.NotNil(t, got.Error)
	assert.Equal(t, "ConnectionClosedError", got.Error.Type, "%+v", got.Error)

	Boto3(t, s.URL,
		Call{"s3", "CreateBucket", map[string]any{"Bucket": "fault"}},
		Call{"s3", "PutObject", map[string]any{"Bucket": "fault", "Key": "k", "Body": Bytes(make([]byte, 100))}},
	)
	p.Fail(func(n int, r *http.Request) Fault { return Truncate })
	results := Boto3(t, p.URL(), Call{"ssm", "DescribeParameters", nil}, Call{"s3", "GetObject", map[string]any{"Bucket": "fault", "Key": "k"}})
	got = decode[CallResult](t, results[0])
	require.NotNil(t, got.Error)
	assert.Equal(t, "ConnectionClosedError", got.Error.Type, "%+v", got.Error)
	got = decode[CallResult](t, results[1])
	require.NotNil(t, got.Error)
	assert.Equal(t, "ResponseStreamingError", got.Error.Type, "a streaming body fails as it is read: %+v", got.Error)

	// A walk of two pages whose second request fails.
	var puts []any
	for i := range 3 {
		puts = append(puts, Call{"ssm", "PutParameter", map[string]any{"Name": fmt.Sprintf("/fault/p%d", i), "Value": "v", "Type": "String"}})
	}
	Boto3(t, s.URL, puts...)
	before := p.Counts().Requests
	p.Fail(func(n int, r *http.Request) Fault {
		if n == before+2 {
			return ServerError
		}
		return Pass
	})
	walk := decode[PaginateResult](t, Boto3(t, p.URL(), Paginate{
		Service: "ssm", Paginator: "GetParametersByPath", Params: map[string]any{"Path": "/fault"}, Config: PaginationConfig{PageSize: 2},
	})[0])
	require.NotNil(t, walk.Error)
	assert.Equal(t, ServerErrorCode, walk.Error.Code)
	assert.Equal(t, [][]string{{"/fault/p0", "/fault/p1"}}, pageNames(t, walk.Pages))
	assert.Equal(t, []string{"/fault/p0", "/fault/p1"}, names(t, walk.Items))
	assert.Equal(t, 2, walk.Requests)
}

// driver runs scripts/boto3_driver.py with input and returns its exit
// status, stdout and stderr.
func driver(t *testing.T, input string) (int, string, string) {
	t.Helper()
	requirePython(t)
	return driverWith(t, python, input)
}

func driverWith(t *testing.T, python, input string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(python, driverScript(t))
	cmd.Stdin = strings.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil {
		_, ok := err.(*exec.ExitError)
		require.True(t, ok, "%v", err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// TestDriverUsage feeds the driver input it cannot run: it exits 2 with a
// message that says where, and writes nothing to stdout.
func TestDriverUsage(t *testing.T) {
	t.Parallel()
	const endpoint = `"endpoint": "http://127.0.0.1:1", "region": "us-east-1"`
	for _, c := range []struct{ input, says string }{
		{`not json`, "stdin: Expecting value"},
		{`[]`, "stdin: want an object"},
		{`{"region": "us-east-1", "commands": []}`, "input.endpoint: want a non-empty string"},
		{`{` + endpoint + `}`, "input.commands: want a list"},
		{`{` + endpoint + `, "commands": [{"walk": {}}]}`, "commands[0]: unknown command 'walk'"},
		{`{` + endpoint + `, "commands": [{"call": {"service": "ssm"}}]}`, "commands[0].call.operation: want a non-empty string"},
		{`{` + endpoint + `, "commands": [{"call": {"service": "ssm", "operation": "get_parameter"}}]}`, "commands[0].call: ssm has no operation 'get_parameter'"},
		{`{` + endpoint + `, "commands": [{"call": {"service": "ssm", "operation": "GetParameter", "params": {"Name": {"__bytes__": "!"}}}}]}`, "commands[0].call.params.Name: __bytes__:"},
		{`{` + endpoint + `, "commands": [{"call": {"service": "ssm", "operation": "GetParameter", "params": {"A": [{"__datetime__": "soon"}]}}}]}`, "commands[0].call.params.A[0]: __datetime__: Invalid isoformat string: 'soon'"},
	} {
		status, stdout, stderr := driver(t, c.input)
		assert.Equal(t, 2, status, "%s\n%s", c.input, stderr)
		assert.Empty(t, stdout, c.input)
		assert.Contains(t, stderr, "boto3_driver: "+c.says, c.input)
	}
}

// TestDriverWithoutBoto3 runs the driver on a python3 without boto3: it
// exits 3, which Boto3 takes for a missing boto3.
func TestDriverWithoutBoto3(t *testing.T) {
	t.Parallel()
	requirePython(t)
	status, stdout, stderr := driverWith(t, bare(t), `{"endpoint": "http://127.0.0.1:1", "region": "us-east-1", "commands": []}`)
	assert.Equal(t, 3, status, stderr)
	assert.Empty(t, stdout)
	assert.Contains(t, stderr, "boto3_driver: No module named 'boto3'")
}

// TestDriverNormalise runs the driver's normalise on values of each kind.
func TestDriverNormalise(t *testing.T) {
	t.Parallel()
	requirePython(t)
	program := `
import datetime, decimal, io, json, sys
sys.path.insert(0, sys.argv[1])
import boto3_driver as d
from botocore.response import StreamingBody
utc = datetime.timezone.utc
east = datetime.timezone(datetime.timedelta(hours=2))
value = {
    "aware": datetime.datetime(2026, 1, 2, 3, 4, 5, 678999, tzinfo=east),
    "naive": datetime.datetime(999, 1, 2, 3, 4, 5),
    "bytes": b"\x00\xff",
    "bytearray": bytearray(b"ab"),
    "stream": StreamingBody(io.BytesIO(b"streamed"), 8),
    "int": decimal.Decimal("12"),
    "intexp": decimal.Decimal("1.20E+3"),
    "frac": decimal.Decimal("0.25"),
    "nan": float("nan"),
    "inf": decimal.Decimal("-Infinity"),
    "float": 1.5,
    "zero": 0,
    "false": False,
    "set": {"b", "a", "c"},
    "tuple": (1, "x"),
    "drop": {"none": None, "str": "", "list": [], "dict": {}, "nested": {"empty": {"gone": None}}},
    "keep": [None, "", [], {}],
}
json.dump(d.normalise(value), sys.stdout, sort_keys=True)
`
	cmd := exec.Command(python, "-c", program, filepath.Dir(driverScript(t)))
	out, err := cmd.Output()
	if exit, ok := err.(*exec.ExitError); ok {
		t.Fatalf("%v\n%s", err, exit.Stderr)
	}
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"aware": "2026-01-02T01:04:05.678Z",
		"naive": "0999-01-02T03:04:05.000Z",
		"bytes": "AP8=",
		"bytearray": "YWI=",
		"stream": "c3RyZWFtZWQ=",
		"int": 12,
		"intexp": 1200,
		"frac": 0.25,
		"nan": "NaN",
		"inf": "-Infinity",
		"float": 1.5,
		"zero": 0,
		"false": false,
		"set": ["a", "b", "c"],
		"tuple": [1, "x"],
		"keep": [null, "", [], {}]
	}`, string(out))
}
