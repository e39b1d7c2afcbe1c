package main

import (
	"bytes"
	"testing"
	"time"

	"github.com/google/pprof/profile"
	"github.com/stretchr/testify/require"
)

// TestStageOf checks that the innermost frame that names a stage wins.
func TestStageOf(t *testing.T) {
	for _, tc := range []struct {
		stack []string
		want  string
	}{
		{[]string{"go/printer.(*printer).expr", "go/format.Source", "github.com/dave/jennifer/jen.(*File).Render", "github.com/pagegen/pagegen/templates.Generate", "github.com/pagegen/pagegen/pipeline.emit"}, "format"},
		{[]string{"runtime.mallocgc", "github.com/dave/jennifer/jen.Comment", "github.com/pagegen/pagegen/templates.genType", "github.com/pagegen/pagegen/pipeline.emit"}, "emit"},
		{[]string{"strings.Index", "github.com/pagegen/pagegen/parser/rst.Parse", "github.com/pagegen/pagegen/parser.Read", "github.com/pagegen/pagegen/pipeline.build"}, "parse"},
		{[]string{"github.com/pagegen/pagegen/model.Build", "github.com/pagegen/pagegen/pipeline.build"}, "model"},
		{[]string{"syscall.Syscall6", "os.(*Root).OpenFile", "github.com/pagegen/pagegen/internal/outdir.writeTemp", "github.com/pagegen/pagegen/internal/outdir.(*Stager).Stage"}, "write"},
		{[]string{"os.(*Root).ReadFile", "github.com/pagegen/pagegen/internal/outdir.Changed", "main.run.func1"}, "write"},
		{[]string{"os.(*Root).Lstat", "github.com/pagegen/pagegen/internal/outdir.noLinks", "github.com/pagegen/pagegen/internal/outdir.noLinkFS.Open", "io/fs.ReadFile"}, "read"},
		{[]string{"os.ReadFile", "os.dirFS.ReadFile", "io/fs.ReadFile", "github.com/pagegen/pagegen/pipeline.(*Options).service"}, "read"},
		{[]string{"io/fs.WalkDir", "github.com/pagegen/pagegen/pipeline.Services", "github.com/pagegen/pagegen/pipeline.(*Options).Run"}, "read"},
		{[]string{"runtime.scanobject", "runtime.gcDrain", "runtime.gcBgMarkWorker"}, "gc"},
		{[]string{"runtime.schedule", "runtime.mcall"}, otherStage},
	} {
		require.Equal(t, tc.want, stageOf(tc.stack), "%v", tc.stack)
	}
}

// TestStageTimes writes a profile with two stacks and reads the time of
// each stage back through the profile format.
func TestStageTimes(t *testing.T) {
	fn := func(id uint64, name string) *profile.Function { return &profile.Function{ID: id, Name: name} }
	parse, format, emit := fn(1, "github.com/pagegen/pagegen/parser.Read"), fn(2, "go/format.Source"), fn(3, "github.com/pagegen/pagegen/templates.Generate")
	loc := func(id uint64, fns ...*profile.Function) *profile.Location {
		l := &profile.Location{ID: id}
		for _, f := range fns {
			l.Line = append(l.Line, profile.Line{Function: f})
		}
		return l
	}
	parseLoc, renderLoc := loc(1, parse), loc(2, format, emit) // format inlined into emit
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		Function:   []*profile.Function{parse, format, emit},
		Location:   []*profile.Location{parseLoc, renderLoc},
		Sample: []*profile.Sample{
			{Location: []*profile.Location{parseLoc}, Value: []int64{3, 30_000_000}},
			{Location: []*profile.Location{renderLoc}, Value: []int64{5, 50_000_000}},
		},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     10_000_000,
	}
	var buf bytes.Buffer
	require.NoError(t, p.Write(&buf))
	times, total, err := stageTimes(&buf)
	require.NoError(t, err)
	require.Equal(t, 80*time.Millisecond, total)
	require.Equal(t, map[string]time.Duration{"parse": 30 * time.Millisecond, "format": 50 * time.Millisecond}, times)
}
