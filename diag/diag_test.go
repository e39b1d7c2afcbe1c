package diag

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestListSortAndError(t *testing.T) {
	var l List
	l.Add("b.rst", Pos{2, 1}, "third")
	l.Add("a.rst", Pos{3, 4}, "second")
	l.Add("a.rst", Pos{1, 9}, "first")
	l.Sort()
	require.Equal(t, "a.rst:1:9: first\na.rst:3:4: second\nb.rst:2:1: third", l.Error())
	require.Error(t, l.Err())
	require.NoError(t, List(nil).Err())
}

func TestOf(t *testing.T) {
	e := &Error{File: "x.rst", Pos: Start, Msg: "bad"}
	require.Equal(t, List{e}, Of(fmt.Errorf("wrapped: %w", e)))
	require.Equal(t, List{e, e}, Of(List{e, e}))
	require.Nil(t, Of(errors.New("plain")))
}
