package rst

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxDepth bounds how deeply blocks may nest (block quotes, directive and
// field bodies, list items), so that hostile input cannot exhaust the stack.
// The boto3 paginator pages nest blocks at most 21 levels deep.
const MaxDepth = 100

// admonitions are the directives whose first line, if not empty, starts their
// content rather than holding arguments.
var admonitions = map[string]bool{
	"note": true, "warning": true, "tip": true, "important": true,
	"attention": true, "caution": true, "danger": true, "error": true,
	"hint": true, "seealso": true,
}

// Parse parses src (the file's bytes; file names the file in errors).
//
// Tabs after the indentation are expanded to 8-column tab stops (as
// docutils does) before the blocks are recognised; positions still refer to
// the bytes of the source line. A leading UTF-8 byte order mark is skipped
// and not counted in columns. The error, if any, is an *Error.
func Parse(file string, src []byte) (*Node, error) {
	lines, err := splitLines(file, src)
	if err != nil {
		return nil, err
	}
	p := &parser{file: file, lines: lines}
	blk := make([]bline, len(lines))
	for i := range blk {
		blk[i] = bline{n: i}
	}
	children, err := p.blocks(blk, 0, false)
	if err != nil {
		return nil, err
	}
	return &Node{Kind: Document, Pos: Pos{Line: 1, Col: 1}, Children: children}, nil
}

type parser struct {
	file  string
	lines []srcLine
}

// bline is one line of a block being parsed: the block's content on source
// line n starts at byte offset off. Either off is within the line's leading
// spaces, or it is at the first non-space character after a marker (or at
// the end of the line), so a bline never starts with a space it does not
// count as indentation.
type bline struct {
	n   int
	off int
}

func (p *parser) content(b bline) string {
	t := p.lines[b.n].text
	if b.off >= len(t) {
		return ""
	}
	return t[b.off:]
}

func (p *parser) indent(b bline) int {
	l := &p.lines[b.n]
	if b.off <= l.indent {
		return l.indent - b.off
	}
	return 0
}

func (p *parser) blank(b bline) bool {
	l := &p.lines[b.n]
	if b.off <= l.indent {
		return l.blank
	}
	return b.off >= len(l.text)
}

// pos returns the source position of byte extra of b's content.
func (p *parser) pos(b bline, extra int) Pos {
	return Pos{Line: b.n + 1, Col: p.lines[b.n].srcCol(b.off + extra)}
}

func (p *parser) errorf(pos Pos, format string, args ...any) error {
	return &Error{File: p.file, Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// blocks parses the lines of one block, whose indentation has been removed.
// When relaxed is set, a paragraph on the first line that ends in "::" takes
// the following indented lines as its literal block even if they are not
// indented more than the rest of the block (the first line of an admonition
// directive).
func (p *parser) blocks(blk []bline, depth int, relaxed bool) ([]*Node, error) {
	var out []*Node
	for i := 0; i < len(blk); {
		b := blk[i]
		if p.blank(b) {
			i++
			continue
		}
		var nodes []*Node
		var next int
		var err error
		if p.indent(b) > 0 {
			nodes, next, err = p.blockQuote(blk, i, depth)
		} else {
			t := p.content(b)
			if isExplicit(t) {
				nodes, next, err = p.explicit(blk, i, depth)
			} else if isBullet(t) {
				nodes, next, err = p.bulletList(blk, i, depth)
			} else if name, start, ok := fieldMarker(t); ok {
				nodes, next, err = p.field(blk, i, name, start, depth)
			} else {
				nodes, next, err = p.paragraph(blk, i, depth == 0, relaxed && i == 0)
			}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, nodes...)
		i = next
	}
	return out, nil
}

// nested parses the body of a construct that starts at pos.
func (p *parser) nested(blk []bline, depth int, pos Pos, relaxed bool) ([]*Node, error) {
	if depth > MaxDepth {
		return nil, p.errorf(pos, "blocks nested too deeply (more than %d levels)", MaxDepth)
	}
	return p.blocks(blk, depth, relaxed)
}

// extent returns the end of the indented body that follows the marker line
// blk[i] (or that starts with blk[i], if inBody): the following lines that
// are blank or indented more than the marker, and lazy continuation lines
// (see lazy) after lines of the body. Trailing blank lines are not part of
// the body.
func (p *parser) extent(blk []bline, i int, inBody bool) int {
	j := i + 1
	prevText := inBody // the line before j is a non-blank line of the body
	for ; j < len(blk); j++ {
		b := blk[j]
		if p.blank(b) {
			prevText = false
			continue
		}
		if p.indent(b) == 0 && !(prevText && p.lazy(b)) {
			break
		}
		prevText = true
	}
	for j > i+1 && p.blank(blk[j-1]) {
		j--
	}
	return j
}

// lazy reports whether b, a line that is not indented enough to belong to a
// body but directly follows a line of the body (not the marker line),
// continues that line. Generated pages wrap paragraphs carelessly, so such
// a line is taken as a continuation unless it starts a bullet item, a field
// or explicit markup (docutils would end the body there with a warning).
func (p *parser) lazy(b bline) bool {
	t := p.content(b)
	if _, _, ok := fieldMarker(t); ok {
		return false
	}
	return !isBullet(t) && !isExplicit(t)
}

// dedent removes the body indentation base from lines, in place. A negative
// base means the smallest indentation of the lines that start a block (those
// after a blank line, and the first one if prevBlank says the line before it
// is blank), or of all lines if none does. A line indented less than base
// that directly continues the line before it only loses its own indentation
// (a lazy continuation line); any other such line is an error when strict.
//
// Working in place keeps the memory linear however deep blocks nest: a
// parent never looks at the lines of a body again once it hands them over.
func (p *parser) dedent(lines []bline, base int, prevBlank, strict bool) error {
	if base < 0 {
		base = p.bodyIndent(lines, prevBlank)
	}
	for k, b := range lines {
		if p.blank(b) {
			prevBlank = true
			continue
		}
		cut := base
		if ind := p.indent(b); ind < base {
			if prevBlank && strict {
				return p.errorf(p.pos(b, ind), "inconsistent dedent in list item: its text starts at column %d", p.pos(b, base).Col)
			}
			cut = ind
		}
		lines[k].off += cut
		prevBlank = false
	}
	return nil
}

func (p *parser) bodyIndent(lines []bline, prevBlank bool) int {
	base, least := -1, -1
	for _, b := range lines {
		if p.blank(b) {
			prevBlank = true
			continue
		}
		ind := p.indent(b)
		if prevBlank && (base < 0 || ind < base) {
			base = ind
		}
		if least < 0 || ind < least {
			least = ind
		}
		prevBlank = false
	}
	if base < 0 {
		base = least
	}
	if base < 0 {
		base = 0
	}
	return base
}

// body returns the lines of the body of the marker on line blk[i], whose
// extent ends at j: first (the text after the marker, possibly empty) and
// then the dedented lines that follow. It reuses blk[i:j].
func (p *parser) body(blk []bline, i, j int, first bline, base int, strict bool) ([]bline, error) {
	if err := p.dedent(blk[i+1:j], base, p.blank(first), strict); err != nil {
		return nil, err
	}
	blk[i] = first
	return blk[i:j], nil
}

// after returns the bline that starts at the first non-space byte at or after
// byte k of b's content (or at its end).
func (p *parser) after(b bline, k int) bline {
	t := p.content(b)
	for k < len(t) && t[k] == ' ' {
		k++
	}
	return bline{n: b.n, off: b.off + k}
}

func (p *parser) blockQuote(blk []bline, i, depth int) ([]*Node, int, error) {
	j := p.extent(blk, i, true)
	pos := p.pos(blk[i], p.indent(blk[i]))
	if err := p.dedent(blk[i:j], -1, true, false); err != nil {
		return nil, 0, err
	}
	children, err := p.nested(blk[i:j], depth+1, pos, false)
	if err != nil {
		return nil, 0, err
	}
	return []*Node{{Kind: BlockQuote, Pos: pos, Children: children}}, j, nil
}

func isBullet(t string) bool {
	return len(t) > 0 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && (len(t) == 1 || t[1] == ' ')
}

func (p *parser) bulletList(blk []bline, i, depth int) ([]*Node, int, error) {
	bullet := p.content(blk[i])[0]
	list := &Node{Kind: BulletList, Pos: p.pos(blk[i], 0), Text: string(bullet)}
	for {
		first := p.after(blk[i], 1)
		j := p.extent(blk, i, false)
		base := -1 // an item without text on its first line takes the indentation of its body
		if !p.blank(first) {
			base = first.off - blk[i].off
		}
		pos := p.pos(blk[i], 0)
		lines, err := p.body(blk, i, j, first, base, true)
		if err != nil {
			return nil, 0, err
		}
		children, err := p.nested(lines, depth+1, pos, false)
		if err != nil {
			return nil, 0, err
		}
		list.Children = append(list.Children, &Node{Kind: ListItem, Pos: pos, Children: children})
		m := j
		for m < len(blk) && p.blank(blk[m]) {
			m++
		}
		if m < len(blk) && p.indent(blk[m]) == 0 {
			if t := p.content(blk[m]); isBullet(t) && t[0] == bullet {
				i = m
				continue
			}
		}
		return []*Node{list}, j, nil
	}
}

// fieldMarker recognises ":name: " at the start of t, as docutils does: the
// name does not start with a space or colon, does not end with a space, and
// may hold colons that are not followed by a space or backquote, and
// backslash-escaped characters. It returns the name as written and the
// offset of the text after the marker.
func fieldMarker(t string) (string, int, bool) {
	if len(t) < 3 || t[0] != ':' || t[1] == ' ' || t[1] == ':' {
		return "", 0, false
	}
	for j := 1; j < len(t); j++ {
		switch t[j] {
		case '\\':
			j++
		case ':':
			if j+1 == len(t) || t[j+1] == ' ' {
				if t[j-1] == ' ' {
					return "", 0, false
				}
				return t[1:j], j + 1, true
			}
			if t[j+1] == '`' {
				return "", 0, false
			}
		}
	}
	return "", 0, false
}

func (p *parser) field(blk []bline, i int, name string, start, depth int) ([]*Node, int, error) {
	first := p.after(blk[i], start)
	j := p.extent(blk, i, false)
	pos := p.pos(blk[i], 0)
	lines, err := p.body(blk, i, j, first, -1, false)
	if err != nil {
		return nil, 0, err
	}
	children, err := p.nested(lines, depth+1, pos, false)
	if err != nil {
		return nil, 0, err
	}
	return []*Node{{Kind: Field, Pos: pos, Name: name, Children: children}}, j, nil
}

func isExplicit(t string) bool {
	return strings.HasPrefix(t, "..") && (len(t) == 2 || t[2] == ' ')
}

// directiveMarker recognises "name::" (with an optional space before the
// "::") at the start of t, where name is a docutils simple name: runs of
// letters and digits joined by single "-", ".", "_", "+" or ":". It returns
// the name and the offset after the "::".
func directiveMarker(t string) (string, int, bool) {
	k := wordRun(t, 0)
	if k == 0 {
		return "", 0, false
	}
	for k < len(t) && strings.IndexByte("-._+:", t[k]) >= 0 {
		w := wordRun(t, k+1)
		if w == k+1 {
			break
		}
		k = w
	}
	name := t[:k]
	if k < len(t) && t[k] == ' ' {
		k++
	}
	if !strings.HasPrefix(t[k:], "::") {
		return "", 0, false
	}
	k += 2
	if k < len(t) && t[k] != ' ' {
		return "", 0, false
	}
	return name, k, true
}

// wordRun returns the end of the run of letters, digits and marks at t[k:].
func wordRun(t string, k int) int {
	for k < len(t) {
		r, size := utf8.DecodeRuneInString(t[k:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		k += size
	}
	return k
}

func (p *parser) explicit(blk []bline, i, depth int) ([]*Node, int, error) {
	b := blk[i]
	pos := p.pos(b, 0)
	first := p.after(b, 2)
	rest := p.content(first)
	if name, k, ok := directiveMarker(rest); ok {
		if !knownDirectives[name] {
			return nil, 0, p.errorf(p.pos(first, 0), "unknown directive %q", name)
		}
		args := p.after(first, k)
		j := p.extent(blk, i, false)
		n := &Node{Kind: Directive, Pos: pos, Name: name, Text: strings.TrimRight(p.content(args), " ")}
		var lines []bline
		var err error
		if admonitions[name] {
			if n.Text == "" && j == i+1 {
				return nil, 0, p.errorf(pos, "content expected for the %q directive", name)
			}
			lines, err = p.body(blk, i, j, args, -1, false)
		} else {
			lines, err = blk[i+1:j], p.dedent(blk[i+1:j], -1, true, false)
		}
		if err != nil {
			return nil, 0, err
		}
		n.Children, err = p.nested(lines, depth+1, pos, admonitions[name])
		if err != nil {
			return nil, 0, err
		}
		return []*Node{n}, j, nil
	}
	// A comment. An empty comment followed by a blank line does not take the
	// indented block after it.
	if p.blank(first) && (i+1 == len(blk) || p.blank(blk[i+1])) {
		return []*Node{{Kind: Comment, Pos: pos}}, i + 1, nil
	}
	j := p.extent(blk, i, false)
	lines, err := p.body(blk, i, j, first, -1, false)
	if err != nil {
		return nil, 0, err
	}
	var text []string
	for _, l := range lines {
		text = append(text, strings.TrimRight(p.content(l), " "))
	}
	for len(text) > 0 && text[0] == "" {
		text = text[1:]
	}
	return []*Node{{Kind: Comment, Pos: pos, Text: strings.Join(text, "\n")}}, j, nil
}

// adornment reports whether t is a section adornment line: one ASCII
// punctuation character repeated (a lone "::" is not one).
func adornment(t string) (byte, int, bool) {
	t = strings.TrimRight(t, " ")
	if t == "" || t == "::" || !isASCIIPunct(t[0]) {
		return 0, 0, false
	}
	for k := 1; k < len(t); k++ {
		if t[k] != t[0] {
			return 0, 0, false
		}
	}
	return t[0], len(t), true
}

func isASCIIPunct(c byte) bool {
	return c < 0x80 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// title recognises a section title at blk[i]. Titles are only allowed at the
// top level of the document (top); elsewhere a title is an error, as in
// docutils. Adornments shorter than four characters that do not fit are
// ordinary text. It reports whether blk[i] starts a title (or an error).
func (p *parser) title(blk []bline, i int, top bool) ([]*Node, int, bool, error) {
	line := p.content(blk[i])
	lineAt := func(k int) (string, bool) {
		if k < len(blk) && !p.blank(blk[k]) {
			return p.content(blk[k]), true
		}
		return "", false
	}
	if c, n, ok := adornment(line); ok {
		if !top {
			if n >= 4 {
				return nil, 0, true, p.errorf(p.pos(blk[i], 0), "unexpected section title or transition")
			}
		} else if text, ok := lineAt(i + 1); !ok {
			if n >= 4 {
				return nil, 0, true, p.errorf(p.pos(blk[i], 0), "transitions are not supported")
			}
		} else {
			under, ok := lineAt(i + 2)
			c2, n2, isAdorn := adornment(under)
			if ok && isAdorn && c2 == c && n2 == n && p.indent(blk[i+2]) == 0 {
				title := strings.TrimSpace(text)
				if w := utf8.RuneCountInString(title); w <= n {
					lead := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
					if err := p.checkRoles(title, []textSpan{{b: blk[i+1], lead: lead}}); err != nil {
						return nil, 0, true, err
					}
					return []*Node{{Kind: Title, Pos: p.pos(blk[i], 0), Text: title}}, i + 3, true, nil
				}
				if n >= 4 {
					return nil, 0, true, p.errorf(p.pos(blk[i], 0), "title overline too short")
				}
			} else if n >= 4 {
				msg := "missing underline for section title overline"
				switch {
				case !ok && i+2 >= len(blk):
					msg = "incomplete section title"
				case ok && isAdorn:
					msg = "title overline and underline mismatch"
				}
				return nil, 0, true, p.errorf(p.pos(blk[i], 0), "%s", msg)
			}
		}
	}
	if under, ok := lineAt(i + 1); ok && p.indent(blk[i+1]) == 0 {
		if _, n, ok := adornment(under); ok {
			title := strings.TrimRight(line, " ")
			w := utf8.RuneCountInString(title)
			if n >= w || n >= 4 {
				if !top {
					return nil, 0, true, p.errorf(p.pos(blk[i], 0), "unexpected section title")
				}
				if n < w {
					return nil, 0, true, p.errorf(p.pos(blk[i+1], 0), "title underline too short")
				}
				if err := p.checkRoles(title, []textSpan{{b: blk[i]}}); err != nil {
					return nil, 0, true, err
				}
				return []*Node{{Kind: Title, Pos: p.pos(blk[i], 0), Text: title}}, i + 2, true, nil
			}
		}
	}
	return nil, 0, false, nil
}

// paragraph parses the paragraph at blk[i] (or the section title there, at
// the top level) and the literal block that follows it if it ends in "::".
func (p *parser) paragraph(blk []bline, i int, top, relaxed bool) ([]*Node, int, error) {
	if nodes, next, ok, err := p.title(blk, i, top); ok {
		return nodes, next, err
	}
	// The paragraph runs to the next blank line. Lines indented more than
	// the first are taken as continuation lines (docutils would report
	// "unexpected indentation"), except after a line ending in "::", where
	// they are the literal block.
	var sb strings.Builder
	var spans []textSpan
	k := i
	for ; k < len(blk) && !p.blank(blk[k]); k++ {
		if k > i && p.indent(blk[k]) > 0 && strings.HasSuffix(sb.String(), "::") {
			break
		}
		if k > i {
			sb.WriteByte('\n')
		}
		c := p.content(blk[k])
		t := strings.Trim(c, " ")
		spans = append(spans, textSpan{b: blk[k], lead: len(c) - len(strings.TrimLeft(c, " ")), start: sb.Len()})
		sb.WriteString(t)
	}
	text := sb.String()
	if err := p.checkRoles(text, spans); err != nil {
		return nil, 0, err
	}
	pos := p.pos(blk[i], 0)
	if !strings.HasSuffix(text, "::") {
		return []*Node{{Kind: Paragraph, Pos: pos, Text: text}}, k, nil
	}
	last := blk[k-1]
	marker := p.pos(last, len(strings.TrimRight(p.content(last), " "))-2)
	var out []*Node
	switch {
	case text == "::":
	case text[len(text)-3] == ' ' || text[len(text)-3] == '\n':
		out = append(out, &Node{Kind: Paragraph, Pos: pos, Text: strings.TrimRight(text[:len(text)-3], " \n")})
	default:
		out = append(out, &Node{Kind: Paragraph, Pos: pos, Text: text[:len(text)-1]})
	}
	m := k
	for m < len(blk) && p.blank(blk[m]) {
		m++
	}
	if m == len(blk) || (!relaxed && p.indent(blk[m]) == 0) {
		return nil, 0, p.errorf(marker, "literal block expected")
	}
	e := m + 1
	if relaxed {
		min := p.indent(blk[m])
		for e < len(blk) && (p.blank(blk[e]) || p.indent(blk[e]) >= min || !p.blank(blk[e-1])) {
			e++
		}
	} else {
		for e < len(blk) && (p.blank(blk[e]) || p.indent(blk[e]) > 0) {
			e++
		}
		if e < len(blk) && !p.blank(blk[e-1]) {
			return nil, 0, p.errorf(p.pos(blk[e], 0), "literal block ends without a blank line (unexpected unindent)")
		}
	}
	for p.blank(blk[e-1]) {
		e--
	}
	return append(out, p.literal(blk[m:e])), e, nil
}

// textSpan is where one line of a paragraph's or title's text comes from:
// the text from offset start is the content of b from byte lead.
type textSpan struct {
	b     bline
	lead  int
	start int
}

// checkRoles reports the first interpreted text role of text that is not
// known, at its position; spans are the lines of text in order.
func (p *parser) checkRoles(text string, spans []textSpan) error {
	off, name, ok := unknownRole(text)
	if !ok {
		return nil
	}
	k := sort.Search(len(spans), func(k int) bool { return spans[k].start > off }) - 1
	sp := spans[k]
	return p.errorf(p.pos(sp.b, sp.lead+off-sp.start), "unknown role %q", name)
}

// literal builds a literal block from lines, which start and end with a
// non-blank line.
func (p *parser) literal(lines []bline) *Node {
	common := -1
	for _, b := range lines {
		if !p.blank(b) && (common < 0 || p.indent(b) < common) {
			common = p.indent(b)
		}
	}
	var sb strings.Builder
	for k, b := range lines {
		if k > 0 {
			sb.WriteByte('\n')
		}
		if !p.blank(b) {
			sb.WriteString(p.lines[b.n].rawFrom(b.off + common))
		}
	}
	return &Node{Kind: Literal, Pos: p.pos(lines[0], common), Text: sb.String()}
}
