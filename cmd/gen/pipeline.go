package main

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/model"
	"github.com/pagegen/pagegen/parser"
	"github.com/pagegen/pagegen/templates"
)

// generate runs the pipeline on spec files and returns the generated files.
// specs maps each spec's slash path under the specs folder
// ("ssm/paginator/DescribeSessions.rst", "ssm/paginators.json") to its
// bytes; dir is the specs folder as errors should name it. The result maps
// slash paths under the output folder ("ssm/describe_sessions.go") to
// their bytes; importBase is the import path of the output folder. prev
// holds the names files of the last run the same way ("ssm/names.txt"),
// whose type names the packages keep; outDir is the output folder as errors
// should name it. With resolve, each package's bridge to aws-sdk-go-v2 is
// generated too. It touches no disk.
func generate(dir string, specs map[string][]byte, outDir string, prev map[string][]byte, importBase string, resolve model.SDKResolver) (map[string][]byte, error) {
	pkgs, err := build(dir, specs, outDir, prev, resolve)
	if err != nil {
		return nil, err
	}
	return emit(pkgs, importBase)
}

// build reads the spec files and the names files of the last run, as
// generate takes them, and builds the model of each package.
func build(dir string, specs map[string][]byte, outDir string, prev map[string][]byte, resolve model.SDKResolver) ([]*model.Package, error) {
	names := make([]string, 0, len(specs))
	for name := range specs {
		names = append(names, name)
	}
	sort.Strings(names)

	var errs diag.List
	var pages []*parser.Page
	overrides := map[string]map[string]parser.PaginatorConfig{}
	for _, name := range names {
		file := path.Join(dir, name)
		service, rest, _ := strings.Cut(name, "/")
		switch {
		case rest == "paginators.json":
			cfg, err := parser.ReadPaginators(file, specs[name])
			if err != nil {
				errs = append(errs, err.(diag.List)...)
				continue
			}
			overrides[service] = cfg
		case strings.HasPrefix(rest, "paginator/") && strings.HasSuffix(rest, ".rst") && !strings.Contains(strings.TrimPrefix(rest, "paginator/"), "/"):
			page, err := parser.Read(file, specs[name])
			if err != nil {
				errs = append(errs, err.(diag.List)...)
				continue
			}
			if page.Service != service {
				errs = append(errs, &diag.Error{File: file, Pos: parser.Pos{Line: 1, Col: 1},
					Msg: fmt.Sprintf("the page is for service %q but is in folder %q", page.Service, service)})
				continue
			}
			if want := strings.TrimSuffix(path.Base(rest), ".rst"); page.Name != want {
				errs = append(errs, &diag.Error{File: file, Pos: parser.Pos{Line: 1, Col: 1},
					Msg: fmt.Sprintf("the page is for paginator %q but is named %s.rst", page.Name, want)})
				continue
			}
			pages = append(pages, page)
		default:
			errs = append(errs, &diag.Error{File: file, Pos: parser.Pos{Line: 1, Col: 1},
				Msg: "not a spec: want <service>/paginator/<Name>.rst or <service>/paginators.json"})
		}
	}
	kept := map[string]model.TypeNames{}
	for name, b := range prev {
		ns, err := model.UnmarshalTypeNames(path.Join(outDir, name), b)
		if err != nil {
			errs = append(errs, err.(diag.List)...)
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

// emit writes the Go files of the packages, as generate does.
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
