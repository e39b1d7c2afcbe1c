package parser

import (
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pagegen/pagegen/internal/corpus"
)

// truthExceptions are the mismatches where a page cannot say what
// botocore's model says, each with its reason. TestTruth fails on a
// mismatch that no exception names, and on an exception that names none.
var truthExceptions = []struct {
	reason string
	match  func(m mismatch) bool
}{
	{"boto3 replaced the section with \"This section is too large to render\": read from the other view, the members have no descriptions, enum values, union notes or required marks, and with neither view the response has no members",
		func(m mismatch) bool { return m.unrendered }},
	{"boto3 writes every map key as 'string', enum keys too",
		func(m mismatch) bool {
			return strings.HasSuffix(m.path, "{key}") && strings.HasPrefix(m.msg, "kind string, want enum")
		}},
	{"boto3 fills in Glacier's accountId (\"-\") and does not mark it required",
		func(m mismatch) bool {
			return strings.HasPrefix(m.op, "glacier/") && m.path == "request.accountId" && m.msg == "required false, want true"
		}},
	{"the page does not say which enclosing shape a recursive marker refers to, and recursionTarget's rule picks another",
		func(m mismatch) bool {
			switch m.op + " " + m.path {
			case "glue/GetTableVersions response.TableVersions[].Table.Status.Details.RequestedChange",
				"glue/GetTables response.TableList[].Status.Details.RequestedChange",
				"qconnect/QueryAssistant response.results[].data.details.emailGenerativeAnswerChunkData.references[]",
				"qconnect/QueryAssistant response.results[].data.details.generativeChunkData.references[]",
				"qconnect/QueryAssistant response.results[].data.details.generativeData.references[]":
				return strings.HasPrefix(m.msg, "recursive to ")
			}
			return false
		}},
}

// TestTruth reads every page of the corpus and compares it, member by
// member, with botocore's model: names and their order, kinds, enum
// values, required flags, nesting, recursion targets, unions, documents,
// and that every documented member keeps a description.
func TestTruth(t *testing.T) {
	specs, err := corpus.Specs()
	require.NoError(t, err)
	truth, err := corpus.LoadTruth()
	require.NoError(t, err)

	var c truthCheck
	pages := corpus.Pages(specs)
	readErrs := 0
	for _, name := range pages {
		svc, rest, _ := strings.Cut(name, "/")
		op := strings.TrimSuffix(strings.TrimPrefix(rest, "paginator/"), ".rst")
		st := truth.Services[svc]
		require.NotNil(t, st, name)
		pt := st.Paginators[op]
		require.NotNil(t, pt, name)
		page, err := Read(name, specs[name])
		if err != nil {
			readErrs++
			t.Errorf("%v", err)
			continue
		}
		c.page(svc+"/"+op, page, st, pt)
	}
	var unexpected []string
	excepted := make([]int, len(truthExceptions))
	exceptedMembers := map[string]bool{}
	for _, m := range c.mismatches {
		i := slices.IndexFunc(truthExceptions, func(e struct {
			reason string
			match  func(m mismatch) bool
		}) bool {
			return e.match(m)
		})
		if i < 0 {
			unexpected = append(unexpected, m.op+" "+m.path+": "+m.msg)
			continue
		}
		excepted[i]++
		exceptedMembers[m.op+" "+m.path] = true
	}
	for i, e := range truthExceptions {
		if excepted[i] == 0 {
			unexpected = append(unexpected, "exception matches nothing: "+e.reason)
		}
	}
	sort.Strings(unexpected)
	t.Logf("pages read: %d / %d", len(pages)-readErrs, len(pages))
	t.Logf("members matched: %d / %d; pages exact: %d / %d", c.members-c.badMembers, c.members, c.pages-len(c.badPages), c.pages)
	for i, e := range truthExceptions {
		t.Logf("exception: %d mismatches: %s", excepted[i], e.reason)
	}
	t.Logf("unexpected mismatches: %d", len(unexpected))
	for i, u := range unexpected {
		if i == *truthShow {
			t.Errorf("... and %d more", len(unexpected)-i)
			break
		}
		t.Error(u)
	}
}

var truthShow = flag.Int("truth.show", 50, "how many unexpected truth mismatches TestTruth prints")

// mismatch is one difference between a page and botocore's model.
type mismatch struct {
	op, path, msg string
	// unrendered reports a mismatch in a part of the page that boto3 did
	// not render.
	unrendered bool
}

// truthCheck walks a page's shapes beside botocore's.
type truthCheck struct {
	members, badMembers, pages int
	badPages                   map[string]bool
	mismatches                 []mismatch

	op      string
	shapes  map[string]*corpus.Shape
	names   map[*Shape]string // the botocore shape each page shape stands for
	stack   []string          // the botocore shape names being documented
	bad     bool              // the current member has a mismatch
	request bool              // the request is being compared
	// unrendered reports that the part being compared was not rendered.
	unrendered bool
}

func (c *truthCheck) page(op string, p *Page, st *corpus.Service, pt *corpus.Paginator) {
	c.pages++
	c.op, c.shapes, c.names = op, st.Shapes, map[*Shape]string{}
	if p.ServiceName != st.Client {
		c.fail("", "client %q, want %q", p.ServiceName, st.Client)
	}
	c.stack, c.request = []string{pt.InputShape}, true
	c.unrendered = slices.Contains(p.Unrendered, "Parameters")
	c.members0("request", p.Input, pt.Input)
	c.stack, c.request = []string{pt.OutputShape}, false
	c.unrendered = slices.Contains(p.Unrendered, "Response Syntax") || slices.Contains(p.Unrendered, "Response Structure")
	var out []*Member
	if p.Output != nil {
		out = p.Output.Members
		c.names[p.Output] = pt.OutputShape
	}
	c.members0("response", out, pt.Output)
}

func (c *truthCheck) fail(path, format string, args ...any) {
	if c.badPages == nil {
		c.badPages = map[string]bool{}
	}
	c.badPages[c.op] = true
	c.bad = true
	c.mismatches = append(c.mismatches, mismatch{op: c.op, path: path, msg: fmt.Sprintf(format, args...), unrendered: c.unrendered})
}

// members0 compares a member list; path names the list's owner.
func (c *truthCheck) members0(path string, got []*Member, want []corpus.Member) {
	gotNames := make([]string, len(got))
	for i, m := range got {
		gotNames[i] = m.WireName()
	}
	wantNames := make([]string, len(want))
	for i, m := range want {
		wantNames[i] = m.Name
	}
	if !slices.Equal(gotNames, wantNames) {
		c.fail(path, "members %v, want %v", gotNames, wantNames)
	}
	byName := map[string]*Member{}
	for _, m := range got {
		byName[m.WireName()] = m
	}
	for _, w := range want {
		c.members++
		g := byName[w.Name]
		if g == nil {
			c.badMembers++
			continue
		}
		c.bad = false
		p := path + "." + w.Name
		// Response Structures carry no [REQUIRED] marks.
		if c.request && g.Required != w.Required {
			c.fail(p, "required %v, want %v", g.Required, w.Required)
		}
		if w.Documented && strings.TrimSpace(g.Doc) == "" {
			c.fail(p, "no description, botocore has one")
		}
		c.shape(p, g.Shape, w.Shape)
		if c.bad {
			c.badMembers++
		}
	}
}

var truthKinds = map[string]Kind{
	"string": String, "enum": Enum, "integer": Integer, "float": Float, "boolean": Boolean,
	"timestamp": Timestamp, "blob": Blob, "document": Document, "structure": Structure,
	"list": List, "map": Map,
}

// shape compares a page shape with the botocore shape called name.
func (c *truthCheck) shape(path string, got *Shape, name string) {
	if got == nil {
		c.fail(path, "no shape, want %s", name)
		return
	}
	want := c.shapes[name]
	if slices.Contains(c.stack, name) {
		// boto3 prints a shape that is being documented as recursive.
		if got.Kind != Recursive {
			c.fail(path, "kind %v, want recursive (%s)", got.Kind, name)
			return
		}
		if target := c.names[got.Target]; target != name {
			c.fail(path, "recursive to %s, want %s", target, name)
		}
		return
	}
	if k := truthKinds[want.Kind]; got.Kind != k {
		c.fail(path, "kind %v, want %s (%s)", got.Kind, want.Kind, name)
		return
	}
	c.names[got] = name
	c.stack = append(c.stack, name)
	defer func() { c.stack = c.stack[:len(c.stack)-1] }()
	switch got.Kind {
	case Enum:
		if !slices.Equal(got.Enum, want.Enum) {
			c.fail(path, "enum %q, want %q", got.Enum, want.Enum)
		}
	case Structure:
		if got.Union != want.Union {
			c.fail(path, "union %v, want %v", got.Union, want.Union)
		}
		bad := c.bad
		c.members0(path, got.Members, want.Members)
		c.bad = bad
	case List:
		c.shape(path+"[]", got.Elem, want.Member)
	case Map:
		c.shape(path+"{key}", got.Key, want.Key)
		c.shape(path+"{}", got.Elem, want.Value)
	}
}
