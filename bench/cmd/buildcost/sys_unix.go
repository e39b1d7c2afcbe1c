//go:build unix

package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

// maxRSS returns the peak resident set size, in bytes, of the exited
// process ps and of the descendants it waited for, from its rusage.
func maxRSS(ps *os.ProcessState) (int64, error) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0, fmt.Errorf("no rusage for process %d", ps.Pid())
	}
	switch runtime.GOOS {
	case "darwin", "ios":
		return int64(ru.Maxrss), nil // bytes there
	default:
		return int64(ru.Maxrss) * 1024, nil // kilobytes on Linux and the BSDs
	}
}

// cpuTime returns the user and system CPU time of the exited process ps and
// of the descendants it waited for.
func cpuTime(ps *os.ProcessState) time.Duration {
	return ps.UserTime() + ps.SystemTime()
}

// ownGroup makes cmd run in a process group of its own and, when its
// context ends, kills the whole group, so that the compiler a killed
// `go build` started does not run on.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
