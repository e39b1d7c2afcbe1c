package awsbridge_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	ssmtypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// scanPage is a Scan output of 100 items of 10 attributes each, of the
// common types, and a key.
func scanPage() *awsdynamodb.ScanOutput {
	out := &awsdynamodb.ScanOutput{Count: 100, ScannedCount: 100}
	for i := range 100 {
		n := strconv.Itoa(i)
		out.Items = append(out.Items, map[string]ddbtypes.AttributeValue{
			"pk":      &ddbtypes.AttributeValueMemberS{Value: "user#" + n},
			"sk":      &ddbtypes.AttributeValueMemberS{Value: "order#" + n},
			"total":   &ddbtypes.AttributeValueMemberN{Value: n + ".99"},
			"count":   &ddbtypes.AttributeValueMemberN{Value: n},
			"paid":    &ddbtypes.AttributeValueMemberBOOL{Value: i%2 == 0},
			"note":    &ddbtypes.AttributeValueMemberNULL{Value: true},
			"tags":    &ddbtypes.AttributeValueMemberSS{Value: []string{"a", "b"}},
			"digest":  &ddbtypes.AttributeValueMemberB{Value: []byte("0123456789abcdef")},
			"address": &ddbtypes.AttributeValueMemberM{Value: map[string]ddbtypes.AttributeValue{"city": &ddbtypes.AttributeValueMemberS{Value: "Paris"}, "zip": &ddbtypes.AttributeValueMemberN{Value: "75001"}}},
			"lines":   &ddbtypes.AttributeValueMemberL{Value: []ddbtypes.AttributeValue{&ddbtypes.AttributeValueMemberS{Value: "x"}, &ddbtypes.AttributeValueMemberN{Value: "2"}}},
		})
	}
	out.LastEvaluatedKey = map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "user#99"}, "sk": &ddbtypes.AttributeValueMemberS{Value: "order#99"}}
	return out
}

// BenchmarkScanFromSDK converts a page of 100 items of 10 attributes.
func BenchmarkScanFromSDK(b *testing.B) {
	sdk := scanPage()
	br := awsbridge.New(awsbridge.Config{Service: "dynamodb"})
	b.ReportAllocs()
	for b.Loop() {
		var out dynamodb.ScanOutput
		if err := br.FromSDK("Scan", &out, sdk); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanToSDK converts the same page the other way.
func BenchmarkScanToSDK(b *testing.B) {
	br := awsbridge.New(awsbridge.Config{Service: "dynamodb"})
	var pg dynamodb.ScanOutput
	if err := br.FromSDK("Scan", &pg, scanPage()); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var out awsdynamodb.ScanOutput
		if err := br.ToSDK("Scan", &out, &pg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScanCall calls Scan through Call with a client that returns
// the page: a request with a key, and the page.
func BenchmarkScanCall(b *testing.B) {
	br := awsbridge.New(awsbridge.Config{Service: "dynamodb"})
	page := scanPage()
	scan := func(context.Context, *awsdynamodb.ScanInput, ...func(*awsdynamodb.Options)) (*awsdynamodb.ScanOutput, error) {
		return page, nil
	}
	key, err := paginate.TokenOf(paginate.Object{{Key: "pk", Value: paginate.Object{{Key: "S", Value: "user#0"}}}, {Key: "sk", Value: paginate.Object{{Key: "S", Value: "order#0"}}}})
	if err != nil {
		b.Fatal(err)
	}
	in := &dynamodb.ScanInput{TableName: "orders", Limit: new(int64(100)), ExclusiveStartKey: key}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := awsbridge.Call[dynamodb.ScanOutput](context.Background(), br, "Scan", scan, in, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGetParametersByPathCall calls GetParametersByPath through Call
// with a client that returns a page of 10 parameters.
func BenchmarkGetParametersByPathCall(b *testing.B) {
	br := awsbridge.New(awsbridge.Config{Service: "ssm"})
	page := &awsssm.GetParametersByPathOutput{NextToken: new("AAECAwQFBgcICQoLDA0ODw")}
	modified := time.Unix(1700000000, 0).UTC()
	for i := range 10 {
		n := strconv.Itoa(i)
		page.Parameters = append(page.Parameters, ssmtypes.Parameter{
			Name: new("/app/param" + n), Type: ssmtypes.ParameterTypeSecureString, Value: new("value" + n),
			Version: int64(i), LastModifiedDate: &modified, ARN: new("arn:aws:ssm:us-east-1:123456789012:parameter/app/param" + n), DataType: new("text"),
		})
	}
	call := func(context.Context, *awsssm.GetParametersByPathInput, ...func(*awsssm.Options)) (*awsssm.GetParametersByPathOutput, error) {
		return page, nil
	}
	in := &ssm.GetParametersByPathInput{
		Path: "/app", Recursive: new(true), WithDecryption: new(true), MaxResults: new(int64(10)),
		ParameterFilters: []ssm.ParameterFilter{{Key: "Type", Values: []string{"SecureString"}}},
		NextToken:        paginate.StringToken("AAECAwQFBgcICQoLDA0ODw"),
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := awsbridge.Call[ssm.GetParametersByPathOutput](context.Background(), br, "GetParametersByPath", call, in, nil); err != nil {
			b.Fatal(err)
		}
	}
}
