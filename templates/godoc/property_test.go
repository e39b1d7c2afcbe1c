package godoc

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fragments are the pieces that TestPropertyGenerated puts together: block
// and inline syntax, text that Go doc comments treat specially, and payloads
// of the safety rules.
var fragments = []string{
	"\n", "\n", "\n\n", "\n\n", "  ", "    ", "\t",
	"- ", "* ", "+ ", "1. ", "2) ", "10. ", "  - ", "    - ", "   1. ",
	"# ", "## ", "> ", "```\n", "    code\n", "---\n",
	"word ", "Word ", "Valid Values", "Connected", "The filter value. ", "include:",
	"`code`", "`a b`", "``", "''", "```", "*em*", "**strong**", "_x_",
	"[link](https://example.com/a)", "[link](https://example.com/b)", "[Link Text](/rel)",
	"[a]: https://example.com", "\\[a]: https://example.com", "[ref][r]", "\n[r]: https://example.com/r\n",
	"<https://example.com/auto>", "https://example.com/bare", "(https://example.com/p)",
	"<p>", "</p>", "<br>", "<code>x</code>", "<!-- c -->", "<div>\n", "&amp;", "&#x202E;", "&#13;",
	"+build linux", "go:build x", "*/", "/*", "//go:generate", "\r\n", "\r", "\u2028", "\x00", "\xff",
	"}", "{", "\\", "•", "–", "(1)", "[x]", "[os.File]", strings.Repeat("long", 25),
	"\n===\n", "<pre>\n", "  ```\n", "1986. ", "\\- ", "\\#", "\\+build", "\u00a0", "\ufeff", "a\\\n",
}

// TestPropertyGenerated checks the rules of checkComment on texts put
// together at random from fragments, with a fixed seed.
func TestPropertyGenerated(t *testing.T) {
	n := 4000
	if testing.Short() {
		n = 500
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range n {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(fragments[rng.IntN(len(fragments))])
		}
		in := b.String()
		t.Run("", func(t *testing.T) {
			defer func() {
				if t.Failed() {
					t.Logf("input: %q", in)
				}
			}()
			checkComment(t, Lines(in))
			checkComment(t, fallback(normalize(in)))
		})
		if t.Failed() {
			break
		}
	}
}

// TestPlainParagraphIsCanonical checks the shortcut of settle: lines that
// plainParagraphs accepts are printed by go/doc/comment exactly as they are.
// The lines are put together at random from words, punctuation, URLs and the
// fragments, in one or more paragraphs, with a fixed seed; the test asserts
// that plainParagraphs accepts enough of them to matter.
func TestPlainParagraphIsCanonical(t *testing.T) {
	words := []string{
		"The", "filter", "value.", "Valid", "Values", "Connected", "include:", "-", "*", "+", "1.", "2)",
		"(1)", "https://example.com/a", "http://x.y/z?q=1", "a,b", "x_y", "*em*", "`code`", "'", "\"q\"",
		"Deprecated:", "Note:", "TODO", "•", "–", "ÄÖÜ", "日本", "a:b", "://", "Go", "See", "#", "e.g.",
	}
	rng := rand.New(rand.NewPCG(3, 4))
	accepted := 0
	for range 20000 {
		var lines []string
		for range 1 + rng.IntN(6) {
			if len(lines) > 0 && rng.IntN(3) == 0 {
				lines = append(lines, "")
			}
			var ws []string
			for range 1 + rng.IntN(8) {
				if rng.IntN(10) == 0 {
					ws = append(ws, fragments[rng.IntN(len(fragments))])
				} else {
					ws = append(ws, words[rng.IntN(len(words))])
				}
			}
			lines = append(lines, strings.Join(ws, " "))
		}
		if !plainParagraphs(lines) {
			continue
		}
		accepted++
		if got := canonical(lines); !slices.Equal(got, lines) {
			t.Fatalf("plainParagraphs accepts %q, but go/doc/comment prints %q", lines, got)
		}
	}
	if accepted < 5000 {
		t.Fatalf("plainParagraphs accepted only %d of 20000 candidates", accepted)
	}
}

// TestPlainTextIsParsed checks the shortcut of document: text that
// plainText accepts gives the paragraphs goldmark's parse gives. The texts are
// put together at random from words, punctuation, line breaks and the
// fragments, with a fixed seed; the test asserts that plainText accepts
// enough of them to matter.
func TestPlainTextIsParsed(t *testing.T) {
	pieces := []string{
		"The", "filter", "value.", "a", "Z9", "(x)", "x,", "y;", "z:", "it's", "\"q\"", "50%", "$1", "a=b", "a+b", "a-b",
		"a/b", "why?", "http://example.com/x", "www.example.com", "1.", "-", "+", " ", "  ", "\n", "\n", "\n ", "\n\n",
		"-\n", "=\n", "x\n===", "x\n---",
	}
	rng := rand.New(rand.NewPCG(5, 6))
	accepted := 0
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(12) == 0 {
				b.WriteString(fragments[rng.IntN(len(fragments))])
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
			if rng.IntN(2) == 0 {
				b.WriteByte(' ')
			}
		}
		src := []byte(b.String())
		got, ok := plainText(src)
		if !ok {
			continue
		}
		accepted++
		want := newRenderer(src, false).parse()
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("plainText reads %q as %v, goldmark as %v", src, got, want)
		}
	}
	if accepted < 2000 {
		t.Fatalf("plainText accepted only %d of 20000 texts", accepted)
	}
}
