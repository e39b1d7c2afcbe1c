package awsbridge

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/ssm"
)

// canned is a response body, decoded both ways by a test.
type canned struct{ name, body string }

const (
	json10 = "application/x-amz-json-1.0"
	json11 = "application/x-amz-json-1.1"
	xml    = "text/xml"
)

// dynamodbBodies are Scan and Query responses with every kind of value
// their outputs hold, and every error.
var dynamodbBodies = []canned{
	{"every attribute type", `{"Items":[{"s":{"S":"x"},"n":{"N":"-1.5e3"},"b":{"B":"aGk="},"e":{"B":""},"ss":{"SS":["a","b"]},"ns":{"NS":["1"]},"bs":{"BS":["aGk=",""]},"null":{"NULL":true},"bool":{"BOOL":false},"m":{"M":{"l":{"L":[{"M":{}},{"L":[]},{"S":"deep"},{"M":{"k":{"NULL":false}}}]}}}},{}],"Count":2,"ScannedCount":0}`},
	{"consumed capacity", `{"ConsumedCapacity":{"TableName":"t","CapacityUnits":0.5,"ReadCapacityUnits":-0.0,"WriteCapacityUnits":1e300,"Table":{"ReadCapacityUnits":0.5},"GlobalSecondaryIndexes":{"g":{"CapacityUnits":1},"h":{}},"LocalSecondaryIndexes":{}}}`},
	{"no members", `{}`},
	{"no body", ``},
	{"null members", `{"Items":null,"Count":null,"LastEvaluatedKey":null,"ConsumedCapacity":null}`},
	{"null items and values", `{"Items":[null,{"a":null,"b":{"S":"1"}},{"l":{"L":[null,{"S":"x"},null]}}]}`},
	{"members no schema knows", `{"Unknown":{"x":[1,{"y":null}]},"Items":[{"a":{"S":"1","Q":1}}],"ConsumedCapacity":{"Other":true}}`},
	{"a list item with no member the SDK knows repeats the one before", `{"Items":[{"l":{"L":[{"S":"a"},{"Q":1},{"N":"1"},null,{"Q":2},{}]}}]}`},
	{"a first list item with no member the SDK knows", `{"Items":[{"l":{"L":[{"Q":1},{"S":"a"}]}}]}`},
	{"a map value with no member the SDK knows repeats the one before", `{"Items":[{"a":{"S":"x"},"b":{"Q":1},"c":null,"d":{"Q":2},"e":{"S":null}}]}`},
	{"a first map value with no member the SDK knows", `{"Items":[{"b":{"Q":1},"a":{"S":"x"}}]}`},
	{"repeated keys", `{"Items":[{"a":{"S":"x"},"b":{"Q":1},"a":{"N":"2"},"c":{"Q":1}}]}`},
	{"the repeated key of the value repeated", `{"Items":[{"a":{"S":"x"},"a":null,"b":{"Q":1}}]}`},
	{"the repeated key of the value repeated, twice", `{"Items":[{"a":{"S":"x"},"a":{"Q":1},"a":null,"b":{"Q":1}}]}`},
	{"repeated members", `{"Count":1,"Count":2,"Items":[{"a":{"S":"1"}}],"Items":[],"ConsumedCapacity":{"TableName":"a"},"ConsumedCapacity":{"CapacityUnits":1},"LastEvaluatedKey":{"a":{"S":"1"}},"LastEvaluatedKey":{"b":{"S":"2"}}}`},
	{"key order", `{"LastEvaluatedKey":{"zz":{"S":"h1"},"aa":{"N":"1"},"mm":{"M":{"y":{"S":"1"},"x":{"S":"2"}}},"zz":{"S":"h2"}}}`},
	{"a key of every type", `{"LastEvaluatedKey":{"k":{"L":[{"BS":["aGk="]},{"NULL":true},{"BOOL":false},{"SS":[]},{"NS":["1"]},{"B":""}]},"q":{"Q":1},"n":null,"e":{"S":""}}}`},
	{"escaped strings", `{"Items":[{"\u00e9t\u00e9":{"S":"a\"b\\c\u0000\ud83d\ude00"}}],"LastEvaluatedKey":{"\n":{"S":"\t"}}}`},
	{"an empty string", `{"Items":[{"e":{"S":""}}]}`},
	{"an empty number", `{"Items":[{"a":{"S":"1"}},{"e":{"N":""}}]}`},
	{"errors in two items", `{"Items":[{"a":{"S":"1"}},{"e":{"S":""}},{"f":{"N":""}}]}`},
	{"an error in a map attribute", `{"Items":[{"a":{"M":{"x":{"L":[{"S":"ok"},{"S":""}]}}}}]}`},
	{"an error repeated by a value with no member the SDK knows", `{"Items":[{"l":{"L":[{"S":""},{"Q":1}]}}]}`},
	{"an error replaced by a repeated key", `{"Items":[{"a":{"S":""},"a":{"S":"x"}}]}`},
	{"an error, then JSON that is not", `{"Items":[{"e":{"S":""}}],"Count":x}`},
	{"two union members", `{"Items":[{"a":{"S":"1","N":"2"}}]}`},
	{"a blob that is not base64", `{"Items":[{"a":{"B":"!!"}}]}`},
	{"a count beyond int32", `{"Count":2147483648}`},
	{"a count that is not an integer", `{"Count":1.5}`},
	{"a string for a number", `{"Count":"1"}`},
	{"a string for a double", `{"ConsumedCapacity":{"CapacityUnits":"NaN"}}`},
	{"a truncated body", `{"Items":[{"a":{"S":"1"}`},
	{"a list for a struct", `{"ConsumedCapacity":[]}`},
	{"a struct for a list", `{"Items":{}}`},
	{"a number for a union", `{"Items":[{"a":1}]}`},
	{"a list for a map", `{"LastEvaluatedKey":[]}`},
	{"not JSON", `<Items/>`},
	{"data after the body", `{} {}`},
}

// TestDirectDynamoDB decodes DynamoDB's responses both ways, through
// Scan, Query, ListBackups and ListTables.
func TestDirectDynamoDB(t *testing.T) {
	for _, tt := range dynamodbBodies {
		t.Run(tt.name, func(t *testing.T) {
			c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, tt.body)))
			bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, direct)
			bothWays[dynamodb.QueryOutput](t, "dynamodb", "Query", c.Query, &dynamodb.QueryInput{TableName: "t"}, direct)
		})
	}
	for _, tt := range []canned{
		{"backups", `{"BackupSummaries":[{"TableName":"t","TableId":"i","TableArn":"a","BackupArn":"b","BackupName":"n","BackupCreationDateTime":1700000000.123,"BackupExpiryDateTime":1.7e9,"BackupStatus":"AVAILABLE","BackupType":"USER","BackupSizeBytes":9007199254740993},{"BackupStatus":"","BackupSizeBytes":0}],"LastEvaluatedBackupArn":"arn"}`},
		{"an empty token", `{"LastEvaluatedBackupArn":""}`},
		{"a date before 1970", `{"BackupSummaries":[{"BackupCreationDateTime":-1.5}]}`},
		{"a date as a string", `{"BackupSummaries":[{"BackupCreationDateTime":"2024-01-02T03:04:05Z"}]}`},
		{"a size beyond int64", `{"BackupSummaries":[{"BackupSizeBytes":9223372036854775808}]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, tt.body)))
			bothWays[dynamodb.ListBackupsOutput](t, "dynamodb", "ListBackups", c.ListBackups, &dynamodb.ListBackupsInput{}, direct)
		})
	}
	for _, tt := range []canned{
		{"tables", `{"TableNames":["a","",null,"b"],"LastEvaluatedTableName":"b"}`},
		{"no tables", `{"TableNames":[]}`},
		{"a number for a name", `{"TableNames":[1]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, tt.body)))
			bothWays[dynamodb.ListTablesOutput](t, "dynamodb", "ListTables", c.ListTables, &dynamodb.ListTablesInput{}, direct)
		})
	}
}

// TestDirectSSM decodes SSM's responses both ways: parameters, sessions,
// and nodes, whose type is a union.
func TestDirectSSM(t *testing.T) {
	for _, tt := range []canned{
		{"parameters", `{"Parameters":[{"Name":"/a","Type":"SecureString","Value":"v","Version":3,"Selector":":3","SourceResult":"s","LastModifiedDate":1700000000.5,"ARN":"arn","DataType":"text"},{"Name":"/b","Version":0},{}],"NextToken":"n"}`},
		{"a version beyond int64", `{"Parameters":[{"Version":1e30}]}`},
		{"a date that is not a number", `{"Parameters":[{"LastModifiedDate":true}]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsssm.NewFromConfig(sdkConfig(answer(200, json11, tt.body)))
			bothWays[ssm.GetParametersByPathOutput](t, "ssm", "GetParametersByPath", c.GetParametersByPath, &ssm.GetParametersByPathInput{Path: "/"}, direct)
		})
	}
	for _, tt := range []canned{
		{"sessions", `{"Sessions":[{"SessionId":"s","Target":"i-1","Status":"Connected","StartDate":1.7e9,"EndDate":1700000001,"DocumentName":"d","Owner":"o","Reason":"r","Details":"x","OutputUrl":{"S3OutputUrl":"s3","CloudWatchOutputUrl":"cw"},"MaxSessionDuration":"60","AccessType":"Standard"},{"OutputUrl":{}}],"NextToken":"n"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsssm.NewFromConfig(sdkConfig(answer(200, json11, tt.body)))
			bothWays[ssm.DescribeSessionsOutput](t, "ssm", "DescribeSessions", c.DescribeSessions, &ssm.DescribeSessionsInput{State: "Active"}, direct)
		})
	}
	for _, tt := range []canned{
		{"nodes", `{"Nodes":[{"Id":"n","CaptureTime":1.7e9,"Region":"r","Owner":{"AccountId":"1","OrganizationalUnitId":"ou","OrganizationalUnitPath":"p"},"NodeType":{"Instance":{"AgentType":"a","AgentVersion":"1","ComputerName":"c","InstanceStatus":"s","IpAddress":"1.2.3.4","ManagedStatus":"Managed","PlatformType":"Linux","PlatformName":"p","PlatformVersion":"v","ResourceType":"ManagedInstance","AvailabilityZone":"az"}}}],"NextToken":"t"}`},
		{"an empty node type", `{"Nodes":[{"NodeType":{"Instance":{}}}]}`},
		{"a node type the SDK does not know", `{"Nodes":[{"NodeType":{"Container":{"x":1}}},{"NodeType":{}}]}`},
		{"a repeated node type the SDK does not know", `{"Nodes":[{"NodeType":{"Instance":{"AgentType":"a"}},"NodeType":{"Container":1}}]}`},
		{"two node types", `{"Nodes":[{"NodeType":{"Instance":{},"Instance":{}}}]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsssm.NewFromConfig(sdkConfig(answer(200, json11, tt.body)))
			bothWays[ssm.ListNodesOutput](t, "ssm", "ListNodes", c.ListNodes, &ssm.ListNodesInput{}, direct)
		})
	}
}

// TestDirectLogs decodes CloudWatch Logs' responses both ways.
func TestDirectLogs(t *testing.T) {
	for _, tt := range []canned{
		{"log groups", `{"logGroups":[{"logGroupName":"/a","creationTime":1700000000000,"retentionInDays":7,"metricFilterCount":0,"arn":"arn:*","storedBytes":0,"kmsKeyId":"k","dataProtectionStatus":"ACTIVATED","inheritedProperties":["ACCOUNT_DATA_PROTECTION",""],"logGroupClass":"STANDARD","logGroupArn":"arn","deletionProtectionEnabled":false,"bearerTokenAuthenticationEnabled":true},{}],"nextToken":"n"}`},
		{"a retention beyond int32", `{"logGroups":[{"retentionInDays":2147483648}]}`},
		{"a boolean that is not", `{"logGroups":[{"deletionProtectionEnabled":1}]}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awslogs.NewFromConfig(sdkConfig(answer(200, json11, tt.body)))
			bothWays[logs.DescribeLogGroupsOutput](t, "logs", "DescribeLogGroups", c.DescribeLogGroups, &logs.DescribeLogGroupsInput{}, direct)
		})
	}
	for _, tt := range []canned{
		{"events", `{"events":[{"logStreamName":"s","timestamp":1700000000000,"message":"m","ingestionTime":-1,"eventId":"e"}],"searchedLogStreams":[{"logStreamName":"s","searchedCompletely":true}],"nextToken":"n"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awslogs.NewFromConfig(sdkConfig(answer(200, json11, tt.body)))
			bothWays[logs.FilterLogEventsOutput](t, "logs", "FilterLogEvents", c.FilterLogEvents, &logs.FilterLogEventsInput{LogGroupName: "g"}, direct)
		})
	}
}

// TestDirectIAM decodes IAM's responses, in the query protocol's XML, both
// ways.
func TestDirectIAM(t *testing.T) {
	const head, tail = `<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult>`, `</ListUsersResult></ListUsersResponse>`
	for _, tt := range []canned{
		{"users", `<Users><member><Path>/</Path><UserName>a</UserName><UserId>i</UserId><Arn>arn</Arn><CreateDate>2026-12-03T05:29:13.471094Z</CreateDate><PasswordLastUsed>2020-01-01T00:00:00Z</PasswordLastUsed><PermissionsBoundary><PermissionsBoundaryType>PermissionsBoundaryPolicy</PermissionsBoundaryType><PermissionsBoundaryArn>p</PermissionsBoundaryArn></PermissionsBoundary><Tags><member><Key>k</Key><Value>v</Value></member><member><Key>e</Key><Value></Value></member></Tags></member><member></member></Users><IsTruncated>true</IsTruncated><Marker>m</Marker>`},
		{"no users", `<Users/><IsTruncated>false</IsTruncated>`},
		{"nothing", ``},
		{"repeated elements", `<IsTruncated>true</IsTruncated><IsTruncated>false</IsTruncated><Marker>a</Marker><Marker>b</Marker><Users><member><UserName>a</UserName></member></Users><Users></Users>`},
		{"elements no schema knows", `<Other><x>1</x></Other><Users><member><Unknown/><UserName>a</UserName></member></Users>`},
		{"a date that is not", `<Users><member><CreateDate>yesterday</CreateDate></member></Users>`},
		{"a boolean that is not", `<IsTruncated>maybe</IsTruncated>`},
		{"an empty marker", `<Marker></Marker>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := awsiam.NewFromConfig(sdkConfig(answer(200, xml, head+tt.body+tail)))
			bothWays[iam.ListUsersOutput](t, "iam", "ListUsers", c.ListUsers, &iam.ListUsersInput{}, direct)
		})
	}
	t.Run("not XML", func(t *testing.T) {
		c := awsiam.NewFromConfig(sdkConfig(answer(200, xml, `{"Users":[]}`)))
		bothWays[iam.ListUsersOutput](t, "iam", "ListUsers", c.ListUsers, &iam.ListUsersInput{}, direct)
	})
	t.Run("truncated", func(t *testing.T) {
		c := awsiam.NewFromConfig(sdkConfig(answer(200, xml, head+`<Users><member><UserName>a`)))
		bothWays[iam.ListUsersOutput](t, "iam", "ListUsers", c.ListUsers, &iam.ListUsersInput{}, direct)
	})
}

// TestDirectServiceErrors checks that the errors a service answers with
// come back as the SDK makes them, both ways.
func TestDirectServiceErrors(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		c := awsdynamodb.NewFromConfig(sdkConfig(answer(400, json10, `{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"no table"}`)))
		_, err := bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, direct)
		var rnf interface{ ErrorCode() string }
		require.ErrorAs(t, err, &rnf)
		require.Equal(t, "ResourceNotFoundException", rnf.ErrorCode())
	})
	t.Run("dynamodb, an unknown error", func(t *testing.T) {
		c := awsdynamodb.NewFromConfig(sdkConfig(answer(500, json10, `{"__type":"Boom","message":"x"}`)))
		bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, direct)
	})
	t.Run("ssm", func(t *testing.T) {
		c := awsssm.NewFromConfig(sdkConfig(answer(400, json11, `{"__type":"InvalidNextToken","Message":"bad"}`)))
		bothWays[ssm.GetParametersByPathOutput](t, "ssm", "GetParametersByPath", c.GetParametersByPath, &ssm.GetParametersByPathInput{Path: "/"}, direct)
	})
	t.Run("iam", func(t *testing.T) {
		c := awsiam.NewFromConfig(sdkConfig(answer(404, xml, `<ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>none</Message></Error></ErrorResponse>`)))
		bothWays[iam.ListUsersOutput](t, "iam", "ListUsers", c.ListUsers, &iam.ListUsersInput{}, direct)
	})
}

// afterDeserialization is an interceptor that is given the SDK's output.
type afterDeserialization struct{ outputs []any }

func (a *afterDeserialization) AfterDeserialization(_ context.Context, in *smithyhttp.InterceptorContext) error {
	a.outputs = append(a.outputs, in.Output)
	return nil
}

// TestDirectInterceptors checks that a call whose SDK options have an
// interceptor that is given the SDK's output converts the SDK's output.
func TestDirectInterceptors(t *testing.T) {
	seen := &afterDeserialization{}
	c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, dynamodbBodies[0].body)), func(o *awsdynamodb.Options) {
		o.Interceptors.AddAfterDeserialization(seen)
	})
	bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, converted)
	require.Len(t, seen.outputs, 2)
	for _, o := range seen.outputs {
		require.False(t, emptyOutput(o.(*awsdynamodb.ScanOutput)))
	}
}

// otherProtocol is a ClientProtocol of a program's own, which wraps
// another.
type otherProtocol struct{ smithyhttp.ClientProtocol }

// TestDirectOtherProtocol checks that a call through a protocol other than
// smithy-go's converts the SDK's output.
func TestDirectOtherProtocol(t *testing.T) {
	c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, dynamodbBodies[0].body)), func(o *awsdynamodb.Options) {
		o.Protocol = otherProtocol{o.Protocol}
	})
	bothWays[dynamodb.ScanOutput](t, "dynamodb", "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, converted)
}

// TestDirectPlans checks that every operation of the bridges of
// DynamoDB, SSM, CloudWatch Logs and IAM takes the direct path: a plan
// maps each member of its output.
func TestDirectPlans(t *testing.T) {
	ctx := context.Background()
	planned := func(t *testing.T, b *Bridge, op string) {
		t.Helper()
		var o *operation
		b.ops.Range(func(_, v any) bool {
			if v.(*operation).name == op {
				o = v.(*operation)
			}
			return o == nil
		})
		require.NotNil(t, o, op)
		d := o.dir.Load()
		require.NotNil(t, d, "%s: no response was read", op)
		require.NotNil(t, d.plan, "%s takes FromSDK's path", op)
	}
	t.Run("dynamodb", func(t *testing.T) {
		b := New(Config{Service: "dynamodb"})
		c := awsdynamodb.NewFromConfig(sdkConfig(answer(200, json10, `{}`)))
		_, err := Call[dynamodb.ScanOutput](ctx, b, "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
		require.NoError(t, err)
		_, err = Call[dynamodb.QueryOutput](ctx, b, "Query", c.Query, &dynamodb.QueryInput{TableName: "t"}, nil)
		require.NoError(t, err)
		_, err = Call[dynamodb.ListBackupsOutput](ctx, b, "ListBackups", c.ListBackups, &dynamodb.ListBackupsInput{}, nil)
		require.NoError(t, err)
		_, err = Call[dynamodb.ListTablesOutput](ctx, b, "ListTables", c.ListTables, &dynamodb.ListTablesInput{}, nil)
		require.NoError(t, err)
		for _, op := range []string{"Scan", "Query", "ListBackups", "ListTables"} {
			planned(t, b, op)
		}
	})
	t.Run("ssm", func(t *testing.T) {
		b := New(Config{Service: "ssm"})
		c := awsssm.NewFromConfig(sdkConfig(answer(200, json11, `{}`)))
		_, err := Call[ssm.GetParametersByPathOutput](ctx, b, "GetParametersByPath", c.GetParametersByPath, &ssm.GetParametersByPathInput{Path: "/"}, nil)
		require.NoError(t, err)
		_, err = Call[ssm.DescribeSessionsOutput](ctx, b, "DescribeSessions", c.DescribeSessions, &ssm.DescribeSessionsInput{State: "Active"}, nil)
		require.NoError(t, err)
		_, err = Call[ssm.ListNodesOutput](ctx, b, "ListNodes", c.ListNodes, &ssm.ListNodesInput{}, nil)
		require.NoError(t, err)
		for _, op := range []string{"GetParametersByPath", "DescribeSessions", "ListNodes"} {
			planned(t, b, op)
		}
	})
	t.Run("logs", func(t *testing.T) {
		b := New(Config{Service: "logs"})
		c := awslogs.NewFromConfig(sdkConfig(answer(200, json11, `{}`)))
		_, err := Call[logs.DescribeLogGroupsOutput](ctx, b, "DescribeLogGroups", c.DescribeLogGroups, &logs.DescribeLogGroupsInput{}, nil)
		require.NoError(t, err)
		_, err = Call[logs.FilterLogEventsOutput](ctx, b, "FilterLogEvents", c.FilterLogEvents, &logs.FilterLogEventsInput{LogGroupName: "g"}, nil)
		require.NoError(t, err)
		for _, op := range []string{"DescribeLogGroups", "FilterLogEvents"} {
			planned(t, b, op)
		}
	})
	t.Run("iam", func(t *testing.T) {
		b := New(Config{Service: "iam"})
		c := awsiam.NewFromConfig(sdkConfig(answer(200, xml, `<ListUsersResponse><ListUsersResult></ListUsersResult></ListUsersResponse>`)))
		_, err := Call[iam.ListUsersOutput](ctx, b, "ListUsers", c.ListUsers, &iam.ListUsersInput{}, nil)
		require.NoError(t, err)
		planned(t, b, "ListUsers")
	})
}

// TestDirectConcurrent calls Scan through one bridge from many goroutines,
// for the race detector.
func TestDirectConcurrent(t *testing.T) {
	b := New(Config{Service: "dynamodb"})
	body := recorded(t, "dynamodb-scan")
	c := awsdynamodb.NewFromConfig(sdkConfig(body))
	want, err := Call[dynamodb.ScanOutput](context.Background(), b, "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
	require.NoError(t, err)
	errs := make(chan error)
	for range 8 {
		go func() {
			for range 5 {
				got, err := Call[dynamodb.ScanOutput](context.Background(), New(Config{Service: "dynamodb"}), "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
				if err == nil && !sameValue(reflect.ValueOf(want), reflect.ValueOf(got)) {
					err = fmt.Errorf("a page differs")
				}
				if err == nil {
					got, err = Call[dynamodb.ScanOutput](context.Background(), b, "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
				}
				if err == nil && !sameValue(reflect.ValueOf(want), reflect.ValueOf(got)) {
					err = fmt.Errorf("a page differs")
				}
				errs <- err
			}
		}()
	}
	for range 40 {
		require.NoError(t, <-errs)
	}
}
