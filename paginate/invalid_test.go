package paginate

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestUnionSetWithoutPath(t *testing.T) {
	require.Equal(t, "exactly one member must be set, got 3 (A, B, C)", UnionSet{Set: []string{"A", "B", "C"}}.String())
}
