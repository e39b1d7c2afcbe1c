// Command genericcost measures what stands behind the compile cost of a
// generated package with many paginators: each paginator instantiates the
// runtime's generic Pager with structures of its own, and Go compiles a
// generic type's methods once per distinct shape of its type arguments.
//
// It writes two synthetic packages of n paginators each into a temporary
// module and times go build of each, interleaved, with the build cache warm
// for everything but the package itself (a fresh nonce file forces it):
//
//   - generic: what pagegen generates today, a paginate.Spec and a
//     *paginate.Pager instantiated with the paginator's own input, output
//     and item structures;
//   - plain: the same paginators written against a non-generic runtime that
//     holds pages as any, with typed NextPage, Pages and Items methods in
//     the package itself.
//
// Usage, from the bench folder:
//
//	go run ./cmd/genericcost [-n 171] [-runs 3]
package main

import (
	"bytes"
	"crypto/rand"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 171, "paginators in each synthetic package")
	runs := flag.Int("runs", 3, "builds of each package, interleaved")
	flag.Parse()
	if err := run(*n, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "genericcost:", err)
		os.Exit(1)
	}
}

func run(n, runs int) error {
	root, err := output("go", "list", "-m", "-f", "{{.Dir}}", "github.com/pagegen/pagegen")
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "pagegen-genericcost-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	mod := "module genericcost\n\ngo 1.26\n\nrequire github.com/pagegen/pagegen v0.0.0\n\nreplace github.com/pagegen/pagegen => " + strings.TrimSpace(root) + "\n"
	files := map[string]string{
		"go.mod":             mod,
		"generic/generic.go": genericPackage(n),
		"plain/plain.go":     plainPackage(n),
	}
	for name, src := range files {
		p := filepath.Join(work, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			return err
		}
	}
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = work
	if b, err := tidy.CombinedOutput(); err != nil {
		return fmt.Errorf("go mod tidy: %w\n%s", err, b)
	}
	build := func(pkg string) (time.Duration, int64, error) {
		nonce := filepath.Join(work, pkg, "zz_nonce.go")
		if err := os.WriteFile(nonce, []byte("package "+pkg+" // "+rand.Text()+"\n"), 0o644); err != nil {
			return 0, 0, err
		}
		defer os.Remove(nonce)
		cmd := exec.Command("go", "build", "./"+pkg)
		cmd.Dir = work
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, 0, fmt.Errorf("go build ./%s: %w\n%s", pkg, err, stderr.String())
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		return time.Since(start), ru.Maxrss * 1024, nil
	}
	pkgs := []string{"generic", "plain"}
	for _, pkg := range pkgs { // warm the cache: the runtime and the standard library
		if _, _, err := build(pkg); err != nil {
			return err
		}
	}
	times := map[string][]time.Duration{}
	peaks := map[string][]int64{}
	for i := range runs {
		for j := range pkgs {
			pkg := pkgs[(i+j)%len(pkgs)]
			d, rss, err := build(pkg)
			if err != nil {
				return err
			}
			times[pkg] = append(times[pkg], d)
			peaks[pkg] = append(peaks[pkg], rss)
		}
	}
	fmt.Printf("%d synthetic paginators per package, %d interleaved builds of each (go build, cache warm but for the package)\n\n", n, runs)
	fmt.Printf("| package | build median | per paginator | peak RSS median |\n|---|---|---|---|\n")
	for _, pkg := range pkgs {
		d, rss := median(times[pkg]), median(peaks[pkg])
		fmt.Printf("| %s | %.2f s | %.1f ms | %.0f MiB |\n", pkg, d.Seconds(), float64(d.Milliseconds())/float64(n), float64(rss)/(1<<20))
	}
	fmt.Printf("\nplain / generic: build time %.2f, peak RSS %.2f\n",
		median(times["plain"]).Seconds()/median(times["generic"]).Seconds(), float64(median(peaks["plain"]))/float64(median(peaks["generic"])))
	return nil
}

// typesOf declares paginator %[1]d's input, output and item: structures
// of its own, as each generated paginator has.
const typesOf = `
type In%[1]d struct {
	A%[1]d         string
	NextToken  string
	MaxResults *int64
}

type Out%[1]d struct {
	Items     []Item%[1]d
	NextToken string
}

type Item%[1]d struct {
	ID string
	V%[1]d int
}
`

// genericPackage is n paginators as pagegen generates them: types of their
// own, a paginate.Spec and a generic Pager.
func genericPackage(n int) string {
	var b strings.Builder
	b.WriteString("package generic\n\nimport (\n\t\"context\"\n\n\t\"github.com/pagegen/pagegen/paginate\"\n)\n")
	for i := range n {
		fmt.Fprintf(&b, typesOf, i)
		fmt.Fprintf(&b, `
var spec%[1]d = &paginate.Spec[In%[1]d, Out%[1]d, Item%[1]d]{
	InputTokens:  []string{"NextToken"},
	Items:        func(out *Out%[1]d) []Item%[1]d { return out.Items },
	OutputTokens: func(out *Out%[1]d, t []string) { t[0] = out.NextToken },
	SetItems:     func(out *Out%[1]d, items []Item%[1]d) { out.Items = items },
	SetLimit:     func(in *In%[1]d, n int) { in.MaxResults = new(int64(n)) },
	SetTokens:    func(in *In%[1]d, t []string) { in.NextToken = t[0] },
}

type Paginator%[1]d struct {
	*paginate.Pager[In%[1]d, Out%[1]d, Item%[1]d]
}

func NewPaginator%[1]d(call func(context.Context, *In%[1]d) (*Out%[1]d, error), in *In%[1]d) *Paginator%[1]d {
	return &Paginator%[1]d{paginate.New(spec%[1]d, call, in)}
}
`, i)
	}
	return b.String()
}

// plainPackage is the same n paginators against a runtime that is not
// generic: the pages are held as any, and the typed methods are the
// package's own.
func plainPackage(n int) string {
	var b strings.Builder
	b.WriteString(`package plain

import (
	"context"
	"iter"
)

// Spec and Pager stand for a runtime that is not generic.
type Spec struct {
	InputTokens  []string
	Count        func(out any) int
	Cut          func(out any, i, j int) any
	OutputTokens func(out any, dst []string)
	SetLimit     func(in any, n int)
	SetTokens    func(in any, t []string)
}

type Pager struct {
	spec *Spec
	call func(context.Context, any) (any, error)
	in   any
	done bool
	tok  []string
}

func NewPager(spec *Spec, call func(context.Context, any) (any, error), in any) *Pager {
	return &Pager{spec: spec, call: call, in: in, tok: make([]string, len(spec.InputTokens))}
}

func (p *Pager) HasMorePages() bool { return !p.done }

func (p *Pager) NextPage(ctx context.Context) (any, error) {
	out, err := p.call(ctx, p.in)
	if err != nil {
		return nil, err
	}
	p.spec.OutputTokens(out, p.tok)
	p.done = p.tok[0] == ""
	p.spec.SetTokens(p.in, p.tok)
	return out, nil
}
`)
	for i := range n {
		fmt.Fprintf(&b, typesOf, i)
		fmt.Fprintf(&b, `
var spec%[1]d = &Spec{
	InputTokens:  []string{"NextToken"},
	Count:        func(out any) int { return len(out.(*Out%[1]d).Items) },
	Cut:          func(out any, i, j int) any { o := *out.(*Out%[1]d); o.Items = o.Items[i:j]; return &o },
	OutputTokens: func(out any, t []string) { t[0] = out.(*Out%[1]d).NextToken },
	SetLimit:     func(in any, n int) { in.(*In%[1]d).MaxResults = new(int64(n)) },
	SetTokens:    func(in any, t []string) { in.(*In%[1]d).NextToken = t[0] },
}

type Paginator%[1]d struct {
	*Pager
}

func NewPaginator%[1]d(call func(context.Context, *In%[1]d) (*Out%[1]d, error), in *In%[1]d) *Paginator%[1]d {
	c := *in
	return &Paginator%[1]d{NewPager(spec%[1]d, func(ctx context.Context, in any) (any, error) { return call(ctx, in.(*In%[1]d)) }, &c)}
}

func (p *Paginator%[1]d) NextPage(ctx context.Context) (*Out%[1]d, error) {
	out, err := p.Pager.NextPage(ctx)
	if err != nil {
		return nil, err
	}
	return out.(*Out%[1]d), nil
}

func (p *Paginator%[1]d) Pages(ctx context.Context) iter.Seq2[*Out%[1]d, error] {
	return func(yield func(*Out%[1]d, error) bool) {
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if !yield(out, err) || err != nil {
				return
			}
		}
	}
}

func (p *Paginator%[1]d) Items(ctx context.Context) iter.Seq2[Item%[1]d, error] {
	return func(yield func(Item%[1]d, error) bool) {
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				yield(Item%[1]d{}, err)
				return
			}
			for k := range out.Items {
				if !yield(out.Items[k], nil) {
					return
				}
			}
		}
	}
}
`, i)
	}
	return b.String()
}

// output runs a command and returns what it printed.
func output(name string, args ...string) (string, error) {
	b, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, b)
	}
	return string(b), nil
}

// median returns the median of v (the upper one of an even number).
func median[T int64 | time.Duration](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
