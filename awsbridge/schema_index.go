package awsbridge

import (
	"unsafe"

	"github.com/aws/smithy-go"
)

// schemaIndex finds the index of a schema among a struct's or a union's
// member schemas by the schema's address, with no lookup by name: a hash
// of the address picks one of slots, which holds the index plus one; the
// number of slots, a power of two, and the hash's multiplier are chosen
// when the index is built so that no two members collide. Schemas are
// never moved or freed: the SDK holds them in variables.
type schemaIndex struct {
	schemas []*smithy.Schema
	slots   []uint16
	mul     uint64
	shift   uint
}

// maxSlotBits bounds the slots of a schemaIndex, 1<<maxSlotBits: past
// it, a scan finds the members.
const maxSlotBits = 14

// newSchemaIndex returns the index of schemas.
func newSchemaIndex(schemas []*smithy.Schema) schemaIndex {
	x := schemaIndex{schemas: schemas}
	if len(schemas) == 0 || len(schemas) >= 1<<16-1 {
		return x
	}
	bits := uint(1)
	for 1<<bits < len(schemas) {
		bits++
	}
	for ; bits <= maxSlotBits; bits++ {
		for _, mul := range multipliers {
			if slots, ok := fill(schemas, mul, 64-bits); ok {
				x.slots, x.mul, x.shift = slots, mul, 64-bits
				return x
			}
		}
	}
	return x
}

// multipliers are the hash multipliers a schemaIndex tries: odd numbers
// with their bits spread.
var multipliers = []uint64{0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9, 0x94d049bb133111eb, 0xd6e8feb86659fd93, 0xc2b2ae3d27d4eb4f}

// fill returns the slots of schemas for the hash of mul and shift, and
// false when two of them collide.
func fill(schemas []*smithy.Schema, mul uint64, shift uint) ([]uint16, bool) {
	slots := make([]uint16, 1<<(64-shift))
	for i, s := range schemas {
		k := hash(s, mul, shift)
		if slots[k] != 0 {
			return nil, false
		}
		slots[k] = uint16(i + 1)
	}
	return slots, true
}

func hash(s *smithy.Schema, mul uint64, shift uint) uint64 {
	return uint64(uintptr(unsafe.Pointer(s))) * mul >> shift
}

// find returns the index of s, or -1.
func (x *schemaIndex) find(s *smithy.Schema) int {
	if x.slots == nil {
		for i, m := range x.schemas {
			if m == s {
				return i
			}
		}
		return -1
	}
	i := int(x.slots[hash(s, x.mul, x.shift)]) - 1
	if i >= 0 && x.schemas[i] == s {
		return i
	}
	return -1
}
