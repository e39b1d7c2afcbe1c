package bridge

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/paginate"
)

// scanByHand makes what the bridge's conversions make of a Scan input
// that sets TableName and Limit and of the SDK's output, with code
// written for these types and no reflection: the least that a
// conversion into pagegen's types costs. The keys of LastEvaluatedKey
// come out sorted, as FromSDK gives them.
func scanByHand(in *dynamodb.ScanInput, s *awsdynamodb.ScanOutput) (*awsdynamodb.ScanInput, *dynamodb.ScanOutput, error) {
	sin := &awsdynamodb.ScanInput{TableName: aws.String(in.TableName)}
	if in.Limit != nil {
		if *in.Limit < math.MinInt32 || *in.Limit > math.MaxInt32 {
			return nil, nil, fmt.Errorf("Limit: %d is beyond an int32", *in.Limit)
		}
		sin.Limit = aws.Int32(int32(*in.Limit))
	}
	out := &dynamodb.ScanOutput{Count: new(int64(s.Count)), ScannedCount: new(int64(s.ScannedCount))}
	if s.Items != nil {
		out.Items = make([]map[string]dynamodb.AttributeValue, len(s.Items))
		for i, item := range s.Items {
			m, err := attributesByHand(item)
			if err != nil {
				return nil, nil, fmt.Errorf("Items[%d]%w", i, err)
			}
			out.Items[i] = m
		}
	}
	if s.LastEvaluatedKey != nil {
		var key paginate.Object
		for _, name := range slices.Sorted(maps.Keys(s.LastEvaluatedKey)) {
			v, ok := s.LastEvaluatedKey[name].(*ddbtypes.AttributeValueMemberS)
			if !ok {
				return nil, nil, fmt.Errorf("LastEvaluatedKey[%q]: a %T, where only strings are converted by hand", name, s.LastEvaluatedKey[name])
			}
			key = append(key, paginate.Pair{Key: name, Value: paginate.Object{{Key: "S", Value: v.Value}}})
		}
		t, err := paginate.TokenOf(key)
		if err != nil {
			return nil, nil, fmt.Errorf("LastEvaluatedKey: %w", err)
		}
		out.LastEvaluatedKey = t
	}
	return sin, out, nil
}

// attributesByHand converts an item, or a map attribute, of the SDK.
func attributesByHand(m map[string]ddbtypes.AttributeValue) (map[string]dynamodb.AttributeValue, error) {
	out := make(map[string]dynamodb.AttributeValue, len(m))
	for k, v := range m {
		a, err := attributeByHand(v)
		if err != nil {
			return nil, fmt.Errorf("[%q]%w", k, err)
		}
		out[k] = a
	}
	return out, nil
}

// attributeByHand converts an attribute value of the SDK.
func attributeByHand(v ddbtypes.AttributeValue) (dynamodb.AttributeValue, error) {
	switch v := v.(type) {
	case *ddbtypes.AttributeValueMemberS:
		return dynamodb.AttributeValue{S: v.Value}, nil
	case *ddbtypes.AttributeValueMemberN:
		return dynamodb.AttributeValue{N: v.Value}, nil
	case *ddbtypes.AttributeValueMemberB:
		return dynamodb.AttributeValue{B: bytes.Clone(v.Value)}, nil
	case *ddbtypes.AttributeValueMemberSS:
		return dynamodb.AttributeValue{SS: slices.Clone(v.Value)}, nil
	case *ddbtypes.AttributeValueMemberNS:
		return dynamodb.AttributeValue{NS: slices.Clone(v.Value)}, nil
	case *ddbtypes.AttributeValueMemberBOOL:
		return dynamodb.AttributeValue{BOOL: new(v.Value)}, nil
	case *ddbtypes.AttributeValueMemberNULL:
		return dynamodb.AttributeValue{NULL: new(v.Value)}, nil
	case *ddbtypes.AttributeValueMemberM:
		m, err := attributesByHand(v.Value)
		if err != nil {
			return dynamodb.AttributeValue{}, fmt.Errorf(".M%w", err)
		}
		return dynamodb.AttributeValue{M: m}, nil
	case *ddbtypes.AttributeValueMemberL:
		l := make([]dynamodb.AttributeValue, len(v.Value))
		for i, e := range v.Value {
			a, err := attributeByHand(e)
			if err != nil {
				return a, fmt.Errorf(".L[%d]%w", i, err)
			}
			l[i] = a
		}
		return dynamodb.AttributeValue{L: l}, nil
	}
	return dynamodb.AttributeValue{}, fmt.Errorf(": a %T, which is not converted by hand", v)
}
