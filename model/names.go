package model

import (
	"fmt"
	gobuild "go/build"
	"go/token"
	"io"
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
// "Session", "Policies" → "Policy", "Addresses" → "Address", "Metrics" →
// "Metric", "Apis" → "Api", "Caches" → "Cache". Names that do not look
// plural are kept: "Status", "Analysis", "Analytics", "Series".
func Singular(name string) string {
	lower := strings.ToLower(name)
	for _, kept := range []string{"ss", "us", "sis", "xis", "redis", "iris", "this", "analytics", "statistics", "physics", "economics", "logistics", "news", "series", "data", "metadata"} {
		if strings.HasSuffix(lower, kept) {
			return name
		}
	}
	switch {
	case strings.HasSuffix(lower, "caches"):
		return name[:len(name)-1]
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

// PackageName is the Go package name of a service, also the name of its
// folder: its documentation name with everything but ASCII letters and
// digits dropped, lower-cased. A name that starts with a digit gets the
// prefix "svc"; a Go keyword or predeclared name, "main", "init" (no
// package can be imported as init) and a device name that Windows reserves
// for any folder ("con", "nul", "com1") get the suffix "svc".
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
	case token.IsKeyword(s) || predeclared[s] || s == "main" || s == "init" || windowsDevice(s):
		return s + "svc"
	}
	return s
}

// A PackageClash is a service whose package an earlier service already
// makes: PackageName folds case and drops punctuation, so "SSM" and "ssm",
// or "acm-pca" and "acmpca", would write one package.
type PackageClash struct {
	Service, Other, Package string
}

// Error says which two services make which package.
func (c PackageClash) Error() string {
	return fmt.Sprintf("services %q and %q both make package %s", c.Other, c.Service, c.Package)
}

// PackageClashes returns, for services in the order given, each service
// whose package an earlier one makes.
func PackageClashes(services []string) []PackageClash {
	var clashes []PackageClash
	seen := map[string]string{}
	for _, svc := range services {
		pkg := PackageName(svc)
		if other, ok := seen[pkg]; ok {
			clashes = append(clashes, PackageClash{Service: svc, Other: other, Package: pkg})
			continue
		}
		seen[pkg] = svc
	}
	return clashes
}

// windowsDevice reports whether s, a lower-case name, is a device name that
// Windows reserves in every folder.
func windowsDevice(s string) bool {
	switch s {
	case "con", "prn", "aux", "nul":
		return true
	}
	return len(s) == 4 && (s[:3] == "com" || s[:3] == "lpt") && s[3] >= '0' && s[3] <= '9'
}

// reservedFiles are the file names, without ".go", that every package has.
var reservedFiles = []string{"doc", "types"}

// nameFiles gives each paginator its file name, from boto3's method name
// (see [FileName]): unique within the package, whatever the case, and apart
// from the files every package has.
func nameFiles(ps []*Paginator) {
	taken := map[string]bool{}
	for _, f := range reservedFiles {
		taken[f] = true
	}
	for _, p := range ps {
		want := FileName(p.Method)
		name := want
		for i := 2; taken[strings.ToLower(name)] || !goFile(name); i++ {
			name = want + "_" + strconv.Itoa(i)
		}
		taken[strings.ToLower(name)] = true
		p.File = name
	}
}

// FileName turns boto3's method name into the base of a Go file name:
// "describe_sessions" → "describe_sessions". Only lower-case ASCII letters,
// digits and single underscores are kept, and a name neither starts nor
// ends with an underscore. A name that the go command would not build
// everywhere, as name.go and as name_test.go, gets the suffix "_paginator":
// one ending in a GOOS or GOARCH ("describe_maintenance_windows" builds
// only on Windows), one ending in "_test", one that would be empty.
func FileName(method string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(method) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "_"):
			b.WriteByte('_')
		}
	}
	s := strings.TrimSuffix(b.String(), "_")
	if s == "" {
		return "paginator"
	}
	if !goFile(s) {
		s += "_paginator"
	}
	return s
}

// goFile reports whether the go command builds base.go and base_test.go
// on every system, as a file and as a test file.
func goFile(base string) bool {
	if strings.HasSuffix(base, "_test") {
		return false
	}
	ctxt := gobuild.Context{GOOS: "none", GOARCH: "none", Compiler: "gc",
		OpenFile: func(string) (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader("package p\n")), nil
		},
	}
	for _, name := range []string{base + ".go", base + "_test.go"} {
		if ok, err := ctxt.MatchFile(".", name); !ok || err != nil {
			return false
		}
	}
	return true
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

// structMethods are the methods that the generated code declares on a
// structure, or may: no field takes their names, since a type cannot have
// a field and a method of one name. (The unexported validate cannot meet an
// exported field name.)
var structMethods = []string{"Validate"}

// fieldScope is the scope of a structure's field names, with the names of
// its methods taken.
func fieldScope() uniquer {
	u := uniquer{}
	for _, m := range structMethods {
		u[m] = true
	}
	return u
}

// addedFieldName is the Go name of member wire added to t after the page's
// members: unique among t's fields and methods.
func addedFieldName(t *Type, wire string) string {
	u := fieldScope()
	for _, f := range t.Fields {
		u[f.GoName] = true
	}
	return u.name(Exported(wire))
}

// words splits a Go name into its words: "DescribeDBInstances" →
// "Describe", "DB", "Instances"; "S3Bucket" → "S3", "Bucket". A word is an
// upper-case letter and the lower-case letters and digits after it, or a
// run of upper-case letters (and the digits after it) not followed by a
// lower-case letter.
func words(name string) []string {
	r := []rune(name)
	var out []string
	start := 0
	for i := 1; i <= len(r); i++ {
		if i < len(r) {
			prev, cur := r[i-1], r[i]
			next := rune(0)
			if i+1 < len(r) {
				next = r[i+1]
			}
			split := unicode.IsUpper(cur) && (unicode.IsLower(prev) || unicode.IsDigit(prev)) ||
				unicode.IsUpper(cur) && unicode.IsUpper(prev) && unicode.IsLower(next) ||
				cur == '_' || prev == '_'
			if !split {
				continue
			}
		}
		if w := string(r[start:i]); w != "_" && w != "" {
			out = append(out, w)
		}
		start = i
	}
	return out
}
