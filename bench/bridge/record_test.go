package bridge

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"testing"
	"time"
)

// record has TestRecord write the recordings again.
var record = flag.Bool("record", false, "start moto (python3 -m moto.server), fill it and record the responses into "+recordings)

// TestRecord writes the recordings again, from a moto server of its own,
// when -record is given:
//
//	cd bench && go test ./bridge -run '^TestRecord$' -record
//
// It needs python3 with moto. For each operation it fills the server
// through the SDK, calls the operation once through the SDK with an HTTP
// client that keeps the response, checks that the response replays into a
// full page, and writes it; a recording is written only when all of them
// succeeded.
func TestRecord(t *testing.T) {
	if !*record {
		t.Skip("writes the recordings again with -record")
	}
	ctx := context.Background()
	url, stop, err := startMoto()
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := stop(); err != nil {
			t.Error(err)
		}
	}()
	transport := &http.Transport{}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: time.Minute}
	got := make([]*recording, len(operations))
	for i, op := range operations {
		if err := op.fill(ctx, sdkConfig(client, url)); err != nil {
			t.Fatalf("%s: filling moto: %v", op.title, err)
		}
		rec := &recorder{client: client}
		if err := op.open(sdkConfig(rec, url)).prepare(ctx); err != nil {
			t.Fatalf("%s: calling moto: %v", op.title, err)
		}
		r, err := rec.only()
		if err != nil {
			t.Fatalf("%s: %v", op.title, err)
		}
		r.Operation = op.title
		c := op.open(sdkConfig(newReplay(r), ""))
		if err := c.prepare(ctx); err != nil {
			t.Fatalf("%s: replaying the response: %v", op.title, err)
		}
		c.check(t, ctx, op.items, op.last)
		got[i] = r
	}
	for i, op := range operations {
		if err := save(op.name, got[i]); err != nil {
			t.Fatal(err)
		}
	}
}

// startMoto starts moto's server on a free loopback port and returns its
// URL once GET /moto-api/ answers 200, and the function that stops it.
func startMoto() (url string, stop func() error, err error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("moto: finding a free port: %w", err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	if err := l.Close(); err != nil {
		return "", nil, fmt.Errorf("moto: finding a free port: %w", err)
	}
	cmd := exec.Command("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", port)
	// moto writes MOTO_PORT into URLs it hands out; a fixed hash seed
	// makes the order of its sets the same on every run.
	cmd.Env = append(os.Environ(), "MOTO_PORT="+port, "PYTHONHASHSEED=0")
	out := &syncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("moto: starting %s: %w", cmd, err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	var once sync.Once
	var stopErr error
	stop = func() error {
		once.Do(func() {
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				stopErr = fmt.Errorf("moto: stopping pid %d: %w", cmd.Process.Pid, err)
				return
			}
			<-exited
		})
		return stopErr
	}
	url = "http://127.0.0.1:" + port
	client := &http.Client{Timeout: 2 * time.Second}
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		select {
		case err := <-exited:
			exited <- err
			return "", nil, fmt.Errorf("moto: %s exited before it answered (%v); it wrote:\n%s", cmd, err, out)
		default:
		}
		resp, err := client.Get(url + "/moto-api/")
		if err != nil {
			continue
		}
		resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return url, stop, nil
		}
	}
	err = fmt.Errorf("moto: %s did not answer GET %s/moto-api/ within a minute; it wrote:\n%s", cmd, url, out)
	if serr := stop(); serr != nil {
		err = errors.Join(err, serr)
	}
	return "", nil, err
}

// syncBuffer is a bytes.Buffer that a process's output may be written to
// while it is read.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p to the buffer.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written so far.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
