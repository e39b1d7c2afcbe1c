// Package e2e proves the generated paginators against a real server, side by
// side with boto3. It holds tests only.
//
// Each test fills a moto server (package internal/moto) with items whose
// names and values carry non-ASCII characters and "&<>" wherever the API
// allows them, then walks one operation twice over the same server: with
// boto3's own paginator, through scripts/boto3_driver.py, and with the
// generated paginator over the package's aws-sdk-go-v2 bridge
// (generated/<service>/<service>aws). The walks cover no PaginationConfig,
// PageSize, MaxItems inside a page and on a page boundary, PageSize and
// MaxItems together, and resumption from a StartingToken that the other
// language wrote. For every pair of walks the tests assert that
//
//   - the items, and the pages, are equal as the driver normalises them
//     (null, "", [] and {} dropped, timestamps in UTC to the millisecond,
//     bytes as base64, numbers compared by value);
//   - the requests, recorded by a proxy, are the same: method, path, query
//     and the parameters in the body, so that a member the server ignores
//     is compared too;
//   - the resume tokens are equal byte for byte;
//   - a walk resumed in either language from either language's token
//     continues where the first stopped, with no item missing or repeated.
//
// The operations span the four protocol families: JSON (SSM
// GetParametersByPath, DynamoDB Scan and Query, CloudWatch Logs
// DescribeLogGroups), REST-XML (S3 ListObjectsV2 and ListParts, Route 53
// ListHostedZones), EC2 (DescribeInstances) and query (IAM ListUsers).
//
// The fault tests put a moto.FaultProxy between the SDK and the server,
// which fails requests with HTTP 500, a reset connection or a truncated
// body, and check, for one service of each protocol family, that NextPage
// returns each such error, that calling it again carries on, and that the
// walk yields every item of the fault-free walk exactly once and in order.
//
// TestErrors checks that where the server rejects a request, NextPage
// returns the SDK's error with boto3's code, message and HTTP status, and
// TestDynamoDBScanConcurrent that walks through one client from several
// goroutines do not disturb each other.
//
// The tests need python3 with boto3 and moto: without them they skip, and
// fail where the environment variable CI is set. Every test logs what it
// compared, and the package prints the totals once its tests have run:
//
//	go test ./internal/e2e -v -count=1
package e2e
