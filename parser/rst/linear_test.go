package rst

import (
	"strings"
	"testing"
	"time"
)

// TestLinear feeds Parse and Markdown inputs that would take quadratic time
// or more with a naive implementation; each must finish quickly.
func TestLinear(t *testing.T) {
	const n = 1 << 19
	inline := map[string]string{
		"stars":           strings.Repeat("*a ", n/3),
		"strong starts":   strings.Repeat("**a ", n/4),
		"backquotes":      strings.Repeat("`a ", n/3),
		"literal starts":  strings.Repeat("``a ", n/4),
		"role prefixes":   ":" + strings.Repeat("a:", n/2),
		"brackets":        strings.Repeat("[a ", n/3),
		"targets":         strings.Repeat("_`a ", n/4),
		"adjacent code":   strings.Repeat("``a``\\ ", n/7),
		"adjacent em":     strings.Repeat("*a*\\ ", n/5),
		"alternating em":  strings.Repeat("*a*\\ **b**\\ ", n/12),
		"escapes":         strings.Repeat(`\*`, n/2),
		"embedded target": "`" + strings.Repeat("a <", n/3) + "b>`_",
	}
	for name, text := range inline {
		start := time.Now()
		Markdown(text)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Markdown of %s took %v", name, d)
		}
	}
	blocks := map[string]string{
		"long bullet line":   strings.Repeat("- ", n/2),
		"deep quotes":        deepQuotes(99) + strings.Repeat("p\n\n", n/3),
		"many items":         strings.Repeat("- a\n", n/4),
		"many nested items":  strings.Repeat("- a\n\n  - b\n\n", n/12),
		"long paragraph":     strings.Repeat("line\n", n/5),
		"long field name":    ":" + strings.Repeat("a:b", n/3),
		"long directive":     ".. " + strings.Repeat("a:", n/2) + ":",
		"literal markers":    strings.Repeat("a::\n\n  b\n\n", n/9),
		"many adornments":    strings.Repeat("=\n", n/2),
		"lazy lines":         "- a\n\n  b\n" + strings.Repeat("c\n", n/2),
		"many comments":      strings.Repeat("..\n", n/3),
		"indented and blank": strings.Repeat("  a\n\n", n/5),
	}
	for name, src := range blocks {
		start := time.Now()
		doc, err := Parse("big.rst", []byte(src))
		if err == nil {
			BlocksMarkdown(doc.Children)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Parse of %s took %v", name, d)
		}
	}
}

// TestHostile feeds Parse inputs made to exhaust the stack or the memory:
// each must be refused with a positioned error within a second.
func TestHostile(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"10 MB line", strings.Repeat("a", 10<<20), "big.rst:1:1: file too large: 10485760 bytes (limit 4194304)"},
		{"1 MB line", strings.Repeat("a", 1<<20), "big.rst:1:262145: line too long: 1048576 bytes (limit 262144)"},
		{"100k nested lists", strings.Repeat("- ", 100_000) + "x\n", "big.rst:1:201: blocks nested too deeply (more than 100 levels)"},
		{"2,000 nested list items", nestedItems(2000), "big.rst:201:201: blocks nested too deeply (more than 100 levels)"},
		{"1,000 nested block quotes", deepQuotes(1000) + strings.Repeat("p\n\n", 100_000), "big.rst:203:102: blocks nested too deeply (more than 100 levels)"},
		{"1,500 nested directives", nestedDirectives(1500), "big.rst:201:301: blocks nested too deeply (more than 100 levels)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("big.rst", []byte(c.src))
			d := time.Since(start)
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v, want %s", err, c.want)
			}
			if d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// nestedItems returns n list items, each indented two spaces more than the
// one before.
func nestedItems(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", 2*i) + "- x\n\n")
	}
	return b.String()
}

// nestedDirectives returns n note directives, each in the one before.
func nestedDirectives(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", 3*i) + ".. note::\n\n")
	}
	return b.String()
}
