package shape

import (
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

// stepKind is a kind of step along a path from a type to one it holds.
type stepKind uint8

const (
	stepField stepKind = iota // a struct field
	stepItem                  // a list's item
	stepKey                   // a map's value
)

// step is one step of a path: into the field named field of a struct, or
// into a list's item or a map's value.
type step struct {
	kind  stepKind
	field string // the SDK's Go name of the field, for stepField
}

func (s step) String() string {
	switch s.kind {
	case stepField:
		return "." + s.field
	case stepItem:
		return "[0]"
	}
	return "[k]"
}

// probeKey is the key under which a probe answers ReadMapKey.
const probeKey = "k"

// probe is a smithy.ShapeDeserializer that leads an SDK type's Deserialize
// along one path (one struct member, one list item, one map entry at each
// step) to a union or a document, answers it with the member or document
// it was given, and ends every struct, list and map after that. Every
// value it does not lead to is absent, and every scalar below the answer
// is the zero value.
//
// smithy.ReadList and smithy.ReadMap ignore an error that ReadListItem or
// ReadMapKey return with ok false, so those return ok true with an error.
type probe struct {
	steps []step
	next  int            // the next step to take
	cur   *smithy.Schema // the struct whose member the next step takes
	// member is the union member to answer ReadUnion with; "" answers
	// none, to list the union's members.
	member string
	doc    document.Value // the document to answer ReadDocument with
	isDoc  bool           // the path leads to a document, not a union

	done  bool     // the union or document was answered
	names []string // the union's members, as ReadUnion saw them
	err   error
}

var _ smithy.ShapeDeserializer = (*probe)(nil)

func (p *probe) fail(read string) error {
	if p.err == nil {
		want := "the union"
		if p.isDoc {
			want = "the document"
		}
		if p.next < len(p.steps) {
			want = p.steps[p.next].String()
		}
		p.err = fmt.Errorf("the SDK's deserializer called %s where %s was expected", read, want)
	}
	return p.err
}

// at reports whether the next step is of kind k.
func (p *probe) at(k stepKind) bool {
	return p.err == nil && p.next < len(p.steps) && p.steps[p.next].kind == k
}

// end reports whether the path has been walked to its end.
func (p *probe) end() bool {
	return p.err == nil && p.next == len(p.steps)
}

func (p *probe) ReadStruct(s *smithy.Schema) error {
	if p.done {
		return nil
	}
	if !p.at(stepField) || s == nil {
		return p.fail("ReadStruct")
	}
	p.cur = s
	return nil
}

func (p *probe) ReadStructMember() (*smithy.Schema, error) {
	if p.done {
		return nil, nil
	}
	if !p.at(stepField) || p.cur == nil {
		return nil, p.fail("ReadStructMember")
	}
	m := memberFor(p.cur, p.steps[p.next].field)
	if m == nil {
		p.err = fmt.Errorf("the SDK's schema %s has no member for field %s", p.cur.ID().Name, p.steps[p.next].field)
		return nil, p.err
	}
	p.cur = nil
	p.next++
	return m, nil
}

// memberFor returns the member of the struct schema s whose Go field name
// is goName.
func memberFor(s *smithy.Schema, goName string) *smithy.Schema {
	var names []string
	for name := range s.Members() {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if UpperFirst(name) == goName {
			return s.Member(name)
		}
	}
	var found *smithy.Schema
	for _, name := range names {
		if Fold(name) == Fold(goName) {
			if found != nil {
				return nil
			}
			found = s.Member(name)
		}
	}
	return found
}

func (p *probe) ReadList(*smithy.Schema) error {
	if p.done {
		return nil
	}
	if !p.at(stepItem) {
		return p.fail("ReadList")
	}
	return nil
}

func (p *probe) ReadListItem(*smithy.Schema) (bool, error) {
	if p.done {
		return false, nil
	}
	if !p.at(stepItem) {
		return true, p.fail("ReadListItem")
	}
	p.next++
	return true, nil
}

func (p *probe) ReadMap(*smithy.Schema) error {
	if p.done {
		return nil
	}
	if !p.at(stepKey) {
		return p.fail("ReadMap")
	}
	return nil
}

func (p *probe) ReadMapKey(*smithy.Schema) (string, bool, error) {
	if p.done {
		return "", false, nil
	}
	if !p.at(stepKey) {
		return "", true, p.fail("ReadMapKey")
	}
	p.next++
	return probeKey, true, nil
}

func (p *probe) ReadNil(*smithy.Schema) (bool, error) {
	return false, p.err
}

func (p *probe) ReadUnion(s *smithy.Schema) (*smithy.Schema, error) {
	if p.done {
		return nil, nil
	}
	if !p.end() || p.isDoc || s == nil {
		return nil, p.fail("ReadUnion")
	}
	for name := range s.Members() {
		p.names = append(p.names, name)
	}
	slices.Sort(p.names)
	p.done = true
	if p.member == "" {
		return nil, nil
	}
	if m := s.Member(p.member); m != nil {
		return m, nil
	}
	p.err = &NoMemberError{Union: s.ID().Name, Member: p.member}
	return nil, p.err
}

func (p *probe) ReadDocument(_ *smithy.Schema, v *document.Value) error {
	if p.done {
		return nil
	}
	if !p.end() || !p.isDoc {
		return p.fail("ReadDocument")
	}
	*v = p.doc
	p.done = true
	return nil
}

// scalar answers a read of a scalar: the zero value below the answer, an
// error before it.
func (p *probe) scalar(read string) error {
	if p.done {
		return nil
	}
	return p.fail(read)
}

func (p *probe) ReadInt8(*smithy.Schema, *int8) error       { return p.scalar("ReadInt8") }
func (p *probe) ReadInt16(*smithy.Schema, *int16) error     { return p.scalar("ReadInt16") }
func (p *probe) ReadInt32(*smithy.Schema, *int32) error     { return p.scalar("ReadInt32") }
func (p *probe) ReadInt64(*smithy.Schema, *int64) error     { return p.scalar("ReadInt64") }
func (p *probe) ReadFloat32(*smithy.Schema, *float32) error { return p.scalar("ReadFloat32") }
func (p *probe) ReadFloat64(*smithy.Schema, *float64) error { return p.scalar("ReadFloat64") }
func (p *probe) ReadBool(*smithy.Schema, *bool) error       { return p.scalar("ReadBool") }
func (p *probe) ReadString(*smithy.Schema, *string) error   { return p.scalar("ReadString") }
func (p *probe) ReadBlob(*smithy.Schema, *[]byte) error     { return p.scalar("ReadBlob") }
func (p *probe) ReadTime(*smithy.Schema, *time.Time) error  { return p.scalar("ReadTime") }
func (p *probe) ReadBigInt(*smithy.Schema, *big.Int) error  { return p.scalar("ReadBigInt") }
func (p *probe) ReadBigFloat(*smithy.Schema, *big.Float) error {
	return p.scalar("ReadBigFloat")
}
