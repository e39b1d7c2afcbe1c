package main

import "regexp"

// A category is a reason an operation's round trip fails. The first ten
// are those of awsbridge's doc, "What cannot be converted", in its order;
// the rest are failures of other kinds.
type category string

// The categories, in the order the report lists them.
const (
	catSDKLacks     category = "members the SDK lacks"
	catUnknown      category = "unknown members"
	catUnreachable  category = "unreachable unions"
	catRange        category = "numbers out of range"
	catNotNumber    category = "numbers that are not numbers"
	catToken        category = "tokens of another type"
	catUnionCount   category = "unions with other than one member"
	catPlainStruct  category = "members a plain struct cannot hold"
	catInvalidJSON  category = "invalid JSON"
	catMismatch     category = "types with nothing in common"
	catDiff         category = "values that came back different"
	catPanic        category = "panics"
	catCompile      category = "compile errors"
	catDidNotFinish category = "tests that did not finish"
	catOther        category = "other"
)

// categories lists every category in report order.
var categories = []category{
	catSDKLacks, catUnknown, catUnreachable, catRange, catNotNumber, catToken,
	catUnionCount, catPlainStruct, catInvalidJSON, catMismatch,
	catDiff, catPanic, catCompile, catDidNotFinish, catOther,
}

// documented reports whether c is one of the limits that awsbridge's doc
// lists under "What cannot be converted".
func (c category) documented() bool {
	for _, d := range categories[:10] {
		if c == d {
			return true
		}
	}
	return false
}

// rule gives the category of the messages that match re.
type rule struct {
	re  *regexp.Regexp
	cat category
}

// describedValue is how awsbridge describes a JSON value of a token when
// it cannot convert it (tree.go's describe).
const describedValue = `(?:the string |the boolean |the number |bytes|a list|an object|null)`

// rules are tried in order; the first that matches a message decides.
// They read the error texts of awsbridge, its internal shape package,
// bridgetest and testify.
var rules = []rule{
	{regexp.MustCompile(`test timed out|did not finish`), catDidNotFinish},
	{regexp.MustCompile(`Should be empty, but was|members that came back different`), catDiff},
	{regexp.MustCompile(`^panic: |panicked`), catPanic},
	{regexp.MustCompile(`has no member \S+, so it cannot be sent`), catUnknown},
	{regexp.MustCompile(`no type of the operation that deserializes itself holds it|cannot build the SDK's |its deserializer (built no|did not reach|left|panicked)|the SDK's schema \S+ has no member for field|the SDK's deserializer called`), catUnreachable},
	{regexp.MustCompile(`the token .* is not (a string|an integer)|is a union: an object of one member|is not base64|to a timestamp|cannot convert ` + describedValue + `|the member's value is null|to a JSON value|is not a JSON number|cannot write a .* as JSON`), catToken},
	{regexp.MustCompile(`overflows `), catRange},
	{regexp.MustCompile(`is not an? (integer|unsigned integer|number)`), catNotNumber},
	{regexp.MustCompile(`no member is set|more than one member is set`), catUnionCount},
	{regexp.MustCompile(`cannot tell from no member|has no place (in|for)|which is not one of its members`), catPlainStruct},
	{regexp.MustCompile(`not valid JSON|invalid JSON|does not marshal|data after the JSON value`), catInvalidJSON},
	{regexp.MustCompile(`the SDK's \S+ has no member \S+`), catSDKLacks},
	{regexp.MustCompile(`cannot convert `), catMismatch},
}

// classify returns the category of a round trip's failure message.
func classify(msg string) category {
	for _, r := range rules {
		if r.re.MatchString(msg) {
			return r.cat
		}
	}
	return catOther
}
