package bridgetest_test

//lint:file-ignore U1000 the test types mirror the SDK's: they embed noSerde as the SDK's structs embed noSmithyDocumentSerde, and schema members are declared for what AddMember registers

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/awsbridge/bridgetest"
	"github.com/pagegen/pagegen/generated/dynamodb"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// recorder is a testing.TB that notes its failures; FailNow ends the
// goroutine, as it does in a test.
type recorder struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	logs   []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Logf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = append(r.logs, fmt.Sprintf(format, args...))
}

func (r *recorder) FailNow() { runtime.Goexit() }

// run calls f with a recorder in its own goroutine, and returns the
// recorder once f has returned or failed.
func run(t *testing.T, f func(tb testing.TB)) *recorder {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r
}

// TestRoundTrip checks a DynamoDB Scan output, whose attribute values are
// unions of ten members, and SSM ListNodes, whose output holds a union
// built through the SDK's deserializer.
func TestRoundTrip(t *testing.T) {
	b := awsbridge.New(awsbridge.Config{Service: "dynamodb"})
	n := 0
	r := run(t, func(tb testing.TB) {
		n = bridgetest.RoundTrip(tb, b, "Scan", &dynamodb.ScanOutput{}, &awsdynamodb.ScanOutput{})
	})
	require.Empty(t, r.errors)
	require.Greater(t, n, 100)
	require.Equal(t, []string{fmt.Sprintf("Scan: ScanOutput: 10 round trips, %d members checked", n)}, r.logs, "one round trip per member of AttributeValue")

	r = run(t, func(tb testing.TB) {
		bridgetest.RoundTrip(tb, awsbridge.New(awsbridge.Config{Service: "ssm"}), "ListNodes", &ssm.ListNodesOutput{}, &awsssm.ListNodesOutput{})
	})
	require.Empty(t, r.errors)
}

// pgTwice has two members that the SDK holds in one field.
type pgTwice struct {
	A     string         `json:"Name,omitempty"`
	B     string         `json:"name,omitempty"`
	Inner []pgInner      `json:"Inner,omitempty"`
	Tok   paginate.Token `json:"Tok,omitzero"`
}

type pgInner struct {
	Count *int64 `json:"Count,omitempty"`
	Extra string `json:"Extra,omitempty"`
}

type sdkTwice struct {
	Name  *string
	Inner []sdkInner
	Tok   map[string]string
	New   *bool
	noSerde
}

type sdkInner struct {
	Count *int32
	Later []string
	noSerde
}

type noSerde = document.NoSerde

// TestRoundTripReports checks that RoundTrip reports each member that
// comes back different, by its path.
func TestRoundTripReports(t *testing.T) {
	r := run(t, func(tb testing.TB) {
		bridgetest.RoundTrip(tb, awsbridge.New(awsbridge.Config{}), "Op", &pgTwice{}, &sdkTwice{})
	})
	require.Len(t, r.errors, 1)
	require.Contains(t, r.errors[0], `pgTwice.A: got "v2", want "v1"`)
	require.NotContains(t, r.errors[0], "pgTwice.B")
	require.NotContains(t, r.errors[0], "Tok")
}

// TestCoverage lists the members one side has and the other has not.
func TestCoverage(t *testing.T) {
	require.Equal(t, []string{"pgTwice.Inner[].Extra"}, bridgetest.Uncovered(&pgTwice{}, &sdkTwice{}))
	require.ElementsMatch(t, []string{"pgTwice.Inner[].Later", "pgTwice.New"}, bridgetest.SDKOnly(&pgTwice{}, &sdkTwice{}))
	require.Empty(t, bridgetest.Uncovered(&dynamodb.ScanInput{}, &awsdynamodb.ScanInput{}))
	require.Equal(t, []string{"ScanOutput.ConsumedCapacity.VectorIndexes"}, bridgetest.SDKOnly(&dynamodb.ScanOutput{}, &awsdynamodb.ScanOutput{}))
}
