package e2e

import (
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pagegen/pagegen/internal/moto"
)

// recorder is a FaultProxy in front of the server that fails nothing and
// records each request that passes it (see request), so that a test can
// compare what boto3 and the generated paginator sent, including the
// members that moto ignores.
type recorder struct {
	proxy *moto.FaultProxy
	mu    sync.Mutex
	texts []string
}

// newRecorder starts a recorder in front of the server s that leaves out
// the query parameters named in ignore; it stops when the test ends.
func newRecorder(t *testing.T, s *moto.Server, ignore []string) *recorder {
	t.Helper()
	r := &recorder{proxy: moto.NewFaultProxy(t, s.URL)}
	r.proxy.Fail(func(_ int, req *http.Request) moto.Fault {
		text := request(req, ignore)
		r.mu.Lock()
		defer r.mu.Unlock()
		r.texts = append(r.texts, text)
		return moto.Pass
	})
	return r
}

// URL returns the endpoint of the recorder.
func (r *recorder) URL() string { return r.proxy.URL() }

// take returns the requests recorded since the last take, in the order
// they came.
func (r *recorder) take() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	texts := r.texts
	r.texts = nil
	return texts
}

// request returns what a request asks the server for, as the text of a
// normalised JSON object: its method, its path (unescaped), its query
// parameters but those named in ignore, and its parameters in the body:
// a JSON document and the X-Amz-Target header that names the operation
// (JSON protocols), or form parameters (query and EC2 protocols). Two SDKs
// that send the same parameters give the same text, whatever their
// headers, their order of parameters and their escaping.
func request(r *http.Request, ignore []string) string {
	m := map[string]any{"method": r.Method, "path": r.URL.Path}
	q := r.URL.Query()
	for _, name := range ignore {
		q.Del(name)
	}
	if len(q) > 0 {
		m["query"] = values(q)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		m["body error"] = err.Error()
	}
	mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case len(body) == 0:
	case strings.HasPrefix(mediaType, "application/x-amz-json"):
		m["target"] = r.Header.Get("X-Amz-Target")
		if doc, err := canonical(body); err == nil {
			m["json"] = doc
		} else {
			m["body"] = string(body)
		}
	case mediaType == "application/x-www-form-urlencoded":
		if form, err := url.ParseQuery(string(body)); err == nil {
			m["form"] = values(form)
		} else {
			m["body"] = string(body)
		}
	default:
		m["body"] = string(body)
	}
	return text(normaliseAny(m))
}

// values returns query or form parameters as a JSON object, each
// parameter's values sorted.
func values(v url.Values) map[string]any {
	out := make(map[string]any, len(v))
	for k, vs := range v {
		list := make([]any, 0, len(vs))
		for _, s := range slices.Sorted(slices.Values(vs)) {
			list = append(list, s)
		}
		out[k] = list
	}
	return out
}
