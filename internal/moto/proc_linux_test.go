package moto

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStopKillsGroup starts moto with its reloader, which runs the server
// in a child process, and sees Stop leave no process of the group alive.
func TestStopKillsGroup(t *testing.T) {
	t.Parallel()
	s, err := launch("--reload")
	if err != nil {
		unavailable(t, err)
	}
	t.Cleanup(func() { s.Stop() })
	pid := s.cmd.Process.Pid

	members := group(t, pid)
	require.Contains(t, members, pid)
	require.GreaterOrEqual(t, len(members), 2, "the reloader serves from a child process: %v", members)

	require.NoError(t, s.Stop())
	assert.Empty(t, group(t, pid), "processes of group %d left after Stop", pid)
	for _, p := range members {
		_, err := os.Stat(fmt.Sprintf("/proc/%d", p))
		if err == nil {
			// The number may have gone to a new process; ours would still
			// be in the group.
			assert.NotEqual(t, pid, pgrp(t, p), "process %d of group %d is alive", p, pid)
		}
	}
	_, err = http.Get(s.URL + "/moto-api/")
	assert.Error(t, err, "%s still answers", s.URL)
	assert.NoError(t, s.Stop(), "a second Stop")
}

// TestServerEnvironment reads the server's environment: moto knows its
// port, and Python's string hashes repeat from run to run.
func TestServerEnvironment(t *testing.T) {
	s := Shared(t)
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/environ", s.cmd.Process.Pid))
	require.NoError(t, err)
	env := strings.Split(string(b), "\x00")
	assert.Contains(t, env, "PYTHONHASHSEED=0")
	assert.Contains(t, env, "MOTO_PORT="+s.URL[strings.LastIndexByte(s.URL, ':')+1:])
}

// group returns the processes of process group pgid that are alive (not
// zombies), read from /proc.
func group(t *testing.T, pgid int) []int {
	t.Helper()
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	require.NoError(t, err)
	require.NotEmpty(t, stats, "no /proc")
	var out []int
	for _, name := range stats {
		b, err := os.ReadFile(name)
		if err != nil {
			continue // exited meanwhile
		}
		state, g, ok := parseStat(string(b))
		if ok && g == pgid && state != "Z" {
			pid, _ := strconv.Atoi(filepath.Base(filepath.Dir(name)))
			out = append(out, pid)
		}
	}
	return out
}

// pgrp returns the process group of pid, or 0 where it has none.
func pgrp(t *testing.T, pid int) int {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	state, g, ok := parseStat(string(b))
	if !ok || state == "Z" {
		return 0
	}
	return g
}

// parseStat returns the state and process group of a /proc/PID/stat line:
// "PID (COMM) STATE PPID PGRP ...", where COMM may hold spaces and ")".
func parseStat(line string) (state string, pgrp int, ok bool) {
	i := strings.LastIndexByte(line, ')')
	if i < 0 {
		return "", 0, false
	}
	f := strings.Fields(line[i+1:])
	if len(f) < 3 {
		return "", 0, false
	}
	g, err := strconv.Atoi(f[2])
	return f[0], g, err == nil
}
