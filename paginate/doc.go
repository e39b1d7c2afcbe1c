// Package paginate is what users of generated paginators call: the
// options of a paginator, its errors, and its tokens. Generated paginators
// walk the pages of an operation exactly as botocore's PageIterator does,
// so that a Go program and boto3 agree page for page and token for token;
// the walk itself is in package paginateimpl, which only generated code
// imports.
//
// Options maps one to one onto boto3's PaginationConfig:
//
//   - MaxItems caps the total number of items. The page that crosses the
//     limit is truncated, and ResumeToken then returns a token
//     ({tokens..., "boto_truncate_amount": n}, base64 of Python's
//     json.dumps) that resumes at the first item not returned. Stopping on
//     a page boundary makes the service's next token the resume token.
//   - PageSize is sent as the operation's limit member.
//   - StartingToken accepts a ResumeToken from this package or from boto3,
//     a deprecated "token___index" token, or a raw service token, told apart
//     with botocore's exact rules.
//
// The pagination ends when the service returns no next token (or a false
// more-results member) and fails with ErrRepeatedToken when it returns the
// same next token twice in a row. Errors from the client leave the
// paginator unchanged, so NextPage may be called again to retry. Position
// exposes the resume-token codec.
//
// A token member's value is a Token: a string for nearly every operation,
// any JSON value for the few whose token is a number or a structure
// (DynamoDB's LastEvaluatedKey, a map of attribute values, which may hold
// bytes). Resume tokens hold such values exactly as botocore writes them,
// bytes under boto_encoded_keys included, so they pass between Go and
// Python whatever the token's type.
//
// The tests replay behaviour recorded from botocore itself
// (scripts/record_paginate.py). The known differences all concern
// hand-made starting tokens:
//
//   - an empty-string token value is treated as absent rather than sent;
//   - a member that is not an input token, or a number that is not finite
//     (NaN, Infinity), is rejected before the first request, where boto3's
//     parameter validation would reject the request;
//   - a token that omits one of several input tokens clears that member
//     instead of keeping a value set on the input;
//   - a boto_truncate_amount beyond the int range saturates, and lone
//     surrogates in token values are sent as U+FFFD;
//   - a nil result list counts as an absent one, which only matters for a
//     boto_truncate_amount that is not an integer.
package paginate
