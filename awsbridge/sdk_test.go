package awsbridge_test

import (
	"context"
	"testing"
	"time"

	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	awsroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/route53"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

var dynamodbBridge = awsbridge.New(awsbridge.Config{Service: "dynamodb"})

// TestDynamoDBScanInput converts a Scan input with a key, expression
// values and a legacy filter, whose attribute values are unions in the
// SDK.
func TestDynamoDBScanInput(t *testing.T) {
	key := mustToken(t, paginate.Object{
		{Key: "pk", Value: paginate.Object{{Key: "S", Value: "user#1"}}},
		{Key: "sk", Value: paginate.Object{{Key: "N", Value: "42"}}},
		{Key: "bin", Value: paginate.Object{{Key: "B", Value: []byte{0xff, 0}}}},
	})
	in := &dynamodb.ScanInput{
		TableName:         "t",
		ExclusiveStartKey: key,
		Limit:             new(int64(25)),
		Segment:           new(int64(0)),
		ExpressionAttributeValues: map[string]dynamodb.AttributeValue{
			":s":  {S: "x"},
			":ns": {NS: []string{"1", "2.5"}},
			":m":  {M: map[string]dynamodb.AttributeValue{"n": {NULL: new(true)}, "l": {L: []dynamodb.AttributeValue{{BOOL: new(false)}, {BS: [][]byte{{1}}}}}}},
		},
		ScanFilter: map[string]dynamodb.KeyCondition{
			"a": {ComparisonOperator: dynamodb.ComparisonOperatorBetween, AttributeValueList: []dynamodb.AttributeValue{{N: "1"}, {N: "9"}}},
		},
		Select: dynamodb.QuerySelectCount,
	}
	var sdk awsdynamodb.ScanInput
	require.NoError(t, dynamodbBridge.ToSDK("Scan", &sdk, in))
	require.Equal(t, awsdynamodb.ScanInput{
		TableName: new("t"),
		ExclusiveStartKey: map[string]ddbtypes.AttributeValue{
			"pk":  &ddbtypes.AttributeValueMemberS{Value: "user#1"},
			"sk":  &ddbtypes.AttributeValueMemberN{Value: "42"},
			"bin": &ddbtypes.AttributeValueMemberB{Value: []byte{0xff, 0}},
		},
		Limit:   new(int32(25)),
		Segment: new(int32(0)),
		ExpressionAttributeValues: map[string]ddbtypes.AttributeValue{
			":s":  &ddbtypes.AttributeValueMemberS{Value: "x"},
			":ns": &ddbtypes.AttributeValueMemberNS{Value: []string{"1", "2.5"}},
			":m": &ddbtypes.AttributeValueMemberM{Value: map[string]ddbtypes.AttributeValue{
				"n": &ddbtypes.AttributeValueMemberNULL{Value: true},
				"l": &ddbtypes.AttributeValueMemberL{Value: []ddbtypes.AttributeValue{
					&ddbtypes.AttributeValueMemberBOOL{Value: false},
					&ddbtypes.AttributeValueMemberBS{Value: [][]byte{{1}}},
				}},
			}},
		},
		ScanFilter: map[string]ddbtypes.Condition{
			"a": {ComparisonOperator: ddbtypes.ComparisonOperatorBetween, AttributeValueList: []ddbtypes.AttributeValue{
				&ddbtypes.AttributeValueMemberN{Value: "1"}, &ddbtypes.AttributeValueMemberN{Value: "9"},
			}},
		},
		Select: ddbtypes.SelectCount,
	}, sdk)

	var back dynamodb.ScanInput
	require.NoError(t, dynamodbBridge.FromSDK("Scan", &back, &sdk))
	require.Equal(t, `{"bin":{"B":"/wA="},"pk":{"S":"user#1"},"sk":{"N":"42"}}`, back.ExclusiveStartKey.String())
	back.ExclusiveStartKey = in.ExclusiveStartKey
	require.Equal(t, in, &back)
}

// TestDynamoDBQueryInput converts a Query input's key conditions.
func TestDynamoDBQueryInput(t *testing.T) {
	in := &dynamodb.QueryInput{
		TableName: "t",
		KeyConditions: map[string]dynamodb.KeyCondition{
			"pk": {ComparisonOperator: "EQ", AttributeValueList: []dynamodb.AttributeValue{{S: "a"}}},
			"sk": {ComparisonOperator: "BEGINS_WITH", AttributeValueList: []dynamodb.AttributeValue{{B: []byte("p")}}},
		},
		ScanIndexForward:  new(false),
		ExclusiveStartKey: mustToken(t, paginate.Object{{Key: "pk", Value: paginate.Object{{Key: "S", Value: "a"}}}}),
	}
	var sdk awsdynamodb.QueryInput
	require.NoError(t, dynamodbBridge.ToSDK("Query", &sdk, in))
	require.Equal(t, map[string]ddbtypes.Condition{
		"pk": {ComparisonOperator: "EQ", AttributeValueList: []ddbtypes.AttributeValue{&ddbtypes.AttributeValueMemberS{Value: "a"}}},
		"sk": {ComparisonOperator: "BEGINS_WITH", AttributeValueList: []ddbtypes.AttributeValue{&ddbtypes.AttributeValueMemberB{Value: []byte("p")}}},
	}, sdk.KeyConditions)
	require.Equal(t, new(false), sdk.ScanIndexForward)
	require.Equal(t, map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "a"}}, sdk.ExclusiveStartKey)
}

// TestDynamoDBScanOutput converts items with every attribute type, nested.
func TestDynamoDBScanOutput(t *testing.T) {
	item := map[string]ddbtypes.AttributeValue{
		"s":    &ddbtypes.AttributeValueMemberS{Value: "x"},
		"n":    &ddbtypes.AttributeValueMemberN{Value: "-1.5e3"},
		"b":    &ddbtypes.AttributeValueMemberB{Value: []byte{}},
		"ss":   &ddbtypes.AttributeValueMemberSS{Value: []string{"a", "b"}},
		"ns":   &ddbtypes.AttributeValueMemberNS{Value: []string{"1"}},
		"bs":   &ddbtypes.AttributeValueMemberBS{Value: [][]byte{{1}, {2}}},
		"null": &ddbtypes.AttributeValueMemberNULL{Value: true},
		"bool": &ddbtypes.AttributeValueMemberBOOL{Value: false},
		"m": &ddbtypes.AttributeValueMemberM{Value: map[string]ddbtypes.AttributeValue{
			"l": &ddbtypes.AttributeValueMemberL{Value: []ddbtypes.AttributeValue{
				&ddbtypes.AttributeValueMemberM{Value: map[string]ddbtypes.AttributeValue{}},
				&ddbtypes.AttributeValueMemberL{Value: []ddbtypes.AttributeValue{}},
			}},
		}},
	}
	sdk := &awsdynamodb.ScanOutput{
		Items:            []map[string]ddbtypes.AttributeValue{item, {}},
		Count:            2,
		ScannedCount:     0,
		LastEvaluatedKey: map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "x"}, "b": &ddbtypes.AttributeValueMemberB{Value: []byte("k")}},
		ConsumedCapacity: &ddbtypes.ConsumedCapacity{TableName: new("t"), CapacityUnits: new(0.5), Table: &ddbtypes.Capacity{ReadCapacityUnits: new(0.5)}},
	}
	var out dynamodb.ScanOutput
	require.NoError(t, dynamodbBridge.FromSDK("Scan", &out, sdk))
	require.Equal(t, dynamodb.ScanOutput{
		Items: []map[string]dynamodb.AttributeValue{{
			"s":    {S: "x"},
			"n":    {N: "-1.5e3"},
			"b":    {B: []byte{}},
			"ss":   {SS: []string{"a", "b"}},
			"ns":   {NS: []string{"1"}},
			"bs":   {BS: [][]byte{{1}, {2}}},
			"null": {NULL: new(true)},
			"bool": {BOOL: new(false)},
			"m": {M: map[string]dynamodb.AttributeValue{
				"l": {L: []dynamodb.AttributeValue{{M: map[string]dynamodb.AttributeValue{}}, {L: []dynamodb.AttributeValue{}}}},
			}},
		}, {}},
		Count:            new(int64(2)),
		ScannedCount:     new(int64(0)),
		LastEvaluatedKey: mustToken(t, paginate.Object{{Key: "b", Value: paginate.Object{{Key: "B", Value: []byte("k")}}}, {Key: "pk", Value: paginate.Object{{Key: "S", Value: "x"}}}}),
		ConsumedCapacity: &dynamodb.ConsumedCapacity{TableName: "t", CapacityUnits: new(0.5), Table: &dynamodb.Table{ReadCapacityUnits: new(0.5)}},
	}, out)

	var back awsdynamodb.ScanOutput
	require.NoError(t, dynamodbBridge.ToSDK("Scan", &back, &out))
	require.Equal(t, sdk, &back)

	err := dynamodbBridge.FromSDK("Scan", &out, &awsdynamodb.ScanOutput{Items: []map[string]ddbtypes.AttributeValue{{"e": &ddbtypes.AttributeValueMemberS{}}}})
	require.EqualError(t, err, `Scan: Items[0]["e"].S: the SDK's member S is set to an empty value, which dynamodb.AttributeValue cannot tell from no member`)
}

// TestSSM converts GetParametersByPath, and ListNodes, whose output holds
// a union.
func TestSSM(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "ssm"})
	in := &ssm.GetParametersByPathInput{
		Path: "/app", Recursive: new(true), WithDecryption: new(false), MaxResults: new(int64(10)),
		ParameterFilters: []ssm.ParameterFilter{{Key: "Type", Option: "Equals", Values: []string{"SecureString"}}},
		NextToken:        paginate.StringToken("tok"),
	}
	var sin awsssm.GetParametersByPathInput
	require.NoError(t, b.ToSDK("GetParametersByPath", &sin, in))
	require.Equal(t, awsssm.GetParametersByPathInput{
		Path: new("/app"), Recursive: new(true), WithDecryption: new(false), MaxResults: new(int32(10)),
		ParameterFilters: []ssmtypes.ParameterStringFilter{{Key: new("Type"), Option: new("Equals"), Values: []string{"SecureString"}}},
		NextToken:        new("tok"),
	}, sin)

	modified := time.Date(2024, 1, 2, 3, 4, 5, 678_000_000, time.UTC)
	var out ssm.GetParametersByPathOutput
	require.NoError(t, b.FromSDK("GetParametersByPath", &out, &awsssm.GetParametersByPathOutput{
		Parameters: []ssmtypes.Parameter{{Name: new("/app/a"), Type: ssmtypes.ParameterTypeString, Value: new("v"), Version: 3, LastModifiedDate: &modified, ARN: new("arn")}},
		NextToken:  new("next"),
	}))
	require.Equal(t, ssm.GetParametersByPathOutput{
		Parameters: []ssm.Parameter{{Name: "/app/a", Type: ssm.ParameterTypeString, Value: "v", Version: new(int64(3)), LastModifiedDate: &modified, ARN: "arn"}},
		NextToken:  paginate.StringToken("next"),
	}, out)

	nodes := &awsssm.ListNodesOutput{Nodes: []ssmtypes.Node{{
		Id:       new("n"),
		NodeType: &ssmtypes.NodeTypeMemberInstance{Value: ssmtypes.InstanceInfo{AgentType: new("a"), ResourceType: ssmtypes.ResourceTypeManagedInstance}},
	}}}
	var pgNodes ssm.ListNodesOutput
	require.NoError(t, b.FromSDK("ListNodes", &pgNodes, nodes))
	require.Equal(t, ssm.ListNodesOutput{Nodes: []ssm.Node{{
		Id:       "n",
		NodeType: &ssm.NodeType{Instance: &ssm.Instance{AgentType: "a", ResourceType: ssm.ResourceType(ssmtypes.ResourceTypeManagedInstance)}},
	}}}, pgNodes)
	var back awsssm.ListNodesOutput
	require.NoError(t, b.ToSDK("ListNodes", &back, &pgNodes))
	require.Equal(t, nodes, &back, "the union member is built through ListNodesOutput's Deserialize")
}

// TestS3 converts ListObjectsV2, and ListParts, whose part number markers
// are numbers in the pages and strings in the SDK.
func TestS3(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "s3"})
	var sin awss3.ListObjectsV2Input
	require.NoError(t, b.ToSDK("ListObjectsV2", &sin, &s3.ListObjectsV2Input{Bucket: "b", Prefix: "p/", MaxKeys: new(int64(1000)), ContinuationToken: paginate.StringToken("c"), FetchOwner: new(true)}))
	require.Equal(t, awss3.ListObjectsV2Input{Bucket: new("b"), Prefix: new("p/"), MaxKeys: new(int32(1000)), ContinuationToken: new("c"), FetchOwner: new(true)}, sin)

	modified := time.Unix(1700000000, 0).UTC()
	var out s3.ListObjectsV2Output
	require.NoError(t, b.FromSDK("ListObjectsV2", &out, &awss3.ListObjectsV2Output{
		Contents:              []s3types.Object{{Key: new("p/a"), Size: new(int64(1 << 40)), LastModified: &modified, StorageClass: s3types.ObjectStorageClassStandard, ChecksumAlgorithm: []s3types.ChecksumAlgorithm{s3types.ChecksumAlgorithmCrc32}}},
		CommonPrefixes:        []s3types.CommonPrefix{{Prefix: new("p/d/")}},
		IsTruncated:           new(true),
		KeyCount:              new(int32(2)),
		NextContinuationToken: new("n"),
	}))
	require.Equal(t, s3.ListObjectsV2Output{
		Contents:              []s3.Content{{Key: "p/a", Size: new(int64(1 << 40)), LastModified: &modified, StorageClass: "STANDARD", ChecksumAlgorithm: []s3.ChecksumAlgorithm{"CRC32"}}},
		CommonPrefixes:        []s3.CommonPrefix{{Prefix: "p/d/"}},
		IsTruncated:           new(true),
		KeyCount:              new(int64(2)),
		NextContinuationToken: paginate.StringToken("n"),
	}, out)

	var pin awss3.ListPartsInput
	require.NoError(t, b.ToSDK("ListParts", &pin, &s3.ListPartsInput{Bucket: "b", Key: "k", UploadId: "u", PartNumberMarker: new(int64(7)), MaxParts: new(int64(2))}))
	require.Equal(t, awss3.ListPartsInput{Bucket: new("b"), Key: new("k"), UploadId: new("u"), PartNumberMarker: new("7"), MaxParts: new(int32(2))}, pin)
	var parts s3.ListPartsOutput
	require.NoError(t, b.FromSDK("ListParts", &parts, &awss3.ListPartsOutput{PartNumberMarker: new("7"), NextPartNumberMarker: new("9"), Parts: []s3types.Part{{PartNumber: new(int32(8))}}}))
	require.Equal(t, s3.ListPartsOutput{PartNumberMarker: new(int64(7)), NextPartNumberMarker: new(int64(9)), Parts: []s3.Part{{PartNumber: new(int64(8))}}}, parts)
	err := b.FromSDK("ListParts", &parts, &awss3.ListPartsOutput{NextPartNumberMarker: new("nine")})
	require.EqualError(t, err, `ListParts: NextPartNumberMarker: "nine" is not an integer`)
}

// TestRoute53 converts ListHostedZones, whose MaxItems is an int32 in the
// SDK, and a string in the pages' output.
func TestRoute53(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "route53"})
	var sin awsroute53.ListHostedZonesInput
	require.NoError(t, b.ToSDK("ListHostedZones", &sin, &route53.ListHostedZonesInput{MaxItems: new(int64(100)), Marker: paginate.StringToken("m")}))
	require.Equal(t, awsroute53.ListHostedZonesInput{MaxItems: new(int32(100)), Marker: new("m")}, sin)
	require.EqualError(t, b.ToSDK("ListHostedZones", &sin, &route53.ListHostedZonesInput{MaxItems: new(int64(1 << 32))}),
		"ListHostedZones: MaxItems: 4294967296 overflows int32")

	var out route53.ListHostedZonesOutput
	require.NoError(t, b.FromSDK("ListHostedZones", &out, &awsroute53.ListHostedZonesOutput{
		HostedZones: []r53types.HostedZone{{Id: new("/hostedzone/Z1"), Name: new("example.com."), CallerReference: new("r"), Config: &r53types.HostedZoneConfig{PrivateZone: true}, ResourceRecordSetCount: new(int64(2))}},
		IsTruncated: true, MaxItems: new(int32(100)), NextMarker: new("Z2"), Marker: new(""),
	}))
	require.Equal(t, route53.ListHostedZonesOutput{
		HostedZones: []route53.HostedZone{{Id: "/hostedzone/Z1", Name: "example.com.", CallerReference: "r", Config: &route53.Config{PrivateZone: new(true)}, ResourceRecordSetCount: new(int64(2))}},
		IsTruncated: new(true), MaxItems: "100", NextMarker: paginate.StringToken("Z2"),
	}, out)
}

// TestIAM converts ListUsers.
func TestIAM(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "iam"})
	created := time.Date(2020, 5, 6, 7, 8, 9, 0, time.UTC)
	var out iam.ListUsersOutput
	require.NoError(t, b.FromSDK("ListUsers", &out, &awsiam.ListUsersOutput{
		Users:       []iamtypes.User{{UserName: new("alice"), UserId: new("id"), Arn: new("arn"), Path: new("/"), CreateDate: &created, Tags: []iamtypes.Tag{{Key: new("k"), Value: new("v")}}, PermissionsBoundary: &iamtypes.AttachedPermissionsBoundary{PermissionsBoundaryType: iamtypes.PermissionsBoundaryAttachmentTypePolicy}}},
		IsTruncated: true, Marker: new("m"),
	}))
	require.Equal(t, iam.ListUsersOutput{
		Users:       []iam.User{{UserName: "alice", UserId: "id", Arn: "arn", Path: "/", CreateDate: &created, Tags: []iam.Tag{{Key: "k", Value: "v"}}, PermissionsBoundary: &iam.PermissionsBoundary{PermissionsBoundaryType: "PermissionsBoundaryPolicy"}}},
		IsTruncated: new(true), Marker: paginate.StringToken("m"),
	}, out)
	var sin awsiam.ListUsersInput
	require.NoError(t, b.ToSDK("ListUsers", &sin, &iam.ListUsersInput{PathPrefix: "/a/", MaxItems: new(int64(5)), Marker: paginate.StringToken("m")}))
	require.Equal(t, awsiam.ListUsersInput{PathPrefix: new("/a/"), MaxItems: new(int32(5)), Marker: new("m")}, sin)
}

// TestCloudWatchLogs converts DescribeLogGroups, whose member names start
// in lower case.
func TestCloudWatchLogs(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "logs"})
	var sin awslogs.DescribeLogGroupsInput
	require.NoError(t, b.ToSDK("DescribeLogGroups", &sin, &logs.DescribeLogGroupsInput{LogGroupNamePrefix: "/aws/", Limit: new(int64(50)), NextToken: paginate.StringToken("n"), IncludeLinkedAccounts: new(false)}))
	require.Equal(t, awslogs.DescribeLogGroupsInput{LogGroupNamePrefix: new("/aws/"), Limit: new(int32(50)), NextToken: new("n"), IncludeLinkedAccounts: new(false)}, sin)

	var out logs.DescribeLogGroupsOutput
	require.NoError(t, b.FromSDK("DescribeLogGroups", &out, &awslogs.DescribeLogGroupsOutput{
		LogGroups: []logstypes.LogGroup{{LogGroupName: new("/aws/x"), CreationTime: new(int64(1700000000000)), RetentionInDays: new(int32(7)), StoredBytes: new(int64(0)), LogGroupClass: logstypes.LogGroupClassStandard, InheritedProperties: []logstypes.InheritedProperty{logstypes.InheritedPropertyAccountDataProtection}, DeletionProtectionEnabled: new(true)}},
	}))
	require.Equal(t, logs.DescribeLogGroupsOutput{
		LogGroups: []logs.LogGroup{{LogGroupName: "/aws/x", CreationTime: new(int64(1700000000000)), RetentionInDays: new(int64(7)), StoredBytes: new(int64(0)), LogGroupClass: "STANDARD", InheritedProperties: []logs.InheritedProperty{"ACCOUNT_DATA_PROTECTION"}, DeletionProtectionEnabled: new(true)}},
	}, out)
}

// TestCallErrors checks that Call returns the SDK's error unchanged, and
// a conversion error as one.
func TestCallErrors(t *testing.T) {
	sdkErr := &ddbtypes.ResourceNotFoundException{Message: new("no table")}
	calls := 0
	scan := func(_ context.Context, in *awsdynamodb.ScanInput, _ ...func(*awsdynamodb.Options)) (*awsdynamodb.ScanOutput, error) {
		calls++
		require.Equal(t, new("t"), in.TableName)
		return nil, sdkErr
	}
	out, err := awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", scan, &dynamodb.ScanInput{TableName: "t"}, nil)
	require.Nil(t, out)
	require.Same(t, sdkErr, err)
	var rnf *ddbtypes.ResourceNotFoundException
	require.ErrorAs(t, err, &rnf)

	_, err = awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", scan, &dynamodb.ScanInput{Limit: new(int64(1 << 31))}, nil)
	require.EqualError(t, err, "Scan: Limit: 2147483648 overflows int32")
	require.Equal(t, 1, calls, "a conversion error calls nothing")

	empty := func(_ context.Context, in *awsdynamodb.ScanInput, _ ...func(*awsdynamodb.Options)) (*awsdynamodb.ScanOutput, error) {
		require.Equal(t, awsdynamodb.ScanInput{}, *in)
		return nil, nil
	}
	out, err = awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", empty, (*dynamodb.ScanInput)(nil), nil)
	require.NoError(t, err)
	require.Equal(t, &dynamodb.ScanOutput{}, out, "a nil input is empty, and so is a nil output")

	bad := func(context.Context, *awsdynamodb.ScanInput, ...func(*awsdynamodb.Options)) (*awsdynamodb.ScanOutput, error) {
		return &awsdynamodb.ScanOutput{Items: []map[string]ddbtypes.AttributeValue{{"x": &ddbtypes.AttributeValueMemberSS{}}}}, nil
	}
	_, err = awsbridge.Call[dynamodb.ScanOutput](context.Background(), dynamodbBridge, "Scan", bad, (*dynamodb.ScanInput)(nil), nil)
	require.EqualError(t, err, `Scan: Items[0]["x"].SS: the SDK's member SS is set to an empty value, which dynamodb.AttributeValue cannot tell from no member`)
	var ce *awsbridge.ConversionError
	require.ErrorAs(t, err, &ce)
	require.Equal(t, `Items[0]["x"].SS`, ce.Path)
}
