package awsbridge

import (
	"context"
	"reflect"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
	"github.com/aws/smithy-go/transport/http/protocol/restjson1"
	"github.com/aws/smithy-go/transport/http/protocol/rpcv2"
)

var (
	interceptorsType = reflect.TypeFor[smithyhttp.InterceptorRegistry]()
	deserializable   = reflect.TypeFor[smithy.Deserializable]()
	streamingOutput  = reflect.TypeFor[smithy.StreamingOutput]()
)

// directProtocolOf reports whether the response of p may be decoded
// straight into the pagegen output: p is one of smithy-go's protocols
// whose DeserializeResponse does nothing with the output but call its
// Deserialize (awsJson 1.0 and 1.1, awsQuery, rpcv2Cbor), or, for
// restJson1, also give it the body when it is a stream, which an output
// that is not one is not given. Another protocol (a program's own,
// restXml, ec2Query) takes FromSDK's path.
func directProtocolOf(p smithyhttp.ClientProtocol) bool {
	switch p.(type) {
	case *awsjson.Protocol, *awsquery.Protocol, *restjson1.Protocol, *rpcv2.Protocol:
		return true
	}
	return false
}

// directOp is what an operation knows of its direct path, once the SDK's
// protocol has shown its output schema.
type directOp struct {
	output *smithy.Schema // the operation's output schema
	plan   *dstruct       // nil when the operation takes FromSDK's path
}

// directPlan returns the plan that decodes the output of schema into the
// operation's pagegen output, or nil when the operation takes FromSDK's
// path: the SDK's output out is not of the operation's SDK output type
// (another operation of the client), is a stream or an event stream,
// does not read schema's output, or has a member that the schema does
// not name. It is decided once for an operation.
func (o *operation) directPlan(schema *smithy.OperationSchema, out smithy.Deserializable) *dstruct {
	if schema == nil || schema.Output == nil || reflect.TypeOf(out) != reflect.PointerTo(o.soutT) {
		return nil
	}
	if d := o.dir.Load(); d != nil && d.output == schema.Output {
		return d.plan
	}
	d := &directOp{output: schema.Output}
	if !schema.IsOutputEventStream() && !reflect.PointerTo(o.soutT).Implements(streamingOutput) {
		d.plan = o.b.directStruct(schema.Output, o.outT, o.soutT, o.roots)
	}
	o.dir.Store(d)
	return d.plan
}

// directCall is the state of one call of Call that may decode the
// response straight into the pagegen output.
type directCall struct {
	o     *operation
	c     *conv
	out   reflect.Value // the pagegen output, a struct
	order *keyOrder     // the order of map keys, for FromSDK's path
	plan  *dstruct      // of the response being read
	// decoded is set when the response was decoded into out, whose
	// conversion error is err.
	decoded bool
	err     error
}

// install sets the SDK options opts' Protocol to one that decodes the
// response into the pagegen output, or, where the direct path does not
// apply, records the order of map keys for FromSDK's path.
func (dc *directCall) install(opts reflect.Value) {
	field := opts.Field(dc.o.protocol)
	p, _ := field.Interface().(smithyhttp.ClientProtocol)
	if p == nil {
		return
	}
	if dc.o.direct && !dc.o.b.fromSDKOnly && directProtocolOf(p) && !readsOutput(opts, dc.o.interceptors) {
		field.Set(reflect.ValueOf(&directProtocol{ClientProtocol: p, call: dc}))
		return
	}
	if dc.order != nil {
		field.Set(reflect.ValueOf(&orderProtocol{ClientProtocol: p, order: dc.order}))
	}
}

// readsOutput reports whether the SDK options opts have interceptors that
// are given the SDK's output, which the direct path leaves empty.
// interceptors is the index of their field, or -1.
func readsOutput(opts reflect.Value, interceptors int) bool {
	if interceptors < 0 {
		return false
	}
	r := opts.Field(interceptors).Addr().Interface().(*smithyhttp.InterceptorRegistry)
	return len(r.AfterDeserialization) > 0 || len(r.AfterAttempt) > 0 || len(r.AfterExecution) > 0
}

// Deserialize reads the response from d into the pagegen output.
func (dc *directCall) Deserialize(d smithy.ShapeDeserializer) error {
	dc.decoded = true
	dc.out.SetZero()
	dc.c.depth = 0
	convErr, readErr := dc.plan.decode(d, dc.out.Addr().UnsafePointer(), dc.c)
	dc.err = convErr
	return readErr
}

// directProtocol is a ClientProtocol whose DeserializeResponse decodes
// the response into the call's pagegen output, leaving the SDK's output
// empty, where the operation takes the direct path; elsewhere it
// deserializes the SDK's output, recording the order of map keys.
type directProtocol struct {
	smithyhttp.ClientProtocol
	call *directCall
}

// DeserializeResponse has the wrapped protocol deserialize the response
// through the call, or into out.
func (p *directProtocol) DeserializeResponse(ctx context.Context, schema *smithy.OperationSchema, types *smithy.TypeRegistry, resp *smithyhttp.Response, out smithy.Deserializable) error {
	dc := p.call
	dc.decoded, dc.err = false, nil
	if dc.plan = dc.o.directPlan(schema, out); dc.plan != nil {
		return p.ClientProtocol.DeserializeResponse(ctx, schema, types, resp, dc)
	}
	if dc.order != nil {
		return (&orderProtocol{ClientProtocol: p.ClientProtocol, order: dc.order}).DeserializeResponse(ctx, schema, types, resp, out)
	}
	return p.ClientProtocol.DeserializeResponse(ctx, schema, types, resp, out)
}
