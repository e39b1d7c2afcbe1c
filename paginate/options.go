package paginate

import "errors"

// Options mirrors boto3's PaginationConfig. Zero values mean "not set".
type Options struct {
	// MaxItems is the total number of items to return across pages; 0 means
	// no limit. When the limit falls inside a page, that page is truncated
	// and ResumeToken tells where to resume.
	MaxItems int
	// PageSize is sent as the operation's limit member before the first
	// request; 0 means it is not sent.
	PageSize int
	// StartingToken is where to start: a token from ResumeToken (or from
	// boto3), a deprecated "token___index" token, or a raw service token.
	StartingToken string
}

var (
	// ErrNoMorePages is returned by NextPage after the last page.
	ErrNoMorePages = errors.New("paginate: no more pages")
	// ErrBadStartingToken is wrapped by the errors for a StartingToken that
	// cannot be used (botocore raises ValueError "Bad starting token" and
	// related errors in the same places).
	ErrBadStartingToken = errors.New("paginate: bad starting token")
	// ErrRepeatedToken is wrapped by the error returned when the service
	// sends the same next token twice in a row (botocore's PaginationError).
	ErrRepeatedToken = errors.New("paginate: the same next token was received twice")
	// ErrPageSizeUnsupported is returned when PageSize is set for an
	// operation without a limit member.
	ErrPageSizeUnsupported = errors.New("paginate: PageSize parameter is not supported for the pagination interface for this operation")
	// ErrNotSliceable is returned when MaxItems falls inside a page whose
	// primary result is a map or structure, which botocore cannot cut
	// either.
	ErrNotSliceable = errors.New("paginate: MaxItems falls inside a page whose result is not a list or string")
)
