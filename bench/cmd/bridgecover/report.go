package main

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

// writeReport prints the report of d to w.
func writeReport(w io.Writer, d *runData) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("# pagegen bridge conversion coverage, %s\n\n", d.Start.UTC().Format("2006-01-02 15:04 UTC"))
	p("%s %s/%s, %d cores; load average %s at the start, %s at the end.\n", d.GoVersion, runtime.GOOS, runtime.GOARCH, d.Cores, d.LoadStart, d.LoadEnd)
	cached := "go test could reuse cached results"
	if !d.Cached {
		cached = "every test run again (-count=1)"
	}
	p("Batches of %d services, -p %d; %s. Work folder: %s.\n\n", d.BatchSize, d.Parallel, cached, workNote(d))

	// Services and operations.
	var notAtHand, atHand, refused []*service
	opsOf := func(ss []*service, f func(*service) int) int {
		n := 0
		for _, s := range ss {
			n += f(s)
		}
		return n
	}
	allOps := func(s *service) int { return len(s.Ops) }
	for _, s := range d.Services {
		switch {
		case !s.atHand():
			notAtHand = append(notAtHand, s)
		case s.GenError != "":
			atHand, refused = append(atHand, s), append(refused, s)
		default:
			atHand = append(atHand, s)
		}
	}
	missing := opsOf(atHand, func(s *service) int { return len(s.Missing) })
	var tested []*opResult
	for _, sr := range d.Results {
		tested = append(tested, sr.Ops...)
	}
	p("## Services and operations\n\n")
	p("| | services | operations |\n|---|---:|---:|\n")
	p("| measured (the corpus has %s services, %s pages) | %s | %s |\n", num(d.CorpusServices), num(d.CorpusPages), num(len(d.Services)), num(opsOf(d.Services, allOps)))
	p("| SDK not at hand (no candidate module found) | %s | %s |\n", num(len(notAtHand)), num(opsOf(notAtHand, allOps)))
	p("| SDK at hand | %s | %s |\n", num(len(atHand)), num(opsOf(atHand, allOps)))
	p("| of those, operations the SDK lacks (it is older than the pages) | | %s |\n", num(missing))
	p("| of those, refused by the generator | %s | %s |\n", num(len(refused)), num(opsOf(refused, func(s *service) int { return len(s.Ops) - len(s.Missing) })))
	p("| built and tested | %s | %s |\n\n", num(len(d.Results)), num(len(tested)))

	// Round trips.
	passed, checkedPass, checkedAll := 0, 0, 0
	cats := map[category][]*opResult{}
	services := map[category]map[string]bool{}
	for _, o := range tested {
		checkedAll += o.Checked
		if o.Pass {
			passed++
			checkedPass += o.Checked
			continue
		}
		cats[o.Category] = append(cats[o.Category], o)
		if services[o.Category] == nil {
			services[o.Category] = map[string]bool{}
		}
		services[o.Category][o.Service] = true
	}
	p("## Round trips\n\n")
	p("**%s of %s tested operations pass their round trips (%s)**; %s of the %s operations whose SDK is at hand (%s), %s of all %s measured (%s).\n\n",
		num(passed), num(len(tested)), pct(passed, len(tested)),
		num(passed), num(opsOf(atHand, allOps)), pct(passed, opsOf(atHand, allOps)),
		num(passed), num(opsOf(d.Services, allOps)), pct(passed, opsOf(d.Services, allOps)))
	p("Members checked (bridgetest.RoundTrip's count, summed over each operation's input and output and their round trips): %s in the passing operations; %s in all, counting the round trips that passed before a failure.\n\n",
		num(checkedPass), num(checkedAll))
	var versionFails []string
	versionPass, versionNotRun := 0, 0
	for _, sr := range d.Results {
		switch v := sr.APIVersion; {
		case v == nil:
		case v.Pass:
			versionPass++
		case v.Category == catCompile || v.Category == catDidNotFinish:
			versionNotRun++
		default:
			versionFails = append(versionFails, fmt.Sprintf("%s: %s", sr.Service.Name, clip(v.Message, 200)))
		}
	}
	p("API version tests (the SDK package serves the API version of the pages): %s pass, %s fail, %s did not run (the package does not compile, or its test binary stopped).\n", num(versionPass), num(len(versionFails)), num(versionNotRun))
	for _, f := range versionFails {
		p("- %s\n", f)
	}
	var vetServices []*serviceResult
	for _, sr := range d.Results {
		if len(sr.Vet) > 0 {
			vetServices = append(vetServices, sr)
		}
	}
	p("\ngo vet: %s of %s bridge packages have diagnostics.\n", num(len(vetServices)), num(len(d.Results)))
	for _, sr := range vetServices {
		p("- %s: %s\n", sr.Service.Name, clip(sr.Vet[0], 300))
	}
	for _, l := range d.Unattributed {
		p("- (no service) %s\n", clip(l, 300))
	}
	p("\n")

	// By protocol.
	type protoStat struct{ services, ops, pass, full int }
	byProto := map[string]*protoStat{}
	var protos []string
	for _, sr := range d.Results {
		pr := sr.Service.Protocol
		if pr == "" {
			pr = "unknown"
		}
		st := byProto[pr]
		if st == nil {
			st = &protoStat{}
			byProto[pr] = st
			protos = append(protos, pr)
		}
		st.services++
		for _, o := range sr.Ops {
			st.ops++
			if o.Pass {
				st.pass++
				if len(o.Uncovered) == 0 && sr.CoverError == "" {
					st.full++
				}
			}
		}
	}
	slices.Sort(protos)
	p("By botocore's protocol (checked completely: see below):\n\n| protocol | services | operations | pass | checked completely |\n|---|---:|---:|---:|---:|\n")
	for _, pr := range protos {
		st := byProto[pr]
		p("| %s | %s | %s | %s | %s |\n", pr, num(st.services), num(st.ops), num(st.pass), num(st.full))
	}
	p("\n")

	// Members without a counterpart.
	type uncStat struct {
		members       int
		ops, services map[string]bool
		example       string
	}
	type uncKey struct {
		cat  category
		side string
	}
	uncBy := map[uncKey]*uncStat{}
	const converts category = "converts all the same (Uncovered lists it, ToSDK does not refuse it)"
	uncovered, uncOps, full := 0, 0, 0
	sdkOnly := map[string]int{}
	sdkOps, sdkServices := map[string]bool{}, map[string]bool{}
	var coverMissing []string
	for _, sr := range d.Results {
		if sr.CoverError != "" {
			coverMissing = append(coverMissing, sr.Service.Name+": "+clip(sr.CoverError, 200))
		}
		for _, o := range sr.Ops {
			if o.Pass && len(o.Uncovered) == 0 && sr.CoverError == "" {
				full++
			}
			if len(o.Uncovered) > 0 {
				uncovered += len(o.Uncovered)
				uncOps++
			}
			for _, u := range o.Uncovered {
				k := uncKey{classify(u.Reason), u.Side}
				if u.Reason == "converts" {
					k.cat = converts
				}
				st := uncBy[k]
				if st == nil {
					st = &uncStat{ops: map[string]bool{}, services: map[string]bool{}}
					st.example = fmt.Sprintf("%s %s: %s: %s", o.Service, o.Op, u.Path, u.Reason)
					uncBy[k] = st
				}
				st.members++
				st.ops[o.Service+"/"+o.Op] = true
				st.services[o.Service] = true
			}
			for _, m := range o.SDKOnly {
				sdkOnly[m.Side]++
				sdkOps[o.Service+"/"+o.Op] = true
				sdkServices[o.Service] = true
			}
		}
	}
	p("## Members one side has and the other does not\n\n")
	p("**%s of %s tested operations are checked completely**: their round trips pass and every member of their pagegen types has a place in the SDK's, so that the round trips set them all.\n\n", num(full), num(len(tested)))
	p("Members of the pagegen types that the SDK has no place for (bridgetest.Uncovered): %s, in %s operations. The round trips leave them unset, so they are not among the failures below. Each was set alone in an otherwise empty value and converted to the SDK's type (ToSDK), to find why; the category is that of the error. In an input, that error is what sending the member gives. In an output, it says that the SDK's value cannot be built to check the member: receiving one (FromSDK) reads the SDK's value by reflection and is not measured here.\n\n", num(uncovered), num(uncOps))
	if len(uncBy) > 0 {
		p("| why | in | members | operations | services | example |\n|---|---|---:|---:|---:|---|\n")
		for _, c := range append(slices.Clone(categories), converts) {
			for _, side := range []string{"input", "output", "?"} {
				st := uncBy[uncKey{c, side}]
				if st == nil {
					continue
				}
				p("| %s | %s | %s | %s | %s | %s |\n", c, side, num(st.members), num(len(st.ops)), num(len(st.services)), cell(clip(st.example, 300)))
			}
		}
		p("\n")
	}
	p("SDK members the pages do not know (bridgetest.SDKOnly; the SDK is newer than the pages): %s in inputs (a pagegen input cannot set them) and %s in outputs (the bridge leaves them out of what it returns), in %s operations of %s services.\n",
		num(sdkOnly["input"]), num(sdkOnly["output"]), num(len(sdkOps)), num(len(sdkServices)))
	for _, c := range coverMissing {
		p("- no lists for %s\n", c)
	}
	p("\n")

	// Failures by category.
	p("## Failures by category\n\n")
	if len(cats) == 0 {
		p("None.\n\n")
	} else {
		p("| category | in awsbridge's doc | operations | services | example |\n|---|---|---:|---:|---|\n")
		for _, c := range categories {
			ops := cats[c]
			if len(ops) == 0 {
				continue
			}
			doc := "no"
			if c.documented() {
				doc = "yes"
			}
			p("| %s | %s | %s | %s | %s %s: %s |\n", c, doc, num(len(ops)), num(len(services[c])), ops[0].Service, ops[0].Op, cell(clip(ops[0].Message, 240)))
		}
		p("\n## Failing operations\n\n| service | operation | category | reason |\n|---|---|---|---|\n")
		for _, c := range categories {
			for _, g := range sameFailure(cats[c]) {
				op := g[0].Op
				if len(g) > 1 {
					names := make([]string, len(g))
					for i, o := range g {
						names[i] = o.Op
					}
					op = fmt.Sprintf("%d operations: %s", len(g), strings.Join(clipList(names, 3), ", "))
				}
				p("| %s | %s | %s | %s |\n", g[0].Service, op, c, cell(clip(g[0].Message, 400)))
			}
		}
		p("\n")
	}

	// What was left out.
	p("## Services whose SDK is not at hand\n\n")
	if len(notAtHand) == 0 {
		p("None.\n\n")
	} else {
		p("%s services, %s operations: the module proxy serves none of their candidate modules. By the proxy's answer, each service with its operations and the modules tried (under github.com/aws/aws-sdk-go-v2/):\n\n", num(len(notAtHand)), num(opsOf(notAtHand, allOps)))
		byAnswer := map[string][]string{}
		var answers []string
		for _, s := range notAtHand {
			a := "no answer"
			if s.SDK != nil && len(s.SDK.Errs) > 0 {
				_, a, _ = strings.Cut(s.SDK.Errs[len(s.SDK.Errs)-1], ": ")
			}
			if byAnswer[a] == nil {
				answers = append(answers, a)
			}
			byAnswer[a] = append(byAnswer[a], fmt.Sprintf("%s (%d; %s)", s.Name, len(s.Ops), strings.Join(shortNames(s.SDK.Candidates), ", ")))
		}
		for _, a := range answers {
			p("- %s: %s\n", clip(a, 200), strings.Join(byAnswer[a], ", "))
		}
		p("\n")
	}
	if missing > 0 {
		p("## Operations the SDK lacks\n\n")
		for _, s := range atHand {
			if len(s.Missing) > 0 {
				p("- %s (%s %s): %s\n", s.Name, shortName(s.SDK.Module), s.SDK.Version, strings.Join(s.Missing, ", "))
			}
		}
		p("\n")
	}
	if len(refused) > 0 {
		p("## Services the generator refused\n\n")
		for _, s := range refused {
			p("- %s: %s\n", s.Name, clip(s.GenError, 400))
		}
		p("\n")
	}

	// Wall time.
	p("## Wall time\n\n| phase | wall |\n|---|---:|\n")
	for _, ph := range d.Phases {
		p("| %s | %s |\n", ph.Name, dur(ph.Wall))
	}
	p("| whole run | %s |\n\n", dur(d.End.Sub(d.Start)))
	if d.GenSummary != "" {
		p("cmd/gen, over %s pages: %s\n\n", num(d.SpecPages), d.GenSummary)
	}
	if len(d.TidyNotes) > 0 {
		p("go mod tidy -e, after generating:\n\n")
		for _, l := range d.TidyNotes {
			p("    %s\n", l)
		}
		p("\n")
	}
	if len(d.Batches) > 0 {
		var peak int64
		for _, b := range d.Batches {
			peak = max(peak, b.VetRSS, b.TestRSS)
		}
		p("Batches (go vet, then go test; peak RSS is that of the largest process the go command waited for): largest peak %s.\n\n", mib(peak))
		p("| batch | services | vet | test | vet peak RSS | test peak RSS |\n|---:|---|---:|---:|---:|---:|\n")
		for i, b := range d.Batches {
			p("| %d | %s | %s | %s | %s | %s |\n", i+1, batchNames(b.Services), dur(b.Vet), dur(b.Test), mib(b.VetRSS), mib(b.TestRSS))
		}
		p("\n")
	}
	return bw.Flush()
}

// sameFailure groups ops, keeping their order: the operations of one
// service that failed with the same message (a package that does not
// compile, a test binary that stopped) are one group.
func sameFailure(ops []*opResult) [][]*opResult {
	var out [][]*opResult
	at := map[[2]string]int{}
	for _, o := range ops {
		k := [2]string{o.Service, o.Message}
		if i, ok := at[k]; ok {
			out[i] = append(out[i], o)
			continue
		}
		at[k] = len(out)
		out = append(out, []*opResult{o})
	}
	return out
}

// workNote says where the work folder is, or that it was removed.
func workNote(d *runData) string {
	if d.Kept {
		return d.Work
	}
	return "temporary, removed"
}

// shortName returns an SDK module path without aws-sdk-go-v2's prefix:
// "service/ssm".
func shortName(module string) string {
	return strings.TrimPrefix(module, "github.com/aws/aws-sdk-go-v2/")
}

func shortNames(modules []string) []string {
	out := make([]string, len(modules))
	for i, m := range modules {
		out[i] = shortName(m)
	}
	return out
}

// batchNames returns a batch's first and last service.
func batchNames(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return fmt.Sprintf("%s … %s (%d)", names[0], names[len(names)-1], len(names))
}

// clip returns s cut to n bytes, on a rune boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8Start(s[n]) {
		n--
	}
	return s[:n] + "…"
}

func utf8Start(b byte) bool { return b&0xC0 != 0x80 }

// clipList returns the first n items of l, and a count of the rest.
func clipList(l []string, n int) []string {
	if len(l) <= n {
		return l
	}
	return append(slices.Clone(l[:n]), fmt.Sprintf("and %d more", len(l)-n))
}

// cell makes s safe in a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// num writes n with thousands separators: 3,112.
func num(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + num(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// pct returns n/of as a percentage with one decimal.
func pct(n, of int) string {
	if of == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(100*float64(n)/float64(of), 'f', 1, 64) + "%"
}

// dur rounds a duration for the report.
func dur(d time.Duration) string {
	switch {
	case d >= time.Minute:
		return d.Round(time.Second).String()
	case d >= time.Second:
		return d.Round(100 * time.Millisecond).String()
	}
	return d.Round(time.Millisecond).String()
}

// mib writes a size in MiB, or "n/a" for 0.
func mib(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return num(int(b>>20)) + " MiB"
}
