package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/pagegen/pagegen/model"
	"github.com/pagegen/pagegen/templates"
)

// keptNames reads the names file of package pkg in the output folder of
// the last run, by slash path under it ("ssm/names.txt"): the type names
// that this run keeps. A file without the generated header is not the
// generator's and is left out; a package that does not exist has none.
func (o *Options) keptNames(pkg string) (map[string][]byte, error) {
	name := path.Join(pkg, templates.NamesFile)
	b, err := o.readPrevious(name)
	if err != nil || b == nil {
		return nil, err
	}
	return map[string][]byte{name: b}, nil
}

// readPrevious reads the file name of the output folder of the last run,
// or returns nil when there is no such file or it lacks the generated
// header.
func (o *Options) readPrevious(name string) ([]byte, error) {
	if o.Previous == nil {
		return nil, nil
	}
	b, err := fs.ReadFile(o.Previous, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path.Join(o.OutDir, name), err)
	}
	if !bytes.HasPrefix(b, Header(name)) {
		return nil, nil
	}
	return b, nil
}

// keptBridge returns the aws-sdk-go-v2 package that the bridge of package
// pkg in the output folder of the last run imports, or "" when there is no
// bridge the generator wrote.
func (o *Options) keptBridge(pkg string) (string, error) {
	name := path.Join(pkg, model.BridgeName(pkg), model.BridgeName(pkg)+".go")
	b, err := o.readPrevious(name)
	if err != nil || b == nil {
		return "", err
	}
	f, err := parser.ParseFile(token.NewFileSet(), path.Join(o.OutDir, name), b, parser.ImportsOnly)
	if err != nil {
		return "", err
	}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err == nil && strings.HasPrefix(p, model.SDKModule+"/service/") && !strings.HasSuffix(p, "/document") {
			return p, nil
		}
	}
	return "", nil
}

// resolver returns the SDK resolver for service, or nil when its package
// gets no bridge: with AllBridges every package gets one, with NoBridges
// none, and with KeepBridges a package keeps the bridge the output folder
// has, to the same SDK package. A package named in SDKPackages, or kept,
// is looked for alone.
func (o *Options) resolver(service string) (model.SDKResolver, error) {
	named := o.SDKPackages
	switch o.Bridges {
	case NoBridges:
		return nil, nil
	case KeepBridges:
		sdk, err := o.keptBridge(model.PackageName(service))
		if err != nil || sdk == "" {
			return nil, err
		}
		named = map[string]string{service: sdk}
	}
	if o.SDK == nil {
		return nil, fmt.Errorf("%s: a bridge to aws-sdk-go-v2 needs a resolver of its packages", service)
	}
	return func(service string, candidates []string) (*model.SDKPackage, error) {
		if pkg, ok := named[service]; ok {
			if !strings.Contains(pkg, "/") {
				pkg = model.SDKModule + "/service/" + pkg
			}
			candidates = []string{pkg}
		}
		return o.SDK(service, candidates)
	}, nil
}
