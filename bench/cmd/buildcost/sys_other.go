//go:build !unix

package main

import (
	"errors"
	"os"
	"os/exec"
	"time"
)

// maxRSS reports that the peak resident set size is not known here.
func maxRSS(ps *os.ProcessState) (int64, error) {
	return 0, errors.New("peak memory is measured only on unix systems")
}

// cpuTime returns the user and system CPU time of the exited process ps.
func cpuTime(ps *os.ProcessState) time.Duration {
	return ps.UserTime() + ps.SystemTime()
}

// ownGroup leaves cmd as it is.
func ownGroup(cmd *exec.Cmd) {}
