package awsbridge

import (
	"fmt"
	"reflect"
	"strconv"

	"github.com/pagegen/pagegen/paginate"
)

// token converts between a paginate.Token and the SDK's type of the token
// member, sdk: a string or an integer directly, any other type through the
// token's value (paginate.Token.Value, paginate.TokenOf). wire is the
// member's name, under which Call records the order of a map's keys.
func (bl *builder) token(d dir, sdk reflect.Type, wire string) convFunc {
	base := sdk
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	k := base.Kind()
	if d == toSDK {
		switch {
		case k == reflect.String:
			return tokenToString
		case isInteger(k):
			return tokenToInteger
		}
		return tokenToTree
	}
	switch {
	case k == reflect.String:
		return stringToToken
	case isInteger(k):
		return integerToToken
	}
	return func(dv, sv reflect.Value, c *conv) error {
		tree, err := c.treeFromSDK(sv, c.order.get(wire))
		if err != nil {
			return err
		}
		t, err := paginate.TokenOf(tree)
		if err != nil {
			return err
		}
		*tokenPtr(dv) = t
		return nil
	}
}

// tokenOf returns the Token that v holds.
func tokenOf(v reflect.Value) paginate.Token {
	if v.CanAddr() {
		return *tokenPtr(v)
	}
	return v.Interface().(paginate.Token)
}

// tokenPtr returns a pointer to the Token that the addressable v holds.
func tokenPtr(v reflect.Value) *paginate.Token {
	return v.Addr().Interface().(*paginate.Token)
}

// settable returns the value that dv, settable, points to through its
// pointers, allocating them.
func settable(dv reflect.Value) reflect.Value {
	for dv.Kind() == reflect.Pointer {
		p := reflect.New(dv.Type().Elem())
		dv.Set(p)
		dv = p.Elem()
	}
	return dv
}

// pointee returns the value that v points to through its pointers, and
// false when one of them is nil.
func pointee(v reflect.Value) (reflect.Value, bool) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return v, false
		}
		v = v.Elem()
	}
	return v, true
}

// tokenToString sets a string from a string token, or from an integer
// token's digits.
func tokenToString(dv, sv reflect.Value, _ *conv) error {
	t := tokenOf(sv)
	if t.IsZero() {
		return nil
	}
	if !t.IsString() {
		if _, err := t.Int64(); err != nil {
			return fmt.Errorf("the token %s is not a string", t)
		}
	}
	settable(dv).SetString(t.String())
	return nil
}

// tokenToInteger sets an integer from an integer token or a string token
// of decimal digits.
func tokenToInteger(dv, sv reflect.Value, _ *conv) error {
	t := tokenOf(sv)
	if t.IsZero() {
		return nil
	}
	n, err := t.Int64()
	if err != nil {
		return fmt.Errorf("the token %s is not an integer", strconv.Quote(t.String()))
	}
	return setInt(settable(dv), n)
}

// tokenToTree sets any other type from the token's value.
func tokenToTree(dv, sv reflect.Value, c *conv) error {
	t := tokenOf(sv)
	if t.IsZero() {
		return nil
	}
	return c.treeToSDK(dv, t.Value())
}

func stringToToken(dv, sv reflect.Value, _ *conv) error {
	if v, ok := pointee(sv); ok {
		*tokenPtr(dv) = paginate.StringToken(v.String())
	}
	return nil
}

func integerToToken(dv, sv reflect.Value, _ *conv) error {
	v, ok := pointee(sv)
	if !ok {
		return nil
	}
	n := int64(0)
	if isSigned(v.Kind()) {
		n = v.Int()
	} else {
		u := v.Uint()
		if u > 1<<63-1 {
			return errOverflow(u, reflect.TypeFor[int64]())
		}
		n = int64(u)
	}
	*tokenPtr(dv) = paginate.IntToken(n)
	return nil
}
