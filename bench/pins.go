//go:build pins

// The packages the measurements build from source, so that go.mod pins
// them and what they import: aws-sdk-go-v2's, and the generator's (its
// command, which a program cannot import). The pins build tag keeps this
// file out of every build.
package bench

import (
	_ "github.com/aws/aws-sdk-go-v2/aws"
	_ "github.com/aws/aws-sdk-go-v2/service/ec2"
	_ "github.com/aws/aws-sdk-go-v2/service/ssm"
	_ "github.com/pagegen/pagegen/paginate"
	_ "github.com/pagegen/pagegen/templates"
)
