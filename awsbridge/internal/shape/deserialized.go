package shape

import (
	"errors"
	"math/big"
	"reflect"
	"sync"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

var structSchemas sync.Map // reflect.Type → *smithy.Schema (nil for none)

// StructSchema returns the schema that the Deserialize method of the SDK
// struct type t passes to ReadStruct when it starts: the schema of the
// structure's own shape, whose members it reads. It returns nil when t
// does not deserialize itself, or does not start with ReadStruct (a union
// member type, which reads its value directly).
func StructSchema(t reflect.Type) *smithy.Schema {
	if v, ok := structSchemas.Load(t); ok {
		return v.(*smithy.Schema)
	}
	var s *smithy.Schema
	if Deserializable(t) {
		c := &structCatcher{}
		func() {
			defer func() { _ = recover() }()
			_ = reflect.New(t).Interface().(smithy.Deserializable).Deserialize(c)
		}()
		s = c.schema
	}
	v, _ := structSchemas.LoadOrStore(t, s)
	return v.(*smithy.Schema)
}

// errCaught ends a Deserialize that structCatcher has seen enough of.
var errCaught = errors.New("caught")

// structCatcher is a smithy.ShapeDeserializer that keeps the schema of a
// first call of ReadStruct and fails every call.
type structCatcher struct {
	schema *smithy.Schema
	called bool
}

var _ smithy.ShapeDeserializer = (*structCatcher)(nil)

func (c *structCatcher) ReadStruct(s *smithy.Schema) error {
	if !c.called {
		c.schema = s
	}
	c.called = true
	return errCaught
}

func (c *structCatcher) other() error {
	c.called = true
	return errCaught
}

func (c *structCatcher) ReadStructMember() (*smithy.Schema, error)  { return nil, c.other() }
func (c *structCatcher) ReadInt8(*smithy.Schema, *int8) error       { return c.other() }
func (c *structCatcher) ReadInt16(*smithy.Schema, *int16) error     { return c.other() }
func (c *structCatcher) ReadInt32(*smithy.Schema, *int32) error     { return c.other() }
func (c *structCatcher) ReadInt64(*smithy.Schema, *int64) error     { return c.other() }
func (c *structCatcher) ReadFloat32(*smithy.Schema, *float32) error { return c.other() }
func (c *structCatcher) ReadFloat64(*smithy.Schema, *float64) error { return c.other() }
func (c *structCatcher) ReadBool(*smithy.Schema, *bool) error       { return c.other() }
func (c *structCatcher) ReadString(*smithy.Schema, *string) error   { return c.other() }
func (c *structCatcher) ReadBlob(*smithy.Schema, *[]byte) error     { return c.other() }
func (c *structCatcher) ReadTime(*smithy.Schema, *time.Time) error  { return c.other() }
func (c *structCatcher) ReadBigInt(*smithy.Schema, *big.Int) error  { return c.other() }
func (c *structCatcher) ReadBigFloat(*smithy.Schema, *big.Float) error {
	return c.other()
}
func (c *structCatcher) ReadNil(*smithy.Schema) (bool, error)             { return false, c.other() }
func (c *structCatcher) ReadUnion(*smithy.Schema) (*smithy.Schema, error) { return nil, c.other() }
func (c *structCatcher) ReadDocument(*smithy.Schema, *document.Value) error {
	return c.other()
}
func (c *structCatcher) ReadList(*smithy.Schema) error { return c.other() }
func (c *structCatcher) ReadListItem(*smithy.Schema) (bool, error) {
	return false, c.other()
}
func (c *structCatcher) ReadMap(*smithy.Schema) error { return c.other() }
func (c *structCatcher) ReadMapKey(*smithy.Schema) (string, bool, error) {
	return "", false, c.other()
}
