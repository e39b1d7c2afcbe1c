// Package bridge measures what the generated bridge packages
// (generated/<service>/<service>aws) add to a call of aws-sdk-go-v2: the
// conversion of a pagegen input into the SDK's and of the SDK's output
// into pagegen's, against the SDK's own cost of the same call.
//
// The SDK's clients call an in-memory HTTP client that answers every
// request with a response recorded from moto, so that no network is timed:
// one page of DynamoDB Scan, SSM GetParametersByPath, CloudWatch Logs
// DescribeLogGroups (JSON protocols), S3 ListObjectsV2, Route 53
// ListHostedZones (REST-XML) and IAM ListUsers (query), kept in
// ../testdata/bridge. The package holds only tests and benchmarks;
// `go test` checks that every recording still decodes, through the SDK and
// through the bridge, into a full page. The bridge section of bench's
// README says how to run the benchmarks, how the recordings are made
// again, and what the benchmarks showed.
package bridge
