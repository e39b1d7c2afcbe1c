package shape

import (
	"math/big"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

// schemaCatcher is a smithy.ShapeSerializer that keeps the schema of the
// first value written to it and discards everything.
type schemaCatcher struct {
	schema *smithy.Schema
}

var _ smithy.ShapeSerializer = (*schemaCatcher)(nil)

func (c *schemaCatcher) catch(s *smithy.Schema) {
	if c.schema == nil {
		c.schema = s
	}
}

func (c *schemaCatcher) Bytes() []byte                            { return nil }
func (c *schemaCatcher) WriteInt8(s *smithy.Schema, _ int8)       { c.catch(s) }
func (c *schemaCatcher) WriteInt16(s *smithy.Schema, _ int16)     { c.catch(s) }
func (c *schemaCatcher) WriteInt32(s *smithy.Schema, _ int32)     { c.catch(s) }
func (c *schemaCatcher) WriteInt64(s *smithy.Schema, _ int64)     { c.catch(s) }
func (c *schemaCatcher) WriteFloat32(s *smithy.Schema, _ float32) { c.catch(s) }
func (c *schemaCatcher) WriteFloat64(s *smithy.Schema, _ float64) { c.catch(s) }
func (c *schemaCatcher) WriteBool(s *smithy.Schema, _ bool)       { c.catch(s) }
func (c *schemaCatcher) WriteString(s *smithy.Schema, _ string)   { c.catch(s) }
func (c *schemaCatcher) WriteBigInt(s *smithy.Schema, _ *big.Int) { c.catch(s) }
func (c *schemaCatcher) WriteBigFloat(s *smithy.Schema, _ *big.Float) {
	c.catch(s)
}
func (c *schemaCatcher) WriteBlob(s *smithy.Schema, _ []byte)             { c.catch(s) }
func (c *schemaCatcher) WriteTime(s *smithy.Schema, _ time.Time)          { c.catch(s) }
func (c *schemaCatcher) WriteUnion(s, _ *smithy.Schema)                   { c.catch(s) }
func (c *schemaCatcher) CloseUnion()                                      {}
func (c *schemaCatcher) WriteDocument(s *smithy.Schema, _ document.Value) { c.catch(s) }
func (c *schemaCatcher) WriteNil(s *smithy.Schema)                        { c.catch(s) }
func (c *schemaCatcher) WriteStruct(s *smithy.Schema)                     { c.catch(s) }
func (c *schemaCatcher) CloseStruct()                                     {}
func (c *schemaCatcher) WriteList(s *smithy.Schema)                       { c.catch(s) }
func (c *schemaCatcher) CloseList()                                       {}
func (c *schemaCatcher) WriteMap(s *smithy.Schema)                        { c.catch(s) }
func (c *schemaCatcher) WriteKey(s *smithy.Schema, _ string)              { c.catch(s) }
func (c *schemaCatcher) CloseMap()                                        {}
