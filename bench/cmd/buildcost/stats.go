package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// median returns the median of xs: the middle value, or the mean of the two
// middle values when len(xs) is even. It returns zero for no values.
func median[T ~int64 | ~float64](xs []T) T {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	mid := len(s) / 2
	if len(s)%2 == 1 {
		return s[mid]
	}
	return s[mid-1] + (s[mid]-s[mid-1])/2
}

// column returns f of each result of runs.
func column[T any](runs []result, f func(result) T) []T {
	out := make([]T, len(runs))
	for i, r := range runs {
		out[i] = f(r)
	}
	return out
}

// lineCount is the size of one package folder's Go source.
type lineCount struct {
	label                string
	ops                  int // the operations its package serves
	files, lines         int // non-test .go files and their lines
	testFiles, testLines int // _test.go files and their lines
}

// countLines counts the .go files directly in dir and their lines, test
// files apart.
func countLines(dir string) (lineCount, error) {
	c := lineCount{}
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return c, err
	}
	if len(files) == 0 {
		return c, fmt.Errorf("no .go files in %s", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return c, fmt.Errorf("counting lines: %w", err)
		}
		n := lines(data)
		if strings.HasSuffix(f, "_test.go") {
			c.testFiles++
			c.testLines += n
		} else {
			c.files++
			c.lines += n
		}
	}
	return c, nil
}

// lines returns the number of lines in data, a last line without a newline
// included.
func lines(data []byte) int {
	n := bytes.Count(data, []byte("\n"))
	if len(data) > 0 && data[len(data)-1] != '\n' {
		n++
	}
	return n
}

// mib formats n bytes in mebibytes, or "-" for zero.
func mib(n int64) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", float64(n)/(1<<20))
}

// ratio returns a / b, or 0 when b is 0.
func ratio(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
