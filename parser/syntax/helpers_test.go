package syntax

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// dumpValue writes a readable dump of v: one line per value, giving its
// kind and position, children indented below it.
func dumpValue(b *strings.Builder, v *Value, indent string) {
	if v == nil {
		b.WriteString("<nil>\n")
		return
	}
	fmt.Fprintf(b, "%s @%s", v.Kind, v.Pos)
	if v.Kind == Enum {
		b.WriteString(" ")
		for i, e := range v.Enum {
			if i > 0 {
				b.WriteString("|")
			}
			b.WriteString(strconv.Quote(e))
		}
	}
	if v.Kind == Struct && len(v.Members) == 0 {
		b.WriteString(" (empty)")
	}
	b.WriteString("\n")
	inner := indent + "  "
	for _, m := range v.Members {
		dumpMember(b, m, inner)
	}
	if v.Key != nil {
		b.WriteString(inner + "key: ")
		dumpValue(b, v.Key, inner)
	}
	if v.Elem != nil {
		b.WriteString(inner + "elem: ")
		dumpValue(b, v.Elem, inner)
	}
}

var plainName = regexp.MustCompile(`^[A-Za-z0-9_.:-]+$`)

// dumpMember writes "Name @pos: " and the dump of the member's value.
func dumpMember(b *strings.Builder, m *Member, indent string) {
	name := m.Name
	if !plainName.MatchString(name) {
		name = strconv.Quote(name)
	}
	fmt.Fprintf(b, "%s%s @%s: ", indent, name, m.Pos)
	dumpValue(b, m.Value, indent)
}

// dumpRequest dumps the arguments of a request.
func dumpRequest(args []*Member) string {
	if len(args) == 0 {
		return "(no arguments)\n"
	}
	var b strings.Builder
	for _, m := range args {
		dumpMember(&b, m, "")
	}
	return b.String()
}

// dumpResponse dumps a response value.
func dumpResponse(v *Value) string {
	var b strings.Builder
	dumpValue(&b, v, "")
	return b.String()
}

// block is one Request Syntax or Response Syntax literal block of a page.
type block struct {
	Request bool   // Request Syntax, or else Response Syntax
	Src     string // text with the common indentation removed
	Start   Pos    // file position of Src's first byte
	Indent  int    // indentation removed from every line
}

func leadingSpaces(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// extractBlocks returns the literal blocks that follow "**Request Syntax**"
// and "**Response Syntax**" paragraphs in an rst page: the "::" line after
// the heading, then every following line that is blank or indented more
// than the "::".
func extractBlocks(page string) ([]block, error) {
	lines := strings.Split(page, "\n")
	var blocks []block
	for i, l := range lines {
		head := strings.TrimSpace(l)
		if head != "**Request Syntax**" && head != "**Response Syntax**" {
			continue
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j == len(lines) || strings.TrimSpace(lines[j]) != "::" {
			return nil, fmt.Errorf("line %d: %s not followed by '::'", i+1, head)
		}
		base := leadingSpaces(lines[j])
		first, last := -1, -1
		for k := j + 1; k < len(lines); k++ {
			if strings.TrimSpace(lines[k]) == "" {
				continue
			}
			if leadingSpaces(lines[k]) <= base {
				break
			}
			if first < 0 {
				first = k
			}
			last = k
		}
		if first < 0 {
			return nil, fmt.Errorf("line %d: empty literal block after %s", j+1, head)
		}
		common := -1
		for _, line := range lines[first : last+1] {
			if strings.TrimSpace(line) != "" && (common < 0 || leadingSpaces(line) < common) {
				common = leadingSpaces(line)
			}
		}
		var src []string
		for _, line := range lines[first : last+1] {
			src = append(src, line[min(common, leadingSpaces(line)):])
		}
		blocks = append(blocks, block{
			Request: head == "**Request Syntax**",
			Src:     strings.Join(src, "\n"),
			Start:   Pos{first + 1, common + 1},
			Indent:  common,
		})
	}
	return blocks, nil
}
