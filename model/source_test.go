package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSourcePath(t *testing.T) {
	for file, want := range map[string]string{
		"../../specs/ssm/paginator/DescribeSessions.rst":  "specs/ssm/paginator/DescribeSessions.rst",
		"specs/ssm/paginator/DescribeSessions.rst":        "specs/ssm/paginator/DescribeSessions.rst",
		"/tmp/x/specs/ssm/paginator/DescribeSessions.rst": "specs/ssm/paginator/DescribeSessions.rst",
		"ssm/paginator/DescribeSessions.rst":              "ssm/paginator/DescribeSessions.rst",
		"./ssm/paginator/DescribeSessions.rst":            "ssm/paginator/DescribeSessions.rst",
		"../ssm/paginator/DescribeSessions.rst":           "ssm/paginator/DescribeSessions.rst",
	} {
		assert.Equal(t, want, sourcePath(file), file)
	}
}
