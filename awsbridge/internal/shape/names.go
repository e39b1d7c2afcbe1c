// Package shape knows the shapes of the two kinds of types the bridge
// converts between: aws-sdk-go-v2's (structures whose Go field names come
// from the API's member names, unions as sealed interfaces, documents as
// interfaces) and pagegen's (structures whose fields carry the member names
// in json tags, unions as structures with an unknown-members field). It
// pairs their fields by member name, and builds what reflection cannot
// name, union members and documents, through the SDK's own deserializers.
package shape

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// UpperFirst returns s with its first letter upper-cased: the Go name
// aws-sdk-go-v2 gives the member s.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Fold returns s lower-cased with every character that is not a letter or
// a digit removed, the form in which two names that differ only in case or
// punctuation are equal.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Match returns the index in names of the name that the member wire names:
// the one equal to wire with its first letter upper-cased, else the only
// one equal to it under Fold; -1 when there is none or more than one.
func Match(names []string, wire string) int {
	up := UpperFirst(wire)
	for i, n := range names {
		if n == up {
			return i
		}
	}
	folded, found := Fold(wire), -1
	for i, n := range names {
		if Fold(n) == folded {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// MatchWire returns the index in wires (pagegen member names) of the one
// that the SDK's member name names: the one equal to it, else the one
// equal to it once both first letters are upper-cased, else the only one
// equal to it under Fold; -1 when there is none.
func MatchWire(wires []string, name string) int {
	for i, w := range wires {
		if w == name {
			return i
		}
	}
	up := UpperFirst(name)
	for i, w := range wires {
		if UpperFirst(w) == up {
			return i
		}
	}
	folded, found := Fold(name), -1
	for i, w := range wires {
		if Fold(w) == folded {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}
