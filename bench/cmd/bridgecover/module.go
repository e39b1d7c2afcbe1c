package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/pagegen/pagegen/model"
)

// modulePath is the module path of the module the bridges are generated
// into, and genDir the folder of the generated packages in it.
const (
	modulePath = "example.com/bridgecover"
	genDir     = "gen"
)

// goCommand returns the go command with args, run in dir with the
// environment and env, as command does.
func goCommand(ctx context.Context, dir string, env []string, args ...string) *exec.Cmd {
	return command(ctx, dir, env, "go", args...)
}

// command returns the command name with args, run in dir with the
// environment and env. An interrupt of ctx interrupts it, and kills it if
// it has not ended 10 seconds later.
func command(ctx context.Context, dir string, env []string, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

// repoDir returns the folder of the pagegen module, as the go command
// finds it from the module in dir (the bench module, whose go.mod
// replaces it with the repository).
func repoDir(ctx context.Context, dir string, env []string) (string, error) {
	out, err := goOutput(ctx, dir, env, "list", "-m", "-f", "{{.Dir}}", "github.com/pagegen/pagegen")
	if err != nil {
		return "", fmt.Errorf("finding the pagegen module (run from the bench folder): %w", err)
	}
	d := strings.TrimSpace(string(out))
	if d == "" {
		return "", fmt.Errorf("go list -m github.com/pagegen/pagegen in %s: no folder; run from the bench folder", dir)
	}
	return d, nil
}

// goDirective returns the go version that the go.mod file in dir names.
func goDirective(dir string) (string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return "", err
	}
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "go "); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("%s: no go directive", filepath.Join(dir, "go.mod"))
}

// goMod returns the go.mod of the module the bridges are generated into:
// pagegen, replaced with the repository in repo, and each SDK module of
// sdks (module path → version).
func goMod(goVersion, repo string, sdks map[string]string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "module %s\n\ngo %s\n\nrequire (\n\tgithub.com/pagegen/pagegen v0.0.0\n", modulePath, goVersion)
	for _, m := range slices.Sorted(maps.Keys(sdks)) {
		fmt.Fprintf(&b, "\t%s %s\n", m, sdks[m])
	}
	fmt.Fprintf(&b, ")\n\nreplace github.com/pagegen/pagegen => %s\n", repo)
	return b.Bytes()
}

// depsFile returns a Go file, kept out of every build by a build tag,
// that imports every package the generated bridges and their tests
// import, so that go mod tidy requires and downloads their modules before
// the bridges exist.
func depsFile(sdkPackages []string) []byte {
	var b bytes.Buffer
	b.WriteString("//go:build deps\n\n// Package deps imports what the generated bridges import, so that go mod\n// tidy keeps their modules.\npackage deps\n\nimport (\n")
	for _, p := range append([]string{
		"github.com/pagegen/pagegen/awsbridge",
		"github.com/pagegen/pagegen/awsbridge/bridgetest",
		"github.com/pagegen/pagegen/paginate",
		"github.com/stretchr/testify/require",
	}, sdkPackages...) {
		fmt.Fprintf(&b, "\t_ %q\n", p)
	}
	b.WriteString(")\n")
	return b.Bytes()
}

// writeIfChanged writes b to file unless it holds b already.
func writeIfChanged(file string, b []byte) error {
	if old, err := os.ReadFile(file); err == nil && bytes.Equal(old, b) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	return os.WriteFile(file, b, 0o644)
}

// genErrorRE matches an error line of cmd/gen: file:line:col: message.
var genErrorRE = regexp.MustCompile(`^(\S+?):(\d+):(\d+): (.*)$`)

// genErrors returns the services that the error lines of a failed run of
// cmd/gen name, with the first error of each, by service; specs is the
// specs folder the run read. Lines that name no service are returned in
// rest.
func genErrors(output, specs string) (byService map[string]string, rest []string) {
	byService = map[string]string{}
	sc := bufio.NewScanner(strings.NewReader(output))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		m := genErrorRE.FindStringSubmatch(line)
		if m == nil {
			rest = append(rest, line)
			continue
		}
		rel, err := filepath.Rel(specs, m[1])
		if err != nil || strings.HasPrefix(rel, "..") || filepath.IsAbs(rel) {
			rel = m[1]
		}
		svc, file, ok := strings.Cut(filepath.ToSlash(rel), "/")
		if !ok || svc == "" {
			rest = append(rest, line)
			continue
		}
		if _, seen := byService[svc]; !seen {
			byService[svc] = file + ":" + m[2] + ":" + m[3] + ": " + m[4]
		}
	}
	return byService, rest
}

// bridgeImport returns the import path of the bridge package of the
// pagegen package pkg in the generated module.
func bridgeImport(pkg string) string {
	return path.Join(modulePath, genDir, pkg, model.BridgeName(pkg))
}

// bridgeFolder returns the folder of the bridge package of pkg under the
// module folder mod.
func bridgeFolder(mod, pkg string) string {
	return filepath.Join(mod, genDir, pkg, model.BridgeName(pkg))
}

// batches splits services into batches of at most size.
func batches[T any](items []T, size int) [][]T {
	var out [][]T
	for len(items) > 0 {
		n := min(size, len(items))
		out = append(out, items[:n:n])
		items = items[n:]
	}
	return out
}
