package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// lookupFunc returns the latest version of the module at path that the
// module proxy serves, or an error when it serves none.
type lookupFunc func(ctx context.Context, path string) (version string, err error)

// sdkChoice is the aws-sdk-go-v2 module chosen for a service: the first
// of its candidates that the lookup found. Each service package of
// aws-sdk-go-v2 is a module of its own, so a candidate import path is also
// a module path.
type sdkChoice struct {
	Candidates []string // import paths, most likely first (model.SDKCandidates)
	Module     string   // the first candidate found; "" when none was
	Version    string   // its latest version
	// Errs are the lookup errors of the candidates before Module, or of
	// all of them when none was found.
	Errs []string
}

// chooseSDK looks up candidates in order and returns the first found.
func chooseSDK(ctx context.Context, candidates []string, lookup lookupFunc) (*sdkChoice, error) {
	c := &sdkChoice{Candidates: candidates}
	for _, path := range candidates {
		v, err := lookup(ctx, path)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			c.Errs = append(c.Errs, fmt.Sprintf("%s: %v", path, err))
			continue
		}
		c.Module, c.Version = path, v
		return c, nil
	}
	return c, nil
}

// goLookup returns the lookupFunc that asks the go command, run in dir
// with env, for module@latest.
func goLookup(dir string, env []string) lookupFunc {
	return func(ctx context.Context, path string) (string, error) {
		var stdout, stderr bytes.Buffer
		cmd := goCommand(ctx, dir, env, "list", "-m", "-json", path+"@latest")
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			if stderr.Len() == 0 {
				return "", fmt.Errorf("go list -m %s@latest: %v", path, err)
			}
			return "", errors.New(proxyAnswer(stderr.String()))
		}
		out := stdout.Bytes()
		var m struct{ Version string }
		if err := json.Unmarshal(out, &m); err != nil || m.Version == "" {
			return "", fmt.Errorf("go list -m -json %s@latest: no version in %q", path, out)
		}
		return m.Version, nil
	}
}

// proxyOnly returns the GOPROXY list goproxy without its "direct"
// entries, so that a look-up asks the module proxies alone and reports
// what they answer, not a fetch from the module's origin; "" when no proxy
// is left.
func proxyOnly(goproxy string) string {
	type entry struct{ url, sep string }
	var kept []entry
	for rest := goproxy; rest != ""; {
		e := entry{url: rest}
		rest = ""
		if i := strings.IndexAny(e.url, ",|"); i >= 0 {
			e.url, e.sep, rest = e.url[:i], e.url[i:i+1], e.url[i+1:]
		}
		if e.url = strings.TrimSpace(e.url); e.url != "" && e.url != "direct" {
			kept = append(kept, e)
		}
	}
	var b strings.Builder
	for i, e := range kept {
		b.WriteString(e.url)
		if i < len(kept)-1 {
			b.WriteString(e.sep)
		}
	}
	return b.String()
}

// httpStatusRE matches the end of the go command's message for a module
// that a proxy does not serve: "...: reading https://proxy.golang.org/
// .../@v/list: 404 Not Found".
var httpStatusRE = regexp.MustCompile(`: (\d{3} [^:]*)$`)

// proxyAnswer returns what a failed go list -m said: the HTTP status the
// proxy answered, when it says one, else its last line.
func proxyAnswer(stderr string) string {
	line := lastLine(stderr)
	if m := httpStatusRE.FindStringSubmatch(line); m != nil {
		return m[1]
	}
	return line
}

// lookupCache keeps the answers of a lookupFunc in a JSON file, so that a
// rerun in the same work folder asks the proxy nothing.
type lookupCache struct {
	file string
	mu   sync.Mutex
	m    map[string]cachedLookup
}

// cachedLookup is one answer of the cache: a version or an error.
type cachedLookup struct {
	Version string `json:",omitempty"`
	Err     string `json:",omitempty"`
}

// openLookupCache reads the cache in file; a missing file is an empty
// cache.
func openLookupCache(file string) (*lookupCache, error) {
	c := &lookupCache{file: file, m: map[string]cachedLookup{}}
	b, err := os.ReadFile(file)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &c.m); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return c, nil
}

// wrap returns the lookupFunc that answers from the cache, and asks
// lookup what it does not hold.
func (c *lookupCache) wrap(lookup lookupFunc) lookupFunc {
	return func(ctx context.Context, path string) (string, error) {
		c.mu.Lock()
		a, ok := c.m[path]
		c.mu.Unlock()
		if !ok {
			v, err := lookup(ctx, path)
			if ctx.Err() != nil {
				return "", ctx.Err()
			}
			a = cachedLookup{Version: v}
			if err != nil {
				a = cachedLookup{Err: err.Error()}
			}
			c.mu.Lock()
			c.m[path] = a
			c.mu.Unlock()
		}
		if a.Err != "" {
			return "", errors.New(a.Err)
		}
		return a.Version, nil
	}
}

// save writes the cache to its file.
func (c *lookupCache) save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	b, err := json.MarshalIndent(c.m, "", "\t")
	if err != nil {
		return err
	}
	return os.WriteFile(c.file, append(b, '\n'), 0o644)
}

// apiOpFile matches the file aws-sdk-go-v2 writes for each operation of a
// service package, as cmd/gen reads it: api_op_DescribeSessions.go.
var apiOpFile = regexp.MustCompile(`^api_op_([A-Za-z0-9]+)\.go$`)

// sdkPackage is what go list says of an SDK package in the module.
type sdkPackage struct {
	ImportPath string
	Name       string
	GoFiles    []string
	Module     *struct{ Version string }
	Error      *struct{ Err string }
}

// operations returns the operations of the package, one per api_op_ file.
func (p *sdkPackage) operations() map[string]bool {
	ops := map[string]bool{}
	for _, f := range p.GoFiles {
		if m := apiOpFile.FindStringSubmatch(f); m != nil {
			ops[m[1]] = true
		}
	}
	return ops
}

// listPackages runs go list on the import paths in the module in dir and
// returns what it says of each, by import path.
func listPackages(ctx context.Context, dir string, env []string, paths []string) (map[string]*sdkPackage, error) {
	out, err := goOutput(ctx, dir, env, append([]string{"list", "-e", "-json=ImportPath,Name,GoFiles,Module,Error"}, paths...)...)
	if err != nil {
		return nil, err
	}
	pkgs := map[string]*sdkPackage{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		p := new(sdkPackage)
		if err := dec.Decode(p); err != nil {
			return nil, fmt.Errorf("go list in %s: %w", dir, err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs, nil
}

// loadErrors returns the error that keeps each of the packages at paths,
// or its test, from loading in the module in dir (an import that no
// module provides), by import path; a package that loads has none. go vet
// stops at such a package before it vets any.
func loadErrors(ctx context.Context, dir string, env []string, paths []string) (map[string]string, error) {
	out, err := goOutput(ctx, dir, env, append([]string{"list", "-e", "-test", "-json=ImportPath,Error,DepsErrors"}, paths...)...)
	if err != nil {
		return nil, err
	}
	type listErr struct{ Pos, Err string }
	errs := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			ImportPath string
			Error      *listErr
			DepsErrors []*listErr
		}
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("go list in %s: %w", dir, err)
		}
		ip := strings.TrimSuffix(variantless(p.ImportPath), ".test")
		e := p.Error
		if e == nil && len(p.DepsErrors) > 0 {
			e = p.DepsErrors[0]
		}
		if e == nil || errs[ip] != "" {
			continue
		}
		msg := strings.Join(strings.Fields(e.Err), " ")
		if e.Pos != "" {
			msg = e.Pos + ": " + msg
		}
		errs[ip] = msg
	}
	return errs, nil
}

// goOutput runs the go command with args in dir and returns its standard
// output; its error names the command, the folder, and what the command
// printed to its standard error.
func goOutput(ctx context.Context, dir string, env []string, args ...string) ([]byte, error) {
	var stdout, stderr bytes.Buffer
	cmd := goCommand(ctx, dir, env, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.Bytes(), fmt.Errorf("go %s (in %s): %v: %s", strings.Join(shortArgs(args), " "), dir, err, strings.TrimSpace(stderr.String()))
	}
	return stdout.Bytes(), nil
}

// shortArgs returns args for a message: at most five, then a count.
func shortArgs(args []string) []string {
	if len(args) <= 6 {
		return args
	}
	return append(args[:5:5], fmt.Sprintf("(and %d more)", len(args)-5))
}

// lastLine returns the last line of s that is not blank.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.TrimSpace(lines[len(lines)-1])
}

// absDir returns dir made absolute.
func absDir(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
