package e2e

import (
	"fmt"
	"testing"

	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/generated/ssm/ssmaws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// ssmParameters returns the driver's commands that put 30 parameters
// under /e2e/<scope>, at several depths, a third of each type, with
// non-ASCII and "&<>" in their values.
func ssmParameters(scope string) []any {
	types := []string{"String", "StringList", "SecureString"}
	var commands []any
	for i := range 30 {
		commands = append(commands, moto.Call{Service: "ssm", Operation: "PutParameter", Params: map[string]any{
			"Name":        fmt.Sprintf("/e2e/%s/d%d/x%d/p%02d", scope, i%2, i%3, i),
			"Value":       fmt.Sprintf("é&<>%d,ü 😀,%d", i, i*i),
			"Type":        types[i%3],
			"Description": "<&> ß",
		}})
	}
	return commands
}

// ssmGetParametersByPath is GetParametersByPath over the parameters of
// ssmParameters, recursively, with a filter that keeps the String and
// StringList parameters, and WithDecryption false, which must be sent.
func ssmGetParametersByPath(scope string) operation[*ssm.GetParametersByPathOutput] {
	path := "/e2e/" + scope
	in := &ssm.GetParametersByPathInput{
		Path:           path,
		Recursive:      new(true),
		WithDecryption: new(false),
		ParameterFilters: []ssm.ParameterFilter{
			{Key: "Type", Option: "Equals", Values: []string{"String", "StringList"}},
		},
	}
	return operation[*ssm.GetParametersByPathOutput]{
		name:      "SSM GetParametersByPath",
		service:   "ssm",
		paginator: "GetParametersByPath",
		params: map[string]any{
			"Path":           path,
			"Recursive":      true,
			"WithDecryption": false,
			"ParameterFilters": []any{
				map[string]any{"Key": "Type", "Option": "Equals", "Values": []string{"String", "StringList"}},
			},
		},
		newPager: func(endpoint string, o paginate.Options) pager[*ssm.GetParametersByPathOutput] {
			client := ssmaws.New(awsssm.NewFromConfig(sdkConfig(endpoint)))
			return ssm.NewGetParametersByPathPaginator(client, in, options(o))
		},
		items:     func(page *ssm.GetParametersByPathOutput) any { return page.Parameters },
		count:     20,
		pageSize:  4, // moto takes at most 10
		maxInside: 7, // moto's pages hold 10
	}
}

// TestSSMGetParametersByPath compares GetParametersByPath, a JSON protocol
// operation with a string token, in Go and in boto3.
func TestSSMGetParametersByPath(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, ssmGetParametersByPath("compare"), ssmParameters("compare"))
	c.report(t, "SSM GetParametersByPath")
}
