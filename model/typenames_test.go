package model

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/pagegen/pagegen/parser"
)

func TestOpNoun(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"DescribeSessions", "Session"},
		{"GetApiKeys", "ApiKey"},
		{"ListTagsForResource", "Tag"},
		{"ListJobsByConsumableResource", "Job"},
		{"Search", "Search"},
		{"ListA", "A"},
	} {
		assert.Equal(t, tc.want, opNoun(tc.in), "opNoun(%q)", tc.in)
	}
}

func TestJoinWords(t *testing.T) {
	for _, tc := range []struct{ a, b, want string }{
		{"Finding", "FindingType", "FindingType"},
		{"ValidatePolicy", "PolicyType", "ValidatePolicyType"},
		{"RegisteredSubscriptionProvider", "SubscriptionProviderStatus", "RegisteredSubscriptionProviderStatus"},
		{"Session", "Status", "SessionStatus"},
		{"VolumeStatus", "VolumeStatus", "VolumeStatus"},
	} {
		got := joinWords(tc.a, tc.b)
		assert.Equal(t, tc.want, got, "joinWords(%q, %q)", tc.a, tc.b)
		assert.False(t, stutters(got), "%s stutters", got)
	}
}

func TestStructNames(t *testing.T) {
	for _, tc := range []struct {
		o      owner
		member string
		elem   bool
		doc    string
		want   []string
	}{
		{opOwner("DescribeSessions"), "Sessions", true, "", []string{"Session", "DescribeSessionsSession", "SessionItem", "DescribeSessionsSessionSession"}},
		{opOwner("GetApiKeys"), "items", true, "A resource that can be distributed to callers.", []string{"ApiKey", "GetApiKeysApiKey", "ApiKeyItem", "GetApiKeysApiKeyApiKey"}},
		{opOwner("ListModelManifests"), "summaries", true, "", []string{"ModelManifestSummary", "ListModelManifestsModelManifestSummary", "ModelManifestSummaryItem", "ListModelManifestsModelManifestModelManifestSummary"}},
		{opOwner("ListModelCards"), "ModelCardVersionSummaryList", true, "", []string{"ModelCardVersionSummary", "ListModelCardsModelCardVersionSummary", "ModelCardVersionSummaryItem", "ListModelCardsModelCardModelCardVersionSummary"}},
		{opOwner("ListPipelines"), "pipelines", true, "Returns a summary of a pipeline.", []string{"PipelineSummary", "Pipeline", "ListPipelinesPipeline", "PipelineItem", "ListPipelinesPipelinePipeline"}},
		{owner{name: "Cluster", op: "DescribeClusters"}, "PendingUpdates", false, "", []string{"PendingUpdates", "ClusterPendingUpdates", "DescribeClustersPendingUpdates", "DescribeClustersClusterPendingUpdates"}},
		{owner{name: "H264Settings", op: "ListPresets"}, "QvbrSettings", false, "", []string{"QvbrSettings", "H264QvbrSettings", "ListPresetsQvbrSettings", "ListPresetsH264SettingsQvbrSettings"}},
	} {
		assert.Equal(t, tc.want, structNames(tc.o, tc.member, tc.elem, tc.doc), "%s of %s", tc.member, tc.o.name)
	}
}

func TestEnumNamesAskedFor(t *testing.T) {
	for _, tc := range []struct {
		o      owner
		member string
		elem   bool
		want   []string
	}{
		{opOwner("DescribeSessions"), "State", false, []string{"SessionState", "DescribeSessionsSessionState", "DescribeSessionsState"}},
		{owner{name: "ScraperSummary", op: "ListScrapers"}, "status", false, []string{"ScraperStatus", "ListScrapersScraperStatus", "ListScrapersStatus", "ListScrapersScraperSummaryStatus"}},
		{owner{name: "Finding", op: "ListFindings"}, "FindingType", false, []string{"FindingType", "ListFindingsFindingType", "ListFindingsFindingFindingType"}},
		{owner{name: "TargetGroup", op: "ListTargetGroups"}, "ipAddressType", false, []string{"IpAddressType", "TargetGroupIpAddressType", "ListTargetGroupsTargetGroupIpAddressType", "ListTargetGroupsIpAddressType"}},
		{owner{name: "Instance", op: "DescribeInstances"}, "Architectures", true, []string{"InstanceArchitecture", "DescribeInstancesInstanceArchitecture", "DescribeInstancesArchitecture"}},
	} {
		assert.Equal(t, tc.want, enumNames(tc.o, tc.member, tc.elem), "%s of %s", tc.member, tc.o.name)
	}
}

func TestSummary(t *testing.T) {
	assert.True(t, summary("Returns a summary of a pipeline."))
	assert.True(t, summary("Summarizes an input usage modification for a bill estimate."))
	assert.False(t, summary("Information about a pipeline. See the summary of its stages."), "only the first sentence counts")
	assert.False(t, summary(""))
}

// TestClashSettledByWords checks that types asking for one name are told
// apart by their owners' names, and then their operations', never by a
// number.
func TestClashSettledByWords(t *testing.T) {
	status := func(values ...string) *parser.Member { return member("Status", enum(values...)) }
	pkg := build(t,
		page("ListJobs", nil, member("Jobs", list(structure(member("Id", str()), status("Running", "Done"))))),
		page("ListTasks", nil, member("Tasks", list(structure(member("Id", str()), status("Queued", "Done"))))),
	)
	assert.Equal(t, []string{"Job", "JobStatus", "Task", "TaskStatus"}, typeNames(pkg))

	pkg = build(t,
		page("ListThings", []*parser.Member{filters(member("Name", str()))}, items()),
		page("GetThings", []*parser.Member{filters(member("Name", str()))}, items()),
		page("ListOthers", []*parser.Member{filters(member("Key", str()))}, items()),
		page("GetOthers", []*parser.Member{filters(member("From", str()))}, items()),
	)
	assert.Equal(t, []string{"Filter", "ListOthersFilter", "Other", "OtherFilter"}, typeNames(pkg),
		"the filter of two operations is Filter; of the others, the first by operation is OtherFilter, the next asks for its operation's")
}

func TestFiltered(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"StatusEquals", "Status"},
		{"FilterByState", "State"},
		{"IncludeOnlyStatus", "Status"},
		{"TypeFilter", "Type"},
		{"SortBy", "SortBy"},
		{"Filter", "Filter"},
		{"IpAddressType", "IpAddressType"},
	} {
		assert.Equal(t, tc.want, filtered(tc.in), "filtered(%q)", tc.in)
	}
}

// TestNameGoesToTheOperationsNoun checks that of types used by as many
// operations, the one whose operation is about that noun gets the name,
// though another's operation sorts first.
func TestNameGoesToTheOperationsNoun(t *testing.T) {
	instances := func(fields ...*parser.Member) *parser.Member {
		return member("Instances", list(structure(fields...)))
	}
	pkg := build(t,
		page("DescribeClassicLinkInstances", nil, instances(member("InstanceId", str()), member("VpcId", str()))),
		page("DescribeInstances", nil, instances(member("InstanceId", str()), member("ImageId", str()))),
	)
	assert.Equal(t, "Instance", pkg.Paginators[1].Item().Named.GoName, "DescribeInstances is about an Instance")
	assert.Equal(t, "ClassicLinkInstance", pkg.Paginators[0].Item().Named.GoName)
}
