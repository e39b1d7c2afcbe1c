package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/pagegen/pagegen/model"
)

// sdkFlag is the -aws-sdk flag: service=package pairs that name the
// aws-sdk-go-v2 package of a service where the rule of
// model.SDKCandidates finds none.
type sdkFlag map[string]string

func (f sdkFlag) String() string {
	var pairs []string
	for svc, pkg := range f {
		pairs = append(pairs, svc+"="+pkg)
	}
	return strings.Join(pairs, ",")
}

func (f sdkFlag) Set(v string) error {
	for _, pair := range strings.Split(v, ",") {
		svc, pkg, ok := strings.Cut(pair, "=")
		if !ok || svc == "" || pkg == "" {
			return fmt.Errorf("%q is not service=package", pair)
		}
		f[svc] = pkg
	}
	return nil
}

// awsFlag is the -aws flag. Unset, each package keeps the bridge it has in
// the output folder, to the same aws-sdk-go-v2 package; -aws gives every
// package one and -aws=false removes them.
type awsFlag struct {
	set, on bool
}

func (f *awsFlag) String() string {
	if f == nil || !f.set {
		return "kept"
	}
	return strconv.FormatBool(f.on)
}

func (f *awsFlag) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	f.set, f.on = true, on
	return nil
}

// IsBoolFlag lets -aws stand alone for -aws=true.
func (f *awsFlag) IsBoolFlag() bool { return true }

// bridgeSDK returns the aws-sdk-go-v2 package that the bridge of package
// pkg in the output folder imports, or "" when the folder holds no bridge
// that gen wrote. The bridge is read through an os.Root of the folder,
// without following symbolic links.
func bridgeSDK(out, pkg string) (string, error) {
	name := path.Join(pkg, model.BridgeName(pkg), model.BridgeName(pkg)+".go")
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer root.Close()
	exists, err := noLinks(root, name)
	if err != nil || !exists {
		return "", err
	}
	b, err := root.ReadFile(name)
	if err != nil || !bytes.HasPrefix(b, header(name)) {
		return "", err
	}
	f, err := parser.ParseFile(token.NewFileSet(), name, b, parser.ImportsOnly)
	if err != nil {
		return "", fmt.Errorf("%s: %w", filepath.Join(out, filepath.FromSlash(name)), err)
	}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err == nil && strings.HasPrefix(p, model.SDKModule+"/service/") && !strings.HasSuffix(p, "/document") {
			return p, nil
		}
	}
	return "", nil
}

// apiOpFile matches the file aws-sdk-go-v2 writes for each operation of a
// service package: api_op_DescribeSessions.go.
var apiOpFile = regexp.MustCompile(`^api_op_([A-Za-z0-9]+)\.go$`)

// goListResolver returns the model.SDKResolver that asks the go command,
// run in the folder of out (or the nearest folder above it that exists),
// which candidate package the output's module can build. named gives
// packages for services by name: an import path, or the last element of
// one under aws-sdk-go-v2's service folder.
func goListResolver(out string, named map[string]string) model.SDKResolver {
	return func(service string, candidates []string) (*model.SDKPackage, error) {
		if pkg, ok := named[service]; ok {
			if !strings.Contains(pkg, "/") {
				pkg = model.SDKModule + "/service/" + pkg
			}
			candidates = []string{pkg}
		}
		dir, err := existingDir(out)
		if err != nil {
			return nil, err
		}
		args := []string{"list", "-e", "-json=ImportPath,Name,GoFiles,Module,Error"}
		for _, c := range candidates {
			args = append(args, c, c+"/document")
		}
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("go list %s: %v: %s", strings.Join(candidates, " "), err, strings.TrimSpace(stderr.String()))
		}
		found := map[string]*model.SDKPackage{}
		dec := json.NewDecoder(&stdout)
		for {
			var p struct {
				ImportPath string
				Name       string
				GoFiles    []string
				Module     *struct{ Version string }
				Error      *struct{ Err string }
			}
			if err := dec.Decode(&p); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				return nil, fmt.Errorf("go list: %w", err)
			}
			if p.Error != nil || p.Name == "" {
				continue
			}
			sdk := &model.SDKPackage{ImportPath: p.ImportPath, Operations: map[string]bool{}}
			if p.Module != nil {
				sdk.Version = p.Module.Version
			}
			for _, f := range p.GoFiles {
				if m := apiOpFile.FindStringSubmatch(f); m != nil {
					sdk.Operations[m[1]] = true
				}
			}
			found[p.ImportPath] = sdk
		}
		for _, c := range candidates {
			if sdk := found[c]; sdk != nil {
				sdk.Document = found[c+"/document"] != nil
				return sdk, nil
			}
		}
		return nil, fmt.Errorf("no aws-sdk-go-v2 package for service %s in the module of %s: tried %s; add the service's package to the module (go get %s) or name it with -aws-sdk %s=<package>",
			service, out, strings.Join(candidates, ", "), candidates[0], service)
	}
}

// existingDir is dir, or the nearest folder above it that exists.
func existingDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		if info, err := os.Stat(abs); err == nil && info.IsDir() {
			return abs, nil
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", fmt.Errorf("%s: no folder of it exists", dir)
		}
		abs = parent
	}
}
