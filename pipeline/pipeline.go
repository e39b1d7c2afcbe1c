// Package pipeline is the generator as a library: it reads a specs folder
// as an fs.FS, parses its pages, builds the model of each service and emits
// its package, and returns the files by slash path under the output folder
// ("ssm/describe_sessions.go"), or the diagnostics. It touches no disk of
// its own: the output folder of the last run comes in as an fs.FS and the
// aws-sdk-go-v2 packages of the output's module through a resolver; the
// command cmd/gen reads the flags, writes the files and sets the exit
// status.
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"sync"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/model"
	"github.com/pagegen/pagegen/parser"
	"github.com/pagegen/pagegen/templates"
)

// Bridges says which packages get a bridge to aws-sdk-go-v2.
type Bridges int

const (
	// KeepBridges gives a package the bridge it has in the output folder
	// of the last run, to the same SDK package, and none otherwise.
	KeepBridges Bridges = iota
	// AllBridges gives every package a bridge.
	AllBridges
	// NoBridges gives no package a bridge.
	NoBridges
)

// Options configure a run of the pipeline.
type Options struct {
	// SpecsDir and OutDir are the specs and output folders as diagnostics
	// name them ("specs", "/home/me/mod/generated").
	SpecsDir, OutDir string
	// ImportPath is the import path of the output folder; each package's
	// is ImportPath/<package>.
	ImportPath string
	// Previous is the output folder as the last run left it, or nil for
	// none. Each package keeps the type names its names file records, so
	// that adding a page renames nothing, and, with KeepBridges, its
	// bridge.
	Previous fs.FS
	// Bridges says which packages get a bridge to aws-sdk-go-v2.
	Bridges Bridges
	// SDKPackages names the aws-sdk-go-v2 package of a service where the
	// rule of model.SDKCandidates finds none: service → an import path, or
	// the last element of one under the SDK's service folder.
	SDKPackages map[string]string
	// SDK finds the aws-sdk-go-v2 package of a service among candidates;
	// a package gets a bridge only with one.
	SDK model.SDKResolver
}

// Generate runs the pipeline on the spec files of specs and returns every
// generated file, by slash path under the output folder. The error, if
// any, holds the diagnostics (diag.Of finds them) and any other failure.
func (o *Options) Generate(specs fs.FS) (map[string][]byte, error) {
	all := map[string][]byte{}
	var mu sync.Mutex
	err := o.Run(specs, func(files map[string][]byte) error {
		mu.Lock()
		defer mu.Unlock()
		for name, b := range files {
			all[name] = b
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// Run runs the pipeline as Generate does, one service at a time on each of
// GOMAXPROCS workers, the largest first, so that memory holds a few
// services rather than all of them, and hands each service's files to
// each as soon as they are made, from several goroutines at once. It stops
// handing files over after the first failure, but models every service, so
// that the error holds the diagnostics of all. An error of each ends the
// run.
func (o *Options) Run(specs fs.FS, each func(files map[string][]byte) error) error {
	services, err := Services(specs)
	if err != nil {
		return err
	}
	if len(services) == 0 {
		return fmt.Errorf("%s: no spec pages found (want <service>/%s/<Name>.rst)", o.SpecsDir, pagesFolder)
	}
	errs := o.packageConflicts(services)

	var (
		mu     sync.Mutex
		failed = len(errs) > 0
		other  []error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		failed = true
		if list := diag.Of(err); list != nil {
			errs = append(errs, list...)
		} else {
			other = append(other, err)
		}
	}
	order := make([]int, len(services))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return services[order[i]].Size > services[order[j]].Size })
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(services)) {
		wg.Go(func() {
			for i := range next {
				files, err := o.service(specs, services[i])
				if err != nil {
					fail(err)
					continue
				}
				mu.Lock()
				skip := failed
				mu.Unlock()
				if skip {
					continue
				}
				if err := each(files); err != nil {
					fail(err)
				}
			}
		})
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()
	errs.Sort()
	return errors.Join(append([]error{errs.Err()}, other...)...)
}

// packageConflicts reports the services that would make the same package
// as an earlier one (see model.PackageClashes), at their first spec file:
// the model sees one service at a time here.
func (o *Options) packageConflicts(services []Service) diag.List {
	names := make([]string, len(services))
	first := map[string]string{}
	for i, s := range services {
		names[i] = s.Name
		first[s.Name] = s.Files[0]
	}
	var errs diag.List
	for _, c := range model.PackageClashes(names) {
		errs.Add(path.Join(o.SpecsDir, first[c.Service]), diag.Start, c.Error())
	}
	return errs
}

// service generates the package of one service.
func (o *Options) service(specs fs.FS, s Service) (map[string][]byte, error) {
	files := make(map[string][]byte, len(s.Files))
	for _, name := range s.Files {
		b, err := fs.ReadFile(specs, name)
		if err != nil {
			return nil, err
		}
		files[name] = b
	}
	pkg := model.PackageName(s.Name)
	prev, err := o.keptNames(pkg)
	if err != nil {
		return nil, err
	}
	resolve, err := o.resolver(s.Name)
	if err != nil {
		return nil, err
	}
	pkgs, err := build(o.SpecsDir, files, o.OutDir, prev, resolve)
	if err != nil {
		return nil, err
	}
	gen, err := emit(pkgs, o.ImportPath)
	if err != nil {
		return nil, err
	}
	if err := checkPaths(gen); err != nil {
		return nil, err
	}
	return gen, nil
}

// build reads spec files, by slash path under the specs folder, and the
// names files of the last run, by slash path under the output folder, and
// builds the model of each package. dir and outDir are the folders as
// diagnostics name them.
func build(dir string, specs map[string][]byte, outDir string, prev map[string][]byte, resolve model.SDKResolver) ([]*model.Package, error) {
	var errs diag.List
	var pages []*parser.Page
	overrides := map[string]map[string]parser.PaginatorConfig{}
	for _, name := range SortedNames(specs) {
		file := path.Join(dir, name)
		service, kind, paginator := classify(name)
		switch kind {
		case paginators:
			cfg, err := parser.ReadPaginators(file, specs[name])
			if err != nil {
				errs = append(errs, diag.Of(err)...)
				continue
			}
			overrides[service] = cfg
		case page:
			p, err := parser.Read(file, specs[name])
			if err != nil {
				errs = append(errs, diag.Of(err)...)
				continue
			}
			if p.Service != service {
				errs.Add(file, diag.Start, fmt.Sprintf("the page is for service %q but is in folder %q", p.Service, service))
				continue
			}
			if p.Name != paginator {
				errs.Add(file, diag.Start, fmt.Sprintf("the page is for paginator %q but is named %s.rst", p.Name, paginator))
				continue
			}
			pages = append(pages, p)
		default:
			errs.Add(file, diag.Start, layoutHint)
		}
	}
	kept := map[string]model.TypeNames{}
	for name, b := range prev {
		ns, err := model.UnmarshalTypeNames(path.Join(outDir, name), b)
		if err != nil {
			errs = append(errs, diag.Of(err)...)
			continue
		}
		kept[path.Dir(name)] = ns
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return model.Build(pages, overrides, kept, resolve)
}

// emit renders the Go files of the packages, by slash path under the
// output folder whose import path is importBase.
func emit(pkgs []*model.Package, importBase string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, pkg := range pkgs {
		files, err := templates.Generate(pkg, importBase+"/"+pkg.Name)
		if err != nil {
			return nil, err
		}
		for name, b := range files {
			out[pkg.Name+"/"+name] = b
		}
	}
	return out, nil
}
