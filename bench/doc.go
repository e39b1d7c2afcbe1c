// Package bench holds the benchmarks and measuring commands of pagegen, in a
// module of its own so that the product does not depend on what they
// compare it with. See README.md for what each one measures.
package bench
