package bridge

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// measure runs f in b's loop, fails b when it fails, and reports, beside
// ns/op, B/op and allocs/op, the process's CPU time (user and system, of
// every thread: the collector's background work included) per
// operation as cpu-ns/op.
func measure(b *testing.B, f func() error) {
	b.ReportAllocs()
	before, ok := cpuTime()
	for b.Loop() {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	if after, _ := cpuTime(); ok {
		b.ReportMetric(float64(after-before)/float64(b.N), "cpu-ns/op")
	}
}

// BenchmarkCall calls each recorded operation over its recording in the
// three ways: path=sdk, the SDK's client alone with the SDK's input;
// path=bridge, the generated bridge's Client over the same SDK client
// with the pagegen input; path=conversion, the bridge's conversions
// alone, of the pagegen input to the SDK's and of the SDK's output of one
// call to pagegen's. Where the operation has conversions written by hand,
// path=handwritten runs them.
func BenchmarkCall(b *testing.B) {
	ctx := context.Background()
	for _, op := range operations {
		c := open(b, op)
		b.Run("op="+op.name, func(b *testing.B) {
			b.Run("path=sdk", func(b *testing.B) { measure(b, func() error { return c.sdk(ctx) }) })
			b.Run("path=bridge", func(b *testing.B) { measure(b, func() error { return c.bridge(ctx) }) })
			b.Run("path=conversion", func(b *testing.B) { measure(b, c.convert) })
			if f := c.handwritten(); f != nil {
				b.Run("path=handwritten", func(b *testing.B) { measure(b, f) })
			}
		})
	}
}

// BenchmarkRatio measures, for each operation, the ratios the goal is
// stated in, with the ways of BenchmarkCall timed in turn, one of each
// per iteration, in an order that rotates: conv/sdk is the conversions'
// time over the SDK call's, bridge-extra/sdk is the bridge call's time
// less the SDK call's, over the SDK call's, and handwritten/sdk, where
// the operation has conversions written by hand, is theirs over the SDK
// call's. A load that changes from one second to the next falls on all
// of them alike, where it can move separate benchmarks by tens of
// percent on a shared machine.
func BenchmarkRatio(b *testing.B) {
	ctx := context.Background()
	for _, op := range operations {
		c := open(b, op)
		b.Run("op="+op.name, func(b *testing.B) {
			// sdk, conversion, bridge, and the conversions by hand.
			fns := []func() error{
				func() error { return c.sdk(ctx) },
				c.convert,
				func() error { return c.bridge(ctx) },
			}
			if f := c.handwritten(); f != nil {
				fns = append(fns, f)
			}
			t := make([]time.Duration, len(fns))
			turn := 0
			for b.Loop() {
				for k := range fns {
					i := (turn + k) % len(fns)
					start := time.Now()
					if err := fns[i](); err != nil {
						b.Fatal(err)
					}
					t[i] += time.Since(start)
				}
				turn = (turn + 1) % len(fns)
			}
			b.ReportMetric(float64(t[1])/float64(t[0]), "conv/sdk")
			b.ReportMetric(float64(t[2]-t[0])/float64(t[0]), "bridge-extra/sdk")
			if len(t) > 3 {
				b.ReportMetric(float64(t[3])/float64(t[0]), "handwritten/sdk")
			}
		})
	}
}

// BenchmarkReplay measures the replaying HTTP client alone, which
// BenchmarkCall's path=sdk and path=bridge include: a copy of the
// recorded header and a reader over the body per call.
func BenchmarkReplay(b *testing.B) {
	for _, op := range operations {
		r, err := load(op.name)
		require.NoError(b, err)
		p := newReplay(r)
		req, err := http.NewRequest(http.MethodGet, "https://example.com/", nil)
		require.NoError(b, err)
		b.Run("op="+op.name, func(b *testing.B) {
			measure(b, func() error {
				_, err := p.Do(req)
				return err
			})
		})
	}
}
