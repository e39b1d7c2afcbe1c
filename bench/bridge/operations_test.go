package bridge

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	iamtypes "github.com/aws/aws-sdk-go-v2/service/iam/types"
	awsroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	r53types "github.com/aws/aws-sdk-go-v2/service/route53/types"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/dynamodb/dynamodbaws"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/iam/iamaws"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/logs/logsaws"
	"github.com/pagegen/pagegen/generated/route53"
	"github.com/pagegen/pagegen/generated/route53/route53aws"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/s3/s3aws"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/generated/ssm/ssmaws"
	"github.com/pagegen/pagegen/paginate"
)

// An operation is one recorded call: what the server is filled with
// before it, and the call.
type operation struct {
	name     string // the recording's file name without ".json"
	title    string // "DynamoDB Scan"
	protocol string // the SDK's protocol: "JSON 1.0"
	items    int    // the items of the recorded page
	// last is whether the page is the last one, without a next token.
	last bool
	// fill creates, through clients of cfg, what the call lists: more
	// than one page, so that the page has a next token, unless it is the
	// last.
	fill func(ctx context.Context, cfg aws.Config) error
	// open returns the call through clients of cfg.
	open func(cfg aws.Config) caller
}

// operations are the recorded calls, one or more per protocol.
var operations = []operation{
	{
		name: "dynamodb-scan", title: "DynamoDB Scan", protocol: "JSON 1.0", items: 100,
		fill: fillDynamoDB,
		open: func(cfg aws.Config) caller {
			api := awsdynamodb.NewFromConfig(cfg)
			c := newCalls("dynamodb", "Scan",
				&dynamodb.ScanInput{TableName: ddbTable, Limit: new(int64(100))},
				api.Scan, dynamodbaws.New(api).Scan,
				func(o *dynamodb.ScanOutput) (int, *paginate.Token) { return len(o.Items), &o.LastEvaluatedKey })
			c.byHand = scanByHand
			return c
		},
	},
	{
		name: "ssm-getparametersbypath", title: "SSM GetParametersByPath", protocol: "JSON 1.1", items: 10,
		fill: fillSSM,
		open: func(cfg aws.Config) caller {
			api := awsssm.NewFromConfig(cfg)
			return newCalls("ssm", "GetParametersByPath",
				&ssm.GetParametersByPathInput{Path: "/app", Recursive: new(true), WithDecryption: new(true), MaxResults: new(int64(10))},
				api.GetParametersByPath, ssmaws.New(api).GetParametersByPath,
				func(o *ssm.GetParametersByPathOutput) (int, *paginate.Token) { return len(o.Parameters), &o.NextToken })
		},
	},
	{
		name: "logs-describeloggroups", title: "CloudWatch Logs DescribeLogGroups", protocol: "JSON 1.1", items: 50,
		fill: fillLogs,
		open: func(cfg aws.Config) caller {
			api := awslogs.NewFromConfig(cfg)
			return newCalls("logs", "DescribeLogGroups",
				&logs.DescribeLogGroupsInput{LogGroupNamePrefix: "/app/", Limit: new(int64(50))},
				api.DescribeLogGroups, logsaws.New(api).DescribeLogGroups,
				func(o *logs.DescribeLogGroupsOutput) (int, *paginate.Token) { return len(o.LogGroups), &o.NextToken })
		},
	},
	{
		name: "s3-listobjectsv2", title: "S3 ListObjectsV2", protocol: "REST-XML", items: 100,
		fill: fillS3,
		open: func(cfg aws.Config) caller {
			api := awss3.NewFromConfig(cfg, s3Options(cfg))
			return newCalls("s3", "ListObjectsV2",
				&s3.ListObjectsV2Input{Bucket: s3Bucket, FetchOwner: new(true), MaxKeys: new(int64(100))},
				api.ListObjectsV2, s3aws.New(api).ListObjectsV2,
				func(o *s3.ListObjectsV2Output) (int, *paginate.Token) {
					return len(o.Contents), &o.NextContinuationToken
				})
		},
	},
	{
		name: "route53-listhostedzones", title: "Route 53 ListHostedZones", protocol: "REST-XML", items: 100,
		fill: fillRoute53,
		open: func(cfg aws.Config) caller {
			api := awsroute53.NewFromConfig(cfg)
			return newCalls("route53", "ListHostedZones",
				&route53.ListHostedZonesInput{MaxItems: new(int64(100))},
				api.ListHostedZones, route53aws.New(api).ListHostedZones,
				func(o *route53.ListHostedZonesOutput) (int, *paginate.Token) {
					return len(o.HostedZones), &o.NextMarker
				})
		},
	},
	{
		// moto ignores ListUsers' MaxItems and answers with all the
		// users, in one page without a Marker.
		name: "iam-listusers", title: "IAM ListUsers", protocol: "query", items: 100, last: true,
		fill: fillIAM,
		open: func(cfg aws.Config) caller {
			api := awsiam.NewFromConfig(cfg)
			return newCalls("iam", "ListUsers",
				&iam.ListUsersInput{PathPrefix: "/staff/", MaxItems: new(int64(100))},
				api.ListUsers, iamaws.New(api).ListUsers,
				func(o *iam.ListUsersOutput) (int, *paginate.Token) { return len(o.Users), &o.Marker })
		},
	},
}

// ddbTable is the table of fillDynamoDB.
const ddbTable = "orders"

// fillDynamoDB creates ddbTable and puts 150 items in it, of 10
// attributes each, of every type but the binary set: S, N, B, SS, NS, M,
// L, BOOL and NULL.
func fillDynamoDB(ctx context.Context, cfg aws.Config) error {
	api := awsdynamodb.NewFromConfig(cfg)
	if _, err := api.CreateTable(ctx, &awsdynamodb.CreateTableInput{
		TableName:            aws.String(ddbTable),
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}},
		BillingMode:          ddbtypes.BillingModePayPerRequest,
	}); err != nil {
		return fmt.Errorf("creating the table %s: %w", ddbTable, err)
	}
	for i := range 150 {
		n := strconv.Itoa(i)
		item := map[string]ddbtypes.AttributeValue{
			"pk":     &ddbtypes.AttributeValueMemberS{Value: fmt.Sprintf("customer#%04d", i)},
			"name":   &ddbtypes.AttributeValueMemberS{Value: "Customer " + n},
			"total":  &ddbtypes.AttributeValueMemberN{Value: n + ".95"},
			"avatar": &ddbtypes.AttributeValueMemberB{Value: []byte(strings.Repeat(n, 32/len(n)))},
			"tags":   &ddbtypes.AttributeValueMemberSS{Value: []string{"gold", "tier-" + n}},
			"scores": &ddbtypes.AttributeValueMemberNS{Value: []string{n, "2.5", "-7"}},
			"address": &ddbtypes.AttributeValueMemberM{Value: map[string]ddbtypes.AttributeValue{
				"street": &ddbtypes.AttributeValueMemberS{Value: n + " Main Street"},
				"city":   &ddbtypes.AttributeValueMemberS{Value: "Springfield"},
				"zip":    &ddbtypes.AttributeValueMemberN{Value: "12345"},
			}},
			"history": &ddbtypes.AttributeValueMemberL{Value: []ddbtypes.AttributeValue{
				&ddbtypes.AttributeValueMemberS{Value: "created"},
				&ddbtypes.AttributeValueMemberN{Value: "1700000000"},
				&ddbtypes.AttributeValueMemberBOOL{Value: true},
			}},
			"active":  &ddbtypes.AttributeValueMemberBOOL{Value: i%2 == 0},
			"deleted": &ddbtypes.AttributeValueMemberNULL{Value: true},
		}
		if _, err := api.PutItem(ctx, &awsdynamodb.PutItemInput{TableName: aws.String(ddbTable), Item: item}); err != nil {
			return fmt.Errorf("putting item %d into %s: %w", i, ddbTable, err)
		}
	}
	return nil
}

// fillSSM puts 15 parameters under /app, of the three types.
func fillSSM(ctx context.Context, cfg aws.Config) error {
	api := awsssm.NewFromConfig(cfg)
	types := []ssmtypes.ParameterType{ssmtypes.ParameterTypeString, ssmtypes.ParameterTypeStringList, ssmtypes.ParameterTypeSecureString}
	for i := range 15 {
		name := fmt.Sprintf("/app/service-%02d/setting", i)
		value := "value-" + strconv.Itoa(i)
		if types[i%3] == ssmtypes.ParameterTypeStringList {
			value += ",second,third"
		}
		if _, err := api.PutParameter(ctx, &awsssm.PutParameterInput{
			Name: aws.String(name), Value: aws.String(value), Type: types[i%3],
			Description: aws.String("setting of service " + strconv.Itoa(i)),
		}); err != nil {
			return fmt.Errorf("putting the parameter %s: %w", name, err)
		}
	}
	return nil
}

// fillLogs creates 60 log groups under /app/, half of them with a
// retention period, all with tags.
func fillLogs(ctx context.Context, cfg aws.Config) error {
	api := awslogs.NewFromConfig(cfg)
	for i := range 60 {
		name := fmt.Sprintf("/app/service-%02d/access", i)
		if _, err := api.CreateLogGroup(ctx, &awslogs.CreateLogGroupInput{
			LogGroupName: aws.String(name),
			Tags:         map[string]string{"team": "platform", "service": strconv.Itoa(i)},
		}); err != nil {
			return fmt.Errorf("creating the log group %s: %w", name, err)
		}
		if i%2 == 0 {
			if _, err := api.PutRetentionPolicy(ctx, &awslogs.PutRetentionPolicyInput{LogGroupName: aws.String(name), RetentionInDays: aws.Int32(30)}); err != nil {
				return fmt.Errorf("setting the retention of the log group %s: %w", name, err)
			}
		}
	}
	return nil
}

// s3Bucket is the bucket of fillS3.
const s3Bucket = "pagegen-bench"

// s3Options returns the option of the S3 clients of cfg: buckets in the
// path where cfg names an endpoint (moto's), as moto needs, and in the
// host name otherwise, as the SDK does by default.
func s3Options(cfg aws.Config) func(*awss3.Options) {
	return func(o *awss3.Options) { o.UsePathStyle = cfg.BaseEndpoint != nil }
}

// fillS3 creates s3Bucket and puts 150 small objects in it.
func fillS3(ctx context.Context, cfg aws.Config) error {
	api := awss3.NewFromConfig(cfg, s3Options(cfg))
	if _, err := api.CreateBucket(ctx, &awss3.CreateBucketInput{Bucket: aws.String(s3Bucket)}); err != nil {
		return fmt.Errorf("creating the bucket %s: %w", s3Bucket, err)
	}
	for i := range 150 {
		key := fmt.Sprintf("logs/2026/11/%02d/events-%03d.json", i%30+1, i)
		if _, err := api.PutObject(ctx, &awss3.PutObjectInput{
			Bucket: aws.String(s3Bucket), Key: aws.String(key),
			Body: strings.NewReader(strings.Repeat("{}\n", i+1)),
		}); err != nil {
			return fmt.Errorf("putting the object %s: %w", key, err)
		}
	}
	return nil
}

// fillRoute53 creates 120 public hosted zones with comments.
func fillRoute53(ctx context.Context, cfg aws.Config) error {
	api := awsroute53.NewFromConfig(cfg)
	for i := range 120 {
		name := fmt.Sprintf("zone-%03d.example.com.", i)
		if _, err := api.CreateHostedZone(ctx, &awsroute53.CreateHostedZoneInput{
			Name: aws.String(name), CallerReference: aws.String("pagegen-bench-" + strconv.Itoa(i)),
			HostedZoneConfig: &r53types.HostedZoneConfig{Comment: aws.String("zone " + strconv.Itoa(i))},
		}); err != nil {
			return fmt.Errorf("creating the hosted zone %s: %w", name, err)
		}
	}
	return nil
}

// fillIAM creates 100 users under the path /staff/, with tags.
func fillIAM(ctx context.Context, cfg aws.Config) error {
	api := awsiam.NewFromConfig(cfg)
	for i := range 100 {
		name := fmt.Sprintf("user-%03d", i)
		if _, err := api.CreateUser(ctx, &awsiam.CreateUserInput{
			UserName: aws.String(name), Path: aws.String("/staff/"),
			Tags: []iamtypes.Tag{{Key: aws.String("team"), Value: aws.String("platform")}},
		}); err != nil {
			return fmt.Errorf("creating the user %s: %w", name, err)
		}
	}
	return nil
}
