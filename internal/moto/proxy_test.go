package moto

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seen is a request as a server received it.
type seen struct {
	Method, RequestURI, Host string
	Header                   http.Header
	Body                     []byte
}

// recorder is a server that records its requests and answers each path
// with a response of its own.
type recorder struct {
	mu   sync.Mutex
	seen []seen
	*httptest.Server
}

// body is the body of the recorder's "/" answers: every byte value, so that
// nothing is lost to text handling.
var body = func() []byte {
	b := make([]byte, 3*256+1)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

func newRecorder(t *testing.T) *recorder {
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		rec.mu.Lock()
		rec.seen = append(rec.seen, seen{r.Method, r.RequestURI, r.Host, r.Header.Clone(), b})
		rec.mu.Unlock()
		h := w.Header()
		h["Date"] = []string{"Fri, 02 Jan 2026 03:04:05 GMT"}
		h["X-Amz-Meta-Twice"] = []string{"one", "two"}
		switch r.URL.Path {
		case "/stream": // no Content-Type, no Content-Length: chunked
			h["Content-Type"] = nil
			w.WriteHeader(http.StatusOK)
			for i := range 3 {
				fmt.Fprintf(w, "chunk %d\n", i)
				http.NewResponseController(w).Flush()
			}
		default:
			h.Set("Content-Type", "application/octet-stream")
			h.Set("Content-Length", fmt.Sprint(len(body)))
			h.Set("X-Amzn-Requestid", "req-1")
			w.WriteHeader(http.StatusCreated)
			w.Write(body)
		}
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (rec *recorder) requests() []seen {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]seen(nil), rec.seen...)
}

// signed returns a request to base as an AWS SDK sends one, with a body.
func signed(t *testing.T, method, base, path string, b []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, base+path, bytes.NewReader(b))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AmazonSSM.GetParametersByPath")
	req.Header.Set("X-Amz-Date", "20260102T030405Z")
	req.Header["X-Custom"] = []string{"a", "b"}
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/ssm/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=abc")
	return req
}

// response is what a client read of a response.
type response struct {
	Status        int
	Header        http.Header
	ContentLength int64
	Chunked       bool
	Body          []byte
}

func do(t *testing.T, client *http.Client, req *http.Request) response {
	t.Helper()
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return response{resp.StatusCode, resp.Header, resp.ContentLength, len(resp.TransferEncoding) > 0, b}
}

// TestFaultProxyPasses sends the same requests to a server directly and
// through the proxy: the server sees them alike, but for the Host that the
// client sent, and the client reads the same responses.
func TestFaultProxyPasses(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()

	const path = "/a%2Fb/c%20d+e?x=2&a=1&x=%2F&empty"
	payload := []byte(`{"Path":"/a","Recursive":true}`)
	for _, c := range []struct {
		method, path string
		body         []byte
		noUserAgent  bool
	}{
		{http.MethodPost, path, payload, false},
		{http.MethodGet, path, nil, false},
		{http.MethodGet, path, nil, true},
		{http.MethodPut, "/", body, false},
		{http.MethodGet, "/stream", nil, false},
	} {
		send := func(base string) response {
			req := signed(t, c.method, base, c.path, c.body)
			if c.noUserAgent {
				req.Header["User-Agent"] = []string{""} // Go sends none
			}
			return do(t, client, req)
		}
		direct, proxied := send(rec.URL), send(p.URL())
		assert.Equal(t, direct, proxied, "%s %s", c.method, c.path)
		if c.path == "/stream" {
			assert.True(t, proxied.Chunked, "chunked on")
			assert.Equal(t, int64(-1), proxied.ContentLength)
			assert.NotContains(t, proxied.Header, "Content-Type")
		} else {
			assert.Equal(t, http.StatusCreated, proxied.Status)
			assert.Equal(t, body, proxied.Body)
		}

		reqs := rec.requests()
		require.Len(t, reqs, 2)
		rec.mu.Lock()
		rec.seen = nil
		rec.mu.Unlock()
		direct2, proxied2 := reqs[0], reqs[1]
		assert.Equal(t, strings.TrimPrefix(rec.URL, "http://"), direct2.Host)
		assert.Equal(t, strings.TrimPrefix(p.URL(), "http://"), proxied2.Host, "the Host the client sent and signed")
		direct2.Host, proxied2.Host = "", ""
		assert.Equal(t, direct2, proxied2, "%s %s", c.method, c.path)
		assert.Equal(t, c.method, proxied2.Method)
		assert.Equal(t, c.path, proxied2.RequestURI)
		assert.Equal(t, []string{"a", "b"}, proxied2.Header["X-Custom"])
		assert.Contains(t, proxied2.Header.Get("Authorization"), "Signature=abc")
		assert.NotContains(t, proxied2.Header, "X-Forwarded-For")
		assert.Equal(t, string(c.body), string(proxied2.Body))
		if c.noUserAgent {
			assert.NotContains(t, proxied2.Header, "User-Agent")
		}
	}
	assert.Equal(t, Counts{Requests: 5, Passed: 5}, p.Counts())
}

// TestFaultProxyServerError fails the second of three requests with a 500
// that the server never sees.
func TestFaultProxyServerError(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	var chosen []int
	p.Fail(func(n int, r *http.Request) Fault {
		b, err := io.ReadAll(r.Body)
		assert.NoError(t, err)
		assert.Equal(t, fmt.Sprintf(`{"n":%d}`, n), string(b), "the chooser reads the body")
		chosen = append(chosen, n)
		if n == 2 {
			return ServerError
		}
		return Pass
	})
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	var got []response
	for n := 1; n <= 3; n++ {
		got = append(got, do(t, client, signed(t, http.MethodPost, p.URL(), "/", fmt.Appendf(nil, `{"n":%d}`, n))))
	}
	assert.Equal(t, []int{1, 2, 3}, chosen)
	assert.Equal(t, http.StatusCreated, got[0].Status)
	assert.Equal(t, http.StatusInternalServerError, got[1].Status)
	assert.JSONEq(t, `{"__type":"InternalError","message":"FaultProxy injected this server error"}`, string(got[1].Body))
	assert.Equal(t, "application/x-amz-json-1.1", got[1].Header.Get("Content-Type"))
	assert.Equal(t, "InternalError", got[1].Header.Get("X-Amzn-Errortype"))
	assert.Equal(t, "fault-proxy-2", got[1].Header.Get("X-Amzn-Requestid"))
	assert.Equal(t, http.StatusCreated, got[2].Status)
	assert.Len(t, rec.requests(), 2, "the server never sees a ServerError request")
	assert.Equal(t, Counts{Requests: 3, Passed: 2, ServerErrors: 1}, p.Counts())
}

// TestServerErrorProtocols checks the ServerError body of each protocol
// where botocore and aws-sdk-go-v2 look for its code.
func TestServerErrorProtocols(t *testing.T) {
	auth := func(service string) string {
		return "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/" + service + "/aws4_request, SignedHeaders=host, Signature=abc"
	}
	form := "application/x-www-form-urlencoded; charset=utf-8"
	// The shapes that aws-sdk-go-v2 decodes the XML errors into.
	type ec2Error struct {
		Code string `xml:"Errors>Error>Code"`
	}
	type wrapped struct {
		Code string `xml:"Error>Code"`
	}
	type unwrapped struct {
		Code string `xml:"Code"`
	}
	for _, c := range []struct {
		name, contentType, authorization, smithy string
		wantType                                 string
		code                                     func([]byte) (string, error)
	}{
		{"awsJson", "application/x-amz-json-1.0", auth("dynamodb"), "", "application/x-amz-json-1.0", jsonCode},
		{"restJson", "", auth("lambda"), "", "application/json", jsonCode},
		{"rpcv2Cbor", "application/cbor", auth("monitoring"), "rpc-v2-cbor", "application/cbor", func(b []byte) (string, error) {
			return string(b), nil // checked whole below
		}},
		{"ec2", form, auth("ec2"), "", "text/xml;charset=UTF-8", xmlCode(&ec2Error{}, func(v any) string { return v.(*ec2Error).Code })},
		{"query", form, auth("iam"), "", "text/xml", xmlCode(&wrapped{}, func(v any) string { return v.(*wrapped).Code })},
		{"route53", "", auth("route53"), "", "text/xml", xmlCode(&wrapped{}, func(v any) string { return v.(*wrapped).Code })},
		{"s3", "", auth("s3"), "", "application/xml", xmlCode(&unwrapped{}, func(v any) string { return v.(*unwrapped).Code })},
		{"unsigned", "", "", "", "application/json", jsonCode},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/", nil)
			if c.contentType != "" {
				r.Header.Set("Content-Type", c.contentType)
			}
			if c.authorization != "" {
				r.Header.Set("Authorization", c.authorization)
			}
			if c.smithy != "" {
				r.Header.Set("Smithy-Protocol", c.smithy)
			}
			h, b := serverError(r, 7)
			assert.Equal(t, c.wantType, h.Get("Content-Type"))
			assert.Equal(t, "fault-proxy-7", h.Get("X-Amzn-Requestid"))
			code, err := c.code(b)
			require.NoError(t, err, "%s", b)
			if c.name == "rpcv2Cbor" {
				// {"__type": "InternalError", "message": "FaultProxy injected this server error"}
				want := "\xa2\x66__type\x6dInternalError\x67message\x78\x25FaultProxy injected this server error"
				assert.Equal(t, want, code)
				assert.Equal(t, "rpc-v2-cbor", h.Get("Smithy-Protocol"))
				return
			}
			assert.Equal(t, ServerErrorCode, code)
		})
	}
	t.Run("presigned", func(t *testing.T) {
		r := httptest.NewRequest(http.MethodGet, "/bucket/key?X-Amz-Credential="+url.QueryEscape("AKID/20260102/us-east-1/s3/aws4_request"), nil)
		h, _ := serverError(r, 1)
		assert.Equal(t, "application/xml", h.Get("Content-Type"))
	})
}

func jsonCode(b []byte) (string, error) {
	var v struct {
		Type string `json:"__type"`
	}
	err := json.Unmarshal(b, &v)
	return v.Type, err
}

func xmlCode(v any, code func(any) string) func([]byte) (string, error) {
	return func(b []byte) (string, error) {
		err := xml.Unmarshal(b, v)
		return code(v), err
	}
}

// TestFaultProxyReset resets the connection of a request: the client sees
// the connection reset, and the server never sees the request.
func TestFaultProxyReset(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	p.Fail(func(n int, r *http.Request) Fault { return Reset })
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	_, err := client.Do(signed(t, http.MethodPost, p.URL(), "/", []byte("{}")))
	require.Error(t, err)
	assert.ErrorIs(t, err, syscall.ECONNRESET)
	assert.Empty(t, rec.requests())
	assert.Equal(t, Counts{Requests: 1, Resets: 1}, p.Counts())
}

// TestFaultProxyResetReplayed resets a GET on a reused connection: Go's
// Transport sends it again by itself, and the client sees no error, as
// FaultProxy's doc warns.
func TestFaultProxyResetReplayed(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	p.Fail(func(n int, r *http.Request) Fault {
		if n == 2 {
			return Reset
		}
		return Pass
	})
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	for range 2 {
		req, err := http.NewRequest(http.MethodGet, p.URL()+"/", nil)
		require.NoError(t, err)
		assert.Equal(t, http.StatusCreated, do(t, client, req).Status)
	}
	assert.Equal(t, Counts{Requests: 3, Passed: 2, Resets: 1}, p.Counts())
}

// TestFaultProxyTruncate cuts a response short: the client reads the
// status, the headers and the Content-Length of the whole body, then half
// of it and an unexpected EOF.
func TestFaultProxyTruncate(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	p.Fail(func(n int, r *http.Request) Fault { return Truncate })
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	resp, err := client.Do(signed(t, http.MethodPost, p.URL(), "/", []byte("{}")))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, int64(len(body)), resp.ContentLength)
	assert.Equal(t, []string{"one", "two"}, resp.Header["X-Amz-Meta-Twice"])
	assert.Equal(t, "req-1", resp.Header.Get("X-Amzn-Requestid"))
	got, err := io.ReadAll(resp.Body)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, body[:len(body)/2], got)
	assert.Len(t, rec.requests(), 1, "the server answered the request")
	assert.Equal(t, Counts{Requests: 1, Truncations: 1}, p.Counts())
}

// TestFaultProxyConcurrent sends requests at once, a fault of each kind
// among them in turn: every request is numbered once and counted once.
func TestFaultProxyConcurrent(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	seenN := map[int]bool{}
	p.Fail(func(n int, r *http.Request) Fault {
		assert.False(t, seenN[n], "n=%d twice", n)
		seenN[n] = true
		return []Fault{Pass, ServerError, Truncate, Reset}[n%4]
	})
	const requests = 40
	var wg sync.WaitGroup
	for range requests {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}}
			resp, err := client.Do(signed(t, http.MethodPost, p.URL(), "/", []byte("{}")))
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			p.Counts()
		})
	}
	wg.Wait()
	assert.Equal(t, Counts{Requests: requests, Passed: requests / 4, ServerErrors: requests / 4, Truncations: requests / 4, Resets: requests / 4}, p.Counts())
	assert.Len(t, seenN, requests)
}

// TestFaultProxyUnreachable answers 502 where the target does not answer.
func TestFaultProxyUnreachable(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	target := rec.URL
	rec.Close()
	p := NewFaultProxy(t, target)
	resp, err := http.Get(p.URL() + "/")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusBadGateway, resp.StatusCode)
	assert.Contains(t, string(b), "FaultProxy: forwarding GET / to "+target)
}

func TestFaultString(t *testing.T) {
	assert.Equal(t, "Pass ServerError Reset Truncate Fault(9)", fmt.Sprint(Pass, ServerError, Reset, Truncate, Fault(9)))
}

// TestFaultProxyNoFault answers 500 where the chooser returns a value that
// is no Fault, and counts the request only as received.
func TestFaultProxyNoFault(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t)
	p := NewFaultProxy(t, rec.URL)
	p.Fail(func(n int, r *http.Request) Fault { return Fault(9) })
	resp, err := http.Get(p.URL() + "/")
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
	assert.Contains(t, string(b), "FaultProxy: the chooser returned Fault(9), which is no Fault")
	assert.Equal(t, Counts{Requests: 1}, p.Counts())
	assert.Empty(t, rec.requests())
}
