//go:build !unix

package main

import "os"

// maxRSS returns 0: the peak resident set size is measured on unix
// systems only.
func maxRSS(ps *os.ProcessState) int64 { return 0 }
