package parser

import "slices"

// docAlias is a request parameter that boto3's documentation shows under
// another name: the name boto3 also accepts in calls, and renames to the
// API's name before it sends the request (botocore's handlers.py,
// _add_parameter_aliases, and ParameterAlias).
type docAlias struct {
	service string
	// ops are the operations whose page shows the alias. boto3 registers
	// EC2's alias for every operation ("ec2.*.Filter"), but it only shows
	// where the input has a Filter member, which the page cannot tell
	// apart from an input with a Filters member; so the operations are
	// named, and parser.TestTruth checks the list against botocore on
	// every EC2 page of the corpus.
	ops   []string
	api   string // the API's name of the member: "Filter"
	shown string // the name the page shows: "Filters"
}

// docAliases are boto3's documented parameter aliases, as of boto3 1.43.11.
var docAliases = []docAlias{
	{service: "ec2", ops: []string{
		"DescribeFlowLogs",
		"DescribeHostReservationOfferings",
		"DescribeHostReservations",
		"DescribeHosts",
		"DescribeNatGateways",
	}, api: "Filter", shown: "Filters"},
	{service: "logs", ops: []string{"CreateExportTask"}, api: "from", shown: "fromTime"},
	{service: "cloudsearchdomain", ops: []string{"Search"}, api: "return", shown: "returnFields"},
}

// applyAliases gives the request members that the page shows under a
// documented alias their name in the API (Member.API).
func applyAliases(p *Page) {
	for _, a := range docAliases {
		if a.service != p.Service || !slices.Contains(a.ops, p.Name) {
			continue
		}
		for _, m := range p.Input {
			if m.Name == a.shown {
				m.API = a.api
			}
		}
	}
}
