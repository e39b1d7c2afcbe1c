package model

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Exported turns a wire name into an exported Go identifier: its first letter
// upper-cased ("key" → "Key"), with characters that cannot appear in an
// identifier dropped and the letter after them upper-cased. A name that
// does not start with a letter gets the prefix "X".
func Exported(name string) string {
	var b strings.Builder
	upper := true
	for _, r := range name {
		switch {
		case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
			if upper {
				r = unicode.ToUpper(r)
				upper = false
			}
			b.WriteRune(r)
		default:
			upper = true
		}
	}
	s := b.String()
	if s == "" {
		return "X"
	}
	if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) {
		s = "X" + s
	}
	return s
}

// Pascal turns an enum value or filter name into PascalCase words:
// "JustInTime" stays, "network-interface-id" → "NetworkInterfaceId",
// "SHOT_CHANGE" → "ShotChange", "t2.micro" → "T2Micro". The result may be
// empty or start with a digit; it is always used after a prefix.
func Pascal(s string) string {
	var b strings.Builder
	for _, word := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if isUpper(word) && utf8.RuneCountInString(word) > 1 {
			word = strings.ToLower(word)
		}
		r, size := utf8.DecodeRuneInString(word)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(word[size:])
	}
	return b.String()
}

func isUpper(s string) bool {
	hasLetter := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		hasLetter = hasLetter || unicode.IsLetter(r)
	}
	return hasLetter
}

// Singular is the name of one element of a list named name: "Sessions" →
// "Session", "Policies" → "Policy", "Addresses" → "Address". Names that do
// not look plural are kept.
func Singular(name string) string {
	lower := strings.ToLower(name)
	for _, kept := range []string{"ss", "us", "is", "ics", "news", "series", "data", "metadata"} {
		if strings.HasSuffix(lower, kept) {
			return name
		}
	}
	switch {
	case strings.HasSuffix(lower, "ies") && len(name) > 4:
		return name[:len(name)-3] + "y"
	case strings.HasSuffix(lower, "sses"), strings.HasSuffix(lower, "xes"),
		strings.HasSuffix(lower, "ches"), strings.HasSuffix(lower, "shes"), strings.HasSuffix(lower, "zzes"):
		return name[:len(name)-2]
	case strings.HasSuffix(lower, "aliases"), strings.HasSuffix(lower, "statuses"), strings.HasSuffix(lower, "buses"):
		return name[:len(name)-2]
	case strings.HasSuffix(lower, "s") && len(name) > 1:
		return name[:len(name)-1]
	}
	return name
}

// PackageName is the Go package name of a service: its documentation name
// with everything but letters and digits dropped, lower-cased; a name that
// is a Go keyword or starts with a digit gets the suffix or prefix "svc".
func PackageName(service string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(service) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	s := b.String()
	switch {
	case s == "":
		return "svc"
	case s[0] >= '0' && s[0] <= '9':
		return "svc" + s
	case token.IsKeyword(s) || predeclared[s]:
		return s + "svc"
	}
	return s
}

// Unexported turns an exported Go name into an unexported one:
// "DescribeSessions" → "describeSessions", "URL" → "url".
func Unexported(name string) string {
	r := []rune(name)
	i := 0
	for i < len(r) && unicode.IsUpper(r[i]) {
		i++
	}
	switch {
	case i == 0:
	case i == 1 || i == len(r):
		for j := 0; j < i; j++ {
			r[j] = unicode.ToLower(r[j])
		}
	default: // "HTTPServer" → "httpServer"
		for j := 0; j < i-1; j++ {
			r[j] = unicode.ToLower(r[j])
		}
	}
	s := string(r)
	if token.IsKeyword(s) || predeclared[s] {
		s += "_"
	}
	return s
}

// predeclared are Go's predeclared identifiers.
var predeclared = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`any bool byte comparable complex64 complex128 error float32 float64
		int int8 int16 int32 int64 rune string uint uint8 uint16 uint32 uint64 uintptr
		true false iota nil append cap clear close complex copy delete imag len make max min new panic
		print println real recover`) {
		predeclared[s] = true
	}
}

// uniquer hands out names that are unique within one scope, adding a number
// to a name that is taken: "Key", "Key2".
type uniquer map[string]bool

func (u uniquer) name(want string) string {
	name := want
	for i := 2; u[name]; i++ {
		name = want + strconv.Itoa(i)
	}
	u[name] = true
	return name
}
