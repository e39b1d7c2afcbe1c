package moto

import (
	"fmt"
	"os"
	"sync"
	"testing"
)

// shared is the server of Main and Shared.
var shared struct {
	mu     sync.Mutex
	main   bool    // whether Main is running the tests
	server *Server // started by the first Shared
	err    error   // Launch's error, given to every later Shared
}

// Main runs the tests of a package whose tests call Shared, then stops the
// server that Shared started, if any. It returns the exit code for
// os.Exit:
//
//	func TestMain(m *testing.M) { os.Exit(moto.Main(m)) }
func Main(m *testing.M) int {
	shared.mu.Lock()
	shared.main = true
	shared.mu.Unlock()

	code := m.Run()

	shared.mu.Lock()
	s := shared.server
	shared.main, shared.server, shared.err = false, nil, nil
	shared.mu.Unlock()
	if s != nil {
		if err := s.Stop(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// Shared returns the one server of the package's tests, started by its
// first call; Main stops it after the last test. Tests that share it see
// each other's resources: each resets it (Server.Reset) or uses names of
// its own, and tests that reset it do not run in parallel. Where python3 or
// moto is missing it skips the test, or fails it when the environment
// variable CI is set; a server that failed to start is not tried again.
func Shared(tb testing.TB) *Server {
	tb.Helper()
	shared.mu.Lock()
	defer shared.mu.Unlock()
	if !shared.main {
		tb.Fatal("moto: Shared needs the package's TestMain to return moto.Main(m), which stops the server")
	}
	if shared.server == nil && shared.err == nil {
		shared.server, shared.err = Launch()
	}
	if shared.err != nil {
		unavailable(tb, shared.err)
	}
	return shared.server
}
