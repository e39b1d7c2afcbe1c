package godoc

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// seeds are inputs for FuzzLines besides the golden inputs.
var seeds = []string{
	"",
	"a\r\nb\rc\u2028d\x00e\xff\u202ef",
	"+build linux\n\ngo:build linux",
	"Title\n\nValid Values\n\nMore text.",
	"- a\n- b",
	"    code",
	"``quoted'' text",
	"[a]: https://example.com\n\n\\[a]: https://example.com",
	"1. one\n\n   - two\n\n     1. three\n\n```\nfour\n```",
	"# Heading\n\n> quote\n\n***\n\n<div>\n<p>html</p>\n</div>",
}

// FuzzLines checks that the comment rendered from any input parses, is
// stable under gofmt and go/doc/comment, and follows the safety rules.
func FuzzLines(f *testing.F) {
	for _, path := range goldenFiles(f) {
		a, err := txtar.ParseFile(path)
		require.NoError(f, err)
		if in, ok := archiveFile(a, "in.md"); ok {
			f.Add(string(in))
		}
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := Lines(in)
		checkComment(t, lines)
		checkComment(t, fallback(normalize(in)))
		assert.True(t, slices.Equal(lines, Lines(in)), "not deterministic")
		p := Plain(in)
		assert.False(t, strings.ContainsAny(p, "\n\r"), "Plain has a line break: %q", p)
		assert.Equal(t, escapeDirective(p), p)
	})
}

func BenchmarkLines(b *testing.B) {
	var inputs []string
	for _, path := range goldenFiles(b) {
		a, err := txtar.ParseFile(path)
		require.NoError(b, err)
		in, _ := archiveFile(a, "in.md")
		inputs = append(inputs, string(in))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, in := range inputs {
			Lines(in)
		}
	}
}
