package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/model"
)

// runner runs the measurement.
type runner struct {
	opts options
	work string    // the work folder, absolute
	log  io.Writer // progress
	env  []string  // added to the go command's environment
	data *runData
}

// runData is what the report prints.
type runData struct {
	Start, End          time.Time
	LoadStart, LoadEnd  string // /proc/loadavg's first three figures
	GoVersion           string
	Cores               int
	CorpusServices      int
	CorpusPages         int
	Services            []*service       // the services measured, in name order
	Results             []*serviceResult // those built, in name order
	Phases              []phase
	Batches             []batchStat
	GenSummary          string   // what cmd/gen said last
	Unattributed        []string // go vet lines that name no service's file
	TidyNotes           []string // what go mod tidy -e said after generating
	Work                string
	Kept                bool // the work folder is kept
	Cached              bool // go test could reuse cached results
	BatchSize, Parallel int
	SpecPages           int // the pages given to cmd/gen
}

// phase is the wall time of one phase of the run.
type phase struct {
	Name string
	Wall time.Duration
}

// batchStat is one batch's go vet and go test.
type batchStat struct {
	Services        []string
	Vet, Test       time.Duration
	VetRSS, TestRSS int64 // peak RSS of the go command and what it waited for
}

func (r *runner) logf(format string, args ...any) {
	fmt.Fprintf(r.log, "%s "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
}

// timed runs f as the phase name.
func (r *runner) timed(name string, f func() error) error {
	start := time.Now()
	r.logf("%s...", name)
	err := f()
	r.data.Phases = append(r.data.Phases, phase{name, time.Since(start)})
	return err
}

// run measures and returns what the report prints.
func (r *runner) run(ctx context.Context) (*runData, error) {
	r.data = &runData{Start: time.Now(), LoadStart: loadAverage(), GoVersion: runtime.Version(), Cores: runtime.NumCPU(),
		Work: r.work, Cached: r.opts.cached, BatchSize: r.opts.batch, Parallel: r.opts.p}
	r.env = []string{"GOWORK=off"}
	here, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	repo, err := repoDir(ctx, here, r.env)
	if err != nil {
		return nil, err
	}
	goVersion, err := goDirective(repo)
	if err != nil {
		return nil, err
	}

	specs, err := corpus.Specs()
	if err != nil {
		return nil, err
	}
	truth, err := corpus.LoadTruth()
	if err != nil {
		return nil, err
	}
	all, err := loadServices(specs, truth)
	if err != nil {
		return nil, err
	}
	r.data.CorpusServices, r.data.CorpusPages = len(all), len(corpus.Pages(specs))
	services, err := selectServices(all, r.opts.services, r.opts.n)
	if err != nil {
		return nil, err
	}
	r.data.Services = services

	if err := r.timed("look-up", func() error { return r.lookUp(ctx, services) }); err != nil {
		return nil, err
	}
	mod := filepath.Join(r.work, "module")
	if err := r.timed("module", func() error { return r.module(ctx, mod, repo, goVersion, services) }); err != nil {
		return nil, err
	}
	var tests map[string]*bridgeTest
	if err := r.timed("generate", func() error {
		var err error
		tests, err = r.generate(ctx, here, mod, specs, services)
		return err
	}); err != nil {
		return nil, err
	}
	if err := r.vetAndTest(ctx, mod, services, tests); err != nil {
		return nil, err
	}
	r.data.End, r.data.LoadEnd = time.Now(), loadAverage()
	return r.data, nil
}

// lookUp finds the SDK module of each service, a few at a time.
func (r *runner) lookUp(ctx context.Context, services []*service) error {
	cacheFile := filepath.Join(r.work, "lookups.json")
	if r.opts.relookup {
		if err := os.Remove(cacheFile); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	cache, err := openLookupCache(cacheFile)
	if err != nil {
		return err
	}
	env := r.env
	goproxy, err := goOutput(ctx, r.work, r.env, "env", "GOPROXY")
	if err != nil {
		return err
	}
	if p := proxyOnly(strings.TrimSpace(string(goproxy))); p != "" && p != "off" {
		env = append(slices.Clip(env), "GOPROXY="+p)
	}
	lookup := cache.wrap(goLookup(r.work, env))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	errs := make([]error, len(services))
	for i, s := range services {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			s.SDK, errs[i] = chooseSDK(ctx, model.SDKCandidates(s.Name, s.Client), lookup)
		}()
	}
	wg.Wait()
	saveErr := cache.save()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	found := 0
	for _, s := range services {
		if s.SDK.Module != "" {
			found++
		}
	}
	r.logf("look-up: %d of %d services have an SDK module", found, len(services))
	return saveErr
}

// module writes and tidies the module the bridges are generated into, and
// reads the operations of each SDK package.
func (r *runner) module(ctx context.Context, mod, repo, goVersion string, services []*service) error {
	sdks := map[string]string{}
	var paths []string
	for _, s := range services {
		if s.SDK.Module != "" {
			sdks[s.SDK.Module] = s.SDK.Version
			paths = append(paths, s.SDK.Module)
		}
	}
	if err := os.MkdirAll(mod, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), goMod(goVersion, repo, sdks), 0o644); err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(mod, "deps", "deps.go"), depsFile(paths)); err != nil {
		return err
	}
	// -e: the packages of an earlier run in the module may import what no
	// module provides (see generate).
	if _, err := goOutput(ctx, mod, r.env, "mod", "tidy", "-e"); err != nil {
		return err
	}
	pkgs, err := listPackages(ctx, mod, r.env, paths)
	if err != nil {
		return err
	}
	for _, s := range services {
		if s.SDK.Module == "" {
			continue
		}
		p := pkgs[s.SDK.Module]
		switch {
		case p == nil:
			s.SDK.Errs = append(s.SDK.Errs, "go list said nothing of "+s.SDK.Module)
			continue
		case p.Error != nil || p.Name == "":
			msg := "no package"
			if p.Error != nil {
				msg = p.Error.Err
			}
			s.SDK.Errs = append(s.SDK.Errs, fmt.Sprintf("go list %s: %s", s.SDK.Module, msg))
			continue
		}
		if p.Module != nil && p.Module.Version != "" {
			s.SDK.Version = p.Module.Version
		}
		s.SDKOps = p.operations()
		s.Missing = nil
		for _, op := range s.Ops {
			if !s.SDKOps[op] {
				s.Missing = append(s.Missing, op)
			}
		}
	}
	return nil
}

// generate writes the specs of the services at hand, runs cmd/gen with
// -aws into the module, and adds the coverage test to each bridge
// package. It returns each tested service's bridge test, by service.
// A service that gen refuses is marked and left out, and gen runs again.
func (r *runner) generate(ctx context.Context, here, mod string, specs map[string][]byte, services []*service) (map[string]*bridgeTest, error) {
	gen := filepath.Join(r.work, "bin", "gen")
	if _, err := goOutput(ctx, here, r.env, "build", "-o", gen, "github.com/pagegen/pagegen/cmd/gen"); err != nil {
		return nil, err
	}
	out := filepath.Join(mod, genDir)
	// The coverage tests of an earlier run go first: gen keeps files it
	// did not write, and a package that is no longer generated would
	// keep its coverage test alone.
	if err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return filepath.SkipAll
			}
			return err
		}
		if !d.IsDir() && d.Name() == coverFileName {
			return os.Remove(p)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	specDir := filepath.Join(r.work, "specs")
	for attempt := 1; ; attempt++ {
		pages, err := writeSpecs(specDir, specs, services)
		if err != nil {
			return nil, err
		}
		r.data.SpecPages = pages
		var named []string
		for _, s := range services {
			if len(s.tested()) > 0 {
				named = append(named, s.Name+"="+s.SDK.Module)
			}
		}
		if len(named) == 0 {
			return nil, fmt.Errorf("no service to generate: none of the %d services has its SDK at hand", len(services))
		}
		args := []string{"-specs", specDir, "-out", out, "-aws", "-aws-sdk", strings.Join(named, ",")}
		var stdout, stderr bytes.Buffer
		cmd := command(ctx, mod, r.env, gen, args...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err = cmd.Run()
		if err == nil {
			r.data.GenSummary = lastLine(stdout.String())
			r.logf("generate: %s", r.data.GenSummary)
			break
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		byService, rest := genErrors(stderr.String(), specDir)
		refused := 0
		for _, s := range services {
			if msg, ok := byService[s.Name]; ok && s.GenError == "" {
				s.GenError = msg
				refused++
			}
		}
		if refused == 0 || attempt == 5 {
			return nil, fmt.Errorf("gen %s: %v:\n%s%s", strings.Join(args[:5], " "), err, stderr.String(), strings.Join(rest, "\n"))
		}
		r.logf("generate: gen refused %d services; again without them", refused)
	}
	// -e: an import that no module provides (a generated bridge may name
	// a package its SDK module lacks) is a build error of that package,
	// which go vet and go test report, not the end of the run.
	tidy := goCommand(ctx, mod, r.env, "mod", "tidy", "-e")
	var tidyErr bytes.Buffer
	tidy.Stderr = &tidyErr
	if err := tidy.Run(); err != nil {
		return nil, fmt.Errorf("go mod tidy -e (in %s): %v: %s", mod, err, strings.TrimSpace(tidyErr.String()))
	}
	for line := range strings.Lines(tidyErr.String()) {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "go: finding module") && !strings.HasPrefix(t, "go: downloading") && !strings.HasPrefix(t, "go: found") {
			r.data.TidyNotes = append(r.data.TidyNotes, t)
		}
	}
	tests := map[string]*bridgeTest{}
	for _, s := range services {
		if len(s.tested()) == 0 {
			continue
		}
		dir := bridgeFolder(mod, s.Package)
		file := filepath.Join(dir, model.BridgeName(s.Package)+"_test.go")
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("service %s: %w", s.Name, err)
		}
		bt, err := parseBridgeTest(file, src)
		if err != nil {
			return nil, err
		}
		cover, err := bt.coverSource()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		if err := writeIfChanged(filepath.Join(dir, coverFileName), cover); err != nil {
			return nil, err
		}
		tests[s.Name] = bt
	}
	return tests, nil
}

// vetAndTest runs go vet and go test over the bridge packages, a batch at
// a time, and collects the results.
func (r *runner) vetAndTest(ctx context.Context, mod string, services []*service, tests map[string]*bridgeTest) error {
	var tested []*service
	for _, s := range services {
		if tests[s.Name] != nil {
			tested = append(tested, s)
		}
	}
	var vetTime, testTime time.Duration
	bs := batches(tested, r.opts.batch)
	for i, batch := range bs {
		st := batchStat{}
		var pkgs []string
		byFolder := map[string]*service{}
		for _, s := range batch {
			st.Services = append(st.Services, s.Name)
			pkgs = append(pkgs, bridgeImport(s.Package))
			byFolder[genDir+"/"+s.Package] = s
		}
		r.logf("batch %d/%d: %s", i+1, len(bs), strings.Join(st.Services, " "))

		start := time.Now()
		vetBy := map[*service][]string{}
		broken, err := loadErrors(ctx, mod, r.env, pkgs)
		if err != nil {
			return err
		}
		var vetPkgs []string
		for _, s := range batch {
			if msg := broken[bridgeImport(s.Package)]; msg != "" {
				vetBy[s] = append(vetBy[s], "does not load: "+msg)
				continue
			}
			vetPkgs = append(vetPkgs, bridgeImport(s.Package))
		}
		var vetOut bytes.Buffer
		var vetErr error
		if len(vetPkgs) > 0 {
			vet := goCommand(ctx, mod, r.env, append([]string{"vet", "-p", fmt.Sprint(r.opts.p)}, vetPkgs...)...)
			vet.Stdout, vet.Stderr = &vetOut, &vetOut
			vetErr = vet.Run()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if vet.ProcessState != nil {
				st.VetRSS = maxRSS(vet.ProcessState)
			}
		}
		st.Vet = time.Since(start)
		for folder, lines := range vetDiagnostics(vetOut.String(), mod) {
			s := byFolder[serviceFolder(folder)]
			if s == nil {
				r.data.Unattributed = append(r.data.Unattributed, lines...)
				continue
			}
			vetBy[s] = append(vetBy[s], lines...)
		}
		if vetErr != nil && vetOut.Len() == 0 {
			return fmt.Errorf("go vet (in %s): %v", mod, vetErr)
		}

		start = time.Now()
		args := []string{"test", "-json", "-vet=off", "-p", fmt.Sprint(r.opts.p), "-timeout", r.opts.timeout.String()}
		if !r.opts.cached {
			args = append(args, "-count=1")
		}
		jsonFile := filepath.Join(r.work, fmt.Sprintf("test-%03d.json", i+1))
		f, err := os.Create(jsonFile)
		if err != nil {
			return err
		}
		test := goCommand(ctx, mod, r.env, append(args, pkgs...)...)
		var testErr bytes.Buffer
		test.Stdout, test.Stderr = f, &testErr
		runErr := test.Run()
		closeErr := f.Close()
		st.Test = time.Since(start)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if closeErr != nil {
			return closeErr
		}
		if test.ProcessState != nil {
			st.TestRSS = maxRSS(test.ProcessState)
		}
		b, err := os.ReadFile(jsonFile)
		if err != nil {
			return err
		}
		out, err := parseTestJSON(bytes.NewReader(b))
		if err != nil {
			return fmt.Errorf("%s: %w", jsonFile, err)
		}
		if runErr != nil && len(out.Packages) == 0 {
			return fmt.Errorf("go test (in %s): %v: %s", mod, runErr, strings.TrimSpace(testErr.String()))
		}
		pass, ops := 0, 0
		for _, s := range batch {
			sr := serviceResults(s, tests[s.Name], out.Packages[bridgeImport(s.Package)], out.Builds)
			sr.Vet = vetBy[s]
			r.data.Results = append(r.data.Results, sr)
			for _, o := range sr.Ops {
				ops++
				if o.Pass {
					pass++
				}
			}
		}
		vetTime += st.Vet
		testTime += st.Test
		r.data.Batches = append(r.data.Batches, st)
		r.logf("batch %d/%d: vet %s, test %s: %d of %d operations pass", i+1, len(bs), st.Vet.Round(time.Second), st.Test.Round(time.Second), pass, ops)
	}
	r.data.Phases = append(r.data.Phases, phase{"vet", vetTime}, phase{"test", testTime})
	return nil
}

// serviceFolder returns the folder of the pagegen package that folder
// (slash-separated, relative to the module) is in: "gen/ssm/ssmaws" →
// "gen/ssm".
func serviceFolder(folder string) string {
	parts := strings.SplitN(folder, "/", 3)
	if len(parts) < 2 {
		return folder
	}
	return parts[0] + "/" + parts[1]
}

// loadAverage returns the system's load averages over 1, 5 and 15
// minutes, or "unknown".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
