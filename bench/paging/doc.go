// Package paging benchmarks the generated ssm.DescribeSessionsPaginator
// against aws-sdk-go-v2's ssm.NewDescribeSessionsPaginator over in-memory
// clients that serve the same pages: plain paging, the Items iterator, and
// a MaxItems run resumed from its ResumeToken. It holds only tests and
// benchmarks; the paging section of bench's README says how to run them
// and what they showed.
package paging
