package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		{opOwner("DescribeSessions"), "Sessions", true, "", []string{"Session", "DescribeSessionsSession", "SessionItem"}},
		{opOwner("GetApiKeys"), "items", true, "A resource that can be distributed to callers.", []string{"ApiKey", "GetApiKeysApiKey", "ApiKeyItem"}},
		{opOwner("ListModelManifests"), "summaries", true, "", []string{"ModelManifestSummary", "ListModelManifestsModelManifestSummary", "ModelManifestSummaryItem"}},
		{opOwner("ListModelCards"), "ModelCardVersionSummaryList", true, "", []string{"ModelCardVersionSummary", "ListModelCardsModelCardVersionSummary", "ModelCardVersionSummaryItem"}},
		{opOwner("ListPipelines"), "pipelines", true, "Returns a summary of a pipeline.", []string{"PipelineSummary", "Pipeline", "ListPipelinesPipeline", "PipelineItem"}},
		{owner{name: "Cluster", op: "DescribeClusters"}, "PendingUpdates", false, "", []string{"PendingUpdates", "ClusterPendingUpdates", "DescribeClustersPendingUpdates", "DescribeClustersClusterPendingUpdates"}},
		{owner{name: "H264Settings", op: "ListPresets"}, "QvbrSettings", false, "", []string{"QvbrSettings", "H264QvbrSettings", "ListPresetsQvbrSettings", "ListPresetsH264SettingsQvbrSettings"}},
		{opOwner("ListDataCatalogs"), "DataCatalogsSummary", true, "", []string{"DataCatalogSummary", "ListDataCatalogsDataCatalogSummary", "DataCatalogSummaryItem"}},
		{opOwner("DescribeImages"), "imageDetails", true, "", []string{"ImageDetail", "DescribeImagesImageDetail", "ImageDetailItem"}},
		{owner{name: "LoadBalancer", op: "DescribeLoadBalancers"}, "State", false, "", []string{"LoadBalancerState", "State", "DescribeLoadBalancersState", "DescribeLoadBalancersLoadBalancerState"}},
		{opOwner("ListJobs"), "Errors", true, "", []string{"JobError", "Error", "ListJobsError", "ErrorItem", "ListJobsJobError"}},
		{owner{name: "ChangeSet", op: "ListChangeSets"}, "Sort", false, "", []string{"Sort", "ChangeSort", "ListChangeSetsSort", "ListChangeSetsChangeSetSort"}},
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
		{owner{name: "Finding", op: "ListFindings"}, "FindingType", false, []string{"FindingType", "ListFindingsFindingType"}},
		{owner{name: "TargetGroup", op: "ListTargetGroups"}, "ipAddressType", false, []string{"IpAddressType", "TargetGroupIpAddressType", "ListTargetGroupsTargetGroupIpAddressType", "ListTargetGroupsIpAddressType"}},
		{owner{name: "Instance", op: "DescribeInstances"}, "Architectures", true, []string{"Architecture", "InstanceArchitecture", "DescribeInstancesInstanceArchitecture", "DescribeInstancesArchitecture"}},
		{owner{name: "Instance", op: "DescribeInstances"}, "Types", true, []string{"InstanceType", "DescribeInstancesInstanceType", "DescribeInstancesType"}},
		{owner{name: "Instance", op: "DescribeInstances"}, "Architecture", false, []string{"InstanceArchitecture", "DescribeInstancesInstanceArchitecture", "DescribeInstancesArchitecture"}},
		{owner{name: "Job", op: "ListJobs"}, "SortBy", false, []string{"JobSortBy", "ListJobsJobSortBy", "ListJobsSortBy"}},
		{owner{name: "AnomalyDetectorStatus", op: "ListAnomalyDetectors"}, "statusCode", false, []string{"AnomalyDetectorStatusCode", "ListAnomalyDetectorsAnomalyDetectorStatusCode", "ListAnomalyDetectorsStatusCode"}},
		{owner{name: "Filter", op: "ListTasks"}, "status", false, []string{"TaskFilterStatus", "FilterStatus", "ListTasksFilterStatus", "ListTasksStatus"}},
		{owner{name: "InstanceGroupStatus", op: "ListInstanceGroups"}, "State", false, []string{"InstanceGroupState", "ListInstanceGroupsInstanceGroupState", "ListInstanceGroupsState", "ListInstanceGroupsInstanceGroupStatusState"}},
		{owner{name: "Dimensions", op: "GetAnomalyMonitors"}, "Key", false, []string{"Dimension", "DimensionsKey", "AnomalyMonitorDimensionsKey", "GetAnomalyMonitorsDimensionsKey", "GetAnomalyMonitorsKey"}},
		{owner{name: "Tag", op: "ListTags"}, "Key", false, []string{"TagKey", "ListTagsTagKey", "ListTagsKey"}},
		{owner{name: "SignInOptions", op: "ListApplications"}, "Origin", false, []string{"SignInOrigin", "ApplicationSignInOrigin", "ListApplicationsSignInOrigin", "ListApplicationsOrigin", "ListApplicationsSignInOptionsOrigin"}},
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

// TestAmbiguousEnumName checks that a name several enums ask for first
// goes to none of them: each is qualified by its owner.
func TestAmbiguousEnumName(t *testing.T) {
	pkg := build(t,
		page("ListJobs", nil, member("Jobs", list(structure(member("Id", str()), member("SortField", enum("Name", "Date")))))),
		page("ListTasks", nil, member("Tasks", list(structure(member("Id", str()), member("SortField", enum("Name", "Size")))))),
	)
	assert.Equal(t, []string{"Job", "JobSortField", "Task", "TaskSortField"}, typeNames(pkg))

	pkg = build(t, page("ListJobs", nil, member("Jobs", list(structure(member("Id", str()), member("SortField", enum("Name", "Date")))))))
	assert.Equal(t, []string{"Job", "SortField"}, typeNames(pkg), "a name one enum asks for is its own")

	jobs := func() *parser.Member {
		return member("Jobs", list(structure(member("Id", str()), member("SortField", enum("Name", "Date")))))
	}
	pkg = build(t,
		page("ListJobs", nil, jobs()),
		page("GetJobs", nil, jobs()),
		page("ListTasks", nil, member("Tasks", list(structure(member("Id", str()), member("SortField", enum("Name", "Size")))))),
	)
	assert.Equal(t, []string{"Job", "SortField", "Task", "TaskSortField"}, typeNames(pkg), "the enum of more operations keeps the name")

	pkg = build(t,
		page("ListCampaigns", nil, member("campaignSummaries", list(structure(member("arn", str()), member("status", enum("RUNNING", "SUSPENDED")))))),
		page("GetVehicleStatus", nil, member("campaigns", list(structure(member("campaignName", str()), member("status", enum("CREATED", "READY")))))),
	)
	require.Equal(t, "ListCampaigns", pkg.Paginators[1].Name)
	summary, other := pkg.Paginators[1].Item().Named, pkg.Paginators[0].Item().Named
	assert.Equal(t, "CampaignStatus", fieldType(summary, "status").Named.GoName, "the enum of what its operation is about keeps the name")
	assert.Equal(t, "VehicleStatusCampaignStatus", fieldType(other, "status").Named.GoName)

	pkg = build(t, page("ListBackups",
		[]*parser.Member{member("BackupType", enum("USER", "ALL"))},
		member("BackupSummaries", list(structure(member("BackupArn", str()), member("BackupType", enum("USER", "SYSTEM"))))),
	))
	assert.Equal(t, []string{"BackupSummary", "BackupType", "ListBackupsBackupType"}, typeNames(pkg),
		"an enum whose name says its owner's already is not told apart by its owner")
}

// TestLastNames checks the names of types whose every name is taken or
// says a word twice: the structure a member named as its holder holds is
// the holder's summary, and its members are named after it.
func TestLastNames(t *testing.T) {
	pkg := build(t, page("DescribeVolumeStatus", nil,
		member("VolumeStatuses", list(structure(
			member("VolumeId", str()),
			member("VolumeStatus", structure(member("Status", enum("ok", "impaired")), member("Detail", str()))),
		))),
	))
	assert.Equal(t, []string{"VolumeStatus", "VolumeStatusSummary", "VolumeStatusSummaryStatus"}, typeNames(pkg))
}

// TestNameGoesToTheShallowest checks that of types used by the same
// operations, the one met nearer the operation's output gets the name,
// whichever structure's digest sorts first.
func TestNameGoesToTheShallowest(t *testing.T) {
	for _, deep := range []string{"Name", "G"} {
		pkg := build(t, page("ListThings", nil,
			member("Owners", list(structure(member("Id", str()), member("Thing", structure(member(deep, str())))))),
			member("Things", list(structure(member("Id", str()), member("Size", str())))),
		))
		assert.Equal(t, "Thing", pkg.Paginators[0].Output.Fields[1].Type.Elem.Named.GoName, "the deep thing has %s", deep)
	}
}

// TestInitialisms checks that a type name spells in capitals the
// initialisms the service's operations spell so, whatever the member's
// name says, and leaves other words as they are.
func TestInitialisms(t *testing.T) {
	pkg := build(t,
		page("ListOTAUpdates", nil, member("otaUpdates", list(structure(member("otaUpdateId", str()), member("otaUpdateStatus", enum("CREATE_PENDING", "CREATE_COMPLETE")))))),
		page("ListAbsences", nil, member("absences", list(structure(member("id", str()), member("aboutStatus", enum("A", "B")))))),
	)
	assert.Equal(t, []string{"AboutStatus", "Absence", "OTAUpdate", "OTAUpdateStatus"}, typeNames(pkg))

	for _, tc := range []struct{ ops, name, want string }{
		{"ListOTAUpdates", "OtaUpdateSummary", "OTAUpdateSummary"},
		{"ListABTests", "AbTestStatus", "ABTestStatus"},
		{"DescribeEC2Instances", "Ec2InstanceState", "EC2InstanceState"},
		{"ListOTAUpdates", "OtaOta", "OTAOTA"},
		{"ListOTAUpdates", "Otas", "Otas"},
		{"ListUpdates", "OtaUpdate", "OtaUpdate"},
	} {
		caps := initialismsOf([]*parser.Page{{Name: tc.ops}})
		assert.Equal(t, tc.want, caps.apply(tc.name), "%s with the initialisms of %s", tc.name, tc.ops)
	}
}
