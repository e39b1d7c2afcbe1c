package awsbridge

import (
	"math/big"
	"reflect"
	"testing"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
	"github.com/stretchr/testify/require"
)

// callLog is a smithy.ShapeDeserializer that notes the methods called on
// it.
type callLog struct{ calls []string }

func (l *callLog) note(name string) { l.calls = append(l.calls, name) }

func (l *callLog) ReadInt8(*smithy.Schema, *int8) error       { l.note("ReadInt8"); return nil }
func (l *callLog) ReadInt16(*smithy.Schema, *int16) error     { l.note("ReadInt16"); return nil }
func (l *callLog) ReadInt32(*smithy.Schema, *int32) error     { l.note("ReadInt32"); return nil }
func (l *callLog) ReadInt64(*smithy.Schema, *int64) error     { l.note("ReadInt64"); return nil }
func (l *callLog) ReadFloat32(*smithy.Schema, *float32) error { l.note("ReadFloat32"); return nil }
func (l *callLog) ReadFloat64(*smithy.Schema, *float64) error { l.note("ReadFloat64"); return nil }
func (l *callLog) ReadBool(*smithy.Schema, *bool) error       { l.note("ReadBool"); return nil }
func (l *callLog) ReadString(*smithy.Schema, *string) error   { l.note("ReadString"); return nil }
func (l *callLog) ReadBlob(*smithy.Schema, *[]byte) error     { l.note("ReadBlob"); return nil }
func (l *callLog) ReadTime(*smithy.Schema, *time.Time) error  { l.note("ReadTime"); return nil }
func (l *callLog) ReadBigInt(*smithy.Schema, *big.Int) error  { l.note("ReadBigInt"); return nil }
func (l *callLog) ReadBigFloat(*smithy.Schema, *big.Float) error {
	l.note("ReadBigFloat")
	return nil
}
func (l *callLog) ReadNil(*smithy.Schema) (bool, error) { l.note("ReadNil"); return false, nil }
func (l *callLog) ReadStruct(*smithy.Schema) error      { l.note("ReadStruct"); return nil }
func (l *callLog) ReadStructMember() (*smithy.Schema, error) {
	l.note("ReadStructMember")
	return nil, nil
}
func (l *callLog) ReadUnion(*smithy.Schema) (*smithy.Schema, error) {
	l.note("ReadUnion")
	return nil, nil
}
func (l *callLog) ReadDocument(*smithy.Schema, *document.Value) error {
	l.note("ReadDocument")
	return nil
}
func (l *callLog) ReadList(*smithy.Schema) error { l.note("ReadList"); return nil }
func (l *callLog) ReadListItem(*smithy.Schema) (bool, error) {
	l.note("ReadListItem")
	return false, nil
}
func (l *callLog) ReadMap(*smithy.Schema) error { l.note("ReadMap"); return nil }
func (l *callLog) ReadMapKey(*smithy.Schema) (string, bool, error) {
	l.note("ReadMapKey")
	return "", false, nil
}

// TestOrderRecorderForwards calls every method of smithy.ShapeDeserializer
// on an orderRecorder and checks that each reaches the deserializer it
// wraps.
func TestOrderRecorderForwards(t *testing.T) {
	iface := reflect.TypeFor[smithy.ShapeDeserializer]()
	log := &callLog{}
	r := reflect.ValueOf(&orderRecorder{d: log, order: &keyOrder{}, pending: -1, recording: -1})
	for i := range iface.NumMethod() {
		m := iface.Method(i)
		var args []reflect.Value
		for j := range m.Type.NumIn() {
			in := m.Type.In(j)
			if in.Kind() == reflect.Pointer {
				args = append(args, reflect.New(in.Elem()))
			} else {
				args = append(args, reflect.Zero(in))
			}
		}
		log.calls = nil
		r.MethodByName(m.Name).Call(args)
		require.Equal(t, []string{m.Name}, log.calls, "orderRecorder.%s", m.Name)
	}
}
