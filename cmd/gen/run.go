package main

import (
	"bytes"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/model"
	"github.com/pagegen/pagegen/parser"
)

// run is the whole command: read the specs, generate, and write or check
// the output folder. It returns the exit status.
//
// Services are generated one at a time on each of GOMAXPROCS workers, the
// largest first, so that memory holds a few services rather than all of
// them: each worker reads a service's spec files and its names file,
// generates its package, compares the files with the output folder and
// stages the ones that changed as temporary files beside them. Only when
// every service succeeded are the staged files renamed into place and the
// leftovers deleted; otherwise the staged files are removed and the folder
// is as it was.
func run(specs, out, importBase string, check bool, br bridges, stdout, stderr io.Writer) int {
	groups, err := listSpecs(specs)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if len(groups) == 0 {
		fmt.Fprintf(stderr, "%s: no spec pages found\n", specs)
		return 1
	}
	if importBase == "" {
		importBase, err = modulePath(out)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
	}
	specsSlash, outSlash := filepath.ToSlash(specs), filepath.ToSlash(out)
	errs := packageConflicts(specsSlash, groups)

	var stg *stager
	if !check {
		stg = newStager(out)
	}
	results := make([]serviceResult, len(groups))
	order := make([]int, len(groups))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return groups[order[i]].size > groups[order[j]].size })
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(groups)) {
		wg.Go(func() {
			for i := range next {
				results[i] = generateService(specs, specsSlash, out, outSlash, importBase, groups[i], br, stg)
			}
		})
	}
	for _, i := range order {
		next <- i
	}
	close(next)
	wg.Wait()

	var other []string
	generated := map[string]bool{}
	var stale []string
	packages := 0
	for _, r := range results {
		var list diag.List
		switch {
		case r.err == nil:
		case errors.As(r.err, &list):
			errs = append(errs, list...)
		default:
			other = append(other, r.err.Error())
		}
		for _, name := range r.files {
			generated[name] = true
		}
		if len(r.files) > 0 {
			packages++
		}
		stale = append(stale, r.stale...)
	}
	if len(errs) > 0 || len(other) > 0 {
		if stg != nil {
			stg.abort()
		}
		errs.Sort()
		for _, e := range errs {
			fmt.Fprintln(stderr, e)
		}
		for _, e := range other {
			fmt.Fprintln(stderr, e)
		}
		return 1
	}
	leftovers, err := leftoverFiles(out, generated)
	if err != nil {
		if stg != nil {
			stg.abort()
		}
		fmt.Fprintln(stderr, err)
		return 1
	}
	if check {
		stale = append(stale, leftovers...)
		sort.Strings(stale)
		for _, s := range stale {
			fmt.Fprintf(stderr, "%s: stale\n", filepath.Join(out, filepath.FromSlash(s)))
		}
		if len(stale) > 0 {
			fmt.Fprintf(stderr, "%d generated files are stale; run go generate ./...\n", len(stale))
			return 1
		}
		fmt.Fprintf(stdout, "%d generated files are current\n", len(generated))
		return 0
	}
	for _, name := range leftovers {
		stg.remove(name)
	}
	written := stg.staged()
	if err := stg.commit(); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if written == 0 && len(leftovers) == 0 {
		fmt.Fprintf(stdout, "%s, %d files generated: all unchanged, none written\n", count(packages, "package"), len(generated))
		return 0
	}
	fmt.Fprintf(stdout, "%s, %d files generated, %d written, %d deleted\n", count(packages, "package"), len(generated), written, len(leftovers))
	return 0
}

// count is n and noun, plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// bridges says which packages get a bridge to aws-sdk-go-v2: the -aws and
// -aws-sdk flags.
type bridges struct {
	aws   awsFlag
	named map[string]string // -aws-sdk: service → SDK package
}

// resolver returns the SDK resolver for service, or nil when its package
// gets no bridge: with -aws every package gets one, with -aws=false none,
// and without the flag a package keeps the bridge the output folder has,
// to the same SDK package.
func (b bridges) resolver(out, service string) (model.SDKResolver, error) {
	named := b.named
	switch {
	case b.aws.set && !b.aws.on:
		return nil, nil
	case !b.aws.set:
		sdk, err := bridgeSDK(out, model.PackageName(service))
		if err != nil || sdk == "" {
			return nil, err
		}
		named = map[string]string{service: sdk}
	}
	return goListResolver(out, named), nil
}

// specGroup is the spec files of one folder of the specs folder, which
// names a service.
type specGroup struct {
	service string
	files   []string // slash paths under the specs folder, sorted
	size    int64    // their bytes in all
}

// listSpecs finds the spec files under dir (<service>/paginator/*.rst and
// <service>/paginators.json, by slash path under dir) and groups them by
// service folder, in order of service.
func listSpecs(dir string) ([]specGroup, error) {
	var groups []specGroup
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if !strings.HasSuffix(rel, ".rst") && path.Base(rel) != "paginators.json" {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		service, _, _ := strings.Cut(rel, "/")
		if n := len(groups); n == 0 || groups[n-1].service != service {
			groups = append(groups, specGroup{service: service})
		}
		g := &groups[len(groups)-1]
		g.files = append(g.files, rel)
		g.size += info.Size()
		return nil
	})
	return groups, err
}

// readGroup reads the files of g into files.
func readGroup(dir string, g specGroup, files map[string][]byte) error {
	for _, name := range g.files {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return err
		}
		files[name] = b
	}
	return nil
}

// packageConflicts reports the services that would make the same package
// as an earlier one (see model.PackageClashes), at their first spec file:
// the model sees one service at a time here.
func packageConflicts(dir string, groups []specGroup) diag.List {
	services := make([]string, len(groups))
	first := map[string]string{}
	for i, g := range groups {
		services[i] = g.service
		first[g.service] = g.files[0]
	}
	var errs diag.List
	for _, c := range model.PackageClashes(services) {
		errs = append(errs, &diag.Error{File: path.Join(dir, first[c.Service]), Pos: parser.Pos{Line: 1, Col: 1}, Msg: c.Error()})
	}
	return errs
}

// serviceResult is what generating one service gave.
type serviceResult struct {
	files []string // the files generated, by slash path under the output folder
	stale []string // under -check, those that differ from the output folder
	err   error
}

// generateService generates the package of one service group and compares
// its files with the output folder: with a stager, the files that differ
// are staged; without one (-check), they are reported stale. specs and out
// are the folders as the disk knows them, specsSlash and outSlash as
// errors name them.
func generateService(specs, specsSlash, out, outSlash, importBase string, g specGroup, br bridges, stg *stager) serviceResult {
	files := make(map[string][]byte, len(g.files))
	if err := readGroup(specs, g, files); err != nil {
		return serviceResult{err: err}
	}
	prev, err := readNames(out, model.PackageName(g.service))
	if err != nil {
		return serviceResult{err: err}
	}
	resolve, err := br.resolver(out, g.service)
	if err != nil {
		return serviceResult{err: err}
	}
	gen, err := generate(specsSlash, files, outSlash, prev, importBase, resolve)
	if err == nil {
		err = checkPaths(gen)
	}
	if err != nil {
		return serviceResult{err: err}
	}
	changed, err := changedFiles(out, gen)
	if err != nil {
		return serviceResult{err: err}
	}
	r := serviceResult{files: sortedNames(gen)}
	if stg == nil {
		r.stale = changed
		return r
	}
	for _, name := range changed {
		if err := stg.stage(name, gen[name]); err != nil {
			return serviceResult{err: err}
		}
	}
	return r
}

// modulePath finds the import path of dir from the go.mod above it.
func modulePath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; d = filepath.Dir(d) {
		b, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if mod, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
					rel, err := filepath.Rel(d, abs)
					if err != nil {
						return "", err
					}
					return path.Join(strings.TrimSpace(mod), filepath.ToSlash(rel)), nil
				}
			}
			return "", fmt.Errorf("%s: no module line", filepath.Join(d, "go.mod"))
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("%s: not inside a Go module; give -import", dir)
		}
	}
}

// checkPaths checks the paths of the generated files before anything is
// read or written: each must be a plain local path, <package>/<file> or
// <package>/<bridge>/<file> for a package's aws-sdk-go-v2 bridge, and no
// two may differ only in case, in their folders or as a whole, which on a
// case-insensitive disk would be one file.
func checkPaths(gen map[string][]byte) error {
	var errs []string
	folded := map[string]string{}
	fold := func(p string) {
		if other, ok := folded[strings.ToLower(p)]; ok && other != p {
			errs = append(errs, fmt.Sprintf("output paths %s and %s differ only in case", other, p))
			return
		}
		folded[strings.ToLower(p)] = p
	}
	for _, name := range sortedNames(gen) {
		parts := strings.Split(name, "/")
		if len(parts) < 2 || len(parts) > 3 || header(parts[len(parts)-1]) == nil ||
			!filepath.IsLocal(filepath.FromSlash(name)) || path.Clean(name) != name ||
			strings.ContainsAny(name, `\:`) {
			errs = append(errs, fmt.Sprintf("output path %q is not <package>/<file>.go, <package>/<bridge>/<file>.go or <package>/names.txt inside the output folder", name))
			continue
		}
		for i := 1; i <= len(parts); i++ {
			fold(strings.Join(parts[:i], "/"))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "\n"))
	}
	return nil
}

func sortedNames(gen map[string][]byte) []string {
	names := make([]string, 0, len(gen))
	for name := range gen {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// changedFiles compares the generated files of one package with the
// output folder and returns those that are missing or differ, sorted.
// Everything is read through an os.Root of the folder, and symbolic links
// are not followed: a link where a generated file or its folder goes is an
// error.
func changedFiles(out string, gen map[string][]byte) ([]string, error) {
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		return sortedNames(gen), nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()

	var changed []string
	for _, name := range sortedNames(gen) {
		exists, err := noLinks(root, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(out, filepath.FromSlash(name)), err)
		}
		if exists {
			old, err := root.ReadFile(name)
			if err != nil {
				return nil, err
			}
			if bytes.Equal(old, gen[name]) {
				continue
			}
		}
		changed = append(changed, name)
	}
	return changed, nil
}

// leftoverFiles returns the regular files of the output folder that carry
// the generated header but are not among the generated files, sorted. The
// search does not enter linked folders.
func leftoverFiles(out string, generated map[string]bool) ([]string, error) {
	root, err := os.OpenRoot(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer root.Close()
	var leftovers []string
	err = fs.WalkDir(root.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || header(p) == nil || generated[p] {
			return err
		}
		ok, err := hasHeader(root, p)
		if ok {
			leftovers = append(leftovers, p)
		}
		return err
	})
	sort.Strings(leftovers)
	return leftovers, err
}

// errLink is the error for a symbolic link where gen would write.
var errLink = errors.New("is a symbolic link; gen writes nothing through one")

// noLinks checks the path of a generated file in the output folder: no
// folder on the way may be a symbolic link or other than a folder, and the
// file, if it exists, must be a regular file. It reports whether it exists.
func noLinks(root *os.Root, name string) (exists bool, err error) {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		info, err := root.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return false, nil
		}
		switch {
		case err != nil:
			return false, err
		case info.Mode()&fs.ModeSymlink != 0:
			return false, fmt.Errorf("%s %w", p, errLink)
		case i < len(parts)-1 && !info.IsDir():
			return false, fmt.Errorf("%s is not a folder", p)
		case i == len(parts)-1 && !info.Mode().IsRegular():
			return false, fmt.Errorf("%s is not a regular file", p)
		}
	}
	return true, nil
}

// hasHeader reports whether the file starts with the generated header.
func hasHeader(root *os.Root, name string) (bool, error) {
	f, err := root.Open(name)
	if err != nil {
		return false, err
	}
	defer f.Close()
	want := header(name)
	b := make([]byte, len(want))
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return want != nil && bytes.Equal(b[:n], want), err
}

// mkdirs makes the folder dir inside root and any folder above it that is
// missing, and returns the folders it made, outermost first.
func mkdirs(root *os.Root, dir string) ([]string, error) {
	var made []string
	parts := strings.Split(dir, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		err := root.Mkdir(p, 0o755)
		switch {
		case err == nil:
			made = append(made, p)
		case !errors.Is(err, fs.ErrExist):
			return made, err
		}
	}
	return made, nil
}

// writeTemp writes data to a new temporary file in folder dir of root,
// with mode 0644, and returns its name.
func writeTemp(root *os.Root, dir string, data []byte) (string, error) {
	for {
		name := path.Join(dir, ".pagegen-"+rand.Text())
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		_, err = f.Write(data)
		if err == nil {
			err = f.Chmod(0o644)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			root.Remove(name)
			return "", err
		}
		return name, nil
	}
}
