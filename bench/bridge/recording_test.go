package bridge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"unicode/utf8"
)

// recordings is the folder of the recorded responses, one file per
// operation, named after it: dynamodb-scan.json.
const recordings = "../testdata/bridge"

// A recording is one HTTP response as the SDK's HTTP client returned it,
// and the request it answered. Its file is its JSON encoding: the body is
// a string, since every response recorded is UTF-8 text (JSON or XML).
type recording struct {
	// Operation names the call: "DynamoDB Scan".
	Operation string `json:"operation"`
	// Request is the method and the path of the request, with its query:
	// "POST /". It is there for readers; replaying does not look at it.
	Request string `json:"request"`
	// Status is the HTTP status code.
	Status int `json:"status"`
	// Header is the response's header, as the client returned it.
	Header http.Header `json:"header"`
	// Body is the response's body.
	Body string `json:"body"`
}

// path returns the file of the recording named name.
func path(name string) string {
	return filepath.Join(recordings, name+".json")
}

// load reads the recording named name.
func load(name string) (*recording, error) {
	data, err := os.ReadFile(path(name))
	if err != nil {
		return nil, fmt.Errorf("loading a recording: %w", err)
	}
	var r recording
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("%s: %w", path(name), err)
	}
	if r.Status == 0 || r.Body == "" {
		return nil, fmt.Errorf("%s: no status or no body", path(name))
	}
	return &r, nil
}

// save writes r as the recording named name, with its body's characters
// as they are (no \u003c for "<").
func save(name string, r *recording) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("encoding the recording of %s: %w", r.Operation, err)
	}
	if err := os.WriteFile(path(name), buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing the recording of %s: %w", r.Operation, err)
	}
	return nil
}

// replay is an HTTP client for the SDK (aws.HTTPClient) that answers every
// request with one recorded response, without a network: it reads and
// closes the request's body, as a transport would, and returns a new
// response with a copy of the recorded header and a new reader over the
// recorded body.
type replay struct {
	status int
	header http.Header
	body   []byte
}

// newReplay returns the client that answers with r.
func newReplay(r *recording) *replay {
	return &replay{status: r.Status, header: r.Header, body: []byte(r.Body)}
}

// Do answers req with the recorded response.
func (p *replay) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		if _, err := io.Copy(io.Discard, req.Body); err != nil {
			return nil, fmt.Errorf("replay: reading the body of %s %s: %w", req.Method, req.URL, err)
		}
		if err := req.Body.Close(); err != nil {
			return nil, fmt.Errorf("replay: closing the body of %s %s: %w", req.Method, req.URL, err)
		}
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", p.status, http.StatusText(p.status)),
		StatusCode:    p.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        p.header.Clone(),
		Body:          io.NopCloser(bytes.NewReader(p.body)),
		ContentLength: int64(len(p.body)),
		Request:       req,
	}, nil
}

// recorder is an HTTP client for the SDK that sends every request through
// client and keeps each response it returns.
type recorder struct {
	client *http.Client
	got    []*recording
}

// Do sends req and keeps its response, whose body it reads whole and
// hands on in a new reader.
func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("recorder: reading the response to %s %s: %w", req.Method, req.URL, err)
	}
	if !utf8.Valid(body) {
		return nil, fmt.Errorf("recorder: the response to %s %s is not UTF-8 text", req.Method, req.URL)
	}
	r.got = append(r.got, &recording{
		Request: req.Method + " " + req.URL.RequestURI(),
		Status:  resp.StatusCode,
		Header:  resp.Header.Clone(),
		Body:    string(body),
	})
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return resp, nil
}

// only returns the one response r kept, or an error if it kept another
// number of them.
func (r *recorder) only() (*recording, error) {
	if len(r.got) != 1 {
		return nil, fmt.Errorf("recorder: %d responses kept, want 1", len(r.got))
	}
	return r.got[0], nil
}
