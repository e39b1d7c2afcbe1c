package model

import (
	"errors"
	"path"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/parser"
)

func TestSDKCandidates(t *testing.T) {
	assert.Equal(t, []string{SDKModule + "/service/cloudwatchlogs", SDKModule + "/service/logs"}, SDKCandidates("logs", "CloudWatchLogs"))
	assert.Equal(t, []string{SDKModule + "/service/sfn", SDKModule + "/service/stepfunctions"}, SDKCandidates("stepfunctions", "SFN"))
	assert.Equal(t, []string{SDKModule + "/service/prometheusservice", SDKModule + "/service/amp"}, SDKCandidates("amp", "PrometheusService"))
	assert.Equal(t, []string{SDKModule + "/service/ssm"}, SDKCandidates("ssm", "SSM"))
	assert.Equal(t, []string{SDKModule + "/service/elasticloadbalancingv2", SDKModule + "/service/elbv2"}, SDKCandidates("elbv2", "ElasticLoadBalancingv2"))
}

// TestSDKCandidatesOnCorpus measures the rule of SDKCandidates on every
// service of the corpus against the package aws-sdk-go-v2 names after the
// service's ID: the package must be among the candidates of every service.
func TestSDKCandidatesOnCorpus(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	truth, err := corpus.LoadTruth()
	require.NoError(t, err)
	seen := map[string]bool{}
	first, second := 0, 0
	for _, name := range corpus.Pages(specs) {
		svc, _, _ := strings.Cut(name, "/")
		if seen[svc] {
			continue
		}
		seen[svc] = true
		page, err := parser.Read(name, specs[name])
		require.NoError(t, err)
		want := SDKModule + "/service/" + strings.Map(func(r rune) rune {
			if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return unicode.ToLower(r)
			}
			return -1
		}, truth.Services[svc].ServiceID)
		cands := SDKCandidates(page.Service, page.ServiceName)
		switch {
		case cands[0] == want:
			first++
		case len(cands) > 1 && cands[1] == want:
			second++
		default:
			t.Errorf("%s: the SDK package %s is not among %v", svc, path.Base(want), cands)
		}
	}
	t.Logf("services: %d; the SDK package is the client class name's for %d and the service name's for %d", len(seen), first, second)
	assert.Equal(t, len(seen), first+second)
}

func TestBridge(t *testing.T) {
	pages := []*parser.Page{page("ListThings", nil, items()), page("ListOthers", nil, items())}
	pages[0].APIDocURL = "https://docs.aws.amazon.com/goto/WebAPI/svc-2020-01-02/ListThings"
	var asked []string
	resolve := func(service string, candidates []string) (*SDKPackage, error) {
		asked = candidates
		return &SDKPackage{ImportPath: SDKModule + "/service/svc", Version: "v1.2.3",
			Operations: map[string]bool{"ListThings": true, "ListOthers": true}}, nil
	}
	pkgs, err := Build(pages, nil, nil, resolve)
	require.NoError(t, err)
	assert.Equal(t, []string{SDKModule + "/service/svc"}, asked)
	br := pkgs[0].Bridge
	require.NotNil(t, br)
	assert.Equal(t, "svcaws", br.Name)
	assert.Equal(t, "awssvc", br.SDKName)
	assert.Equal(t, "2020-01-02", br.APIVersion)
	assert.Equal(t, "TestBridgeListThings", br.TestNames["ListThings"])
	assert.Empty(t, br.SDKDocument, "no documents, no document package")

	pkgs, err = Build(pages, nil, nil, nil)
	require.NoError(t, err)
	assert.Nil(t, pkgs[0].Bridge, "no resolver, no bridge")
}

func TestBridgeErrors(t *testing.T) {
	pages := []*parser.Page{page("ListThings", nil, items()), page("ListOthers", nil, items())}
	_, err := Build(pages, nil, nil, func(string, []string) (*SDKPackage, error) {
		return &SDKPackage{ImportPath: SDKModule + "/service/svc", Version: "v1.2.3", Operations: map[string]bool{"ListThings": true}}, nil
	})
	require.EqualError(t, err, "ListOthers.rst:1:1: github.com/aws/aws-sdk-go-v2/service/svc v1.2.3 has no operation ListOthers: "+
		"the SDK is older than the page; update it (go get github.com/aws/aws-sdk-go-v2/service/svc@latest) or leave out -aws")

	_, err = Build(pages, nil, nil, func(string, []string) (*SDKPackage, error) {
		return nil, errors.New("no aws-sdk-go-v2 package for service svc")
	})
	require.EqualError(t, err, "ListOthers.rst:1:1: no aws-sdk-go-v2 package for service svc")
}

// TestBridgeDocuments checks that a bridge imports the SDK's document
// package when the pages document a document and the SDK has the package,
// and not for the raw items of a result boto3 did not render.
func TestBridgeDocuments(t *testing.T) {
	doc := page("ListThings", nil, member("Items", list(&parser.Shape{Kind: parser.Document})))
	raw := page("ListThings", nil)
	raw.Unrendered = []string{"Response Syntax", "Response Structure"}
	for _, tc := range []struct {
		name     string
		page     *parser.Page
		sdkHas   bool
		document string
	}{
		{"document", doc, true, SDKModule + "/service/svc/document"},
		{"no document package in the SDK", doc, false, ""},
		{"raw items of an unrendered result", raw, true, ""},
	} {
		pkgs, err := Build([]*parser.Page{tc.page}, map[string]map[string]parser.PaginatorConfig{"svc": {"ListThings": {
			InputToken: []string{"NextToken"}, OutputToken: []string{"NextToken"}, ResultKey: []string{"Items"},
		}}}, nil, func(string, []string) (*SDKPackage, error) {
			return &SDKPackage{ImportPath: SDKModule + "/service/svc", Operations: map[string]bool{"ListThings": true}, Document: tc.sdkHas}, nil
		})
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.document, pkgs[0].Bridge.SDKDocument, tc.name)
	}
}
