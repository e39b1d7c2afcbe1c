package shape

import (
	"testing"

	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/require"
)

// TestProbeErrorsInLists checks that the errors of ReadListItem and
// ReadMapKey reach smithy.ReadList and smithy.ReadMap, which ignore an
// error returned with ok false.
func TestProbeErrorsInLists(t *testing.T) {
	p := &probe{steps: []step{{kind: stepField, field: "X"}}}
	err := smithy.ReadList(p, nil, func() error { return nil })
	require.EqualError(t, err, "the SDK's deserializer called ReadList where .X was expected")

	p = &probe{steps: []step{{kind: stepKey}}}
	require.NoError(t, p.ReadMap(nil))
	p.steps[0].kind = stepItem
	err = smithy.ReadMap(p, nil, func(string) error { return nil })
	require.EqualError(t, err, "the SDK's deserializer called ReadMap where [0] was expected")

	p = &probe{steps: []step{{kind: stepItem}}}
	require.NoError(t, p.ReadList(nil))
	p.steps[0].kind = stepKey
	ok, err := p.ReadListItem(nil)
	require.True(t, ok, "an error comes with ok, or smithy.ReadList drops it")
	require.Error(t, err)
	_, ok, err = p.ReadMapKey(nil)
	require.True(t, ok)
	require.Error(t, err)
}

// TestProbeAfterAnswer checks that everything below and after the answer
// is empty.
func TestProbeAfterAnswer(t *testing.T) {
	u := smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "U"}, smithy.ShapeTypeUnion, 1)
	m := u.AddMember("A", smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "S"}, smithy.ShapeTypeStructure, 0))
	p := &probe{member: "A"}
	got, err := p.ReadUnion(u)
	require.NoError(t, err)
	require.Same(t, m, got)
	require.NoError(t, p.ReadStruct(m))
	s, err := p.ReadStructMember()
	require.NoError(t, err)
	require.Nil(t, s)
	ok, err := p.ReadListItem(nil)
	require.False(t, ok)
	require.NoError(t, err)
	var n int32
	require.NoError(t, p.ReadInt32(nil, &n))
	got, err = p.ReadUnion(u)
	require.NoError(t, err)
	require.Nil(t, got, "smithy.ReadUnion asks again, and must hear of no second member")
	require.Equal(t, []string{"A"}, p.names)

	p = &probe{member: "B"}
	_, err = p.ReadUnion(u)
	require.EqualError(t, err, "the SDK's U has no member B")
}
