package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBridges checks -aws: it writes a bridge per package; a run without
// the flag keeps them, to the same SDK package, and -check is content;
// -aws=false removes them; -aws-sdk names a service's package, and a
// package the module cannot build is an error that says what to do. The
// output folder is inside this module, whose go.mod requires the SDK
// packages of the seed pages.
func TestBridges(t *testing.T) {
	specs := copySpecs(t)
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	out, err := os.MkdirTemp(root, "zz_bridges_")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(out) })
	gen := func(check bool, br bridges) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := run(specs, out, "example.com/out", check, br, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	on, off := bridges{aws: awsFlag{set: true, on: true}}, bridges{aws: awsFlag{set: true}}
	bridgeFiles := []string{"ssm/ssmaws/ssmaws.go", "ssm/ssmaws/ssmaws_test.go", "ec2/ec2aws/ec2aws.go", "ec2/ec2aws/ec2aws_test.go"}

	code, stdout, stderr := gen(false, on)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "2 packages, 14 files generated, 14 written, 0 deleted")
	for _, f := range bridgeFiles {
		require.FileExists(t, filepath.Join(out, filepath.FromSlash(f)))
	}
	b, err := os.ReadFile(filepath.Join(out, "ssm", "ssmaws", "ssmaws.go"))
	require.NoError(t, err)
	require.Contains(t, string(b), `awsssm "github.com/aws/aws-sdk-go-v2/service/ssm"`)

	code, stdout, stderr = gen(false, bridges{})
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "14 files generated: all unchanged, none written", "without -aws the bridges are kept")
	code, stdout, stderr = gen(true, bridges{})
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "14 generated files are current")

	code, stdout, stderr = gen(false, off)
	require.Equal(t, 0, code, stderr)
	require.Contains(t, stdout, "10 files generated, 0 written, 4 deleted")
	for _, f := range bridgeFiles {
		require.NoFileExists(t, filepath.Join(out, filepath.FromSlash(f)))
	}

	named := bridges{aws: on.aws, named: map[string]string{"ssm": "ssmcontacts"}}
	code, _, stderr = gen(false, named)
	require.Equal(t, 1, code)
	require.Contains(t, stderr, "ssm/paginator/DescribeSessions.rst:1:1: no aws-sdk-go-v2 package for service ssm in the module of "+out+
		": tried github.com/aws/aws-sdk-go-v2/service/ssmcontacts; add the service's package to the module "+
		"(go get github.com/aws/aws-sdk-go-v2/service/ssmcontacts) or name it with -aws-sdk ssm=<package>")
	for _, f := range bridgeFiles {
		require.NoFileExists(t, filepath.Join(out, filepath.FromSlash(f)), "a failed run writes nothing")
	}
}

func TestAWSFlags(t *testing.T) {
	var stderr bytes.Buffer
	require.Equal(t, 2, gen([]string{"-aws-sdk", "logs=cloudwatchlogs"}, &bytes.Buffer{}, &stderr))
	require.Contains(t, stderr.String(), "gen: -aws-sdk needs -aws")
	stderr.Reset()
	require.Equal(t, 2, gen([]string{"-aws", "-aws-sdk", "logs"}, &bytes.Buffer{}, &stderr))
	require.Contains(t, stderr.String(), `"logs" is not service=package`)

	f := sdkFlag{}
	require.NoError(t, f.Set("logs=cloudwatchlogs,amp=amp"))
	require.Equal(t, sdkFlag{"logs": "cloudwatchlogs", "amp": "amp"}, f)
}
