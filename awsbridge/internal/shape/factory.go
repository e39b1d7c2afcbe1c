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

func (e *NoMemberError) Error() string {
	return fmt.Sprintf("the SDK's %s has no member %s", e.Union, e.Member)
}

// NoContainerError is the error of a union member or a document that
// cannot be built because no type that can be reached deserializes it,
// as in services whose SDK has no schema-based deserializers.
type NoContainerError struct {
	Type reflect.Type // the union or document type
}

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
	containers   sync.Map // containerKey → *container, nil for none
	members      sync.Map // memberKey → reflect.Type
	memberLists  sync.Map // reflect.Type (interface) → []string
	memberRootMu sync.Mutex
	memberRoots  []reflect.Type // union member types found so far, as pointers
)

// containerKey is the key of a container: the interface type and the
// roots it is searched from, when there are at most maxRoots.
type containerKey struct {
	iface reflect.Type
	roots [maxRoots]reflect.Type
	// found is 0 for the container found, and for a search that found
	// none, one more than the number of member types found then: a
	// later search may find one through more of them.
	found int
}

const maxRoots = 4

type memberKey struct {
	union reflect.Type
	name  string
}

// ResolveMember returns the type (a pointer to a struct with a Value
// field) of the member name of the SDK union iface. Reflection cannot name
// it, so it finds a deserializable type reachable from roots (or from a
// member type found before) that holds iface, and runs that type's
// Deserialize with a probe that answers iface's union with the member.
// The answer depends on roots only in whether a type is found.
func ResolveMember(iface reflect.Type, name string, roots []reflect.Type) (reflect.Type, error) {
	k := memberKey{iface, name}
	if v, ok := members.Load(k); ok {
		if findContainer(iface, roots) == nil {
			return nil, &NoContainerError{Type: iface}
		}
		return v.(reflect.Type), nil
	}
	p := &probe{member: name}
	v, err := runProbe(iface, roots, p)
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
	if _, loaded := members.LoadOrStore(k, t); !loaded {
		memberRootMu.Lock()
		memberRoots = append(memberRoots, t)
		memberRootMu.Unlock()
	}
	return t, nil
}

// UnionMembers returns the names of the members of the SDK union iface,
// sorted, as its schema lists them; roots are as for ResolveMember.
func UnionMembers(iface reflect.Type, roots []reflect.Type) ([]string, error) {
	if v, ok := memberLists.Load(iface); ok {
		return v.([]string), nil
	}
	p := &probe{}
	if _, err := runProbe(iface, roots, p); err != nil {
		return nil, err
	}
	memberLists.Store(iface, p.names)
	return p.names, nil
}

// NewDocument returns a value of the SDK document type iface that holds
// value, built by the SDK's deserializer from a smithy document.Opaque
// holding value, as the SDK builds the documents of a response. roots are
// as for ResolveMember.
func NewDocument(iface reflect.Type, value any, roots []reflect.Type) (reflect.Value, error) {
	p := &probe{isDoc: true, doc: document.Opaque{Value: value}}
	v, err := runProbe(iface, roots, p)
	if err != nil {
		return reflect.Value{}, err
	}
	if v.IsNil() {
		return reflect.Value{}, fmt.Errorf("the SDK's deserializer built no %s", iface)
	}
	return v, nil
}

// runProbe runs p through the Deserialize of a container of iface and
// returns the interface value it built.
func runProbe(iface reflect.Type, roots []reflect.Type, p *probe) (reflect.Value, error) {
	c := findContainer(iface, roots)
	if c == nil {
		return reflect.Value{}, &NoContainerError{Type: iface}
	}
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

// findContainer returns a container of the interface type target: the
// first deserializable struct type, in breadth-first order from roots and
// then from the union member types found so far, that holds target.
func findContainer(target reflect.Type, roots []reflect.Type) *container {
	k := containerKey{iface: target}
	cache := len(roots) <= maxRoots
	if cache {
		copy(k.roots[:], roots)
		if v, ok := containers.Load(k); ok {
			return v.(*container)
		}
	}
	memberRootMu.Lock()
	found := append([]reflect.Type(nil), memberRoots...)
	memberRootMu.Unlock()
	none := k
	none.found = len(found) + 1
	if cache {
		if _, ok := containers.Load(none); ok {
			return nil
		}
	}
	c := searchContainer(target, roots, found)
	switch {
	case !cache:
	case c != nil:
		containers.Store(k, c)
	default:
		containers.Store(none, (*container)(nil))
	}
	return c
}

// searchContainer finds a container of target from roots and then from
// the member types found.
func searchContainer(target reflect.Type, roots, found []reflect.Type) *container {
	seen := map[reflect.Type]bool{}
	queue := append([]reflect.Type(nil), roots...)
	for len(queue) > 0 {
		t := deref(queue[0])
		queue = queue[1:]
		if seen[t] {
			continue
		}
		seen[t] = true
		switch t.Kind() {
		case reflect.Struct:
			if Deserializable(t) {
				if steps, ok := pathTo(t, target); ok {
					return &container{typ: t, steps: steps}
				}
			}
			for _, f := range SDKFields(t) {
				queue = append(queue, f.Type)
			}
		case reflect.Slice, reflect.Array, reflect.Map:
			queue = append(queue, t.Elem())
		}
	}
	for _, m := range found {
		if !Deserializable(m.Elem()) {
			continue
		}
		if steps, ok := pathTo(m.Elem().Field(ValueField(m)).Type, target); ok {
			return &container{typ: m.Elem(), member: true, steps: steps}
		}
	}
	return nil
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
