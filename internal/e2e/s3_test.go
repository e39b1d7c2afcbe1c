package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/pagegen/pagegen/generated/s3"
	"github.com/pagegen/pagegen/generated/s3/s3aws"
	"github.com/pagegen/pagegen/internal/moto"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/require"
)

// s3Client returns the SDK's S3 client of the server at endpoint, which
// names buckets in the path, as moto needs.
func s3Client(endpoint string) *s3aws.Client {
	return s3aws.New(awss3.NewFromConfig(sdkConfig(endpoint), func(o *awss3.Options) { o.UsePathStyle = true }))
}

// s3Bucket is the name of the bucket of s3Objects.
func s3Bucket(scope string) string { return "pagegen-e2e-" + scope }

// s3Objects returns the driver's commands that create a bucket and put 20
// objects at its top level and 9 in three folders, with non-ASCII, "&<>",
// and characters that URLs escape in their keys.
func s3Objects(scope string) []any {
	bucket := s3Bucket(scope)
	commands := []any{moto.Call{Service: "s3", Operation: "CreateBucket", Params: map[string]any{"Bucket": bucket}}}
	var keys []string
	tails := []string{"é&<>ü", "a+b c%20d", "~*'()!$;=@,", "日本語"}
	for i := range 20 {
		keys = append(keys, fmt.Sprintf("top-%02d-%s", i, tails[i%len(tails)]))
	}
	for i := range 9 {
		keys = append(keys, fmt.Sprintf("d%d&<>é/k%02d", i%3, i))
	}
	for i, key := range keys {
		commands = append(commands, moto.Call{Service: "s3", Operation: "PutObject", Params: map[string]any{
			"Bucket": bucket, "Key": key, "Body": moto.Bytes([]byte(strings.Repeat("x", i))),
		}})
	}
	return commands
}

// s3StartAfter is a key before every key of s3Objects.
const s3StartAfter = "a é&<>"

// s3ListObjectsV2 is ListObjectsV2 over the bucket of s3Objects with the
// delimiter "/", with owners, from s3StartAfter: its items are the
// top-level objects, and each folder is a common prefix, a secondary
// result.
func s3ListObjectsV2(scope string) operation[*s3.ListObjectsV2Output] {
	bucket := s3Bucket(scope)
	in := &s3.ListObjectsV2Input{Bucket: bucket, Delimiter: "/", FetchOwner: new(true), StartAfter: s3StartAfter}
	return operation[*s3.ListObjectsV2Output]{
		name:      "S3 ListObjectsV2",
		service:   "s3",
		paginator: "ListObjectsV2",
		params:    map[string]any{"Bucket": bucket, "Delimiter": "/", "FetchOwner": true, "StartAfter": s3StartAfter},
		newPager: func(endpoint string, o paginate.Options) pager[*s3.ListObjectsV2Output] {
			return s3.NewListObjectsV2Paginator(s3Client(endpoint), in, options(o))
		},
		items:     func(page *s3.ListObjectsV2Output) any { return page.Contents },
		count:     20,
		pageSize:  4,
		maxInside: 7, // moto's pages hold 1000
		// boto3 asks for keys URL-encoded unless told otherwise, decodes
		// them, and leaves EncodingType "url" in the page; the SDK asks
		// for them as they are.
		boto3Only: []string{"EncodingType"},
		ownQuery:  []string{"encoding-type"},
	}
}

// s3MultipartKey is the key of the upload of s3Upload.
const s3MultipartKey = "mp/é&<>"

// s3Upload creates a bucket and starts a multipart upload in it, and
// returns the driver's commands that upload 23 parts to it, and its upload
// ID.
func s3Upload(t *testing.T, s *moto.Server, scope string) ([]any, string) {
	t.Helper()
	bucket := s3Bucket(scope)
	start := []any{
		moto.Call{Service: "s3", Operation: "CreateBucket", Params: map[string]any{"Bucket": bucket}},
		moto.Call{Service: "s3", Operation: "CreateMultipartUpload", Params: map[string]any{"Bucket": bucket, "Key": s3MultipartKey}},
	}
	results := moto.Boto3(t, s.URL, start...)
	requireCalls(t, start, results)
	var r moto.CallResult
	require.NoError(t, json.Unmarshal(results[1], &r))
	var upload struct{ UploadId string }
	require.NoError(t, json.Unmarshal(r.OK, &upload))
	require.NotEmpty(t, upload.UploadId)
	var commands []any
	for i := 1; i <= 23; i++ {
		commands = append(commands, moto.Call{Service: "s3", Operation: "UploadPart", Params: map[string]any{
			"Bucket": bucket, "Key": s3MultipartKey, "UploadId": upload.UploadId, "PartNumber": i,
			"Body": moto.Bytes([]byte(strings.Repeat("é", i))),
		}})
	}
	return commands, upload.UploadId
}

// s3ListParts is ListParts over the upload of s3Upload, whose token,
// PartNumberMarker, is an integer.
func s3ListParts(scope, uploadID string) operation[*s3.ListPartsOutput] {
	bucket := s3Bucket(scope)
	in := &s3.ListPartsInput{Bucket: bucket, Key: s3MultipartKey, UploadId: uploadID}
	return operation[*s3.ListPartsOutput]{
		name:      "S3 ListParts",
		service:   "s3",
		paginator: "ListParts",
		params:    map[string]any{"Bucket": bucket, "Key": s3MultipartKey, "UploadId": uploadID},
		newPager: func(endpoint string, o paginate.Options) pager[*s3.ListPartsOutput] {
			return s3.NewListPartsPaginator(s3Client(endpoint), in, options(o))
		},
		items:     func(page *s3.ListPartsOutput) any { return page.Parts },
		count:     23,
		pageSize:  4,
		maxInside: 7, // moto's pages hold 1000
		// The SDK names the operation in the query, as its model's URI
		// does.
		ownQuery: []string{"x-id"},
	}
}

// TestS3ListObjectsV2 compares ListObjectsV2, a REST-XML operation with a
// secondary result (CommonPrefixes), in Go and in boto3.
func TestS3ListObjectsV2(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	c := compareWithBoto3(t, s, s3ListObjectsV2("compare"), s3Objects("compare"))
	c.report(t, "S3 ListObjectsV2")
}

// TestS3ListParts compares ListParts, a REST-XML operation whose token is
// an integer, in Go and in boto3.
func TestS3ListParts(t *testing.T) {
	t.Parallel()
	s := moto.Shared(t)
	parts, uploadID := s3Upload(t, s, "compare-parts")
	c := compareWithBoto3(t, s, s3ListParts("compare-parts", uploadID), parts)
	c.report(t, "S3 ListParts")
}
