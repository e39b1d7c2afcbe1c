package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMeasure(t *testing.T) {
	dir := t.TempDir()
	src := `// Package p is a package.
package p

// Filter: Describes a filter, as SSM.Client.describe_sessions takes it, in a sentence that goes on and on.
type Filter struct {
	// Key is the key.
	Key string
}

// New returns a filter.
func New() Filter { return Filter{} }

// NewFilterWithAVeryLongNameThatLeavesNoRoomForAnythingElseOnItsFirstLineAtAll
// returns a filter.
func NewFilterWithAVeryLongNameThatLeavesNoRoomForAnythingElseOnItsFirstLineAtAll() {}

// See the [guide].
//
// [guide]: https://docs.aws.amazon.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all.html
func Guide() {}

// value is unexported.
func value() {}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p.go"), []byte(src), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "p_test.go"), []byte("package p\n\n// Test: a very long comment line in a test file, which is not measured at all, as it says here.\nfunc Test() {}\n"), 0o644))
	s, err := measure(dir)
	require.NoError(t, err)
	require.Equal(t, stats{
		Lines: 10, Over80: 2, LinkDefs: 1, Over100: 1, Longest: 107, Python: 1,
		Names: 4, Colon: 1, NotName: 2,
	}, s)
}
