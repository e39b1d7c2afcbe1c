package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// The modules and packages measured.
const (
	pagegenModule = "github.com/pagegen/pagegen"
	pagegenPkg    = pagegenModule + "/generated/ec2"
	awsModule     = "github.com/aws/aws-sdk-go-v2/service/ec2"
	awsTypesPkg   = awsModule + "/types"
)

// module is what `go list -m -json` says of a module.
type module struct {
	Path    string
	Version string
	Dir     string
}

// pkg is what `go list -json` says of a package.
type pkg struct {
	ImportPath string
	Name       string
	Dir        string
	GoFiles    []string
	EmbedFiles []string
	CgoFiles   []string
	Module     *module
}

// goCmd runs the go command with args in dir with the environment env (nil
// for this process's) and returns its standard output. The error holds the
// command line, the folder and what the command printed on stderr.
func goCmd(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// decodeAll decodes the stream of JSON values that `go list -json` prints.
func decodeAll[T any](data []byte) ([]T, error) {
	var all []T
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var v T
		if err := dec.Decode(&v); err != nil {
			return nil, fmt.Errorf("decoding go list output: %w", err)
		}
		all = append(all, v)
	}
	return all, nil
}

// benchModule is the bench module as found from the current folder: its
// go.mod and go.sum, and the folders of the pagegen and aws-sdk-go-v2 EC2
// modules it requires.
type benchModule struct {
	goMod, goSum string
	pagegen      module
	aws          module
	// pagegenPkgs are the packages of the pagegen module that
	// generated/ec2 needs to build, itself included.
	pagegenPkgs []pkg
}

// findBench reads the bench module that holds the current folder.
func findBench(ctx context.Context) (*benchModule, error) {
	out, err := goCmd(ctx, "", nil, "env", "GOMOD")
	if err != nil {
		return nil, err
	}
	goMod := strings.TrimSpace(string(out))
	if goMod == "" || goMod == os.DevNull {
		return nil, fmt.Errorf("not inside a module: run buildcost from the bench folder (cd bench && go run ./cmd/buildcost)")
	}
	dir := filepath.Dir(goMod)
	out, err = goCmd(ctx, dir, nil, "list", "-m", "-json", pagegenModule, awsModule)
	if err != nil {
		return nil, fmt.Errorf("%w\n(run buildcost from the bench folder, after go mod download)", err)
	}
	mods, err := decodeAll[module](out)
	if err != nil {
		return nil, err
	}
	b := &benchModule{goMod: goMod, goSum: filepath.Join(dir, "go.sum")}
	for _, m := range mods {
		if m.Dir == "" {
			return nil, fmt.Errorf("%s %s is not in the module cache: run go mod download in %s", m.Path, m.Version, dir)
		}
		switch m.Path {
		case pagegenModule:
			b.pagegen = m
		case awsModule:
			b.aws = m
		}
	}
	out, err = goCmd(ctx, dir, nil, "list", "-deps", "-json", pagegenPkg)
	if err != nil {
		return nil, err
	}
	pkgs, err := decodeAll[pkg](out)
	if err != nil {
		return nil, err
	}
	for _, p := range pkgs {
		if p.Module != nil && p.Module.Path == pagegenModule {
			if len(p.CgoFiles) > 0 {
				return nil, fmt.Errorf("%s uses cgo, which buildcost does not copy", p.ImportPath)
			}
			b.pagegenPkgs = append(b.pagegenPkgs, p)
		}
	}
	return b, nil
}

// lay writes the temporary module under root: a copy of the pagegen
// packages that generated/ec2 needs (root/pagegen), a writable copy of the
// aws-sdk-go-v2 EC2 module (root/aws), and a main module (root/m) whose
// go.mod is bench's, with both replaced by those copies. It returns the
// main module's folder.
func (b *benchModule) lay(ctx context.Context, root string) (string, error) {
	pg := filepath.Join(root, "pagegen")
	for _, name := range []string{"go.mod", "go.sum"} {
		if err := copyFile(filepath.Join(pg, name), filepath.Join(b.pagegen.Dir, name)); err != nil {
			return "", err
		}
	}
	for _, p := range b.pagegenPkgs {
		rel, err := filepath.Rel(b.pagegen.Dir, p.Dir)
		if err != nil || !filepath.IsLocal(rel) {
			return "", fmt.Errorf("package %s is in %s, outside its module %s", p.ImportPath, p.Dir, b.pagegen.Dir)
		}
		for _, f := range append(p.GoFiles, p.EmbedFiles...) {
			if err := copyFile(filepath.Join(pg, rel, f), filepath.Join(p.Dir, f)); err != nil {
				return "", err
			}
		}
	}
	aws := filepath.Join(root, "aws")
	if err := os.CopyFS(aws, os.DirFS(b.aws.Dir)); err != nil {
		return "", fmt.Errorf("copying %s: %w", b.aws.Dir, err)
	}

	m := filepath.Join(root, "m")
	if err := copyFile(filepath.Join(m, "go.mod"), b.goMod); err != nil {
		return "", err
	}
	if err := copyFile(filepath.Join(m, "go.sum"), b.goSum); err != nil {
		return "", err
	}
	_, err := goCmd(ctx, m, nil, "mod", "edit",
		"-module=buildcost.local/m",
		"-dropreplace="+pagegenModule,
		"-replace="+pagegenModule+"="+pg,
		"-replace="+awsModule+"="+aws)
	return m, err
}

// copyFile copies the regular file src to dst, creating dst's folder; dst
// is writable whatever src's mode.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copying: %w", err)
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("copying %s: %w", src, err)
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("copying %s: %w", src, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copying %s to %s: %w", src, dst, err)
	}
	if err := out.Close(); err != nil {
		return fmt.Errorf("copying %s to %s: %w", src, dst, err)
	}
	return nil
}
