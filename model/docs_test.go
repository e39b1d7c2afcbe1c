package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTypeDoc(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want Doc
	}{
		{"", Doc{Lead: "Filter is a structure of the API."}},
		{"Describes a filter.", Doc{Text: "Filter describes a filter."}},
		{"Information about a filter.", Doc{Text: "Filter is information about a filter."}},
		{"The filter to apply.", Doc{Text: "Filter is the filter to apply."}},
		{"A filter.\n\nMore.", Doc{Text: "Filter is a filter.\n\nMore."}},
		{"Filter names the things.", Doc{Text: "Filter names the things."}},
		{"Amazon EC2 filters.", Doc{Lead: "Filter is a structure of the API.", Text: "Amazon EC2 filters."}},
		{"`Name` of a filter.", Doc{Lead: "Filter is a structure of the API.", Text: "`Name` of a filter."}},
		{"Describes\na filter.", Doc{Lead: "Filter is a structure of the API.", Text: "Describes\na filter."}},
	} {
		assert.Equal(t, tc.want, TypeDoc(&Type{Kind: Struct, GoName: "Filter", Doc: tc.doc}), "%q", tc.doc)
	}
}

func TestDocParagraph(t *testing.T) {
	assert.Equal(t, Doc{Text: "a"}, Doc{}.Paragraph("a"))
	assert.Equal(t, Doc{Lead: "L.", More: []string{"a", "b"}}, Doc{Lead: "L."}.Paragraph("a").Paragraph("").Paragraph("b"))
}

func TestGoNames(t *testing.T) {
	p := &Paginator{Name: "DescribeSessions", Method: "describe_sessions", ClientName: "DescribeSessionsAPIClient",
		Doc:    "Creates an iterator that will paginate through responses from SSM.Client.describe_sessions.",
		Input:  &Type{Fields: []*Field{{Doc: "See SSM.Client.get_parameters and EC2.Client.describe_vpcs."}}},
		Output: &Type{}}
	enum := &Type{Kind: Enum, Values: []*EnumValue{{Doc: "As SSM.Client.describe_sessions returns."}}}
	pkg := &Package{Title: "SSM", Paginators: []*Paginator{p}, Types: []*Type{enum}}
	goNames(pkg)
	assert.Equal(t, "Creates an iterator that will paginate through responses from [DescribeSessionsAPIClient.DescribeSessions].", p.Doc)
	assert.Equal(t, "See GetParameters and EC2.Client.describe_vpcs.", p.Input.Fields[0].Doc)
	assert.Equal(t, "As [DescribeSessionsAPIClient.DescribeSessions] returns.", enum.Values[0].Doc)
}
