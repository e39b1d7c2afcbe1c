// Package godoc renders CommonMark descriptions as Go doc comments.
//
// The model keeps every description as CommonMark text. This package walks
// the goldmark syntax tree of such a text and writes it in the syntax of Go
// doc comments (https://go.dev/doc/comment):
//
//   - paragraphs become text lines wrapped at about 80 columns (never inside
//     a URL or a code span), separated by one blank line;
//   - lists become Go doc lists, bullets or numbers, with continuation lines
//     indented by four spaces and a blank line before and after the list;
//   - items of nested lists become continuation lines of their top-level
//     item, marked with an en dash (or a hyphen inside a numbered list) for
//     bullets and "1." (or "(1)" inside a numbered list) for numbers: Go doc
//     comments have a single list level, and gofmt turns an indented hyphen
//     item into an item of the top-level list;
//   - code spans, emphasis and strong emphasis keep only their text;
//   - a link keeps its text in brackets, with a link definition at the end of
//     the comment (see the example below), or becomes "text (url)" when a
//     definition cannot express it; autolinks and bare URLs stay as they are;
//   - code blocks become lines indented by a tab;
//   - raw HTML keeps only its text; headings become plain paragraphs.
//
// For example, the description
//
//	`JustInTime` is the access type for [Just-in-time node access](https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-just-in-time-node-access.html).
//
// becomes the lines
//
//	JustInTime is the access type for [Just-in-time node access].
//
//	[Just-in-time node access]: https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-just-in-time-node-access.html
//
// The input is untrusted: it is normalised before parsing (line breaks,
// control characters, invalid UTF-8, bidirectional controls) and the result
// follows the rules listed on [Lines].
package godoc

import "strings"

// Lines renders CommonMark text as the lines of a Go doc comment, without the
// comment markers ("// " is added by the caller). The result is safe to emit
// after "// ": see the safety rules.
//
// Empty or whitespace-only input gives nil. Text lines are wrapped at 77
// columns, so that comment lines end by column 80, unless one word is longer.
// Blank lines are "" and code lines start with a tab; gofmt writes those as
// "//" and "//"+line, which is what [Comment] does.
//
// Safety rules:
//   - the input is normalised first: CRLF and lone CR, U+2028, U+2029 and
//     U+0085 become line feeds; NUL, the other C0 and C1 controls, DEL and
//     U+FEFF are removed; invalid UTF-8 becomes U+FFFD; the bidirectional
//     controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F and U+061C are
//     removed. Text produced by character references is cleaned the same way;
//   - no line contains a line feed, a carriage return or any of the runes
//     removed above, and no line ends in spaces or tabs;
//   - a line whose text, after leading white space, starts with "+build" or
//     "go:build" gets a backslash before that word ("\+build"), so that no
//     line reads as a build constraint; "//" is followed by a space, a tab
//     or nothing, so no line becomes a directive ("//go:", "//line");
//   - "*/" is left as it is: the lines are meant for line comments, where it
//     is harmless, and must not be placed inside a /* */ comment;
//   - the comment made of the lines is in the form gofmt writes for a doc
//     comment (see [Comment]), so formatting the generated file leaves it
//     unchanged, and the output is the same for the same input. Lines that a
//     caller adds around them can, rarely, make gofmt change that form: a
//     lone capitalised first line, for one, reads as a heading after a
//     paragraph.
func Lines(markdown string) []string {
	return linesWidth(markdown, width)
}

// linesWidth is [Lines] with text lines of at most w columns.
func linesWidth(markdown string, w int) []string {
	src := normalize(markdown)
	if strings.TrimSpace(src) == "" {
		return nil
	}
	r := newRenderer([]byte(src), false)
	r.width = w
	lines, ok := settle(r.lines(r.document()))
	if !ok {
		lines = fallback(src)
	}
	if len(lines) == 0 {
		return nil
	}
	return lines
}

// WithLead renders CommonMark text as [Lines] does, with lead, a line of
// plain text (not CommonMark), first: it starts the first paragraph, or is
// a paragraph of its own when the text starts with a list or code. The lead
// is made safe by [SafeLine] and wrapped with the text, at its spaces only;
// the result follows the safety rules of [Lines].
func WithLead(lead, markdown string) []string {
	return WithLeadIndented(lead, markdown, 0)
}

// WithLeadIndented is [WithLead] for a comment indented by indent columns
// (a tab counts four), such as a struct field's: its lines are as much
// shorter, so that they still end by column 80, down to a width of 40.
func WithLeadIndented(lead, markdown string, indent int) []string {
	w := max(width-indent, 40)
	fields := strings.Fields(SafeLine(lead))
	if len(fields) == 0 {
		return linesWidth(markdown, w)
	}
	words := make([]word, len(fields))
	for i, f := range fields {
		words[i] = word{s: f}
	}
	src := normalize(markdown)
	r := newRenderer([]byte(src), false)
	r.width = w
	var blocks []block
	if strings.TrimSpace(src) != "" {
		blocks = r.document()
	}
	if len(blocks) > 0 && blocks[0].kind == blockPara {
		blocks[0].words = append(words, blocks[0].words...)
	} else {
		blocks = append([]block{{kind: blockPara, words: words}}, blocks...)
	}
	if lines, ok := settle(r.lines(blocks)); ok {
		return lines
	}
	lines, _ := settle(paragraph(append(fields, plainWords(newRenderer([]byte(src), true).document())...), w))
	return lines
}

// Settle returns comment lines put together from results of [Lines] and
// [WithLead] in the form gofmt writes them: a lone line between two
// paragraphs, for one, can read as a heading. The safety rules of [Lines]
// still hold.
func Settle(lines []string) []string {
	settled, _ := settle(lines)
	return settled
}

// SafeLine makes one line of plain text, not CommonMark, safe to follow
// "//": the text is normalised as [Lines] normalises its input, line breaks
// become spaces, trailing spaces and tabs are dropped and a leading
// "+build" or "go:build" gets a backslash. Leading tabs stay, so a code
// line of [Lines] stays one; every line of [Lines] is returned unchanged.
func SafeLine(line string) string {
	return escapeDirective(strings.TrimRight(cleanCode(normalize(line)), " \t"))
}

// fallback renders the normalised source as one paragraph of plain text,
// which Go doc comments keep as it is. Lines uses it if the rendering does
// not settle, which is not known to happen.
func fallback(src string) []string {
	r := newRenderer([]byte(src), true)
	lines, _ := settle(paragraph(plainWords(r.document()), width))
	return lines
}

// Text renders CommonMark text as the body of a Go doc comment: the result of
// [Lines] joined by line feeds, without a final line feed. It is meant for
// line comments only and must not be placed inside a /* */ comment.
func Text(markdown string) string {
	return strings.Join(Lines(markdown), "\n")
}

// Comment renders CommonMark text as a Go line comment: each line of [Lines]
// after "// ", except that blank lines become "//" and code lines, which start
// with a tab, follow "//" directly, as gofmt writes them. Lines are joined by
// line feeds, without a final one; empty input gives "".
func Comment(markdown string) string {
	lines := Lines(markdown)
	var b strings.Builder
	for i, line := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(commentLine(line))
	}
	return b.String()
}

// commentLine adds the comment marker to one line in the form gofmt uses.
func commentLine(line string) string {
	switch {
	case line == "":
		return "//"
	case line[0] == '\t':
		return "//" + line
	default:
		return "// " + line
	}
}

// Plain renders CommonMark text as one line of plain text, for short
// summaries: the text of every block joined by single spaces, without markup,
// list markers or link targets (a link keeps its text, or its URL when the
// text is empty). It follows the safety rules of [Lines]; empty input gives "".
func Plain(markdown string) string {
	src := normalize(markdown)
	if strings.TrimSpace(src) == "" {
		return ""
	}
	r := newRenderer([]byte(src), true)
	return escapeDirective(strings.Join(plainWords(r.document()), " "))
}

// plainWords returns the words of the text of the blocks.
func plainWords(blocks []block) []string {
	var words []string
	for _, b := range blocks {
		switch b.kind {
		case blockPara:
			words = appendWords(words, b.words)
		case blockCode:
			for _, l := range b.code {
				words = append(words, strings.Fields(l)...)
			}
		case blockList:
			for _, it := range b.items {
				for _, ln := range it.lines {
					words = appendWords(words, ln.words)
				}
			}
		}
	}
	return words
}

// appendWords appends the text of ws to dst.
func appendWords(dst []string, ws []word) []string {
	for _, w := range ws {
		dst = append(dst, w.s)
	}
	return dst
}
