package moto

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Fault is what a FaultProxy does with a request.
type Fault int

const (
	// Pass forwards the request and its response unchanged.
	Pass Fault = iota
	// ServerError answers HTTP 500 with an AWS error body in the request's
	// protocol, code ServerErrorCode, which SDKs take for a server error.
	// The target never sees the request.
	ServerError
	// Reset closes the connection with a TCP RST before any byte of a
	// response. The target never sees the request.
	Reset
	// Truncate forwards the request and answers with the response's status
	// and headers, a Content-Length of its whole body, and half the body;
	// then it closes the connection. A response without a body is no fault.
	Truncate
)

// String returns the name of the constant.
func (f Fault) String() string {
	switch f {
	case Pass:
		return "Pass"
	case ServerError:
		return "ServerError"
	case Reset:
		return "Reset"
	case Truncate:
		return "Truncate"
	}
	return "Fault(" + strconv.Itoa(int(f)) + ")"
}

// Counts are the requests a FaultProxy received and what it did with each.
type Counts struct {
	Requests     int // every request received
	Passed       int // forwarded unchanged
	ServerErrors int
	Resets       int
	Truncations  int
}

// FaultProxy is a reverse proxy between a client and a server that fails
// the requests its chooser picks and passes every other one through as it
// came: method, path and query as sent, every header (Host and the SigV4
// Authorization among them) but the hop-by-hop ones, and the body; then
// the response's status, headers and body. It reads each request's body
// whole before it chooses, so a request that expects 100-continue has had
// its interim response even when it then fails. Where the target cannot be
// reached, a request that Pass or Truncate would forward is answered 502.
//
// Go's http.Transport sends a request again by itself when it fails on a
// reused connection and can be replayed (a GET or HEAD without a body): a
// Reset of such a request shows as the next request, not as an error.
type FaultProxy struct {
	server    *httptest.Server
	target    *url.URL
	transport *http.Transport

	chooseMu sync.Mutex // serialises the chooser's calls
	choose   func(n int, r *http.Request) Fault

	mu     sync.Mutex
	counts Counts
}

// NewFaultProxy starts a FaultProxy to target, "http://host:port", on a
// free loopback port, passing every request until Fail says otherwise. It
// is closed when the test ends.
func NewFaultProxy(tb testing.TB, target string) *FaultProxy {
	tb.Helper()
	u, err := url.Parse(target)
	if err != nil {
		tb.Fatalf("moto: NewFaultProxy: target %q: %v", target, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" {
		tb.Fatalf("moto: NewFaultProxy: target %q is not scheme://host:port", target)
	}
	p := &FaultProxy{
		target: u,
		// The client's Accept-Encoding is passed on and the body back as it
		// came; no proxy from the environment stands between.
		transport: &http.Transport{DisableCompression: true, MaxIdleConnsPerHost: 16},
	}
	p.server = httptest.NewServer(http.HandlerFunc(p.serve))
	tb.Cleanup(func() {
		p.server.Close()
		p.transport.CloseIdleConnections()
	})
	return p
}

// URL returns the proxy's endpoint, "http://127.0.0.1:PORT".
func (p *FaultProxy) URL() string { return p.server.URL }

// Fail makes choose pick the fault of each later request: n counts the
// requests the proxy received, from 1, and r is the request, whose body
// choose may read. Calls to choose never overlap. A nil choose passes every
// request.
func (p *FaultProxy) Fail(choose func(n int, r *http.Request) Fault) {
	p.chooseMu.Lock()
	defer p.chooseMu.Unlock()
	p.choose = choose
}

// Counts returns the requests received so far and what became of them.
func (p *FaultProxy) Counts() Counts {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.counts
}

func (p *FaultProxy) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, fmt.Sprintf("FaultProxy: reading the body of %s %s: %v", r.Method, r.RequestURI, err), http.StatusBadRequest)
		return
	}
	n, fault := p.pick(r, body)
	switch fault {
	case Pass:
		p.pass(w, r, body)
	case ServerError:
		h, payload := serverError(r, n)
		for k, v := range h {
			w.Header()[k] = v
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(payload)))
		w.WriteHeader(http.StatusInternalServerError)
		w.Write(payload)
	case Reset:
		conn := hijack(w)
		if conn == nil {
			return
		}
		if tcp, ok := conn.(*net.TCPConn); ok {
			tcp.SetLinger(0) // Close sends RST, not FIN
		}
		conn.Close()
	case Truncate:
		p.truncate(w, r, body)
	default:
		http.Error(w, fmt.Sprintf("FaultProxy: the chooser returned %v, which is no Fault", fault), http.StatusInternalServerError)
	}
}

// pick numbers the request, asks the chooser for its fault and counts it.
func (p *FaultProxy) pick(r *http.Request, body []byte) (int, Fault) {
	n, fault := p.ask(r, body)
	p.mu.Lock()
	defer p.mu.Unlock()
	switch fault {
	case Pass:
		p.counts.Passed++
	case ServerError:
		p.counts.ServerErrors++
	case Reset:
		p.counts.Resets++
	case Truncate:
		p.counts.Truncations++
	}
	return n, fault
}

// ask numbers the request and asks the chooser for its fault, one request
// at a time, so that numbers and calls come in the same order.
func (p *FaultProxy) ask(r *http.Request, body []byte) (int, Fault) {
	p.chooseMu.Lock()
	defer p.chooseMu.Unlock()
	p.mu.Lock()
	p.counts.Requests++
	n := p.counts.Requests
	p.mu.Unlock()
	if p.choose == nil {
		return n, Pass
	}
	shown := r.Clone(r.Context())
	shown.Body = io.NopCloser(bytes.NewReader(body))
	return n, p.choose(n, shown)
}

// forward sends r, with body, to the target and returns its response.
func (p *FaultProxy) forward(r *http.Request, body []byte) (*http.Response, error) {
	out := r.Clone(r.Context())
	out.RequestURI = ""
	out.URL.Scheme = p.target.Scheme
	out.URL.Host = p.target.Host
	// out.Host stays the Host the client sent and signed.
	out.Close = false
	out.Trailer = nil
	removeHopHeaders(out.Header)
	if _, ok := out.Header["User-Agent"]; !ok {
		out.Header["User-Agent"] = []string{""} // or Go would send its own
	}
	out.Body, out.GetBody = http.NoBody, nil
	if len(body) > 0 {
		out.Body = io.NopCloser(bytes.NewReader(body))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	}
	out.ContentLength = int64(len(body))
	if r.ContentLength < 0 {
		out.ContentLength = -1 // chunked in, chunked on
	}
	return p.transport.RoundTrip(out)
}

// pass forwards r and copies the response back.
func (p *FaultProxy) pass(w http.ResponseWriter, r *http.Request, body []byte) {
	resp, err := p.forward(r, body)
	if err != nil {
		http.Error(w, fmt.Sprintf("FaultProxy: forwarding %s %s to %s: %v", r.Method, r.RequestURI, p.target, err), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	removeHopHeaders(resp.Header)
	h := w.Header()
	for k, v := range resp.Header {
		h[k] = v
	}
	// A nil value keeps the server from adding a header the response lacks.
	for _, k := range []string{"Content-Type", "Date"} {
		if _, ok := h[k]; !ok {
			h[k] = nil
		}
	}
	w.WriteHeader(resp.StatusCode)
	if resp.ContentLength < 0 {
		// Unknown length: commit the headers now so that the server chunks
		// the body, as the target did, rather than measuring it.
		http.NewResponseController(w).Flush()
	}
	io.Copy(w, resp.Body)
}

// truncate forwards r and answers with half the response's body.
func (p *FaultProxy) truncate(w http.ResponseWriter, r *http.Request, body []byte) {
	resp, err := p.forward(r, body)
	if err != nil {
		http.Error(w, fmt.Sprintf("FaultProxy: forwarding %s %s to %s: %v", r.Method, r.RequestURI, p.target, err), http.StatusBadGateway)
		return
	}
	full, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		http.Error(w, fmt.Sprintf("FaultProxy: reading the response to %s %s from %s: %v", r.Method, r.RequestURI, p.target, err), http.StatusBadGateway)
		return
	}
	conn := hijack(w)
	if conn == nil {
		return
	}
	defer conn.Close()
	h := resp.Header.Clone()
	removeHopHeaders(h)
	h.Set("Content-Length", strconv.Itoa(len(full)))
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", resp.Status)
	h.Write(&b)
	b.WriteString("\r\n")
	b.Write(full[:len(full)/2])
	conn.Write(b.Bytes())
}

// hijack takes the connection from the server, or answers 500 and returns
// nil where it cannot.
func hijack(w http.ResponseWriter) net.Conn {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "FaultProxy: taking over the connection: "+err.Error(), http.StatusInternalServerError)
		return nil
	}
	return conn
}

// hopHeaders are the headers that belong to one connection, not to the
// request or response (RFC 9110, section 7.6.1).
var hopHeaders = []string{
	"Connection",
	"Proxy-Connection",
	"Keep-Alive",
	"Proxy-Authenticate",
	"Proxy-Authorization",
	"Te",
	"Trailer",
	"Transfer-Encoding",
	"Upgrade",
}

// removeHopHeaders deletes the hop-by-hop headers from h, those that its
// Connection header names among them.
func removeHopHeaders(h http.Header) {
	for _, v := range h.Values("Connection") {
		for name := range strings.SplitSeq(v, ",") {
			if name = strings.TrimSpace(name); name != "" {
				h.Del(name)
			}
		}
	}
	for _, k := range hopHeaders {
		h.Del(k)
	}
}
