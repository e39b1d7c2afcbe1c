module github.com/pagegen/pagegen/bench

go 1.26.8

require (
	github.com/aws/aws-sdk-go-v2 v1.47.7
	github.com/aws/aws-sdk-go-v2/service/ec2 v1.250.0
	github.com/aws/aws-sdk-go-v2/service/ssm v1.67.0
	github.com/google/pprof v0.0.0-20261016150608-1facf8f91b50
	github.com/pagegen/pagegen v0.0.0
	github.com/stretchr/testify v1.12.1
)

require (
	github.com/aws/aws-sdk-go-v2/internal/configsources v1.4.13 // indirect
	github.com/aws/aws-sdk-go-v2/internal/endpoints/v2 v2.7.13 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/accept-encoding v1.13.1 // indirect
	github.com/aws/aws-sdk-go-v2/service/internal/presigned-url v1.13.6 // indirect
	github.com/aws/smithy-go v1.28.8 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)

replace github.com/pagegen/pagegen => ../
