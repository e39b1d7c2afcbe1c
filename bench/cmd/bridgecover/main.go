// Command bridgecover measures the conversion coverage of pagegen's
// bridges to aws-sdk-go-v2 over the whole corpus: for every paginator page
// of every service whose aws-sdk-go-v2 package the module proxy serves, it
// generates the service's bridge package with `gen -aws` and runs the
// bridge's generated tests, which round-trip every operation's input and
// output through the SDK's types (bridgetest.RoundTrip).
//
// Usage, from the bench folder:
//
//	go run ./cmd/bridgecover [-services a,b] [-n 0] [-work dir] [-batch 20] [-p 2] [-timeout 20m] [-relookup] [-cached=true]
//
// It writes the report to standard output and its progress to standard
// error. The phases:
//
//  1. look-up: for each service, the candidates of model.SDKCandidates
//     (from its name and its client class name) are looked up in order
//     with `go list -m -json <module>@latest`; the first found is its SDK.
//  2. module: a module requiring pagegen (replaced with the repository)
//     and those SDK modules, tidied with `go mod tidy`; the operations of
//     each SDK package are read as cmd/gen reads them (its api_op_ files),
//     and the pages of operations the SDK lacks are left out.
//  3. generate: cmd/gen writes the packages and their bridges into the
//     module with -aws, and -aws-sdk naming each service's package. A
//     service the generator refuses is left out and reported. Each bridge
//     package gets one more test file, which logs the members
//     bridgetest.Uncovered and bridgetest.SDKOnly list.
//  4. vet and test: `go vet` and `go test -json` over the bridge packages,
//     in batches of -batch services with -p builds at a time, so that
//     memory stays bounded.
//
// The work folder (-work) keeps the module, the look-ups and each batch's
// go test -json output, so that a rerun asks the proxy nothing and
// rebuilds nothing that has not changed; without -work, a temporary
// folder is used and removed at the end, also on an interrupt. The module
// and build caches are the go command's own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(bridgecover(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command's flags.
type options struct {
	work     string        // the work folder, kept; "" for a temporary one
	services []string      // the services to measure; all when empty
	n        int           // at most this many services, the first in name order; 0 for all
	batch    int           // services per go vet and go test run
	p        int           // go's -p: builds and test binaries at a time
	timeout  time.Duration // go test's -timeout
	relookup bool          // ask the proxy again what the work folder's look-ups say
	cached   bool          // let go test reuse cached results
}

// bridgecover is the command run with the arguments args; it returns the
// exit status: 0 when the measurement ran (whatever the tests said), 1
// when a step failed, 2 for misuse.
func bridgecover(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("bridgecover", flag.ContinueOnError)
	flags.SetOutput(stderr)
	var o options
	services := flags.String("services", "", "comma-separated services to measure (boto3 names: ssm,logs); default all")
	flags.IntVar(&o.n, "n", 0, "measure at most this many services, the first in name order (0: all)")
	flags.StringVar(&o.work, "work", "", "the work folder, kept for reruns (default: a temporary folder, removed at the end)")
	flags.IntVar(&o.batch, "batch", 20, "services per go vet and go test run")
	flags.IntVar(&o.p, "p", 2, "go's -p: builds and test binaries run at a time")
	flags.DurationVar(&o.timeout, "timeout", 20*time.Minute, "go test's -timeout, per test binary")
	flags.BoolVar(&o.relookup, "relookup", false, "ask the module proxy again, rather than reuse the work folder's look-ups")
	flags.BoolVar(&o.cached, "cached", true, "let go test reuse the results it cached for unchanged packages (-cached=false runs every test again)")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: bridgecover [-services a,b] [-n 0] [-work dir] [-batch 20] [-p 2] [-timeout 20m] [-relookup] [-cached=true]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 || o.n < 0 || o.batch < 1 || o.p < 1 || o.timeout <= 0 {
		flags.Usage()
		return 2
	}
	for _, s := range strings.Split(*services, ",") {
		if s = strings.TrimSpace(s); s != "" {
			o.services = append(o.services, s)
		}
	}

	work := o.work
	if work == "" {
		tmp, err := os.MkdirTemp("", "bridgecover-")
		if err != nil {
			fmt.Fprintf(stderr, "bridgecover: %v\n", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		work = tmp
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		fmt.Fprintf(stderr, "bridgecover: -work: %v\n", err)
		return 1
	}
	r := &runner{opts: o, work: absDir(work), log: stderr}
	d, err := r.run(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "bridgecover: %v\n", err)
		return 1
	}
	d.Kept = o.work != ""
	if err := writeReport(stdout, d); err != nil {
		fmt.Fprintf(stderr, "bridgecover: %v\n", err)
		return 1
	}
	return 0
}
