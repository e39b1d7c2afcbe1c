package godoc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSafety checks the safety rules on hostile payloads.
func TestSafety(t *testing.T) {
	long := strings.Repeat("Supercalifragilistic", 10)
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"crlf", "one\r\ntwo\r\n\r\nthree", []string{"one two", "", "three"}},
		{"lone cr", "one\rtwo\r\rthree", []string{"one two", "", "three"}},
		{"line separator", "one\u2028two\u2029\u2029three\u0085four", []string{"one two", "", "three four"}},
		{"nul and controls", "a\x00b\x01c\x1bd\x7fe\u0080f\u009fg\ufeffh", []string{"abcdefgh"}},
		{"tab", "a\tb", []string{"a b"}},
		{"invalid utf8", "a\xffb\xc3(c", []string{"a\ufffdb\ufffd(c"}},
		{"bidi", "a\u202ab\u202ec\u2066d\u2069e\u200ef\u200fg\u061ch", []string{"abcdefgh"}},
		{"bidi reference", "a&#x202E;b&#8207;c", []string{"abc"}},
		{"newline reference", "a&#13;b&#10;c&#x2028;d&#0;e", []string{"a b c d\ufffde"}},
		{"plus build", "+build linux", []string{`\+build linux`}},
		{"plus build wrapped", strings.Repeat("word ", 15) + "+build linux", []string{strings.Repeat("word ", 15) + "+build", "linux"}},
		{"go build", "go:build linux", []string{`\go:build linux`}},
		{"plus build in list", "- a\n\n  +build linux", []string{"  - a", `    \+build linux`}},
		{"plus build item", "x\n\n- +build linux\n- " + strings.Repeat("word ", 14) + "go:build x", []string{"x", "", "  - +build linux", "  - " + strings.Repeat("word ", 14) + "go:build", "    x"}},
		{"plus build paragraph in item", "x\n\n- a\n\n  +build x", []string{"x", "", "  - a", `    \+build x`}},
		{"plus build code", "x\n\n    +build linux", []string{"x", "", `	\+build linux`}},
		{"go generate", "go:generate echo", []string{"go:generate echo"}},
		{"line directive", "line 12", []string{"line 12"}},
		{"comment close", "a */ b `/* c */`", []string{"a */ b /* c */"}},
		{"link definition text", `\[a]: https://example.com`, []string{"[a]:", "https://example.com"}},
		{"comment close code", "x\n\n    */", []string{"x", "", "\t*/"}},
		{"long word", "a " + long + " b", []string{"a", long, "b"}},
		{"long url", "see https://example.com/" + long, []string{"see", "https://example.com/" + long}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.in)
			assert.Equal(t, tt.want, got)
			checkComment(t, got)
		})
	}
}
