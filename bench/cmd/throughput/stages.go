package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"strings"
	"time"

	"github.com/google/pprof/profile"

	"github.com/pagegen/pagegen/internal/outdir"
	"github.com/pagegen/pagegen/pipeline"
)

// A stage is a part of the generator's run, recognised in a CPU profile by
// the functions on a sample's stack.
type stage struct {
	name  string
	match func(fn string) bool
}

// stages are checked from the innermost frame of a stack outwards: the
// first frame that matches a stage names the stage of the sample, so that
// formatting, which runs inside emitting, counts as formatting. The
// command's reading and writing are named by the functions that do them,
// taken from the functions themselves, so that a renamed one fails to
// compile here rather than counting nothing.
var stages = []stage{
	{"format", prefix("go/format.")},
	{"parse", prefix("github.com/pagegen/pagegen/parser.")},
	{"model", prefix("github.com/pagegen/pagegen/model.")},
	{"emit", prefix("github.com/pagegen/pagegen/templates.")},
	{"read", oneOf(funcName(fs.ReadFile), funcName(pipeline.Services), methodName(outdir.FS("."), "Open"))},
	{"write", oneOf(methodPrefix(&outdir.Stager{}), funcName(outdir.Changed), funcName(outdir.Leftovers))},
	{"gc", oneOf("runtime.gcBgMarkWorker")},
}

// funcName is the name of function f as a profile names it.
func funcName(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

// methodName is the name of the method of v's type as a profile names it.
func methodName(v any, method string) string {
	m, ok := reflect.TypeOf(v).MethodByName(method)
	if !ok {
		panic(fmt.Sprintf("%T has no method %s", v, method))
	}
	return funcName(m.Func.Interface())
}

// methodPrefix is what the names of the methods of v's type start with,
// "pkg.(*T)." for a pointer.
func methodPrefix(v any) string {
	name := methodName(v, reflect.TypeOf(v).Method(0).Name)
	return name[:strings.LastIndex(name, ".")+1]
}

// otherStage names samples that no stage matches: the scheduler, the
// collector's sweeping, the command's own glue.
const otherStage = "other"

func prefix(p string) func(string) bool {
	return func(fn string) bool { return strings.HasPrefix(fn, p) }
}

func oneOf(prefixes ...string) func(string) bool {
	return func(fn string) bool {
		for _, p := range prefixes {
			if strings.HasPrefix(fn, p) {
				return true
			}
		}
		return false
	}
}

// stageOf returns the stage of a stack of function names, innermost first.
func stageOf(stack []string) string {
	for _, fn := range stack {
		for _, s := range stages {
			if s.match(fn) {
				return s.name
			}
		}
	}
	return otherStage
}

// stageTimes reads a CPU profile and returns the CPU time of each stage,
// and the total.
func stageTimes(r io.Reader) (map[string]time.Duration, time.Duration, error) {
	p, err := profile.Parse(r)
	if err != nil {
		return nil, 0, err
	}
	return attribute(p)
}

// attribute sums a profile's CPU time by stage.
func attribute(p *profile.Profile) (map[string]time.Duration, time.Duration, error) {
	idx := -1
	for i, st := range p.SampleType {
		if st.Type == "cpu" && st.Unit == "nanoseconds" {
			idx = i
		}
	}
	if idx < 0 {
		return nil, 0, fmt.Errorf("the profile has no cpu/nanoseconds samples")
	}
	times := map[string]time.Duration{}
	var total time.Duration
	for _, s := range p.Sample {
		var stack []string
		for _, loc := range s.Location {
			// A location's lines are innermost first, inlined calls before
			// the function they were inlined into.
			for _, l := range loc.Line {
				if l.Function != nil {
					stack = append(stack, l.Function.Name)
				}
			}
		}
		d := time.Duration(s.Value[idx])
		times[stageOf(stack)] += d
		total += d
	}
	return times, total, nil
}

// readStageTimes reads the CPU profile in file.
func readStageTimes(file string) (map[string]time.Duration, time.Duration, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	times, total, err := stageTimes(f)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", file, err)
	}
	return times, total, nil
}
