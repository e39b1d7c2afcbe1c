package moto

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childPython names the variable through which TestUnavailable hands the
// test binary it runs again the interpreter to use.
const childPython = "PAGEGEN_MOTO_TEST_PYTHON"

func TestMain(m *testing.M) {
	if p := os.Getenv(childPython); p != "" {
		python = p
	}
	os.Exit(Main(m))
}

// ssm sends one SSM request (awsJson 1.1) to endpoint and returns the
// response's status and body.
func ssm(t *testing.T, endpoint, operation, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, endpoint+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.1")
	req.Header.Set("X-Amz-Target", "AmazonSSM."+operation)
	req.Header.Set("X-Amz-Date", "20260102T030405Z")
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260102/"+Region+"/ssm/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0000")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// TestStart starts a server of the test's own, keeps a parameter in it,
// and sees Reset clear it.
func TestStart(t *testing.T) {
	t.Parallel()
	s := Start(t)
	assert.Regexp(t, `^http://127\.0\.0\.1:\d+$`, s.URL)

	status, body := ssm(t, s.URL, "PutParameter", `{"Name":"/start/p","Value":"v","Type":"String"}`)
	require.Equal(t, http.StatusOK, status, body)
	status, body = ssm(t, s.URL, "GetParameter", `{"Name":"/start/p"}`)
	require.Equal(t, http.StatusOK, status, body)
	assert.Contains(t, body, `"Value": "v"`)

	s.Reset(t)
	status, body = ssm(t, s.URL, "GetParameter", `{"Name":"/start/p"}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, "ParameterNotFound")
}

// TestShared gets the one server of the package twice.
func TestShared(t *testing.T) {
	s := Shared(t)
	assert.Same(t, s, Shared(t))
	status, body := ssm(t, s.URL, "DescribeParameters", `{}`)
	assert.Equal(t, http.StatusOK, status, body)
}

// TestLaunchOnTakenPort sees moto fail to bind a port that is taken, which
// Launch answers by trying another.
func TestLaunchOnTakenPort(t *testing.T) {
	t.Parallel()
	requirePython(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	s, err := launchOn(l.Addr().(*net.TCPAddr).Port, startTimeout, nil)
	if s != nil {
		s.Stop()
	}
	require.ErrorIs(t, err, errPortTaken)
	assert.Contains(t, err.Error(), "in use")
}

// TestLaunchReportsOutput gives moto an argument it rejects: the error says
// that it exited and what it wrote.
func TestLaunchReportsOutput(t *testing.T) {
	t.Parallel()
	requirePython(t)
	s, err := launch("--no-such-flag")
	if s != nil {
		s.Stop()
	}
	require.Error(t, err)
	assert.NotErrorIs(t, err, ErrUnavailable)
	assert.NotErrorIs(t, err, errPortTaken)
	assert.Contains(t, err.Error(), "exited before it answered: exit status 2")
	assert.Contains(t, err.Error(), "unrecognized arguments: --no-such-flag")
}

// TestLaunchTimesOut has moto listen on another address than the one
// probed: the wait ends at its timeout, with what moto wrote, and the
// process is stopped.
func TestLaunchTimesOut(t *testing.T) {
	t.Parallel()
	requirePython(t)
	port, err := freePort()
	require.NoError(t, err)
	s, err := launchOn(port, 8*time.Second, []string{"-H", "127.0.0.2"})
	require.Nil(t, s)
	require.Error(t, err)
	assert.Contains(t, err.Error(), fmt.Sprintf("did not answer GET http://127.0.0.1:%d/moto-api/ within 8s", port))
	assert.Contains(t, err.Error(), fmt.Sprintf("Running on http://127.0.0.2:%d", port))
	// Stopped: the port on 127.0.0.2 is free again.
	l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.2:%d", port))
	require.NoError(t, err)
	l.Close()
}

// requirePython skips the test, or fails it under CI, where python3 is
// missing.
func requirePython(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath(python); err != nil {
		unavailable(t, fmt.Errorf("%w: %v", ErrUnavailable, err))
	}
}

// TestUnavailable runs TestStart and TestShared again, in a child process
// whose python3 is missing or lacks moto: they skip, and they fail when CI
// is set.
func TestUnavailable(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, python, says string }{
		{"no python3", "pagegen-no-such-python3", "executable file not found"},
	}
	if _, err := exec.LookPath(python); err == nil {
		cases = append(cases, struct{ name, python, says string }{"no moto", bare(t), "No module named"})
	}
	for _, c := range cases {
		for _, ci := range []string{"", "true"} {
			t.Run(c.name+"/CI="+ci, func(t *testing.T) {
				cmd := exec.Command(os.Args[0], "-test.run=^(TestStart|TestShared)$", "-test.v", "-test.count=1")
				cmd.Env = append(withoutCI(os.Environ()), childPython+"="+c.python)
				if ci != "" {
					cmd.Env = append(cmd.Env, "CI="+ci)
				}
				var out bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &out
				err := cmd.Run()
				assert.Contains(t, out.String(), "python3 with moto is unavailable")
				assert.Contains(t, out.String(), c.says)
				if ci == "" {
					require.NoError(t, err, out.String())
					assert.Contains(t, out.String(), "--- SKIP: TestStart")
					assert.Contains(t, out.String(), "--- SKIP: TestShared")
					assert.NotContains(t, out.String(), "--- FAIL")
				} else {
					require.Error(t, err, out.String())
					assert.Contains(t, out.String(), "--- FAIL: TestStart")
					assert.Contains(t, out.String(), "--- FAIL: TestShared")
					assert.Contains(t, out.String(), "CI is set, so a test that needs moto fails where it would skip: moto: python3 with moto is unavailable")
				}
			})
		}
	}
}

// bare writes a script that runs python3 without site-packages, where moto
// and boto3 are, and returns its path.
func bare(t *testing.T) string {
	t.Helper()
	real, err := exec.LookPath(python)
	require.NoError(t, err)
	name := filepath.Join(t.TempDir(), "python3")
	require.NoError(t, os.WriteFile(name, []byte("#!/bin/sh\nexec "+real+" -S \"$@\"\n"), 0o755))
	return name
}

func withoutCI(env []string) []string {
	var out []string
	for _, kv := range env {
		if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, childPython+"=") {
			out = append(out, kv)
		}
	}
	return out
}

// TestTail keeps the last bytes written and says when it dropped some.
func TestTail(t *testing.T) {
	tl := &tail{max: 8}
	tl.Write([]byte("abc"))
	assert.Equal(t, "; it wrote:\nabc", tl.report())
	tl.Write([]byte("defghij"))
	assert.Equal(t, "cdefghij", tl.String())
	assert.Equal(t, "; the last 8 bytes it wrote:\ncdefghij", tl.report())
	assert.Equal(t, "; it wrote nothing", (&tail{max: 8}).report())
}
