package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// nonceFile is the file, added to a target package for one build, whose
// comment changes that package's action ID.
const nonceFile = "zz_buildcost_nonce.go"

// side is one package measured.
type side struct {
	label  string // the name printed
	pkg    string // its import path
	name   string // its package name
	dir    string // its folder in the temporary module
	ops    int    // the operations it serves
	opsHow string // how ops was counted
	runs   []result
}

// result is one measured build.
type result struct {
	wall    time.Duration // wall time of go build
	cpu     time.Duration // user and system CPU time of go build and its descendants
	treeRSS int64         // peak RSS of go build and its waited-for descendants, bytes
	compRSS int64         // peak RSS of the compile alone, from the wrapper; 0 without it
}

// builder runs the builds of one temporary module with one environment.
type builder struct {
	dir      string   // the main module
	env      []string // GOCACHE and the rest
	toolexec string   // the -toolexec value, or ""
	logDir   string   // where the wrapper's files go
	builds   int      // builds run, to name the wrapper's files
}

// goBuild runs `go build` of pkgs and returns what it measured, the
// packages it compiled (with x, from go build -x; else nil) and, with the
// wrapper, the compiler's peak RSS of each.
func (b *builder) goBuild(ctx context.Context, x bool, pkgs ...string) (result, []string, map[string]int64, error) {
	args := []string{"build"}
	if x {
		args = append(args, "-x")
	}
	if b.toolexec != "" {
		args = append(args, "-toolexec", b.toolexec)
	}
	args = append(args, pkgs...)
	b.builds++
	log := filepath.Join(b.logDir, fmt.Sprintf("compiles-%d.txt", b.builds))

	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = b.dir
	cmd.Env = append(slices.Clip(b.env), toolexecEnv+"="+log)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	ownGroup(cmd)
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if ctx.Err() != nil {
		return result{}, nil, nil, fmt.Errorf("go %s: interrupted", strings.Join(args, " "))
	}
	if err != nil {
		return result{}, nil, nil, fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), b.dir, err, tail(stderr.String(), 20))
	}
	r := result{wall: wall, cpu: cpuTime(cmd.ProcessState)}
	if r.treeRSS, err = maxRSS(cmd.ProcessState); err != nil {
		return result{}, nil, nil, err
	}
	compiled, err := compiledPackages(&stderr)
	if err != nil {
		return result{}, nil, nil, err
	}
	comps, err := readCompileLog(log)
	if err != nil {
		return result{}, nil, nil, err
	}
	return r, compiled, comps, nil
}

// measure builds s once with a fresh nonce in its package and checks that
// the build compiled s's package and nothing else.
func (b *builder) measure(ctx context.Context, s *side, rep int) (result, error) {
	nonce := make([]byte, 16)
	if _, err := rand.Read(nonce); err != nil {
		return result{}, err
	}
	file := filepath.Join(s.dir, nonceFile)
	src := fmt.Sprintf("// buildcost nonce %d %s\n\npackage %s\n", rep, hex.EncodeToString(nonce), s.name)
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		return result{}, fmt.Errorf("writing the nonce: %w", err)
	}
	r, compiled, comps, err := b.goBuild(ctx, true, s.pkg)
	// Without the nonce the package is as it was warmed, so the packages
	// that import it stay cached.
	if rmErr := os.Remove(file); err == nil && rmErr != nil {
		err = fmt.Errorf("removing the nonce: %w", rmErr)
	}
	if err != nil {
		return result{}, err
	}
	if len(compiled) != 1 || compiled[0] != s.pkg {
		return result{}, fmt.Errorf("building %s compiled %v, want exactly %s: the dependencies are not warm or the nonce did not force a compile", s.pkg, compiled, s.pkg)
	}
	if b.toolexec != "" {
		rss, ok := comps[s.pkg]
		if !ok {
			return result{}, fmt.Errorf("building %s: the -toolexec wrapper recorded no compile of it", s.pkg)
		}
		r.compRSS = rss
	}
	return r, nil
}

// compileLine matches a compiler command line that go build -x prints and
// captures the import path of the package it compiles.
var compileLine = regexp.MustCompile(`(?:^|\s)\S*/compile(?:\.exe)?\s.*\s-p\s+(\S+)`)

// compiledPackages returns the import paths of the packages compiled, in
// the order of the compiler command lines in go build -x output r.
func compiledPackages(r io.Reader) ([]string, error) {
	var pkgs []string
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if m := compileLine.FindStringSubmatch(sc.Text()); m != nil {
			pkgs = append(pkgs, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading go build -x output: %w", err)
	}
	return pkgs, nil
}

// tail returns the last n lines of s.
func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}
