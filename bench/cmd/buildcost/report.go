package main

import (
	"fmt"
	"io"
	"slices"
	"text/tabwriter"
	"time"
)

// goal is the cost per operation pagegen aims for, as a fraction of
// aws-sdk-go-v2's.
const goal = 1.0 / 3

// report is what one run measured.
type report struct {
	sides                 []*side
	lines                 []lineCount
	reps                  int
	toolexec              bool
	cpus                  int
	goVersion             string
	cache                 string
	loadBefore, loadAfter string
	when                  time.Time
}

// summary is one row of the table: the medians of a side, or of sides
// built one after the other.
type summary struct {
	label             string
	ops               int
	wall, minWall     time.Duration
	cpu               time.Duration
	treeRSS, compRSS  int64
	perOpMS, perOpMiB float64
}

// summarize returns the row of s.
func summarize(s *side) summary {
	wall := column(s.runs, func(r result) time.Duration { return r.wall })
	sum := summary{
		label:   s.label,
		ops:     s.ops,
		wall:    median(wall),
		minWall: slices.Min(wall),
		cpu:     median(column(s.runs, func(r result) time.Duration { return r.cpu })),
		treeRSS: median(column(s.runs, func(r result) int64 { return r.treeRSS })),
		compRSS: median(column(s.runs, func(r result) int64 { return r.compRSS })),
	}
	sum.perOp()
	return sum
}

// perOp sets the costs per operation.
func (s *summary) perOp() {
	s.perOpMS = float64(s.wall.Milliseconds()) / float64(s.ops)
	s.perOpMiB = float64(s.treeRSS) / (1 << 20) / float64(s.ops)
}

// chain returns the row of building a and then b, a package and one it
// imports: the times add up and the peak is the larger one.
func chain(label string, a, b summary) summary {
	sum := summary{
		label:   label,
		ops:     a.ops,
		wall:    a.wall + b.wall,
		minWall: a.minWall + b.minWall,
		cpu:     a.cpu + b.cpu,
		treeRSS: max(a.treeRSS, b.treeRSS),
		compRSS: max(a.compRSS, b.compRSS),
	}
	sum.perOp()
	return sum
}

// print writes the report to w.
func (r *report) print(w io.Writer) {
	fmt.Fprintf(w, "go build of one package with warm dependencies; repetitions: %d, interleaved (%s)\n", r.reps, r.when.Format(time.DateTime))
	fmt.Fprintf(w, "%s, %d CPUs, load %s before and %s after, %s\n", r.goVersion, r.cpus, r.loadBefore, r.loadAfter, r.cache)
	rss := "peak RSS: go build and its waited-for descendants"
	if r.toolexec {
		rss += "; compile RSS: the compiler alone, via -toolexec"
	}
	fmt.Fprintln(w, rss)
	fmt.Fprintln(w)

	rows := make([]summary, len(r.sides))
	for i, s := range r.sides {
		rows[i] = summarize(s)
	}
	pagegen, aws := rows[0], rows[1]
	if len(rows) == 3 {
		rows = append(rows, chain("aws ec2 + types", aws, rows[2]))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	width := 0
	for _, s := range rows {
		width = max(width, len(s.label))
	}
	fmt.Fprintf(tw, "%-*s\tops\tbuild median\tmin\tcpu median\tpeak RSS MiB\tcompile RSS MiB\tms/op\tMiB/op\t\n", width, "package")
	for _, s := range rows {
		fmt.Fprintf(tw, "%-*s\t%d\t%.2fs\t%.2fs\t%.2fs\t%s\t%s\t%.1f\t%.2f\t\n",
			width, s.label, s.ops, s.wall.Seconds(), s.minWall.Seconds(), s.cpu.Seconds(), mib(s.treeRSS), mib(s.compRSS), s.perOpMS, s.perOpMiB)
	}
	tw.Flush()
	for _, s := range r.sides {
		if s.opsHow != "" {
			fmt.Fprintf(w, "  ops of %s: %s\n", s.label, s.opsHow)
		}
	}
	if len(rows) == 4 {
		fmt.Fprintln(w, "  aws ec2 + types: the two builds one after the other (times added, the larger peak)")
	}
	fmt.Fprintln(w)

	fmt.Fprintf(w, "pagegen / aws per operation (goal <= %.2f):\n", goal)
	for _, a := range rows[1:] {
		if a.label == "aws ec2/types" {
			continue
		}
		t, m := ratio(pagegen.perOpMS, a.perOpMS), ratio(pagegen.perOpMiB, a.perOpMiB)
		fmt.Fprintf(w, "  vs %-16s build time %.2f (%s), peak RSS %.2f (%s)\n", a.label+":", t, verdict(t), m, verdict(m))
	}
	fmt.Fprintln(w)

	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	width = 0
	for _, c := range r.lines {
		width = max(width, len(c.label))
	}
	fmt.Fprintf(tw, "%-*s\tops\tfiles\tlines\ttest files\ttest lines\tlines/op\ttest lines/op\t\n", width, "lines of Go")
	for _, c := range r.lines {
		fmt.Fprintf(tw, "%-*s\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t\n", width, c.label, c.ops, c.files, c.lines, c.testFiles, c.testLines,
			ratio(float64(c.lines), float64(c.ops)), ratio(float64(c.testLines), float64(c.ops)))
	}
	tw.Flush()
}

// verdict says whether the ratio x meets the goal.
func verdict(x float64) string {
	if x <= goal {
		return "meets the goal"
	}
	return "misses the goal"
}
