package main

import (
	"flag"
	"slices"
	"testing"
)

var corpus = flag.String("corpus", "", "the specs folder whose types TestTypeCounts counts")

// TestTypeCounts logs, for each package of the specs folder named by
// -corpus, the types met in its pages, the types left once identical ones
// merged, and how many of those a clash qualified:
//
//	go test ./cmd/gen -run TestTypeCounts -corpus /path/to/specs -v
func TestTypeCounts(t *testing.T) {
	if *corpus == "" {
		t.Skip("no -corpus")
	}
	specs, err := readSpecs(*corpus)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := build(*corpus, specs, "out", nil)
	if err != nil {
		t.Fatal(err)
	}
	var met, merged, qualified int
	for _, pkg := range pkgs {
		q := 0
		for _, typ := range pkg.Types {
			if !slices.Contains(typ.Wants, typ.GoName) {
				q++
			}
		}
		t.Logf("%-30s %6d types met, %6d after merging, %5d qualified", pkg.Name, pkg.Candidates, len(pkg.Types), q)
		met, merged, qualified = met+pkg.Candidates, merged+len(pkg.Types), qualified+q
	}
	t.Logf("%-30s %6d types met, %6d after merging, %5d qualified", "all", met, merged, qualified)
}
