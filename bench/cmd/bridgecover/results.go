package main

import (
	"strings"
)

// opResult is the result of one operation's round trips.
type opResult struct {
	Service, Op string
	Pass        bool
	Category    category // why it failed; "" when it passed
	Message     string   // the failure, as the test reported it
	// Checked is the number of members its round trips compared, from
	// bridgetest.RoundTrip's log lines (the input's and the output's);
	// Trips is the number of such lines.
	Checked, Trips int
	// Uncovered are the members of its pagegen types that the SDK has no
	// place for, which its round trips do not fill.
	Uncovered []member
	// SDKOnly are the members of the SDK's types that no pagegen member
	// converts to or from.
	SDKOnly []member
}

// serviceResult is the result of one service's bridge package.
type serviceResult struct {
	Service    *service
	Ops        []*opResult
	APIVersion *opResult // the API version test; nil when the package has none
	Vet        []string  // go vet's diagnostics of the package
	// CoverError is why the coverage lists are missing, when they are.
	CoverError string
}

// serviceResults turns what go test said of a bridge package (run, nil
// when go test said nothing of it) into the results of its tests, which
// bt lists. builds is the output of the failed builds of the run.
func serviceResults(s *service, bt *bridgeTest, run *pkgRun, builds map[string][]string) *serviceResult {
	sr := &serviceResult{Service: s}
	var uncovered, sdkOnly map[string][]member
	if run != nil {
		if c := run.Tests[coverTestName]; c != nil && c.Action == "pass" {
			uncovered, sdkOnly = coverLists(c.Output)
		} else if c != nil {
			sr.CoverError = failureMessage(c.Output)
		}
	}
	if uncovered == nil && sr.CoverError == "" {
		sr.CoverError = "the coverage test did not run"
	}
	for _, tf := range bt.Tests {
		r := &opResult{Service: s.Name, Op: tf.Op}
		if tf.Op == "" {
			r.Op = strings.TrimPrefix(tf.Name, "Test")
		}
		var t *testRun
		if run != nil {
			t = run.Tests[tf.Name]
		}
		switch {
		case t != nil && t.Action == "pass":
			r.Pass = true
		case t != nil && t.Action == "fail":
			r.Message = failureMessage(t.Output)
			r.Category = classify(r.Message)
		case run != nil && run.FailedBuild != "":
			r.Category = catCompile
			r.Message = buildMessage(run.FailedBuild, builds[run.FailedBuild])
		case t != nil:
			r.Category = catDidNotFinish
			r.Message = "did not finish: " + packageMessage(append(t.Output, run.Output...))
		case run != nil && run.Action != "":
			r.Category = catDidNotFinish
			r.Message = "did not run: " + packageMessage(run.Output)
		default:
			r.Category = catDidNotFinish
			r.Message = "go test said nothing of the package"
		}
		if t != nil {
			r.Checked, r.Trips = membersChecked(t.Output)
		}
		if tf.Op == "" {
			sr.APIVersion = r
			continue
		}
		r.Uncovered, r.SDKOnly = uncovered[tf.Op], sdkOnly[tf.Op]
		sr.Ops = append(sr.Ops, r)
	}
	return sr
}

// buildMessage returns the first error of the failed build of pkg.
func buildMessage(pkg string, output []string) string {
	for _, line := range output {
		if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "#") {
			return pkg + ": " + t
		}
	}
	return pkg + ": build failed"
}

// packageMessage returns the line of a package's output that says why it
// ended: a panic or a timeout, else its last line that is not a FAIL or
// ok summary.
func packageMessage(output []string) string {
	for _, line := range output {
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "panic: ") {
			return t
		}
	}
	for i := len(output) - 1; i >= 0; i-- {
		t := strings.TrimSpace(output[i])
		if t != "" && t != "FAIL" && !strings.HasPrefix(t, "FAIL\t") && !strings.HasPrefix(t, "ok ") && !strings.HasPrefix(t, "exit status") {
			return t
		}
	}
	return "no output"
}
