package bridge

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/pagegen/pagegen/awsbridge"
	"github.com/pagegen/pagegen/paginate"
	"github.com/stretchr/testify/require"
)

// region is the region of every client, the one moto answered in.
const region = "us-east-1"

// sdkConfig returns the configuration of the SDK's clients that call
// through client: a fixed region, static credentials, and no retries. With
// an endpoint (moto's), the clients send their requests there; without
// one, the SDK resolves AWS's own endpoint, as it would for a program
// running in AWS.
func sdkConfig(client aws.HTTPClient, endpoint string) aws.Config {
	cfg := aws.Config{
		Region:      region,
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""),
		Retryer:     func() aws.Retryer { return aws.NopRetryer{} },
		HTTPClient:  client,
	}
	if endpoint != "" {
		cfg.BaseEndpoint = aws.String(endpoint)
	}
	return cfg
}

// A caller is one operation, called in the three ways the benchmarks
// compare.
type caller interface {
	// prepare converts the pagegen input to the SDK's once, for sdk, and
	// calls the SDK once, keeping its output for convert.
	prepare(ctx context.Context) error
	// sdk calls the SDK's client with the SDK's input.
	sdk(ctx context.Context) error
	// bridge calls the generated bridge's Client with the pagegen input.
	bridge(ctx context.Context) error
	// convert converts the pagegen input to the SDK's, and the SDK's
	// output that prepare kept to the pagegen output, with a bridge of its
	// own: the conversions of a bridge call, without the SDK's.
	convert() error
	// handwritten returns the conversions of convert made by code written
	// for the operation's types, without reflection, or nil where the
	// operation has none.
	handwritten() func() error
	// check calls the bridge and checks that the page holds items items,
	// and a next token unless it is the last, and that it is what convert
	// makes of the SDK's output, the token apart.
	check(tb testing.TB, ctx context.Context, items int, last bool)
}

// calls is the caller of one operation whose pagegen input and output are
// In and Out, and the SDK's SIn and SOut, with options Opt.
type calls[In, Out, SIn, SOut, Opt any] struct {
	op       string                                                    // the API's name: "Scan"
	in       *In                                                       // the pagegen input
	callSDK  func(context.Context, *SIn, ...func(*Opt)) (*SOut, error) // the SDK client's method
	callBrid func(context.Context, *In) (*Out, error)                  // the generated Client's method
	conv     *awsbridge.Bridge                                         // the bridge of convert
	page     func(*Out) (items int, next *paginate.Token)              // a page's items and next token
	// byHand, when set, converts the pagegen input and the SDK's output
	// as convert does, with code written for these types.
	byHand func(*In, *SOut) (*SIn, *Out, error)

	sin  *SIn  // in, converted by prepare
	sout *SOut // the SDK's output of prepare
}

// newCalls returns the caller of operation op of the service whose
// bridge is named service, with the pagegen input in, the SDK client's
// method sdk, the generated Client's method bridge, and page, which
// returns a page's number of items and its next token.
func newCalls[In, Out, SIn, SOut, Opt any](service, op string, in *In, sdk func(context.Context, *SIn, ...func(*Opt)) (*SOut, error), bridge func(context.Context, *In) (*Out, error), page func(*Out) (int, *paginate.Token)) *calls[In, Out, SIn, SOut, Opt] {
	return &calls[In, Out, SIn, SOut, Opt]{
		op:       op,
		in:       in,
		callSDK:  sdk,
		callBrid: bridge,
		conv:     awsbridge.New(awsbridge.Config{Service: service}),
		page:     page,
	}
}

func (c *calls[In, Out, SIn, SOut, Opt]) prepare(ctx context.Context) error {
	c.sin = new(SIn)
	if err := c.conv.ToSDK(c.op, c.sin, c.in); err != nil {
		return fmt.Errorf("%s: converting the input: %w", c.op, err)
	}
	sout, err := c.callSDK(ctx, c.sin)
	if err != nil {
		return fmt.Errorf("%s: calling the SDK: %w", c.op, err)
	}
	c.sout = sout
	return nil
}

func (c *calls[In, Out, SIn, SOut, Opt]) sdk(ctx context.Context) error {
	_, err := c.callSDK(ctx, c.sin)
	return err
}

func (c *calls[In, Out, SIn, SOut, Opt]) bridge(ctx context.Context) error {
	_, err := c.callBrid(ctx, c.in)
	return err
}

func (c *calls[In, Out, SIn, SOut, Opt]) convert() error {
	var sin SIn
	if err := c.conv.ToSDK(c.op, &sin, c.in); err != nil {
		return err
	}
	var out Out
	return c.conv.FromSDK(c.op, &out, c.sout)
}

func (c *calls[In, Out, SIn, SOut, Opt]) handwritten() func() error {
	if c.byHand == nil {
		return nil
	}
	return func() error {
		_, _, err := c.byHand(c.in, c.sout)
		return err
	}
}

func (c *calls[In, Out, SIn, SOut, Opt]) check(tb testing.TB, ctx context.Context, items int, last bool) {
	tb.Helper()
	got, err := c.callBrid(ctx, c.in)
	require.NoError(tb, err, "%s through the bridge", c.op)
	n, next := c.page(got)
	require.Equal(tb, items, n, "%s: items of the page", c.op)
	require.Equal(tb, last, next.IsZero(), "%s: whether the page has no next token", c.op)
	var want Out
	require.NoError(tb, c.conv.FromSDK(c.op, &want, c.sout), "%s: converting the SDK's output", c.op)
	_, wantNext := c.page(&want)
	require.Equal(tb, last, wantNext.IsZero(), "%s: whether the converted page has no next token", c.op)
	if c.byHand != nil {
		var wantIn SIn
		require.NoError(tb, c.conv.ToSDK(c.op, &wantIn, c.in), "%s: converting the input", c.op)
		in, out, err := c.byHand(c.in, c.sout)
		require.NoError(tb, err, "%s: converting by hand", c.op)
		require.Equal(tb, &wantIn, in, "%s: the input converted by hand is not the bridge's", c.op)
		require.Equal(tb, &want, out, "%s: the page converted by hand is not the bridge's", c.op)
	}
	// Call keeps the order in which the response listed a token's map
	// keys, and FromSDK sorts them: the tokens may differ in that alone.
	*next, *wantNext = paginate.Token{}, paginate.Token{}
	require.Equal(tb, &want, got, "%s: the bridge's page is not the conversion of the SDK's", c.op)
}
