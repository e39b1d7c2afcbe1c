package pipeline

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/diag"
)

// seedPage is a page of the repository's specs.
func seedPage(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../specs/ssm/paginator/DescribeSessions.rst")
	require.NoError(t, err)
	return b
}

// TestGenerateFromMemory runs the pipeline on a file system that is no
// disk, and checks the files it returns and that a second run, given the
// first one's output as Previous, returns the same bytes.
func TestGenerateFromMemory(t *testing.T) {
	specs := fstest.MapFS{"ssm/paginator/DescribeSessions.rst": {Data: seedPage(t)}}
	opts := &Options{SpecsDir: "specs", OutDir: "out", ImportPath: "example.com/out"}
	files, err := opts.Generate(specs)
	require.NoError(t, err)
	require.Equal(t, []string{"ssm/describe_sessions.go", "ssm/describe_sessions_test.go", "ssm/doc.go", "ssm/names.txt", "ssm/types.go"}, SortedNames(files))
	for name, b := range files {
		require.True(t, strings.HasPrefix(string(b), string(Header(name))), name)
	}

	previous := fstest.MapFS{}
	for name, b := range files {
		previous[name] = &fstest.MapFile{Data: b}
	}
	opts.Previous = previous
	again, err := opts.Generate(specs)
	require.NoError(t, err)
	require.Equal(t, files, again)
}

// TestSpecLayout checks the layout of a specs folder: pages in
// <service>/paginator/, paginators.json beside that folder, any other .rst
// file an error at its place, and other files ignored.
func TestSpecLayout(t *testing.T) {
	page := seedPage(t)
	specs := fstest.MapFS{
		"ssm/paginator/DescribeSessions.rst": {Data: page},
		"ssm/paginator/Renamed.rst":          {Data: page},
		"ssm/notes.rst":                      {Data: []byte("Notes\n")},
		"ssm/paginator/deep/X.rst":           {Data: page},
		"ssm/README.md":                      {Data: []byte("# specs\n")},
		"ec2/paginator/DescribeSessions.rst": {Data: page},
	}
	services, err := Services(specs)
	require.NoError(t, err)
	require.Len(t, services, 2)
	require.Equal(t, "ec2", services[0].Name)
	require.Equal(t, []string{"ssm/notes.rst", "ssm/paginator/DescribeSessions.rst", "ssm/paginator/Renamed.rst", "ssm/paginator/deep/X.rst"}, services[1].Files)

	opts := &Options{SpecsDir: "specs", OutDir: "out", ImportPath: "example.com/out"}
	_, err = opts.Generate(specs)
	require.Equal(t, strings.Join([]string{
		`specs/ec2/paginator/DescribeSessions.rst:1:1: the page is for service "ssm" but is in folder "ec2"`,
		"specs/ssm/notes.rst:1:1: " + layoutHint,
		`specs/ssm/paginator/Renamed.rst:1:1: the page is for paginator "DescribeSessions" but is named Renamed.rst`,
		"specs/ssm/paginator/deep/X.rst:1:1: " + layoutHint,
	}, "\n"), err.Error())
	require.Len(t, diag.Of(err), 4)
}
