package e2e

import (
	"fmt"
	"testing"

	awsroute53 "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/pagegen/pagegen/generated/route53"
	"github.com/pagegen/pagegen/generated/route53/route53aws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// hostedZones returns the driver's commands that create 23 hosted zones
// with non-ASCII and "&<>" in their comments, every fourth private.
// ListHostedZones lists every zone of the server, so no other test
// creates any.
func hostedZones(scope string) []any {
	var commands []any
	for i := range 23 {
		params := map[string]any{
			"Name":             fmt.Sprintf("z%02d.%s.e2e.example.", i, scope),
			"CallerReference":  fmt.Sprintf("%s-%d", scope, i),
			"HostedZoneConfig": map[string]any{"Comment": fmt.Sprintf("é&<> zone %d ü", i), "PrivateZone": i%4 == 0},
		}
		if i%4 == 0 {
			params["VPC"] = map[string]any{"VPCRegion": moto.Region, "VPCId": "vpc-12345678"}
		}
		commands = append(commands, moto.Call{Service: "route53", Operation: "CreateHostedZone", Params: params})
	}
	return commands
}

// route53ListHostedZones is ListHostedZones, whose page size, MaxItems, is a
// string in the API, asking for private zones: moto ignores HostedZoneType
// and lists every zone, and the comparison of requests shows it sent.
func route53ListHostedZones() operation[*route53.ListHostedZonesOutput] {
	in := &route53.ListHostedZonesInput{HostedZoneType: route53.HostedZoneTypePrivateHostedZone}
	return operation[*route53.ListHostedZonesOutput]{
		name:      "Route 53 ListHostedZones",
		service:   "route53",
		paginator: "ListHostedZones",
		params:    map[string]any{"HostedZoneType": "PrivateHostedZone"},
		newPager: func(endpoint string, o paginate.Options) pager[*route53.ListHostedZonesOutput] {
			client := route53aws.New(awsroute53.NewFromConfig(sdkConfig(endpoint)))
			return route53.NewListHostedZonesPaginator(client, in, options(o))
		},
		items:     func(page *route53.ListHostedZonesOutput) any { return page.HostedZones },
		count:     23,
		pageSize:  4,
		maxInside: 7, // moto's pages hold 100
	}
}

// TestRoute53ListHostedZones compares ListHostedZones, a REST-XML operation,
// in Go and in boto3.
func TestRoute53ListHostedZones(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, route53ListHostedZones(), hostedZones("compare"))
	c.report(t, "Route 53 ListHostedZones")
}
