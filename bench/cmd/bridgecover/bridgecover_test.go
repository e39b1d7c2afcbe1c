package main

import (
	"context"
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/model"
)

// fakeLookup is a module proxy that serves the modules of versions, and
// counts the look-ups it answers.
type fakeLookup struct {
	versions map[string]string
	asked    []string
}

func (f *fakeLookup) lookup(_ context.Context, path string) (string, error) {
	f.asked = append(f.asked, path)
	if v, ok := f.versions[path]; ok {
		return v, nil
	}
	return "", errors.New("404 Not Found")
}

func TestChooseSDK(t *testing.T) {
	const sdk = "github.com/aws/aws-sdk-go-v2/service/"
	proxy := &fakeLookup{versions: map[string]string{
		sdk + "amp":            "v1.55.5",
		sdk + "cloudwatchlogs": "v1.92.2",
	}}
	for _, tc := range []struct {
		service, client string
		want            string // the module chosen; "" for none
		asked           []string
	}{
		// The client class name first: CloudWatchLogs → cloudwatchlogs.
		{"logs", "CloudWatchLogs", sdk + "cloudwatchlogs", []string{sdk + "cloudwatchlogs"}},
		// Its class name is not its package's name; its service name is.
		{"amp", "PrometheusService", sdk + "amp", []string{sdk + "prometheusservice", sdk + "amp"}},
		// Neither is served.
		{"sdb", "SimpleDB", "", []string{sdk + "simpledb", sdk + "sdb"}},
	} {
		proxy.asked = nil
		c, err := chooseSDK(context.Background(), model.SDKCandidates(tc.service, tc.client), proxy.lookup)
		require.NoError(t, err)
		assert.Equal(t, tc.want, c.Module, tc.service)
		assert.Equal(t, tc.asked, proxy.asked, tc.service)
		assert.Equal(t, model.SDKCandidates(tc.service, tc.client), c.Candidates, tc.service)
		if tc.want == "" {
			assert.Len(t, c.Errs, len(tc.asked), tc.service)
			assert.Empty(t, c.Version)
		} else {
			assert.Equal(t, proxy.versions[tc.want], c.Version)
			assert.Len(t, c.Errs, len(tc.asked)-1, tc.service)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := chooseSDK(ctx, []string{sdk + "amp"}, proxy.lookup)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestProxyOnly(t *testing.T) {
	for in, want := range map[string]string{
		"https://proxy.golang.org,direct": "https://proxy.golang.org",
		"direct":                          "",
		"https://a.example|https://b.example,direct": "https://a.example|https://b.example",
		"https://a.example,direct|https://b.example": "https://a.example,https://b.example",
		"off": "off",
		"":    "",
	} {
		assert.Equal(t, want, proxyOnly(in), in)
	}
}

func TestProxyAnswer(t *testing.T) {
	assert.Equal(t, "404 Not Found", proxyAnswer("go: module github.com/aws/aws-sdk-go-v2/service/aiops: reading https://proxy.golang.org/github.com/aws/aws-sdk-go-v2/service/aiops/@v/list: 404 Not Found\n"))
	assert.Equal(t, "go: something else", proxyAnswer("go: downloading\ngo: something else\n"))
}

func TestLookupCache(t *testing.T) {
	file := filepath.Join(t.TempDir(), "lookups.json")
	proxy := &fakeLookup{versions: map[string]string{"m/a": "v1.0.0"}}
	c, err := openLookupCache(file)
	require.NoError(t, err)
	lookup := c.wrap(proxy.lookup)
	for range 2 {
		v, err := lookup(context.Background(), "m/a")
		require.NoError(t, err)
		assert.Equal(t, "v1.0.0", v)
		_, err = lookup(context.Background(), "m/b")
		assert.EqualError(t, err, "404 Not Found")
	}
	assert.Equal(t, []string{"m/a", "m/b"}, proxy.asked, "each module asked once")
	require.NoError(t, c.save())

	// A rerun answers from the file, asking nothing.
	c, err = openLookupCache(file)
	require.NoError(t, err)
	proxy.asked = nil
	lookup = c.wrap(proxy.lookup)
	v, err := lookup(context.Background(), "m/a")
	require.NoError(t, err)
	assert.Equal(t, "v1.0.0", v)
	_, err = lookup(context.Background(), "m/b")
	assert.EqualError(t, err, "404 Not Found")
	assert.Empty(t, proxy.asked)
}

func TestLoadServices(t *testing.T) {
	specs := map[string][]byte{
		"logs/paginator/FilterLogEvents.rst":   []byte(":doc:`CloudWatchLogs <../../logs>` / Paginator / FilterLogEvents\n"),
		"logs/paginator/DescribeLogGroups.rst": []byte(":doc:`CloudWatchLogs <../../logs>` / Paginator / DescribeLogGroups\n"),
		"logs/paginators.json":                 []byte("{}"),
		"amp/paginator/ListScrapers.rst":       []byte(":doc:`PrometheusService <../../amp>` / Paginator / ListScrapers\n"),
	}
	truth := &corpus.Truth{Services: map[string]*corpus.Service{
		"logs": {Client: "CloudWatchLogs", Protocol: "json"},
	}}
	services, err := loadServices(specs, truth)
	require.NoError(t, err)
	require.Len(t, services, 2)
	amp, logs := services[0], services[1]
	assert.Equal(t, "amp", amp.Name)
	assert.Equal(t, "PrometheusService", amp.Client, "from the breadcrumb, where truth has none")
	assert.Equal(t, "CloudWatchLogs", logs.Client)
	assert.Equal(t, "json", logs.Protocol)
	assert.Equal(t, []string{"DescribeLogGroups", "FilterLogEvents"}, logs.Ops)
	assert.Len(t, logs.files, 3)

	got, err := selectServices(services, []string{"logs", "amp", "logs"}, 0)
	require.NoError(t, err)
	assert.Equal(t, []*service{amp, logs}, got, "in name order, once each")
	got, err = selectServices(services, nil, 1)
	require.NoError(t, err)
	assert.Equal(t, []*service{amp}, got)
	_, err = selectServices(services, []string{"nosuch"}, 0)
	assert.EqualError(t, err, `-services: the corpus has no service "nosuch"`)

	// Only the pages of the operations the SDK has are written.
	logs.SDK = &sdkChoice{Module: "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"}
	logs.SDKOps = map[string]bool{"FilterLogEvents": true}
	dir := t.TempDir()
	n, err := writeSpecs(dir, specs, services)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
	assert.FileExists(t, filepath.Join(dir, "logs", "paginator", "FilterLogEvents.rst"))
	assert.FileExists(t, filepath.Join(dir, "logs", "paginators.json"))
	assert.NoFileExists(t, filepath.Join(dir, "logs", "paginator", "DescribeLogGroups.rst"))
	assert.NoDirExists(t, filepath.Join(dir, "amp"), "its SDK is not at hand")
}

// testifyFailure is testify's report of a failed require.NoError, as
// go test writes it.
func testifyFailure(file, test, err, messages string) []string {
	return []string{
		"    " + file + ": ",
		"        \tError Trace:\t/w/gen/ssm/ssmaws/" + file,
		"        \tError:      \tReceived unexpected error:",
		"        \t            \t" + err,
		"        \tTest:       \t" + test,
		"        \tMessages:   \t" + messages,
	}
}

func TestFailureMessage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		output []string
		want   string
	}{
		{
			"require.NoError",
			testifyFailure("ssmaws_test.go:21", "TestBridgeDescribeSessions",
				"DescribeSessions: Filters[0].Key: the SDK's Filter has no member Key", "round trip 0: to the SDK"),
			"DescribeSessions: Filters[0].Key: the SDK's Filter has no member Key (round trip 0: to the SDK)",
		},
		{
			"require.Empty",
			[]string{
				"    x_test.go:9: Op: OpInput: 1 round trips, 3 members checked",
				"    x_test.go:10: ",
				"        \tError Trace:\t/w/x_test.go:10",
				"        \t\t\t/w/other.go:3",
				"        \tError:      \tShould be empty, but was [OpOutput.N: got 1, want 2]",
				"        \tTest:       \tTestBridgeOp",
				"        \tMessages:   \tround trip 0 of x.OpOutput through y.OpOutput: members that came back different",
			},
			"Should be empty, but was [OpOutput.N: got 1, want 2] (round trip 0 of x.OpOutput through y.OpOutput: members that came back different)",
		},
		{"t.Fatal", []string{"    x_test.go:4: bad thing", "        second line"}, "bad thing"},
		{"panic", []string{"panic: assignment to entry in nil map [recovered]", "", "goroutine 9 [running]:"}, "panic: assignment to entry in nil map [recovered]"},
		{"nothing", nil, "failed without output"},
	} {
		assert.Equal(t, tc.want, failureMessage(tc.output), tc.name)
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want category
	}{
		{"Op: Filters[0].Key: the SDK's Filter has no member Key (round trip 0: to the SDK)", catSDKLacks},
		{`Op: Filter.Unknown["Extra"]: the SDK's Filter has no member Extra, so it cannot be sent`, catUnknown},
		{"Op: Policy.Id: cannot build the SDK's types.PolicyIdentifier: no type of the operation that deserializes itself holds it", catUnreachable},
		{"Op: X: cannot build the SDK's types.U through types.T.A: its deserializer did not reach it", catUnreachable},
		{"Op: Limit: 3000000000 overflows int32", catRange},
		{`Op: Limit: "abc" is not an integer`, catNotNumber},
		{`Op: Limit: "abc" is not a number`, catNotNumber},
		{`Op: NextToken: the token "x" is not an integer`, catToken},
		{"Op: NextToken: the token {} is not a string", catToken},
		{`Op: StartKey["a"]: cannot convert the string "x" to the SDK's types.AttributeValue`, catToken},
		{"Op: StartKey: the SDK's AttributeValue is a union: an object of one member, not a list", catToken},
		{`Op: Token: "%%" is not base64`, catToken},
		{"Op: Filter: no member is set", catUnionCount},
		{"Op: Filter: more than one member is set: A, B", catUnionCount},
		{"Op: Item.S: the SDK's member S is set to an empty value, which dynamodb.AttributeValue cannot tell from no member", catPlainStruct},
		{"Op: Item: the SDK's member X of AttributeValue has no place in dynamodb.AttributeValue", catPlainStruct},
		{"Op: Doc: the document is not valid JSON", catInvalidJSON},
		{"Op: Doc: the SDK's document marshals to invalid JSON", catInvalidJSON},
		{"Op: A.B: cannot convert string to the SDK's types.Structure", catMismatch},
		{"Op: A.B: cannot convert the SDK's int32 to []string", catMismatch},
		{"Should be empty, but was [X.Y: got 1, want 2] (round trip 0 of a through b: members that came back different)", catDiff},
		{"panic: runtime error: index out of range", catPanic},
		{"did not finish: panic: test timed out after 20m0s", catDidNotFinish},
		{"Op: the destination is a int, not a non-nil pointer to a struct", catOther},
	} {
		assert.Equal(t, tc.want, classify(tc.msg), tc.msg)
	}
}

// TestCategoriesFollowTheDoc keeps the first categories equal to the
// list of awsbridge's doc, "What cannot be converted".
func TestCategoriesFollowTheDoc(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "awsbridge", "doc.go"))
	require.NoError(t, err)
	_, section, ok := strings.Cut(string(b), "// # What cannot be converted")
	require.True(t, ok, "awsbridge/doc.go has no section What cannot be converted")
	section, _, _ = strings.Cut(section, "\n//\n// Some values")
	var listed []category
	for _, m := range regexp.MustCompile(`(?m)^//   - ([A-Z][^:]+):`).FindAllStringSubmatch(section, -1) {
		listed = append(listed, category(strings.ToLower(m[1][:1])+m[1][1:]))
	}
	var documented []category
	for _, c := range categories {
		if c.documented() {
			documented = append(documented, c)
		}
	}
	assert.Equal(t, listed, documented)
}

// testJSON is go test -json's output for a batch of three bridge
// packages: one whose tests ran (one passes, one fails, one panics and
// stops the binary before the last), one that does not compile, and one
// that could not be set up.
const testJSON = `{"ImportPath":"example.com/bridgecover/gen/b [example.com/bridgecover/gen/b.test]","Action":"build-output","Output":"# example.com/bridgecover/gen/b\n"}
{"ImportPath":"example.com/bridgecover/gen/b [example.com/bridgecover/gen/b.test]","Action":"build-output","Output":"gen/b/b.go:2:23: undefined: x\n"}
{"ImportPath":"example.com/bridgecover/gen/b [example.com/bridgecover/gen/b.test]","Action":"build-fail"}
{"Action":"start","Package":"example.com/bridgecover/gen/b/baws"}
{"Action":"output","Package":"example.com/bridgecover/gen/b/baws","Output":"FAIL\texample.com/bridgecover/gen/b/baws [build failed]\n"}
{"Action":"fail","Package":"example.com/bridgecover/gen/b/baws","Elapsed":0,"FailedBuild":"example.com/bridgecover/gen/b [example.com/bridgecover/gen/b.test]"}
{"Action":"start","Package":"example.com/bridgecover/gen/a/aaws"}
{"Action":"run","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeAPIVersion"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeAPIVersion","Output":"=== RUN   TestBridgeAPIVersion\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeAPIVersion","Output":"--- PASS: TestBridgeAPIVersion (0.00s)\n"}
{"Action":"pass","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeAPIVersion"}
{"Action":"run","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListThings"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListThings","Output":"    aaws_test.go:20: ListThings: ListThingsInput: 1 round trips, 4 members checked\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListThings","Output":"    aaws_test.go:21: ListThings: ListThingsOutput: 3 round trips, 30 members checked\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListThings","Output":"--- PASS: TestBridgeListThings (0.00s)\n"}
{"Action":"pass","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListThings"}
{"Action":"run","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"    aaws_test.go:25: ListOthers: ListOthersInput: 1 round trips, 2 members checked\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"    aaws_test.go:26: \n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"        \tError Trace:\t/w/gen/a/aaws/aaws_test.go:26\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"        \tError:      \tReceived unexpected error:\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"        \t            \tListOthers: Others[0].Limit: 3000000000 overflows int32\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"        \tTest:       \tTestBridgeListOthers\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"        \tMessages:   \tround trip 0: to the SDK\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers","Output":"--- FAIL: TestBridgeListOthers (0.00s)\n"}
{"Action":"fail","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListOthers"}
{"Action":"run","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListMore"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListMore","Output":"--- FAIL: TestBridgeListMore (0.00s)\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListMore","Output":"panic: reflect: call of reflect.Value.Elem on zero Value [recovered]\n"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListMore","Output":"goroutine 9 [running]:\n"}
{"Action":"fail","Package":"example.com/bridgecover/gen/a/aaws","Test":"TestBridgeListMore"}
{"Action":"output","Package":"example.com/bridgecover/gen/a/aaws","Output":"FAIL\texample.com/bridgecover/gen/a/aaws\t0.004s\n"}
{"Action":"fail","Package":"example.com/bridgecover/gen/a/aaws","Elapsed":0.007}
{"ImportPath":"github.com/aws/aws-sdk-go-v2/service/c/document","Action":"build-output","Output":"# example.com/bridgecover/gen/c/caws\n"}
{"ImportPath":"github.com/aws/aws-sdk-go-v2/service/c/document","Action":"build-output","Output":"gen/c/caws/caws.go:10:2: no required module provides package github.com/aws/aws-sdk-go-v2/service/c/document; to add it:\n"}
{"ImportPath":"github.com/aws/aws-sdk-go-v2/service/c/document","Action":"build-fail"}
{"Action":"start","Package":"example.com/bridgecover/gen/c/caws"}
{"Action":"output","Package":"example.com/bridgecover/gen/c/caws","Output":"FAIL\texample.com/bridgecover/gen/c/caws [setup failed]\n"}
{"Action":"fail","Package":"example.com/bridgecover/gen/c/caws","Elapsed":0,"FailedBuild":"github.com/aws/aws-sdk-go-v2/service/c/document"}
not JSON: go test may print such lines
`

func TestServiceResults(t *testing.T) {
	out, err := parseTestJSON(strings.NewReader(testJSON))
	require.NoError(t, err)
	require.Len(t, out.Packages, 3)
	tests := &bridgeTest{Tests: []testFunc{
		{"TestBridgeAPIVersion", ""},
		{"TestBridgeListThings", "ListThings"},
		{"TestBridgeListOthers", "ListOthers"},
		{"TestBridgeListMore", "ListMore"},
		{"TestBridgeListLast", "ListLast"},
	}}

	a := serviceResults(&service{Name: "a"}, tests, out.Packages[bridgeImport("a")], out.Builds)
	require.NotNil(t, a.APIVersion)
	assert.True(t, a.APIVersion.Pass)
	require.Len(t, a.Ops, 4)
	things, others, more, last := a.Ops[0], a.Ops[1], a.Ops[2], a.Ops[3]
	assert.True(t, things.Pass)
	assert.Equal(t, 34, things.Checked)
	assert.Equal(t, 2, things.Trips)
	assert.False(t, others.Pass)
	assert.Equal(t, catRange, others.Category)
	assert.Equal(t, "ListOthers: Others[0].Limit: 3000000000 overflows int32 (round trip 0: to the SDK)", others.Message)
	assert.Equal(t, 2, others.Checked, "the input's round trip passed")
	assert.Equal(t, catPanic, more.Category)
	assert.Equal(t, catDidNotFinish, last.Category)
	assert.Equal(t, "did not run: no output", last.Message)
	assert.Equal(t, "the coverage test did not run", a.CoverError)

	b := serviceResults(&service{Name: "b"}, tests, out.Packages[bridgeImport("b")], out.Builds)
	for _, o := range append(b.Ops, b.APIVersion) {
		assert.Equal(t, catCompile, o.Category, o.Op)
		assert.Equal(t, "example.com/bridgecover/gen/b: gen/b/b.go:2:23: undefined: x", o.Message, o.Op)
	}
	c := serviceResults(&service{Name: "c"}, tests, out.Packages[bridgeImport("c")], out.Builds)
	assert.Equal(t, catCompile, c.Ops[0].Category)
	assert.Contains(t, c.Ops[0].Message, "no required module provides package github.com/aws/aws-sdk-go-v2/service/c/document")

	none := serviceResults(&service{Name: "d"}, tests, nil, out.Builds)
	assert.Equal(t, "go test said nothing of the package", none.Ops[0].Message)
}

func TestCoverLists(t *testing.T) {
	output := []string{
		"    zz_bridgecover_test.go:30: bridgecover: uncovered ListThings output ListThingsOutput.Things[].Config.A: ListThings: Things[0].Config.A: cannot build the SDK's types.Config: no type of the operation that deserializes itself holds it",
		"    zz_bridgecover_test.go:30: bridgecover: uncovered ListThings input ListThingsInput.Extra: converts",
		"    zz_bridgecover_test.go:33: bridgecover: sdk-only ListThings output ListThingsOutput.Things[].NewMember",
		"    zz_bridgecover_test.go:33: bridgecover: sdk-only ListOthers input ListOthersInput.Flag",
	}
	uncovered, sdkOnly := coverLists(output)
	assert.Equal(t, map[string][]member{"ListThings": {
		{"output", "ListThingsOutput.Things[].Config.A", "ListThings: Things[0].Config.A: cannot build the SDK's types.Config: no type of the operation that deserializes itself holds it"},
		{"input", "ListThingsInput.Extra", "converts"},
	}}, uncovered)
	assert.Equal(t, map[string][]member{
		"ListThings": {{"output", "ListThingsOutput.Things[].NewMember", ""}},
		"ListOthers": {{"input", "ListOthersInput.Flag", ""}},
	}, sdkOnly)
	assert.Equal(t, catUnreachable, classify(uncovered["ListThings"][0].Reason))
}

// bridgeTestSource is a generated bridge test, as gen writes it.
const bridgeTestSource = `// Code generated by pagegen. DO NOT EDIT.

package ssmaws

import (
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/pagegen/pagegen/awsbridge/bridgetest"
	"example.com/bridgecover/gen/ssm"
	"github.com/stretchr/testify/require"
	"testing"
)

// TestBridgeAPIVersion checks that the SDK package is the service's.
func TestBridgeAPIVersion(t *testing.T) {
	require.Equal(t, "2014-11-06", awsssm.ServiceAPIVersion, "another API")
}

// TestBridgeDescribeSessions checks DescribeSessions.
func TestBridgeDescribeSessions(t *testing.T) {
	bridgetest.RoundTrip(t, bridge, "DescribeSessions", new(ssm.DescribeSessionsInput), new(awsssm.DescribeSessionsInput))
	bridgetest.RoundTrip(t, bridge, "DescribeSessions", new(ssm.DescribeSessionsOutput), new(awsssm.DescribeSessionsOutput))
}
`

func TestParseBridgeTest(t *testing.T) {
	bt, err := parseBridgeTest("ssmaws_test.go", []byte(bridgeTestSource))
	require.NoError(t, err)
	assert.Equal(t, "ssmaws", bt.Package)
	assert.Equal(t, []testFunc{{"TestBridgeAPIVersion", ""}, {"TestBridgeDescribeSessions", "DescribeSessions"}}, bt.Tests)
	assert.Equal(t, "bridge", bt.bridge)
	assert.Equal(t, []roundTrip{
		{"DescribeSessions", "new(ssm.DescribeSessionsInput)", "new(awsssm.DescribeSessionsInput)"},
		{"DescribeSessions", "new(ssm.DescribeSessionsOutput)", "new(awsssm.DescribeSessionsOutput)"},
	}, bt.trips)

	src, err := bt.coverSource()
	require.NoError(t, err)
	f, err := parser.ParseFile(token.NewFileSet(), coverFileName, src, parser.ImportsOnly)
	require.NoError(t, err)
	var imports []string
	for _, imp := range f.Imports {
		imports = append(imports, imp.Path.Value)
	}
	slices.Sort(imports)
	assert.Equal(t, []string{`"encoding/json"`, `"example.com/bridgecover/gen/ssm"`, `"fmt"`, `"github.com/aws/aws-sdk-go-v2/service/ssm"`,
		`"github.com/pagegen/pagegen/awsbridge/bridgetest"`, `"github.com/pagegen/pagegen/paginate"`, `"reflect"`, `"strings"`, `"testing"`, `"time"`}, imports,
		"require is not used")
	assert.Contains(t, string(src), `awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"`)
	assert.Contains(t, string(src), `{"DescribeSessions", "input", new(ssm.DescribeSessionsInput), new(awsssm.DescribeSessionsInput)},`)
	assert.Contains(t, string(src), `{"DescribeSessions", "output", new(ssm.DescribeSessionsOutput), new(awsssm.DescribeSessionsOutput)},`)
	assert.Contains(t, string(src), "func "+coverTestName+"(t *testing.T)")
	assert.Contains(t, string(src), "bridge.ToSDK(op,")

	_, err = parseBridgeTest("x_test.go", []byte("package x\nimport \"github.com/pagegen/pagegen/awsbridge/bridgetest\"\nfunc TestX(t *testing.T) { bridgetest.RoundTrip(t, b, op, nil, nil) }\n"))
	assert.ErrorContains(t, err, "the operation of RoundTrip is not a string literal")
}

func TestVetDiagnostics(t *testing.T) {
	stderr := "# example.com/bridgecover/gen/c/caws\n" +
		"# [example.com/bridgecover/gen/c/caws]\n" +
		"vet: gen/c/caws/caws.go:10:2: no required module provides package x/document; to add it:\n" +
		"\tgo get x/document\n" +
		"gen/a/aaws/aaws_test.go:3:24: fmt.Printf format %d has arg \"x\" of wrong type string\n" +
		"/mod/gen/a/a.go:5:1: unreachable code\n" +
		"something else\n"
	got := vetDiagnostics(stderr, "/mod")
	assert.Equal(t, map[string][]string{
		"gen/c/caws": {"gen/c/caws/caws.go:10:2: no required module provides package x/document; to add it: go get x/document"},
		"gen/a/aaws": {`gen/a/aaws/aaws_test.go:3:24: fmt.Printf format %d has arg "x" of wrong type string`},
		"gen/a":      {"/mod/gen/a/a.go:5:1: unreachable code"},
		"":           {"something else"},
	}, got)
	assert.Equal(t, "gen/a", serviceFolder("gen/a/aaws"))
	assert.Equal(t, "gen/a", serviceFolder("gen/a"))
}

func TestGenErrors(t *testing.T) {
	output := "/w/specs/sagemaker/paginator/Search.rst:1:1: github.com/aws/aws-sdk-go-v2/service/sagemaker v1.0.0 has no operation Search\n" +
		"/w/specs/sagemaker/paginator/ListX.rst:1:1: another\n" +
		"/w/specs/logs/paginators.json:3:5: bad entry\n" +
		"gen: something without a place\n"
	byService, rest := genErrors(output, "/w/specs")
	assert.Equal(t, map[string]string{
		"sagemaker": "paginator/Search.rst:1:1: github.com/aws/aws-sdk-go-v2/service/sagemaker v1.0.0 has no operation Search",
		"logs":      "paginators.json:3:5: bad entry",
	}, byService)
	assert.Equal(t, []string{"gen: something without a place"}, rest)
}

func TestGoMod(t *testing.T) {
	got := string(goMod("1.26.8", "/repo", map[string]string{
		"github.com/aws/aws-sdk-go-v2/service/ssm": "v1.83.0",
		"github.com/aws/aws-sdk-go-v2/service/acm": "v1.51.5",
	}))
	assert.Equal(t, `module example.com/bridgecover

go 1.26.8

require (
	github.com/pagegen/pagegen v0.0.0
	github.com/aws/aws-sdk-go-v2/service/acm v1.51.5
	github.com/aws/aws-sdk-go-v2/service/ssm v1.83.0
)

replace github.com/pagegen/pagegen => /repo
`, got)
	deps := string(depsFile([]string{"github.com/aws/aws-sdk-go-v2/service/ssm"}))
	assert.True(t, strings.HasPrefix(deps, "//go:build deps\n"), "kept out of every build")
	assert.Contains(t, deps, "\t_ \"github.com/aws/aws-sdk-go-v2/service/ssm\"\n")
}

func TestBatches(t *testing.T) {
	assert.Equal(t, [][]int{{1, 2}, {3, 4}, {5}}, batches([]int{1, 2, 3, 4, 5}, 2))
	assert.Nil(t, batches([]int(nil), 2))
}

func TestReportHelpers(t *testing.T) {
	assert.Equal(t, "3,112", num(3112))
	assert.Equal(t, "999", num(999))
	assert.Equal(t, "1,000,000", num(1000000))
	assert.Equal(t, "-1,000", num(-1000))
	assert.Equal(t, "50.0%", pct(1, 2))
	assert.Equal(t, "n/a", pct(1, 0))
	assert.Equal(t, "ab…", clip("abc", 2))
	assert.Equal(t, "a…", clip("aé", 2), "on a rune boundary")
	assert.Equal(t, []string{"a", "b", "and 2 more"}, clipList([]string{"a", "b", "c", "d"}, 2))
	assert.Equal(t, `a \| b`, cell("a | b"))

	ops := []*opResult{
		{Service: "s", Op: "A", Message: "m"},
		{Service: "t", Op: "B", Message: "m"},
		{Service: "s", Op: "C", Message: "m"},
		{Service: "s", Op: "D", Message: "n"},
	}
	assert.Equal(t, [][]*opResult{{ops[0], ops[2]}, {ops[1]}, {ops[3]}}, sameFailure(ops))
}
