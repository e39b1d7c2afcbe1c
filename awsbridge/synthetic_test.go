package awsbridge

//lint:file-ignore U1000 the test types mirror the SDK's: they embed noSerde as the SDK's structs embed noSmithyDocumentSerde, and schema members are declared for what AddMember registers

import (
	"context"
	"encoding/json"
	"time"

	"github.com/aws/smithy-go"
	smithydocument "github.com/aws/smithy-go/document"
	"github.com/aws/smithy-go/middleware"
	"github.com/aws/smithy-go/prelude"
	"github.com/aws/smithy-go/traits"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/pagegen/pagegen/paginate"
)

// A service of the tests' own, "syn", with one operation, Get, whose
// output holds every kind of value that the SDKs at hand do not (bytes,
// shorts, floats, int enums, documents, unions with members that the
// pagegen union does not know, recursive structs, numbers that one side
// types as strings, tokens of every type) and members bound to HTTP
// headers and the status code. Its schemas and its SDK types are written
// as smithy-go's code generator writes them, and its client calls the
// protocol it is given as an SDK client does.

func synID(name string) smithy.ShapeID {
	return smithy.ShapeID{Namespace: "com.example.syn", Name: name}
}

var (
	synService = smithy.NewServiceSchema(smithy.NewSchema(synID("Syn"), smithy.ShapeTypeService, 0), "2024-01-01")

	synEnumSchema    = smithy.NewSchema(synID("Enum"), smithy.ShapeTypeEnum, 0)
	synIntEnumSchema = smithy.NewSchema(synID("IntEnum"), smithy.ShapeTypeIntEnum, 0)
	synDateTime      = smithy.NewSchema(synID("DateTime"), smithy.ShapeTypeTimestamp, 0, &traits.TimestampFormat{Format: "date-time"})

	synStrings        = smithy.NewSchema(synID("Strings"), smithy.ShapeTypeList, 1)
	synStrings_member = synStrings.AddMember("member", prelude.String)
	synInts           = smithy.NewSchema(synID("Ints"), smithy.ShapeTypeList, 1)
	synInts_member    = synInts.AddMember("member", prelude.Integer)
	synBlobs          = smithy.NewSchema(synID("Blobs"), smithy.ShapeTypeList, 1)
	synBlobs_member   = synBlobs.AddMember("member", prelude.Blob)

	synInner      = smithy.NewSchema(synID("Inner"), smithy.ShapeTypeStructure, 2)
	synInner_Name = synInner.AddMember("Name", prelude.String)
	synInner_Size = synInner.AddMember("Size", prelude.Long)

	synInners        = smithy.NewSchema(synID("Inners"), smithy.ShapeTypeList, 1)
	synInners_member = synInners.AddMember("member", synInner)
	synInnerMap      = smithy.NewSchema(synID("InnerMap"), smithy.ShapeTypeMap, 2)
	synInnerMap_key  = synInnerMap.AddMember("key", prelude.String)
	synInnerMap_val  = synInnerMap.AddMember("value", synInner)
	synMeta          = smithy.NewSchema(synID("Meta"), smithy.ShapeTypeMap, 2)
	synMeta_key      = synMeta.AddMember("key", prelude.String)
	synMeta_value    = synMeta.AddMember("value", prelude.String)

	synNode         = smithy.NewSchema(synID("Node"), smithy.ShapeTypeStructure, 3)
	synNode_Name    = synNode.AddMember("Name", prelude.String)
	synNode_Child   = synNode.AddMember("Child", synNode)
	synNodes        = smithy.NewSchema(synID("Nodes"), smithy.ShapeTypeList, 1)
	synNodes_member = synNodes.AddMember("member", synNode)
	synNode_Kids    = synNode.AddMember("Kids", synNodes)

	synChoice   = smithy.NewSchema(synID("Choice"), smithy.ShapeTypeUnion, 5)
	synChoice_A = synChoice.AddMember("A", prelude.String)
	synChoice_B = synChoice.AddMember("B", synInner)
	synChoice_C = synChoice.AddMember("C", synStrings)
	synChoice_D = synChoice.AddMember("D", prelude.Long)
	synChoice_E = synChoice.AddMember("E", prelude.Document)

	synPlain   = smithy.NewSchema(synID("Plain"), smithy.ShapeTypeUnion, 2)
	synPlain_X = synPlain.AddMember("X", prelude.String)
	synPlain_Y = synPlain.AddMember("Y", prelude.Long)

	synKey       = smithy.NewSchema(synID("Key"), smithy.ShapeTypeMap, 2)
	synKey_key   = synKey.AddMember("key", prelude.String)
	synKey_value = synKey.AddMember("value", synChoice)

	synOut             = smithy.NewSchema(synID("GetOutput"), smithy.ShapeTypeStructure, 40)
	synOut_Str         = synOut.AddMember("Str", prelude.String)
	synOut_Enum        = synOut.AddMember("Enum", synEnumSchema)
	synOut_I8          = synOut.AddMember("I8", prelude.Byte)
	synOut_I16         = synOut.AddMember("I16", prelude.Short)
	synOut_I32         = synOut.AddMember("I32", prelude.PrimitiveInteger)
	synOut_I64         = synOut.AddMember("I64", prelude.Long)
	synOut_IntEnum     = synOut.AddMember("IntEnum", synIntEnumSchema)
	synOut_F32         = synOut.AddMember("F32", prelude.Float)
	synOut_F64         = synOut.AddMember("F64", prelude.Double)
	synOut_Bool        = synOut.AddMember("Bool", prelude.Boolean)
	synOut_BoolV       = synOut.AddMember("BoolV", prelude.PrimitiveBoolean)
	synOut_Time        = synOut.AddMember("Time", prelude.Timestamp)
	synOut_Date        = synOut.AddMember("Date", synDateTime)
	synOut_Blob        = synOut.AddMember("Blob", prelude.Blob)
	synOut_Blobs       = synOut.AddMember("Blobs", synBlobs)
	synOut_Limit       = synOut.AddMember("Limit", prelude.String)
	synOut_Count       = synOut.AddMember("Count", prelude.Integer)
	synOut_Ratio       = synOut.AddMember("Ratio", prelude.Float)
	synOut_List        = synOut.AddMember("List", synStrings)
	synOut_Nums        = synOut.AddMember("Nums", synInts)
	synOut_Structs     = synOut.AddMember("Structs", synInners)
	synOut_Map         = synOut.AddMember("Map", synInnerMap)
	synOut_Nested      = synOut.AddMember("Nested", synInner)
	synOut_Rec         = synOut.AddMember("Rec", synNode)
	synOut_Doc         = synOut.AddMember("Doc", prelude.Document)
	synOut_U           = synOut.AddMember("U", synChoice)
	synOut_Us          = synOut.AddMember("Us", synChoices)
	synOut_P           = synOut.AddMember("P", synPlain)
	synOut_NextToken   = synOut.AddMember("NextToken", prelude.String)
	synOut_Marker      = synOut.AddMember("Marker", prelude.Long)
	synOut_Key         = synOut.AddMember("Key", synKey)
	synOut_Extra       = synOut.AddMember("Extra", prelude.String)
	synOut_ExtraStruct = synOut.AddMember("ExtraStruct", synInner)
	synOut_Header      = synOut.AddMember("Header", prelude.String, &traits.HTTPHeader{Name: "X-Header"})
	synOut_HeaderList  = synOut.AddMember("HeaderList", synStrings, &traits.HTTPHeader{Name: "X-List"})
	synOut_Status      = synOut.AddMember("Status", prelude.PrimitiveInteger, &traits.HTTPResponseCode{})
	synOut_Meta        = synOut.AddMember("Meta", synMeta, &traits.HTTPPrefixHeaders{Prefix: "X-Meta-"})

	synChoices        = newSynChoices()
	synChoices_member *smithy.Schema

	synIn  = smithy.NewSchema(synID("GetInput"), smithy.ShapeTypeStructure, 0)
	synGet = smithy.NewOperationSchema(smithy.NewSchema(synID("Get"), smithy.ShapeTypeOperation, 0), synIn, synOut)
)

func newSynChoices() *smithy.Schema {
	s := smithy.NewSchema(synID("Choices"), smithy.ShapeTypeList, 1)
	synChoices_member = s.AddMember("member", synChoice)
	return s
}

// The SDK's types of syn.

type noSerde = smithydocument.NoSerde

type synEnum string

type synIntEnum int32

type SynIn struct{ noSerde }

func (v *SynIn) Serialize(s smithy.ShapeSerializer) { s.WriteStruct(synIn); s.CloseStruct() }

type SynInner struct {
	Name *string
	Size *int64
	noSerde
}

func (v *SynInner) Serialize(s smithy.ShapeSerializer) { s.WriteStruct(synInner); s.CloseStruct() }

func (v *SynInner) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, synInner, func(s *smithy.Schema) error {
		switch s {
		case synInner_Name:
			v.Name = new(string)
			return d.ReadString(synInner_Name, v.Name)
		case synInner_Size:
			v.Size = new(int64)
			return d.ReadInt64(synInner_Size, v.Size)
		}
		return nil
	})
}

type SynNode struct {
	Child *SynNode
	Kids  []SynNode
	Name  *string
	noSerde
}

func (v *SynNode) Serialize(s smithy.ShapeSerializer) { s.WriteStruct(synNode); s.CloseStruct() }

func (v *SynNode) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, synNode, func(s *smithy.Schema) error {
		switch s {
		case synNode_Child:
			v.Child = &SynNode{}
			return v.Child.Deserialize(d)
		case synNode_Kids:
			return deserializeSynNodes(d, synNode_Kids, &v.Kids)
		case synNode_Name:
			v.Name = new(string)
			return d.ReadString(synNode_Name, v.Name)
		}
		return nil
	})
}

// SynDocument is syn's document type.
type SynDocument interface {
	smithydocument.Marshaler
	smithydocument.Unmarshaler
	isSynDocument()
}

type synDocument struct{ value any }

func (m *synDocument) MarshalSmithyDocument() ([]byte, error) { return json.Marshal(m.value) }
func (m *synDocument) UnmarshalSmithyDocument(v any) error    { return nil }
func (m *synDocument) isSynDocument()                         {}

type SynChoice interface{ isSynChoice() }

type SynChoiceMemberA struct {
	Value string
	noSerde
}

func (*SynChoiceMemberA) isSynChoice()                         {}
func (v *SynChoiceMemberA) Serialize(s smithy.ShapeSerializer) { s.WriteString(synChoice_A, v.Value) }
func (v *SynChoiceMemberA) Deserialize(d smithy.ShapeDeserializer) error {
	return d.ReadString(synChoice_A, &v.Value)
}

type SynChoiceMemberB struct {
	Value SynInner
	noSerde
}

func (*SynChoiceMemberB) isSynChoice() {}
func (v *SynChoiceMemberB) Serialize(s smithy.ShapeSerializer) {
	s.WriteStruct(synChoice_B)
	s.CloseStruct()
}
func (v *SynChoiceMemberB) Deserialize(d smithy.ShapeDeserializer) error {
	return v.Value.Deserialize(d)
}

type SynChoiceMemberC struct {
	Value []string
	noSerde
}

func (*SynChoiceMemberC) isSynChoice() {}
func (v *SynChoiceMemberC) Serialize(s smithy.ShapeSerializer) {
	s.WriteList(synChoice_C)
	s.CloseList()
}
func (v *SynChoiceMemberC) Deserialize(d smithy.ShapeDeserializer) error {
	return deserializeSynStrings(d, synChoice_C, &v.Value)
}

type SynChoiceMemberD struct {
	Value int64
	noSerde
}

func (*SynChoiceMemberD) isSynChoice()                         {}
func (v *SynChoiceMemberD) Serialize(s smithy.ShapeSerializer) { s.WriteInt64(synChoice_D, v.Value) }
func (v *SynChoiceMemberD) Deserialize(d smithy.ShapeDeserializer) error {
	return d.ReadInt64(synChoice_D, &v.Value)
}

type SynChoiceMemberE struct {
	Value SynDocument
	noSerde
}

func (*SynChoiceMemberE) isSynChoice() {}
func (v *SynChoiceMemberE) Serialize(s smithy.ShapeSerializer) {
	s.WriteDocument(synChoice_E, nil)
}
func (v *SynChoiceMemberE) Deserialize(d smithy.ShapeDeserializer) error {
	var dv smithydocument.Value
	if err := d.ReadDocument(synChoice_E, &dv); err != nil {
		return err
	}
	if ov, ok := dv.(smithydocument.Opaque); ok {
		v.Value = &synDocument{ov.Value}
	}
	return nil
}

type SynPlain interface{ isSynPlain() }

type SynPlainMemberX struct {
	Value string
	noSerde
}

func (*SynPlainMemberX) isSynPlain()                          {}
func (v *SynPlainMemberX) Serialize(s smithy.ShapeSerializer) { s.WriteString(synPlain_X, v.Value) }
func (v *SynPlainMemberX) Deserialize(d smithy.ShapeDeserializer) error {
	return d.ReadString(synPlain_X, &v.Value)
}

type SynPlainMemberY struct {
	Value int64
	noSerde
}

func (*SynPlainMemberY) isSynPlain()                          {}
func (v *SynPlainMemberY) Serialize(s smithy.ShapeSerializer) { s.WriteInt64(synPlain_Y, v.Value) }
func (v *SynPlainMemberY) Deserialize(d smithy.ShapeDeserializer) error {
	return d.ReadInt64(synPlain_Y, &v.Value)
}

type SynOut struct {
	Blob        []byte
	Blobs       [][]byte
	Bool        *bool
	BoolV       bool
	Count       *int32
	Date        *time.Time
	Doc         SynDocument
	Enum        synEnum
	Extra       *string
	ExtraStruct *SynInner
	F32         *float32
	F64         *float64
	Header      *string
	HeaderList  []string
	I16         *int16
	I32         int32
	I64         *int64
	I8          *int8
	IntEnum     synIntEnum
	Key         map[string]SynChoice
	Limit       *string
	List        []string
	Map         map[string]SynInner
	Marker      *int64
	Meta        map[string]string
	Nested      *SynInner
	NextToken   *string
	Nums        []int32
	P           SynPlain
	Ratio       *float32
	Rec         *SynNode
	Status      int32
	Str         *string
	Structs     []SynInner
	Time        *time.Time
	U           SynChoice
	Us          []SynChoice

	ResultMetadata middleware.Metadata
	noSerde
}

func (v *SynOut) Serialize(s smithy.ShapeSerializer) { s.WriteStruct(synOut); s.CloseStruct() }

func (v *SynOut) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, synOut, func(s *smithy.Schema) error {
		switch s {
		case synOut_Blob:
			return d.ReadBlob(synOut_Blob, &v.Blob)
		case synOut_Blobs:
			return deserializeSynBlobs(d, synOut_Blobs, &v.Blobs)
		case synOut_Bool:
			v.Bool = new(bool)
			return d.ReadBool(synOut_Bool, v.Bool)
		case synOut_BoolV:
			return d.ReadBool(synOut_BoolV, &v.BoolV)
		case synOut_Count:
			v.Count = new(int32)
			return d.ReadInt32(synOut_Count, v.Count)
		case synOut_Date:
			v.Date = new(time.Time)
			return d.ReadTime(synOut_Date, v.Date)
		case synOut_Doc:
			var dv smithydocument.Value
			if err := d.ReadDocument(synOut_Doc, &dv); err != nil {
				return err
			}
			if ov, ok := dv.(smithydocument.Opaque); ok {
				v.Doc = &synDocument{ov.Value}
			}
			return nil
		case synOut_Enum:
			var ev string
			if err := d.ReadString(synOut_Enum, &ev); err != nil {
				return err
			}
			v.Enum = synEnum(ev)
			return nil
		case synOut_Extra:
			v.Extra = new(string)
			return d.ReadString(synOut_Extra, v.Extra)
		case synOut_ExtraStruct:
			v.ExtraStruct = &SynInner{}
			return v.ExtraStruct.Deserialize(d)
		case synOut_F32:
			v.F32 = new(float32)
			return d.ReadFloat32(synOut_F32, v.F32)
		case synOut_F64:
			v.F64 = new(float64)
			return d.ReadFloat64(synOut_F64, v.F64)
		case synOut_Header:
			v.Header = new(string)
			return d.ReadString(synOut_Header, v.Header)
		case synOut_HeaderList:
			return deserializeSynStrings(d, synOut_HeaderList, &v.HeaderList)
		case synOut_I16:
			v.I16 = new(int16)
			return d.ReadInt16(synOut_I16, v.I16)
		case synOut_I32:
			return d.ReadInt32(synOut_I32, &v.I32)
		case synOut_I64:
			v.I64 = new(int64)
			return d.ReadInt64(synOut_I64, v.I64)
		case synOut_I8:
			v.I8 = new(int8)
			return d.ReadInt8(synOut_I8, v.I8)
		case synOut_IntEnum:
			var ev int32
			if err := d.ReadInt32(synOut_IntEnum, &ev); err != nil {
				return err
			}
			v.IntEnum = synIntEnum(ev)
			return nil
		case synOut_Key:
			return deserializeSynKey(d, synOut_Key, &v.Key)
		case synOut_Limit:
			v.Limit = new(string)
			return d.ReadString(synOut_Limit, v.Limit)
		case synOut_List:
			return deserializeSynStrings(d, synOut_List, &v.List)
		case synOut_Map:
			return deserializeSynInnerMap(d, synOut_Map, &v.Map)
		case synOut_Marker:
			v.Marker = new(int64)
			return d.ReadInt64(synOut_Marker, v.Marker)
		case synOut_Meta:
			return deserializeSynMeta(d, synOut_Meta, &v.Meta)
		case synOut_Nested:
			v.Nested = &SynInner{}
			return v.Nested.Deserialize(d)
		case synOut_NextToken:
			v.NextToken = new(string)
			return d.ReadString(synOut_NextToken, v.NextToken)
		case synOut_Nums:
			return deserializeSynInts(d, synOut_Nums, &v.Nums)
		case synOut_P:
			return deserializeSynPlain(d, synOut_P, &v.P)
		case synOut_Ratio:
			v.Ratio = new(float32)
			return d.ReadFloat32(synOut_Ratio, v.Ratio)
		case synOut_Rec:
			v.Rec = &SynNode{}
			return v.Rec.Deserialize(d)
		case synOut_Status:
			return d.ReadInt32(synOut_Status, &v.Status)
		case synOut_Str:
			v.Str = new(string)
			return d.ReadString(synOut_Str, v.Str)
		case synOut_Structs:
			return deserializeSynInners(d, synOut_Structs, &v.Structs)
		case synOut_Time:
			v.Time = new(time.Time)
			return d.ReadTime(synOut_Time, v.Time)
		case synOut_U:
			return deserializeSynChoice(d, synOut_U, &v.U)
		case synOut_Us:
			return deserializeSynChoices(d, synOut_Us, &v.Us)
		}
		return nil
	})
}

func deserializeSynStrings(d smithy.ShapeDeserializer, s *smithy.Schema, v *[]string) error {
	*v = make([]string, 0)
	var vv string
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero string
			*v = append(*v, zero)
			return nil
		}
		if err := d.ReadString(s.ListMember(), &vv); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynInts(d smithy.ShapeDeserializer, s *smithy.Schema, v *[]int32) error {
	*v = make([]int32, 0)
	var vv int32
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero int32
			*v = append(*v, zero)
			return nil
		}
		if err := d.ReadInt32(s.ListMember(), &vv); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynBlobs(d smithy.ShapeDeserializer, s *smithy.Schema, v *[][]byte) error {
	*v = make([][]byte, 0)
	var vv []byte
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero []byte
			*v = append(*v, zero)
			return nil
		}
		if err := d.ReadBlob(s.ListMember(), &vv); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynInners(d smithy.ShapeDeserializer, s *smithy.Schema, v *[]SynInner) error {
	*v = make([]SynInner, 0)
	var vv SynInner
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero SynInner
			*v = append(*v, zero)
			return nil
		}
		vv = SynInner{}
		if err := vv.Deserialize(d); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynNodes(d smithy.ShapeDeserializer, s *smithy.Schema, v *[]SynNode) error {
	*v = make([]SynNode, 0)
	var vv SynNode
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero SynNode
			*v = append(*v, zero)
			return nil
		}
		vv = SynNode{}
		if err := vv.Deserialize(d); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynChoices(d smithy.ShapeDeserializer, s *smithy.Schema, v *[]SynChoice) error {
	*v = make([]SynChoice, 0)
	var vv SynChoice
	return smithy.ReadList(d, s, func() error {
		if isNil, err := d.ReadNil(s.ListMember()); err != nil {
			return err
		} else if isNil {
			var zero SynChoice
			*v = append(*v, zero)
			return nil
		}
		if err := deserializeSynChoice(d, s.ListMember(), &vv); err != nil {
			return err
		}
		*v = append(*v, vv)
		return nil
	})
}

func deserializeSynInnerMap(d smithy.ShapeDeserializer, s *smithy.Schema, v *map[string]SynInner) error {
	*v = make(map[string]SynInner)
	var vv SynInner
	return smithy.ReadMap(d, s, func(k string) error {
		if isNil, err := d.ReadNil(s.MapValue()); err != nil {
			return err
		} else if isNil {
			var zero SynInner
			(*v)[k] = zero
			return nil
		}
		vv = SynInner{}
		if err := vv.Deserialize(d); err != nil {
			return err
		}
		(*v)[k] = vv
		return nil
	})
}

func deserializeSynMeta(d smithy.ShapeDeserializer, s *smithy.Schema, v *map[string]string) error {
	*v = make(map[string]string)
	var vv string
	return smithy.ReadMap(d, s, func(k string) error {
		if isNil, err := d.ReadNil(s.MapValue()); err != nil {
			return err
		} else if isNil {
			var zero string
			(*v)[k] = zero
			return nil
		}
		if err := d.ReadString(s.MapValue(), &vv); err != nil {
			return err
		}
		(*v)[k] = vv
		return nil
	})
}

func deserializeSynKey(d smithy.ShapeDeserializer, s *smithy.Schema, v *map[string]SynChoice) error {
	*v = make(map[string]SynChoice)
	var vv SynChoice
	return smithy.ReadMap(d, s, func(k string) error {
		if isNil, err := d.ReadNil(s.MapValue()); err != nil {
			return err
		} else if isNil {
			var zero SynChoice
			(*v)[k] = zero
			return nil
		}
		if err := deserializeSynChoice(d, s.MapValue(), &vv); err != nil {
			return err
		}
		(*v)[k] = vv
		return nil
	})
}

func deserializeSynChoice(d smithy.ShapeDeserializer, s *smithy.Schema, v *SynChoice) error {
	return smithy.ReadUnion(d, s, func(ms *smithy.Schema) error {
		switch ms {
		case synChoice_A:
			vv := &SynChoiceMemberA{}
			*v = vv
			return vv.Deserialize(d)
		case synChoice_B:
			vv := &SynChoiceMemberB{}
			*v = vv
			return vv.Deserialize(d)
		case synChoice_C:
			vv := &SynChoiceMemberC{}
			*v = vv
			return vv.Deserialize(d)
		case synChoice_D:
			vv := &SynChoiceMemberD{}
			*v = vv
			return vv.Deserialize(d)
		case synChoice_E:
			vv := &SynChoiceMemberE{}
			*v = vv
			return vv.Deserialize(d)
		}
		return nil
	})
}

func deserializeSynPlain(d smithy.ShapeDeserializer, s *smithy.Schema, v *SynPlain) error {
	return smithy.ReadUnion(d, s, func(ms *smithy.Schema) error {
		switch ms {
		case synPlain_X:
			vv := &SynPlainMemberX{}
			*v = vv
			return vv.Deserialize(d)
		case synPlain_Y:
			vv := &SynPlainMemberY{}
			*v = vv
			return vv.Deserialize(d)
		}
		return nil
	})
}

// SynOptions are the options of syn's client.
type SynOptions struct {
	Protocol     smithyhttp.ClientProtocol
	Interceptors smithyhttp.InterceptorRegistry
}

// synClient is syn's client: it answers with a response of its own, which
// its protocol deserializes, as the SDK's deserialize middleware has it.
type synClient struct {
	options  SynOptions
	response func() *smithyhttp.Response
}

// Get calls the operation Get.
func (c *synClient) Get(ctx context.Context, in *SynIn, optFns ...func(*SynOptions)) (*SynOut, error) {
	o := c.options
	for _, fn := range optFns {
		fn(&o)
	}
	out := &SynOut{}
	if err := o.Protocol.DeserializeResponse(ctx, synGet, &smithy.TypeRegistry{}, c.response(), out); err != nil {
		return nil, err
	}
	return out, nil
}

// The pagegen types of syn's output.

type pgSynEnum string

type pgSynIn struct{}

type pgSynInner struct {
	Name string `json:"Name,omitempty"`
	Size *int64 `json:"Size,omitempty"`
}

type pgSynNode struct {
	Name  string      `json:"Name,omitempty"`
	Child *pgSynNode  `json:"Child,omitempty"`
	Kids  []pgSynNode `json:"Kids,omitempty"`
}

type pgSynChoice struct {
	A       *string                    `json:"A,omitempty"`
	B       *pgSynInner                `json:"B,omitempty"`
	C       []string                   `json:"C,omitempty"`
	E       json.RawMessage            `json:"E,omitempty"`
	Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
}

type pgSynPlain struct {
	X string `json:"X,omitempty"`
}

type pgSynOut struct {
	Str        string                `json:"Str,omitempty"`
	Enum       pgSynEnum             `json:"Enum,omitempty"`
	I8         *int64                `json:"I8,omitempty"`
	I16        *int16                `json:"I16,omitempty"`
	I32        *int64                `json:"I32,omitempty"`
	I64        *int32                `json:"I64,omitempty"`
	IntEnum    int64                 `json:"IntEnum,omitempty"`
	F32        *float64              `json:"F32,omitempty"`
	F64        *float32              `json:"F64,omitempty"`
	Bool       *bool                 `json:"Bool,omitempty"`
	BoolV      *bool                 `json:"BoolV,omitempty"`
	Time       *time.Time            `json:"Time,omitempty"`
	Date       time.Time             `json:"Date,omitzero"`
	Blob       []byte                `json:"Blob,omitempty"`
	Blobs      [][]byte              `json:"Blobs,omitempty"`
	Limit      *int64                `json:"Limit,omitempty"`
	Count      string                `json:"Count,omitempty"`
	Ratio      string                `json:"Ratio,omitempty"`
	List       []string              `json:"List,omitempty"`
	Nums       []int64               `json:"Nums,omitempty"`
	Structs    []pgSynInner          `json:"Structs,omitempty"`
	Map        map[string]pgSynInner `json:"Map,omitempty"`
	Nested     *pgSynInner           `json:"Nested,omitempty"`
	Rec        *pgSynNode            `json:"Rec,omitempty"`
	Doc        json.RawMessage       `json:"Doc,omitempty"`
	U          *pgSynChoice          `json:"U,omitempty"`
	Us         []pgSynChoice         `json:"Us,omitempty"`
	P          pgSynPlain            `json:"P,omitzero"`
	NextToken  paginate.Token        `json:"NextToken,omitzero"`
	Marker     paginate.Token        `json:"Marker,omitzero"`
	Key        paginate.Token        `json:"Key,omitzero"`
	Header     string                `json:"Header,omitempty"`
	HeaderList []string              `json:"HeaderList,omitempty"`
	Status     *int64                `json:"Status,omitempty"`
	Meta       map[string]string     `json:"Meta,omitempty"`
}
