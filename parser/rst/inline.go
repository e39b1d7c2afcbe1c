package rst

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown converts RST inline markup in text (a Paragraph's Text) to CommonMark inline text.
//
// Inline markup is recognised with the docutils rules: a start-string
// follows whitespace, an opening bracket or quote, or a delimiter such as
// "-", "/", ":" or other punctuation, and is followed by non-whitespace (and
// not by the bracket that closes the one before it); an end-string follows
// non-whitespace and is followed by whitespace, punctuation or the end of the
// text; backslash escapes hide markup and an escaped whitespace character is
// removed. So "2*3*4" holds no emphasis.
//
// The conversions are:
//
//   - inline literals (between double backquotes) to code spans, with a
//     longer backtick fence when the code holds backticks;
//   - *emphasis*, **strong** and interpreted text without a role
//     (`interpreted`) to emphasis and strong emphasis;
//   - `text <url>`_ and `text <url>`__ to [text](url), and a reference whose
//     text is an absolute URL (`https://...`_) to a link to it; other phrase
//     references (to names, which a single text cannot resolve) to their text;
//   - :role:`text` and `text`:role: to a code span of the text, or of the
//     title of a "title <target>" form (":py:meth:`~a.b`" shows "b"), except
//     for the standard roles emphasis, strong, literal and code, and the
//     title-reference, subscript, superscript, abbreviation and acronym roles;
//   - footnote references ([1]_) to "[1]", inline targets to their text;
//     substitution references and simple references (name_) stay as written.
//
// Plain text is escaped so that CommonMark sees no markup in it, neither
// inline (*, _, `, [, ], <, entities) nor at the start of a line (#, >,
// "- ", "1. ", setext underlines, fences). Emphasis CommonMark cannot
// express where it stands (after an escaped space, say) becomes plain text.
func Markdown(text string) string {
	w := &mdWriter{lineStart: true}
	convertInline(text, w)
	return w.String()
}

// inlineSink receives the pieces of converted inline text.
type inlineSink interface {
	text(s string)           // plain text
	code(s string)           // a code span
	wrap(delim, text string) // emphasis ("*") or strong emphasis ("**") of plain text
	link(text, url string)   // a link with plain text
}

// convertInline parses the inline markup of text and hands its pieces to w.
func convertInline(text string, w inlineSink) {
	in := inliner{s: text, w: w}
	in.run()
}

// The end-strings searched for; a search that fails need not be repeated
// from a later start-string.
const (
	endLiteral = iota
	endStrong
	endEmphasis
	endInterpreted
	endTarget
	numEnds
)

type inliner struct {
	s     string
	w     inlineSink
	noEnd [numEnds]bool
	// onRole, if set, is called with the offset of the colon that starts
	// each role name of interpreted text, and the name.
	onRole func(off int, name string)
}

func (in *inliner) run() {
	s := in.s
	plain := 0 // start of the pending plain text
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\\' {
			i += 1 + in.runeLen(i+1)
			continue
		}
		if strings.IndexByte("*`:_[", c) >= 0 && in.startOK(i) {
			if end, ok := in.markup(i, plain); ok {
				plain, i = end, end
				continue
			} else if end > i {
				i = end
				continue
			}
		}
		i += in.runeLen(i)
	}
	in.w.text(unescape(s[plain:]))
}

func (in *inliner) runeLen(i int) int {
	if i >= len(in.s) {
		return 0
	}
	if in.s[i] < utf8.RuneSelf {
		return 1
	}
	_, size := utf8.DecodeRuneInString(in.s[i:])
	return size
}

func (in *inliner) prevRune(i int) rune {
	r, _ := utf8.DecodeLastRuneInString(in.s[:i])
	return r
}

func (in *inliner) nextRune(i int) rune {
	r, _ := utf8.DecodeRuneInString(in.s[i:])
	return r
}

// startOK reports whether a start-string may begin at i.
func (in *inliner) startOK(i int) bool {
	if i == 0 {
		return true
	}
	r := in.prevRune(i)
	return unicode.IsSpace(r) || isOpener(r) || isDelimiter(r)
}

// endOK reports whether an end-string may end at i.
func (in *inliner) endOK(i int) bool {
	if i >= len(in.s) {
		return true
	}
	r := in.nextRune(i)
	return unicode.IsSpace(r) || isDelimiter(r) || isCloser(r)
}

// startString reports whether a start-string of n bytes at i is followed by
// non-whitespace that does not close a bracket or quote opened just before it.
func (in *inliner) startString(i, n int) bool {
	if i+n >= len(in.s) {
		return false
	}
	next := in.nextRune(i + n)
	if unicode.IsSpace(next) {
		return false
	}
	return i == 0 || !matchingPair(in.prevRune(i), next)
}

// findEnd returns the first end-string delim at or after from that follows
// non-whitespace and is followed by what may end inline markup, skipping
// escaped characters unless raw; -1 if there is none or it would leave the
// markup empty.
func (in *inliner) findEnd(kind int, from int, delim string, raw bool) int {
	if in.noEnd[kind] {
		return -1
	}
	s := in.s
	for j := from; j < len(s); {
		if !raw && s[j] == '\\' {
			j += 1 + in.runeLen(j+1)
			continue
		}
		if strings.HasPrefix(s[j:], delim) && !unicode.IsSpace(in.prevRune(j)) && in.endOK(j+len(delim)) {
			if j == from {
				return -1
			}
			return j
		}
		j++
	}
	in.noEnd[kind] = true
	return -1
}

// markup tries the inline markup whose start-string is at i. It returns the
// end of the markup and true after writing the plain text before it and the
// markup; otherwise the offset to continue scanning from.
func (in *inliner) markup(i, plain int) (int, bool) {
	s := in.s
	flush := func(at int) { in.w.text(unescape(s[plain:at])) }
	switch {
	case strings.HasPrefix(s[i:], "``"):
		if !in.startString(i, 2) {
			return i + 2, false
		}
		j := in.findEnd(endLiteral, i+2, "``", true)
		if j < 0 {
			return i + 2, false
		}
		flush(i)
		in.w.code(s[i+2 : j])
		return j + 2, true
	case strings.HasPrefix(s[i:], "**"):
		if !in.startString(i, 2) {
			return i + 2, false
		}
		j := in.findEnd(endStrong, i+2, "**", false)
		if j < 0 {
			return i + 2, false
		}
		flush(i)
		in.w.wrap("**", unescape(s[i+2:j]))
		return j + 2, true
	case s[i] == '*':
		if !in.startString(i, 1) {
			return i + 1, false
		}
		j := in.findEnd(endEmphasis, i+1, "*", false)
		if j < 0 {
			return i + 1, false
		}
		flush(i)
		in.w.wrap("*", unescape(s[i+1:j]))
		return j + 1, true
	case s[i] == '`':
		if !in.startString(i, 1) {
			return i + 1, false
		}
		return in.interpreted(i, i, "", flush)
	case s[i] == ':':
		k := simpleName(s, i+1)
		if k == i+1 {
			return i + 1, false
		}
		if !strings.HasPrefix(s[k:], ":`") || strings.HasPrefix(s[k:], ":``") ||
			k+2 >= len(s) || unicode.IsSpace(in.nextRune(k+2)) {
			// No role ends at k, nor after any colon in the name.
			return k, false
		}
		return in.interpreted(k+1, i, s[i+1:k], flush)
	case strings.HasPrefix(s[i:], "_`"):
		if !in.startString(i, 2) {
			return i + 2, false
		}
		j := in.findEnd(endTarget, i+2, "`", false)
		if j < 0 {
			return i + 2, false
		}
		flush(i)
		in.w.text(unescape(s[i+2 : j]))
		return j + 1, true
	case s[i] == '[':
		k := footnoteLabel(s, i+1)
		if k == i+1 || !strings.HasPrefix(s[k:], "]_") || !in.endOK(k+2) {
			return i + 1, false
		}
		flush(i)
		in.w.text(s[i : k+1])
		return k + 2, true
	}
	return i + 1, false
}

// interpreted handles interpreted text or a phrase reference whose backquote
// is at tick; the markup (with its role prefix, if any) starts at start.
func (in *inliner) interpreted(tick, start int, role string, flush func(int)) (int, bool) {
	s := in.s
	if in.noEnd[endInterpreted] {
		return tick + 1, false
	}
	for j := tick + 1; j < len(s); {
		if s[j] == '\\' {
			j += 1 + in.runeLen(j+1)
			continue
		}
		if s[j] != '`' || unicode.IsSpace(in.prevRune(j)) {
			j++
			continue
		}
		// The end-string: "`", an optional role suffix, an optional "_" or "__".
		suffixRole := ""
		end := -1
		k := j + 1
		if k < len(s) && s[k] == ':' {
			if m := simpleName(s, k+1); m > k+1 && m < len(s) && s[m] == ':' {
				end = in.refEnd(m+1, &suffixRole, s[k+1:m])
			}
		}
		if end < 0 {
			end = in.refEnd(k, nil, "")
		}
		if end < 0 {
			j++
			continue
		}
		if j == tick+1 {
			return tick + 1, false
		}
		if in.onRole != nil {
			if role != "" {
				in.onRole(start, role)
			}
			if suffixRole != "" {
				in.onRole(j+1, suffixRole)
			}
		}
		content := s[tick+1 : j]
		reference := s[end-1] == '_'
		if role != "" && (suffixRole != "" || reference) {
			// Both a prefix and a suffix, which docutils reports as a problem:
			// keep the source as text.
			flush(start)
			in.w.text(unescape(s[start:end]))
			return end, true
		}
		if suffixRole != "" && reference {
			flush(start)
			in.w.text(unescape(s[start:end]))
			return end, true
		}
		flush(start)
		if reference {
			in.reference(content)
		} else {
			if suffixRole != "" {
				role = suffixRole
			}
			in.role(role, content)
		}
		return end, true
	}
	in.noEnd[endInterpreted] = true
	return tick + 1, false
}

// refEnd returns the end of an interpreted-text end-string after the role at
// k: with "__", "_" or nothing, whichever first may end inline markup.
func (in *inliner) refEnd(k int, role *string, name string) int {
	s := in.s
	for _, suffix := range []string{"__", "_", ""} {
		if strings.HasPrefix(s[k:], suffix) && in.endOK(k+len(suffix)) {
			if role != nil {
				*role = name
			}
			return k + len(suffix)
		}
	}
	return -1
}

// reference writes a phrase reference with content (escapes not yet removed).
func (in *inliner) reference(content string) {
	text, target, ok := embeddedTarget(content)
	if !ok {
		text := unescape(content)
		if isURL(text) {
			in.w.link(text, text)
		} else {
			in.w.text(text)
		}
		return
	}
	if strings.HasSuffix(target, "_") && !strings.HasSuffix(target, `\_`) && !isURL(target) {
		// An alias to a name: keep the text.
		if text == "" {
			text = target[:len(target)-1]
		}
		in.w.text(unescape(text))
		return
	}
	url := unescape(removeWhitespace(target))
	t := unescape(text)
	if t == "" {
		t = url
	}
	in.w.link(t, url)
}

// role writes interpreted text with its role (escapes not yet removed).
func (in *inliner) role(role, content string) {
	switch role {
	case "", "title-reference", "title", "t", "emphasis":
		in.w.wrap("*", unescape(content))
	case "strong":
		in.w.wrap("**", unescape(content))
	case "literal", "code":
		in.w.code(unescape(content))
	case "sub", "subscript", "sup", "superscript", "ab", "abbreviation", "ac", "acronym":
		in.w.text(unescape(content))
	default:
		in.w.code(xrefTitle(content))
	}
}

// xrefTitle returns what a cross-reference role shows: the title of a
// "title <target>" form, else the text without a leading "!", or only its
// last dotted component when it starts with "~".
func xrefTitle(content string) string {
	if strings.HasSuffix(content, ">") && !escapedAt(content, len(content)-1) {
		for k := len(content) - 2; k > 0; k-- {
			if content[k] == '>' && !escapedAt(content, k) {
				break
			}
			if content[k] == '<' && !escapedAt(content, k) {
				if title := strings.TrimSpace(unescape(content[:k])); title != "" {
					return title
				}
				break
			}
		}
	}
	t := unescape(content)
	switch {
	case strings.HasPrefix(t, "!"):
		t = t[1:]
	case strings.HasPrefix(t, "~"):
		t = t[1:]
		if k := strings.LastIndexByte(t, '.'); k >= 0 {
			t = t[k+1:]
		}
	}
	return t
}

// embeddedTarget splits "text <target>" (the target after whitespace, or
// alone) into its parts.
func embeddedTarget(content string) (text, target string, ok bool) {
	n := len(content)
	if n < 3 || content[n-1] != '>' || escapedAt(content, n-1) {
		return "", "", false
	}
	for k := n - 2; k >= 0; k-- {
		c := content[k]
		if (c == '<' || c == '>') && escapedAt(content, k) {
			continue
		}
		if c == '>' {
			return "", "", false
		}
		if c == '<' {
			if k == n-2 || (k > 0 && content[k-1] != ' ' && content[k-1] != '\n') {
				return "", "", false
			}
			return strings.TrimRight(content[:k], " \n"), content[k+1 : n-1], true
		}
	}
	return "", "", false
}

// escapedAt reports whether the byte at k is escaped by a backslash.
func escapedAt(s string, k int) bool {
	n := 0
	for k > 0 && s[k-1] == '\\' {
		n++
		k--
	}
	return n%2 == 1
}

// removeWhitespace drops the whitespace that is not escaped.
func removeWhitespace(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			b.WriteByte(c)
			b.WriteByte(s[i+1])
			i++
		case c == ' ' || c == '\n' || c == '\t':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isURL reports whether s is an absolute URL (a scheme followed by "://" and
// no whitespace) or a mailto: address.
func isURL(s string) bool {
	if strings.ContainsAny(s, " \n\t<>") {
		return false
	}
	if strings.HasPrefix(s, "mailto:") && len(s) > len("mailto:") {
		return true
	}
	k := strings.Index(s, "://")
	if k < 1 || k+3 == len(s) {
		return false
	}
	for i := 0; i < k; i++ {
		c := s[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// unescape removes backslash escapes: an escaped whitespace character
// disappears with its backslash; a trailing lone backslash is kept.
func unescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		if c := s[i]; c != ' ' && c != '\n' && c != '\t' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// simpleName returns the end of the docutils simple name (word characters
// other than "_", joined by single "-", ".", "_", "+" or ":") at s[k:], or
// k if there is none.
func simpleName(s string, k int) int {
	end := wordRun(s, k)
	if end == k {
		return k
	}
	for end < len(s) && strings.IndexByte("-._+:", s[end]) >= 0 {
		w := wordRun(s, end+1)
		if w == end+1 {
			break
		}
		end = w
	}
	return end
}

// footnoteLabel returns the end of the footnote or citation label at s[k:]
// (digits, "#", "#name", "*" or a simple name), or k if there is none.
func footnoteLabel(s string, k int) int {
	if k < len(s) && s[k] == '*' {
		return k + 1
	}
	if k < len(s) && s[k] == '#' {
		return simpleName(s, k+1)
	}
	return simpleName(s, k)
}

func isOpener(r rune) bool {
	return strings.ContainsRune("\"'(<[{", r) || unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pf)
}

func isCloser(r rune) bool {
	return strings.ContainsRune("\"')>]}", r) || unicode.In(r, unicode.Pe, unicode.Pi, unicode.Pf)
}

func isDelimiter(r rune) bool {
	return r == '-' || r == '/' || r == ':' || unicode.In(r, unicode.Pd, unicode.Po)
}

// matchingPair reports whether open and close form a bracket or quote pair.
func matchingPair(open, close rune) bool {
	switch open {
	case '(':
		return close == ')'
	case '[':
		return close == ']'
	case '{':
		return close == '}'
	case '<':
		return close == '>'
	case '"', '\'', '»', '’', '”', '›':
		return close == open
	case '‘':
		return close == '’' || close == '‚'
	case '“':
		return close == '”' || close == '„'
	case '«':
		return close == '»'
	case '‹':
		return close == '›'
	case '‚':
		return close == '‘' || close == '’'
	case '„':
		return close == '“' || close == '”'
	}
	return unicode.Is(unicode.Ps, open) && close == open+1
}
