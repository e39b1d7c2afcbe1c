package parser

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/diag"
	"github.com/pagegen/pagegen/parser/rst"
	"github.com/pagegen/pagegen/parser/syntax"
)

// resumeTokenDoc is how boto3 documents its own resume token, which it shows
// as NextToken in a response whose output token has another name.
const resumeTokenDoc = "A token to resume pagination."

var (
	breadcrumbRE = regexp.MustCompile("^:doc:`([^<`]+?) <\\.\\./\\.\\./([^>`]+)>` / Paginator / (\\S+)$")
	classRE      = regexp.MustCompile(`^([A-Za-z0-9_]+)\.Paginator\.([A-Za-z0-9_]+)$`)
	methodRefRE  = regexp.MustCompile(":py:meth:`([A-Za-z0-9_]+)\\.Client\\.([a-z0-9_]+)`")
	seeAlsoRE    = regexp.MustCompile("^See also: `AWS API Documentation <([^>]+)>`_$")
)

// reader holds the state of reading one page.
type reader struct {
	file string
	errs diag.List
	// syntaxOnly is set while shapes are read from a syntax literal that
	// has no structure list beside it.
	syntaxOnly bool
}

func (r *reader) errorf(pos Pos, format string, args ...any) {
	r.errs = append(r.errs, &diag.Error{File: r.file, Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// Read parses one paginator page. file names the page in errors. The error,
// if any, is an diag.List of every problem found.
func Read(file string, src []byte) (*Page, error) {
	if err := checkInput(file, src); err != nil {
		return nil, diag.List{err}
	}
	doc, err := rst.Parse(file, src)
	if err != nil {
		return nil, diag.List{asError(file, err)}
	}
	r := &reader{file: file}
	page := r.page(doc)
	r.errs = checkEnd(file, src, doc, r.errs)
	r.errs.Sort()
	if err := r.errs.Err(); err != nil {
		return nil, err
	}
	return page, nil
}

func (r *reader) page(doc *rst.Node) *Page {
	p := &Page{File: r.file}
	if len(doc.Children) == 0 {
		r.errorf(diag.Start, "empty page: want a boto3 paginator page")
		return nil
	}
	first := doc.Children[0]
	m := breadcrumbRE.FindStringSubmatch(first.Text)
	if first.Kind != rst.Paragraph || m == nil {
		r.errorf(fromRST(first.Pos), "not a boto3 paginator page: want the breadcrumb line \":doc:`Service <../../service>` / Paginator / Name\" first")
		return nil
	}
	p.ServiceName, p.Service, p.Name = m[1], m[2], m[3]
	var class *rst.Node
	for _, n := range doc.Children[1:] {
		switch {
		case n.Kind == rst.Title && n.Text != p.Name:
			r.errorf(fromRST(n.Pos), "title %q does not match the paginator %q", n.Text, p.Name)
		case n.Kind == rst.Directive && n.Name == "py:class":
			class = n
		}
	}
	if class == nil {
		r.errorf(fromRST(doc.Children[len(doc.Children)-1].Pos), "no \".. py:class:: %s.Paginator.%s\" directive", p.ServiceName, p.Name)
		return nil
	}
	m = classRE.FindStringSubmatch(class.Text)
	if m == nil || m[1] != p.ServiceName || m[2] != p.Name {
		r.errorf(fromRST(class.Pos), "py:class %q does not name %s.Paginator.%s", class.Text, p.ServiceName, p.Name)
		return nil
	}
	var method *rst.Node
	for _, n := range class.Children {
		if n.Kind == rst.Directive && n.Name == "py:method" {
			method = n
		}
	}
	if method == nil || method.Text != "paginate(**kwargs)" {
		r.errorf(fromRST(class.Pos), "no \".. py:method:: paginate(**kwargs)\" directive in the class")
		return nil
	}
	r.method(p, method)
	applyAliases(p)
	return p
}

// method reads the body of the paginate method: its description, the
// Request Syntax, the parameters and the response.
func (r *reader) method(p *Page, method *rst.Node) {
	var (
		request       *rst.Node
		types         = map[string]*rst.Node{}
		params        = map[string]*rst.Node{}
		returns       *rst.Node
		nextIsRequest bool
		nextIsParams  bool
		noParams      bool // boto3 did not render the parameters
		docs          []*rst.Node
	)
	for _, n := range method.Children {
		if returns != nil {
			break // the response's sections, read by response
		}
		switch n.Kind {
		case rst.Paragraph:
			switch {
			case n.Text == "**Request Syntax**":
				nextIsRequest = true
				continue
			case n.Text == "**Parameters**":
				nextIsParams = true
				continue
			case seeAlsoRE.MatchString(n.Text):
				p.APIDocURL = seeAlsoRE.FindStringSubmatch(n.Text)[1]
			default:
				if m := methodRefRE.FindStringSubmatch(n.Text); m != nil && p.Method == "" {
					p.Method = m[2]
				}
				docs = append(docs, n)
			}
		case rst.Literal:
			if nextIsRequest {
				request = n
			}
			if nextIsParams && notRendered(n) {
				noParams = true
				p.Unrendered = append(p.Unrendered, "Parameters")
			}
		case rst.Field:
			kind, name, _ := strings.Cut(n.Name, " ")
			switch kind {
			case "type":
				types[name] = n
			case "param":
				params[name] = n
			case "returns":
				returns = n
			}
		}
		nextIsRequest, nextIsParams = false, false
	}
	p.Doc = rst.BlocksMarkdown(docs)
	if p.Method == "" {
		r.errorf(fromRST(method.Pos), "the paginate method does not name the client method it pages through")
	}
	if request == nil {
		r.errorf(fromRST(method.Pos), "no Request Syntax block")
		return
	}
	args, err := syntax.ParseRequest(r.file, request.Text, syntax.Pos(request.Pos), request.Pos.Col-1)
	if err != nil {
		r.errs = append(r.errs, asError(r.file, err))
		return
	}
	seen := map[string]bool{}
	for _, a := range args {
		seen[a.Name] = true
		if a.Name == "PaginationConfig" {
			p.PageSize = r.pageSize(a)
			continue
		}
		pos := fromSyntax(a.Pos)
		if noParams {
			r.syntaxOnly = true
			if m := r.member(a.Name, pos, false, docTypes[a.Value.Kind], pos, nil, a.Value, nil); m != nil {
				p.Input = append(p.Input, m)
			}
			r.syntaxOnly = false
			continue
		}
		t, ok := types[a.Name]
		param := params[a.Name]
		if !ok || param == nil {
			r.errorf(pos, "parameter %s has no :type and :param fields", a.Name)
			continue
		}
		if m := r.param(a.Name, pos, t, param, a.Value); m != nil {
			p.Input = append(p.Input, m)
		}
	}
	// boto3 leaves out of the syntax the parameters it fills in itself
	// (Glacier's accountId, S3's SSECustomerKeyMD5) but documents them:
	// they are read from the documentation alone, in its order.
	var extra bool
	for name, t := range types {
		if seen[name] {
			continue
		}
		if params[name] == nil {
			r.errorf(fromRST(t.Pos), "parameter %s has a :type but no :param field", name)
			continue
		}
		if m := r.param(name, fromRST(t.Pos), t, params[name], nil); m != nil {
			p.Input = append(p.Input, m)
			extra = true
		}
	}
	if extra {
		sort.SliceStable(p.Input, func(i, j int) bool {
			return types[p.Input[i].Name].Pos.Line < types[p.Input[j].Name].Pos.Line
		})
	}
	p.Output = r.response(p, returns, method)
}

// param reads one documented parameter; v is its syntax, or nil when the
// syntax does not show it.
func (r *reader) param(name string, pos Pos, t, param *rst.Node, v *syntax.Value) *Member {
	typ := strings.TrimSpace(fieldText(t))
	body := param.Children
	required := false
	if len(body) > 0 && body[0].Kind == rst.Paragraph && strings.HasPrefix(body[0].Text, "**[REQUIRED]**") {
		required = true
		rest := strings.TrimSpace(strings.TrimPrefix(body[0].Text, "**[REQUIRED]**"))
		if rest == "" {
			body = body[1:]
		} else {
			body = append([]*rst.Node{{Kind: rst.Paragraph, Pos: body[0].Pos, Text: rest}}, body[1:]...)
		}
	}
	return r.member(name, pos, required, typ, fromRST(t.Pos), body, v, nil)
}

// notRendered reports a literal block in which boto3 says that a section
// is too large to render.
func notRendered(n *rst.Node) bool {
	return n.Kind == rst.Literal && strings.Contains(n.Text, "This section is too large to render.")
}

// pageSize reports whether PaginationConfig documents PageSize.
func (r *reader) pageSize(a *syntax.Member) bool {
	if a.Value.Kind != syntax.Struct {
		r.errorf(fromSyntax(a.Value.Pos), "PaginationConfig is a %s, want a dict", a.Value.Kind)
		return false
	}
	for _, m := range a.Value.Members {
		if m.Name == "PageSize" {
			return true
		}
	}
	return false
}

// response reads the body of the :returns: field.
func (r *reader) response(p *Page, returns, method *rst.Node) *Shape {
	if returns == nil {
		r.errorf(fromRST(method.Pos), "no :returns: field documenting the response")
		return nil
	}
	var lit, structure *rst.Node
	noStructure := false // boto3 did not render the Response Structure
	next := ""
	// Where boto3 did not render a section, the page's indentation puts
	// the response's sections after the :returns: field, not inside it.
	// and may indent the Response Structure as a block quote.
	after := returns.Children
	if i := slices.Index(method.Children, returns); i >= 0 {
		after = append(slices.Clip(after), method.Children[i+1:]...)
	}
	var nodes []*rst.Node
	for _, n := range after {
		if n.Kind == rst.BlockQuote {
			nodes = append(nodes, n.Children...)
		} else {
			nodes = append(nodes, n)
		}
	}
	for _, n := range nodes {
		switch {
		case n.Kind == rst.Paragraph && (n.Text == "**Response Syntax**" || n.Text == "**Response Structure**"):
			next = n.Text
			continue
		case n.Kind == rst.Literal && next == "**Response Syntax**":
			lit = n
		case n.Kind == rst.BulletList && next == "**Response Structure**":
			structure = n
		case notRendered(n) && next == "**Response Structure**":
			noStructure = true
		}
		if n.Kind != rst.Paragraph || n.Text != "" {
			next = ""
		}
	}
	if lit == nil {
		r.errorf(fromRST(returns.Pos), "no Response Syntax block")
		return nil
	}
	var v *syntax.Value
	if notRendered(lit) {
		p.Unrendered = append(p.Unrendered, "Response Syntax")
	} else {
		var err error
		v, err = syntax.ParseResponse(r.file, lit.Text, syntax.Pos(lit.Pos), lit.Pos.Col-1)
		if err != nil {
			r.errs = append(r.errs, asError(r.file, err))
			return nil
		}
	}
	if noStructure {
		p.Unrendered = append(p.Unrendered, "Response Structure")
		if v == nil {
			// Neither view: the response's members are unknown.
			return &Shape{Kind: Structure, Pos: fromRST(returns.Pos)}
		}
		return r.syntaxResponse(p, v)
	}
	if structure == nil || len(structure.Children) != 1 {
		r.errorf(fromRST(returns.Pos), "no Response Structure list with one top-level dict")
		return nil
	}
	it, ok := r.item(structure.Children[0])
	if !ok {
		return nil
	}
	if it.name != "" || it.typ != "dict" {
		r.errorf(it.pos, "the Response Structure starts with %q, want an unnamed dict", it.typ)
		return nil
	}
	// boto3 shows its own resume token as NextToken when the output token
	// has another name; it is not a member of the response.
	body, resume := r.withoutResumeToken(it.body)
	if resume {
		p.ResumeToken = true
		if v != nil {
			v = withoutNextToken(v)
		}
	}
	s := r.shape(it.pos, "dict", frame{}, body, v, nil)
	if s != nil && s.Kind != Structure {
		r.errorf(it.pos, "the response is a %s, want a structure", s.Kind)
		return nil
	}
	return s
}

// syntaxResponse reads a response from its syntax alone. A NextToken
// there is taken for boto3's resume token, as the Response Structure
// would show.
func (r *reader) syntaxResponse(p *Page, v *syntax.Value) *Shape {
	if v.Kind != syntax.Struct {
		r.errorf(fromSyntax(v.Pos), "the response is a %s, want a structure", v.Kind)
		return nil
	}
	if w := withoutNextToken(v); len(w.Members) != len(v.Members) {
		p.ResumeToken = true
		v = w
	}
	r.syntaxOnly = true
	defer func() { r.syntaxOnly = false }()
	return r.shape(fromSyntax(v.Pos), "dict", frame{}, nil, v, nil)
}

// withoutNextToken returns a structure value without its NextToken member.
func withoutNextToken(v *syntax.Value) *syntax.Value {
	if v.Kind != syntax.Struct {
		return v
	}
	kept := make([]*syntax.Member, 0, len(v.Members))
	for _, m := range v.Members {
		if m.Name != "NextToken" {
			kept = append(kept, m)
		}
	}
	return &syntax.Value{Kind: v.Kind, Pos: v.Pos, Members: kept}
}

// withoutResumeToken returns the response's structure body without the
// NextToken item that documents boto3's own resume token, and whether
// there was one.
func (r *reader) withoutResumeToken(body []*rst.Node) ([]*rst.Node, bool) {
	for i, n := range body {
		if !isItemList(n) {
			continue
		}
		for j, itemNode := range n.Children {
			it, ok := r.item(itemNode)
			if !ok || it.name != "NextToken" {
				continue
			}
			docs, _, _, _ := r.split(it.body)
			if strings.TrimSpace(rst.BlocksMarkdown(docs)) != resumeTokenDoc {
				return body, false
			}
			list := *n
			list.Children = append(append([]*rst.Node{}, n.Children[:j]...), n.Children[j+1:]...)
			out := append([]*rst.Node{}, body...)
			out[i] = &list
			return out, true
		}
	}
	return body, false
}

// fieldText is the text of a field's first paragraph: ":type State: string".
func fieldText(f *rst.Node) string {
	if len(f.Children) > 0 && f.Children[0].Kind == rst.Paragraph {
		return f.Children[0].Text
	}
	return ""
}
