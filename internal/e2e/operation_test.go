package e2e

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
)

// pager is what every generated paginator has; P is its page, a pointer
// to the operation's output.
type pager[P any] interface {
	HasMorePages() bool
	NextPage(ctx context.Context) (P, error)
	ResumeToken() string
}

// operation is one paginated operation as both languages walk it, over
// resources that a test filled the server with.
type operation[P any] struct {
	name      string         // for messages: "SSM GetParametersByPath"
	service   string         // botocore's service name: "ssm"
	paginator string         // the operation's API name: "GetParametersByPath"
	params    map[string]any // boto3's parameters: the same input as newPager's
	// newPager returns the generated paginator over the service's bridge
	// to the server at endpoint.
	newPager func(endpoint string, o paginate.Options) pager[P]
	// items returns a page's primary result, the list that the paginator's
	// items come from.
	items func(page P) any
	// count is the number of items of the full walk.
	count int
	// pageSize is the PageSize of the walks that set one.
	pageSize int
	// maxInside is a MaxItems that ends inside the first page of a walk
	// without PageSize.
	maxInside int
	// boto3Only lists the members that boto3 adds to every page of its own
	// accord, which the comparison of pages leaves out.
	boto3Only []string
	// ownQuery lists the query parameters that one of the SDKs adds to
	// every request of its own accord, which the comparison of requests
	// leaves out.
	ownQuery []string
}

// options returns the option function of a generated paginator that sets
// its options to o.
func options(o paginate.Options) func(*paginate.Options) {
	return func(p *paginate.Options) { *p = o }
}

// sdkConfig returns the configuration of an SDK client of the server at
// endpoint: moto's region and dummy credentials, and no retries, so that
// every failed request reaches the paginator.
func sdkConfig(endpoint string) aws.Config {
	return aws.Config{
		Region:       moto.Region,
		Credentials:  credentials.NewStaticCredentialsProvider("testing", "testing", ""),
		BaseEndpoint: aws.String(endpoint),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	}
}
