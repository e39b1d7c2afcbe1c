package e2e

import (
	"fmt"
	"testing"

	awscloudwatchlogs "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/pagegen/pagegen/generated/logs"
	"github.com/pagegen/pagegen/generated/logs/logsaws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// logGroups returns the driver's commands that create 23 log groups under
// /e2e/<scope>/, every third with a retention policy. Log group names allow
// ASCII letters, digits and "._-/#" only; their tags allow more, but
// DescribeLogGroups does not return them.
func logGroups(scope string) []any {
	var commands []any
	for i := range 23 {
		name := fmt.Sprintf("/e2e/%s/g#%02d.x_y-z", scope, i)
		commands = append(commands, moto.Call{Service: "logs", Operation: "CreateLogGroup", Params: map[string]any{
			"logGroupName": name,
			"tags":         map[string]string{"é": "&<> ü"},
		}})
		if i%3 == 0 {
			commands = append(commands, moto.Call{Service: "logs", Operation: "PutRetentionPolicy", Params: map[string]any{
				"logGroupName": name, "retentionInDays": 7,
			}})
		}
	}
	return commands
}

// logsDescribeLogGroups is DescribeLogGroups over the log groups of
// logGroups, which are all of the STANDARD class: a camelCase operation
// (nextToken, limit). moto ignores logGroupClass and
// includeLinkedAccounts; the comparison of requests shows them sent.
func logsDescribeLogGroups(scope string) operation[*logs.DescribeLogGroupsOutput] {
	prefix := "/e2e/" + scope + "/"
	in := &logs.DescribeLogGroupsInput{
		LogGroupNamePrefix:    prefix,
		LogGroupClass:         logs.LogGroupClassStandard,
		IncludeLinkedAccounts: new(false),
	}
	return operation[*logs.DescribeLogGroupsOutput]{
		name:      "CloudWatch Logs DescribeLogGroups",
		service:   "logs",
		paginator: "DescribeLogGroups",
		params: map[string]any{
			"logGroupNamePrefix":    prefix,
			"logGroupClass":         "STANDARD",
			"includeLinkedAccounts": false,
		},
		newPager: func(endpoint string, o paginate.Options) pager[*logs.DescribeLogGroupsOutput] {
			client := logsaws.New(awscloudwatchlogs.NewFromConfig(sdkConfig(endpoint)))
			return logs.NewDescribeLogGroupsPaginator(client, in, options(o))
		},
		items:     func(page *logs.DescribeLogGroupsOutput) any { return page.LogGroups },
		count:     23,
		pageSize:  4,
		maxInside: 7, // moto's pages hold 50
	}
}

// TestLogsDescribeLogGroups compares DescribeLogGroups, a JSON protocol
// operation with camelCase members, in Go and in boto3.
func TestLogsDescribeLogGroups(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, logsDescribeLogGroups("compare"), logGroups("compare"))
	c.report(t, "CloudWatch Logs DescribeLogGroups")
}
