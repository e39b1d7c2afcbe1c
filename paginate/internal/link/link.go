// Package link hands package paginateimpl the parts of package paginate's
// token codec that only a pager needs: parsing a starting token against a
// paginator's input tokens, and the error for a next token received twice.
// Package paginate sets Codec when it is initialized; the types are generic
// in the token type because this package cannot import paginate.
package link

// IndexKind classifies a starting token's boto_truncate_amount by how
// Python treats it when it slices the first page.
type IndexKind uint8

// The kinds of truncate amounts.
const (
	IndexInt  IndexKind = iota // an int (or bool); 0 when absent
	IndexNull                  // None: no slicing, but adding to it fails
	IndexBad                   // another type: slicing fails
)

// Start is a parsed starting token.
type Start[Token any] struct {
	// Pos is the index in the paginator's input tokens of each member the
	// token sets, in the token's order.
	Pos []int
	// Tokens are the values to send, one per Pos entry; the string "None"
	// stands for a member botocore does not send.
	Tokens []Token
	// Index is the truncate amount when IndexKind is IndexInt.
	Index     int
	IndexKind IndexKind
	// Resume returns the resume token for a first page cut after keep of
	// its items: the starting token plus its truncate amount.
	Resume func(keep int) (string, error)
}

// Funcs are the functions package paginate provides.
type Funcs[Token any] struct {
	// ParseStart parses a starting token for a paginator with the given
	// input tokens, as botocore's _parse_starting_token does.
	ParseStart func(token string, inputTokens []string) (Start[Token], error)
	// RepeatedToken is the error for the next tokens toks received twice in
	// a row.
	RepeatedToken func(inputTokens []string, toks []Token) error
}

// Codec is package paginate's *Funcs[paginate.Token].
var Codec any
