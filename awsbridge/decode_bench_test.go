package awsbridge

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"reflect"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/schemas"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
	"github.com/pagegen/pagegen/generated/dynamodb"
)

// BenchmarkScanDecode reads the Scan page recorded from moto through the
// SDK's awsJson 1.0 protocol alone: into the SDK's output (sdk), and
// straight into the pagegen output (direct).
func BenchmarkScanDecode(b *testing.B) {
	body := recorded(b, "dynamodb-scan").body
	p := awsjson.New10(schemas.DynamoDB_20120810)
	op := smithy.NewOperationSchema(schemas.Scan, schemas.ScanInput, schemas.ScanOutput)
	resp := func() *smithyhttp.Response {
		return &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(body))}}
	}
	b.Run("path=sdk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := p.DeserializeResponse(context.Background(), op, nil, resp(), &awsdynamodb.ScanOutput{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("path=direct", func(b *testing.B) {
		br := New(Config{Service: "dynamodb"})
		o := br.operation("Scan", reflect.TypeFor[dynamodb.ScanInput](), reflect.TypeFor[dynamodb.ScanOutput](), reflect.TypeFor[awsdynamodb.ScanInput](), reflect.TypeFor[awsdynamodb.ScanOutput](), reflect.TypeFor[awsdynamodb.Options]())
		plan := o.directPlan(op, &awsdynamodb.ScanOutput{})
		if plan == nil {
			b.Fatal("no plan")
		}
		b.ReportAllocs()
		for b.Loop() {
			out := new(dynamodb.ScanOutput)
			dc := &directCall{o: o, c: &conv{b: br, roots: shape.NewRoots()}, out: reflect.ValueOf(out).Elem(), plan: plan}
			if err := p.DeserializeResponse(context.Background(), op, nil, resp(), dc); err != nil || dc.err != nil {
				b.Fatal(err, dc.err)
			}
		}
	})
}
