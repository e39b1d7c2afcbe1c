package awsbridge_test

import (
	"testing"

	awslogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	awsroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/awsbridge/bridgetest"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/route53"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/ssm"
)

// roundTrips are the operations of the generated packages, with their pagegen and
// SDK inputs and outputs.
var roundTrips = []struct {
	service, op        string
	in, sin, out, sout any
}{
	{"dynamodb", "Scan", &dynamodb.ScanInput{}, &awsdynamodb.ScanInput{}, &dynamodb.ScanOutput{}, &awsdynamodb.ScanOutput{}},
	{"dynamodb", "Query", &dynamodb.QueryInput{}, &awsdynamodb.QueryInput{}, &dynamodb.QueryOutput{}, &awsdynamodb.QueryOutput{}},
	{"dynamodb", "ListBackups", &dynamodb.ListBackupsInput{}, &awsdynamodb.ListBackupsInput{}, &dynamodb.ListBackupsOutput{}, &awsdynamodb.ListBackupsOutput{}},
	{"dynamodb", "ListTables", &dynamodb.ListTablesInput{}, &awsdynamodb.ListTablesInput{}, &dynamodb.ListTablesOutput{}, &awsdynamodb.ListTablesOutput{}},
	{"ssm", "GetParametersByPath", &ssm.GetParametersByPathInput{}, &awsssm.GetParametersByPathInput{}, &ssm.GetParametersByPathOutput{}, &awsssm.GetParametersByPathOutput{}},
	{"ssm", "DescribeSessions", &ssm.DescribeSessionsInput{}, &awsssm.DescribeSessionsInput{}, &ssm.DescribeSessionsOutput{}, &awsssm.DescribeSessionsOutput{}},
	{"ssm", "ListNodes", &ssm.ListNodesInput{}, &awsssm.ListNodesInput{}, &ssm.ListNodesOutput{}, &awsssm.ListNodesOutput{}},
	{"s3", "ListObjectsV2", &s3.ListObjectsV2Input{}, &awss3.ListObjectsV2Input{}, &s3.ListObjectsV2Output{}, &awss3.ListObjectsV2Output{}},
	{"s3", "ListParts", &s3.ListPartsInput{}, &awss3.ListPartsInput{}, &s3.ListPartsOutput{}, &awss3.ListPartsOutput{}},
	{"route53", "ListHostedZones", &route53.ListHostedZonesInput{}, &awsroute53.ListHostedZonesInput{}, &route53.ListHostedZonesOutput{}, &awsroute53.ListHostedZonesOutput{}},
	{"route53", "ListResourceRecordSets", &route53.ListResourceRecordSetsInput{}, &awsroute53.ListResourceRecordSetsInput{}, &route53.ListResourceRecordSetsOutput{}, &awsroute53.ListResourceRecordSetsOutput{}},
	{"iam", "ListUsers", &iam.ListUsersInput{}, &awsiam.ListUsersInput{}, &iam.ListUsersOutput{}, &awsiam.ListUsersOutput{}},
	{"logs", "DescribeLogGroups", &logs.DescribeLogGroupsInput{}, &awslogs.DescribeLogGroupsInput{}, &logs.DescribeLogGroupsOutput{}, &awslogs.DescribeLogGroupsOutput{}},
	{"logs", "FilterLogEvents", &logs.FilterLogEventsInput{}, &awslogs.FilterLogEventsInput{}, &logs.FilterLogEventsOutput{}, &awslogs.FilterLogEventsOutput{}},
}

func TestRoundTrip(t *testing.T) {
	for _, rt := range roundTrips {
		t.Run(rt.service+"."+rt.op, func(t *testing.T) {
			b := awsbridge.New(awsbridge.Config{Service: rt.service})
			bridgetest.RoundTrip(t, b, rt.op, rt.in, rt.sin)
			bridgetest.RoundTrip(t, b, rt.op, rt.out, rt.sout)
			t.Logf("uncovered: %v %v", bridgetest.Uncovered(rt.in, rt.sin), bridgetest.Uncovered(rt.out, rt.sout))
			t.Logf("SDK only: %v %v", bridgetest.SDKOnly(rt.in, rt.sin), bridgetest.SDKOnly(rt.out, rt.sout))
		})
	}
}
