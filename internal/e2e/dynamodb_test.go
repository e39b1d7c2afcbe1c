package e2e

import (
	"fmt"
	"sync"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/dynamodb/dynamodbaws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The table of the DynamoDB tests has the hash key "zh", a string, and the
// range key "ar", bytes: its LastEvaluatedKey, which resume tokens hold,
// has bytes, and moto writes its members in key-schema order, hash key
// first, which is not their sorted order.

// dynamodbHashKeys are the hash keys of the items of dynamodbItems: resume
// tokens hold them, escaped as Python's json.dumps escapes them.
var dynamodbHashKeys = []string{"é&<>", "<&>ü😀", "a&b\t\u2028\x7f/"}

// dynamodbRangeKey is the range key of item i of dynamodbItems.
func dynamodbRangeKey(i int) []byte { return []byte{byte(i), 0xff, '&'} }

// dynamodbTable is the name of the table of dynamodbItems.
func dynamodbTable(scope string) string { return "e2e-" + scope }

// dynamodbItems returns the driver's commands that create a table and put
// 60 items into it, 20 under each hash key, each with an attribute of every
// type: S, N, B, SS, NS, BS, M and L nested, NULL and BOOL.
func dynamodbItems(scope string) []any {
	table := dynamodbTable(scope)
	commands := []any{moto.Call{Service: "dynamodb", Operation: "CreateTable", Params: map[string]any{
		"TableName": table,
		"KeySchema": []any{
			map[string]any{"AttributeName": "zh", "KeyType": "HASH"},
			map[string]any{"AttributeName": "ar", "KeyType": "RANGE"},
		},
		"AttributeDefinitions": []any{
			map[string]any{"AttributeName": "zh", "AttributeType": "S"},
			map[string]any{"AttributeName": "ar", "AttributeType": "B"},
		},
		"BillingMode": "PAY_PER_REQUEST",
	}}}
	for i := range 60 {
		s := func(v string) any { return map[string]any{"S": v} }
		n := func(v string) any { return map[string]any{"N": v} }
		b := func(v []byte) any { return map[string]any{"B": moto.Bytes(v)} }
		commands = append(commands, moto.Call{Service: "dynamodb", Operation: "PutItem", Params: map[string]any{
			"TableName": table,
			"Item": map[string]any{
				"zh":   s(dynamodbHashKeys[i%3]),
				"ar":   b(dynamodbRangeKey(i / 3)),
				"s":    s(fmt.Sprintf("é&<>\u00a0%d 😀", i)),
				"n":    n(fmt.Sprintf("%d.5", i/3)),
				"big":  n("-12345678901234567890.125e-3"),
				"b":    b([]byte{0, byte(i), 0xfe}),
				"ss":   map[string]any{"SS": []string{"é", fmt.Sprintf("<%d>", i%4)}},
				"ns":   map[string]any{"NS": []string{"1", fmt.Sprintf("%d.25", i)}},
				"bs":   map[string]any{"BS": []any{moto.Bytes([]byte{1, 1}), moto.Bytes([]byte{byte(i)})}},
				"flag": map[string]any{"BOOL": i%4 != 3},
				"nul":  map[string]any{"NULL": true},
				"m": map[string]any{"M": map[string]any{
					"k&<>": s(fmt.Sprintf("v%d", i%2)),
					"l": map[string]any{"L": []any{
						n("1"), map[string]any{"NULL": true}, map[string]any{"BOOL": false},
						map[string]any{"M": map[string]any{"deep": map[string]any{"SS": []string{"x"}}}},
						map[string]any{"L": []any{b([]byte{7})}},
					}},
				}},
				"l": map[string]any{"L": []any{s("é"), n("-0.5"), map[string]any{"BS": []any{moto.Bytes([]byte{9})}}}},
			},
		}})
	}
	return commands
}

// dynamodbScanInput is the input of dynamodbScan.
func dynamodbScanInput(scope string) *dynamodb.ScanInput {
	return &dynamodb.ScanInput{
		TableName:              dynamodbTable(scope),
		ConsistentRead:         new(true),
		ReturnConsumedCapacity: dynamodb.ReturnConsumedCapacityTotal,
	}
}

// dynamodbScan is Scan over the table of dynamodbItems, with consistent
// reads, returning the capacity it consumed.
func dynamodbScan(scope string) operation[*dynamodb.ScanOutput] {
	table := dynamodbTable(scope)
	in := dynamodbScanInput(scope)
	return operation[*dynamodb.ScanOutput]{
		name:      "DynamoDB Scan",
		service:   "dynamodb",
		paginator: "Scan",
		params:    map[string]any{"TableName": table, "ConsistentRead": true, "ReturnConsumedCapacity": "TOTAL"},
		newPager: func(endpoint string, o paginate.Options) pager[*dynamodb.ScanOutput] {
			client := dynamodbaws.New(awsdynamodb.NewFromConfig(sdkConfig(endpoint)))
			return dynamodb.NewScanPaginator(client, in, options(o))
		},
		items:     func(page *dynamodb.ScanOutput) any { return page.Items },
		count:     60,
		pageSize:  4,
		maxInside: 7, // a page without Limit holds every item
	}
}

// dynamodbQuery is Query over the items of dynamodbItems under their third
// hash key, which has control characters, whose range key is between the
// 1st and the 18th, in descending order, keeping those whose BOOL is true
// and N at least 2: its expression attribute values hold every type.
func dynamodbQuery(scope string) operation[*dynamodb.QueryOutput] {
	table := dynamodbTable(scope)
	lo, hi := dynamodbRangeKey(1), dynamodbRangeKey(18)
	const (
		keys   = "#h = :h AND #r BETWEEN :lo AND :hi"
		filter = "#f = :t AND #n >= :n AND contains(#ss, :s) AND #nul = :nul AND #m <> :m AND #ss <> :ss AND #ns <> :ns AND #l <> :l AND #b <> :b"
	)
	names := map[string]string{
		"#h": "zh", "#r": "ar", "#f": "flag", "#n": "n", "#m": "m", "#ss": "ss",
		"#ns": "ns", "#nul": "nul", "#l": "l", "#b": "b",
	}
	in := &dynamodb.QueryInput{
		TableName:                table,
		KeyConditionExpression:   keys,
		FilterExpression:         filter,
		ExpressionAttributeNames: names,
		ExpressionAttributeValues: map[string]dynamodb.AttributeValue{
			":h":   {S: dynamodbHashKeys[2]},
			":lo":  {B: lo},
			":hi":  {B: hi},
			":t":   {BOOL: new(true)},
			":n":   {N: "2"},
			":s":   {S: "é"},
			":nul": {NULL: new(true)},
			":m": {M: map[string]dynamodb.AttributeValue{
				"x": {BS: [][]byte{{1}, {2}}},
				"y": {L: []dynamodb.AttributeValue{{N: "1"}, {NULL: new(true)}}},
			}},
			":ss": {SS: []string{"q", "&"}},
			":ns": {NS: []string{"-1", "2.5"}},
			":l":  {L: []dynamodb.AttributeValue{{S: "<>"}, {BOOL: new(false)}}},
			":b":  {B: []byte{0xff}},
		},
		ScanIndexForward: new(false),
	}
	return operation[*dynamodb.QueryOutput]{
		name:      "DynamoDB Query",
		service:   "dynamodb",
		paginator: "Query",
		params: map[string]any{
			"TableName":                table,
			"KeyConditionExpression":   keys,
			"FilterExpression":         filter,
			"ExpressionAttributeNames": names,
			"ExpressionAttributeValues": map[string]any{
				":h":   map[string]any{"S": dynamodbHashKeys[2]},
				":lo":  map[string]any{"B": moto.Bytes(lo)},
				":hi":  map[string]any{"B": moto.Bytes(hi)},
				":t":   map[string]any{"BOOL": true},
				":n":   map[string]any{"N": "2"},
				":s":   map[string]any{"S": "é"},
				":nul": map[string]any{"NULL": true},
				":m": map[string]any{"M": map[string]any{
					"x": map[string]any{"BS": []any{moto.Bytes([]byte{1}), moto.Bytes([]byte{2})}},
					"y": map[string]any{"L": []any{map[string]any{"N": "1"}, map[string]any{"NULL": true}}},
				}},
				":ss": map[string]any{"SS": []string{"q", "&"}},
				":ns": map[string]any{"NS": []string{"-1", "2.5"}},
				":l":  map[string]any{"L": []any{map[string]any{"S": "<>"}, map[string]any{"BOOL": false}}},
				":b":  map[string]any{"B": moto.Bytes([]byte{0xff})},
			},
			"ScanIndexForward": false,
		},
		newPager: func(endpoint string, o paginate.Options) pager[*dynamodb.QueryOutput] {
			client := dynamodbaws.New(awsdynamodb.NewFromConfig(sdkConfig(endpoint)))
			return dynamodb.NewQueryPaginator(client, in, options(o))
		},
		items: func(page *dynamodb.QueryOutput) any { return page.Items },
		// Range keys 1 to 18, less 3, 7, 11 and 15 (BOOL false) and 1 (N
		// 1.5).
		count:     13,
		pageSize:  2,
		maxInside: 3,
	}
}

// TestDynamoDBScan compares Scan, a JSON protocol operation whose token is a
// map of attribute values with bytes, in Go and in boto3.
func TestDynamoDBScan(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, dynamodbScan("compare-scan"), dynamodbItems("compare-scan"))
	c.report(t, "DynamoDB Scan")
}

// TestDynamoDBQuery compares Query, whose input holds attribute values of
// every type, in Go and in boto3.
func TestDynamoDBQuery(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, dynamodbQuery("compare-query"), dynamodbItems("compare-query"))
	c.report(t, "DynamoDB Query")
}

// TestDynamoDBScanConcurrent walks Scan from several goroutines through one
// client and checks that each walk gives the items and resume token of the
// same walk alone: the order of LastEvaluatedKey's keys, which the bridge
// records for each call, does not leak between calls.
func TestDynamoDBScanConcurrent(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	fill := dynamodbItems("concurrent")
	requireCalls(t, fill, moto.Boto3(t, s.URL, fill...))
	op := dynamodbScan("concurrent")
	o := paginate.Options{PageSize: 3, MaxItems: 2*3 + 1}
	want := goWalk(t, op, s.URL, o)
	require.NotEmpty(t, want.token)

	client := dynamodbaws.New(awsdynamodb.NewFromConfig(sdkConfig(s.URL)))
	const walkers = 8
	got := make([]walk, walkers)
	errs := make([]error, walkers)
	var wg sync.WaitGroup
	for i := range walkers {
		wg.Go(func() {
			p := dynamodb.NewScanPaginator(client, dynamodbScanInput("concurrent"), options(o))
			for p.HasMorePages() {
				page, err := p.NextPage(t.Context())
				if err != nil {
					errs[i] = err
					return
				}
				addPage(&got[i], op, page)
			}
			got[i].token = p.ResumeToken()
		})
	}
	wg.Wait()
	for i := range walkers {
		require.NoError(t, errs[i], "walker %d", i)
		assertSameTexts(t, want.items, got[i].items, "walker %d: items", i)
		assert.Equal(t, want.token, got[i].token, "walker %d: resume token", i)
	}
	t.Logf("DynamoDB Scan: %d concurrent walks through one client, %d items and %d resume tokens checked", walkers, walkers*len(want.items), walkers)
}
