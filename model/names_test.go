package model

import (
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExported(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"SessionId", "SessionId"},
		{"key", "Key"},
		{"value", "Value"},
		{"type", "Type"},
		{"S3OutputUrl", "S3OutputUrl"},
		{"max-items", "MaxItems"},
		{"3d", "X3d"},
		{"_private", "X_private"},
		{"", "X"},
		{"été", "Été"},
	} {
		got := Exported(tc.in)
		assert.Equal(t, tc.want, got, "Exported(%q)", tc.in)
		assert.True(t, token.IsIdentifier(got) && token.IsExported(got), "Exported(%q) = %q is not an exported identifier", tc.in, got)
	}
}

func TestPascal(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Active", "Active"},
		{"JustInTime", "JustInTime"},
		{"InvokedAfter", "InvokedAfter"},
		{"network-interface-id", "NetworkInterfaceId"},
		{"SHOT_CHANGE", "ShotChange"},
		{"t2.micro", "T2Micro"},
		{"tag:<key>", "TagKey"},
		{"", ""},
		{"A", "A"},
	} {
		assert.Equal(t, tc.want, Pascal(tc.in), "Pascal(%q)", tc.in)
	}
}

func TestSingular(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Sessions", "Session"},
		{"Filters", "Filter"},
		{"Tags", "Tag"},
		{"OutputUrl", "OutputUrl"},
		{"Policies", "Policy"},
		{"Addresses", "Address"},
		{"Aliases", "Alias"},
		{"Statuses", "Status"},
		{"Status", "Status"},
		{"Branches", "Branch"},
		{"Boxes", "Box"},
		{"Metadata", "Metadata"},
		{"Analysis", "Analysis"},
		{"Analytics", "Analytics"},
		{"Metrics", "Metric"},
		{"Topics", "Topic"},
		{"RestApis", "RestApi"},
		{"ResourceUris", "ResourceUri"},
		{"Axis", "Axis"},
		{"Redis", "Redis"},
		{"Kinesis", "Kinesis"},
		{"RunCaches", "RunCache"},
		{"Patches", "Patch"},
		{"TrafficMirrorSessions", "TrafficMirrorSession"},
	} {
		assert.Equal(t, tc.want, Singular(tc.in), "Singular(%q)", tc.in)
	}
}

func TestPackageName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ssm", "ssm"},
		{"ec2", "ec2"},
		{"acm-pca", "acmpca"},
		{"marketplace-entitlement", "marketplaceentitlement"},
		{"go", "gosvc"},
		{"len", "lensvc"},
		{"3d", "svc3d"},
		{"", "svc"},
	} {
		assert.Equal(t, tc.want, PackageName(tc.in), "PackageName(%q)", tc.in)
	}
}

func TestUnexported(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"DescribeSessions", "describeSessions"},
		{"URL", "url"},
		{"HTTPServer", "httpServer"},
		{"Type", "type_"},
		{"Len", "len_"},
		{"key", "key"},
	} {
		assert.Equal(t, tc.want, Unexported(tc.in), "Unexported(%q)", tc.in)
	}
}

func TestUniquer(t *testing.T) {
	u := uniquer{}
	assert.Equal(t, "Key", u.name("Key"))
	assert.Equal(t, "Key2", u.name("Key"))
	assert.Equal(t, "Key3", u.name("Key"))
	assert.Equal(t, "Value", u.name("Value"))
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"DescribeDBInstances", []string{"Describe", "DB", "Instances"}},
		{"S3Bucket", []string{"S3", "Bucket"}},
		{"Ec2InstanceId", []string{"Ec2", "Instance", "Id"}},
		{"VPCId", []string{"VPC", "Id"}},
		{"ApiKey", []string{"Api", "Key"}},
		{"Key", []string{"Key"}},
		{"X_private", []string{"X", "private"}},
		{"", nil},
	} {
		assert.Equal(t, tc.want, words(tc.in), "words(%q)", tc.in)
	}
}
