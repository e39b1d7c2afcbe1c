package e2e

import (
	"fmt"
	"testing"

	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/pagegen/pagegen/generated/iam"
	"github.com/pagegen/pagegen/generated/iam/iamaws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// iamPath is the path of the users of iamUsers. User names allow ASCII
// letters, digits and "+=,.@_-" only; paths allow "&<>", and tags allow
// non-ASCII letters, but ListUsers does not return them.
func iamPath(scope string) string { return "/e2e&<>/" + scope + "/" }

// iamUsers returns the driver's commands that create 23 users under
// iamPath.
func iamUsers(scope string) []any {
	var commands []any
	for i := range 23 {
		commands = append(commands, moto.Call{Service: "iam", Operation: "CreateUser", Params: map[string]any{
			"UserName": fmt.Sprintf("e2e-%s-u%02d+=,.@_", scope, i),
			"Path":     iamPath(scope),
			"Tags":     []any{map[string]any{"Key": "é", "Value": "ü ß"}},
		}})
	}
	return commands
}

// iamListUsers is ListUsers over the users of iamUsers. moto ignores its
// MaxItems and Marker and answers with one page; boto3 still cuts it at
// MaxItems and resumes by asking for it again.
func iamListUsers(scope string) operation[*iam.ListUsersOutput] {
	path := iamPath(scope)
	in := &iam.ListUsersInput{PathPrefix: path}
	return operation[*iam.ListUsersOutput]{
		name:      "IAM ListUsers",
		service:   "iam",
		paginator: "ListUsers",
		params:    map[string]any{"PathPrefix": path},
		newPager: func(endpoint string, o paginate.Options) pager[*iam.ListUsersOutput] {
			client := iamaws.New(awsiam.NewFromConfig(sdkConfig(endpoint)))
			return iam.NewListUsersPaginator(client, in, options(o))
		},
		items:     func(page *iam.ListUsersOutput) any { return page.Users },
		count:     23,
		pageSize:  4,
		maxInside: 7,
	}
}

// TestIAMListUsers compares ListUsers, a query protocol operation, in Go
// and in boto3.
func TestIAMListUsers(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, iamListUsers("compare"), iamUsers("compare"))
	c.report(t, "IAM ListUsers")
}
