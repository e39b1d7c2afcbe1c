package awsbridge

import (
	"context"
	"math/big"
	"reflect"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

var clientProtocolType = reflect.TypeFor[smithyhttp.ClientProtocol]()

// keyOrder holds, for the top-level members of an operation's output that
// are maps held as Tokens, the order of their keys in one response.
type keyOrder struct {
	members []string   // the members' names
	keys    [][]string // their keys, by member
}

// get returns the keys recorded for member, or nil.
func (k *keyOrder) get(member string) []string {
	if k == nil || k.keys == nil {
		return nil
	}
	for i, m := range k.members {
		if m == member {
			return k.keys[i]
		}
	}
	return nil
}

// member returns the index of the member name, or -1.
func (k *keyOrder) member(name string) int {
	for i, m := range k.members {
		if m == name {
			return i
		}
	}
	return -1
}

// orderedMembers returns the names of the members of the pagegen output
// out that are Tokens where the SDK output sout has maps.
func orderedMembers(out, sout reflect.Type) []string {
	if out.Kind() != reflect.Struct || sout.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for _, p := range shape.Pairs(out, sout) {
		t := p.SDK.Type
		for p.Matched && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if p.Matched && p.Pagegen.Type == tokenType && t.Kind() == reflect.Map {
			names = append(names, p.Pagegen.Wire)
		}
	}
	return names
}

// orderProtocol is a ClientProtocol whose DeserializeResponse records the
// order of map keys as the response lists them.
type orderProtocol struct {
	smithyhttp.ClientProtocol
	order *keyOrder
}

// DeserializeResponse deserializes the response into out through an
// orderRecorder.
func (p *orderProtocol) DeserializeResponse(ctx context.Context, schema *smithy.OperationSchema, types *smithy.TypeRegistry, resp *smithyhttp.Response, out smithy.Deserializable) error {
	if _, streaming := out.(smithy.StreamingOutput); streaming || out == nil {
		return p.ClientProtocol.DeserializeResponse(ctx, schema, types, resp, out)
	}
	return p.ClientProtocol.DeserializeResponse(ctx, schema, types, resp, &orderOutput{out: out, order: p.order})
}

// orderOutput deserializes out through an orderRecorder.
type orderOutput struct {
	out   smithy.Deserializable
	order *keyOrder
}

func (o *orderOutput) Deserialize(d smithy.ShapeDeserializer) error {
	o.order.keys = make([][]string, len(o.order.members))
	return o.out.Deserialize(&orderRecorder{d: d, order: o.order, pending: -1, recording: -1})
}

// orderRecorder is a smithy.ShapeDeserializer that forwards every call to
// d and records the keys that ReadMapKey returns for the maps that are the
// values of the top-level members of order.
type orderRecorder struct {
	d     smithy.ShapeDeserializer
	order *keyOrder
	// depth is the number of structs, lists and maps open.
	depth int
	// pending is the index of the member whose value comes next, when
	// it is one of order's; recording is the index of the member whose
	// map is open at mapDepth.
	pending, recording, mapDepth int
}

var _ smithy.ShapeDeserializer = (*orderRecorder)(nil)

// value notes that a value other than a map starts at the current depth.
func (r *orderRecorder) value() {
	if r.depth == 1 {
		r.pending = -1
	}
}

func (r *orderRecorder) ReadStruct(s *smithy.Schema) error {
	r.value()
	err := r.d.ReadStruct(s)
	if err == nil {
		r.depth++
	}
	return err
}

func (r *orderRecorder) ReadStructMember() (*smithy.Schema, error) {
	m, err := r.d.ReadStructMember()
	switch {
	case err != nil:
	case m == nil:
		r.depth--
	case r.depth == 1:
		r.pending = r.order.member(m.MemberName())
	}
	return m, err
}

func (r *orderRecorder) ReadList(s *smithy.Schema) error {
	r.value()
	err := r.d.ReadList(s)
	if err == nil {
		r.depth++
	}
	return err
}

func (r *orderRecorder) ReadListItem(s *smithy.Schema) (bool, error) {
	ok, err := r.d.ReadListItem(s)
	if !ok {
		r.depth--
	}
	return ok, err
}

func (r *orderRecorder) ReadMap(s *smithy.Schema) error {
	err := r.d.ReadMap(s)
	if err != nil {
		return err
	}
	if r.depth == 1 && r.pending >= 0 {
		r.recording, r.mapDepth = r.pending, r.depth+1
		r.order.keys[r.recording] = r.order.keys[r.recording][:0]
	}
	r.pending = -1
	r.depth++
	return nil
}

func (r *orderRecorder) ReadMapKey(s *smithy.Schema) (string, bool, error) {
	k, ok, err := r.d.ReadMapKey(s)
	switch {
	case !ok:
		if r.depth == r.mapDepth {
			r.recording, r.mapDepth = -1, 0
		}
		r.depth--
	case err == nil && r.depth == r.mapDepth:
		r.order.keys[r.recording] = append(r.order.keys[r.recording], k)
	}
	return k, ok, err
}

func (r *orderRecorder) ReadNil(s *smithy.Schema) (bool, error) {
	isNil, err := r.d.ReadNil(s)
	if isNil {
		r.value()
	}
	return isNil, err
}

func (r *orderRecorder) ReadUnion(s *smithy.Schema) (*smithy.Schema, error) {
	r.value()
	return r.d.ReadUnion(s)
}

func (r *orderRecorder) ReadDocument(s *smithy.Schema, v *document.Value) error {
	r.value()
	return r.d.ReadDocument(s, v)
}

func (r *orderRecorder) ReadInt8(s *smithy.Schema, v *int8) error {
	r.value()
	return r.d.ReadInt8(s, v)
}

func (r *orderRecorder) ReadInt16(s *smithy.Schema, v *int16) error {
	r.value()
	return r.d.ReadInt16(s, v)
}

func (r *orderRecorder) ReadInt32(s *smithy.Schema, v *int32) error {
	r.value()
	return r.d.ReadInt32(s, v)
}

func (r *orderRecorder) ReadInt64(s *smithy.Schema, v *int64) error {
	r.value()
	return r.d.ReadInt64(s, v)
}

func (r *orderRecorder) ReadFloat32(s *smithy.Schema, v *float32) error {
	r.value()
	return r.d.ReadFloat32(s, v)
}

func (r *orderRecorder) ReadFloat64(s *smithy.Schema, v *float64) error {
	r.value()
	return r.d.ReadFloat64(s, v)
}

func (r *orderRecorder) ReadBool(s *smithy.Schema, v *bool) error {
	r.value()
	return r.d.ReadBool(s, v)
}

func (r *orderRecorder) ReadString(s *smithy.Schema, v *string) error {
	r.value()
	return r.d.ReadString(s, v)
}

func (r *orderRecorder) ReadBlob(s *smithy.Schema, v *[]byte) error {
	r.value()
	return r.d.ReadBlob(s, v)
}

func (r *orderRecorder) ReadTime(s *smithy.Schema, v *time.Time) error {
	r.value()
	return r.d.ReadTime(s, v)
}

func (r *orderRecorder) ReadBigInt(s *smithy.Schema, v *big.Int) error {
	r.value()
	return r.d.ReadBigInt(s, v)
}

func (r *orderRecorder) ReadBigFloat(s *smithy.Schema, v *big.Float) error {
	r.value()
	return r.d.ReadBigFloat(s, v)
}
