package paginate

import (
	"fmt"

	"github.com/pagegen/pagegen/paginate/internal/link"
)

// init hands package paginateimpl's pager the starting-token parser and the
// repeated-token error, which are not part of this package's API.
func init() {
	link.Codec = &link.Funcs[Token]{
		ParseStart:    parseStart,
		RepeatedToken: repeatedToken,
	}
}

// parseStart is parseStartingToken in the form a pager reads.
func parseStart(token string, inputTokens []string) (link.Start[Token], error) {
	st, err := parseStartingToken(token, inputTokens)
	if err != nil {
		return link.Start[Token]{}, err
	}
	kind := link.IndexInt
	switch st.idxKind {
	case idxNull:
		kind = link.IndexNull
	case idxBad:
		kind = link.IndexBad
	}
	return link.Start[Token]{
		Pos:       st.pos,
		Tokens:    st.toks,
		Index:     st.idx,
		IndexKind: kind,
		Resume:    func(keep int) (string, error) { return st.resume(keep, inputTokens) },
	}, nil
}

// repeatedToken is botocore's PaginationError for a next token received
// twice in a row.
func repeatedToken(inputTokens []string, toks []Token) error {
	return fmt.Errorf("%w: %s", ErrRepeatedToken, pyDictRepr(inputTokens, tokenReprs(toks), "", 0, false))
}
