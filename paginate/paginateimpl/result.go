package paginateimpl

import (
	"reflect"
	"unicode/utf8"
)

// SliceString returns s[i:j] counted in code points, as Python slices a
// string (j of -1 meaning the end); generated Slice functions use it.
func SliceString(s string, i, j int) string {
	rs := []rune(s)
	n := len(rs)
	start := sliceStart(i, n)
	stop := n
	if j >= 0 {
		stop = sliceStop(j, n)
	}
	if start >= stop {
		return ""
	}
	return string(rs[start:stop])
}

// sliceStart is the start index Python uses for items[i:].
func sliceStart(i, n int) int {
	if i < 0 {
		return max(i+n, 0)
	}
	return min(i, n)
}

// sliceStop is the stop index Python uses for items[:i].
func sliceStop(i, n int) int {
	return sliceStart(i, n)
}

// PyLen is Python's len of a primary result that is not a list, as boto3
// counts it against MaxItems: a string's code points, a map's keys, and
// the members of a structure that are set.
func PyLen(v any) int {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer {
		if rv.IsNil() {
			return 0
		}
		rv = rv.Elem()
	}
	switch rv.Kind() {
	case reflect.String:
		return utf8.RuneCountInString(rv.String())
	case reflect.Map, reflect.Slice:
		return rv.Len()
	case reflect.Struct:
		n := 0
		for i := range rv.NumField() {
			if !rv.Field(i).IsZero() {
				n++
			}
		}
		return n
	}
	return 0
}
