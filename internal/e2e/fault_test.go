package e2e

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/aws/smithy-go"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// faultKinds are the faults that failTwoOfThree injects, in turn.
var faultKinds = []moto.Fault{moto.ServerError, moto.Reset, moto.Truncate}

// failTwoOfThree is a FaultProxy chooser that fails the first two requests
// of every three and passes the third, the kinds of faultKinds in turn:
// every page's request fails at least once, and one that failed twice
// passes on the third attempt. A walk of one page sees two faults.
func failTwoOfThree(n int, _ *http.Request) moto.Fault {
	if n%3 == 0 {
		return moto.Pass
	}
	return faultKinds[(n-n/3-1)%len(faultKinds)]
}

// maxFaultErrors bounds the errors of one walk under faults, so that a
// paginator that never gets past an error fails the test instead of
// running forever.
const maxFaultErrors = 500

// faultTally counts what a test checked under faults.
type faultTally struct {
	counts    moto.Counts // what the proxy did
	errors    int         // errors NextPage returned
	apiErrors int         // of them, the SDK's errors for HTTP 500 (moto.ServerErrorCode)
	absorbed  int         // faults that no NextPage returned: Go's transport sent the request again
	items     int         // items checked against the fault-free walks
}

// add adds g to f.
func (f *faultTally) add(g faultTally) {
	f.counts.Requests += g.counts.Requests
	f.counts.Passed += g.counts.Passed
	f.counts.ServerErrors += g.counts.ServerErrors
	f.counts.Resets += g.counts.Resets
	f.counts.Truncations += g.counts.Truncations
	f.errors += g.errors
	f.apiErrors += g.apiErrors
	f.absorbed += g.absorbed
	f.items += g.items
}

// faults is the number of faults injected.
func (f faultTally) faults() int {
	return f.counts.ServerErrors + f.counts.Resets + f.counts.Truncations
}

// String says what f counted, on one line.
func (f faultTally) String() string {
	return fmt.Sprintf("%d requests, %d faults injected (%d HTTP 500, %d resets, %d truncated bodies), "+
		"%d errors returned by NextPage (%d of them HTTP 500), %d resets absorbed by Go's transport, %d items checked",
		f.counts.Requests, f.faults(), f.counts.ServerErrors, f.counts.Resets, f.counts.Truncations,
		f.errors, f.apiErrors, f.absorbed, f.items)
}

// faultyWalk walks op with options o against endpoint, a FaultProxy,
// calling NextPage again after each error, and counts the errors in f.
func faultyWalk[P any](t *testing.T, op operation[P], endpoint string, o paginate.Options, f *faultTally) walk {
	t.Helper()
	p := op.newPager(endpoint, o)
	var w walk
	errs := 0
	for p.HasMorePages() {
		page, err := p.NextPage(t.Context())
		if err != nil {
			errs++
			require.Less(t, errs, maxFaultErrors, "%s with %s: too many errors, the last %v", op.name, describe(o), err)
			require.NotErrorIs(t, err, paginate.ErrNoMorePages)
			if apiErr := smithy.APIError(nil); errors.As(err, &apiErr) && apiErr.ErrorCode() == moto.ServerErrorCode {
				f.apiErrors++
			}
			continue
		}
		addPage(&w, op, page)
	}
	f.errors += errs
	w.token = p.ResumeToken()
	return w
}

// checkUnderFaults fills the server with the driver's commands fill and
// walks op three times through a FaultProxy that fails two requests of
// every three: to the end, for MaxItems (2×PageSize+1), and on from that
// walk's resume token. It asserts that the walks gave the items, pages and
// resume tokens of the same walks without faults, that every HTTP 500
// reached the paginator as the SDK's error, and that no fault went unseen
// but a reset that Go's transport answered by sending the request again,
// which it does for a GET (replays).
func checkUnderFaults[P any](t *testing.T, s *moto.Server, op operation[P], fill []any, replays bool) faultTally {
	t.Helper()
	requireCalls(t, fill, moto.Boto3(t, s.URL, fill...))
	full := paginate.Options{PageSize: op.pageSize}
	part := paginate.Options{PageSize: op.pageSize, MaxItems: 2*op.pageSize + 1}
	wantFull := goWalk(t, op, s.URL, full)
	wantPart := goWalk(t, op, s.URL, part)
	require.Equal(t, op.count, len(wantFull.items), "%s: items of the full walk", op.name)
	require.NotEmpty(t, wantPart.token)

	proxy := moto.NewFaultProxy(t, s.URL)
	proxy.Fail(failTwoOfThree)
	var f faultTally
	gotFull := faultyWalk(t, op, proxy.URL(), full, &f)
	gotPart := faultyWalk(t, op, proxy.URL(), part, &f)
	rest := full
	rest.StartingToken = gotPart.token
	gotRest := faultyWalk(t, op, proxy.URL(), rest, &f)
	f.counts = proxy.Counts()
	f.items = len(gotFull.items) + len(gotPart.items) + len(gotRest.items)
	f.absorbed = f.faults() - f.errors

	assertSameTexts(t, wantFull.items, gotFull.items, "%s: items under faults", op.name)
	assertSameTexts(t, wantFull.pages, gotFull.pages, "%s: pages under faults", op.name)
	assert.Empty(t, gotFull.token)
	assertSameTexts(t, wantPart.items, gotPart.items, "%s with MaxItems: items under faults", op.name)
	assert.Equal(t, wantPart.token, gotPart.token, "%s with MaxItems: resume token under faults", op.name)
	assertContinues(t, op.name+" resumed under faults", wantFull.items, gotPart.items, gotRest.items, true)
	assert.Empty(t, gotRest.token)

	for _, kind := range faultKinds {
		assert.Positive(t, map[moto.Fault]int{
			moto.ServerError: f.counts.ServerErrors,
			moto.Reset:       f.counts.Resets,
			moto.Truncate:    f.counts.Truncations,
		}[kind], "%s: no %s fault injected", op.name, kind)
	}
	assert.Equal(t, f.counts.ServerErrors, f.apiErrors, "%s: HTTP 500s injected, and the SDK's errors for them that NextPage returned", op.name)
	if replays {
		assert.GreaterOrEqual(t, f.absorbed, 0, "%s: more errors than faults", op.name)
		assert.LessOrEqual(t, f.absorbed, f.counts.Resets, "%s: faults that no NextPage returned, more than the resets", op.name)
	} else {
		assert.Zero(t, f.absorbed, "%s: faults injected less errors that NextPage returned", op.name)
	}
	t.Logf("%s under faults: %s", op.name, f)
	totals.addFaults(op.name, f)
	return f
}

// TestFaults walks an operation of each protocol family through a
// FaultProxy and checks that NextPage returns the errors, goes on when
// called again, and yields every item exactly once and in order.
func TestFaults(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"json/DynamoDB Scan", func(t *testing.T) {
			checkUnderFaults(t, s, dynamodbScan("faults"), dynamodbItems("faults"), false)
		}},
		{"json/DynamoDB Query", func(t *testing.T) {
			checkUnderFaults(t, s, dynamodbQuery("faults-query"), dynamodbItems("faults-query"), false)
		}},
		{"rest-xml/S3 ListObjectsV2", func(t *testing.T) {
			checkUnderFaults(t, s, s3ListObjectsV2("faults"), s3Objects("faults"), true)
		}},
		{"ec2/EC2 DescribeInstances", func(t *testing.T) {
			checkUnderFaults(t, s, ec2DescribeInstances("faults"), ec2Instances("faults"), false)
		}},
		{"query/IAM ListUsers", func(t *testing.T) {
			checkUnderFaults(t, s, iamListUsers("faults"), iamUsers("faults"), false)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tt.run(t)
		})
	}
}
