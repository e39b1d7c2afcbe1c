package model

import (
	"strings"
	"unicode"

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
	if !ok && page.ResumeToken {
		b.errorf(page.File, outputPos(page), "the response shows boto3's resume token, so %s's output token is not NextToken; name its tokens in paginators.json", p.Name)
		return false
	}
	if !ok {
		token, limit := "NextToken", "MaxResults"
		if camelCase(page) {
			token, limit = "nextToken", "maxResults"
		}
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
	for _, name := range cfg.InputToken {
		p.InputTokens = append(p.InputTokens, hiddenField(p.Input, name, &TypeRef{Kind: String}, false,
			"The token of the page to fetch. The paginator sets it from the previous page or the StartingToken."))
	}
	for _, name := range cfg.OutputToken {
		if strings.ContainsAny(name, ".[|") {
			b.errorf(page.File, outputPos(page), "output token %q is a path; only top-level members are supported", name)
			return false
		}
		p.OutputTokens = append(p.OutputTokens, hiddenField(p.Output, name, &TypeRef{Kind: String}, false,
			"The token of the next page; empty on the last page."))
	}
	if cfg.LimitKey != "" {
		p.Limit = hiddenField(p.Input, cfg.LimitKey, &TypeRef{Kind: Int64}, true,
			"The most items a page may hold. The paginator sets it from PageSize.")
	}
	if cfg.MoreResults != "" {
		p.MoreResults = hiddenField(p.Output, cfg.MoreResults, &TypeRef{Kind: Bool}, true,
			"Whether more pages follow.")
	}
	if len(cfg.ResultKey) == 0 {
		b.errorf(page.File, outputPos(page), "paginators.json names no result_key for %s", p.Name)
		return false
	}
	for _, f := range p.Output.Fields {
		if f.Wire == cfg.ResultKey[0] {
			p.Result = f
		}
	}
	if p.Result == nil || p.Result.Type.Kind != Slice {
		b.errorf(page.File, outputPos(page), "result key %q is not a top-level list of %sOutput", cfg.ResultKey[0], p.Name)
		return false
	}
	return true
}

// hiddenField returns the member of t named wire, adding it as a hidden
// field of the given type and doc when the page did not show it.
func hiddenField(t *Type, wire string, typ *TypeRef, pointer bool, doc string) *Field {
	for _, f := range t.Fields {
		if f.Wire == wire {
			return f
		}
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
			for _, r := range m.Name {
				if unicode.IsLower(r) {
					lower++
				} else {
					upper++
				}
				break
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
