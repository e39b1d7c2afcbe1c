package godoc

import (
	"go/build/constraint"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSafeLine checks that a plain line becomes one safe comment line and
// that the lines of Lines stay as they are.
func TestSafeLine(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Package ssm pages", "Package ssm pages"},
		{"a\nb\r\nc\rd\u2028e\u2029f\u0085g", "a b c d e f g"},
		{"\n}\nfunc init(){panic(1)}", " } func init(){panic(1)}"},
		{"x\u2028//go:linkname", "x //go:linkname"},
		{"+build ignore", `\+build ignore`},
		{"go:build ignore", `\go:build ignore`},
		{"\tcode line", "\tcode line"},
		{"a\x00b\xffc\u202ed  ", "ab\ufffdcd"},
		{"*/ package evil", "*/ package evil"},
	} {
		got := SafeLine(tc.in)
		assert.Equal(t, tc.want, got, "SafeLine(%q)", tc.in)
		assert.Equal(t, got, SafeLine(got), "not idempotent")
		c := commentLine(got)
		assert.False(t, constraint.IsGoBuild(c) || constraint.IsPlusBuild(c), "%q reads as a build constraint", c)
		assert.True(t, len(c) == 2 || c[2] == ' ' || c[2] == '\t', "%q reads as a directive", c)
	}
	for _, in := range seeds {
		for _, l := range Lines(in) {
			assert.Equal(t, l, SafeLine(l))
		}
	}
}

// TestWithLead checks where the lead goes and that the result is safe and
// settled.
func TestWithLead(t *testing.T) {
	for _, tc := range []struct {
		lead, md string
		want     []string
	}{
		{"", "", nil},
		{"T is a type.", "", []string{"T is a type."}},
		{"T:", "Some text.", []string{"T: Some text."}},
		{"T:", "- a\n- b", []string{"T:", "", "  - a", "  - b"}},
		{"T:", "    code", []string{"T:", "", "\tcode"}},
		{"T\n//go:generate x", "+build x", []string{"T //go:generate x +build x"}},
		{"+build x", "", []string{`\+build x`}},
		{"T:", "Foo-Bar\n\nText.", []string{"T: Foo-Bar", "", "Text."}},
		{"LongPaginatorName pages through the results of LongOperationName as boto3's paginator does.", "More.",
			[]string{"LongPaginatorName pages through the results of LongOperationName as boto3's", "paginator does. More."}},
		{"T links https://docs.aws.amazon.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all.html here.", "",
			[]string{"T links", "https://docs.aws.amazon.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all.html", "here."}},
	} {
		got := WithLead(tc.lead, tc.md)
		assert.Equal(t, tc.want, got, "WithLead(%q, %q)", tc.lead, tc.md)
		checkComment(t, got)
	}
}

// TestSettle checks that parts put together read as gofmt writes them: a
// lone capitalised line between paragraphs is a heading.
func TestSettle(t *testing.T) {
	got := Settle([]string{"T pages through things.", "", "Foo-Bar", "", "Each page is a page."})
	assert.Equal(t, []string{"T pages through things.", "", "# Foo-Bar", "", "Each page is a page."}, got)
	checkComment(t, got)
}
