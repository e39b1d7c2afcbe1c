package main

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []int64
		want int64
	}{
		{nil, 0},
		{[]int64{7}, 7},
		{[]int64{9, 1, 5}, 5},
		{[]int64{4, 1, 3, 2}, 2}, // (2+3)/2, truncated
		{[]int64{10, 30}, 20},
		{[]int64{3, 3, 1}, 3},
	} {
		in := slices.Clone(tc.in)
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %d, want %d", tc.in, got, tc.want)
		}
		if !slices.Equal(in, tc.in) {
			t.Errorf("median sorted its argument: %v, was %v", tc.in, in)
		}
	}
	if got := median([]time.Duration{3 * time.Second, time.Second, 2 * time.Second}); got != 2*time.Second {
		t.Errorf("median of durations = %v, want 2s", got)
	}
	if got := median([]float64{1, 2}); got != 1.5 {
		t.Errorf("median(1, 2) = %v, want 1.5", got)
	}
}

// buildX is go build -x output: the target compiled under -toolexec, the
// wrapper asked for the compiler's version, and lines that merely mention
// compile or -p.
const buildX = `WORK=/tmp/go-build125849218
mkdir -p $WORK/b001/
cat >/tmp/go-build125849218/b001/importcfg << 'EOF' # internal
# import config
packagefile context=/tmp/cache/75/75ab-d
EOF
cd /tmp/buildcost-1/src/pagegen/generated/ec2
/tmp/go-build9/exe/buildcost /usr/local/go/pkg/tool/linux_amd64/compile -o $WORK/b001/_pkg_.a -trimpath "$WORK/b001=>" -p github.com/pagegen/pagegen/generated/ec2 -lang=go1.26 -complete -c=2 ./describe_images.go
/usr/local/go/pkg/tool/linux_amd64/compile -o $WORK/b002/_pkg_.a -p github.com/aws/aws-sdk-go-v2/service/ec2/types -complete ./types.go
/usr/local/go/pkg/tool/linux_amd64/buildid -w $WORK/b001/_pkg_.a # internal
cp $WORK/b001/_pkg_.a /tmp/cache/2b/2b4c-d # internal
echo compile -p nothing
`

func TestCompiledPackages(t *testing.T) {
	got, err := compiledPackages(strings.NewReader(buildX))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"github.com/pagegen/pagegen/generated/ec2", "github.com/aws/aws-sdk-go-v2/service/ec2/types"}
	if !slices.Equal(got, want) {
		t.Errorf("compiledPackages = %q, want %q", got, want)
	}
	got, err = compiledPackages(strings.NewReader("WORK=/tmp/x\n"))
	if err != nil || len(got) != 0 {
		t.Errorf("compiledPackages of a cached build = %q, %v; want none", got, err)
	}
}

func TestCompiledPackage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"/go/pkg/tool/linux_amd64/compile", "-o", "x.a", "-p", "example.com/a", "a.go"}, "example.com/a"},
		{[]string{"/go/pkg/tool/linux_amd64/compile", "-V=full"}, ""},
		{[]string{"/go/pkg/tool/linux_amd64/compile", "-p"}, ""},
		{[]string{"/go/pkg/tool/linux_amd64/asm", "-p", "example.com/a"}, ""},
		{[]string{"/go/pkg/tool/linux_amd64/compile.exe", "-p", "example.com/c"}, "example.com/c"},
	} {
		if got := compiledPackage(tc.args); got != tc.want {
			t.Errorf("compiledPackage(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

func TestParseCompileLog(t *testing.T) {
	got, err := parseCompileLog(strings.NewReader("example.com/a 100\nexample.com/b 7\nexample.com/a 300\n"), "log")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["example.com/a"] != 300 || got["example.com/b"] != 7 {
		t.Errorf("parseCompileLog = %v, want a: 300 (the larger), b: 7", got)
	}
	for _, bad := range []string{"example.com/a\n", "example.com/a 1 2\n", "example.com/a -5\n", "example.com/a 1.5\n"} {
		if _, err := parseCompileLog(strings.NewReader(bad), "log"); err == nil || !strings.HasPrefix(err.Error(), "log:1: ") {
			t.Errorf("parseCompileLog(%q) error = %v, want one at log:1", bad, err)
		}
	}
}

func TestReadCompileLogMissing(t *testing.T) {
	got, err := readCompileLog(filepath.Join(t.TempDir(), "none.txt"))
	if err != nil || len(got) != 0 {
		t.Errorf("readCompileLog of a missing file = %v, %v; want empty, nil", got, err)
	}
}

func TestLines(t *testing.T) {
	for in, want := range map[string]int{"": 0, "a": 1, "a\n": 1, "a\nb": 2, "a\n\nb\n": 3} {
		if got := lines([]byte(in)); got != want {
			t.Errorf("lines(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestCountLines(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"a.go":      "package a\n\nfunc A() {}\n",
		"b.go":      "package a\n",
		"a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n",
		"notes.txt": "not Go\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "c.go"), []byte("package c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := countLines(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := lineCount{files: 2, lines: 4, testFiles: 1, testLines: 5}
	if got != want {
		t.Errorf("countLines = %+v, want %+v", got, want)
	}
	if _, err := countLines(filepath.Join(dir, "none")); err == nil {
		t.Error("countLines of a folder without Go files succeeded")
	}
}

func TestChain(t *testing.T) {
	a := summary{ops: 10, wall: 3 * time.Second, minWall: 2 * time.Second, treeRSS: 100 << 20, compRSS: 90 << 20}
	b := summary{ops: 10, wall: time.Second, minWall: time.Second, treeRSS: 300 << 20, compRSS: 290 << 20}
	got := chain("a + b", a, b)
	if got.wall != 4*time.Second || got.minWall != 3*time.Second || got.treeRSS != 300<<20 || got.compRSS != 290<<20 {
		t.Errorf("chain = %+v, want times added and the larger peaks", got)
	}
	if got.perOpMS != 400 || got.perOpMiB != 30 {
		t.Errorf("chain per op = %v ms, %v MiB; want 400, 30", got.perOpMS, got.perOpMiB)
	}
}

func TestToolexecRecordsTheCompile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the fake compiler is a shell script")
	}
	dir := t.TempDir()
	tool := filepath.Join(dir, "compile")
	if err := os.WriteFile(tool, []byte("#!/bin/sh\nexit 0\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(dir, "log")
	if code := toolexec(log, []string{tool, "-V=full"}); code != 0 {
		t.Fatalf("toolexec of compile -V=full = %d, want 0", code)
	}
	if code := toolexec(log, []string{tool, "-o", "x.a", "-p", "example.com/x", "x.go"}); code != 0 {
		t.Fatalf("toolexec of compile -p = %d, want 0", code)
	}
	got, err := readCompileLog(log)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got["example.com/x"] <= 0 {
		t.Errorf("log = %v, want only example.com/x with a peak RSS", got)
	}

	failing := filepath.Join(dir, "fails", "compile")
	if err := os.MkdirAll(filepath.Dir(failing), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(failing, []byte("#!/bin/sh\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code := toolexec(log, []string{failing, "-p", "example.com/y"}); code != 3 {
		t.Errorf("toolexec of a failing tool = %d, want its status 3", code)
	}
	if got, _ := readCompileLog(log); len(got) != 1 {
		t.Errorf("a failed compile was recorded: %v", got)
	}
}

func TestReportPrint(t *testing.T) {
	runs := func(sec float64, mib int64) []result {
		r := result{wall: time.Duration(sec * float64(time.Second)), cpu: time.Second, treeRSS: mib << 20, compRSS: mib << 20}
		return []result{r, r}
	}
	r := &report{
		reps: 2, toolexec: true, cpus: 2, goVersion: "go1.26.8", cache: "a new GOCACHE",
		sides: []*side{
			{label: "pagegen ec2", ops: 100, opsHow: "paginators", runs: runs(1, 100)},
			{label: "aws ec2", ops: 400, opsHow: "operations", runs: runs(8, 1600)},
			{label: "aws ec2/types", ops: 400, runs: runs(5, 200)},
		},
		lines: []lineCount{{label: "pagegen generated/ec2", ops: 100, files: 2, lines: 2500, testFiles: 1, testLines: 500}},
	}
	var out strings.Builder
	r.print(&out)
	for _, want := range []string{
		"aws ec2 + types  400",
		"vs aws ec2:         build time 0.50 (misses the goal), peak RSS 0.25 (meets the goal)",
		"vs aws ec2 + types: build time 0.31 (meets the goal), peak RSS 0.25 (meets the goal)",
		"25.0",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
