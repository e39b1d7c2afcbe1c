package awsbridge_test

//lint:file-ignore U1000 the test types mirror the SDK's: they embed noSerde as the SDK's structs embed noSmithyDocumentSerde, and schema members are declared for what AddMember registers

import (
	"encoding/json"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
	smithydocumentjson "github.com/aws/smithy-go/document/json"
	"github.com/aws/smithy-go/middleware"

	"github.com/pagegen/pagegen/paginate"
)

// The types here mirror, by hand, what pagegen generates (pg*) and what
// aws-sdk-go-v2 generates (sdk*), with a small schema-based union and
// document in the SDK's style.

type pgEnum string

type sdkEnum string

// noSerde stands for the SDK's noSmithyDocumentSerde.
type noSerde = document.NoSerde

// pgAll has a member of every kind.
type pgAll struct {
	S         string              `json:"S,omitempty"`
	E         pgEnum              `json:"E,omitempty"`
	SP        *string             `json:"SP,omitempty"`
	I         int64               `json:"I,omitempty"`
	IP        *int64              `json:"IP,omitempty"`
	I64       *int64              `json:"I64,omitempty"`
	U         *int64              `json:"U,omitempty"`
	NumText   *int64              `json:"NumText,omitempty"`
	TextNum   string              `json:"TextNum,omitempty"`
	FloatText *float64            `json:"FloatText,omitempty"`
	F         float64             `json:"F,omitempty"`
	FP        *float64            `json:"FP,omitempty"`
	B         *bool               `json:"B,omitempty"`
	BV        *bool               `json:"BV,omitempty"`
	T         *time.Time          `json:"T,omitempty"`
	Blob      []byte              `json:"Blob,omitempty"`
	List      []string            `json:"List,omitempty"`
	Enums     []pgEnum            `json:"Enums,omitempty"`
	Map       map[pgEnum]string   `json:"Map,omitempty"`
	Nested    *pgNested           `json:"Nested,omitempty"`
	Nesteds   []pgNested          `json:"Nesteds,omitempty"`
	NestMap   map[string]pgNested `json:"NestMap,omitempty"`
	Lower     string              `json:"lowerName,omitempty"`
	Snake     string              `json:"snake_case,omitempty"`
	Tok       paginate.Token      `json:"Tok,omitzero"`
	IntTok    paginate.Token      `json:"IntTok,omitzero"`
	Tree      *pgTree             `json:"Tree,omitempty"`
}

type sdkAll struct {
	S         *string
	E         sdkEnum
	SP        string
	I         *int32
	IP        *int64
	I64       int64
	U         *uint16
	NumText   *string
	TextNum   *int32
	FloatText *string
	F         *float32
	FP        *float64
	B         *bool
	BV        bool
	T         *time.Time
	Blob      []byte
	List      []string
	Enums     []sdkEnum
	Map       map[string]sdkEnum
	Nested    *sdkNested
	Nesteds   []sdkNested
	NestMap   map[string]*sdkNested
	LowerName *string
	SnakeCase *string
	Tok       *string
	IntTok    *int32
	Tree      *sdkTree
	NewInSDK  *string // a member the pages do not know

	ResultMetadata middleware.Metadata
	noSerde
}

type pgNested struct {
	N     *int64  `json:"N,omitempty"`
	Items []int64 `json:"Items,omitempty"`
	Extra string  `json:"Extra,omitempty"` // a member the SDK does not know
}

type sdkNested struct {
	N     *int32
	Items []int32
	noSerde
}

// pgTree and sdkTree are recursive.
type pgTree struct {
	Name     string   `json:"Name,omitempty"`
	Children []pgTree `json:"Children,omitempty"`
	Parent   *pgTree  `json:"Parent,omitempty"`
}

type sdkTree struct {
	Name     *string
	Children []sdkTree
	Parent   *sdkTree
	noSerde
}

// The union and the document, in the schema-based SDK's style.

var (
	schString   = smithy.NewSchema(smithy.ShapeID{Namespace: "smithy.api", Name: "String"}, smithy.ShapeTypeString, 0)
	schInteger  = smithy.NewSchema(smithy.ShapeID{Namespace: "smithy.api", Name: "Integer"}, smithy.ShapeTypeInteger, 0)
	schDocument = smithy.NewSchema(smithy.ShapeID{Namespace: "smithy.api", Name: "Document"}, smithy.ShapeTypeDocument, 0)
	schTags     = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Tags"}, smithy.ShapeTypeList, 1)
	schValue    = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Value"}, smithy.ShapeTypeUnion, 4)
	schAttrs    = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Attrs"}, smithy.ShapeTypeMap, 2)
	schThing    = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Thing"}, smithy.ShapeTypeStructure, 3)

	schValueText   = schValue.AddMember("Text", schString)
	schValueNumber = schValue.AddMember("Number", schInteger)
	schValueData   = schValue.AddMember("Data", schDocument)
	schValueTags   = schValue.AddMember("Tags", schTags)
	schThingID     = schThing.AddMember("Id", schString)
	schThingValue  = schThing.AddMember("Value", schValue)
	schThingAttrs  = schThing.AddMember("Attrs", schAttrs)
)

func init() {
	schTags.AddMember("member", schString)
	schAttrs.AddMember("key", schString)
	schAttrs.AddMember("value", schDocument)
}

// sdkValue is a union.
type sdkValue interface{ isSdkValue() }

type sdkValueMemberText struct {
	Value string
	noSerde
}

type sdkValueMemberNumber struct {
	Value int32
	noSerde
}

type sdkValueMemberData struct {
	Value sdkDocument
	noSerde
}

type sdkValueMemberTags struct {
	Value []string
	noSerde
}

// UnknownUnionMember is a member that the SDK does not know.
type UnknownUnionMember struct {
	Tag   string
	Value []byte
	noSerde
}

func (*sdkValueMemberText) isSdkValue()   {}
func (*sdkValueMemberNumber) isSdkValue() {}
func (*sdkValueMemberData) isSdkValue()   {}
func (*sdkValueMemberTags) isSdkValue()   {}
func (*UnknownUnionMember) isSdkValue()   {}

// sdkDocument is a document.
type sdkDocument interface {
	isSdkDocument()
	document.Marshaler
	document.Unmarshaler
}

// receivedDocument is a document as the SDK builds it from a response:
// the value of a smithy document.Opaque.
type receivedDocument struct{ value any }

func (*receivedDocument) isSdkDocument() {}

func (d *receivedDocument) MarshalSmithyDocument() ([]byte, error) { return json.Marshal(d.value) }

func (d *receivedDocument) UnmarshalSmithyDocument(v any) error {
	return smithydocumentjson.NewDecoder().DecodeJSONInterface(d.value, v)
}

// lazyDocument is a document as the SDK's NewLazyDocument builds it.
type lazyDocument struct{ value any }

func (*lazyDocument) isSdkDocument() {}

func (d *lazyDocument) MarshalSmithyDocument() ([]byte, error) {
	return smithydocumentjson.NewEncoder().Encode(d.value)
}

func (d *lazyDocument) UnmarshalSmithyDocument(v any) error {
	b, err := d.MarshalSmithyDocument()
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// sdkThing deserializes itself, and holds the union and documents.
type sdkThing struct {
	Id    *string
	Value sdkValue
	Attrs map[string]sdkDocument
	noSerde
}

func (v *sdkThing) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, schThing, func(s *smithy.Schema) error {
		switch s {
		case schThingID:
			v.Id = new(string)
			return d.ReadString(s, v.Id)
		case schThingValue:
			return deserializeValue(d, s, &v.Value)
		case schThingAttrs:
			v.Attrs = map[string]sdkDocument{}
			return smithy.ReadMap(d, s, func(k string) error {
				var dv document.Value
				if err := d.ReadDocument(s.MapValue(), &dv); err != nil {
					return err
				}
				if o, ok := dv.(document.Opaque); ok {
					v.Attrs[k] = &receivedDocument{o.Value}
				}
				return nil
			})
		}
		return nil
	})
}

func deserializeValue(d smithy.ShapeDeserializer, s *smithy.Schema, v *sdkValue) error {
	return smithy.ReadUnion(d, s, func(ms *smithy.Schema) error {
		switch ms {
		case schValueText:
			vv := &sdkValueMemberText{}
			*v = vv
			return d.ReadString(ms, &vv.Value)
		case schValueNumber:
			vv := &sdkValueMemberNumber{}
			*v = vv
			return d.ReadInt32(ms, &vv.Value)
		case schValueData:
			vv := &sdkValueMemberData{}
			*v = vv
			var dv document.Value
			if err := d.ReadDocument(ms, &dv); err != nil {
				return err
			}
			if o, ok := dv.(document.Opaque); ok {
				vv.Value = &receivedDocument{o.Value}
			}
			return nil
		case schValueTags:
			vv := &sdkValueMemberTags{}
			*v = vv
			return smithy.ReadList(d, ms, func() error {
				var s string
				if err := d.ReadString(ms.ListMember(), &s); err != nil {
					return err
				}
				vv.Value = append(vv.Value, s)
				return nil
			})
		}
		return nil
	})
}

// The input and output of the operation ListThings: the input holds the
// union at its top, where no deserializable type reaches it; the output
// holds sdkThing, through which the bridge builds the union's members.

type pgListThingsInput struct {
	Filter  *pgValue        `json:"Filter,omitempty"`
	Filters []pgValue       `json:"Filters,omitempty"`
	Doc     json.RawMessage `json:"Doc,omitempty"`
	Token   paginate.Token  `json:"NextToken,omitzero"`
}

type sdkListThingsInput struct {
	Filter    sdkValue
	Filters   []sdkValue
	Doc       sdkDocument
	NextToken *string
	noSerde
}

type pgListThingsOutput struct {
	Things []pgThing `json:"Things,omitempty"`
}

type sdkListThingsOutput struct {
	Things []sdkThing
	noSerde
}

// pgValue is a tagged union.
type pgValue struct {
	Text    *string                    `json:"Text,omitempty"`
	Number  *int64                     `json:"Number,omitempty"`
	Data    json.RawMessage            `json:"Data,omitempty"`
	Tags    []string                   `json:"Tags,omitempty"`
	Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
}

// pgPlainValue is a struct that is not marked a union where the SDK has
// one, as pagegen makes DynamoDB's AttributeValue.
type pgPlainValue struct {
	Text   string   `json:"Text,omitempty"`
	Number *int64   `json:"Number,omitempty"`
	Tags   []string `json:"Tags,omitempty"`
}

type pgThing struct {
	Id    string                     `json:"Id,omitempty"`
	Value *pgValue                   `json:"Value,omitempty"`
	Attrs map[string]json.RawMessage `json:"Attrs,omitempty"`
}

type pgPlainThings struct {
	Values []pgPlainValue `json:"Values,omitempty"`
}

type sdkPlainThings struct {
	Values []sdkValue
	Thing  *sdkThing // makes the union's members reachable
	noSerde
}

// A union whose member holds a struct that holds another union: the inner
// union's members are built through the outer union's member type.

var (
	schWrap        = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "Wrap"}, smithy.ShapeTypeUnion, 1)
	schWrapThing   = schWrap.AddMember("Thing", schThing)
	schWrapHolder  = smithy.NewSchema(smithy.ShapeID{Namespace: "t", Name: "WrapHolder"}, smithy.ShapeTypeStructure, 1)
	schWrapHolderW = schWrapHolder.AddMember("W", schWrap)
)

type sdkWrap interface{ isSdkWrap() }

type sdkWrapMemberThing struct {
	Value sdkThing
	noSerde
}

func (*sdkWrapMemberThing) isSdkWrap() {}

func (v *sdkWrapMemberThing) Deserialize(d smithy.ShapeDeserializer) error {
	return v.Value.Deserialize(d)
}

// sdkWrapHolder deserializes itself, and holds the outer union.
type sdkWrapHolder struct {
	W sdkWrap
	noSerde
}

func (v *sdkWrapHolder) Deserialize(d smithy.ShapeDeserializer) error {
	return smithy.ReadStruct(d, schWrapHolder, func(s *smithy.Schema) error {
		if s != schWrapHolderW {
			return nil
		}
		return smithy.ReadUnion(d, s, func(ms *smithy.Schema) error {
			if ms == schWrapThing {
				vv := &sdkWrapMemberThing{}
				v.W = vv
				return vv.Deserialize(d)
			}
			return nil
		})
	})
}

type pgWrapInput struct {
	W *pgWrap `json:"W,omitempty"`
}

type pgWrap struct {
	Thing   *pgThing                   `json:"Thing,omitempty"`
	Unknown map[string]json.RawMessage `json:"-" pagegen:"unknown"`
}

type sdkWrapInput struct {
	W sdkWrap
	noSerde
}

type sdkWrapOutput struct {
	Holder *sdkWrapHolder
	noSerde
}
