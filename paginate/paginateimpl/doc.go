// Package paginateimpl is the support package of generated paginators; only
// generated code imports it, and its API may change with every version of
// pagegen, which generated code checks at compile time (see
// RegenerateCode). Users call package paginate.
//
// A generated paginator declares a Spec naming the operation's hidden
// pagination members (input and output tokens, the limit member, the result
// list) and calls New with a function that calls the client and with its
// own copy of the input; its typed NextPage, Pages and Items wrap the
// Pager's. Nothing here is generic: Spec's functions and Pager hold the
// input and the pages as any (pointers to the operation's structures), so
// a package of many paginators compiles one Pager, not one per paginator.
//
// Generated validate methods report into an Invalid, and generated JSON
// codecs write timestamps through JSONTime.
package paginateimpl
