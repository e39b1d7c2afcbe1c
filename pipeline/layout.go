package pipeline

import (
	"io/fs"
	"path"
	"sort"
	"strings"
)

// The layout of a specs folder, the one place its rules live: a service's
// folder holds its pages as <service>/paginator/<Name>.rst and, optionally,
// botocore's paginator configuration as <service>/paginators.json.
const (
	pagesFolder    = "paginator"
	paginatorsFile = "paginators.json"
)

// A specKind is what a file of the specs folder is to the generator.
type specKind int

const (
	notSpec    specKind = iota // an .rst file elsewhere: an error
	page                       // <service>/paginator/<Name>.rst
	paginators                 // <service>/paginators.json
)

// isSpecFile reports whether the generator reads the file name, a slash
// path under the specs folder: every .rst file and every paginators.json,
// wherever it is, so that one in the wrong place is an error rather than
// left out unseen.
func isSpecFile(name string) bool {
	return strings.HasSuffix(name, ".rst") || path.Base(name) == paginatorsFile
}

// classify returns the service folder of a spec file and what it is, and
// for a page the paginator name its file name gives.
func classify(name string) (service string, kind specKind, paginator string) {
	service, rest, _ := strings.Cut(name, "/")
	if rest == paginatorsFile {
		return service, paginators, ""
	}
	if file, ok := strings.CutPrefix(rest, pagesFolder+"/"); ok && !strings.Contains(file, "/") && strings.HasSuffix(file, ".rst") {
		return service, page, strings.TrimSuffix(file, ".rst")
	}
	return service, notSpec, ""
}

// layoutHint is what the error for a misplaced spec file asks for.
const layoutHint = "not a spec: want <service>/" + pagesFolder + "/<Name>.rst or <service>/" + paginatorsFile

// A Service is the spec files of one folder of the specs folder, which
// names a service.
type Service struct {
	Name  string
	Files []string // slash paths under the specs folder, sorted
	Size  int64    // their bytes in all
}

// Services finds the spec files of the specs folder specs and groups them
// by service folder, in order of service.
func Services(specs fs.FS) ([]Service, error) {
	var services []Service
	err := fs.WalkDir(specs, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isSpecFile(p) {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		service, _, _ := classify(p)
		if n := len(services); n == 0 || services[n-1].Name != service {
			services = append(services, Service{Name: service})
		}
		s := &services[len(services)-1]
		s.Files = append(s.Files, p)
		s.Size += info.Size()
		return nil
	})
	sort.SliceStable(services, func(i, j int) bool { return services[i].Name < services[j].Name })
	return services, err
}
