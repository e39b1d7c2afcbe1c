package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/pagegen/pagegen/diag"
)

// PaginatorConfig is one paginator of botocore's paginators-1.json format:
// the pagination members that boto3 hides from the page.
type PaginatorConfig struct {
	InputToken       []string // the request members that carry the token
	OutputToken      []string // the response members (or paths) that carry the next token
	LimitKey         string   // the request member that carries PageSize
	ResultKey        []string // the response lists that are paged; the first is the primary
	MoreResults      string   // a response member that says whether more pages follow
	NonAggregateKeys []string // response members that are not paged but kept from the first page
}

// stringList is a JSON value that is a string or a list of strings.
type stringList []string

// UnmarshalJSON accepts a string or a list of strings.
func (s *stringList) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*s = []string{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("want a string or a list of strings")
	}
	*s = many
	return nil
}

// ReadPaginators parses a paginators.json file in botocore's
// paginators-1.json format and returns its paginators by name.
func ReadPaginators(file string, src []byte) (map[string]PaginatorConfig, error) {
	var doc struct {
		Pagination map[string]json.RawMessage `json:"pagination"`
	}
	if err := json.Unmarshal(src, &doc); err != nil {
		return nil, diag.List{jsonError(file, src, err)}
	}
	out := make(map[string]PaginatorConfig, len(doc.Pagination))
	names := make([]string, 0, len(doc.Pagination))
	for name := range doc.Pagination {
		names = append(names, name)
	}
	sort.Strings(names)
	var errs diag.List
	for _, name := range names {
		// Errors inside an entry are placed at the entry's name.
		key, _ := json.Marshal(name)
		pos := position(src, int64(bytes.Index(src, key)))
		var p struct {
			InputToken       stringList `json:"input_token"`
			OutputToken      stringList `json:"output_token"`
			LimitKey         string     `json:"limit_key"`
			ResultKey        stringList `json:"result_key"`
			MoreResults      string     `json:"more_results"`
			NonAggregateKeys stringList `json:"non_aggregate_keys"`
		}
		if err := json.Unmarshal(doc.Pagination[name], &p); err != nil {
			errs = append(errs, &diag.Error{File: file, Pos: pos, Msg: fmt.Sprintf("paginator %s: %s", name, jsonError(file, nil, err).Msg)})
			continue
		}
		if len(p.InputToken) == 0 || len(p.InputToken) != len(p.OutputToken) {
			errs = append(errs, &diag.Error{File: file, Pos: pos, Msg: fmt.Sprintf("paginator %s: input_token and output_token must name as many members", name)})
			continue
		}
		out[name] = PaginatorConfig{
			InputToken:       p.InputToken,
			OutputToken:      p.OutputToken,
			LimitKey:         p.LimitKey,
			ResultKey:        p.ResultKey,
			MoreResults:      p.MoreResults,
			NonAggregateKeys: p.NonAggregateKeys,
		}
	}
	return out, errs.Err()
}

// jsonError places a JSON decoding error at its line and column.
func jsonError(file string, src []byte, err error) *diag.Error {
	offset := int64(0)
	msg := err.Error()
	switch e := err.(type) {
	case *json.SyntaxError:
		offset = e.Offset
	case *json.UnmarshalTypeError:
		offset = e.Offset
		field := e.Field
		if field == "" {
			field = "the document"
		}
		want := "a " + e.Type.Kind().String()
		switch e.Type.Kind() {
		case reflect.Map, reflect.Struct:
			want = "an object"
		case reflect.Slice:
			want = "a list of strings"
		}
		msg = fmt.Sprintf("%s is a %s, want %s", field, e.Value, want)
	default:
		msg = strings.TrimPrefix(msg, "json: ")
	}
	return &diag.Error{File: file, Pos: position(src, offset), Msg: msg}
}

// position is the line and column of a byte offset in src.
func position(src []byte, offset int64) Pos {
	pos := diag.Start
	for i := int64(0); i < offset && i < int64(len(src)); i++ {
		if src[i] == '\n' {
			pos.Line++
			pos.Col = 1
		} else {
			pos.Col++
		}
	}
	return pos
}
