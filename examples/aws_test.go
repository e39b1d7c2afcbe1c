package examples_test

import (
	"context"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/ssm/types"

	"github.com/pagegen/pagegen/generated/ssm"
	"github.com/pagegen/pagegen/generated/ssm/ssmaws"
	"github.com/pagegen/pagegen/paginate"
)

// parametersAPI stands for the SDK's SSM client: it serves seven
// parameters two to a page, in the SDK's own types. A program passes
// awsssm.NewFromConfig(cfg) instead.
type parametersAPI struct {
	ssmaws.API // the operations this program does not call
}

func (parametersAPI) GetParametersByPath(ctx context.Context, in *awsssm.GetParametersByPathInput, _ ...func(*awsssm.Options)) (*awsssm.GetParametersByPathOutput, error) {
	start, _ := strconv.Atoi(aws.ToString(in.NextToken))
	end := min(start+int(aws.ToInt32(in.MaxResults)), 7)
	out := &awsssm.GetParametersByPathOutput{}
	for i := start; i < end; i++ {
		out.Parameters = append(out.Parameters, types.Parameter{
			Name:  aws.String(fmt.Sprintf("%s/p%d", aws.ToString(in.Path), i)),
			Value: aws.String("v" + strconv.Itoa(i)),
			Type:  types.ParameterTypeString,
		})
	}
	if end < 7 {
		out.NextToken = aws.String(strconv.Itoa(end))
	}
	return out, nil
}

func Example_awsBridge() {
	client := ssmaws.New(parametersAPI{})
	in := &ssm.GetParametersByPathInput{Path: "/app"}
	ctx := context.Background()

	// The first three parameters, two to a page, then resume where it stopped.
	p := ssm.NewGetParametersByPathPaginator(client, in, func(o *paginate.Options) {
		o.MaxItems = 3
		o.PageSize = 2
	})
	for param, err := range p.Items(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(param.Name, param.Value, param.Type)
	}
	token := p.ResumeToken()
	pos, _ := paginate.DecodePosition(token)
	fmt.Println(pos.Keys, pos.Values, pos.Truncate)
	rest := ssm.NewGetParametersByPathPaginator(client, in, func(o *paginate.Options) {
		o.StartingToken = token
		o.PageSize = 2
	})
	for param, err := range rest.Items(ctx) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(param.Name)
	}
	// Output:
	// /app/p0 v0 String
	// /app/p1 v1 String
	// /app/p2 v2 String
	// [NextToken] [2] 1
	// /app/p3
	// /app/p4
	// /app/p5
	// /app/p6
}
