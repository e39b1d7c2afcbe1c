package godoc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdParser parses CommonMark without extensions. Parsing keeps its state in
// a per-call context, so one parser serves concurrent calls.
var mdParser = goldmark.New().Parser()

// A word is a run of text that is never broken across lines.
type word struct {
	s    string
	glue bool // no line break before the word
}

// A blockKind tells the kinds of block a comment is made of.
type blockKind int

const (
	blockPara blockKind = iota
	blockCode
	blockList
)

// A block is one block of the rendered comment.
type block struct {
	kind    blockKind
	words   []word   // blockPara
	code    []string // blockCode: dedented lines, "" for blank lines
	ordered bool     // blockList
	items   []item   // blockList
}

// An item is one item of a top-level list.
type item struct {
	number string // "" in a bullet list
	lines  []logicalLine
}

// A logicalLine is text that starts on a new line of a list item and wraps
// onto continuation lines.
type logicalLine struct {
	words  []word
	raw    bool    // a line of code: never wrapped
	marker *marker // set for the first line of a nested list item
}

// A marker describes the list marker of a nested list item. It is resolved
// when printing, against the kind of the enclosing top-level list.
type marker struct {
	ordered bool
	number  int
}

// A linkDef is a link definition emitted at the end of the comment.
type linkDef struct {
	text, url string
}

// A renderer turns the syntax tree of one description into blocks.
type renderer struct {
	src   []byte
	plain bool // for Plain: links keep only their text, no definitions
	defs  []linkDef
	urls  map[string]string // link text → URL of defs
	width int               // the columns of a text line
}

func newRenderer(src []byte, plain bool) *renderer {
	return &renderer{src: src, plain: plain, urls: map[string]string{}, width: width}
}

// document parses the source and returns its blocks.
func (r *renderer) document() []block {
	if blocks, ok := plainText(r.src); ok {
		return blocks
	}
	return r.parse()
}

// parse parses the source with goldmark and returns its blocks.
func (r *renderer) parse() []block {
	doc := mdParser.Parse(text.NewReader(r.src))
	return mergeLists(r.blocks(nil, doc))
}

// plainText returns the paragraphs of src if CommonMark reads it as plain
// paragraphs, as most descriptions are, which needs no parser: every line
// is blank or starts with a letter (no list, heading, quote, code or
// underline), and the text holds only letters, digits, spaces and
// punctuation without a meaning in CommonMark (no emphasis, code, link,
// HTML, entity or escape). Blank lines separate the paragraphs.
func plainText(src []byte) ([]block, bool) {
	lineStart := true
	for _, c := range src {
		switch {
		case c == '\n':
			lineStart = true
			continue
		case lineStart && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			return nil, false
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == ' ':
		case strings.IndexByte(".,;:'\"()/?%$=+-", c) >= 0:
		default:
			return nil, false
		}
		lineStart = false
	}
	var blocks []block
	for para := range strings.SplitSeq(string(src), "\n\n") {
		var words []word
		for _, f := range strings.Fields(para) {
			words = append(words, word{s: f})
		}
		if len(words) > 0 {
			blocks = append(blocks, block{kind: blockPara, words: words})
		}
	}
	return blocks, true
}

// blocks appends the blocks rendered from the children of n to dst.
func (r *renderer) blocks(dst []block, n ast.Node) []block {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			if ws := r.inline(c); len(ws) > 0 {
				dst = append(dst, block{kind: blockPara, words: ws})
			}
		case *ast.List:
			b := block{kind: blockList, ordered: c.IsOrdered()}
			i := 0
			for li := c.FirstChild(); li != nil; li = li.NextSibling() {
				it := item{lines: r.itemLines(nil, li)}
				if b.ordered {
					it.number = strconv.Itoa(c.Start + i)
				}
				i++
				if len(it.lines) > 0 {
					b.items = append(b.items, it)
				}
			}
			if len(b.items) > 0 {
				dst = append(dst, b)
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if code := codeLines(r.src, c.Lines()); len(code) > 0 {
				dst = append(dst, block{kind: blockCode, code: code})
			}
		case *ast.HTMLBlock:
			for _, p := range htmlParagraphs(htmlBlockSource(r.src, c)) {
				dst = append(dst, block{kind: blockPara, words: p})
			}
		case *ast.ThematicBreak:
		default:
			dst = r.blocks(dst, c)
		}
	}
	return dst
}

// itemLines appends the logical lines rendered from the children of a list
// item (or of a container inside one) to dst.
func (r *renderer) itemLines(dst []logicalLine, n ast.Node) []logicalLine {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
			dst = addLine(dst, logicalLine{words: r.inline(c)})
		case *ast.List:
			i := 0
			for li := c.FirstChild(); li != nil; li = li.NextSibling() {
				sub := r.itemLines(nil, li)
				if len(sub) > 0 {
					sub[0].words = glueFirst(sub[0].words)
					sub[0].marker = &marker{ordered: c.IsOrdered(), number: c.Start + i}
					dst = append(dst, sub...)
				}
				i++
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			for _, l := range codeLines(r.src, c.Lines()) {
				if l = strings.TrimSpace(l); l != "" {
					dst = addLine(dst, logicalLine{words: []word{{s: l}}, raw: true})
				}
			}
		case *ast.HTMLBlock:
			for _, p := range htmlParagraphs(htmlBlockSource(r.src, c)) {
				dst = addLine(dst, logicalLine{words: p})
			}
		case *ast.ThematicBreak:
		default:
			dst = r.itemLines(dst, c)
		}
	}
	return dst
}

// glueFirst marks the first word of ws to stay on the line of a marker put
// before it.
func glueFirst(ws []word) []word {
	if len(ws) > 0 {
		ws[0].glue = true
	}
	return ws
}

// addLine appends ln to the lines of a list item. A line whose first word
// would read as a list marker at the start of a continuation line (and so
// start a new item) continues the previous line instead.
func addLine(dst []logicalLine, ln logicalLine) []logicalLine {
	if len(ln.words) == 0 {
		return dst
	}
	if len(dst) > 0 && ln.marker == nil && markerLike(ln.words[0].s) {
		ln.words[0].glue = true
		last := &dst[len(dst)-1]
		last.words = append(last.words, ln.words...)
		return dst
	}
	return append(dst, ln)
}

// markerLike reports whether a line starting with s could start with a list
// marker: a bullet ("-", "*", "+", "•") or a number followed by "." or ")".
func markerLike(s string) bool {
	f, _, _ := strings.Cut(s, " ")
	switch f {
	case "-", "*", "+", "•":
		return true
	}
	if len(f) < 2 || (f[len(f)-1] != '.' && f[len(f)-1] != ')') {
		return false
	}
	for i := 0; i < len(f)-1; i++ {
		if f[i] < '0' || f[i] > '9' {
			return false
		}
	}
	return true
}

// mergeLists merges every list or code block that directly follows a list
// or a code block into it. Go doc comments end an indented block only at an
// unindented line, so they would read such blocks as one: a list or code
// block after a list becomes continuation lines of its last item, and a list
// after a code block becomes lines of the code block.
func mergeLists(blocks []block) []block {
	var out []block
	for _, b := range blocks {
		n := len(out)
		if n == 0 || b.kind == blockPara || out[n-1].kind == blockPara {
			out = append(out, b)
			continue
		}
		prev := &out[n-1]
		switch {
		case prev.kind == blockCode && b.kind == blockCode:
			out = append(out, b)
		case prev.kind == blockCode:
			code := append(prev.code, "")
			for _, it := range b.items {
				code = append(code, printItem(it, b.ordered, width)...)
			}
			prev.code = dedent(code)
		case b.kind == blockList && b.ordered == prev.ordered:
			prev.items = append(prev.items, b.items...)
		case b.kind == blockList:
			// A list of the other kind: its items are continuation lines of
			// the last item, with markers that do not start items of this
			// list.
			last := &prev.items[len(prev.items)-1]
			for _, it := range b.items {
				num, _ := strconv.Atoi(it.number)
				lines := it.lines
				lines[0].words = glueFirst(lines[0].words)
				lines[0].marker = &marker{ordered: b.ordered, number: num}
				last.lines = append(last.lines, lines...)
			}
		default:
			last := &prev.items[len(prev.items)-1]
			for _, l := range b.code {
				if l = strings.TrimSpace(l); l != "" {
					last.lines = addLine(last.lines, logicalLine{words: []word{{s: l}}, raw: true})
				}
			}
		}
	}
	return out
}

// codeLines returns the lines of a code block as a Go doc comment keeps them:
// without trailing blanks, blank lines empty, leading and trailing blank lines
// dropped and the indentation common to all lines removed.
func codeLines(src []byte, segs *text.Segments) []string {
	var lines []string
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		l := cleanCode(strings.TrimRight(string(seg.Value(src)), "\n"))
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if strings.TrimSpace(l) == "" {
			l = ""
		}
		lines = append(lines, l)
	}
	return dedent(lines)
}

// dedent drops the leading and trailing blank lines and removes the spaces
// and tabs common to the start of all lines, as Go doc comments do for code.
func dedent(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	if len(lines) == 0 {
		return nil
	}
	prefix := leadingBlanks(lines[0])
	for _, l := range lines[1:] {
		if l != "" {
			prefix = commonPrefix(prefix, leadingBlanks(l))
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return lines
}

// leadingBlanks returns the spaces and tabs that s starts with.
func leadingBlanks(s string) string {
	return s[:len(s)-len(strings.TrimLeft(s, " \t"))]
}

// commonPrefix returns the longest common prefix of a and b.
func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return a[:i]
}

// inline renders the inline content of n as words.
func (r *renderer) inline(n ast.Node) []word {
	var b wordBuilder
	r.inlineChildren(&b, n)
	return b.finish()
}

func (r *renderer) inlineChildren(b *wordBuilder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inlineNode(b, c)
	}
}

func (r *renderer) inlineNode(b *wordBuilder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(r.src)
		if n.IsRaw() {
			b.text(string(v))
		} else {
			b.text(unescape(v, true))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.space()
		}
	case *ast.String:
		if n.IsCode() {
			b.atomic(string(n.Value))
		} else {
			b.text(string(n.Value))
		}
	case *ast.CodeSpan:
		var s strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				s.Write(c.Value(r.src))
				if c.SoftLineBreak() {
					s.WriteByte(' ')
				}
			case *ast.String:
				s.Write(c.Value)
			}
		}
		b.atomic(s.String())
	case *ast.AutoLink:
		b.atomic(string(n.Label(r.src)))
	case *ast.Link:
		var sub wordBuilder
		r.inlineChildren(&sub, n)
		r.link(b, sub.finish(), clean(string(util.URLEscape(n.Destination, true))))
	case *ast.RawHTML:
		var s strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			s.Write(seg.Value(r.src))
		}
		if breaksText(s.String()) {
			b.space()
		}
	default: // Emphasis, Image (its text is the alternative text) and others
		r.inlineChildren(b, n)
	}
}

// link renders a link with the given text and URL.
func (r *renderer) link(b *wordBuilder, ws []word, url string) {
	txt := joinWords(ws)
	switch {
	case len(ws) == 0:
		b.atomic(url)
	case r.plain || url == "":
		b.words(ws)
	case txt == url || "mailto:"+txt == url:
		b.words(ws)
	case r.define(txt, url):
		ws[0].s = "[" + ws[0].s
		ws[len(ws)-1].s += "]"
		b.words(ws)
	default:
		b.words(ws)
		b.space()
		b.atomic("(" + url + ")")
	}
}

// define records the link definition [txt]: url and reports whether the
// link can be written as [txt]. It cannot when txt has brackets or quotes
// that Go doc comments rewrite, when url is not an absolute URL that a link
// definition accepts, or when txt already links to another URL.
func (r *renderer) define(txt, url string) bool {
	if strings.ContainsAny(txt, "[]") || strings.Contains(txt, "``") || strings.Contains(txt, "''") {
		return false
	}
	scheme, _, ok := strings.Cut(url, "://")
	if !ok || !linkScheme(scheme) || strings.ContainsFunc(url, unicode.IsSpace) {
		return false
	}
	if u, ok := r.urls[txt]; ok {
		return u == url
	}
	r.urls[txt] = url
	r.defs = append(r.defs, linkDef{text: txt, url: url})
	return true
}

// linkScheme reports whether a Go doc link definition accepts the scheme.
func linkScheme(s string) bool {
	switch s {
	case "file", "ftp", "gopher", "http", "https", "mailto", "nntp":
		return true
	}
	return false
}

// joinWords joins the words with single spaces.
func joinWords(ws []word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.s)
	}
	return b.String()
}

// A wordBuilder splits inline text into words.
type wordBuilder struct {
	out []word
	cur strings.Builder
}

// space ends the current word.
func (b *wordBuilder) space() {
	if b.cur.Len() > 0 {
		b.out = append(b.out, word{s: b.cur.String()})
		b.cur.Reset()
	}
}

// text adds text that may break at its spaces.
func (b *wordBuilder) text(s string) {
	s = clean(s)
	for s != "" {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			b.cur.WriteString(s)
			return
		}
		b.cur.WriteString(s[:i])
		b.space()
		_, n := utf8.DecodeRuneInString(s[i:])
		s = s[i+n:]
	}
}

// atomic adds text that must not break, such as a code span or a URL. Its
// inner spaces are kept; spaces at its ends separate it from the words
// around it.
func (b *wordBuilder) atomic(s string) {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, clean(s))
	t := strings.Trim(s, " ")
	if t == "" {
		if s != "" {
			b.space()
		}
		return
	}
	if s[0] == ' ' {
		b.space()
	}
	b.cur.WriteString(t)
	if s[len(s)-1] == ' ' {
		b.space()
	}
}

// words adds ws, joining the first to the current word.
func (b *wordBuilder) words(ws []word) {
	for i, w := range ws {
		if i > 0 {
			b.space()
		}
		b.cur.WriteString(w.s)
	}
}

// finish ends the current word and returns all words.
func (b *wordBuilder) finish() []word {
	b.space()
	return b.out
}
