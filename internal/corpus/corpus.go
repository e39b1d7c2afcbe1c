// Package corpus is the test fixture of every paginator page that boto3
// 1.43.11 documents, with botocore's models reduced to what each page should
// say. scripts/corpus.py writes both files in testdata; tests read them
// through this package and need no Python.
package corpus

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
)

//go:embed testdata/pages.tar.gz testdata/truth.json.gz
var files embed.FS

// Specs returns the corpus as a specs folder: slash paths such as
// "ssm/paginator/DescribeSessions.rst" and "ssm/paginators.json" mapped to
// their bytes. Each call returns a fresh map the caller may change.
func Specs() (map[string][]byte, error) {
	specsOnce.Do(func() { specs, specsErr = readSpecs() })
	if specsErr != nil {
		return nil, specsErr
	}
	out := make(map[string][]byte, len(specs))
	for name, b := range specs {
		out[name] = b
	}
	return out, nil
}

var (
	specsOnce sync.Once
	specs     map[string][]byte
	specsErr  error
)

func readSpecs() (map[string][]byte, error) {
	r, err := gunzip("testdata/pages.tar.gz")
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("corpus: pages.tar.gz: %w", err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("corpus: pages.tar.gz: %s: %w", h.Name, err)
		}
		out[h.Name] = b
	}
}

// Pages returns the paths of the corpus's pages (not its paginators.json
// files), sorted.
func Pages(specs map[string][]byte) []string {
	var out []string
	for name := range specs {
		if strings.HasSuffix(name, ".rst") {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

func gunzip(name string) (io.Reader, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", name, err)
	}
	return zr, nil
}

// Truth is botocore's view of the corpus.
type Truth struct {
	Boto3    string              `json:"boto3"`
	Botocore string              `json:"botocore"`
	Services map[string]*Service `json:"services"`
}

// Service is one service's paginators and the shapes they reach.
type Service struct {
	Client     string                `json:"client"`    // the client class name: "SSM"
	ServiceID  string                `json:"serviceId"` // the service's ID, which names its aws-sdk-go-v2 package: "CloudWatch Logs"
	Protocol   string                `json:"protocol"`  // botocore's protocol: "json", "rest-xml", "ec2"...
	Paginators map[string]*Paginator `json:"paginators"`
	Shapes     map[string]*Shape     `json:"shapes"`
}

// Paginator is what one page should show, and its paginators.json entry.
type Paginator struct {
	InputShape  string   `json:"inputShape"`  // the request shape's name, "" if none
	OutputShape string   `json:"outputShape"` // the response shape's name, "" if none
	Input       []Member `json:"input"`       // the request members, without input tokens and limit key
	Output      []Member `json:"output"`      // the response members, without output tokens
	Config      Config   `json:"config"`
}

// Config is a paginators.json entry.
type Config struct {
	InputToken       StringList `json:"input_token"`
	OutputToken      StringList `json:"output_token"`
	LimitKey         string     `json:"limit_key"`
	ResultKey        StringList `json:"result_key"`
	MoreResults      string     `json:"more_results"`
	NonAggregateKeys StringList `json:"non_aggregate_keys"`
}

// StringList is a JSON string or list of strings.
type StringList []string

// UnmarshalJSON accepts a string or a list of strings.
func (s *StringList) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var one string
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*s = StringList{one}
		return nil
	}
	return json.Unmarshal(b, (*[]string)(s))
}

// Shape is one named shape of botocore's model.
type Shape struct {
	// Kind is one of string, enum, integer (integer and long), float
	// (float and double), boolean, timestamp, blob, document, structure,
	// list and map.
	Kind    string   `json:"kind"`
	Enum    []string `json:"enum"`    // enum values
	Union   bool     `json:"union"`   // a structure that is a tagged union
	Members []Member `json:"members"` // structure members
	Member  string   `json:"member"`  // list element shape
	Key     string   `json:"key"`     // map key shape
	Value   string   `json:"value"`   // map value shape
}

// Member is one member of a structure.
type Member struct {
	Name       string
	Shape      string // the member's shape name
	Required   bool
	Documented bool // the model has a description for the member
}

// UnmarshalJSON reads the [name, shape, required, documented] form.
func (m *Member) UnmarshalJSON(b []byte) error {
	return json.Unmarshal(b, &[]any{&m.Name, &m.Shape, &m.Required, &m.Documented})
}

// LoadTruth returns the ground truth.
func LoadTruth() (*Truth, error) {
	r, err := gunzip("testdata/truth.json.gz")
	if err != nil {
		return nil, err
	}
	var t Truth
	if err := json.NewDecoder(r).Decode(&t); err != nil {
		return nil, fmt.Errorf("corpus: truth.json.gz: %w", err)
	}
	return &t, nil
}
