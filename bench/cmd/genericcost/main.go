// Command genericcost measures why paginate, the runtime of generated
// code, is not generic: a generic runtime instantiated with each
// paginator's own structures makes Go compile a copy of the runtime for
// every paginator, since Go compiles generic code once per distinct shape
// of its type arguments and every structure has a shape of its own.
//
// It writes two small runtimes with the same walk (tokens, a MaxItems cut,
// Pages and Items) and a synthetic package of n paginators for each into a
// temporary module, and times go build of each package, interleaved, with
// the build cache warm for everything but the package itself (a fresh
// nonce file forces it):
//
//   - generic: a runtime with a generic Spec and Pager, instantiated with
//     each paginator's input, output and item structures, as pagegen
//     generated paginators before;
//   - plain: a runtime that holds pages as any, with the typed NextPage,
//     Pages and Items methods in the package itself, as pagegen generates
//     paginators now.
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
	work, err := os.MkdirTemp("", "pagegen-genericcost-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	files := map[string]string{
		"go.mod":                 "module genericcost\n\ngo 1.26\n",
		"genericrt/genericrt.go": genericRuntime,
		"plainrt/plainrt.go":     plainRuntime,
		"generic/generic.go":     genericPackage(n),
		"plain/plain.go":         plainPackage(n),
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

// genericRuntime is a runtime with a generic Spec and Pager.
const genericRuntime = `package genericrt

import (
	"context"
	"iter"
)

type Spec[In, Out, Item any] struct {
	InputTokens  []string
	Items        func(out *Out) []Item
	SetItems     func(out *Out, items []Item)
	OutputTokens func(out *Out, dst []string)
	SetTokens    func(in *In, t []string)
}

type Pager[In, Out, Item any] struct {
	spec       *Spec[In, Out, Item]
	call       func(context.Context, *In) (*Out, error)
	in         In
	max, total int
	done       bool
	tok        []string
}

func New[In, Out, Item any](spec *Spec[In, Out, Item], call func(context.Context, *In) (*Out, error), in *In, maxItems int) *Pager[In, Out, Item] {
	p := &Pager[In, Out, Item]{spec: spec, call: call, max: maxItems, tok: make([]string, len(spec.InputTokens))}
	if in != nil {
		p.in = *in
	}
	return p
}

func (p *Pager[In, Out, Item]) HasMorePages() bool { return !p.done }

func (p *Pager[In, Out, Item]) NextPage(ctx context.Context) (*Out, error) {
	out, err := p.call(ctx, &p.in)
	if err != nil {
		return nil, err
	}
	return p.handle(out), nil
}

func (p *Pager[In, Out, Item]) handle(out *Out) *Out {
	items := p.spec.Items(out)
	if p.max > 0 && p.total+len(items) > p.max {
		o := *out
		p.spec.SetItems(&o, items[:p.max-p.total])
		p.done = true
		return &o
	}
	p.total += len(items)
	p.spec.OutputTokens(out, p.tok)
	p.done = p.tok[0] == ""
	p.spec.SetTokens(&p.in, p.tok)
	return out
}

func (p *Pager[In, Out, Item]) Pages(ctx context.Context) iter.Seq2[*Out, error] {
	return func(yield func(*Out, error) bool) {
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if !yield(out, err) || err != nil {
				return
			}
		}
	}
}

func (p *Pager[In, Out, Item]) Items(ctx context.Context) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for p.HasMorePages() {
			out, err := p.NextPage(ctx)
			if err != nil {
				var zero Item
				yield(zero, err)
				return
			}
			items := p.spec.Items(out)
			for i := range items {
				if !yield(items[i], nil) {
					return
				}
			}
		}
	}
}
`

// plainRuntime is the same runtime holding pages as any.
const plainRuntime = `package plainrt

import "context"

type Spec struct {
	InputTokens  []string
	Len          func(out any) int
	Cut          func(out any, i, j int) any
	OutputTokens func(out any, dst []string)
	SetTokens    func(in any, t []string)
}

type Pager struct {
	spec       *Spec
	call       func(context.Context, any) (any, error)
	in         any
	max, total int
	done       bool
	tok        []string
}

func New(spec *Spec, call func(context.Context, any) (any, error), in any, maxItems int) *Pager {
	return &Pager{spec: spec, call: call, in: in, max: maxItems, tok: make([]string, len(spec.InputTokens))}
}

func (p *Pager) HasMorePages() bool { return !p.done }

func (p *Pager) NextPage(ctx context.Context) (any, error) {
	out, err := p.call(ctx, p.in)
	if err != nil {
		return nil, err
	}
	return handle(p, out), nil
}

func handle(p *Pager, out any) any {
	n := p.spec.Len(out)
	if p.max > 0 && p.total+n > p.max {
		p.done = true
		return p.spec.Cut(out, 0, p.max-p.total)
	}
	p.total += n
	p.spec.OutputTokens(out, p.tok)
	p.done = p.tok[0] == ""
	p.spec.SetTokens(p.in, p.tok)
	return out
}
`

// genericPackage is n paginators on the generic runtime.
func genericPackage(n int) string {
	var b strings.Builder
	b.WriteString("package generic\n\nimport (\n\t\"context\"\n\n\t\"genericcost/genericrt\"\n)\n")
	for i := range n {
		fmt.Fprintf(&b, typesOf, i)
		fmt.Fprintf(&b, `
var spec%[1]d = &genericrt.Spec[In%[1]d, Out%[1]d, Item%[1]d]{
	InputTokens:  []string{"NextToken"},
	Items:        func(out *Out%[1]d) []Item%[1]d { return out.Items },
	SetItems:     func(out *Out%[1]d, items []Item%[1]d) { out.Items = items },
	OutputTokens: func(out *Out%[1]d, t []string) { t[0] = out.NextToken },
	SetTokens:    func(in *In%[1]d, t []string) { in.NextToken = t[0] },
}

type Paginator%[1]d struct {
	*genericrt.Pager[In%[1]d, Out%[1]d, Item%[1]d]
}

func NewPaginator%[1]d(call func(context.Context, *In%[1]d) (*Out%[1]d, error), in *In%[1]d, maxItems int) *Paginator%[1]d {
	return &Paginator%[1]d{genericrt.New(spec%[1]d, call, in, maxItems)}
}
`, i)
	}
	return b.String()
}

// plainPackage is the same n paginators on the runtime that is not
// generic, with their typed methods.
func plainPackage(n int) string {
	var b strings.Builder
	b.WriteString("package plain\n\nimport (\n\t\"context\"\n\t\"iter\"\n\n\t\"genericcost/plainrt\"\n)\n")
	for i := range n {
		fmt.Fprintf(&b, typesOf, i)
		fmt.Fprintf(&b, `
var spec%[1]d = &plainrt.Spec{
	InputTokens:  []string{"NextToken"},
	Len:          func(out any) int { return len(out.(*Out%[1]d).Items) },
	Cut:          func(out any, i, j int) any { o := *out.(*Out%[1]d); o.Items = o.Items[i:j]; return &o },
	OutputTokens: func(out any, t []string) { t[0] = out.(*Out%[1]d).NextToken },
	SetTokens:    func(in any, t []string) { in.(*In%[1]d).NextToken = t[0] },
}

type Paginator%[1]d struct {
	*plainrt.Pager
}

func NewPaginator%[1]d(call func(context.Context, *In%[1]d) (*Out%[1]d, error), in *In%[1]d, maxItems int) *Paginator%[1]d {
	var c In%[1]d
	if in != nil {
		c = *in
	}
	return &Paginator%[1]d{plainrt.New(spec%[1]d, func(ctx context.Context, in any) (any, error) { return call(ctx, in.(*In%[1]d)) }, &c, maxItems)}
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

// median returns the median of v (the upper one of an even number).
func median[T int64 | time.Duration](v []T) T {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
