package main

import (
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/model"
)

// service is one service of the corpus and what the run found for it.
type service struct {
	Name     string   // boto3's service name: "logs"
	Client   string   // boto3's client class name: "CloudWatchLogs"
	Package  string   // the pagegen package: "logs"
	Protocol string   // botocore's protocol: "json"
	Ops      []string // the operations of its pages, sorted
	files    []string // its spec files, pages and paginators.json

	SDK *sdkChoice // the aws-sdk-go-v2 module looked up for it
	// SDKOps are the operations of its SDK package, when at hand.
	SDKOps map[string]bool
	// Missing are the operations of its pages that its SDK package lacks
	// (the SDK is older than the pages); they are not generated.
	Missing []string
	// GenError is what the generator said of the service, when it
	// refused it; the service is then not built.
	GenError string
}

// atHand reports whether the service's SDK package was found.
func (s *service) atHand() bool { return s.SDK != nil && s.SDK.Module != "" && s.SDKOps != nil }

// tested returns the operations of the service that are generated and
// tested: those its SDK has.
func (s *service) tested() []string {
	if !s.atHand() || s.GenError != "" {
		return nil
	}
	var out []string
	for _, op := range s.Ops {
		if s.SDKOps[op] {
			out = append(out, op)
		}
	}
	return out
}

// breadcrumbRE matches the first line of a boto3 paginator page, whose
// link text is the client class name: ":doc:`SSM <../../ssm>` / Paginator
// / DescribeSessions".
var breadcrumbRE = regexp.MustCompile("^:doc:`([^<`]+?) <\\.\\./\\.\\./([^>`]+)>` / Paginator / ")

// loadServices groups the corpus's spec files by service, in name order,
// with each service's client class name from truth, or else from its
// first page's breadcrumb.
func loadServices(specs map[string][]byte, truth *corpus.Truth) ([]*service, error) {
	byName := map[string]*service{}
	for _, name := range slices.Sorted(maps.Keys(specs)) {
		svc, rest, ok := strings.Cut(name, "/")
		if !ok {
			return nil, fmt.Errorf("corpus: %s is not <service>/<file>", name)
		}
		s := byName[svc]
		if s == nil {
			s = &service{Name: svc, Package: model.PackageName(svc)}
			byName[svc] = s
		}
		s.files = append(s.files, name)
		if op, ok := strings.CutPrefix(rest, "paginator/"); ok && strings.HasSuffix(op, ".rst") {
			s.Ops = append(s.Ops, strings.TrimSuffix(op, ".rst"))
		}
	}
	var out []*service
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		s := byName[name]
		if len(s.Ops) == 0 {
			return nil, fmt.Errorf("corpus: service %s has no pages", name)
		}
		if t := truth.Services[name]; t != nil {
			s.Client, s.Protocol = t.Client, t.Protocol
		}
		if s.Client == "" {
			first := path.Join(name, "paginator", s.Ops[0]+".rst")
			line, _, _ := strings.Cut(string(specs[first]), "\n")
			m := breadcrumbRE.FindStringSubmatch(strings.TrimSpace(line))
			if m == nil {
				return nil, fmt.Errorf("corpus: %s: no client class name in truth.json.gz nor in the breadcrumb line", first)
			}
			s.Client = m[1]
		}
		out = append(out, s)
	}
	return out, nil
}

// selectServices returns the services named in names (all when names is
// empty), in name order, at most n of them when n > 0.
func selectServices(all []*service, names []string, n int) ([]*service, error) {
	out := all
	if len(names) > 0 {
		byName := map[string]*service{}
		for _, s := range all {
			byName[s.Name] = s
		}
		out = nil
		for _, name := range names {
			s := byName[name]
			if s == nil {
				return nil, fmt.Errorf("-services: the corpus has no service %q", name)
			}
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		slices.SortFunc(out, func(a, b *service) int { return strings.Compare(a.Name, b.Name) })
	}
	if n > 0 && n < len(out) {
		out = out[:n]
	}
	return out, nil
}

// writeSpecs replaces the folder dir with the spec files of the services
// whose operations are tested, leaving out the pages of the operations
// their SDK lacks. It returns the number of pages written.
func writeSpecs(dir string, specs map[string][]byte, services []*service) (int, error) {
	if err := os.RemoveAll(dir); err != nil {
		return 0, err
	}
	pages := 0
	for _, s := range services {
		tested := s.tested()
		if len(tested) == 0 {
			continue
		}
		for _, name := range s.files {
			if op, ok := strings.CutPrefix(name, s.Name+"/paginator/"); ok {
				if !slices.Contains(tested, strings.TrimSuffix(op, ".rst")) {
					continue
				}
				pages++
			}
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return 0, err
			}
			if err := os.WriteFile(p, specs[name], 0o644); err != nil {
				return 0, err
			}
		}
	}
	return pages, nil
}
