package e2e

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"testing"

	"github.com/pagegen/pagegen/internal/moto"
)

// TestMain runs the tests against one moto server, stops it, and with -v
// prints the package's totals.
func TestMain(m *testing.M) {
	code := moto.Main(m)
	if testing.Verbose() {
		totals.print(os.Stdout)
	}
	os.Exit(code)
}

// totals collects what the package's tests compared and checked.
var totals summary

// summary is what tests compared with boto3 and checked under faults.
type summary struct {
	mu         sync.Mutex
	operations []string // the operations compared with boto3
	compared   tally
	faulted    []string // the operations walked under faults
	faults     faultTally
	errors     int // errors compared with boto3's
}

// addTally adds what a test compared with boto3 about operation name.
func (s *summary) addTally(name string, c tally) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.operations = append(s.operations, name)
	s.compared.runs += c.runs
	s.compared.items += c.items
	s.compared.pages += c.pages
	s.compared.requests += c.requests
	s.compared.tokens += c.tokens
	s.compared.filled += c.filled
}

// addFaults adds what a test checked about operation name under faults.
func (s *summary) addFaults(name string, f faultTally) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faulted = append(s.faulted, name)
	s.faults.add(f)
}

// addErrors adds n errors compared with boto3's.
func (s *summary) addErrors(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errors += n
}

// print writes the totals to w.
func (s *summary) print(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.compared
	fmt.Fprintf(w, "e2e totals: %d operations compared with boto3: %d runs compared, %d items compared, %d pages compared, %d requests compared, %d resume tokens compared (%d not empty)\n",
		len(s.operations), c.runs, c.items, c.pages, c.requests, c.tokens, c.filled)
	fmt.Fprintf(w, "e2e totals: %d operations walked under faults: %s\n", len(s.faulted), s.faults)
	fmt.Fprintf(w, "e2e totals: %d errors compared with boto3's (code, message, HTTP status)\n", s.errors)
	if len(s.operations) > 0 {
		fmt.Fprintf(w, "e2e compared: %q\n", slices.Sorted(slices.Values(s.operations)))
	}
	if len(s.faulted) > 0 {
		fmt.Fprintf(w, "e2e faulted: %q\n", slices.Sorted(slices.Values(s.faulted)))
	}
}
