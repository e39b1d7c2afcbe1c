package outdir

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/pagegen/pagegen/model"
)

// ErrNoModule is the error of ImportPath for a folder outside any Go
// module.
var ErrNoModule = errors.New("not inside a Go module")

// ImportPath returns the import path of the folder dir, which need not
// exist, from the go.mod of the module it is in. The error wraps
// ErrNoModule when no go.mod is above it.
func ImportPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		gomod := filepath.Join(d, "go.mod")
		b, err := os.ReadFile(gomod)
		if err == nil {
			mod := modfile.ModulePath(b)
			if mod == "" {
				return "", fmt.Errorf("%s: no module line", gomod)
			}
			rel, err := filepath.Rel(d, abs)
			if err != nil {
				return "", err
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: %w", dir, ErrNoModule)
		}
	}
}

// apiOpFile matches the file aws-sdk-go-v2 writes for each operation of a
// service package: api_op_DescribeSessions.go.
var apiOpFile = regexp.MustCompile(`^api_op_([A-Za-z0-9]+)\.go$`)

// SDKResolver returns the model.SDKResolver that asks the go command, run
// in the output folder out (or the nearest folder above it that exists),
// which candidate package the output's module can build.
func SDKResolver(out string) model.SDKResolver {
	return func(service string, candidates []string) (*model.SDKPackage, error) {
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
