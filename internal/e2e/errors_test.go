package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	awscloudwatchlogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsec2 "github.com/aws/aws-sdk-go-v2/service/ec2"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/dynamodb/dynamodbaws"
	"github.com/pagegen/pagegen/generated/ec2"
	"github.com/pagegen/pagegen/generated/ec2/ec2aws"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/logs/logsaws"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/generated/ssm/ssmaws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstPage returns whether p has more pages after its first, and the
// error of the first.
func firstPage[P any](ctx context.Context, p pager[P]) (bool, error) {
	_, err := p.NextPage(ctx)
	return p.HasMorePages(), err
}

// TestErrors walks operations that the server rejects, in Go and in boto3,
// and checks that NextPage returns the SDK's error unchanged, with
// boto3's error code, message and HTTP status, and leaves the paginator
// where it was. moto rejects nothing that IAM ListUsers or Route 53
// ListHostedZones are sent.
func TestErrors(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	tests := []struct {
		name  string
		boto3 moto.Paginate
		goErr func(ctx context.Context) (bool, error)
	}{
		{
			"json/SSM GetParametersByPath with PageSize above 10",
			moto.Paginate{Service: "ssm", Paginator: "GetParametersByPath", Params: map[string]any{"Path": "/e2e/errors"}, Config: moto.PaginationConfig{PageSize: 11}},
			func(ctx context.Context) (bool, error) {
				client := ssmaws.New(awsssm.NewFromConfig(sdkConfig(s.URL)))
				return firstPage(ctx, ssm.NewGetParametersByPathPaginator(client, &ssm.GetParametersByPathInput{Path: "/e2e/errors"}, options(paginate.Options{PageSize: 11})))
			},
		},
		{
			"json/DynamoDB Scan of a missing table",
			moto.Paginate{Service: "dynamodb", Paginator: "Scan", Params: map[string]any{"TableName": "e2e-missing"}},
			func(ctx context.Context) (bool, error) {
				client := dynamodbaws.New(awsdynamodb.NewFromConfig(sdkConfig(s.URL)))
				return firstPage(ctx, dynamodb.NewScanPaginator(client, &dynamodb.ScanInput{TableName: "e2e-missing"}))
			},
		},
		{
			"json/CloudWatch Logs DescribeLogGroups with PageSize above 50",
			moto.Paginate{Service: "logs", Paginator: "DescribeLogGroups", Config: moto.PaginationConfig{PageSize: 51}},
			func(ctx context.Context) (bool, error) {
				client := logsaws.New(awscloudwatchlogs.NewFromConfig(sdkConfig(s.URL)))
				return firstPage(ctx, logs.NewDescribeLogGroupsPaginator(client, &logs.DescribeLogGroupsInput{}, options(paginate.Options{PageSize: 51})))
			},
		},
		{
			"rest-xml/S3 ListObjectsV2 of a missing bucket",
			moto.Paginate{Service: "s3", Paginator: "ListObjectsV2", Params: map[string]any{"Bucket": "pagegen-e2e-missing"}},
			func(ctx context.Context) (bool, error) {
				return firstPage(ctx, s3.NewListObjectsV2Paginator(s3Client(s.URL), &s3.ListObjectsV2Input{Bucket: "pagegen-e2e-missing"}))
			},
		},
		{
			"rest-xml/S3 ListParts of a missing upload",
			moto.Paginate{Service: "s3", Paginator: "ListParts", Params: map[string]any{"Bucket": "pagegen-e2e-missing", "Key": "é&<>", "UploadId": "missing"}},
			func(ctx context.Context) (bool, error) {
				in := &s3.ListPartsInput{Bucket: "pagegen-e2e-missing", Key: "é&<>", UploadId: "missing"}
				return firstPage(ctx, s3.NewListPartsPaginator(s3Client(s.URL), in))
			},
		},
		{
			"ec2/EC2 DescribeInstances of a missing instance",
			moto.Paginate{Service: "ec2", Paginator: "DescribeInstances", Params: map[string]any{"InstanceIds": []string{"i-0123456789abcdef0"}}},
			func(ctx context.Context) (bool, error) {
				client := ec2aws.New(awsec2.NewFromConfig(sdkConfig(s.URL)))
				return firstPage(ctx, ec2.NewDescribeInstancesPaginator(client, &ec2.DescribeInstancesInput{InstanceIds: []string{"i-0123456789abcdef0"}}))
			},
		},
	}
	commands := make([]any, len(tests))
	for i, tt := range tests {
		commands[i] = tt.boto3
	}
	results := moto.Boto3(t, s.URL, commands...)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r moto.PaginateResult
			require.NoError(t, json.Unmarshal(results[i], &r))
			require.NotNil(t, r.Error, "boto3 walked with no error")
			more, err := tt.goErr(t.Context())
			require.Error(t, err)
			var apiErr smithy.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, r.Error.Code, apiErr.ErrorCode(), "error code")
			assert.Equal(t, r.Error.Message, apiErr.ErrorMessage(), "error message")
			var respErr *smithyhttp.ResponseError
			if assert.ErrorAs(t, err, &respErr) {
				assert.Equal(t, r.Error.Status, respErr.HTTPStatusCode(), "HTTP status")
			}
			assert.True(t, more, "the paginator has no more pages after an error of the call")
			assert.False(t, errors.Is(err, paginate.ErrNoMorePages))
		})
	}
	t.Logf("errors: %d operations rejected, with the same code, message and HTTP status in Go as in boto3", len(tests))
	totals.addErrors(len(tests))
}
