//go:build !linux

package moto

import (
	"errors"
	"os"
	"os/exec"
)

// startGroup does nothing here: only Linux builds start moto in a process
// group of its own.
func startGroup(cmd *exec.Cmd) {}

// killGroup kills p alone; moto does not start other processes unless asked
// to reload.
func killGroup(p *os.Process) error {
	err := p.Kill()
	if errors.Is(err, os.ErrProcessDone) {
		return nil
	}
	return err
}
