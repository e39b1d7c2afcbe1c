package paginateimpl

// The versions of this package's API. Generated code is written against
// one version, GenVersion when it was generated, and checks at compile time
// that this package still supports it (see RegenerateCode and
// UpdatePagegen).
const (
	// GenVersion is the version the generator of this module writes code
	// for.
	GenVersion = 1
	// MinVersion is the oldest version this package supports.
	MinVersion = 1
	// MaxVersion is the newest version this package supports.
	MaxVersion = 1
)

// RegenerateCode is the type generated code converts its version minus
// MinVersion to, in a constant declaration:
//
//	_ = paginateimpl.RegenerateCode(1 - paginateimpl.MinVersion)
//
// When the code is older than this package supports, the constant is
// negative and the build fails with "constant -1 overflows
// paginateimpl.RegenerateCode": regenerate the package with go generate.
type RegenerateCode uint

// UpdatePagegen is the type generated code converts MaxVersion minus its
// version to, in a constant declaration:
//
//	_ = paginateimpl.UpdatePagegen(paginateimpl.MaxVersion - 1)
//
// When the code is newer than this package, the constant is negative and
// the build fails with "constant -1 overflows paginateimpl.UpdatePagegen":
// update the module github.com/pagegen/pagegen to the version that
// generated the code.
type UpdatePagegen uint
