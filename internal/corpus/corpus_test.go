package corpus

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFixture checks that the fixture is whole and pinned: every page and
// paginators.json has its service in the truth, every paginator of the
// truth has its page, and the versions are the pinned ones.
func TestFixture(t *testing.T) {
	specs, err := Specs()
	require.NoError(t, err)
	truth, err := LoadTruth()
	require.NoError(t, err)
	assert.Equal(t, "1.43.11", truth.Boto3)
	assert.Equal(t, "1.43.11", truth.Botocore)
	assert.Len(t, truth.Services, 338)

	pages := Pages(specs)
	assert.Len(t, pages, 3112)
	for _, name := range pages {
		svc, rest, _ := strings.Cut(name, "/")
		op := strings.TrimSuffix(strings.TrimPrefix(rest, "paginator/"), ".rst")
		require.Contains(t, truth.Services, svc, name)
		assert.Contains(t, truth.Services[svc].Paginators, op, name)
	}
	n := 0
	for svc, s := range truth.Services {
		assert.Contains(t, specs, svc+"/paginators.json")
		for op, p := range s.Paginators {
			n++
			assert.Contains(t, specs, svc+"/paginator/"+op+".rst")
			assert.NotEmpty(t, p.Config.InputToken, "%s/%s", svc, op)
			for _, m := range append(p.Input, p.Output...) {
				assert.Contains(t, s.Shapes, m.Shape, "%s/%s %s", svc, op, m.Name)
			}
		}
	}
	assert.Equal(t, len(pages), n)

	// Specs hands out a fresh map each time.
	delete(specs, pages[0])
	again, err := Specs()
	require.NoError(t, err)
	assert.Contains(t, again, pages[0])
}
