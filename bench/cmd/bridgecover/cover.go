package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
)

// coverFileName is the test file that the run adds to each generated
// bridge package, beside the generated test, to list the members one side
// has and the other does not; coverTestName is its test. go test runs
// the tests of a package file by file in name order, so the coverage test
// runs after the generated tests and cannot change what they see.
const (
	coverFileName = "zz_bridgecover_test.go"
	coverTestName = "TestCoverageLists"
)

// bridgeTest is what a generated bridge test file holds.
type bridgeTest struct {
	Package string // the Go package name: "ssmaws"
	// Tests are the names of its test functions, in file order, with the
	// operation whose round trips each checks ("" for none: the API
	// version test).
	Tests []testFunc
	trips []roundTrip
	// bridge is the name of the package's *awsbridge.Bridge, which the
	// round trips use.
	bridge string
	// imports are the file's imports, by the name the file uses for
	// each.
	imports map[string]string
}

// testFunc is a test function of a generated bridge test.
type testFunc struct {
	Name string // "TestBridgeDescribeSessions"
	Op   string // "DescribeSessions"; "" when it checks no operation
}

// roundTrip is one bridgetest.RoundTrip call of a generated test: its
// operation and the source of its pagegen and SDK arguments.
type roundTrip struct {
	op, pagegen, sdk string
}

// side returns "input" or "output": the type of the operation that the
// round trip checks, which the SDK's type names (new(awsssm.XInput));
// "?" when it names neither.
func (rt roundTrip) side() string {
	name := strings.TrimSuffix(rt.sdk, ")")
	switch {
	case strings.HasSuffix(name, rt.op+"Input"):
		return "input"
	case strings.HasSuffix(name, rt.op+"Output"):
		return "output"
	}
	return "?"
}

// parseBridgeTest reads a generated bridge test file: its tests, the
// operation each checks through bridgetest.RoundTrip, and the arguments
// of each call.
func parseBridgeTest(filename string, src []byte) (*bridgeTest, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	bt := &bridgeTest{Package: f.Name.Name, imports: map[string]string{}}
	for _, imp := range f.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			return nil, fmt.Errorf("%s: import %s: %w", filename, imp.Path.Value, err)
		}
		name := path.Base(p)
		if imp.Name != nil {
			name = imp.Name.Name
		}
		bt.imports[name] = p
	}
	text := func(e ast.Expr) (string, error) {
		var b bytes.Buffer
		err := printer.Fprint(&b, fset, e)
		return b.String(), err
	}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || !strings.HasPrefix(fn.Name.Name, "Test") || fn.Body == nil {
			continue
		}
		tf := testFunc{Name: fn.Name.Name}
		var walkErr error
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || walkErr != nil {
				return walkErr == nil
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "RoundTrip" || len(call.Args) != 5 {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || bt.imports[x.Name] != "github.com/pagegen/pagegen/awsbridge/bridgetest" {
				return true
			}
			lit, ok := call.Args[2].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				walkErr = fmt.Errorf("%s: %s: the operation of RoundTrip is not a string literal", fset.Position(call.Pos()), fn.Name.Name)
				return false
			}
			op, err := strconv.Unquote(lit.Value)
			if err != nil {
				walkErr = fmt.Errorf("%s: %w", fset.Position(lit.Pos()), err)
				return false
			}
			if tf.Op != "" && tf.Op != op {
				walkErr = fmt.Errorf("%s: %s checks two operations, %s and %s", fset.Position(call.Pos()), fn.Name.Name, tf.Op, op)
				return false
			}
			tf.Op = op
			if id, ok := call.Args[1].(*ast.Ident); ok {
				bt.bridge = id.Name
			}
			pg, err1 := text(call.Args[3])
			sdk, err2 := text(call.Args[4])
			if err1 != nil || err2 != nil {
				walkErr = fmt.Errorf("%s: the arguments of RoundTrip: %v %v", fset.Position(call.Pos()), err1, err2)
				return false
			}
			bt.trips = append(bt.trips, roundTrip{op: op, pagegen: pg, sdk: sdk})
			return true
		})
		if walkErr != nil {
			return nil, walkErr
		}
		bt.Tests = append(bt.Tests, tf)
	}
	return bt, nil
}

// coverSource returns the test file that lists, for every type of every
// round trip of bt, the members bridgetest.Uncovered and
// bridgetest.SDKOnly return, one log line each. An uncovered member is
// followed by the error of converting to the SDK a value of its type with
// that member alone set, or by "converts" when there is none:
//
//	bridgecover: uncovered ListAnalyzers output ListAnalyzersOutput.Analyzers[].Configuration.UnusedAccess: ListAnalyzers: …: cannot build the SDK's …
//	bridgecover: sdk-only DescribeSessions output DescribeSessionsOutput.Sessions[].AccessType
func (bt *bridgeTest) coverSource() ([]byte, error) {
	if bt.bridge == "" {
		return nil, fmt.Errorf("package %s: no round trip names the bridge", bt.Package)
	}
	used := map[string]bool{"bridgetest": true, "testing": true}
	var rows strings.Builder
	for _, rt := range bt.trips {
		for _, e := range []string{rt.pagegen, rt.sdk} {
			expr, err := parser.ParseExpr(e)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", e, err)
			}
			ast.Inspect(expr, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok {
						used[x.Name] = true
					}
				}
				return true
			})
		}
		fmt.Fprintf(&rows, "\t\t{%q, %q, %s, %s},\n", rt.op, rt.side(), rt.pagegen, rt.sdk)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "package %s\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"reflect\"\n\t\"strings\"\n\t\"time\"\n\n\t\"github.com/pagegen/pagegen/paginate\"\n", bt.Package)
	for name, p := range bt.imports {
		if !used[name] {
			continue
		}
		if path.Base(p) == name {
			fmt.Fprintf(&b, "\t%q\n", p)
		} else {
			fmt.Fprintf(&b, "\t%s %q\n", name, p)
		}
		delete(used, name)
	}
	if len(used) > 0 {
		return nil, fmt.Errorf("the round trips of package %s use names it does not import: %v", bt.Package, slices.Sorted(maps.Keys(used)))
	}
	src := strings.NewReplacer("TESTNAME", coverTestName, "ROWS", rows.String(), "BRIDGE", bt.bridge).Replace(coverTemplate)
	b.WriteString(src)
	out, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("the coverage test of package %s: %w", bt.Package, err)
	}
	return out, nil
}

// coverTemplate is the body of the coverage test file, after its imports:
// TESTNAME is the test's name, ROWS the round trips, BRIDGE the name of
// the package's bridge.
const coverTemplate = `)

// TESTNAME logs the members of each round trip's types that one side has
// and the other does not, and why each member the SDK has no place for
// does not convert.
func TESTNAME(t *testing.T) {
	for _, c := range []struct {
		op, side     string
		pagegen, sdk any
	}{
ROWS	} {
		for _, p := range bridgetest.Uncovered(c.pagegen, c.sdk) {
			t.Logf("bridgecover: uncovered %s %s %s: %s", c.op, c.side, p, coverProbe(c.op, c.pagegen, c.sdk, p))
		}
		for _, p := range bridgetest.SDKOnly(c.pagegen, c.sdk) {
			t.Logf("bridgecover: sdk-only %s %s %s", c.op, c.side, p)
		}
	}
}

// coverProbe converts to the SDK's type of sdk a value of the pagegen type
// of pagegen with the member at path alone set, and returns the error, or
// "converts".
func coverProbe(op string, pagegen, sdk any, path string) (reason string) {
	defer func() {
		if r := recover(); r != nil {
			reason = strings.ReplaceAll(fmt.Sprintf("the probe panicked: %v", r), "\n", " ")
		}
	}()
	v := reflect.New(reflect.TypeOf(pagegen).Elem())
	segs := strings.SplitAfter(path, "]")
	var names []string
	for _, s := range segs {
		s, list := strings.CutSuffix(s, "[]")
		for _, n := range strings.Split(s, ".") {
			if n != "" {
				names = append(names, n)
			}
		}
		if list {
			names = append(names, "[]")
		}
	}
	if len(names) == 0 || !coverSet(v.Elem(), names[1:]) {
		return "the probe cannot set " + path
	}
	if err := BRIDGE.ToSDK(op, reflect.New(reflect.TypeOf(sdk).Elem()).Interface(), v.Interface()); err != nil {
		return strings.ReplaceAll(err.Error(), "\n", " ")
	}
	return "converts"
}

// coverSet sets the member of v at the path names, a field name or "[]"
// (a list's item or a map's value) each, allocating what is on the way.
func coverSet(v reflect.Value, names []string) bool {
	if len(names) == 0 {
		return coverLeaf(v, 0)
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if names[0] != "[]" {
		if v.Kind() != reflect.Struct {
			return false
		}
		f := v.FieldByName(names[0])
		return f.IsValid() && f.CanSet() && coverSet(f, names[1:])
	}
	e := reflect.New(v.Type().Elem()).Elem()
	switch v.Kind() {
	case reflect.Slice:
		if !coverSet(e, names[1:]) {
			return false
		}
		v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), e))
	case reflect.Map:
		if !coverSet(e, names[1:]) {
			return false
		}
		m := reflect.MakeMapWithSize(v.Type(), 1)
		m.SetMapIndex(reflect.ValueOf("k").Convert(v.Type().Key()), e)
		v.Set(m)
	default:
		return false
	}
	return true
}

// coverLeaf sets v to a value that is not zero: its first member that
// can be set, for a struct; an empty struct, for a pointer to a struct
// with none.
func coverLeaf(v reflect.Value, depth int) bool {
	switch t := v.Type(); {
	case depth > 8:
		return false
	case t == reflect.TypeFor[paginate.Token]():
		v.Set(reflect.ValueOf(paginate.StringToken("1")))
		return true
	case t == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Unix(1_700_000_000, 0).UTC()))
		return true
	case t == reflect.TypeFor[json.RawMessage]():
		v.SetBytes([]byte("{}"))
		return true
	}
	switch v.Kind() {
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if !coverLeaf(p.Elem(), depth+1) && p.Elem().Kind() != reflect.Struct {
			return false
		}
		v.Set(p)
	case reflect.String:
		v.SetString("1")
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte("b"))
			return true
		}
		e := reflect.New(v.Type().Elem()).Elem()
		coverLeaf(e, depth+1)
		v.Set(reflect.Append(reflect.MakeSlice(v.Type(), 0, 1), e))
	case reflect.Map:
		e := reflect.New(v.Type().Elem()).Elem()
		coverLeaf(e, depth+1)
		m := reflect.MakeMapWithSize(v.Type(), 1)
		m.SetMapIndex(reflect.ValueOf("k").Convert(v.Type().Key()), e)
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); v.Type().Field(i).IsExported() && f.CanSet() && f.Kind() != reflect.Map && coverLeaf(f, depth+1) {
				return true
			}
		}
		return false
	default:
		return false
	}
	return true
}
`
