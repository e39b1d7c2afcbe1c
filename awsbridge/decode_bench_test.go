package awsbridge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"reflect"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/schemas"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/paginate"
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

// BenchmarkScanDecodeByHand reads the Scan page recorded from moto
// through the protocol into the pagegen output with scanByHand: the least
// that decoding into these types costs.
func BenchmarkScanDecodeByHand(b *testing.B) {
	body := recorded(b, "dynamodb-scan").body
	p := awsjson.New10(schemas.DynamoDB_20120810)
	op := smithy.NewOperationSchema(schemas.Scan, schemas.ScanInput, schemas.ScanOutput)
	b.ReportAllocs()
	for b.Loop() {
		resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(body))}}
		if err := p.DeserializeResponse(context.Background(), op, nil, resp, &scanByHand{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestScanByHand checks that scanByHand reads the page recorded from moto
// as the direct path does.
func TestScanByHand(t *testing.T) {
	body := recorded(t, "dynamodb-scan").body
	p := awsjson.New10(schemas.DynamoDB_20120810)
	op := smithy.NewOperationSchema(schemas.Scan, schemas.ScanInput, schemas.ScanOutput)
	resp := &smithyhttp.Response{Response: &http.Response{StatusCode: 200, Body: io.NopCloser(bytes.NewReader(body))}}
	h := &scanByHand{}
	require.NoError(t, p.DeserializeResponse(context.Background(), op, nil, resp, h))
	c := awsdynamodb.NewFromConfig(sdkConfig(recorded(t, "dynamodb-scan")))
	want, err := Call[dynamodb.ScanOutput](context.Background(), New(Config{Service: "dynamodb"}), "Scan", c.Scan, &dynamodb.ScanInput{TableName: "t"}, nil)
	require.NoError(t, err)
	require.Equal(t, want, &h.out)
}

// scanByHand reads a Scan page into the pagegen output with code written
// for these types, as the direct path reads it: the members and the
// attribute types of the page recorded from moto, and an error for the
// others.
type scanByHand struct {
	out dynamodb.ScanOutput
	s   string
	// values are the attribute values being read, one per level of
	// maps.
	values []dynamodb.AttributeValue
}

func (h *scanByHand) Deserialize(d smithy.ShapeDeserializer) error {
	h.values = make([]dynamodb.AttributeValue, 0, 8)
	return smithy.ReadStruct(d, schemas.ScanOutput, func(ms *smithy.Schema) error {
		switch ms {
		case schemas.ScanOutput_Items:
			s := schemas.ScanOutput_Items
			h.out.Items = make([]map[string]dynamodb.AttributeValue, 0, 100)
			return smithy.ReadList(d, s, func() error {
				if isNil, err := d.ReadNil(s.ListMember()); isNil || err != nil {
					return errors.Join(err, errors.New("a null item"))
				}
				m, err := h.attributes(d, s.ListMember(), 10)
				h.out.Items = append(h.out.Items, m)
				return err
			})
		case schemas.ScanOutput_Count, schemas.ScanOutput_ScannedCount:
			var n int32
			if err := d.ReadInt32(ms, &n); err != nil {
				return err
			}
			if ms == schemas.ScanOutput_Count {
				h.out.Count = new(int64(n))
			} else {
				h.out.ScannedCount = new(int64(n))
			}
			return nil
		case schemas.ScanOutput_LastEvaluatedKey:
			s := schemas.ScanOutput_LastEvaluatedKey
			var key paginate.Object
			err := smithy.ReadMap(d, s, func(k string) error {
				return smithy.ReadUnion(d, s.MapValue(), func(ms *smithy.Schema) error {
					if ms != schemas.AttributeValue_S {
						return fmt.Errorf("a key's %s", ms.MemberName())
					}
					if err := d.ReadString(ms, &h.s); err != nil {
						return err
					}
					key = append(key, paginate.Pair{Key: k, Value: paginate.Object{{Key: "S", Value: h.s}}})
					return nil
				})
			})
			if err != nil {
				return err
			}
			h.out.LastEvaluatedKey, err = paginate.TokenOf(key)
			return err
		}
		return fmt.Errorf("a member %s", ms.MemberName())
	})
}

// attributes reads a map of attribute values, of about size of them.
func (h *scanByHand) attributes(d smithy.ShapeDeserializer, s *smithy.Schema, size int) (map[string]dynamodb.AttributeValue, error) {
	m := make(map[string]dynamodb.AttributeValue, size)
	h.values = append(h.values, dynamodb.AttributeValue{})
	v := &h.values[len(h.values)-1]
	defer func() { h.values = h.values[:len(h.values)-1] }()
	err := smithy.ReadMap(d, s, func(k string) error {
		if isNil, err := d.ReadNil(s.MapValue()); isNil || err != nil {
			return errors.Join(err, errors.New("a null value"))
		}
		*v = dynamodb.AttributeValue{}
		if err := h.attribute(d, s.MapValue(), v); err != nil {
			return err
		}
		m[k] = *v
		return nil
	})
	return m, err
}

// attribute reads an attribute value into v.
func (h *scanByHand) attribute(d smithy.ShapeDeserializer, s *smithy.Schema, v *dynamodb.AttributeValue) error {
	return smithy.ReadUnion(d, s, func(ms *smithy.Schema) error {
		switch ms {
		case schemas.AttributeValue_S:
			return d.ReadString(ms, &v.S)
		case schemas.AttributeValue_N:
			return d.ReadString(ms, &v.N)
		case schemas.AttributeValue_B:
			return d.ReadBlob(ms, &v.B)
		case schemas.AttributeValue_BOOL, schemas.AttributeValue_NULL:
			b := new(bool)
			if ms == schemas.AttributeValue_BOOL {
				v.BOOL = b
			} else {
				v.NULL = b
			}
			return d.ReadBool(ms, b)
		case schemas.AttributeValue_SS, schemas.AttributeValue_NS:
			l := make([]string, 0, 3)
			err := smithy.ReadList(d, ms, func() error {
				if isNil, err := d.ReadNil(ms.ListMember()); isNil || err != nil {
					return errors.Join(err, errors.New("a null string"))
				}
				err := d.ReadString(ms.ListMember(), &h.s)
				l = append(l, h.s)
				return err
			})
			if ms == schemas.AttributeValue_SS {
				v.SS = l
			} else {
				v.NS = l
			}
			return err
		case schemas.AttributeValue_M:
			m, err := h.attributes(d, ms, 3)
			v.M = m
			return err
		case schemas.AttributeValue_L:
			l := make([]dynamodb.AttributeValue, 0, 3)
			err := smithy.ReadList(d, ms, func() error {
				if isNil, err := d.ReadNil(ms.ListMember()); isNil || err != nil {
					return errors.Join(err, errors.New("a null item"))
				}
				l = append(l, dynamodb.AttributeValue{})
				return h.attribute(d, ms.ListMember(), &l[len(l)-1])
			})
			v.L = l
			return err
		}
		return fmt.Errorf("an attribute of type %s", ms.MemberName())
	})
}
