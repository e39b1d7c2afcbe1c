//go:build pins

// The aws-sdk-go-v2 packages the measurements build, pinned in go.mod; the
// pins build tag keeps this file out of every build.
package bench

import (
	_ "github.com/aws/aws-sdk-go-v2/aws"
	_ "github.com/aws/aws-sdk-go-v2/service/ec2"
	_ "github.com/aws/aws-sdk-go-v2/service/ssm"
	_ "github.com/pagegen/pagegen/paginate"
)
