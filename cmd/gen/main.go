// Command gen generates typed Go packages from boto3 paginator reference
// pages.
//
// Usage:
//
//	gen [-specs dir] [-out dir] [-import path] [-check]
//
// gen reads <service>/paginator/<Name>.rst pages and optional
// <service>/paginators.json files under the specs folder and writes one Go
// package per service under the output folder. Each package's names.txt
// records the names given to its types; gen reads it back from the output
// folder and keeps those names, so that adding a page renames nothing.
// Input errors are printed as file:line:col: message and exit with status
// 1; nothing is written unless every page succeeded, and files whose bytes
// are unchanged are not rewritten. With -check, gen writes nothing and
// exits 1 naming every stale file. Misuse exits with status 2.
package main

//go:generate go run . -specs ../../specs -out ../../generated

import (
	"flag"
	"fmt"
	"log"
	"os"
)

var (
	specsDir   = flag.String("specs", "specs", "the folder of spec pages")
	outDir     = flag.String("out", "generated", "the folder to write the generated packages to")
	importPath = flag.String("import", "", "the import path of the output folder (default: found from go.mod)")
	check      = flag.Bool("check", false, "write nothing; exit 1 naming the files that are stale")
)

// usage prints the command's usage.
func usage() {
	fmt.Fprintf(os.Stderr, "usage: gen [-specs dir] [-out dir] [-import path] [-check]\n")
	flag.PrintDefaults()
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	flag.Usage = usage
	flag.Parse()
	if flag.NArg() > 0 {
		usage()
		os.Exit(2)
	}
	os.Exit(run(*specsDir, *outDir, *importPath, *check, os.Stdout, os.Stderr))
}
