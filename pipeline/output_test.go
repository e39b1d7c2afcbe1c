package pipeline

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestCheckPaths checks that output paths must be <package>/<file>.go or
// <package>/<bridge>/<file>.go inside the folder, and that paths or
// folders that differ only in case are refused.
func TestCheckPaths(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"ssm/doc.go", "ec2/doc.go"}, ""},
		{[]string{"SSM/doc.go", "ssm/doc.go"}, "output paths SSM and ssm differ only in case"},
		{[]string{"SSM/a.go", "ssm/b.go"}, "output paths SSM and ssm differ only in case"},
		{[]string{"ssm/A.go", "ssm/a.go"}, "output paths ssm/A.go and ssm/a.go differ only in case"},
		{[]string{"../evil/x.go"}, `output path "../evil/x.go" is not`},
		{[]string{"/abs/x.go"}, `output path "/abs/x.go" is not`},
		{[]string{"a/./x.go"}, `output path "a/./x.go" is not`},
		{[]string{"x.go"}, `output path "x.go" is not`},
		{[]string{"a/b/x.go"}, ""},
		{[]string{"ssm/ssmaws/a.go", "ssm/SSMaws/b.go"}, "output paths ssm/SSMaws and ssm/ssmaws differ only in case"},
		{[]string{"a/b/c/x.go"}, `output path "a/b/c/x.go" is not`},
		{[]string{"a/../b/x.go"}, `output path "a/../b/x.go" is not`},
		{[]string{"a/x.txt"}, `output path "a/x.txt" is not`},
		{[]string{`a\..\x.go`}, "is not"},
	} {
		gen := map[string][]byte{}
		for _, n := range tc.names {
			gen[n] = []byte("package p\n")
		}
		err := checkPaths(gen)
		if tc.want == "" {
			require.NoError(t, err, "%v", tc.names)
			continue
		}
		require.ErrorContains(t, err, tc.want, "%v", tc.names)
	}
}
