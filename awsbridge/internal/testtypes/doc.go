// Package testtypes holds pagegen packages generated from a few corpus
// pages (specs/), whose types the bridge's tests convert to and from the
// SDK's. From the module's root, write them again with
//
//	go run ./cmd/gen -specs awsbridge/internal/testtypes/specs -out awsbridge/internal/testtypes -import github.com/pagegen/pagegen/awsbridge/internal/testtypes
package testtypes
