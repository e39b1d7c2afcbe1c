// Command buildcost measures what compiling pagegen's EC2 package costs next
// to compiling aws-sdk-go-v2's EC2 client: the wall time of `go build` and
// the peak memory of the compiler, per operation.
//
// Usage (from the bench module):
//
//	go run ./cmd/buildcost [-n 3] [-types=true] [-toolexec=true] [-gocache dir] [-keep]
//
// It copies each measured package into a temporary module (pagegen's
// generated/ec2 with the pagegen packages it imports, and the
// aws-sdk-go-v2/service/ec2 module from the module cache, at the versions
// bench/go.mod pins), builds them all once with one GOCACHE so that every
// dependency is warm, and then, -n times and interleaved, writes a file
// holding a fresh nonce comment into one target package and runs
// `go build -x` on it. The nonce changes only that package's action ID, so
// the compiler runs on it, and only on it, every time; the -x output is
// checked for exactly that one compile.
//
// The time is the wall time of the `go build` process. The peak memory is
// the maximum resident set size from the rusage of the `go build` child,
// which on Linux covers its waited-for descendants, the compiler among them.
// With -toolexec (the default) every tool runs under this command as a
// wrapper that records the compiler's own peak, so each figure is checked
// against the compiler process alone.
//
// Nothing is written outside the temporary folder, but for the cache that
// -gocache names; the folder is removed at the end, also on an interrupt,
// unless -keep is given.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	if log := os.Getenv(toolexecEnv); log != "" {
		os.Exit(toolexec(log, os.Args[1:]))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(buildcost(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

// buildcost is the command run with the arguments args; it prints the
// report to stdout and progress and errors to stderr, and returns the exit
// status: 0 on success, 1 when a step fails, 2 for misuse.
func buildcost(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("buildcost", flag.ContinueOnError)
	flags.SetOutput(stderr)
	n := flags.Int("n", 3, "repetitions of each build")
	types := flags.Bool("types", true, "also measure aws-sdk-go-v2's service/ec2/types package, which its client imports")
	wrap := flags.Bool("toolexec", true, "run the tools under this command to record the compiler's own peak memory")
	gocache := flags.String("gocache", "", "the GOCACHE to build with (default: a new one in the temporary folder, warmed first)")
	keep := flags.Bool("keep", false, "keep the temporary folder and print its path")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: buildcost [-n 3] [-types=true] [-toolexec=true] [-gocache dir] [-keep]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if flags.NArg() > 0 || *n < 1 {
		flags.Usage()
		return 2
	}

	tmp, err := os.MkdirTemp("", "buildcost-")
	if err != nil {
		fmt.Fprintf(stderr, "buildcost: %v\n", err)
		return 1
	}
	if *keep {
		fmt.Fprintf(stderr, "buildcost: keeping %s\n", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	cfg := config{reps: *n, types: *types, toolexec: *wrap, gocache: *gocache, tmp: tmp, progress: stderr}
	rep, err := run(ctx, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "buildcost: %v\n", err)
		return 1
	}
	rep.print(stdout)
	return 0
}
