// Package moto runs moto, a local server that answers the AWS APIs in every
// AWS protocol, for tests that page through a real server with boto3 and
// with the generated Go code.
//
// It needs python3 with moto installed. A test that cannot have a server
// skips, unless the environment variable CI is set (to anything non-empty):
// then it fails, so that CI never passes by skipping.
//
// Start gives one test a server of its own. Main and Shared give the tests
// of a package one server between them, since moto takes seconds to start.
// Launch and Stop, under both, serve a caller that is not a test; Launch's
// errors wrap ErrUnavailable where python3 or moto is missing.
//
// Boto3 runs scripts/boto3_driver.py, which calls operations and walks
// boto3's paginators against a server. FaultProxy, put between a client and
// a server, fails the requests a test chooses.
package moto

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Region is the AWS region that Boto3 asks for. moto answers in any region;
// Go clients of a server should use this one too, so that both see the same
// resources.
const Region = "us-east-1"

// ErrUnavailable is wrapped by the errors of Launch where python3 or its
// moto package is missing. A test given such an error skips, unless the
// environment variable CI is set, where it fails: Start and Shared do so.
var ErrUnavailable = errors.New("python3 with moto is unavailable")

// Server is a moto server that Launch or Start started: a python3 process
// run with PYTHONHASHSEED=0 and, on Linux, the leader of a process group of
// its own.
type Server struct {
	// URL is the server's endpoint, "http://127.0.0.1:PORT".
	URL string

	cmd      *exec.Cmd
	output   *tail
	exited   chan struct{} // closed once the process has exited
	waitErr  error         // cmd.Wait's error, set before exited is closed
	stopOnce sync.Once
	stopErr  error
}

const (
	// startTimeout bounds the wait for a new server to answer.
	startTimeout = 60 * time.Second
	// startAttempts is how many ports Launch tries when the one it picked
	// was taken before moto could bind it.
	startAttempts = 3
)

// python is the interpreter that runs moto and the boto3 driver; tests
// point it elsewhere to see how a missing interpreter is reported.
var python = "python3"

// Start starts a moto server for the test and stops it when the test and
// its subtests are done. Where python3 or moto is missing it skips the
// test, or fails it when the environment variable CI is set.
func Start(tb testing.TB) *Server {
	tb.Helper()
	s, err := Launch()
	if err != nil {
		unavailable(tb, err)
	}
	tb.Cleanup(func() {
		if err := s.Stop(); err != nil {
			tb.Error(err)
		}
	})
	return s
}

// unavailable ends the test for err from Launch: a skip where err wraps
// ErrUnavailable and CI is not set, a failure otherwise.
func unavailable(tb testing.TB, err error) {
	tb.Helper()
	if !errors.Is(err, ErrUnavailable) {
		tb.Fatal(err)
	}
	if os.Getenv("CI") != "" {
		tb.Fatalf("CI is set, so a test that needs moto fails where it would skip: %v", err)
	}
	tb.Skip(err)
}

// Launch starts a moto server on a free loopback port and returns once it
// answers GET /moto-api/. The caller must Stop it. Where python3 or moto is
// missing, the error wraps ErrUnavailable.
func Launch() (*Server, error) {
	return launch()
}

// launch is Launch with more arguments for moto.server.
func launch(args ...string) (*Server, error) {
	if _, err := exec.LookPath(python); err != nil {
		return nil, fmt.Errorf("moto: %w: %v", ErrUnavailable, err)
	}
	var err error
	for range startAttempts {
		var port int
		port, err = freePort()
		if err != nil {
			return nil, err
		}
		var s *Server
		s, err = launchOn(port, startTimeout, args)
		if err == nil {
			return s, nil
		}
		if !errors.Is(err, errPortTaken) {
			return nil, err
		}
	}
	return nil, err
}

// errPortTaken is the error of launchOn where moto could not bind its port.
var errPortTaken = errors.New("port taken")

// freePort returns a loopback TCP port that was free a moment ago.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("moto: finding a free port: %w", err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("moto: finding a free port: %w", err)
	}
	return port, nil
}

func launchOn(port int, timeout time.Duration, args []string) (*Server, error) {
	p := strconv.Itoa(port)
	cmd := exec.Command(python, append([]string{"-m", "moto.server", "-H", "127.0.0.1", "-p", p}, args...)...)
	// moto writes MOTO_PORT into the URLs it hands out (queue URLs and the
	// like); one inherited from the environment would name another server.
	// A fixed hash seed makes the tokens that moto builds from Python's
	// hash() of strings, and the order of its sets, the same on every run.
	cmd.Env = append(os.Environ(), "MOTO_PORT="+p, "PYTHONHASHSEED=0")
	out := &tail{max: 8 << 10}
	cmd.Stdout = out
	cmd.Stderr = out
	cmd.WaitDelay = 5 * time.Second
	startGroup(cmd)
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("moto: starting %s: %w", cmd, err)
	}
	s := &Server{
		URL:    "http://127.0.0.1:" + p,
		cmd:    cmd,
		output: out,
		exited: make(chan struct{}),
	}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	if err := s.waitReady(timeout); err != nil {
		if stopErr := s.Stop(); stopErr != nil {
			err = errors.Join(err, stopErr)
		}
		return nil, err
	}
	return s, nil
}

// waitReady polls GET /moto-api/ until it answers 200, the process exits or
// the timeout passes. A probe in flight ends when the process exits: a
// port that another process took may accept connections and never answer.
func (s *Server) waitReady(timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	go func() {
		select {
		case <-s.exited:
			cancel()
		case <-ctx.Done():
		}
	}()
	client := &http.Client{Transport: &http.Transport{}, Timeout: 2 * time.Second}
	defer client.CloseIdleConnections()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		if s.probe(ctx, client) {
			return nil
		}
		select {
		case <-s.exited:
			return s.exitError()
		default:
		}
		select {
		case <-s.exited:
			return s.exitError()
		case <-ctx.Done():
			return fmt.Errorf("moto: %s did not answer GET %s/moto-api/ within %v%s", s.cmd, s.URL, timeout, s.output.report())
		case <-tick.C:
		}
	}
}

// probe reports whether the server answers GET /moto-api/ with 200 while
// its process runs: an answer after it exited came from another server, on
// the port that moto failed to bind.
func (s *Server) probe(ctx context.Context, client *http.Client) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+"/moto-api/", nil)
	if err != nil {
		return false
	}
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false
	}
	select {
	case <-s.exited:
		return false
	default:
		return true
	}
}

// exitError describes a process that exited before it answered.
func (s *Server) exitError() error {
	out := s.output.String()
	switch {
	case strings.Contains(out, "No module named"):
		return fmt.Errorf("moto: %w: %s exited: %v%s", ErrUnavailable, s.cmd, s.waitErr, s.output.report())
	case strings.Contains(out, "Address already in use"), strings.Contains(out, "is in use by another program"):
		return fmt.Errorf("moto: %s: %w%s", s.cmd, errPortTaken, s.output.report())
	}
	return fmt.Errorf("moto: %s exited before it answered: %v%s", s.cmd, s.waitErr, s.output.report())
}

// Stop kills the server's process group, every process that moto started
// with it, and waits for the server's process to exit. Further calls do
// nothing and return the first call's error.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if err := killGroup(s.cmd.Process); err != nil {
			s.stopErr = fmt.Errorf("moto: stopping %s (pid %d): %w", s.cmd, s.cmd.Process.Pid, err)
			return
		}
		<-s.exited
	})
	return s.stopErr
}

// Reset clears every resource the server holds (POST /moto-api/reset).
func (s *Server) Reset(tb testing.TB) {
	tb.Helper()
	client := &http.Client{Transport: &http.Transport{}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	resp, err := client.Post(s.URL+"/moto-api/reset", "", nil)
	if err != nil {
		tb.Fatalf("moto: resetting %s: %v", s.URL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("moto: resetting %s: POST /moto-api/reset answered %s%s", s.URL, resp.Status, s.output.report())
	}
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
	cut bool // whether bytes were dropped from the front
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
		t.cut = true
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// report returns the output for the end of an error message.
func (t *tail) report() string {
	out := strings.TrimSpace(t.String())
	t.mu.Lock()
	cut := t.cut
	t.mu.Unlock()
	switch {
	case out == "":
		return "; it wrote nothing"
	case cut:
		return fmt.Sprintf("; the last %d bytes it wrote:\n%s", t.max, out)
	}
	return "; it wrote:\n" + out
}
