package shape

import (
	"reflect"
	"strings"
	"sync"

	"github.com/aws/smithy-go/middleware"
)

// Field is an exported field of a struct.
type Field struct {
	Index int    // its index in the struct
	Name  string // its Go name
	// Wire is the member name: for a pagegen field the name in its json
	// tag, for an SDK field its Go name.
	Wire string
	Type reflect.Type
}

// Pagegen is what a pagegen struct type holds.
type Pagegen struct {
	Type reflect.Type
	// Fields are its members, in order: the exported fields with a json
	// name, less the unknown-members field.
	Fields []Field
	// Unknown is the index of the field tagged pagegen:"unknown" (a
	// union's members that the package does not know), or -1.
	Unknown int
}

// IsUnion reports whether the struct is a tagged union.
func (p *Pagegen) IsUnion() bool { return p.Unknown >= 0 }

var pagegenCache sync.Map // reflect.Type → *Pagegen

// PagegenOf returns what the pagegen struct type t holds.
func PagegenOf(t reflect.Type) *Pagegen {
	if v, ok := pagegenCache.Load(t); ok {
		return v.(*Pagegen)
	}
	p := &Pagegen{Type: t, Unknown: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Tag.Get("pagegen") == "unknown" {
			p.Unknown = i
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		p.Fields = append(p.Fields, Field{Index: i, Name: f.Name, Wire: name, Type: f.Type})
	}
	v, _ := pagegenCache.LoadOrStore(t, p)
	return v.(*Pagegen)
}

var metadataType = reflect.TypeFor[middleware.Metadata]()

var sdkCache sync.Map // reflect.Type → []Field

// SDKFields returns the members of the SDK struct type t: its exported
// fields less ResultMetadata.
func SDKFields(t reflect.Type) []Field {
	if v, ok := sdkCache.Load(t); ok {
		return v.([]Field)
	}
	var out []Field
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || f.Anonymous || f.Name == "ResultMetadata" && f.Type == metadataType {
			continue
		}
		out = append(out, Field{Index: i, Name: f.Name, Wire: f.Name, Type: f.Type})
	}
	v, _ := sdkCache.LoadOrStore(t, out)
	return v.([]Field)
}

// Pair is a pagegen field and the SDK field it converts to.
type Pair struct {
	Pagegen Field
	SDK     Field
	Matched bool // false when the SDK struct has no such member
}

type pairKey struct{ pagegen, sdk reflect.Type }

var pairCache sync.Map // pairKey → []Pair

// Pairs pairs each member of the pagegen struct type pg with the field of
// the SDK struct type sdk that Match finds for its wire name.
func Pairs(pg, sdk reflect.Type) []Pair {
	k := pairKey{pg, sdk}
	if v, ok := pairCache.Load(k); ok {
		return v.([]Pair)
	}
	fields := SDKFields(sdk)
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name
	}
	var out []Pair
	for _, f := range PagegenOf(pg).Fields {
		p := Pair{Pagegen: f}
		if i := Match(names, f.Wire); i >= 0 {
			p.SDK, p.Matched = fields[i], true
		}
		out = append(out, p)
	}
	v, _ := pairCache.LoadOrStore(k, out)
	return v.([]Pair)
}

// SDKOnly returns the names of the fields of the SDK struct type sdk that
// no member of the pagegen struct type pg pairs with.
func SDKOnly(sdk, pg reflect.Type) []string {
	used := map[int]bool{}
	for _, p := range Pairs(pg, sdk) {
		if p.Matched {
			used[p.SDK.Index] = true
		}
	}
	var out []string
	for _, f := range SDKFields(sdk) {
		if !used[f.Index] {
			out = append(out, f.Name)
		}
	}
	return out
}
