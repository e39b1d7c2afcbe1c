package awsbridge

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"

	"github.com/pagegen/pagegen/awsbridge/internal/shape"
)

// Config configures a Bridge.
type Config struct {
	// Service is the name of the service whose package the bridge
	// serves: "dynamodb". It identifies the bridge to its readers; the
	// conversions do not depend on it.
	Service string
	// NewDocument returns the SDK's document (a value of the service's
	// document.Interface) that holds v, a JSON value as nil, bool, string,
	// github.com/aws/smithy-go/document.Number, []any and map[string]any.
	// The generated bridge of a service with documents sets it to
	//
	//	func(v any) any { return document.NewLazyDocument(v) }
	//
	// When it is nil, documents are built through the SDK's deserializer,
	// as unions are.
	NewDocument func(v any) any
}

// Bridge converts the values of one service between its pagegen package's
// types and aws-sdk-go-v2's, and calls the SDK with them. It plans each
// pair of types once and is safe for concurrent use.
type Bridge struct {
	cfg Config

	mu     sync.Mutex // held while plans are built
	plans  sync.Map   // planKey → *plan
	dplans sync.Map   // dkey → *dstruct, *dlist, *dmap or *dunion (nil for none)
	// fromSDKOnly has Call convert the SDK's output on every call, for
	// the package's tests, which compare the two paths.
	fromSDKOnly bool
	ops         sync.Map // reflect.Type of the SDK input → *operation
	roots       sync.Map // operation name → []reflect.Type, its SDK input and output
}

// New returns a Bridge for the service that c describes.
func New(c Config) *Bridge {
	return &Bridge{cfg: c}
}

// Call calls the SDK's operation op with in converted to the SDK's input
// type, and returns the SDK's output converted to the pagegen type Out.
// call is the SDK client's method (client.Scan) and optFns the options to
// pass it. A nil in is an empty input, and a nil output an empty one. The
// SDK's error is returned unchanged, so errors.As finds smithy's and the
// SDK's error types in it; a value that cannot be converted gives a
// *ConversionError.
//
// Where the SDK's client deserializes through schemas (its Options have
// a Protocol, one of smithy-go's awsJson, restJson1, awsQuery and
// rpcv2Cbor, and its output deserializes itself), Call has the protocol
// decode the response straight into the pagegen output, with the results
// and errors that converting the SDK's output would give, and the SDK's
// output is left empty. Elsewhere it converts the SDK's output. Either
// way, where the pagegen output holds a map as a Token (DynamoDB's
// LastEvaluatedKey), the Token lists the map's keys in the order the
// response lists them, as boto3 does.
func Call[Out, In, SIn, SOut, Opt any](ctx context.Context, b *Bridge, op string, call func(context.Context, *SIn, ...func(*Opt)) (*SOut, error), in *In, optFns []func(*Opt)) (*Out, error) {
	o := b.operation(op, reflect.TypeFor[In](), reflect.TypeFor[Out](), reflect.TypeFor[SIn](), reflect.TypeFor[SOut](), reflect.TypeFor[Opt]())
	if o.lostToken != nil {
		return nil, conversionError(op, o.lostToken)
	}
	c := &conv{b: b, roots: o.roots}
	sin := new(SIn)
	if in != nil {
		if err := o.in.fn(reflect.ValueOf(sin).Elem(), reflect.ValueOf(in).Elem(), c); err != nil {
			return nil, conversionError(op, err)
		}
	}
	out := new(Out)
	fns := optFns
	var dc *directCall
	if o.protocol >= 0 && (o.direct || len(o.ordered) > 0) {
		dc = &directCall{o: o, c: c, out: reflect.ValueOf(out).Elem()}
		if len(o.ordered) > 0 {
			c.order = &keyOrder{members: o.ordered}
			dc.order = c.order
		}
		fns = append(fns[:len(fns):len(fns)], func(opts *Opt) {
			dc.install(reflect.ValueOf(opts).Elem())
		})
	}
	sout, err := call(ctx, sin, fns...)
	if err != nil {
		return nil, err
	}
	if dc != nil && dc.decoded {
		if dc.err != nil {
			return nil, conversionError(op, dc.err)
		}
		return out, nil
	}
	*out = *new(Out)
	c.depth = 0
	if sout != nil {
		if err := o.out.fn(reflect.ValueOf(out).Elem(), reflect.ValueOf(sout).Elem(), c); err != nil {
			return nil, conversionError(op, err)
		}
	}
	return out, nil
}

// ToSDK converts the pagegen value *src of operation op into *dst, a
// value of the SDK's type, which it first sets to its zero value. src is a
// pointer to a pagegen struct; a nil pointer converts as the zero value.
func (b *Bridge) ToSDK(op string, dst, src any) error {
	return b.convert(op, toSDK, dst, src)
}

// FromSDK converts the SDK's value *src of operation op into *dst, a
// value of a pagegen type, which it first sets to its zero value. src is a
// pointer to an SDK struct; a nil pointer converts as the zero value.
// Map keys in Tokens come out sorted: only Call knows the order in which
// a response listed them.
func (b *Bridge) FromSDK(op string, dst, src any) error {
	return b.convert(op, fromSDK, dst, src)
}

func (b *Bridge) convert(op string, d dir, dst, src any) error {
	dv := reflect.ValueOf(dst)
	if dv.Kind() != reflect.Pointer || dv.IsNil() || dv.Elem().Kind() != reflect.Struct {
		return &ConversionError{Op: op, Err: fmt.Errorf("the destination is a %T, not a non-nil pointer to a struct", dst)}
	}
	dv = dv.Elem()
	dv.SetZero()
	if src == nil {
		return nil
	}
	sv := reflect.ValueOf(src)
	if sv.Kind() != reflect.Pointer || sv.Type().Elem().Kind() != reflect.Struct {
		return &ConversionError{Op: op, Err: fmt.Errorf("the source is a %T, not a pointer to a struct", src)}
	}
	if sv.IsNil() {
		sv = reflect.New(sv.Type().Elem())
	}
	sv = sv.Elem()
	roots := []reflect.Type{dv.Type()}
	if d == fromSDK {
		roots[0] = sv.Type()
	}
	if r, ok := b.roots.Load(op); ok {
		roots = append(roots, r.([]reflect.Type)...)
	}
	p := b.plan(d, dv.Type(), sv.Type())
	return conversionError(op, p.fn(dv, sv, &conv{b: b, roots: shape.NewRoots(roots...)}))
}

// Unmatched returns the names of the fields of the SDK struct type sdk
// that no member of the pagegen struct type pagegen converts to or from:
// members that the SDK knows and the pages do not. The bridge leaves them
// unset in inputs and drops them from outputs.
func (b *Bridge) Unmatched(sdk, pagegen reflect.Type) []string {
	return shape.SDKOnly(sdk, pagegen)
}

// member returns the SDK's type of the member name of the union iface,
// built through the SDK's deserializer.
func (c *conv) member(iface reflect.Type, name string) (reflect.Type, error) {
	return shape.ResolveMember(iface, name, c.roots)
}

// operation is what Call knows of an operation.
type operation struct {
	b                             *Bridge
	name                          string
	inT, outT, sinT, soutT, optsT reflect.Type
	in, out                       *plan
	roots                         *shape.Roots // the SDK input and output
	// protocol is the index of the Protocol field of the SDK's options,
	// else -1; ordered are the output's members whose map keys keep the
	// order of the response.
	protocol int
	ordered  []string
	// direct is set when the SDK's output deserializes itself, so that
	// the response may be decoded straight into the pagegen output
	// (direct.go); dir is what its first response decided, and
	// interceptors is the index of the SDK options' Interceptors, or -1.
	direct       bool
	dir          atomic.Pointer[directOp]
	interceptors int
	// lostToken is the error of an output token that the SDK's output
	// lacks: without it every walk would end after its first page.
	lostToken error
}

// operation returns the operation op of the given types, planned once.
func (b *Bridge) operation(op string, in, out, sin, sout, opts reflect.Type) *operation {
	if v, ok := b.ops.Load(sin); ok {
		if o := v.(*operation); o.name == op && o.inT == in && o.outT == out && o.soutT == sout && o.optsT == opts {
			return o
		}
	}
	o := &operation{
		b: b, name: op, inT: in, outT: out, sinT: sin, soutT: sout, optsT: opts,
		in:           b.plan(toSDK, sin, in),
		out:          b.plan(fromSDK, out, sout),
		roots:        shape.NewRoots(sin, sout),
		protocol:     -1,
		interceptors: -1,
	}
	o.ordered = orderedMembers(out, sout)
	o.lostToken = lostToken(out, sout)
	if opts.Kind() == reflect.Struct {
		if f, ok := opts.FieldByName("Protocol"); ok && len(f.Index) == 1 && f.Type == clientProtocolType {
			o.protocol = f.Index[0]
		}
		if f, ok := opts.FieldByName("Interceptors"); ok && len(f.Index) == 1 && f.Type == interceptorsType {
			o.interceptors = f.Index[0]
		}
	}
	o.direct = out.Kind() == reflect.Struct && sout.Kind() == reflect.Struct && reflect.PointerTo(sout).Implements(deserializable)
	b.ops.Store(sin, o)
	b.roots.Store(op, []reflect.Type{sin, sout})
	return o
}

// lostToken returns the error of the first Token member of the pagegen
// output out that the SDK output sout has no member for, or nil. A Token
// member is a hidden pagination token, so an SDK that lacks it cannot
// page.
func lostToken(out, sout reflect.Type) error {
	if out.Kind() != reflect.Struct || sout.Kind() != reflect.Struct {
		return nil
	}
	for _, p := range shape.Pairs(out, sout) {
		if !p.Matched && p.Pagegen.Type == tokenType {
			return atField(fmt.Errorf("the SDK's %s has no member %s, the token of the next page; an SDK that pages this operation is needed", sout.Name(), p.Pagegen.Wire), p.Pagegen.Name)
		}
	}
	return nil
}

// errNoMember is the error of a pagegen member the SDK has no place for.
func errNoMember(sdk reflect.Type, wire string) error {
	return fmt.Errorf("the SDK's %s has no member %s", sdk.Name(), wire)
}

var errNoneSet = errors.New("no member is set")
