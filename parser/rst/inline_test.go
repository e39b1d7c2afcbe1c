package rst

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// markdownCases are RST inline texts and their CommonMark conversions.
var markdownCases = []struct {
	name, in, want string
}{
	{"plain", "Plain text.", "Plain text."},
	{"literal", "Use ``NextToken``.", "Use `NextToken`."},
	{"literal with backquote", "``a`b``", "``a`b``"},
	{"literal starting with backquote", "```x``", "`` `x ``"},
	{"literal keeps backslashes", "``{\\\"a\\\":1}``", "`{\\\"a\\\":1}`"},
	{"literal with markup", "``*a* [b]``", "`*a* [b]`"},
	{"literal over two lines", "``a\nb``", "`a b`"},
	{"emphasis", "*em*", "*em*"},
	{"strong", "**strong**", "**strong**"},
	{"boto3 type", "- **key** *(string) --* **[REQUIRED]**", "\\- **key** *(string) --* **\\[REQUIRED\\]**"},
	{"emphasis in a word", "2*3*4", "2\\*3\\*4"},
	{"emphasis after a word", "foo*bar*", "foo\\*bar\\*"},
	{"emphasis before a word", "*foo*bar", "\\*foo\\*bar"},
	{"start followed by space", "* a *", "\\* a \\*"},
	{"unmatched start", "*a", "\\*a"},
	{"quoted start", "(*) and '*' and \"*\"", "(\\*) and '\\*' and \"\\*\""},
	{"emphasis with literal inside", "*a ``b``*", "*a \\`\\`b\\`\\`*"},
	{"strong end in a word", "**a**b", "\\*\\*a\\*\\*b"},
	{"literal end in a word", "``a``b", "\\`\\`a\\`\\`b"},
	{"escaped emphasis", `\*not\*`, `\*not\*`},
	{"escaped space", "``a``\\ s", "`a`s"},
	{"escaped backslash", `a\\b`, `a\\b`},
	{"trailing backslash", `a\`, `a\\`},
	{"escaped markup start after escape", `\**a*`, `\**a*`},
	{"link", "See `AWS <https://aws.amazon.com/>`_.", "See [AWS](https://aws.amazon.com/)."},
	{"anonymous link", "`AWS Docs <https://docs.aws.amazon.com/x>`__ here", "[AWS Docs](https://docs.aws.amazon.com/x) here"},
	{"link with escaped colon", "`AWS\\:\\:S3 <https://a.b/c>`__", "[AWS::S3](https://a.b/c)"},
	{"link text over two lines", "`a\nb <https://a.b/c>`_", "[a\nb](https://a.b/c)"},
	{"link target over two lines", "`a <https://a.b/\n c>`_", "[a](https://a.b/c)"},
	{"link with markup in text", "`*x* [y] <https://a.b/>`_", "[\\*x\\* \\[y\\]](https://a.b/)"},
	{"link with unbalanced parenthesis", "`x <https://a.b/(c>`_", "[x](<https://a.b/(c>)"},
	{"link target only", "`<https://a.b/c>`_", "[https://a.b/c](https://a.b/c)"},
	{"URL reference", "`https://a.b/c`_", "[https://a.b/c](https://a.b/c)"},
	{"named reference", "`Some Name`_ and `x`__", "Some Name and x"},
	{"alias reference", "`Foo <bar_>`_", "Foo"},
	{"simple reference stays", "name_ and a_b_", "name\\_ and a_b\\_"},
	{"method role", "From :py:meth:`SSM.Client.describe_sessions`.", "From `SSM.Client.describe_sessions`."},
	{"doc role with title", ":doc:`SSM <../../ssm>` / Paginator", "`SSM` / Paginator"},
	{"ref role without space", "(:ref:`document<document>`) --", "(`document`) --"},
	{"role with tilde", ":py:meth:`~SSM.Client.get_paginator`", "`get_paginator`"},
	{"role with bang", ":py:class:`!Foo`", "`Foo`"},
	{"role suffix", "`text`:strong: and `x`:py:func:", "**text** and `x`"},
	{"standard roles", ":emphasis:`a` :literal:`b` :code:`c` :sub:`2` :title-reference:`d`", "*a* `b` `c` 2 *d*"},
	{"interpreted", "`interpreted`", "*interpreted*"},
	{"role and reference", ":role:`x`_", ":role:\\`x\\`\\_"},
	{"footnote reference", "See [1]_ and [#]_.", "See \\[1\\] and \\[#\\]."},
	{"inline target", "_`target` here", "target here"},
	{"substitution stays", "|sub| x", "|sub| x"},
	{"underscores", "snake_case _x_ __init__", "snake_case \\_x\\_ \\_\\_init\\_\\_"},
	{"brackets and angles", "x <y> [z] {w}", "x \\<y> \\[z\\] {w}"},
	{"entity", "AT&T &amp; &#65; &x", "AT&T \\&amp; \\&#65; &x"},
	{"heading at line start", "# not a heading\n## nor this", "\\# not a heading\n\\## nor this"},
	{"ordered list at line start", "1. one\n2) two\n2019. year\n1234567890. long", "1\\. one\n2\\) two\n2019\\. year\n1234567890. long"},
	{"bullet at line start", "a\n- b\n+ c\n-1 d", "a\n\\- b\n\\+ c\n-1 d"},
	{"setext underline", "title\n=====\n---", "title\n\\=====\n\\---"},
	{"quote and fence at line start", "> q\n~~~\n```x``", "\\> q\n\\~~~\n`` `x ``"},
	{"image marker", "!`l <https://a.b/>`_", "\\![l](https://a.b/)"},
	{"html", "<b>x</b>", "\\<b>x\\</b>"},
	{"indentation is dropped", "  a\n    b", "a\nb"},
	{"spaces before line end", "a   \nb", "a\nb"},
	{"unicode punctuation around markup", "«*a*» and —*b*—", "«*a*» and —*b*—"},
	{"unicode text", "naïve *café* ünïcode_", "naïve *café* ünïcode\\_"},
	{"adjacent emphasis merged", "*a*\\ *b*", "*ab*"},
	{"adjacent literals merged", "``a``\\ ``b``", "`ab`"},
	{"strong right after emphasis", "*a*\\ **b**", "*a*b"},
	{"emphasis that cannot open", "a\\ *(b)*", "a(b)"},
	{"emphasis that cannot close", "*a.*\\ b", "a.b"},
	{"emphasis closed by a word", "**a**\\ b", "**a**b"},
	{"emphasis before a star", "*a*\\*b", "_a_\\*b"},
	{"emphasis that cannot be followed by a word", "*(a)*\\ **b**", "(a)b"},
	{"empty", "", ""},
}

func TestMarkdown(t *testing.T) {
	for _, c := range markdownCases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Markdown(c.in))
		})
	}
}

// TestMarkdownCommonMark checks that a CommonMark parser reads each converted
// case with the inline structure the RST has.
func TestMarkdownCommonMark(t *testing.T) {
	for _, c := range markdownCases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, wantInline(c.in), gotInline(Markdown(c.in)))
		})
	}
}

// TestInlineCheck makes sure the CommonMark check can fail.
func TestInlineCheck(t *testing.T) {
	assert.NotEqual(t, wantInline("2*3*4"), gotInline("2*3*4"))
	assert.NotEqual(t, wantInline("a\n- b"), gotInline("a\n- b"))
	assert.NotEqual(t, wantInline("``x``"), gotInline("``x``y"))
	assert.Equal(t, wantInline("*a* ``b`` `c <https://d.e/>`_"), gotInline("*a* `b` [c](https://d.e/)"))
}
