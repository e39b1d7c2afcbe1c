package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// BlocksMarkdown renders a sequence of blocks (paragraphs, bullet lists nested to any depth, literal blocks, block quotes, directives such as note, whose body is rendered as its content) to CommonMark, paragraphs separated by blank lines, list items as "- " with nested lists indented correctly so that a CommonMark parser sees the same structure.
//
// Paragraphs go through Markdown; literal blocks become fenced code blocks
// (with a fence longer than any run of backticks in them); block quotes get
// "> " prefixes; titles become "# " headings; a field becomes a paragraph
// starting with its name in strong emphasis followed by its body; comments
// are dropped. A list whose items each hold at most one block is tight,
// otherwise its items are separated by blank lines; lists that directly
// follow each other alternate between "-" and "*" markers so that they stay
// apart. The result has no trailing newline.
func BlocksMarkdown(nodes []*Node) string {
	return joinBlocks(renderBlocks(nodes, ""), "\n\n")
}

// joinBlocks joins rendered blocks with sep, but with a single newline after
// a block that ends in an empty list item: some CommonMark parsers (such as
// goldmark) end every enclosing list item at a blank line after an empty
// one, and nothing can continue an empty item anyway.
func joinBlocks(blocks []string, sep string) string {
	if len(blocks) == 1 {
		return blocks[0]
	}
	var b strings.Builder
	n := 0
	for _, block := range blocks {
		n += len(block) + len(sep)
	}
	b.Grow(n)
	for k, block := range blocks {
		if k > 0 {
			if endsWithEmptyItem(blocks[k-1]) {
				b.WriteByte('\n')
			} else {
				b.WriteString(sep)
			}
		}
		b.WriteString(block)
	}
	return b.String()
}

// endsWithEmptyItem reports whether the last line of block holds nothing
// but list markers (perhaps inside block quotes), so it ends with an empty
// list item. (Text never renders as a lone "-", "*" or ">".)
func endsWithEmptyItem(block string) bool {
	fields := strings.Fields(block[strings.LastIndexByte(block, '\n')+1:])
	for _, f := range fields {
		if f != "-" && f != "*" && f != ">" {
			return false
		}
	}
	return len(fields) > 0 && fields[len(fields)-1] != ">"
}

// renderBlocks renders nodes to a sequence of CommonMark blocks. A list
// that comes first uses another marker than parent, the marker of the list
// item holding the nodes, if any: "- - -" would be a thematic break.
func renderBlocks(nodes []*Node, parent string) []string {
	var out []string
	prevMarker := parent // the marker of the list just emitted, if the last block is one
	emit := func(block, marker string) {
		if block != "" {
			out = append(out, block)
			prevMarker = marker
		}
	}
	var render func(nodes []*Node)
	render = func(nodes []*Node) {
		for _, n := range nodes {
			if n == nil {
				continue
			}
			switch n.Kind {
			case Document, Directive:
				render(n.Children)
			case Paragraph:
				emit(Markdown(n.Text), "")
			case Title:
				if t := Markdown(n.Text); t != "" {
					emit("# "+t, "")
				}
			case Literal:
				emit(fenced(n.Text), "")
			case BlockQuote:
				if inner := joinBlocks(renderBlocks(n.Children, ""), "\n\n"); inner != "" {
					emit(prefixLines(inner, "> ", ">"), "")
				}
			case Field:
				w := mdWriter{lineStart: true}
				w.wrap("**", n.Name+":")
				head, rest := w.String(), n.Children
				if len(rest) > 0 && rest[0].Kind == Paragraph {
					if p := Markdown(rest[0].Text); p != "" {
						head += " " + p
					}
					rest = rest[1:]
				}
				emit(head, "")
				render(rest)
			case BulletList, ListItem:
				marker := "-"
				if prevMarker == "-" {
					marker = "*"
				}
				items := n.Children
				if n.Kind == ListItem {
					items = []*Node{n}
				}
				emit(list(items, marker), marker)
			}
		}
	}
	render(nodes)
	return out
}

// list renders the items of a bullet list with the given marker.
func list(nodes []*Node, marker string) string {
	items := make([]string, 0, len(nodes))
	loose := false
	for _, item := range nodes {
		blocks := renderBlocks(item.Children, marker)
		if len(blocks) > 1 {
			loose = true
		}
		content := joinBlocks(blocks, "\n\n")
		if content == "" {
			items = append(items, marker)
			continue
		}
		lines := strings.Split(content, "\n")
		lines[0] = marker + " " + lines[0]
		for k := 1; k < len(lines); k++ {
			if lines[k] != "" {
				lines[k] = "  " + lines[k]
			}
		}
		items = append(items, strings.Join(lines, "\n"))
	}
	if loose {
		return joinBlocks(items, "\n\n")
	}
	return strings.Join(items, "\n")
}

// fenced renders a literal block as a fenced code block.
func fenced(text string) string {
	longest, run := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "\n" + text + "\n" + fence
}

// prefixLines puts prefix before every line of s, or empty before empty lines.
func prefixLines(s, prefix, empty string) string {
	lines := strings.Split(s, "\n")
	for k, l := range lines {
		if l == "" {
			lines[k] = empty
		} else {
			lines[k] = prefix + l
		}
	}
	return strings.Join(lines, "\n")
}

// mdWriter writes CommonMark inline text, escaping plain text.
//
// Whether CommonMark reads a pair of delimiter runs as emphasis depends on
// the characters on both sides of them, so an emphasis is held back until
// the character after it is known: then it is written with "*" delimiters,
// with "_" ones, or, when neither works (as for "a*(b)*", which RST can
// express with an escaped space), as plain text. A code span or emphasis
// right after one of the same kind is merged with it, since adjacent
// backtick or delimiter runs would run together; an emphasis right after
// one of the other kind is written as plain text.
type mdWriter struct {
	buf       []byte
	lineStart bool     // at the start of a line
	last      rune     // the last rune written, 0 at the start
	delim     byte     // the emphasis delimiter the buffer ends with, if any
	pend      *pending // the code span or emphasis held back, if any

	plained func() // if set, called when a held back emphasis is written as plain text
}

// pending is a code span or emphasis not yet written.
type pending struct {
	kind  byte // 'C' code span, 'E' emphasis, 'S' strong emphasis
	text  strings.Builder
	delim string // the preferred delimiter of an emphasis
}

// String writes what is held back and returns the text written.
func (w *mdWriter) String() string {
	w.settle(0)
	return string(w.buf)
}

// raw writes markup as it is.
func (w *mdWriter) raw(s string) {
	if s == "" {
		return
	}
	first, _ := utf8.DecodeRuneInString(s)
	w.settle(first)
	w.buf = append(w.buf, s...)
	w.last, _ = utf8.DecodeLastRuneInString(s)
	w.lineStart = w.last == '\n'
	w.delim = 0
}

// hold holds text back as a construct of the given kind, merging it with
// one of the same kind held back before; it reports false if it cannot.
func (w *mdWriter) hold(kind byte, text, delim string) bool {
	if p := w.pend; p != nil && p.kind == kind {
		p.text.WriteString(text)
		return true
	}
	if text == "" {
		return true
	}
	if w.pend != nil && kind != 'C' && w.pend.kind != 'C' {
		return false
	}
	w.settle(rune(delim[0]))
	if kind != 'C' && w.delim != 0 {
		return false
	}
	w.pend = &pending{kind: kind, delim: delim}
	w.pend.text.WriteString(text)
	return true
}

// settle writes what is held back, now that next (0 at the end) follows it.
func (w *mdWriter) settle(next rune) {
	p := w.pend
	if p == nil {
		return
	}
	w.pend = nil
	text := p.text.String()
	if p.kind == 'C' {
		w.writeCode(text)
		return
	}
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	for _, d := range []string{p.delim, otherDelim(p.delim)} {
		if delimits(d[0], w.last, w.delim, first, last, next) {
			w.raw(d)
			w.text(text)
			w.raw(d)
			w.delim = d[0]
			return
		}
	}
	w.text(text)
	if w.plained != nil {
		w.plained()
	}
}

func otherDelim(d string) string {
	if d[0] == '*' {
		return strings.Repeat("_", len(d))
	}
	return strings.Repeat("*", len(d))
}

// wrap writes emphasis (delim "*") or strong emphasis ("**") of text.
func (w *mdWriter) wrap(delim, text string) {
	kind := byte('E')
	if delim == "**" {
		kind = 'S'
	}
	if !w.hold(kind, text, delim) {
		w.text(text)
	}
}

// code writes a code span.
func (w *mdWriter) code(c string) {
	w.hold('C', strings.ReplaceAll(c, "\n", " "), "`")
}

// writeCode writes a code span now.
func (w *mdWriter) writeCode(c string) {
	if c == "" {
		return
	}
	longest, run := 0, 0
	for i := 0; i < len(c); i++ {
		if c[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	pad := ""
	if c[0] == '`' || c[len(c)-1] == '`' || c[0] == ' ' && c[len(c)-1] == ' ' && strings.Trim(c, " ") != "" {
		pad = " "
	}
	w.raw(fence + pad + c + pad + fence)
}

// opens reports whether CommonMark reads a run of c delimiters between prev
// (0 at the start; prevDelim is the delimiter character prev is, if it is
// one) and first as opening emphasis.
func opens(c byte, prev rune, prevDelim byte, first rune) bool {
	if prevDelim == c {
		return false // the runs would merge
	}
	return leftFlanking(prev, first) && (c == '*' || !rightFlanking(prev, first) || isMarkdownPunct(prev))
}

// closes reports whether CommonMark reads a run of c delimiters between
// last and next (0 at the end) as closing emphasis.
func closes(c byte, last, next rune) bool {
	if next == rune(c) {
		return false // the runs would merge
	}
	return rightFlanking(last, next) && (c == '*' || !leftFlanking(last, next) || isMarkdownPunct(next))
}

// delimits reports whether c delimiter runs around text from first to last
// are emphasis there.
func delimits(c byte, prev rune, prevDelim byte, first, last, next rune) bool {
	return opens(c, prev, prevDelim, first) && closes(c, last, next)
}

// leftFlanking and rightFlanking apply the CommonMark rules to a delimiter
// run between before and after (0 stands for the start or end of the text).
func leftFlanking(before, after rune) bool {
	return !isMarkdownSpace(after) && (!isMarkdownPunct(after) || isMarkdownSpace(before) || isMarkdownPunct(before))
}

func rightFlanking(before, after rune) bool {
	return !isMarkdownSpace(before) && (!isMarkdownPunct(before) || isMarkdownSpace(after) || isMarkdownPunct(after))
}

func isMarkdownSpace(r rune) bool { return r == 0 || unicode.IsSpace(r) }

func isMarkdownPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// link writes an inline link.
func (w *mdWriter) link(text, url string) {
	w.raw("[")
	w.text(text)
	w.raw("](" + destination(url) + ")")
}

// destination formats a link destination.
func destination(url string) string {
	depth, balanced, plain := 0, true, url != ""
	for _, r := range url {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
			balanced = balanced && depth >= 0
		case r == '<' || r == '>' || unicode.IsSpace(r) || unicode.IsControl(r):
			plain = false
		}
	}
	if plain && balanced && depth == 0 {
		return strings.ReplaceAll(url, `\`, `\\`)
	}
	r := strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`, "\n", " ")
	return "<" + r.Replace(url) + ">"
}

// text writes plain text, escaped so that CommonMark sees no markup in it.
func (w *mdWriter) text(s string) { w.writeText(s) }

// writeText writes plain text, escaped so that CommonMark sees no markup in
// it, and reports whether it wrote anything. Spaces at the start of a line
// and before a line end are dropped.
func (w *mdWriter) writeText(s string) bool {
	if s == "" {
		return false
	}
	if w.pend != nil {
		// What is held back is written first, and the text after it starts
		// with s[0] or, for a character that is escaped, with a backslash:
		// punctuation either way.
		next, _ := utf8.DecodeRuneInString(s)
		w.settle(next)
	}
	start := len(w.buf)
	lineStart, last := w.lineStart, w.last
	for i := 0; i < len(s); {
		c := s[i]
		if lineStart && c != '\n' {
			if c == ' ' || c == '\t' {
				i++
				continue
			}
			lineStart = false
			if k := lineStartEscape(s[i:]); k >= 0 {
				w.buf = append(w.buf, s[i:i+k]...)
				w.buf = append(w.buf, '\\', s[i+k])
				last = rune(s[i+k])
				i += k + 1
				continue
			}
		}
		if c < utf8.RuneSelf && plainByte[c] {
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && plainByte[s[j]] {
				j++
			}
			w.buf = append(w.buf, s[i:j]...)
			last = rune(s[j-1])
			i = j
			continue
		}
		escape := false
		switch c {
		case '\n':
			w.buf = append(w.buf, '\n')
			lineStart, last = true, '\n'
			i++
			continue
		case ' ':
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j == len(s) || s[j] != '\n' {
				w.buf = append(w.buf, s[i:j]...)
				last = ' '
			}
			i = j
			continue
		case '\\', '`', '*', '[', ']', '<':
			escape = true
		case '_':
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			escape = !(isAlnum(last) && i+1 < len(s) && isAlnum(next))
		case '&':
			escape = entityAt(s[i:])
		case '!':
			escape = i == len(s)-1
		}
		if escape {
			w.buf = append(w.buf, '\\')
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		w.buf = append(w.buf, s[i:i+size]...)
		last = r
		i += size
	}
	if len(w.buf) == start {
		w.lineStart = lineStart
		return false
	}
	w.lineStart, w.last, w.delim = lineStart, last, 0
	return true
}

// plainByte marks the ASCII bytes that writeText copies as they are
// wherever they stand after the start of a line: all but line feeds,
// spaces and the characters it may escape.
var plainByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = !strings.ContainsRune("\n \\`*[]<_&!", rune(c))
	}
	return t
}()

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lineStartEscape returns the offset of the byte of line (which starts a
// line and does not start with a space) that must be escaped so that the
// line starts no CommonMark block, or -1.
func lineStartEscape(line string) int {
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	switch c := line[0]; c {
	case '#', '>':
		return 0
	case '-', '+', '=':
		if c != '=' && (len(line) == 1 || line[1] == ' ' || line[1] == '\t') {
			return 0 // a list item
		}
		if c != '+' && strings.Trim(line, string(c)+" \t") == "" {
			return 0 // a setext underline or thematic break
		}
	case '~':
		if strings.HasPrefix(line, "~~~") {
			return 0
		}
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		k := 0
		for k < len(line) && k < 10 && line[k] >= '0' && line[k] <= '9' {
			k++
		}
		if k <= 9 && k < len(line) && (line[k] == '.' || line[k] == ')') &&
			(k+1 == len(line) || line[k+1] == ' ' || line[k+1] == '\t') {
			return k
		}
	}
	return -1
}

// entityAt reports whether s starts with something CommonMark reads as an
// entity or numeric character reference.
func entityAt(s string) bool {
	k := 1
	if k < len(s) && s[k] == '#' {
		k++
		if k < len(s) && (s[k] == 'x' || s[k] == 'X') {
			k++
		}
	}
	start := k
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z' || s[k] >= 'A' && s[k] <= 'Z' || s[k] >= '0' && s[k] <= '9') {
		k++
	}
	return k > start && k < len(s) && s[k] == ';'
}
