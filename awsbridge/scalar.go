package awsbridge

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
)

// set assigns src to dst, of the same type; slices, maps and pointers are
// shared, not copied.
func set(dv, sv reflect.Value, _ *conv) error {
	dv.Set(sv)
	return nil
}

// setString converts between strings and named string types (enums).
func setString(dv, sv reflect.Value, _ *conv) error {
	dv.SetString(sv.String())
	return nil
}

func setBool(dv, sv reflect.Value, _ *conv) error {
	dv.SetBool(sv.Bool())
	return nil
}

// setBytes converts between []byte types; the bytes are shared.
func setBytes(dv, sv reflect.Value, _ *conv) error {
	if sv.IsNil() {
		return nil
	}
	dv.SetBytes(sv.Bytes())
	return nil
}

func isBytes(t reflect.Type) bool {
	return t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
}

func isInteger(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Uint64
}

func isSigned(k reflect.Kind) bool {
	return reflect.Int <= k && k <= reflect.Int64
}

func isFloat(k reflect.Kind) bool {
	return k == reflect.Float32 || k == reflect.Float64
}

// errOverflow is the error of a number that dst's type cannot hold.
func errOverflow(n any, dst reflect.Type) error {
	return fmt.Errorf("%v overflows %s", n, dst)
}

// integer converts between integer types, checking the range.
func integer(dst, src reflect.Type) convFunc {
	if isSigned(src.Kind()) {
		return func(dv, sv reflect.Value, _ *conv) error {
			return setInt(dv, sv.Int())
		}
	}
	return func(dv, sv reflect.Value, _ *conv) error {
		return setUint(dv, sv.Uint())
	}
}

// setInt sets the integer dv to n, or fails if its type cannot hold n.
func setInt(dv reflect.Value, n int64) error {
	if isSigned(dv.Kind()) {
		if dv.OverflowInt(n) {
			return errOverflow(n, dv.Type())
		}
		dv.SetInt(n)
		return nil
	}
	if n < 0 || dv.OverflowUint(uint64(n)) {
		return errOverflow(n, dv.Type())
	}
	dv.SetUint(uint64(n))
	return nil
}

// setUint sets the integer dv to n, or fails if its type cannot hold n.
func setUint(dv reflect.Value, n uint64) error {
	if isSigned(dv.Kind()) {
		if n > math.MaxInt64 || dv.OverflowInt(int64(n)) {
			return errOverflow(n, dv.Type())
		}
		dv.SetInt(int64(n))
		return nil
	}
	if dv.OverflowUint(n) {
		return errOverflow(n, dv.Type())
	}
	dv.SetUint(n)
	return nil
}

// float converts between float types; a finite number beyond float32's
// range is an error, and float32 holds the nearest value it has.
func float(dst reflect.Type) convFunc {
	if dst.Kind() == reflect.Float64 {
		return func(dv, sv reflect.Value, _ *conv) error {
			dv.SetFloat(sv.Float())
			return nil
		}
	}
	return func(dv, sv reflect.Value, _ *conv) error {
		return setFloat(dv, sv.Float())
	}
}

func setFloat(dv reflect.Value, f float64) error {
	if dv.Kind() == reflect.Float32 && !math.IsInf(f, 0) && math.Abs(f) > math.MaxFloat32 {
		return errOverflow(f, dv.Type())
	}
	dv.SetFloat(f)
	return nil
}

// formatNumber converts a number into a string, for members that one side
// types as a number and the other as a string.
func formatNumber(dv, sv reflect.Value, _ *conv) error {
	switch k := sv.Kind(); {
	case isSigned(k):
		dv.SetString(strconv.FormatInt(sv.Int(), 10))
	case isInteger(k):
		dv.SetString(strconv.FormatUint(sv.Uint(), 10))
	default:
		dv.SetString(strconv.FormatFloat(sv.Float(), 'g', -1, sv.Type().Bits()))
	}
	return nil
}

// parseNumber converts a string into a number; "" is zero.
func parseNumber(dst reflect.Type) convFunc {
	return func(dv, sv reflect.Value, _ *conv) error {
		return setNumber(dv, sv.String())
	}
}

// setNumber sets the number dv from its decimal text s; "" leaves it zero.
func setNumber(dv reflect.Value, s string) error {
	if s == "" {
		return nil
	}
	k := dv.Kind()
	switch {
	case isSigned(k):
		n, err := strconv.ParseInt(s, 10, 64)
		if isRangeError(err) {
			return errOverflow(s, reflect.TypeFor[int64]())
		} else if err != nil {
			return fmt.Errorf("%q is not an integer", s)
		}
		return setInt(dv, n)
	case isInteger(k):
		n, err := strconv.ParseUint(s, 10, 64)
		if isRangeError(err) {
			return errOverflow(s, reflect.TypeFor[uint64]())
		} else if err != nil {
			return fmt.Errorf("%q is not an unsigned integer", s)
		}
		return setUint(dv, n)
	}
	f, err := strconv.ParseFloat(s, 64)
	if isRangeError(err) {
		return errOverflow(s, reflect.TypeFor[float64]())
	} else if err != nil {
		return fmt.Errorf("%q is not a number", s)
	}
	return setFloat(dv, f)
}

// isRangeError reports whether err is strconv's error of a number beyond
// the range of its type.
func isRangeError(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// sortedKeys returns the keys of the map m, whose keys are strings, in
// order.
func sortedKeys(m reflect.Value) []string {
	keys := make([]string, 0, m.Len())
	for it := m.MapRange(); it.Next(); {
		keys = append(keys, it.Key().String())
	}
	slices.Sort(keys)
	return keys
}
