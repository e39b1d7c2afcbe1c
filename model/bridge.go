package model

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pagegen/pagegen/parser"
)

// SDKModule is the module path under which aws-sdk-go-v2 keeps a package
// per service: <SDKModule>/service/<name>.
const SDKModule = "github.com/aws/aws-sdk-go-v2"

// SDKPackage is the aws-sdk-go-v2 package of a service, as the go command
// found it for the output's module.
type SDKPackage struct {
	ImportPath string // "github.com/aws/aws-sdk-go-v2/service/ssm"
	Version    string // the version of its module, for messages: "v1.83.0"
	// Operations are the operations the package has: every Operation of
	// the SDK client.
	Operations map[string]bool
	// Document reports that the SDK has the service's document package,
	// <ImportPath>/document, which only services with documents have.
	Document bool
}

// SDKResolver finds the aws-sdk-go-v2 package of a service: the first of
// candidates (import paths, most likely first) that the go command can
// build in the output's module. It returns an error when none can be
// found.
type SDKResolver func(service string, candidates []string) (*SDKPackage, error)

// SDKCandidates are the import paths that may hold the aws-sdk-go-v2
// package of a service, most likely first: aws-sdk-go-v2 names a service's
// package after its SDK ID, lower-cased without spaces, which boto3's
// client class name gives for most services ("CloudWatchLogs" →
// cloudwatchlogs, "SFN" → sfn), and boto3's service name for the rest
// ("amp", whose class is PrometheusService).
func SDKCandidates(service, clientClass string) []string {
	var out []string
	for _, name := range []string{clientClass, service} {
		var b strings.Builder
		for _, r := range strings.ToLower(name) {
			if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
		if p := SDKModule + "/service/" + b.String(); b.Len() > 0 && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// Bridge is the package that implements a Package's clients by calling
// aws-sdk-go-v2, beside the package: <out>/<pkg>/<pkg>aws.
type Bridge struct {
	Name string // the Go package name, also its folder in the package's: "ssmaws"
	// SDKImport is the import path of the service's aws-sdk-go-v2 package,
	// and SDKName the name the bridge imports it under: "awsssm".
	SDKImport, SDKName string
	// SDKDocument is the import path of the SDK's document package, when
	// the package has documents, and SDKDocumentName its name in the
	// bridge; "" otherwise.
	SDKDocument, SDKDocumentName string
	// APIVersion is the API version the pages name ("2014-11-06"), which
	// the SDK package's ServiceAPIVersion must equal; "" when no page
	// names one.
	APIVersion string

	APIName    string // the interface of the SDK client's methods: "API"
	ClientName string // the bridge's client: "Client"
	NewName    string // its constructor: "New"
	VarName    string // the unexported variable holding the converter: "bridge"
	// TestNames are the names of the generated tests of each operation's
	// conversion, by operation: "TestBridgeDescribeSessions".
	TestNames map[string]string
	// VersionTestName is the name of the generated test that the SDK
	// package serves the API version of the pages: "TestBridgeAPIVersion".
	VersionTestName string
}

// BridgeName is the name of the bridge package of the package named pkg,
// also its folder inside the package's: "ssmaws".
func BridgeName(pkg string) string {
	return pkg + "aws"
}

// bridge settles the bridge of pkg, whose pages are pages, on the SDK
// package sdk, and checks that the SDK has every paginator's operation.
func (b *builder) bridge(pkg *Package, pages []*parser.Page, sdk *SDKPackage) *Bridge {
	br := &Bridge{
		Name:       BridgeName(pkg.Name),
		SDKImport:  sdk.ImportPath,
		SDKName:    "aws" + path.Base(sdk.ImportPath),
		APIName:    "API",
		ClientName: "Client",
		NewName:    "New",
		VarName:    "bridge",
		TestNames:  map[string]string{},
	}
	tests := uniquer{}
	br.VersionTestName = tests.name("TestBridgeAPIVersion")
	for _, p := range pkg.Paginators {
		br.TestNames[p.Name] = tests.name("TestBridge" + p.Name)
	}
	if br.SDKName == pkg.Name || br.SDKName == br.Name {
		br.SDKName = "sdk" + path.Base(sdk.ImportPath)
	}
	if sdk.Document && usesDocuments(pkg) {
		br.SDKDocument = sdk.ImportPath + "/document"
		br.SDKDocumentName = br.SDKName + "document"
	}
	files := map[string]*parser.Page{}
	for _, page := range pages {
		files[page.File] = page
		if v := page.APIVersion(); v != "" && br.APIVersion == "" {
			br.APIVersion = v
		}
	}
	for _, p := range pkg.Paginators {
		if sdk.Operations[p.Name] {
			continue
		}
		b.errorf(p.Spec, parser.Pos{Line: 1, Col: 1},
			"%s has no operation %s: the SDK is older than the page; update it (go get %s@latest) or leave out -aws",
			describeSDK(sdk), p.Name, sdk.ImportPath)
	}
	return br
}

// usesDocuments reports whether a type of pkg holds a document that the
// pages document: the raw items of a result boto3 did not render are not
// documents of the API.
func usesDocuments(pkg *Package) bool {
	var holds func(r *TypeRef) bool
	holds = func(r *TypeRef) bool {
		switch r.Kind {
		case Document:
			return true
		case Slice, Map:
			return holds(r.Elem)
		}
		return false
	}
	types := slices.Clone(pkg.Types)
	for _, p := range pkg.Paginators {
		types = append(types, p.Input, p.Output)
	}
	for _, t := range types {
		for _, f := range t.Fields {
			if !f.Hidden && holds(f.Type) {
				return true
			}
		}
	}
	return false
}

// describeSDK is the SDK package as messages name it.
func describeSDK(sdk *SDKPackage) string {
	if sdk.Version == "" {
		return sdk.ImportPath
	}
	return fmt.Sprintf("%s %s", sdk.ImportPath, sdk.Version)
}
