package awsbridge

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/smithy-go/encoding/cbor"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
	"github.com/stretchr/testify/require"
)

// synResponse returns the responses of a syn client: status, header and
// body.
func synResponse(status int, header http.Header, body []byte) func() *smithyhttp.Response {
	return func() *smithyhttp.Response {
		return &smithyhttp.Response{Response: &http.Response{
			StatusCode: status, Header: header.Clone(), Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
		}}
	}
}

// synGetBothWays calls syn's Get through the protocol p over the
// responses both ways.
func synGetBothWays(t *testing.T, p smithyhttp.ClientProtocol, resp func() *smithyhttp.Response, want path) (*pgSynOut, error) {
	t.Helper()
	c := &synClient{options: SynOptions{Protocol: p}, response: resp}
	return bothWays[pgSynOut](t, "syn", "Get", c.Get, &pgSynIn{}, want)
}

// synEverything is a JSON body of syn's output that sets every member.
const synEverything = `{"Str":"s","Enum":"E1","I8":-128,"I16":32767,"I32":0,"I64":2147483647,"IntEnum":3,"F32":1.5,"F64":-2.5e38,
"Bool":false,"BoolV":true,"Time":1700000000.123,"Date":"2024-01-02T03:04:05.678Z","Blob":"aGk=","Blobs":["aGk=",null,""],
"Limit":"25","Count":7,"Ratio":0.1,"List":["a",null,""],"Nums":[1,-2,null],"Structs":[{"Name":"n","Size":1},null,{}],
"Map":{"a":{"Name":"x"},"b":null,"c":{}},"Nested":{"Name":"n","Size":-1},
"Rec":{"Name":"r","Child":{"Name":"c","Child":{}},"Kids":[{"Name":"k","Kids":[{"Child":{"Name":"deep"}}]},{}]},
"Doc":{"a":[1,2.5,"x",null,true],"b":{}},"U":{"B":{"Name":"b"}},
"Us":[{"A":"a"},{"C":["x",null]},{"D":5},{"E":{"k":"v"}},{"Z":1},{"B":{}},null,{"C":[]}],
"P":{"X":"x"},"NextToken":"t","Marker":9007199254740993,
"Key":{"z":{"A":"1"},"a":{"D":2},"m":{"B":{"Name":"n","Size":3}},"c":{"C":[]},"e":{"E":[1,{"b":2,"a":1}]},"n":null,"q":{"Q":1}},
"Extra":"dropped","ExtraStruct":{"Name":"x","Size":1},"Header":"h","HeaderList":["x","y"],"Status":201,"Meta":{"a":"b","c":null}}`

// synBodies are JSON bodies of syn's output, each of one kind.
var synBodies = []canned{
	{"every member", synEverything},
	{"no member", `{}`},
	{"zero values", `{"Str":"","Enum":"","I8":0,"I32":0,"IntEnum":0,"F32":0,"F64":-0.0,"Bool":false,"BoolV":false,"Blob":"","Count":0,"Ratio":0,"Status":0,"Marker":0,"NextToken":""}`},
	{"a limit that is blank", `{"Limit":""}`},
	{"a limit that is not a number", `{"Limit":"ten"}`},
	{"a limit beyond int64", `{"Limit":"99999999999999999999"}`},
	{"a negative limit", `{"Limit":"-3"}`},
	{"a float as the count's text", `{"Ratio":3.4028235e38}`},
	{"an integer beyond the pagegen int32", `{"I64":2147483648}`},
	{"a byte beyond int8", `{"I8":128}`},
	{"a double beyond the pagegen float32", `{"F64":1e300}`},
	{"an infinite double", `{"F64":"-Infinity","F32":"NaN"}`},
	{"a union member the pagegen union does not know", `{"U":{"D":-7}}`},
	{"a document member of a union", `{"U":{"E":null}}`},
	{"a document that is a number", `{"Doc":1}`},
	{"a document that is a string", `{"Doc":"x"}`},
	{"a union member of the plain struct it has no place in", `{"P":{"Y":1}}`},
	{"an empty member of the plain struct", `{"P":{"X":""}}`},
	{"an empty string member of a union", `{"U":{"A":""}}`},
	{"an empty struct member of a union", `{"U":{"B":{}}}`},
	{"a repeated union with a member the SDK does not know", `{"U":{"A":"x"},"U":{"Z":1}}`},
	{"repeated members", `{"Blob":"aGk=","Blob":"","Nested":{"Name":"a"},"Nested":{"Size":1},"Str":"a","Str":"b","I32":5,"I32":0,"Doc":[1],"Doc":{"x":1}}`},
	{"a deep recursion", `{"Rec":` + strings.Repeat(`{"Child":`, 200) + `{"Name":"bottom"}` + strings.Repeat(`}`, 200) + `}`},
	{"a token of a map with repeated keys", `{"Key":{"b":{"A":"1"},"a":{"A":"2"},"b":{"D":3}}}`},
	{"a token with a union the SDK does not know", `{"Key":{"x":{"Q":1}}}`},
	{"a token of an integer", `{"Marker":-1}`},
	{"a date that is not one", `{"Date":"yesterday"}`},
	{"a blob that is not base64", `{"Blobs":["!"]}`},
	{"a struct for a union", `{"Us":[[]]}`},
}

// TestSyntheticAWSJSON reads syn's responses through awsJson 1.0 both
// ways.
func TestSyntheticAWSJSON(t *testing.T) {
	p := awsjson.New10(synService)
	for _, tt := range synBodies {
		t.Run(tt.name, func(t *testing.T) {
			synGetBothWays(t, p, synResponse(200, http.Header{}, []byte(tt.body)), direct)
		})
	}
}

// TestSyntheticRESTJSON reads syn's responses through restJson1 both
// ways: the members bound to headers and the status code reach the
// pagegen output.
func TestSyntheticRESTJSON(t *testing.T) {
	p := restjson1.New(synService)
	header := http.Header{
		"X-Header":   {"from the header"},
		"X-List":     {"a, b", "c"},
		"X-Meta-Foo": {"foo"},
		"X-Meta-Bar": {"bar"},
	}
	for _, tt := range synBodies {
		t.Run(tt.name, func(t *testing.T) {
			synGetBothWays(t, p, synResponse(201, header, []byte(tt.body)), direct)
		})
	}
	t.Run("headers", func(t *testing.T) {
		out, err := synGetBothWays(t, p, synResponse(202, header, []byte(`{"Str":"s"}`)), direct)
		require.NoError(t, err)
		require.Equal(t, "from the header", out.Header)
		require.Equal(t, []string{"a", "b", "c"}, out.HeaderList)
		require.Equal(t, map[string]string{"foo": "foo", "bar": "bar"}, out.Meta)
		require.Equal(t, int64(202), *out.Status)
		require.Equal(t, "s", out.Str)
	})
}

// TestSyntheticCBOR reads syn's responses through rpcv2Cbor both ways.
func TestSyntheticCBOR(t *testing.T) {
	p := rpcv2.NewCBOR(synService)
	for _, tt := range []struct {
		name string
		body cbor.Value
	}{
		{"members", cbor.Map{
			"Str": cbor.String("s"), "Enum": cbor.String("E"), "I8": cbor.NegInt(128), "I16": cbor.Uint(7), "I32": cbor.Uint(0), "I64": cbor.Uint(1 << 40),
			"IntEnum": cbor.Uint(2), "F32": cbor.Float32(1.5), "F64": cbor.Float64(2.5), "Bool": cbor.Bool(true), "Ratio": cbor.Float32(0.1),
			"Time": &cbor.Tag{ID: 1, Value: cbor.Float64(1.7e9)}, "Blob": cbor.Slice("hi"), "Blobs": cbor.List{cbor.Slice("a"), &cbor.Nil{}},
			"Limit": cbor.String("3"), "Count": cbor.Uint(9), "List": cbor.List{cbor.String("a"), &cbor.Nil{}}, "Nums": cbor.List{cbor.Uint(1), cbor.NegInt(2)},
			"Structs": cbor.List{cbor.Map{"Name": cbor.String("n")}, &cbor.Nil{}}, "Map": cbor.Map{"a": cbor.Map{"Size": cbor.Uint(1)}},
			"Rec": cbor.Map{"Name": cbor.String("r"), "Kids": cbor.List{cbor.Map{"Child": cbor.Map{}}}},
			"U":   cbor.Map{"C": cbor.List{cbor.String("x")}}, "Us": cbor.List{cbor.Map{"A": cbor.String("a")}, cbor.Map{"Z": cbor.Uint(1)}, cbor.Map{"D": cbor.Uint(4)}},
			"P": cbor.Map{"X": cbor.String("x")}, "NextToken": cbor.String("t"), "Marker": cbor.Uint(5),
			"Key": cbor.Map{"k": cbor.Map{"A": cbor.String("v")}}, "Extra": cbor.String("e"), "Status": cbor.Uint(1),
		}},
		{"an empty string member of a union", cbor.Map{"U": cbor.Map{"A": cbor.String("")}}},
		{"an integer beyond the pagegen int32", cbor.Map{"I64": cbor.Uint(1 << 40), "Str": cbor.String("s")}},
		{"a string for a number", cbor.Map{"I32": cbor.String("1")}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synGetBothWays(t, p, synResponse(200, http.Header{"Smithy-Protocol": {"rpc-v2-cbor"}}, cbor.Encode(tt.body)), direct)
		})
	}
}

// TestSyntheticQuery reads syn's responses, in the query protocol's XML,
// both ways.
func TestSyntheticQuery(t *testing.T) {
	p := awsquery.New(synService)
	const head, tail = `<GetResponse><GetResult>`, `</GetResult></GetResponse>`
	for _, tt := range []canned{
		{"members", `<Str>s</Str><Enum>E</Enum><I8>-1</I8><I16>2</I16><I32>3</I32><I64>4</I64><IntEnum>5</IntEnum><F32>1.5</F32><F64>2.5</F64>
<Bool>true</Bool><BoolV>false</BoolV><Date>2024-01-02T03:04:05Z</Date><Blob>aGk=</Blob><Blobs><member>aGk=</member><member></member><member>aQ==</member></Blobs>
<Limit>7</Limit><Count>8</Count><Ratio>0.25</Ratio><List><member>a</member><member></member></List><Nums><member>1</member></Nums>
<Structs><member><Name>n</Name><Size>1</Size></member><member/></Structs><Map><entry><key>k</key><value><Name>v</Name></value></entry></Map>
<Nested><Name>n</Name></Nested><Rec><Name>r</Name><Child><Name>c</Name></Child><Kids><member><Name>k</Name></member></Kids></Rec>
<U><C><member>x</member></C></U><Us><member><A>a</A></member><member><D>3</D></member><member><Z>1</Z></member></Us><P><X>x</X></P>
<NextToken>t</NextToken><Marker>6</Marker><Key><entry><key>k</key><value><A>v</A></value></entry></Key><Extra>x</Extra><ExtraStruct><Name>n</Name></ExtraStruct>`},
		{"a blob repeated empty", `<Blob>aGk=</Blob><Blob></Blob>`},
		{"an empty blob", `<Blob></Blob>`},
		{"an empty string member of a union", `<U><A></A></U>`},
		{"an integer that is not", `<I32>x</I32>`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synGetBothWays(t, p, synResponse(200, http.Header{}, []byte(head+tt.body+tail)), direct)
		})
	}
}
