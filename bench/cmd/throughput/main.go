// Command throughput measures pagegen's generator on the whole corpus, side
// by side with its floor, in one run:
//
//   - the whole run (read, parse, model, emit, format, write) of all 3,112
//     pages into a fresh folder, against the floor: gofmt -l over the Go files
//     that run wrote;
//   - the CPU time of each stage, from a CPU profile of one more run;
//   - the parser's throughput, as a benchmark over every page;
//   - a second run over unchanged specs, which must write nothing;
//   - the peak memory of the whole run, and of runs over the first 1 to 338
//     services.
//
// Usage, from the bench folder:
//
//	go run ./cmd/throughput [-n 5]
package main

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pagegen/pagegen/internal/corpus"
	"github.com/pagegen/pagegen/parser"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == launchArg {
		os.Exit(launch(os.Args[2:]))
	}
	n := flag.Int("n", 5, "runs of each timed command, interleaved")
	flag.Parse()
	if err := run(*n, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "throughput:", err)
		os.Exit(1)
	}
}

// run measures everything and writes the report to w.
func run(n int, w io.Writer) error {
	work, err := os.MkdirTemp("", "pagegen-throughput-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	specs := filepath.Join(work, "specs")
	files, err := corpus.Specs()
	if err != nil {
		return err
	}
	services, specBytes, err := writeSpecs(specs, files)
	if err != nil {
		return err
	}
	gen := filepath.Join(work, "gen")
	if _, err := output("go", "build", "-o", gen, "github.com/pagegen/pagegen/cmd/gen"); err != nil {
		return err
	}
	goroot, err := output("go", "env", "GOROOT")
	if err != nil {
		return err
	}
	gofmt := filepath.Join(strings.TrimSpace(goroot), "bin", "gofmt")
	genArgs := func(specs, out string, extra ...string) []string {
		return append([]string{"-specs", specs, "-out", out, "-import", "example.com/out"}, extra...)
	}

	fmt.Fprintf(w, "# pagegen throughput, %s\n\n", time.Now().UTC().Format(time.RFC3339))
	fmt.Fprintf(w, "corpus: %d services, %d spec files, %.1f MB; %d runs of each command, interleaved\n\n",
		len(services), len(files), mb(specBytes), n)

	// 1. The whole run against the floor.
	var genRuns, fmtRuns []usage
	for i := range n {
		out := filepath.Join(work, fmt.Sprintf("out%d", i))
		syscall.Sync()
		g, err := measure(gen, genArgs(specs, out)...)
		if err != nil {
			return err
		}
		f, err := measure(gofmt, "-l", out)
		if err != nil {
			return err
		}
		if strings.TrimSpace(f.stdout) != "" {
			return fmt.Errorf("gofmt -l lists files pagegen wrote:\n%s", f.stdout)
		}
		genRuns, fmtRuns = append(genRuns, g), append(fmtRuns, f)
	}
	goFiles, goBytes, err := goFilesIn(filepath.Join(work, "out0"))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "## 1. Whole run against the floor\n\n")
	fmt.Fprintf(w, "output: %d Go files, %.1f MB\n\n", goFiles, mb(goBytes))
	fmt.Fprintf(w, "| command | wall median | wall min | CPU (user+sys) median | cores used | peak RSS median |\n|---|---|---|---|---|---|\n")
	for _, r := range []struct {
		name string
		runs []usage
	}{{"pagegen (fresh folder)", genRuns}, {"floor: gofmt -l", fmtRuns}} {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %.2f | %.0f MB |\n", r.name, secs(median(r.runs, wall)), secs(minOf(r.runs, wall)),
			secs(median(r.runs, cpu)), float64(median(r.runs, cpu))/float64(median(r.runs, wall)), float64(median(r.runs, rss))/(1<<20))
	}
	ratios := make([]float64, n)
	for i := range n {
		ratios[i] = float64(genRuns[i].wall) / float64(fmtRuns[i].wall)
	}
	slices.Sort(ratios)
	fmt.Fprintf(w, "\nratio pagegen / floor, wall time: median %.2f (each run against the floor run after it; min %.2f, max %.2f; goal ≤ 1.5)\n\n",
		ratios[n/2], ratios[0], ratios[n-1])

	// 2. Stages.
	prof := filepath.Join(work, "cpu.prof")
	syscall.Sync()
	p, err := measure(gen, genArgs(specs, filepath.Join(work, "outprof"), "-cpuprofile", prof)...)
	if err != nil {
		return err
	}
	times, total, err := readStageTimes(prof)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "## 2. Stages, from -cpuprofile of one more run (wall %s)\n\n", secs(p.wall))
	fmt.Fprintf(w, "| stage | CPU time | share |\n|---|---|---|\n")
	for _, s := range append(stageNames(), otherStage) {
		fmt.Fprintf(w, "| %s | %s | %.0f%% |\n", s, secs(times[s]), 100*float64(times[s])/float64(total))
	}
	fmt.Fprintf(w, "| all | %s | 100%% |\n\n", secs(total))
	fmt.Fprintf(w, "parse: %.1f MB/s of CPU time in the run (%.1f MB of specs)\n\n", mb(specBytes)/times["parse"].Seconds(), mb(specBytes))

	// 3. The parser alone.
	res := testing.Benchmark(func(b *testing.B) { benchmarkRead(b, files) })
	fmt.Fprintf(w, "## 3. Parser benchmark (parser.Read over every page, one goroutine)\n\n")
	fmt.Fprintf(w, "%d pages per op: %s, %s\n\n", len(corpus.Pages(files)), res.String(), res.MemString())

	// 4. A second run over unchanged specs.
	out0 := filepath.Join(work, "out0")
	before, err := modTimes(out0)
	if err != nil {
		return err
	}
	again, err := measure(gen, genArgs(specs, out0)...)
	if err != nil {
		return err
	}
	after, err := modTimes(out0)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "## 4. Second run over unchanged specs\n\n")
	fmt.Fprintf(w, "wall %s; it says: %s", secs(again.wall), again.stdout)
	if !strings.Contains(again.stdout, "all unchanged, none written") {
		return fmt.Errorf("the second run did not say that it wrote nothing")
	}
	changed := 0
	for name, t := range before {
		if !after[name].Equal(t) {
			changed++
		}
	}
	if changed > 0 || len(after) != len(before) {
		return fmt.Errorf("the second run changed %d of %d files' modification times (%d files before, %d after)", changed, len(before), len(before), len(after))
	}
	fmt.Fprintf(w, "modification times: all %d files unchanged\n\n", len(after))

	// 5. Memory as services are added.
	fmt.Fprintf(w, "## 5. Peak RSS as services are added (services in name order)\n\n")
	fmt.Fprintf(w, "| services | spec MB | largest service (spec MB) | peak RSS |\n|---|---|---|---|\n")
	for _, k := range []int{1, 10, 50, 100, 200, len(services)} {
		if k > len(services) {
			continue
		}
		sub := services[:k]
		dir, size, largest, err := subset(work, specs, sub)
		if err != nil {
			return err
		}
		var peaks []usage
		for i := range 3 {
			u, err := measure(gen, genArgs(dir, filepath.Join(work, fmt.Sprintf("mem-%d-%d", k, i)))...)
			if err != nil {
				return err
			}
			peaks = append(peaks, u)
		}
		fmt.Fprintf(w, "| %d | %.1f | %s (%.1f) | %.0f MB |\n", k, mb(size), largest.name, mb(largest.size), float64(median(peaks, rss))/(1<<20))
	}
	fmt.Fprintln(w)
	return nil
}

// benchmarkRead parses every page of the corpus once per op.
func benchmarkRead(b *testing.B, files map[string][]byte) {
	pages := corpus.Pages(files)
	var size int64
	for _, name := range pages {
		size += int64(len(files[name]))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, name := range pages {
			if _, err := parser.Read(name, files[name]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// service is a service folder of the specs and the bytes of its files.
type service struct {
	name string
	size int64
}

// writeSpecs writes the corpus to dir and returns its services in name
// order, and the bytes of all spec files.
func writeSpecs(dir string, files map[string][]byte) ([]service, int64, error) {
	sizes := map[string]int64{}
	var total int64
	for name, b := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, 0, err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, 0, err
		}
		svc, _, _ := strings.Cut(name, "/")
		sizes[svc] += int64(len(b))
		total += int64(len(b))
	}
	var services []service
	for name, size := range sizes {
		services = append(services, service{name, size})
	}
	sort.Slice(services, func(i, j int) bool { return services[i].name < services[j].name })
	return services, total, nil
}

// subset makes a specs folder of the given services, linking their files
// from specs, and returns it with the bytes of its files and its largest
// service.
func subset(work, specs string, services []service) (string, int64, service, error) {
	dir := filepath.Join(work, fmt.Sprintf("specs-%d", len(services)))
	var size int64
	var largest service
	for _, s := range services {
		size += s.size
		if s.size > largest.size {
			largest = s
		}
		err := filepath.WalkDir(filepath.Join(specs, s.name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(specs, p)
			if err != nil {
				return err
			}
			target := filepath.Join(dir, rel)
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
			return os.Link(p, target)
		})
		if err != nil {
			return "", 0, service{}, err
		}
	}
	return dir, size, largest, nil
}

// goFilesIn counts the Go files under dir and their bytes.
func goFilesIn(dir string) (int, int64, error) {
	n, size := 0, int64(0)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".go" {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += info.Size()
		return nil
	})
	return n, size, err
}

// modTimes returns the modification time of every file under dir.
func modTimes(dir string) (map[string]time.Time, error) {
	times := map[string]time.Time{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		times[p] = info.ModTime()
		return nil
	})
	return times, err
}

// usage is what one run of a command took.
type usage struct {
	wall, user, sys time.Duration
	maxRSS          int64 // bytes
	stdout          string
}

func wall(u usage) time.Duration { return u.wall }
func cpu(u usage) time.Duration  { return u.user + u.sys }
func rss(u usage) int64          { return u.maxRSS }

// launchArg, as the first argument, makes the command a launcher: see
// launch.
const launchArg = "-launch"

// measure runs a command and returns its wall time, CPU time and peak
// resident memory. It runs it through a fresh copy of this program (see
// launch): Linux carries a process's peak RSS over fork and exec, so a
// command started from this process, which holds the corpus, would report
// at least this process's memory.
func measure(name string, args ...string) (usage, error) {
	self, err := os.Executable()
	if err != nil {
		return usage{}, err
	}
	r, w, err := os.Pipe()
	if err != nil {
		return usage{}, err
	}
	defer r.Close()
	cmd := exec.Command(self, append([]string{launchArg, name}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.ExtraFiles = []*os.File{w}
	err = cmd.Start()
	w.Close()
	if err != nil {
		return usage{}, err
	}
	report, readErr := io.ReadAll(r)
	if err := cmd.Wait(); err != nil {
		return usage{}, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, stderr.String())
	}
	if readErr != nil {
		return usage{}, readErr
	}
	var wallNs, userNs, sysNs, rssKB int64
	if _, err := fmt.Sscan(string(report), &wallNs, &userNs, &sysNs, &rssKB); err != nil {
		return usage{}, fmt.Errorf("%s: the launcher's report %q: %w", name, report, err)
	}
	return usage{
		wall:   time.Duration(wallNs),
		user:   time.Duration(userNs),
		sys:    time.Duration(sysNs),
		maxRSS: rssKB * 1024, // Linux reports kilobytes
		stdout: stdout.String(),
	}, nil
}

// launch runs the command args, passing its output through, and writes its
// wall time, user and system CPU time in nanoseconds and peak RSS in
// kilobytes to file descriptor 3. It returns the exit status.
func launch(args []string) int {
	report := os.NewFile(3, "report")
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		fmt.Fprintln(os.Stderr, "no resource usage on this system")
		return 1
	}
	fmt.Fprintln(report, elapsed.Nanoseconds(), ru.Utime.Nano(), ru.Stime.Nano(), ru.Maxrss)
	return 0
}

// output runs a command and returns what it printed.
func output(name string, args ...string) (string, error) {
	b, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, b)
	}
	return string(b), nil
}

// median returns the median of f over runs (the upper one of an even
// number).
func median[T cmp.Ordered](runs []usage, f func(usage) T) T {
	v := make([]T, len(runs))
	for i, r := range runs {
		v[i] = f(r)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

// minOf returns the least of f over runs.
func minOf[T cmp.Ordered](runs []usage, f func(usage) T) T {
	m := f(runs[0])
	for _, r := range runs[1:] {
		m = min(m, f(r))
	}
	return m
}

func stageNames() []string {
	var names []string
	for _, s := range stages {
		names = append(names, s.name)
	}
	return names
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(n int64) float64 { return float64(n) / 1e6 }
