package paging

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	awstypes "github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/paginate"
)

// The size of the data every benchmark pages through.
const (
	numPages     = 1000
	pageSize     = 50
	numSessions  = numPages * pageSize
	firstPageKey = "" // the token of the first page: none
)

// errUnknownToken is returned by the fakes for a token they did not hand out.
var errUnknownToken = errors.New("fake: unknown NextToken")

// session is one session of the shared data, before it is turned into
// either side's type.
type session struct {
	id, target, owner, document string
	status                      string
	start                       time.Time
}

// pageToken is the NextToken that leads to page i (i ≥ 1).
func pageToken(i int) string {
	return "page-" + strconv.Itoa(i)
}

// testData returns the sessions every fake serves, pageSize to a page.
func testData() []session {
	t0 := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	statuses := []string{"Connected", "Disconnected", "Terminated"}
	data := make([]session, numSessions)
	for i := range data {
		n := strconv.Itoa(i)
		data[i] = session{
			id:       "alice-" + n + "-0f1e2d3c4b5a69788",
			target:   "i-0" + n + "abcdef012345",
			owner:    "arn:aws:sts::123456789012:assumed-role/Admin/alice",
			document: "SSM-SessionManagerRunShell",
			status:   statuses[i%len(statuses)],
			start:    t0.Add(time.Duration(i) * time.Second),
		}
	}
	return data
}

// pagegenClient serves pre-built pages of the generated package by token.
type pagegenClient struct {
	pages map[string]*ssm.DescribeSessionsOutput
}

// DescribeSessions returns the page in.NextToken leads to.
func (c *pagegenClient) DescribeSessions(_ context.Context, in *ssm.DescribeSessionsInput) (*ssm.DescribeSessionsOutput, error) {
	out, ok := c.pages[in.NextToken.String()]
	if !ok {
		return nil, errUnknownToken
	}
	return out, nil
}

// awsClient serves pre-built pages of aws-sdk-go-v2 by token.
type awsClient struct {
	pages map[string]*awsssm.DescribeSessionsOutput
}

// DescribeSessions returns the page in.NextToken leads to.
func (c *awsClient) DescribeSessions(_ context.Context, in *awsssm.DescribeSessionsInput, _ ...func(*awsssm.Options)) (*awsssm.DescribeSessionsOutput, error) {
	out, ok := c.pages[aws.ToString(in.NextToken)]
	if !ok {
		return nil, errUnknownToken
	}
	return out, nil
}

// newPagegenClient returns a client serving data as the generated types.
func newPagegenClient(data []session) *pagegenClient {
	c := &pagegenClient{pages: make(map[string]*ssm.DescribeSessionsOutput, numPages)}
	key := firstPageKey
	for i := range numPages {
		out := &ssm.DescribeSessionsOutput{Sessions: make([]ssm.Session, pageSize)}
		for j, s := range data[i*pageSize : (i+1)*pageSize] {
			out.Sessions[j] = ssm.Session{
				SessionId:    s.id,
				Target:       s.target,
				Status:       ssm.SessionStatus(s.status),
				StartDate:    new(s.start),
				DocumentName: s.document,
				Owner:        s.owner,
			}
		}
		if i+1 < numPages {
			out.NextToken = paginate.StringToken(pageToken(i + 1))
		}
		c.pages[key] = out
		key = out.NextToken.String()
	}
	return c
}

// newAWSClient returns a client serving data as aws-sdk-go-v2's types.
func newAWSClient(data []session) *awsClient {
	c := &awsClient{pages: make(map[string]*awsssm.DescribeSessionsOutput, numPages)}
	key := firstPageKey
	for i := range numPages {
		out := &awsssm.DescribeSessionsOutput{Sessions: make([]awstypes.Session, pageSize)}
		for j, s := range data[i*pageSize : (i+1)*pageSize] {
			out.Sessions[j] = awstypes.Session{
				SessionId:    aws.String(s.id),
				Target:       aws.String(s.target),
				Status:       awstypes.SessionStatus(s.status),
				StartDate:    aws.Time(s.start),
				DocumentName: aws.String(s.document),
				Owner:        aws.String(s.owner),
			}
		}
		if i+1 < numPages {
			out.NextToken = aws.String(pageToken(i + 1))
		}
		c.pages[key] = out
		key = aws.ToString(out.NextToken)
	}
	return c
}

// fakes holds both clients, built once for the whole test binary.
var fakes = sync.OnceValues(func() (*pagegenClient, *awsClient) {
	data := testData()
	return newPagegenClient(data), newAWSClient(data)
})

// Inputs of both sides: the same request.
var (
	pagegenInput = &ssm.DescribeSessionsInput{State: ssm.SessionStateActive}
	awsInput     = &awsssm.DescribeSessionsInput{State: awstypes.SessionStateActive}
)

// sessionKey is the part of a session both sides' types hold, for
// comparing them.
type sessionKey struct {
	id, target, owner, document, status string
	start                               time.Time
}

// TestFakesServeSameSessions checks that both paginators, walking their own
// fake, see the same 1,000 pages and the same 50,000 distinct sessions in
// the same order.
func TestFakesServeSameSessions(t *testing.T) {
	pc, ac := fakes()
	ctx := context.Background()

	var fromPagegen []sessionKey
	pagegenPages := 0
	for page, err := range ssm.NewDescribeSessionsPaginator(pc, pagegenInput).Pages(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		pagegenPages++
		for _, s := range page.Sessions {
			fromPagegen = append(fromPagegen, sessionKey{s.SessionId, s.Target, s.Owner, s.DocumentName, string(s.Status), *s.StartDate})
		}
	}

	var fromAWS []sessionKey
	awsPages := 0
	for p := awsssm.NewDescribeSessionsPaginator(ac, awsInput); p.HasMorePages(); {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		awsPages++
		for _, s := range page.Sessions {
			fromAWS = append(fromAWS, sessionKey{*s.SessionId, *s.Target, *s.Owner, *s.DocumentName, string(s.Status), *s.StartDate})
		}
	}

	if pagegenPages != numPages || awsPages != numPages {
		t.Fatalf("pages: pagegen %d, aws-sdk-go-v2 %d, want %d", pagegenPages, awsPages, numPages)
	}
	if len(fromPagegen) != numSessions || len(fromAWS) != numSessions {
		t.Fatalf("sessions: pagegen %d, aws-sdk-go-v2 %d, want %d", len(fromPagegen), len(fromAWS), numSessions)
	}
	seen := make(map[string]bool, numSessions)
	for i := range fromPagegen {
		if fromPagegen[i] != fromAWS[i] {
			t.Fatalf("session %d: pagegen %+v, aws-sdk-go-v2 %+v", i, fromPagegen[i], fromAWS[i])
		}
		if seen[fromPagegen[i].id] {
			t.Fatalf("session %d: id %s served twice", i, fromPagegen[i].id)
		}
		seen[fromPagegen[i].id] = true
	}
}

// TestFakesRejectUnknownToken checks that a token the fakes did not hand out
// is an error rather than the first page again.
func TestFakesRejectUnknownToken(t *testing.T) {
	pc, ac := fakes()
	ctx := context.Background()
	if _, err := pc.DescribeSessions(ctx, &ssm.DescribeSessionsInput{NextToken: paginate.StringToken("nope")}); !errors.Is(err, errUnknownToken) {
		t.Errorf("pagegen fake: got %v, want %v", err, errUnknownToken)
	}
	if _, err := ac.DescribeSessions(ctx, &awsssm.DescribeSessionsInput{NextToken: aws.String("nope")}); !errors.Is(err, errUnknownToken) {
		t.Errorf("aws-sdk-go-v2 fake: got %v, want %v", err, errUnknownToken)
	}
}
