package shape

import (
	"reflect"
	"strings"
	"sync"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

var (
	marshalerType    = reflect.TypeFor[document.Marshaler]()
	unmarshalerType  = reflect.TypeFor[document.Unmarshaler]()
	deserializerType = reflect.TypeFor[smithy.Deserializable]()
	serializerType   = reflect.TypeFor[smithy.Serializable]()
)

// IsDocument reports whether the SDK type t is a document: an interface
// that marshals and unmarshals smithy documents.
func IsDocument(t reflect.Type) bool {
	return t.Kind() == reflect.Interface && t.NumMethod() > 0 && t.Implements(marshalerType) && t.Implements(unmarshalerType)
}

// IsUnion reports whether the SDK type t is a union: an interface (sealed
// by an unexported method) that is not a document.
func IsUnion(t reflect.Type) bool {
	return t.Kind() == reflect.Interface && t.NumMethod() > 0 && !IsDocument(t)
}

// Deserializable reports whether values of the SDK struct type t
// deserialize themselves from a smithy.ShapeDeserializer.
func Deserializable(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && reflect.PointerTo(t).Implements(deserializerType)
}

// IsUnknownMember reports whether the SDK type t is a union's
// *UnknownUnionMember, which holds a member the SDK does not know: a
// pointer to a struct of that name with a string Tag and a []byte Value.
func IsUnknownMember(t reflect.Type) bool {
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || t.Elem().Name() != "UnknownUnionMember" {
		return false
	}
	tag, ok1 := t.Elem().FieldByName("Tag")
	val, ok2 := t.Elem().FieldByName("Value")
	return ok1 && ok2 && tag.Type.Kind() == reflect.String && val.Type.Kind() == reflect.Slice && val.Type.Elem().Kind() == reflect.Uint8
}

// ValueField returns the index of the Value field of the union member
// type t, a pointer to a struct, or -1.
func ValueField(t reflect.Type) int {
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct {
		return -1
	}
	f, ok := t.Elem().FieldByName("Value")
	if !ok || len(f.Index) != 1 {
		return -1
	}
	return f.Index[0]
}

var memberNames sync.Map // reflect.Type → string

// MemberName returns the name of the member of the union iface that the
// member type t (*<Iface>Member<Name>) holds: the name its Serialize
// writes, when it has one, else the type's name less "<Iface>Member".
func MemberName(iface, t reflect.Type) string {
	if v, ok := memberNames.Load(t); ok {
		return v.(string)
	}
	name := strings.TrimPrefix(t.Elem().Name(), iface.Name()+"Member")
	if s := serializedSchema(t); s != nil && s.MemberName() != "" {
		name = s.MemberName()
	}
	memberNames.Store(t, name)
	return name
}

var schemaNames sync.Map // reflect.Type → []string

// WireNames returns, for the SDK struct type t, the member name of each
// field of SDKFields(t), as its Serialize writes them when it has one
// (matched to the fields with Match), else the Go field names.
func WireNames(t reflect.Type) []string {
	if v, ok := schemaNames.Load(t); ok {
		return v.([]string)
	}
	fields := SDKFields(t)
	out := make([]string, len(fields))
	var goNames []string
	for i, f := range fields {
		out[i] = f.Name
		goNames = append(goNames, f.Name)
	}
	if s := serializedSchema(reflect.PointerTo(t)); s != nil {
		for name := range s.Members() {
			if i := Match(goNames, name); i >= 0 {
				out[i] = name
			}
		}
	}
	schemaNames.Store(t, out)
	return out
}

// serializedSchema returns the schema of the first value that a zero
// value of the pointer type t writes from its Serialize method, or nil.
func serializedSchema(t reflect.Type) (s *smithy.Schema) {
	if !t.Implements(serializerType) {
		return nil
	}
	defer func() {
		if recover() != nil {
			s = nil
		}
	}()
	c := &schemaCatcher{}
	reflect.New(t.Elem()).Interface().(smithy.Serializable).Serialize(c)
	return c.schema
}
