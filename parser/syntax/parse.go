package syntax

import (
	"fmt"
	"strings"
)

// recursiveText is the quoted text of a Recursive value.
const recursiveText = "... recursive ..."

// documentForm is the token sequence of a Document value.
var documentForm = []token{
	{kind: tLBrace, text: "{"}, {kind: tEllipsis, text: "..."}, {kind: tRBrace, text: "}"},
	{kind: tPipe, text: "|"},
	{kind: tLBrack, text: "["}, {kind: tEllipsis, text: "..."}, {kind: tRBrack, text: "]"},
	{kind: tPipe, text: "|"},
	{kind: tNumber, text: "123"},
	{kind: tPipe, text: "|"},
	{kind: tNumber, text: "123.4"},
	{kind: tPipe, text: "|"},
	{kind: tString, text: "'string'"},
	{kind: tPipe, text: "|"},
	{kind: tWord, text: "True"},
	{kind: tPipe, text: "|"},
	{kind: tWord, text: "None"},
}

// documentText is a Document value as written.
const documentText = "{...}|[...]|123|123.4|'string'|True|None"

// bailout carries a syntax error up the parser's stack.
type bailout struct{ err *Error }

// parser is a recursive-descent parser over one block.
type parser struct {
	file  string
	s     scanner
	tok   token // current token
	depth int   // open dicts and lists
}

func newParser(file, src string, start Pos, indent int) (*parser, error) {
	p := &parser{file: file}
	p.s = scanner{src: src, start: start, indent: indent, fail: p.fail}
	if len(src) > MaxSize {
		return nil, &Error{File: file, Pos: start,
			Msg: fmt.Sprintf("block too large: %d bytes (limit %d)", len(src), MaxSize)}
	}
	if pos, text, ok := p.commentOnly(); ok {
		return nil, &Error{File: file, Pos: pos, Msg: "syntax not rendered: " + clip(text), err: ErrNotRendered}
	}
	return p, nil
}

// commentOnly reports whether the block is made only of "#" comment lines
// (and blank lines), and returns the position and text of the first.
func (p *parser) commentOnly() (Pos, string, bool) {
	var (
		first Pos
		text  string
		found bool
	)
	s := p.s // a copy, to map offsets to positions
	for off := 0; off <= len(s.src); {
		end := strings.IndexByte(s.src[off:], '\n')
		if end < 0 {
			end = len(s.src)
		} else {
			end += off
		}
		line := s.src[off:end]
		trimmed := strings.TrimLeft(line, " \t\r")
		if strings.TrimRight(trimmed, " \t\r") != "" {
			if trimmed[0] != '#' {
				return Pos{}, "", false
			}
			if !found {
				found = true
				first = s.pos(off + len(line) - len(trimmed))
				text = strings.TrimRight(trimmed, " \t\r")
			}
		}
		s.line++
		s.lineStart = end + 1
		off = end + 1
	}
	return first, text, found
}

// fail reports a syntax error at pos.
func (p *parser) fail(pos Pos, msg string) {
	panic(bailout{&Error{File: p.file, Pos: pos, Msg: msg}})
}

func (p *parser) failf(pos Pos, format string, args ...any) {
	p.fail(pos, fmt.Sprintf(format, args...))
}

// run calls parse and turns a syntax error it raises into a returned error.
func (p *parser) run(parse func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			err = b.err
		}
	}()
	p.next()
	parse()
	return nil
}

func (p *parser) next() { p.tok = p.s.scan() }

// request parses "response_iterator = paginator.paginate(args)".
func (p *parser) request() []*Member {
	for _, want := range []token{
		{kind: tWord, text: "response_iterator"}, {kind: tEquals, text: "="},
		{kind: tWord, text: "paginator"}, {kind: tDot, text: "."},
		{kind: tWord, text: "paginate"},
	} {
		if p.tok.kind != want.kind || p.tok.text != want.text {
			p.failf(p.tok.pos, "expected %q, found %s", "response_iterator = paginator.paginate(", p.tok.describe())
		}
		p.next()
	}
	if p.tok.kind != tLParen {
		p.failf(p.tok.pos, "expected '(' after paginator.paginate, found %s", p.tok.describe())
	}
	open := p.tok
	p.next()
	args := []*Member{}
	seen := map[string]Pos{}
	for p.tok.kind != tRParen {
		if p.tok.kind != tWord {
			p.unclosed(open, "an argument name")
		}
		name := p.tok
		if first, dup := seen[name.text]; dup {
			p.failf(name.pos, "duplicate argument %s (first at %s)", name.text, first)
		}
		seen[name.text] = name.pos
		p.next()
		if p.tok.kind != tEquals {
			p.failf(p.tok.pos, "expected '=' after argument name %s, found %s", name.text, p.tok.describe())
		}
		p.next()
		args = append(args, &Member{Name: name.text, Pos: name.pos, Value: p.value()})
		if p.tok.kind == tComma {
			p.next()
			continue
		}
		if p.tok.kind != tRParen {
			p.unclosed(open, "',' or ')' after argument "+name.text)
		}
	}
	p.next()
	p.end()
	return args
}

// response parses a dict literal.
func (p *parser) response() *Value {
	if p.tok.kind != tLBrace {
		p.failf(p.tok.pos, "expected '{' to start the response, found %s", p.tok.describe())
	}
	v := p.value()
	p.end()
	return v
}

// end checks that the whole block has been parsed.
func (p *parser) end() {
	switch p.tok.kind {
	case tEOF:
	case tRBrace, tRBrack, tRParen:
		p.failf(p.tok.pos, "unbalanced %s after the value", p.tok.describe())
	default:
		p.failf(p.tok.pos, "trailing text after the value: %s", p.tok.describe())
	}
}

// unclosed reports a token that neither continues nor closes the bracket
// open; want says what was expected.
func (p *parser) unclosed(open token, want string) {
	switch p.tok.kind {
	case tEOF:
		p.failf(p.tok.pos, "unexpected end of input: %s at %s is not closed", open.describe(), open.pos)
	case tRBrace, tRBrack, tRParen:
		p.failf(p.tok.pos, "unbalanced %s: %s at %s is not closed", p.tok.describe(), open.describe(), open.pos)
	}
	p.failf(p.tok.pos, "expected %s, found %s", want, p.tok.describe())
}

// enter and leave bound the nesting of dicts and lists.
func (p *parser) enter() {
	p.depth++
	if p.depth > MaxDepth {
		p.failf(p.tok.pos, "nesting deeper than %d levels", MaxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// value parses one value.
func (p *parser) value() *Value {
	t := p.tok
	switch t.kind {
	case tString:
		return p.alternation("")
	case tBytes:
		p.next()
		return p.single(&Value{Kind: Blob, Pos: t.pos})
	case tNumber:
		p.next()
		if t.isFloat() {
			return p.single(&Value{Kind: Float, Pos: t.pos})
		}
		return p.single(&Value{Kind: Integer, Pos: t.pos})
	case tEllipsis:
		p.next()
		return p.single(&Value{Kind: Unknown, Pos: t.pos})
	case tWord:
		switch t.text {
		case "True", "False":
			return p.boolean()
		case "None":
			p.failf(t.pos, "bare None outside a document value (%s)", documentText)
		case "datetime":
			return p.datetime()
		}
		p.failf(t.pos, "unknown name %s; a value is a placeholder such as 'string', 123, True|False or datetime(2015, 1, 1)", clip(t.text))
	case tLBrace:
		return p.dict()
	case tLBrack:
		return p.list()
	case tEOF:
		p.fail(t.pos, "unexpected end of input: expected a value")
	}
	p.failf(t.pos, "expected a value, found %s", t.describe())
	panic("unreachable")
}

// single checks that the value just parsed is not followed by '|'.
func (p *parser) single(v *Value) *Value {
	if p.tok.kind == tPipe {
		p.failf(p.tok.pos, "unexpected '|' after %s value", v.Kind)
	}
	return v
}

// alternation parses a quoted string or an alternation of quoted strings. what
// names the alternation's role in messages ("" for a value).
func (p *parser) alternation(what string) *Value {
	v := &Value{Pos: p.tok.pos, Enum: []string{p.tok.val}}
	p.next()
	for p.tok.kind == tPipe {
		p.next()
		if p.tok.kind != tString {
			p.failf(p.tok.pos, "alternation mixes kinds: expected a quoted string after '|'%s, found %s", what, p.tok.describe())
		}
		v.Enum = append(v.Enum, p.tok.val)
		p.next()
	}
	if len(v.Enum) == 1 && v.Enum[0] == "string" {
		v.Kind, v.Enum = String, nil
	} else {
		v.Kind = Enum
	}
	return v
}

// boolean parses True|False.
func (p *parser) boolean() *Value {
	v := &Value{Kind: Boolean, Pos: p.tok.pos}
	for i, want := range []token{{kind: tWord, text: "True"}, {kind: tPipe, text: "|"}, {kind: tWord, text: "False"}} {
		if p.tok.kind != want.kind || p.tok.text != want.text {
			if i == 0 {
				p.failf(p.tok.pos, "malformed boolean: expected True|False, found %s", p.tok.describe())
			}
			p.failf(p.tok.pos, "malformed boolean: expected %s to continue True|False, found %s", want.describe(), p.tok.describe())
		}
		p.next()
	}
	return p.single(v)
}

// datetime parses datetime(Y, M, D).
func (p *parser) datetime() *Value {
	v := &Value{Kind: Timestamp, Pos: p.tok.pos}
	p.next()
	for _, want := range []tokKind{tLParen, tNumber, tComma, tNumber, tComma, tNumber, tRParen} {
		if p.tok.kind != want || want == tNumber && p.tok.isFloat() {
			what := map[tokKind]string{tLParen: "'('", tNumber: "an integer", tComma: "','", tRParen: "')'"}[want]
			p.failf(p.tok.pos, "malformed datetime: expected %s, found %s", what, p.tok.describe())
		}
		p.next()
	}
	return p.single(v)
}

// document parses the rest of a Document value, whose '{' is open.
func (p *parser) document(open token) *Value {
	for _, want := range documentForm[1:] {
		if p.tok.kind != want.kind || p.tok.text != want.text {
			p.failf(p.tok.pos, "partial document value: expected %s, found %s (a document is %s)",
				want.describe(), p.tok.describe(), documentText)
		}
		p.next()
	}
	return p.single(&Value{Kind: Document, Pos: open.pos})
}

// entry is one "key: value" entry of a dict.
type entry struct {
	key   *Value // String or Enum
	name  token  // the key's first string
	value *Value
}

// dict parses a dict: a Struct, a Map, a Document or a Recursive value.
func (p *parser) dict() *Value {
	open := p.tok
	p.enter()
	defer p.leave()
	p.next()
	if p.tok.kind == tEllipsis {
		return p.document(open)
	}
	var entries []entry
	seen := map[string]Pos{}
	for p.tok.kind != tRBrace {
		if p.tok.kind != tString {
			p.unclosed(open, "a member name (a quoted string)")
		}
		name := p.tok
		key := p.alternation(" in a key")
		if key.Kind != Enum || len(key.Enum) == 1 {
			if len(entries) == 0 && p.tok.kind == tRBrace && name.val == recursiveText {
				p.next()
				return &Value{Kind: Recursive, Pos: open.pos}
			}
			if name.val == "" {
				p.fail(name.pos, "empty member name")
			}
			if first, dup := seen[name.val]; dup {
				p.failf(name.pos, "duplicate member %s (first at %s)", clip(name.text), first)
			}
			seen[name.val] = name.pos
		}
		if p.tok.kind != tColon {
			p.failf(p.tok.pos, "expected ':' after member name %s, found %s", clip(name.text), p.tok.describe())
		}
		p.next()
		entries = append(entries, entry{key: key, name: name, value: p.value()})
		if p.tok.kind == tComma {
			p.next()
			continue
		}
		if p.tok.kind != tRBrace {
			p.unclosed(open, "',' or '}' after member "+clip(name.text))
		}
	}
	p.next()
	if len(entries) == 1 && (entries[0].key.Kind == String || len(entries[0].key.Enum) > 1) {
		return &Value{Kind: Map, Pos: open.pos, Key: entries[0].key, Elem: entries[0].value}
	}
	v := &Value{Kind: Struct, Pos: open.pos}
	for _, e := range entries {
		if e.key.Kind == Enum && len(e.key.Enum) > 1 {
			p.failf(e.key.Pos, "map key alternation in a dict of %d entries (a map has exactly one)", len(entries))
		}
		v.Members = append(v.Members, &Member{Name: e.name.val, Pos: e.name.pos, Value: e.value})
	}
	return v
}

// list parses "[value, ]".
func (p *parser) list() *Value {
	open := p.tok
	p.enter()
	defer p.leave()
	p.next()
	if p.tok.kind == tRBrack {
		p.fail(p.tok.pos, "empty list: expected an element value")
	}
	if p.tok.kind == tEOF {
		p.unclosed(open, "")
	}
	v := &Value{Kind: List, Pos: open.pos, Elem: p.value()}
	if p.tok.kind == tComma {
		p.next()
		if p.tok.kind != tRBrack && p.tok.kind != tEOF && p.tok.kind != tRBrace && p.tok.kind != tRParen {
			p.failf(p.tok.pos, "expected ']' after the list element, found %s (a list shows one element)", p.tok.describe())
		}
	}
	if p.tok.kind != tRBrack {
		p.unclosed(open, "',' or ']' after the list element")
	}
	p.next()
	return v
}
