package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"
)

// config is what one run does.
type config struct {
	reps     int       // builds of each side
	types    bool      // measure aws-sdk-go-v2's service/ec2/types too
	toolexec bool      // run the tools under the wrapper
	gocache  string    // the GOCACHE, or "" for one under tmp
	tmp      string    // the temporary folder, removed by the caller
	progress io.Writer // where progress goes
}

// run lays out the temporary module, warms the cache, measures every side
// cfg.reps times, interleaved, and returns the report.
func run(ctx context.Context, cfg config) (*report, error) {
	bench, err := findBench(ctx)
	if err != nil {
		return nil, err
	}
	rep := &report{reps: cfg.reps, toolexec: cfg.toolexec, cpus: runtime.NumCPU(), loadBefore: loadAvg()}
	out, err := goCmd(ctx, "", nil, "env", "GOVERSION")
	if err != nil {
		return nil, err
	}
	rep.goVersion = strings.TrimSpace(string(out))

	root := filepath.Join(cfg.tmp, "src")
	mainDir, err := bench.lay(ctx, root)
	if err != nil {
		return nil, err
	}
	gocache := cfg.gocache
	rep.cache = "an existing GOCACHE, warmed first"
	if gocache == "" {
		gocache = filepath.Join(cfg.tmp, "gocache")
		rep.cache = "a new GOCACHE in the temporary folder, warmed first"
	}
	if gocache, err = filepath.Abs(gocache); err != nil {
		return nil, err
	}
	b := &builder{
		dir:    mainDir,
		logDir: cfg.tmp,
		env: append(os.Environ(),
			"GOCACHE="+gocache, "GOFLAGS=-mod=readonly", "GOWORK=off", "GOPROXY=off", "GOTOOLCHAIN=local"),
	}
	if cfg.toolexec {
		if b.toolexec, err = selfToolexec(); err != nil {
			return nil, err
		}
	}

	sides := []*side{
		{label: "pagegen ec2", pkg: pagegenPkg},
		{label: "aws ec2", pkg: awsModule},
	}
	if cfg.types {
		sides = append(sides, &side{label: "aws ec2/types", pkg: awsTypesPkg})
	}
	if err := b.resolve(ctx, root, sides); err != nil {
		return nil, err
	}
	if err := countOps(sides); err != nil {
		return nil, err
	}
	if rep.lines, err = countAllLines(bench, sides); err != nil {
		return nil, err
	}

	fmt.Fprintf(cfg.progress, "warming %s ...\n", gocache)
	pkgs := make([]string, len(sides))
	for i, s := range sides {
		pkgs[i] = s.pkg
	}
	if _, _, _, err := b.goBuild(ctx, false, pkgs...); err != nil {
		return nil, fmt.Errorf("warming the cache: %w", err)
	}
	if _, compiled, _, err := b.goBuild(ctx, true, pkgs...); err != nil {
		return nil, fmt.Errorf("checking the cache is warm: %w", err)
	} else if len(compiled) > 0 {
		return nil, fmt.Errorf("the cache is not warm: a second build compiled %v", compiled)
	}

	for i := range cfg.reps {
		// Each repetition starts with the next side, so none is always first.
		for j := range sides {
			s := sides[(i+j)%len(sides)]
			r, err := b.measure(ctx, s, i+1)
			if err != nil {
				return nil, fmt.Errorf("repetition %d: %w", i+1, err)
			}
			s.runs = append(s.runs, r)
			fmt.Fprintf(cfg.progress, "%d/%d %-14s %6.2fs  cpu %6.2fs  rss %s MiB  compile %s MiB\n",
				i+1, cfg.reps, s.label, r.wall.Seconds(), r.cpu.Seconds(), mib(r.treeRSS), mib(r.compRSS))
		}
	}
	rep.sides = sides
	rep.loadAfter = loadAvg()
	rep.when = time.Now()
	return rep, nil
}

// selfToolexec returns the -toolexec value that runs this executable as the
// wrapper.
func selfToolexec() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("finding this executable for -toolexec: %w", err)
	}
	if !strings.ContainsAny(exe, " \t\n'\"") {
		return exe, nil
	}
	if strings.Contains(exe, "'") {
		return "", fmt.Errorf("cannot quote %q for -toolexec; run with -toolexec=false", exe)
	}
	return "'" + exe + "'", nil
}

// resolve asks the temporary module where each side's package is and what
// it is called, and checks that it is the copy under root, not the
// original.
func (b *builder) resolve(ctx context.Context, root string, sides []*side) error {
	args := []string{"list", "-json"}
	for _, s := range sides {
		args = append(args, s.pkg)
	}
	out, err := goCmd(ctx, b.dir, b.env, args...)
	if err != nil {
		return err
	}
	pkgs, err := decodeAll[pkg](out)
	if err != nil {
		return err
	}
	for _, s := range sides {
		for _, p := range pkgs {
			if p.ImportPath == s.pkg {
				s.name, s.dir = p.Name, p.Dir
			}
		}
		if rel, err := filepath.Rel(root, s.dir); s.dir == "" || err != nil || !filepath.IsLocal(rel) {
			return fmt.Errorf("%s resolves to %q, not to its copy under %s", s.pkg, s.dir, root)
		}
	}
	return nil
}

// newPaginator matches the constructor of a pagegen paginator.
var newPaginator = regexp.MustCompile(`(?m)^func New\w+Paginator\(`)

// countOps counts the operations each side serves: pagegen's paginator
// constructors, aws-sdk-go-v2's api_op_*.go files (one per operation of
// the EC2 client, whose types package serves the same operations).
func countOps(sides []*side) error {
	var awsOps int
	for _, s := range sides {
		switch s.pkg {
		case pagegenPkg:
			files, err := filepath.Glob(filepath.Join(s.dir, "*.go"))
			if err != nil {
				return err
			}
			for _, f := range files {
				data, err := os.ReadFile(f)
				if err != nil {
					return err
				}
				if !strings.HasSuffix(f, "_test.go") {
					s.ops += len(newPaginator.FindAll(data, -1))
				}
			}
			s.opsHow = "paginators (func New*Paginator)"
		case awsModule:
			files, err := filepath.Glob(filepath.Join(s.dir, "api_op_*.go"))
			if err != nil {
				return err
			}
			for _, f := range files {
				if !strings.HasSuffix(f, "_test.go") {
					s.ops++
				}
			}
			awsOps = s.ops
			s.opsHow = "operations (api_op_*.go files)"
		}
	}
	for _, s := range sides {
		if s.pkg == awsTypesPkg {
			s.ops, s.opsHow = awsOps, "operations of the aws ec2 client"
		}
		if s.ops == 0 {
			return fmt.Errorf("found no operations in %s (%s)", s.pkg, s.dir)
		}
	}
	return nil
}

// countAllLines counts the lines of Go of the original package of each
// side, not of its copy.
func countAllLines(b *benchModule, sides []*side) ([]lineCount, error) {
	var counts []lineCount
	for _, s := range sides {
		var label, dir string
		switch s.pkg {
		case pagegenPkg:
			label = "pagegen generated/ec2"
			for _, p := range b.pagegenPkgs {
				if p.ImportPath == pagegenPkg {
					dir = p.Dir
				}
			}
		case awsModule:
			label, dir = "aws service/ec2", b.aws.Dir
		case awsTypesPkg:
			label, dir = "aws service/ec2/types", filepath.Join(b.aws.Dir, "types")
		}
		c, err := countLines(dir)
		if err != nil {
			return nil, err
		}
		c.label, c.ops = label, s.ops
		counts = append(counts, c)
	}
	return counts, nil
}

// loadAvg returns the system's load averages over 1, 5 and 15 minutes, or
// "unknown" where /proc/loadavg cannot be read.
func loadAvg() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
