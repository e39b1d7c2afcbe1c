// Package examples shows the generated packages in use from outside, over
// clients of the program's own.
package examples_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/pagegen/pagegen/generated/ec2"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// sessionsClient serves SSM sessions three to a page from memory.
type sessionsClient struct{ sessions []ssm.Session }

func (c *sessionsClient) DescribeSessions(ctx context.Context, in *ssm.DescribeSessionsInput) (*ssm.DescribeSessionsOutput, error) {
	start, _ := strconv.Atoi(in.NextToken.String())
	size := 3
	if in.MaxResults != nil {
		size = int(*in.MaxResults)
	}
	end := min(start+size, len(c.sessions))
	out := &ssm.DescribeSessionsOutput{Sessions: c.sessions[start:end]}
	if end < len(c.sessions) {
		out.NextToken = paginate.StringToken(strconv.Itoa(end))
	}
	return out, nil
}

func Example_ssmSessions() {
	client := &sessionsClient{}
	for i := range 7 {
		client.sessions = append(client.sessions, ssm.Session{SessionId: fmt.Sprintf("s-%d", i), Status: ssm.SessionStatusConnected})
	}
	in := &ssm.DescribeSessionsInput{
		State:   ssm.SessionStateActive,
		Filters: []ssm.Filter{{Key: ssm.SessionFilterKeyOwner, Value: "alice"}},
	}
	ctx := context.Background()

	// The first four sessions, two to a page, then resume where it stopped.
	p := ssm.NewDescribeSessionsPaginator(client, in, func(o *paginate.Options) {
		o.MaxItems = 4
		o.PageSize = 2
	})
	for s, err := range p.Items(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.SessionId, s.Status)
	}
	rest := ssm.NewDescribeSessionsPaginator(client, in, func(o *paginate.Options) { o.StartingToken = p.ResumeToken() })
	for page, err := range rest.Pages(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("page of", len(page.Sessions))
	}

	// A required member left out is caught before any request.
	_, err := ssm.NewDescribeSessionsPaginator(client, &ssm.DescribeSessionsInput{Filters: []ssm.Filter{{}}}).NextPage(ctx)
	fmt.Println(err)
	// Output:
	// s-0 Connected
	// s-1 Connected
	// s-2 Connected
	// s-3 Connected
	// page of 3
	// DescribeSessions: missing required members: Filters[0].Key, Filters[0].Value, State
}

// mirrorClient serves one page of EC2 traffic mirror sessions and records
// the filters it was asked for.
type mirrorClient struct{ filters []ec2.Filter }

func (c *mirrorClient) DescribeTrafficMirrorSessions(ctx context.Context, in *ec2.DescribeTrafficMirrorSessionsInput) (*ec2.DescribeTrafficMirrorSessionsOutput, error) {
	c.filters = in.Filters
	return &ec2.DescribeTrafficMirrorSessionsOutput{
		TrafficMirrorSessions: []ec2.TrafficMirrorSession{
			{TrafficMirrorSessionId: "tms-1", SessionNumber: new(int64(1))},
			{TrafficMirrorSessionId: "tms-2", SessionNumber: new(int64(2))},
		},
	}, nil
}

func Example_ec2TrafficMirrorSessions() {
	client := &mirrorClient{}
	p := ec2.NewDescribeTrafficMirrorSessionsPaginator(client, &ec2.DescribeTrafficMirrorSessionsInput{
		DryRun: new(false),
		Filters: []ec2.Filter{
			ec2.DescribeTrafficMirrorSessionsFilterNameNetworkInterfaceId.Filter("eni-1", "eni-2"),
		},
	})
	for s, err := range p.Items(context.Background()) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.TrafficMirrorSessionId, *s.SessionNumber)
	}
	fmt.Println(client.filters[0].Name, client.filters[0].Values)
	// Output:
	// tms-1 1
	// tms-2 2
	// network-interface-id [eni-1 eni-2]
}

func Example_unknownEnumValue() {
	// A value the pages did not document yet decodes as it is.
	var s ssm.Session
	if err := json.Unmarshal([]byte(`{"SessionId": "s-9", "Status": "Hibernating"}`), &s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s.SessionId, s.Status, s.Status == ssm.SessionStatusConnected, len(ssm.SessionStatus("").Values()))
	// Output:
	// s-9 Hibernating false 6
}
