//go:build !unix

package bridge

// cpuTime returns false: the process's CPU time is read on Unix only.
func cpuTime() (int64, bool) { return 0, false }
