package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// testEvent is one line of go test -json (test2json's TestEvent, with
// the build events the go command adds).
type testEvent struct {
	Action      string
	Package     string
	Test        string
	Output      string
	Elapsed     float64
	ImportPath  string // build-output and build-fail events
	FailedBuild string // the package whose build failed, on a package's fail event
}

// testOutput is what one go test -json run said.
type testOutput struct {
	Packages map[string]*pkgRun // by import path
	// Builds is the output of each failed build, by import path (without
	// the bracketed test variant).
	Builds map[string][]string
}

// pkgRun is what go test said of one package.
type pkgRun struct {
	Action      string   // pass, fail or skip; "" when the run did not end
	FailedBuild string   // the import path of the package whose build failed
	Output      []string // output outside every test
	Tests       map[string]*testRun
}

// testRun is what go test said of one test.
type testRun struct {
	Action string   // pass, fail or skip; "" when it did not end
	Output []string // its output lines, without the === and --- lines
}

// parseTestJSON reads the output of go test -json. Lines that are not
// JSON objects are skipped.
func parseTestJSON(r io.Reader) (*testOutput, error) {
	out := &testOutput{Packages: map[string]*pkgRun{}, Builds: map[string][]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' {
			continue
		}
		var e testEvent
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, fmt.Errorf("go test -json output, line %d: %w", n, err)
		}
		if e.ImportPath != "" && e.Package == "" {
			if e.Action == "build-output" {
				ip := variantless(e.ImportPath)
				out.Builds[ip] = append(out.Builds[ip], strings.TrimRight(e.Output, "\n"))
			}
			continue
		}
		if e.Package == "" {
			continue
		}
		p := out.Packages[e.Package]
		if p == nil {
			p = &pkgRun{Tests: map[string]*testRun{}}
			out.Packages[e.Package] = p
		}
		if e.Test == "" {
			switch e.Action {
			case "output":
				p.Output = append(p.Output, strings.TrimRight(e.Output, "\n"))
			case "pass", "fail", "skip":
				p.Action = e.Action
				if e.FailedBuild != "" {
					p.FailedBuild = variantless(e.FailedBuild)
				}
			}
			continue
		}
		t := p.Tests[e.Test]
		if t == nil {
			t = &testRun{}
			p.Tests[e.Test] = t
		}
		switch e.Action {
		case "output":
			s := strings.TrimRight(e.Output, "\n")
			if isFrameLine(s) {
				continue
			}
			t.Output = append(t.Output, s)
		case "pass", "fail", "skip":
			t.Action = e.Action
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("go test -json output: %w", err)
	}
	return out, nil
}

// variantless returns an import path without the test variant that the
// go command writes after it: "p [p.test]" → "p".
func variantless(importPath string) string {
	p, _, _ := strings.Cut(importPath, " ")
	return p
}

// isFrameLine reports whether s is a line that go test writes around a
// test's own output: === RUN, === PAUSE, === CONT, --- PASS and the like.
func isFrameLine(s string) bool {
	t := strings.TrimSpace(s)
	return strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- PASS") || strings.HasPrefix(t, "--- FAIL") || strings.HasPrefix(t, "--- SKIP")
}

// membersCheckedRE matches bridgetest.RoundTrip's log line: "Op: Type:
// 3 round trips, 120 members checked".
var membersCheckedRE = regexp.MustCompile(`: (\d+) round trips?, (\d+) members checked\s*$`)

// membersChecked returns the sum of the members that the RoundTrip log
// lines of output say were checked, and the number of such lines.
func membersChecked(output []string) (members, trips int) {
	for _, line := range output {
		if m := membersCheckedRE.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			members += n
			trips++
		}
	}
	return members, trips
}

// coverLineRE matches the log lines of the coverage test (see
// coverSource): "bridgecover: uncovered Op input Path: reason" and
// "bridgecover: sdk-only Op output Path".
var coverLineRE = regexp.MustCompile(`bridgecover: (uncovered|sdk-only) (\S+) (input|output|\?) (\S+?)(?:: (.*?))?\s*$`)

// member is a member that one side of a conversion has and the other
// does not.
type member struct {
	Side string // "input" or "output": the operation's type it is in
	Path string // "ListAnalyzersOutput.Analyzers[].Configuration.UnusedAccess"
	// Reason is, for a member of a pagegen type, the error of converting
	// it to the SDK alone, or "converts" when there was none.
	Reason string
}

// coverLists returns the members that the coverage test's output lists,
// by operation: those of the pagegen types that the SDK has no place
// for, and those of the SDK's types that no pagegen member converts to.
func coverLists(output []string) (uncovered, sdkOnly map[string][]member) {
	uncovered, sdkOnly = map[string][]member{}, map[string][]member{}
	for _, line := range output {
		m := coverLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		list := uncovered
		if m[1] == "sdk-only" {
			list = sdkOnly
		}
		list[m[2]] = append(list[m[2]], member{Side: m[3], Path: m[4], Reason: m[5]})
	}
	return uncovered, sdkOnly
}

// testifyLabelRE matches the first line of a field of testify's failure
// report: "Error Trace:", "Error:", "Test:", "Messages:".
var testifyLabelRE = regexp.MustCompile(`^(Error Trace|Error|Test|Messages):\s*(.*)$`)

// failureMessage returns the reason a test failed, from its output: the
// Error and Messages fields of testify's report ("Received unexpected
// error:" dropped), else a panic's first line, else the first line that a
// t.Error or t.Fatal wrote.
func failureMessage(output []string) string {
	var errLines []string
	var messages, field string
	for _, line := range output {
		t := strings.TrimSpace(line)
		if m := testifyLabelRE.FindStringSubmatch(t); m != nil {
			field = m[1]
			switch field {
			case "Error":
				errLines = append(errLines, m[2])
			case "Messages":
				messages = m[2]
			}
			continue
		}
		if field == "Error" && t != "" && strings.HasPrefix(line, " ") {
			errLines = append(errLines, t)
		}
		if field != "" && !strings.HasPrefix(line, " ") {
			field = ""
		}
	}
	if len(errLines) > 0 {
		if errLines[0] == "Received unexpected error:" {
			errLines = errLines[1:]
		}
		msg := strings.Join(errLines, " ")
		if messages != "" {
			msg += " (" + messages + ")"
		}
		return msg
	}
	for _, line := range output {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "panic: ") {
			return t
		}
	}
	for _, line := range output {
		t := strings.TrimSpace(line)
		if _, rest, ok := strings.Cut(t, ".go:"); ok && !strings.Contains(t, "members checked") && !strings.Contains(t, "bridgecover: ") {
			if _, msg, ok := strings.Cut(rest, ": "); ok {
				return msg
			}
		}
	}
	for _, line := range output {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return "failed without output"
}

// vetLineRE matches a diagnostic of go vet, which a type error prefixes
// with "vet: ": "gen/ssm/ssmaws/ssmaws.go:12:3: message".
var vetLineRE = regexp.MustCompile(`^(?:vet: )?(\S+?\.go):\d+:\d+: `)

// vetDiagnostics returns the diagnostics of go vet's standard error, by
// the folder (relative to the folder go vet ran in, slash-separated) of
// the file each names; lines that name no file are returned under "".
// A line that starts with a tab continues the diagnostic before it.
func vetDiagnostics(stderr, dir string) map[string][]string {
	out := map[string][]string{}
	key, last := "", -1 // the folder of the last diagnostic, and its index there
	for line := range strings.Lines(stderr) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			last = -1
			continue
		}
		if strings.HasPrefix(line, "\t") && last >= 0 {
			out[key][last] += " " + strings.TrimSpace(line)
			continue
		}
		key = ""
		if m := vetLineRE.FindStringSubmatch(line); m != nil {
			f := m[1]
			if filepath.IsAbs(f) {
				if rel, err := filepath.Rel(dir, f); err == nil {
					f = rel
				}
			}
			key = filepath.ToSlash(filepath.Dir(filepath.Clean(f)))
		}
		out[key] = append(out[key], strings.TrimPrefix(line, "vet: "))
		last = len(out[key]) - 1
	}
	return out
}
