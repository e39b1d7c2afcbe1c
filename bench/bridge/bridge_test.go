package bridge

import (
	"context"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// open returns op's caller over its recording, prepared.
func open(tb testing.TB, op operation) caller {
	tb.Helper()
	r, err := load(op.name)
	require.NoError(tb, err)
	c := op.open(sdkConfig(newReplay(r), ""))
	require.NoError(tb, c.prepare(context.Background()), "%s over its recording", op.title)
	return c
}

// TestRecordings checks that every recording still decodes, through the
// SDK and through the generated bridge, into the page it held when it was
// recorded, and that the conversions alone succeed: a recording that an
// SDK of another version reads otherwise fails here.
func TestRecordings(t *testing.T) {
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			c := open(t, op)
			c.check(t, context.Background(), op.items, op.last)
			require.NoError(t, c.convert())
		})
	}
}

// TestRecordingFiles checks that the folder of recordings holds the
// recording of every operation and nothing else.
func TestRecordingFiles(t *testing.T) {
	entries, err := os.ReadDir(recordings)
	require.NoError(t, err)
	var got, want []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	for _, op := range operations {
		want = append(want, op.name+".json")
	}
	slices.Sort(want)
	require.Equal(t, want, got)
}

// TestReplay checks that the replaying client reads and closes the
// request's body and gives every call a body of its own.
func TestReplay(t *testing.T) {
	p := newReplay(&recording{Status: 200, Header: http.Header{"Content-Type": {"text/xml"}}, Body: "<a/>"})
	for range 2 {
		body := &closeRecorder{Reader: strings.NewReader("request")}
		req, err := http.NewRequest(http.MethodPost, "https://example.com/", body)
		require.NoError(t, err)
		resp, err := p.Do(req)
		require.NoError(t, err)
		require.Equal(t, 0, body.Len(), "the request's body is read")
		require.True(t, body.closed, "the request's body is closed")
		require.Equal(t, 200, resp.StatusCode)
		require.Equal(t, "200 OK", resp.Status)
		require.Equal(t, int64(4), resp.ContentLength)
		got := make([]byte, 8)
		n, _ := resp.Body.Read(got)
		require.Equal(t, "<a/>", string(got[:n]))
		resp.Header.Set("Content-Type", "changed")
	}
	require.Equal(t, "text/xml", p.header.Get("Content-Type"), "a response's header is a copy")
}

// closeRecorder is a request body that notes that it was closed.
type closeRecorder struct {
	*strings.Reader
	closed bool
}

// Close notes that the body was closed.
func (c *closeRecorder) Close() error {
	c.closed = true
	return nil
}
