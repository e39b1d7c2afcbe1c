// Command gen generates typed Go packages from boto3 paginator reference
// pages.
//
// Usage:
//
//	gen [-specs dir] [-out dir] [-import path] [-aws] [-aws-sdk service=package] [-check]
//
// gen reads <service>/paginator/<Name>.rst pages and optional
// <service>/paginators.json files under the specs folder and writes one Go
// package per service under the output folder. Each package's names.txt
// records the names given to its types; gen reads it back from the output
// folder and keeps those names, so that adding a page renames nothing.
// Input errors are printed one to a line as file:line:col: message, sorted,
// and exit with status 1; no file in the output folder changes unless every
// page succeeded, nothing is written or deleted outside the output folder
// or through a symbolic link, and files whose bytes are unchanged are not
// rewritten. Services are generated in parallel, one per core at a time.
// Files that carry the generated header and are no longer generated are
// deleted. With -check, gen writes nothing and exits 1 naming every stale
// file. Misuse, a command line that cannot work whatever the files hold
// (an unknown flag, an argument, -aws-sdk without -aws, an output folder
// outside any Go module without -import), exits with status 2.
//
// Paths in messages are the folders as given on the command line, so
// that they open from the folder gen was run in; run by go generate,
// which runs gen in the folder of the //go:generate line and does not say
// where go generate itself was run, they are absolute.
//
// The work is done by package pipeline, which turns the specs into files,
// and package internal/outdir, which compares them with the output folder
// and writes them; gen parses the flags, prints, and sets the exit status.
//
// With -aws, gen also writes for each package <pkg> a package <pkg>/<pkg>aws
// whose Client implements the package's clients with aws-sdk-go-v2; a later
// run without the flag keeps the bridges the output folder has (so -check
// needs no flag), and -aws=false removes them. gen
// asks the go command which package of aws-sdk-go-v2 the output's module
// has for the service: the one named after boto3's client class name
// (CloudWatchLogs → service/cloudwatchlogs), else after boto3's service
// name (amp → service/amp); -aws-sdk names it where neither is right
// (-aws-sdk logs=cloudwatchlogs). A service whose package the module does
// not have, or whose package lacks an operation of the pages, is an error.
package main

//go:generate go run . -specs ../../specs -out ../../generated -aws

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"strings"
)

func main() {
	// The run allocates much and keeps little: each service's pages, model
	// and files are garbage once its files are staged. A heap allowed to
	// grow to five times what is live (GOGC=400) spends a quarter of the
	// collector's time for a few hundred megabytes at the peak. GOGC in
	// the environment still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(gen(os.Args[1:], os.Stdout, os.Stderr))
}

// gen is the command run with the arguments args. It returns the exit
// status: 0 on success, 1 for errors in the specs or on disk and for stale
// files under -check, 2 for misuse.
func gen(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("gen", flag.ContinueOnError)
	flags.SetOutput(stderr)
	specsDir := flags.String("specs", "specs", "the folder of spec pages")
	outDir := flags.String("out", "generated", "the folder to write the generated packages to")
	importPath := flags.String("import", "", "the import path of the output folder (default: found from go.mod)")
	check := flags.Bool("check", false, "write nothing; exit 1 naming the files that are stale")
	var aws awsFlag
	flags.Var(&aws, "aws", "write a bridge package <pkg>/<pkg>aws per service that calls aws-sdk-go-v2; -aws=false removes them; unset, each package keeps the bridge it has")
	sdkPackages := sdkFlag{}
	flags.Var(sdkPackages, "aws-sdk", "with -aws, the aws-sdk-go-v2 package of a service, as service=package (repeatable)")
	cpuProfile := flags.String("cpuprofile", "", "write a CPU profile of the run to this file")
	flags.Usage = func() {
		fmt.Fprintf(stderr, "usage: gen [-specs dir] [-out dir] [-import path] [-aws] [-aws-sdk service=package] [-check]\n")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitMisuse
	}
	if flags.NArg() > 0 {
		fmt.Fprintf(stderr, "gen: unexpected arguments: %s\n", strings.Join(flags.Args(), " "))
		flags.Usage()
		return exitMisuse
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return exitFailed
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			fmt.Fprintln(stderr, err)
			return exitFailed
		}
		defer func() {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				fmt.Fprintln(stderr, err)
			}
		}()
	}
	if len(sdkPackages) > 0 && !aws.on {
		fmt.Fprintln(stderr, "gen: -aws-sdk needs -aws")
		flags.Usage()
		return exitMisuse
	}
	return run(*specsDir, *outDir, *importPath, *check, bridges{aws, sdkPackages}, stdout, stderr)
}
