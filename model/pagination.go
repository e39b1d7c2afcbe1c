package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pagegen/pagegen/parser"
)

// pagination settles the paginator's hidden members: from the service's
// paginators.json entry when there is one, otherwise by convention. The
// input and output token is NextToken and the limit key MaxResults when the
// page's members are PascalCase, nextToken and maxResults when they are
// camelCase; there is a limit key only when PaginationConfig documents
// PageSize; a page that shows boto3's own resume token has an output token
// of another name, which only paginators.json can name; the result list is the output's only top-level list, or the list
// whose name ends the operation's name. Hidden members become fields.
func (b *builder) pagination(p *Paginator, page *parser.Page) bool {
	cfg, ok := b.overrides[p.Name]
	token, limit := "NextToken", "MaxResults"
	if camelCase(page) {
		token, limit = "nextToken", "maxResults"
	}
	if !ok && page.ResumeToken {
		b.errorf(page.File, outputPos(page), "the response shows boto3's resume token, so %s's output token is not %s; name its tokens in paginators.json", p.Name, token)
		return false
	}
	if !ok {
		cfg = parser.PaginatorConfig{InputToken: []string{token}, OutputToken: []string{token}}
		if page.PageSize {
			cfg.LimitKey = limit
		}
		result := conventionalResult(p)
		if result == "" {
			b.errorf(page.File, outputPos(page), "cannot tell which list of %sOutput is the result; name it in paginators.json", p.Name)
			return false
		}
		cfg.ResultKey = []string{result}
	}
	// A hidden token's type is not on the page: it is a paginate.Token,
	// which holds any JSON value, unless the response shows a member of
	// the input token's name with another type (S3 ListParts shows
	// PartNumberMarker, an integer), which the input and output tokens
	// then take.
	tokenTypes := make([]*TypeRef, len(cfg.InputToken))
	for i, name := range cfg.InputToken {
		typ, ptr := &TypeRef{Kind: Token}, false
		if echo := fieldNamed(p.Output, name); echo != nil && echo.Type.Kind == Int64 {
			typ, ptr = &TypeRef{Kind: Int64}, true
		}
		tokenTypes[i] = typ
		p.InputTokens = append(p.InputTokens, hiddenField(p.Input, name, typ, ptr,
			"The token of the page to fetch. The paginator sets it from the previous page or the StartingToken."))
	}
	if len(cfg.OutputToken) != len(cfg.InputToken) {
		b.errorf(page.File, outputPos(page), "paginators.json names %d output tokens for %d input tokens", len(cfg.OutputToken), len(cfg.InputToken))
		return false
	}
	unrendered := slices.Contains(page.Unrendered, "Response Syntax") && slices.Contains(page.Unrendered, "Response Structure")
	for i, expr := range cfg.OutputToken {
		typ := tokenTypes[i]
		path := b.path(page, p.Output, expr, typ, typ.Kind != Token, "The token of the next page; none on the last page.")
		if path == nil {
			return false
		}
		if !tokenRef(path.Type) {
			b.errorf(page.File, outputPos(page), "output token %q is not a string or an integer", expr)
			return false
		}
		p.OutputTokens = append(p.OutputTokens, path)
	}
	for i, f := range p.InputTokens {
		if !tokenRef(f.Type) {
			b.errorf(page.File, outputPos(page), "input token %s is not a string or an integer", cfg.InputToken[i])
			return false
		}
	}
	if cfg.LimitKey != "" {
		p.Limit = hiddenField(p.Input, cfg.LimitKey, &TypeRef{Kind: Int64}, true,
			"The most items a page may hold. The paginator sets it from PageSize.")
	}
	if cfg.MoreResults != "" {
		if p.MoreResults = b.path(page, p.Output, cfg.MoreResults, &TypeRef{Kind: Bool}, true, "Whether more pages follow."); p.MoreResults == nil {
			return false
		}
		if p.MoreResults.Type.Kind != Bool {
			b.errorf(page.File, outputPos(page), "more_results %q is not a boolean", cfg.MoreResults)
			return false
		}
	}
	if len(cfg.ResultKey) == 0 {
		b.errorf(page.File, outputPos(page), "paginators.json names no result_key for %s", p.Name)
		return false
	}
	for _, expr := range cfg.ResultKey {
		// A response boto3 did not render has no members to find the
		// result in: it is a list of raw JSON items.
		var hidden *TypeRef
		if unrendered {
			hidden = &TypeRef{Kind: Slice, Elem: &TypeRef{Kind: Document}}
		}
		path := b.path(page, p.Output, expr, hidden, false,
			"The page did not document this result; each item is its JSON as the service sent it.")
		if path == nil {
			return false
		}
		if len(path.Alts) > 1 || path.Alts[0][len(path.Alts[0])-1].Last {
			b.errorf(page.File, outputPos(page), "result key %q is not a member path", expr)
			return false
		}
		p.Results = append(p.Results, path)
	}
	return true
}

// path resolves a paginators.json path in the output type out. A
// top-level member the page does not show is added as a hidden field of
// type hidden with doc; when hidden is nil, it is an error.
func (b *builder) path(page *parser.Page, out *Type, expr string, hidden *TypeRef, pointer bool, doc string) *Path {
	fail := func(format string, args ...any) *Path {
		b.errorf(page.File, outputPos(page), "%s in paginators.json: %s", strconv.Quote(expr), fmt.Sprintf(format, args...))
		return nil
	}
	path := &Path{Expr: expr}
	// A member whose name is the whole expression is that member, whatever
	// characters its name holds.
	for _, f := range out.Fields {
		if f.Wire == expr {
			path.Alts = [][]Step{{{Field: f}}}
			path.Type = f.Type
			return path
		}
	}
	if !strings.ContainsAny(expr, ".[|") {
		if hidden == nil {
			return fail("%s has no member %s", out.GoName, expr)
		}
		f := hiddenField(out, expr, hidden, pointer, doc)
		path.Alts = [][]Step{{{Field: f}}}
		path.Type = f.Type
		return path
	}
	for _, alt := range strings.Split(expr, "||") {
		alt = strings.TrimSpace(alt)
		segs := strings.Split(alt, ".")
		var steps []Step
		t := out
		var ref *TypeRef
		for i, seg := range segs {
			name, last := strings.CutSuffix(seg, "[-1]")
			if !pathName.MatchString(name) {
				return fail("%q is not a member name; paths are members joined by '.', with an optional [-1]", seg)
			}
			if t == nil {
				return fail("%s is not a structure", strings.Join(segs[:i], "."))
			}
			var f *Field
			for _, g := range t.Fields {
				if g.Wire == name {
					f = g
				}
			}
			if f == nil {
				if i > 0 || hidden == nil || last {
					return fail("%s has no member %s", t.GoName, name)
				}
				f = hiddenField(t, name, hidden, pointer, doc)
			}
			ref = f.Type
			if last {
				if ref.Kind != Slice {
					return fail("%s is not a list", name)
				}
				ref = ref.Elem
			}
			t = nil
			if ref.Kind == Named && ref.Named.Kind != Enum {
				t = ref.Named
			}
			steps = append(steps, Step{Field: f, Last: last})
		}
		if path.Type == nil {
			path.Type = ref
		} else if !sameRef(path.Type, ref) {
			return fail("the alternatives have different types")
		}
		path.Alts = append(path.Alts, steps)
	}
	return path
}

// tokenRef reports whether a member of type r can hold a token: a Token,
// a string, an enum or an integer.
func tokenRef(r *TypeRef) bool {
	switch r.Kind {
	case Token, String, Int64:
		return true
	case Named:
		return r.Named.Kind == Enum
	}
	return false
}

// fieldNamed returns the member of t named wire, or nil.
func fieldNamed(t *Type, wire string) *Field {
	for _, f := range t.Fields {
		if f.Wire == wire {
			return f
		}
	}
	return nil
}

// pathName matches one member name of a path.
var pathName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// sameRef reports whether two references are of one Go type.
func sameRef(a, b *TypeRef) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Kind == b.Kind && a.Named == b.Named && sameRef(a.Key, b.Key) && sameRef(a.Elem, b.Elem)
}

// hiddenField returns the member of t named wire, adding it as a hidden
// field of the given type and doc when the page did not show it.
func hiddenField(t *Type, wire string, typ *TypeRef, pointer bool, doc string) *Field {
	if f := fieldNamed(t, wire); f != nil {
		return f
	}
	f := &Field{GoName: addedFieldName(t, wire), Wire: wire, Type: typ, Pointer: pointer, Hidden: true, Doc: doc}
	t.Fields = append(t.Fields, f)
	return f
}

// camelCase reports whether most of the page's top-level members start with
// a lower-case letter.
func camelCase(page *parser.Page) bool {
	lower, upper := 0, 0
	count := func(ms []*parser.Member) {
		for _, m := range ms {
			if m.Name == "" {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(m.Name); unicode.IsLower(r) {
				lower++
			} else {
				upper++
			}
		}
	}
	count(page.Input)
	if page.Output != nil {
		count(page.Output.Members)
	}
	return lower > upper
}

// conventionalResult is the name of the output's only top-level list, or of
// the list whose name ends the operation's name.
func conventionalResult(p *Paginator) string {
	var lists []*Field
	for _, f := range p.Output.Fields {
		if f.Type.Kind == Slice {
			lists = append(lists, f)
		}
	}
	if len(lists) == 1 {
		return lists[0].Wire
	}
	for _, f := range lists {
		if strings.HasSuffix(strings.ToLower(p.Name), strings.ToLower(f.Wire)) {
			return f.Wire
		}
	}
	return ""
}

func outputPos(page *parser.Page) parser.Pos {
	if page.Output != nil {
		return page.Output.Pos
	}
	return parser.Pos{Line: 1, Col: 1}
}
