package shape

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

// NoMemberError is the error of a member that a union does not have.
type NoMemberError struct {
	Union  string // the name of the SDK's union type
	Member string
}

// Error returns "the SDK's <Union> has no member <Member>".
func (e *NoMemberError) Error() string {
	return fmt.Sprintf("the SDK's %s has no member %s", e.Union, e.Member)
}

// NoContainerError is the error of a union member or a document that
// cannot be built because no type that can be reached deserializes it,
// as in services whose SDK has no schema-based deserializers.
type NoContainerError struct {
	Type reflect.Type // the union or document type
}

// Error names the type that cannot be built.
func (e *NoContainerError) Error() string {
	return fmt.Sprintf("cannot build the SDK's %s: no type of the operation that deserializes itself holds it", e.Type)
}

// container is a type whose Deserialize reaches an interface type (a union
// or a document) along steps.
type container struct {
	typ reflect.Type // a struct type whose pointer is smithy.Deserializable
	// member is set when typ is a union member type: its Deserialize
	// reads its Value directly, so steps start at the Value.
	member bool
	steps  []step
}

var (
	// searchMu serializes the searches for containers, which may search
	// for others (of the unions they pass) from the same roots.
	searchMu    sync.Mutex
	containers  sync.Map // containerKey → *container, nil for none
	members     sync.Map // memberKey → reflect.Type
	memberLists sync.Map // reflect.Type (interface) → []string
)

// containerKey is the key of the container of an interface type found from
// some roots.
type containerKey struct {
	iface reflect.Type
	roots *Roots
}

type memberKey struct {
	union reflect.Type
	name  string
}

// Roots are the types from which union members and documents are built:
// an operation's SDK input and output. Equal lists of types give the same
// *Roots, so that a pointer identifies them.
type Roots struct {
	types []reflect.Type
}

var rootsCache sync.Map // string → *Roots

// NewRoots returns the Roots of types.
func NewRoots(types ...reflect.Type) *Roots {
	var b strings.Builder
	for _, t := range types {
		b.WriteString(t.PkgPath())
		b.WriteByte(' ')
		b.WriteString(t.String())
		b.WriteByte(';')
	}
	if v, ok := rootsCache.Load(b.String()); ok {
		return v.(*Roots)
	}
	v, _ := rootsCache.LoadOrStore(b.String(), &Roots{types: append([]reflect.Type(nil), types...)})
	return v.(*Roots)
}

// ResolveMember returns the type (a pointer to a struct with a Value
// field) of the member name of the SDK union iface. Reflection cannot name
// it, so it finds a type reachable from roots that deserializes itself and
// holds iface, and runs its Deserialize with a probe that answers iface's
// union with the member. Types are reachable through struct fields, list
// items, map values, pointers, and the members of the unions they hold,
// so that whether a member can be built depends on roots alone.
func ResolveMember(iface reflect.Type, name string, roots *Roots) (reflect.Type, error) {
	c := findContainer(iface, roots)
	if c == nil {
		return nil, &NoContainerError{Type: iface}
	}
	return resolveMember(iface, name, c)
}

func resolveMember(iface reflect.Type, name string, c *container) (reflect.Type, error) {
	k := memberKey{iface, name}
	if v, ok := members.Load(k); ok {
		return v.(reflect.Type), nil
	}
	v, err := runProbe(iface, c, &probe{member: name})
	if err != nil {
		return nil, err
	}
	if v.IsNil() {
		return nil, fmt.Errorf("the SDK's %s: its deserializer built no value for member %s", iface.Name(), name)
	}
	t := v.Elem().Type()
	if ValueField(t) < 0 {
		return nil, fmt.Errorf("the SDK's %s: member %s is a %s, which has no Value field", iface.Name(), name, t)
	}
	members.Store(k, t)
	return t, nil
}

// UnionMembers returns the names of the members of the SDK union iface,
// sorted, as its schema lists them; roots are as for ResolveMember.
func UnionMembers(iface reflect.Type, roots *Roots) ([]string, error) {
	c := findContainer(iface, roots)
	if c == nil {
		return nil, &NoContainerError{Type: iface}
	}
	return unionMembers(iface, c)
}

func unionMembers(iface reflect.Type, c *container) ([]string, error) {
	if v, ok := memberLists.Load(iface); ok {
		return v.([]string), nil
	}
	p := &probe{}
	if _, err := runProbe(iface, c, p); err != nil {
		return nil, err
	}
	memberLists.Store(iface, p.names)
	return p.names, nil
}

// NewDocument returns a value of the SDK document type iface that holds
// value, built by the SDK's deserializer from a smithy document.Opaque
// holding value, as the SDK builds the documents of a response. roots are
// as for ResolveMember.
func NewDocument(iface reflect.Type, value any, roots *Roots) (reflect.Value, error) {
	c := findContainer(iface, roots)
	if c == nil {
		return reflect.Value{}, &NoContainerError{Type: iface}
	}
	v, err := runProbe(iface, c, &probe{isDoc: true, doc: document.Opaque{Value: value}})
	if err != nil {
		return reflect.Value{}, err
	}
	if v.IsNil() {
		return reflect.Value{}, fmt.Errorf("the SDK's deserializer built no %s", iface)
	}
	return v, nil
}

// runProbe runs p through the Deserialize of c, a container of iface, and
// returns the interface value it built.
func runProbe(iface reflect.Type, c *container, p *probe) (reflect.Value, error) {
	p.steps = c.steps
	v := reflect.New(c.typ)
	err := deserialize(v.Interface().(smithy.Deserializable), p)
	if p.err != nil {
		err = p.err
	}
	if err == nil && !p.done {
		err = errors.New("its deserializer did not reach it")
	}
	if err != nil {
		var nm *NoMemberError
		if errors.As(err, &nm) {
			nm.Union = iface.Name()
			return reflect.Value{}, nm
		}
		return reflect.Value{}, fmt.Errorf("cannot build the SDK's %s through %s%s: %w", iface, c.typ, pathString(c.steps), err)
	}
	out, err := walk(v.Elem(), c)
	if err != nil {
		return reflect.Value{}, fmt.Errorf("cannot build the SDK's %s through %s%s: %w", iface, c.typ, pathString(c.steps), err)
	}
	return out, nil
}

func pathString(steps []step) string {
	var b strings.Builder
	for _, s := range steps {
		b.WriteString(s.String())
	}
	return b.String()
}

// deserialize runs d.Deserialize(p), turning a panic into an error.
func deserialize(d smithy.Deserializable, p *probe) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("its deserializer panicked: %v", r)
		}
	}()
	return d.Deserialize(p)
}

// walk follows c's steps from v, a value of c.typ, to the interface value
// at their end.
func walk(v reflect.Value, c *container) (reflect.Value, error) {
	if c.member {
		v = v.Field(ValueField(reflect.PointerTo(c.typ)))
	}
	for _, s := range c.steps {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, errors.New("its deserializer left the path empty")
			}
			v = v.Elem()
		}
		switch s.kind {
		case stepField:
			v = v.FieldByName(s.field)
		case stepItem:
			if v.Len() == 0 {
				return reflect.Value{}, errors.New("its deserializer left a list empty")
			}
			v = v.Index(0)
		case stepKey:
			v = v.MapIndex(reflect.ValueOf(probeKey).Convert(v.Type().Key()))
			if !v.IsValid() {
				return reflect.Value{}, errors.New("its deserializer left a map empty")
			}
		}
	}
	if v.Kind() != reflect.Interface {
		return reflect.Value{}, fmt.Errorf("the path ends at a %s", v.Type())
	}
	return v, nil
}

// findContainer returns a container of the interface type target
// reachable from roots, or nil; the answer for each target and roots is
// kept.
func findContainer(target reflect.Type, roots *Roots) *container {
	k := containerKey{iface: target, roots: roots}
	if v, ok := containers.Load(k); ok {
		return v.(*container)
	}
	searchMu.Lock()
	defer searchMu.Unlock()
	return search(target, roots, k, map[reflect.Type]bool{})
}

// search finds and keeps the container of target under k: the first type,
// breadth first from roots, that deserializes itself and from which a path
// leads to target. The unions passed lead on through their members, whose
// types are found from the same roots; open holds the unions whose
// containers are being searched for, which lead nowhere.
func search(target reflect.Type, roots *Roots, k containerKey, open map[reflect.Type]bool) *container {
	if v, ok := containers.Load(k); ok {
		return v.(*container)
	}
	open[target] = true
	defer delete(open, target)
	var found *container
	seen := map[reflect.Type]bool{}
	queue := append([]reflect.Type(nil), roots.types...)
	for len(queue) > 0 && found == nil {
		t := deref(queue[0])
		queue = queue[1:]
		if seen[t] {
			continue
		}
		seen[t] = true
		switch {
		case t.Kind() == reflect.Struct:
			if Deserializable(t) {
				if steps, ok := pathTo(t, target); ok {
					found = &container{typ: t, steps: steps}
					break
				}
			}
			for _, f := range SDKFields(t) {
				queue = append(queue, f.Type)
			}
		case t.Kind() == reflect.Slice, t.Kind() == reflect.Array, t.Kind() == reflect.Map:
			queue = append(queue, t.Elem())
		case IsUnion(t) && t != target && !open[t]:
			for _, m := range memberTypes(t, roots, open) {
				value := m.Elem().Field(ValueField(m)).Type
				if Deserializable(m.Elem()) {
					if steps, ok := pathTo(value, target); ok {
						found = &container{typ: m.Elem(), member: true, steps: steps}
						break
					}
				}
				queue = append(queue, value)
			}
		}
	}
	if _, loaded := containers.LoadOrStore(k, found); !loaded && found == nil {
		// A union that leads nowhere while its own search is open
		// may lead somewhere once it is done: only the outermost
		// search's answer is final.
		if len(open) > 1 {
			containers.Delete(k)
		}
	}
	return found
}

// memberTypes returns the types of the members of the union u that can be
// built from roots, for search.
func memberTypes(u reflect.Type, roots *Roots, open map[reflect.Type]bool) []reflect.Type {
	c := search(u, roots, containerKey{iface: u, roots: roots}, open)
	if c == nil {
		return nil
	}
	names, err := unionMembers(u, c)
	if err != nil {
		return nil
	}
	var out []reflect.Type
	for _, name := range names {
		if t, err := resolveMember(u, name, c); err == nil {
			out = append(out, t)
		}
	}
	return out
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// pathTo returns the shortest path from the type start to a value of the
// interface type target, through struct fields (of deserializable structs
// below start), list items and map values.
func pathTo(start, target reflect.Type) ([]step, bool) {
	type node struct {
		t     reflect.Type
		steps []step
	}
	seen := map[reflect.Type]bool{}
	queue := []node{{start, nil}}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n.t == target {
			return n.steps, true
		}
		t := deref(n.t)
		if seen[t] {
			continue
		}
		seen[t] = true
		next := func(t reflect.Type, s step) {
			steps := append(append(make([]step, 0, len(n.steps)+1), n.steps...), s)
			queue = append(queue, node{t, steps})
		}
		switch t.Kind() {
		case reflect.Struct:
			if t != start && !Deserializable(t) {
				continue
			}
			for _, f := range SDKFields(t) {
				next(f.Type, step{kind: stepField, field: f.Name})
			}
		case reflect.Slice:
			if t.Elem().Kind() != reflect.Uint8 {
				next(t.Elem(), step{kind: stepItem})
			}
		case reflect.Map:
			next(t.Elem(), step{kind: stepKey})
		}
	}
	return nil, false
}
