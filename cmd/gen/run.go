package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/pagegen/pagegen/internal/outdir"
	"github.com/pagegen/pagegen/pipeline"
)

// Exit statuses.
const (
	exitOK     = 0
	exitFailed = 1 // errors in the specs or on disk, or stale files under -check
	exitMisuse = 2 // a command line that cannot work, whatever the files hold
)

// run is the command after its flags: generate from the specs folder and
// write or check the output folder. It returns the exit status.
//
// The pipeline hands over each service's files as soon as they are made;
// run compares them with the output folder and stages the ones that
// changed as temporary files beside them. Only when every service
// succeeded are the staged files renamed into place and the leftovers
// deleted; otherwise the staged files are removed and the folder is as it
// was.
func run(specs, out, importBase string, check bool, br bridges, stdout, stderr io.Writer) int {
	if info, err := os.Stat(specs); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "gen: the specs folder %s does not exist; give -specs the folder that holds <service>/paginator/<Name>.rst pages\n", shown(specs))
		return exitFailed
	}
	if importBase == "" {
		var err error
		importBase, err = outdir.ImportPath(out)
		if errors.Is(err, outdir.ErrNoModule) {
			fmt.Fprintf(stderr, "gen: the output folder %s is not inside a Go module; give -import, the import path of the output folder\n", shown(out))
			return exitMisuse
		}
		if err != nil {
			fmt.Fprintln(stderr, "gen:", err)
			return exitFailed
		}
	}
	opts := &pipeline.Options{
		SpecsDir:    filepath.ToSlash(shown(specs)),
		OutDir:      filepath.ToSlash(shown(out)),
		ImportPath:  importBase,
		Previous:    outdir.FS(out),
		Bridges:     br.mode(),
		SDKPackages: br.named,
		SDK:         outdir.SDKResolver(out),
	}

	var stg *outdir.Stager
	if !check {
		stg = outdir.NewStager(out)
	}
	var (
		mu        sync.Mutex
		generated = map[string]bool{}
		stale     []string
		packages  = map[string]bool{}
	)
	err := opts.Run(os.DirFS(specs), func(files map[string][]byte) error {
		changed, err := outdir.Changed(out, files)
		if err != nil {
			return err
		}
		mu.Lock()
		for name := range files {
			generated[name] = true
			packages[filepath.Dir(filepath.FromSlash(name))] = true
		}
		if check {
			stale = append(stale, changed...)
		}
		mu.Unlock()
		if check {
			return nil
		}
		for _, name := range changed {
			if err := stg.Stage(name, files[name]); err != nil {
				return err
			}
		}
		return nil
	})
	var leftovers []string
	if err == nil {
		leftovers, err = outdir.Leftovers(out, generated)
	}
	if err != nil {
		if stg != nil {
			stg.Abort()
		}
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	if check {
		stale = append(stale, leftovers...)
		sort.Strings(stale)
		for _, s := range stale {
			fmt.Fprintf(stderr, "%s: stale\n", filepath.Join(shown(out), filepath.FromSlash(s)))
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "%d generated files are stale; run go generate ./...\n", len(stale))
			return exitFailed
		}
		fmt.Fprintf(stdout, "%d generated files are current\n", len(generated))
		return exitOK
	}
	for _, name := range leftovers {
		stg.Remove(name)
	}
	written := stg.Staged()
	if err := stg.Commit(); err != nil {
		fmt.Fprintln(stderr, err)
		return exitFailed
	}
	// Packages are counted by folder: a bridge is a package of its own.
	n := 0
	for dir := range packages {
		if filepath.Dir(dir) == "." {
			n++
		}
	}
	if written == 0 && len(leftovers) == 0 {
		fmt.Fprintf(stdout, "%s, %d files generated: all unchanged, none written\n", count(n, "package"), len(generated))
		return exitOK
	}
	fmt.Fprintf(stdout, "%s, %d files generated, %d written, %d deleted\n", count(n, "package"), len(generated), written, len(leftovers))
	return exitOK
}

// count is n and noun, plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// shown is a folder of the command line as messages name it, so that the
// paths they print can be clicked where the user ran the command. Run
// directly, gen prints the folder as given, relative to the folder the
// user is in. Run by go generate, gen runs in the folder of the
// //go:generate line, which the go command does not tell apart from the
// folder the user ran go generate ./... in (it sets PWD to the former and
// passes nothing of the latter); a path relative to it would not open from
// the user's folder, so gen prints the folder's absolute path, which opens
// from anywhere.
func shown(dir string) string {
	if !underGoGenerate() {
		return dir
	}
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// underGoGenerate reports whether go generate runs gen: it sets GOFILE and
// GOLINE for the command of a //go:generate line.
func underGoGenerate() bool {
	return os.Getenv("GOFILE") != "" && os.Getenv("GOLINE") != ""
}
