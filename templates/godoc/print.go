package godoc

import (
	"go/doc/comment"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// width is the number of columns a line fills at most, unless one word is
// longer: with "// " before it, a comment line ends by column 80.
const width = 77

// continuation indents the continuation lines of a list item.
const continuation = "    "

// lines prints the blocks and the link definitions as comment lines.
func (r *renderer) lines(blocks []block) []string {
	var out []string
	for i, b := range blocks {
		if i > 0 {
			out = append(out, "")
		}
		switch b.kind {
		case blockPara:
			for _, l := range breakDefinitions(wrap(b.words, r.width, r.width)) {
				out = append(out, quotes(l))
			}
		case blockCode:
			for _, l := range b.code {
				if l != "" {
					l = "\t" + l
				}
				out = append(out, l)
			}
		case blockList:
			for _, it := range b.items {
				out = append(out, printItem(it, b.ordered, r.width)...)
			}
		}
	}
	if len(r.defs) > 0 {
		out = append(out, "")
		for _, d := range r.defs {
			out = append(out, "["+d.text+"]: "+d.url)
		}
	}
	for i, l := range out {
		out[i] = escapeDirective(strings.TrimRight(l, " \t"))
	}
	return out
}

// paragraph prints words as one paragraph of lines of at most width
// columns.
func paragraph(words []string, width int) []string {
	ws := make([]word, len(words))
	for i, w := range words {
		ws[i] = word{s: w}
	}
	lines := breakDefinitions(wrap(ws, width, width))
	for i, l := range lines {
		lines[i] = escapeDirective(quotes(strings.TrimRight(l, " \t")))
	}
	return lines
}

// printItem prints one item of a top-level list in lines of at most width
// columns.
func printItem(it item, ordered bool, width int) []string {
	prefix := "  - "
	if ordered {
		prefix = " " + it.number + ". "
	}
	var body []string
	for i, ln := range it.lines {
		ws := ln.words
		if ln.marker != nil {
			ws = append([]word{{s: ln.marker.text(ordered)}}, ws...)
		}
		first := width - len(continuation)
		if i == 0 {
			first = width - len(prefix)
		}
		if ln.raw {
			body = append(body, joinWords(ws))
		} else {
			body = append(body, wrap(ws, first, width-len(continuation))...)
		}
	}
	body = breakDefinitions(body)
	for i, l := range body {
		l = quotes(l)
		if i == 0 {
			body[i] = prefix + l
		} else {
			body[i] = continuation + l
		}
	}
	return body
}

// text returns the marker of a nested item inside a top-level list that is
// numbered or not. The top-level list takes for its items only the lines that
// start with a marker of its own kind, so a marker of the other kind keeps
// its usual form and one of the same kind is written differently: "–" for a
// bullet and "(1)" for a number.
func (m *marker) text(topOrdered bool) string {
	switch {
	case !m.ordered && topOrdered:
		return "-"
	case !m.ordered:
		return "–"
	case topOrdered:
		return "(" + strconv.Itoa(m.number) + ")"
	default:
		return strconv.Itoa(m.number) + "."
	}
}

// wrap fills lines with words: the first line up to first columns, the
// others up to rest columns. A line breaks only between words, never before
// a glued word, and never before a word that could read as a list marker or
// a build constraint at the start of a line.
func wrap(ws []word, first, rest int) []string {
	var lines []string
	var cur strings.Builder
	n, limit := 0, first
	for i, w := range ws {
		wn := utf8.RuneCountInString(w.s)
		switch {
		case i == 0:
		case n+1+wn > limit && !w.glue && !markerLike(w.s) && !constraintLike(w.s):
			lines = append(lines, cur.String())
			cur.Reset()
			n, limit = 0, rest
		default:
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(w.s)
		n += wn
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// quotes replaces each pair of backquotes in a line of text by "“", as Go
// doc comments do. They do so for a lone pair only and skip longer runs in a
// way that gofmt does not keep from one run to the next, so the line must
// not keep any pair.
func quotes(line string) string {
	return strings.ReplaceAll(line, "``", "“")
}

// breakDefinitions breaks the first line of a paragraph after "]:" when
// every line of the paragraph reads as a link definition ("[text]: url"), so
// that Go doc comments keep it as text instead of taking it for definitions.
func breakDefinitions(lines []string) []string {
	for _, l := range lines {
		if _, ok := definition(l); !ok {
			return lines
		}
	}
	if len(lines) == 0 {
		return lines
	}
	i, _ := definition(lines[0])
	out := []string{lines[0][:i+2], strings.TrimSpace(lines[0][i+3:])}
	return append(out, lines[1:]...)
}

// definition reports whether the line reads as a Go doc link definition, as
// go/doc/comment parses them, and returns the index of its "]:".
func definition(line string) (int, bool) {
	if line == "" || line[0] != '[' {
		return 0, false
	}
	i := strings.Index(line, "]:")
	if i < 0 || i+3 >= len(line) || (line[i+2] != ' ' && line[i+2] != '\t') {
		return 0, false
	}
	scheme, _, ok := strings.Cut(strings.TrimSpace(line[i+3:]), "://")
	return i, ok && linkScheme(scheme)
}

// escapeDirective puts a backslash before "+build" or "go:build" when the
// line starts with it after white space (as strings.TrimSpace sees it, like
// go vet), so that the comment line cannot read as a build constraint.
func escapeDirective(line string) string {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	if constraintLike(rest) {
		return line[:len(line)-len(rest)] + `\` + rest
	}
	return line
}

// constraintLike reports whether a line starting with s would read as a
// build constraint after "// ".
func constraintLike(s string) bool {
	return strings.HasPrefix(s, "+build") || strings.HasPrefix(s, "go:build")
}

// settle returns the lines in the form gofmt gives a doc comment: parsed and
// printed by go/doc/comment until that changes nothing, which it reports.
// The rendering already gives that form except for rare texts that Go doc
// comments cannot express as they are, such as a lone capitalised line that
// reads as a heading, two backquotes that read as a quotation mark, or a
// description that is only a list.
func settle(lines []string) ([]string, bool) {
	if plainParagraphs(lines) {
		return lines, true
	}
	for range 8 {
		next := canonical(lines)
		if slices.Equal(next, lines) {
			return lines, true
		}
		lines = next
	}
	return lines, false
}

// plainParagraph reports whether lines are one paragraph that
// go/doc/comment prints exactly as it is, so that settling them would
// change nothing: no blank or indented line (code, lists), no line that
// starts or ends with white space of any kind, no line starting with "#"
// (headings), no control or line-breaking rune, no bracket (links, link
// definitions), no pair of backquotes or of single quotes (quotation
// marks), and every line already as canonical leaves it, without a
// directive-like start. Most field docs are such a paragraph, and settling
// them is the costliest step of rendering them.
func plainParagraph(lines []string) bool {
	if len(lines) == 0 {
		return false
	}
	for _, l := range lines {
		first, _ := utf8.DecodeRuneInString(l)
		last, _ := utf8.DecodeLastRuneInString(l)
		if l == "" || unicode.IsSpace(first) || unicode.IsSpace(last) || first == '#' || !isClean(l, false) ||
			strings.ContainsAny(l, "[]") || strings.Contains(l, "``") || strings.Contains(l, "''") ||
			escapeDirective(strings.TrimRight(l, " \t")) != l {
			return false
		}
	}
	return true
}

// plainParagraphs reports whether lines are paragraphs that go/doc/comment
// prints exactly as they are: each one a [plainParagraph], one blank line
// between two, and none that reads as a heading. A one-line paragraph
// between two others is an old-style heading only if it ends with a letter
// or digit, so such a paragraph is refused.
func plainParagraphs(lines []string) bool {
	start := 0
	for i := 0; i <= len(lines); i++ {
		if i < len(lines) && lines[i] != "" {
			continue
		}
		para := lines[start:i]
		if !plainParagraph(para) {
			return false
		}
		if len(para) == 1 && start > 0 && i < len(lines) {
			r, _ := utf8.DecodeLastRuneInString(para[0])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return false
			}
		}
		start = i + 1
	}
	return true
}

// canonical parses and prints the lines as go/printer does a doc comment,
// except that unused link definitions stay text, then replaces the pairs of
// backquotes left in text lines (see [quotes]).
func canonical(lines []string) []string {
	var p comment.Parser
	var pr comment.Printer
	d := p.Parse(strings.Join(lines, "\n") + "\n")
	// A link definition that no link uses came from text that reads as one
	// (the rendering keeps its own paragraphs from doing so): keep it as
	// text, broken after "]:" so that it no longer reads as a definition.
	var used []*comment.LinkDef
	for _, l := range d.Links {
		if l.Used {
			used = append(used, l)
			continue
		}
		para := &comment.Paragraph{Text: []comment.Text{comment.Plain("[" + l.Text + "]:\n" + l.URL)}}
		d.Content = append(d.Content, para)
	}
	d.Links = used
	text := string(pr.Comment(d))
	text = strings.TrimSuffix(text, "\n")
	if text == "" {
		return nil
	}
	out := strings.Split(text, "\n")
	for i, l := range out {
		if !strings.HasPrefix(l, "\t") {
			l = quotes(l)
		}
		out[i] = escapeDirective(strings.TrimRight(l, " \t"))
	}
	return out
}
