package moto

import (
	"errors"
	"os"
	"os/exec"
	"syscall"
)

// startGroup makes cmd the leader of a new process group, so that killGroup
// reaches every process it starts, and has the kernel kill it should the
// test binary die without stopping it.
func startGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// killGroup kills the process group that p leads, by its id.
func killGroup(p *os.Process) error {
	err := syscall.Kill(-p.Pid, syscall.SIGKILL)
	if errors.Is(err, syscall.ESRCH) {
		return nil // the group is gone already
	}
	return err
}
