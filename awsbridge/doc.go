// Package awsbridge is the runtime of the generated bridge packages, which
// implement a pagegen package's clients by calling aws-sdk-go-v2. Only
// generated code and its tests are meant to import it: a generated bridge
// method is one call of Call,
//
//	func (c *Client) Scan(ctx context.Context, in *dynamodb.ScanInput) (*dynamodb.ScanOutput, error) {
//		return awsbridge.Call[dynamodb.ScanOutput](ctx, bridge, "Scan", c.api.Scan, in, c.optFns)
//	}
//
// with one Bridge per package. Call converts the pagegen input into the
// SDK's input type, calls the SDK, and makes the pagegen output of the
// response: where the SDK deserializes through schemas, by decoding the
// response straight into it, else by converting the SDK's output (see
// How); ToSDK and FromSDK convert single values. The package bridgetest
// checks a bridge's conversions.
//
// # What it converts
//
// Both sides are structs that name their members after the API's: a
// pagegen field carries the member name in its json tag, and the SDK
// names its field after it with the first letter upper-cased (in the SDK
// modules at hand, every member of every schema is named so). A pagegen
// field converts to the SDK field of that name, else to the only one whose
// name is equal to it ignoring case and every character that is not a
// letter or a digit. Between the fields, the bridge converts:
//
//   - strings and enums, whose values pass through whatever they are;
//   - integers of every width, checked against the range of the
//     destination; float64 and float32 (a finite float64 beyond float32's
//     range is an error); numbers that one side types as a string (a
//     limit, a marker), through their decimal text;
//   - booleans, timestamps (time.Time, copied exactly) and blobs ([]byte);
//   - lists and maps, item by item (nil stays nil and empty stays empty;
//     map keys may be enums on either side), pointers (nil to nil, a value
//     to a pointer and back) and structs at any depth, recursive ones
//     included;
//   - documents: the SDK's document marshals to the JSON text that the
//     pagegen json.RawMessage holds (JSON null is a document null, nil no
//     document); the other way, Config.NewDocument builds it, or else the
//     SDK's deserializer, as for unions below;
//   - tagged unions: a pagegen struct of optional members (or a plain
//     struct where the SDK has a union, as pagegen makes DynamoDB's
//     AttributeValue) and the SDK's union interface, whose dynamic type
//     *<Union>Member<Name> names the member. A member the pagegen union
//     does not know, the SDK's UnknownUnionMember included, goes into its
//     unknown members as JSON; an unknown member that the SDK knows is
//     sent from its JSON;
//   - tokens: a paginate.Token and the SDK's token member, whatever its
//     type: a string (an integer token as its digits), an integer, or any
//     other type through the token's JSON value, in which a union is an
//     object of one member, a blob is bytes (so that the resume token
//     lists it in boto_encoded_keys, as botocore does) or a base64 string,
//     and a timestamp is epoch seconds. A map comes out with its keys
//     sorted, except that Call keeps the order in which the response
//     listed the keys of the maps that are an output's top-level token
//     members (DynamoDB's LastEvaluatedKey), as boto3 does: it reads them
//     in that order from the SDK's protocol (Options.Protocol, in the
//     SDKs whose protocols deserialize through schemas).
//
// An SDK member that the pagegen struct does not have (the SDK is newer
// than the pages) is left unset in inputs and out of outputs;
// Bridge.Unmatched lists them.
//
// # How
//
// Conversions are reflection driven: for each pair of types and each
// direction, a plan is built once, of field indices and conversion
// functions, and kept; a conversion then walks the values with no lookup
// by name. Errors carry the path of the member, in the pagegen value's Go
// field names, and are returned as *ConversionError; the SDK's own errors
// pass through Call unchanged.
//
// Call has two ways of making the pagegen output. Where the SDK's client
// deserializes through schemas (its Options have a Protocol that is one
// of smithy-go's awsJson 1.0 and 1.1, restJson1, awsQuery and rpcv2Cbor,
// and its outputs deserialize themselves: DynamoDB, SSM, CloudWatch Logs
// and IAM at hand), Call sets the call's Protocol to one that hands the
// real protocol a smithy.Deserializable of its own, which reads the
// response through the protocol's ShapeDeserializer straight into the
// pagegen output: the SDK's output, which the SDK builds only to be
// converted, is left empty. Else Call converts the SDK's output, which the
// SDK's protocol built while it noted the order of the token maps' keys.
// The direct path's results and errors are those of converting the SDK's
// output, whose Deserialize it mirrors call for call:
//
//   - a plan per schema, pagegen type and SDK type, built once, reads a
//     structure, list, map or union with smithy's ReadStruct, ReadList,
//     ReadMap and ReadUnion and the schemas the SDK passes them (a
//     structure's own, the member's otherwise), and each scalar with the
//     method the SDK reads it with, into the SDK's Go type, which the
//     conversion of FromSDK then converts; members are found by the
//     address of their schema, never by name;
//   - what the SDK's generated code makes of odd responses is kept: a
//     repeated member replaces the one before, a null list item or map
//     value is the SDK's zero value, and a union that names no member the
//     SDK knows leaves the SDK's variable as it was, so that a list item
//     or a map value repeats the last union that had a member, and a
//     struct member keeps its value;
//   - the members that no plan covers exactly (documents, tokens that are
//     not strings or integers, pairs of types that FromSDK does not convert
//     item by item or member by member) and those the pagegen struct does
//     not have are read by the SDK's own Deserialize of the struct that
//     holds them, through a deserializer that shows it that member alone,
//     into an SDK struct of their own, and converted by FromSDK (a union's
//     member by the Deserialize of the SDK's member type);
//   - a value that cannot be converted is an error kept until the whole
//     response has been read, the one that FromSDK would report first,
//     so that an error of the response itself, which the SDK's
//     deserializer returns, comes first, as it does when the SDK reads
//     the response before the conversion.
//
// The SDK's output is the SDK's own: nothing in the SDK's middleware
// stack reads it once deserialized, for the services at hand (DynamoDB's
// CRC32 check reads the raw body), but interceptors are given it, so that
// a call whose options hold AfterDeserialization, AfterAttempt or
// AfterExecution interceptors converts the SDK's output, as do outputs
// that are streams or event streams, and protocols of a program's own.
// A middleware added through the options' APIOptions that reads the
// SDK's output finds it empty on the direct path.
//
// A union's member types and the SDK's documents cannot be named by
// reflection: an interface does not list the types that implement it,
// and only the SDK's deserializers build them. So the bridge finds, among
// the types reachable from the operation's SDK input and output (through
// fields, list items, map values, pointers and the members of the unions
// they hold), one that deserializes itself and holds the union, and runs
// its Deserialize with a deserializer that leads it down to the union,
// answers the member wanted, and ends everything else. The member type it
// builds is kept; values are then made with reflection. The SDK's own
// deserializer is the one place that knows the member types, so the
// bridge asks it rather than keep a list that could fall behind the SDK.
//
// # What cannot be converted
//
// Each of these is an error naming the member, never a value dropped:
//
//   - Members the SDK lacks: a pagegen member that is set where the SDK's
//     struct has no member of its name, and an output's token that the
//     SDK's output lacks (Call fails before the call, as the walk could
//     not go past its first page).
//   - Unknown members: a pagegen union's unknown member that the SDK's
//     union does not know; the SDK cannot send it.
//   - Unreachable unions: a union member or (without Config.NewDocument) a
//     document to send, where no type reachable from the operation's SDK
//     types deserializes itself and holds it: a union that only inputs
//     hold, outside every structure of the SDK's types package (in the
//     SDKs at hand, IAM's PolicyIdentifier, SSM's
//     CloudConnectorConfiguration and ExecutionInputs, CloudWatch Logs'
//     ResourceConfig), or any union of an input in an SDK that has no
//     schema-based deserializers (REST-XML, EC2 and some others). Unions
//     of outputs convert in every SDK: the SDK hands over the member it
//     built.
//   - Numbers out of range: an integer beyond the range of the SDK's type,
//     a finite float64 beyond float32's, a number beyond int64 or float64
//     from the SDK's text.
//   - Numbers that are not numbers: a member that one side types as a
//     string and the other as a number, whose text is not a number.
//   - Tokens of another type: a token whose value the SDK's member cannot
//     hold (an object where it has a string, a string that is not an
//     integer where it has an integer, a member a union or struct does not
//     have, a blob that is not base64, a timestamp that is neither epoch
//     seconds nor a date-time string), and an SDK value that JSON cannot
//     hold (a NaN or infinite float).
//   - Unions with other than one member: a pagegen union with no member
//     set, or more than one.
//   - Members a plain struct cannot hold: an SDK union member whose value
//     the pagegen field would hold as unset, which would read as no member
//     (DynamoDB's {"S": ""}, where pagegen's S is a plain string, or a nil
//     list); and, where the pagegen struct is not a tagged union, an SDK
//     member it does not know or an UnknownUnionMember.
//   - Invalid JSON: a document, or an SDK UnknownUnionMember's value, that
//     is not JSON.
//   - Types with nothing in common: a member that is, say, a string on one
//     side and a structure on the other.
//
// Some values convert with a change that no value of the other type could
// avoid: a float64 sent as a float32 is rounded to the nearest float32;
// a zero pagegen value that is not a pointer is absent, as in pagegen's
// JSON (omitempty), and an SDK pointer to a zero value becomes that zero
// value there; documents built by Config.NewDocument (the SDK's lazy
// documents) send their object keys sorted; a structure in a token lists
// its members that are set, in the SDK's field order.
package awsbridge
