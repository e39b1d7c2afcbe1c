package e2e

import (
	"fmt"
	"testing"

	awsec2 "github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/pagegen/pagegen/generated/ec2"
	"github.com/pagegen/pagegen/generated/ec2/ec2aws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// ec2Instances returns the driver's commands that run 23 instances tagged
// suite=e2e-<scope>, one reservation each (moto counts MaxResults in
// reservations), with non-ASCII and "&<>" in a tag value.
func ec2Instances(scope string) []any {
	var commands []any
	for i := range 23 {
		commands = append(commands, moto.Call{Service: "ec2", Operation: "RunInstances", Params: map[string]any{
			"ImageId":  "ami-12c6146b",
			"MinCount": 1,
			"MaxCount": 1,
			"TagSpecifications": []any{map[string]any{
				"ResourceType": "instance",
				"Tags": []any{
					map[string]any{"Key": "suite", "Value": "e2e-" + scope},
					map[string]any{"Key": "Name", "Value": fmt.Sprintf("é&<> %02d ü", i)},
				},
			}},
		}})
	}
	return commands
}

// ec2DescribeInstances is DescribeInstances over the instances of
// ec2Instances, with booleans that are false, which must be sent.
func ec2DescribeInstances(scope string) operation[*ec2.DescribeInstancesOutput] {
	suite := "e2e-" + scope
	in := &ec2.DescribeInstancesInput{
		Filters:                 []ec2.Filter{{Name: "tag:suite", Values: []string{suite, "é&<> none"}}},
		DryRun:                  new(false),
		IncludeManagedResources: new(false),
	}
	return operation[*ec2.DescribeInstancesOutput]{
		name:      "EC2 DescribeInstances",
		service:   "ec2",
		paginator: "DescribeInstances",
		params: map[string]any{
			"Filters":                 []any{map[string]any{"Name": "tag:suite", "Values": []string{suite, "é&<> none"}}},
			"DryRun":                  false,
			"IncludeManagedResources": false,
		},
		newPager: func(endpoint string, o paginate.Options) pager[*ec2.DescribeInstancesOutput] {
			client := ec2aws.New(awsec2.NewFromConfig(sdkConfig(endpoint)))
			return ec2.NewDescribeInstancesPaginator(client, in, options(o))
		},
		items:     func(page *ec2.DescribeInstancesOutput) any { return page.Reservations },
		count:     23,
		pageSize:  5, // the API takes at least 5
		maxInside: 7, // a page without MaxResults holds every reservation
	}
}

// TestEC2DescribeInstances compares DescribeInstances, an EC2 protocol
// operation, in Go and in boto3.
func TestEC2DescribeInstances(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, ec2DescribeInstances("compare"), ec2Instances("compare"))
	c.report(t, "EC2 DescribeInstances")
}
