package awsbridge

import (
	"reflect"
	"sync/atomic"
	"unsafe"

	"github.com/aws/smithy-go"
)

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// dlist decodes a list into a pagegen slice, as FromSDK converts the SDK
// slice that the SDK's deserializer makes of it: with smithy.ReadList and
// the member's schema, each item after a ReadNil of the list's member
// schema, a null item as the SDK's zero item, and a union item whose
// members the SDK does not know as the union item before it (the SDK
// reads every item into one variable, which such an item leaves as it
// was).
type dlist struct {
	schema, item *smithy.Schema // the list member's, its ListMember
	pg, sdk      reflect.Type
	// counts is set when FromSDK counts the list's depth: not when it
	// copies the slice (same types) or a list of strings.
	counts bool
	// strs is set when the items are strings on both sides.
	strs bool
	// blobs is set when the items are blobs: the SDK's variable starts
	// nil.
	blobs bool
	fn    decodeFunc // of an item that is not null, unless a union
	union unionTarget
	isU   bool
	null  convFunc // FromSDK's conversion of the SDK's zero item
	// size is the number of items of the last list read, the capacity
	// with which the next one starts.
	size atomic.Int32
}

func (bl *dbuilder) fillList(p *dlist) bool {
	if p.item == nil {
		return false
	}
	se, pe := p.sdk.Elem(), p.pg.Elem()
	p.null = bl.fn(fromSDK, pe, se)
	stringItems := pe.Kind() == reflect.String && se.Kind() == reflect.String
	p.counts = p.pg != p.sdk && !stringItems
	switch p.item.Type() {
	case smithy.ShapeTypeString, smithy.ShapeTypeEnum:
		if stringItems {
			p.strs = true
			return true
		}
	case smithy.ShapeTypeUnion:
		u, ok := bl.unionTarget(p.item, pe, se)
		p.union, p.isU = u, true
		return ok
	case smithy.ShapeTypeBlob:
		p.blobs = true
	}
	fn, ok := bl.valueOf(p.item, pe, se, inItem, false)
	p.fn = fn
	return ok
}

// decode reads the list into the pagegen slice at dv.
func (p *dlist) decode(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if p.counts {
		if err := c.enter(); err != nil {
			_, readErr := p.read(d, reflect.New(p.pg).UnsafePointer(), c)
			return err, readErr
		}
		defer c.leave()
	}
	return p.read(d, dv, c)
}

func (p *dlist) read(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if p.strs {
		return p.readStrings(d, dv, c)
	}
	if p.blobs {
		c.x.blob = nil
	}
	elem := p.pg.Elem()
	size := elem.Size()
	// The items are read in place, into an array of their number in
	// the last list, grown as append grows it.
	n := int(p.size.Load())
	items := reflect.MakeSlice(p.pg, n, n)
	base := items.UnsafePointer()
	var first error
	n, prev := 0, -1 // the items read, the last union item with a member
	var prevErr error
	readErr := smithy.ReadList(d, p.schema, func() error {
		isNil, err := d.ReadNil(p.item)
		if err != nil {
			return err
		}
		i := n
		n++
		if n > items.Len() {
			grown := reflect.MakeSlice(p.pg, 2*n, 2*n)
			reflect.Copy(grown, items)
			items, base = grown, grown.UnsafePointer()
		}
		e := unsafe.Add(base, uintptr(i)*size)
		var convErr error
		switch {
		case isNil:
			convErr = p.null(valueAt(elem, e), zeroOf(p.sdk.Elem()), c)
		case p.isU:
			member, ce, re := p.union.decode(d, e, c, false)
			if re != nil {
				return re
			}
			switch {
			case member >= 0:
				prev, prevErr, convErr = i, ce, ce
			case prev >= 0:
				valueAt(elem, e).Set(valueAt(elem, unsafe.Add(base, uintptr(prev)*size)))
				convErr = prevErr
			}
		default:
			ce, re := p.fn(d, e, c)
			if re != nil {
				return re
			}
			convErr = ce
		}
		if convErr != nil && first == nil {
			first = atIndex(convErr, i)
		}
		return nil
	})
	if readErr != nil {
		return nil, readErr
	}
	p.size.Store(int32(n))
	*(*sliceHeader)(dv) = sliceHeader{base, n, items.Cap()}
	return first, nil
}

// readStrings reads a list of strings, which FromSDK copies.
func (p *dlist) readStrings(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	out := make([]string, 0, p.size.Load())
	readErr := smithy.ReadList(d, p.schema, func() error {
		isNil, err := d.ReadNil(p.item)
		if err != nil {
			return err
		}
		if isNil {
			out = append(out, "")
			return nil
		}
		if err := d.ReadString(p.item, &c.x.s); err != nil {
			return err
		}
		out = append(out, c.x.s)
		return nil
	})
	if readErr != nil {
		return nil, readErr
	}
	p.size.Store(int32(len(out)))
	// dv is a slice of a string type: it holds the strings as they are.
	*(*[]string)(dv) = out
	return nil, nil
}

// dmap decodes a map into a pagegen map, as FromSDK converts the SDK map
// that the SDK's deserializer makes of it: with smithy.ReadMap and the
// member's schema, each value after a ReadNil of the map's value schema,
// a repeated key replacing the earlier entry, a null value as the SDK's
// zero value, and a union value whose members the SDK does not know as
// the last union value that had one.
type dmap struct {
	schema, key, value *smithy.Schema // the map member's, its MapKey and MapValue
	pg, sdk            reflect.Type
	counts             bool // FromSDK counts the map's depth: not when it copies it
	blobs              bool
	fn                 decodeFunc
	union              unionTarget
	isU                bool
	null               convFunc
	// size is the number of entries of the last map read, with which
	// the next one starts.
	size atomic.Int32
}

// dmapTemps are the values through which a dmap sets its entries: the
// key and the value being read, and the key and the value of the last
// union value that had a member, which is read from the map unless its
// entry has been replaced.
type dmapTemps struct {
	plan                     *dmap
	busy                     bool // a map is being read through them
	key, cur, prevKey, saved reflect.Value
	// the addresses of key, cur and prevKey
	keyAt, curAt, prevKeyAt unsafe.Pointer
}

// temps returns temporary values for the map p that are not in use, kept
// for the rest of the call; release makes them free again.
func (c *conv) temps(p *dmap) *dmapTemps {
	for _, t := range c.mapTemps {
		if t.plan == p && !t.busy {
			t.busy = true
			return t
		}
	}
	pe := p.pg.Elem()
	key, cur, prevKey := reflect.New(p.pg.Key()), reflect.New(pe), reflect.New(p.pg.Key())
	t := &dmapTemps{
		plan: p, busy: true,
		key: key.Elem(), cur: cur.Elem(), prevKey: prevKey.Elem(), saved: reflect.New(pe).Elem(),
		keyAt: key.UnsafePointer(), curAt: cur.UnsafePointer(), prevKeyAt: prevKey.UnsafePointer(),
	}
	c.mapTemps = append(c.mapTemps, t)
	return t
}

// release sets t's values to their zero values, cur unless it is
// already, saved when it was used, and frees t.
func (t *dmapTemps) release(curZero, savedUsed bool) {
	if !curZero {
		t.cur.SetZero()
	}
	if savedUsed {
		t.saved.SetZero()
	}
	t.busy = false
}

func (bl *dbuilder) fillMap(p *dmap) bool {
	if p.key == nil || p.value == nil {
		return false
	}
	se, pe := p.sdk.Elem(), p.pg.Elem()
	p.null = bl.fn(fromSDK, pe, se)
	p.counts = p.pg != p.sdk
	switch p.value.Type() {
	case smithy.ShapeTypeUnion:
		u, ok := bl.unionTarget(p.value, pe, se)
		p.union, p.isU = u, true
		return ok
	case smithy.ShapeTypeBlob:
		p.blobs = true
	}
	fn, ok := bl.valueOf(p.value, pe, se, inItem, false)
	p.fn = fn
	return ok
}

// decode reads the map into the pagegen map at dv.
func (p *dmap) decode(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if p.counts {
		if err := c.enter(); err != nil {
			_, readErr := p.read(d, reflect.New(p.pg).UnsafePointer(), c)
			return err, readErr
		}
		defer c.leave()
	}
	return p.read(d, dv, c)
}

// keyError is the conversion error of a map's entry.
type keyError struct {
	key string
	err error
}

func (p *dmap) read(d smithy.ShapeDeserializer, dv unsafe.Pointer, c *conv) (error, error) {
	if p.blobs {
		c.x.blob = nil
	}
	m := reflect.MakeMapWithSize(p.pg, int(p.size.Load()))
	*(*unsafe.Pointer)(dv) = m.UnsafePointer() // a map is a pointer
	t := c.temps(p)
	var errs []keyError
	// The last union value with a member: hasPrev, under prevKey, or in
	// saved once its entry is replaced.
	hasPrev, inSaved, savedUsed := false, false, false
	var prevKey string
	var prevErr error
	readErr := smithy.ReadMap(d, p.schema, func(k string) error {
		isNil, err := d.ReadNil(p.value)
		if err != nil {
			return err
		}
		if hasPrev && !inSaved && k == prevKey {
			*(*string)(t.prevKeyAt) = prevKey // a string type
			t.saved.Set(m.MapIndex(t.prevKey))
			inSaved, savedUsed = true, true
		}
		cur := t.cur
		member := -1
		var convErr error
		switch {
		case isNil:
			convErr = p.null(cur, zeroOf(p.sdk.Elem()), c)
		case p.isU:
			i, ce, re := p.union.decode(d, t.curAt, c, false)
			if re != nil {
				return re
			}
			switch {
			case i >= 0:
				member, convErr = i, ce
				hasPrev, inSaved, prevKey, prevErr = true, false, k, ce
			case hasPrev && inSaved:
				cur.Set(t.saved)
				convErr = prevErr
			case hasPrev:
				*(*string)(t.prevKeyAt) = prevKey
				cur.Set(m.MapIndex(t.prevKey))
				convErr = prevErr
			}
		default:
			ce, re := p.fn(d, t.curAt, c)
			if re != nil {
				return re
			}
			convErr = ce
		}
		*(*string)(t.keyAt) = k // a string type
		m.SetMapIndex(t.key, cur)
		if member >= 0 {
			p.union.clear(t.curAt, member)
		} else {
			cur.SetZero()
		}
		errs = setKeyError(errs, k, convErr)
		return nil
	})
	t.release(readErr == nil, savedUsed)
	if readErr != nil {
		return nil, readErr
	}
	p.size.Store(int32(m.Len()))
	if len(errs) > 0 {
		return atKey(errs[0].err, errs[0].key), nil
	}
	return nil, nil
}

// setKeyError sets the error of the entry k, which a repeated key
// replaces.
func setKeyError(errs []keyError, k string, err error) []keyError {
	for i := range errs {
		if errs[i].key == k {
			errs = append(errs[:i], errs[i+1:]...)
			break
		}
	}
	if err != nil {
		errs = append(errs, keyError{k, err})
	}
	return errs
}
