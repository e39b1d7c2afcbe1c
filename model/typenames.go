package model

import (
	"slices"
	"strings"
	"unicode"

	"github.com/pagegen/pagegen/parser"
)

// The rules that name a package's structures and enums from what a page
// shows: the member that holds a value, the structure that owns the member
// and the operation. Each type asks for a list of names, best first (see
// structNames and enumNames); nameTypes gives each type the first of its
// names that no other type takes before it. The rules follow the names AWS
// gives its shapes, which users know from the AWS API reference and
// aws-sdk-go-v2; README's section on names says what each wins on the
// corpus.

// owner is the structure that holds a member, as the naming rules see it.
type owner struct {
	// name is the owner's own first name: "Session". For an operation's
	// input or output it is the operation's noun (see opNoun).
	name string
	// op is the operation whose pages met the member: "DescribeSessions".
	op string
	// of is the structure itself: the operation's input or output, or a
	// candidate type.
	of *Type
}

// opOwner is the owner of the members of op's input and output.
func opOwner(op string) owner { return owner{name: opNoun(op), op: op} }

// holding is o as the owner of the members of the structure of.
func (o owner) holding(of *Type) owner {
	o.of = of
	return o
}

// holder is the structure that holds a type, and the name of what its
// member holds: "Status" of "InstanceStatusSummary". A type whose names
// are all taken is named after its holder's Go name (see lastNames).
type holder struct {
	of   *Type
	noun string
	// depth counts the structures between the type and the operation's
	// input or output: 0 for a member of the output.
	depth int
	// ownerSaid is whether the member's name already says the owner's
	// name, so that the owner's name qualifies it no further: "BackupType"
	// of a "BackupSummary".
	ownerSaid bool
	// about is whether the member's owner is a structure that its
	// operation is about and the enum's first name says so: the "status"
	// of ListCampaigns' "CampaignSummary", "CampaignStatus".
	about bool
}

// opNoun is what an operation lists or gets, in the singular: the words
// after its verb, up to a preposition. "DescribeSessions" → "Session",
// "GetApiKeys" → "ApiKey", "ListTagsForResource" → "Tag". An operation of
// one word is its own noun.
func opNoun(op string) string {
	w := words(op)
	if len(w) < 2 {
		return op
	}
	w = w[1:]
	for i, word := range w {
		if i > 0 && prepositions[word] {
			w = w[:i]
			break
		}
	}
	return Singular(strings.Join(w, ""))
}

// prepositions end an operation's noun.
var prepositions = map[string]bool{"For": true, "By": true, "In": true, "Of": true, "With": true, "From": true, "To": true, "On": true}

// memberNoun is the name of what a member holds: the member's name, or for
// a list element or map value, one of them: "Sessions" → "Session", and a
// name that already says it is a list drops the word that says so
// ("ModelCardVersionSummaryList" → "ModelCardVersionSummary",
// "Ipv6CidrBlockAssociationSet" → "Ipv6CidrBlockAssociation").
func memberNoun(member string, elem bool) string {
	name := Exported(member)
	if !elem {
		return name
	}
	w := words(name)
	if n := len(w); n > 1 && listWords[w[n-1]] {
		return strings.Join(w[:n-1], "")
	}
	if n := len(w); n > 1 && kindNouns[w[n-1]] {
		w[n-2], w[n-1] = Singular(w[n-2]), Singular(w[n-1])
		return strings.Join(w, "")
	}
	return Singular(name)
}

// listWords are the words at the end of a member's name that say it holds
// a list.
var listWords = map[string]bool{"List": true, "Set": true, "Array": true, "Collection": true}

// genericNouns are element names that say nothing of what the element is;
// such an element is named after its owner or operation instead: API
// Gateway's GetApiKeys returns "items", each an "ApiKey".
var genericNouns = map[string]bool{"Item": true, "Entry": true, "Element": true, "Object": true, "Record": true, "Entity": true, "List": true, "Member": true}

// kindNouns are element names that say what kind of description an element
// is, not of what; the owner's or operation's noun comes first: the
// "summaries" of ListModelManifests are each a "ModelManifestSummary".
var kindNouns = map[string]bool{"Summary": true, "Detail": true, "Details": true, "Result": true, "Info": true, "Description": true}

// structNames are the names a structure held by member of o asks for, best
// first: what the member holds ("Session" for "Sessions"), then qualified
// by its owner, by its operation, as an item of a list, and by both. A
// member whose name says only which attribute of its owner it is (see
// attribute) says what it holds with its owner's name first:
// "LoadBalancerState". A structure whose description speaks of a summary
// says so first: "PipelineSummary".
func structNames(o owner, member string, elem bool, doc string) []string {
	base := memberNoun(member, elem)
	owned := joinWords(noun(subject(o.name)), base)
	switch {
	case genericNouns[base]:
		base = noun(o.name)
		owned = joinWords(o.op, base)
	case kindNouns[base]:
		base = owned
		owned = joinWords(o.op, base)
	}
	names := []string{base, owned, joinWords(o.op, base)}
	if attribute(base, false) {
		names[0], names[1] = owned, base
	}
	if elem {
		names = append(names, joinWords(base, "Item"))
	}
	names = append(names, joinWords(o.op, joinWords(o.name, base)), o.op+o.name+base)
	if summary(doc) && !strings.HasSuffix(base, "Summary") {
		names = append([]string{joinWords(base, "Summary")}, names...)
	}
	return distinct(o.op, names...)
}

// summary reports whether the first sentence of a structure's description
// speaks of a summary: "Returns a summary of a pipeline.", "Summarizes an
// input usage modification."
func summary(doc string) bool {
	first, _, _ := strings.Cut(doc, ". ")
	return strings.Contains(strings.ToLower(first), "summar")
}

// enumNames are the names an enum held by member of o asks for, best
// first. A member of one word ("Status", "Type") says what the value is
// only with its owner's name: "SessionStatus"; a longer one says it alone:
// "IpAddressType", then qualified by its owner. So does a list of values
// of one word that is not a plain word (see plainWords): "Capabilities"
// holds "Capability" values. A member whose words only say which
// attribute it is ("SortBy", "StatusCode", see attribute) is named as one
// of one word: "JobSortBy". A structure named only "Filter"
// says nothing of what it filters, so its members' enums say the
// operation's noun first: ListTasks' filter's "status" is
// "TaskFilterStatus". The state of a structure that is itself a thing's
// state or status is the thing's: "InstanceGroupStatus" "State" →
// "InstanceGroupState". The key of a structure named in the plural says
// which one of them its values are: Cost Explorer's "Dimensions" hold a
// "Dimension" key and its values. On a clash the owner's name is qualified
// by the operation's noun, then by the operation.
func enumNames(o owner, member string, elem bool) []string {
	base := filtered(memberNoun(member, elem))
	owned := joinWords(subject(o.name), base)
	if w := words(subject(o.name)); len(w) > 1 && stateWords[w[len(w)-1]] && stateWords[base] {
		owned = strings.Join(w[:len(w)-1], "") + base
	}
	var first []string
	if (len(words(base)) > 1 || elem && !plainWords[base]) && !attribute(base, true) {
		first = append(first, base)
	}
	if s := subject(o.name); base == "Key" && Singular(s) != s {
		first = append(first, Singular(s))
	}
	if noun(o.name) == "Filter" {
		first = append(first, joinWords(opNoun(o.op), owned))
	}
	return distinct(o.op, append(first, owned, joinWords(opNoun(o.op), owned), joinWords(o.op, owned), joinWords(o.op, base), o.op+o.name+base)...)
}

// subject is a type's name without the words at its end that say what
// kind of description it is: "ScraperSummary" → "Scraper",
// "InstanceNetworkInterfaceDetails" → "InstanceNetworkInterface". The enums
// of its members are named after what it describes: "ScraperStatus".
func subject(name string) string {
	w := words(name)
	for len(w) > 1 && descriptionWords[w[len(w)-1]] {
		w = w[:len(w)-1]
	}
	return strings.Join(w, "")
}

// descriptionWords are the words that say what kind of description a
// structure is.
var descriptionWords = map[string]bool{
	"Summary": true, "Details": true, "Detail": true, "Info": true, "Information": true, "Description": true,
	"Item": true, "Entry": true, "Data": true, "Metadata": true, "Output": true, "Response": true, "Result": true,
	"Settings": true, "Setting": true, "Options": true, "Specification": true, "Attributes": true, "Config": true, "Configuration": true, "Object": true, "Properties": true,
}

// filtered is what a member that filters by a value holds: the value's
// name without the words that say it filters. "StatusEquals" → "Status",
// "filterByState" → "State", "IncludeOnlyStatus" → "Status",
// "TypeFilter" → "Type".
func filtered(name string) string {
	w := words(name)
	for len(w) > 1 && filterFirst[w[0]] {
		w = w[1:]
	}
	if n := len(w); n > 1 && (w[n-1] == "Equals" || w[n-1] == "Filter") {
		w = w[:n-1]
	}
	return strings.Join(w, "")
}

// filterFirst are the words before a value's name that say a member
// filters by it.
var filterFirst = map[string]bool{"Filter": true, "By": true, "Include": true, "Only": true}

// noun is the singular of a type's name, without a word that says it is a
// list: "DistributionList" → "Distribution", "Origins" → "Origin".
func noun(name string) string {
	w := words(name)
	if n := len(w); n > 1 && listWords[w[n-1]] {
		return strings.Join(w[:n-1], "")
	}
	return Singular(name)
}

// joinWords joins two names, saying once the words the first ends with and
// the second starts with: "Finding" and "FindingType" → "FindingType",
// "ValidatePolicy" and "PolicyType" → "ValidatePolicyType".
func joinWords(a, b string) string {
	wa, wb := words(a), words(b)
	for k := min(len(wa), len(wb)); k > 0; k-- {
		if slices.Equal(wa[len(wa)-k:], wb[:k]) {
			return strings.Join(wa[:len(wa)-k], "") + b
		}
	}
	return a + b
}

// distinct drops the names met before in the list, empty ones and, after
// the first, those that say a word twice (see stutters) and the name of
// the operation op, which names the operation, not a value: a name a
// member gives keeps its words, a name the rules make never says one twice.
func distinct(op string, names ...string) []string {
	var out []string
	for _, n := range names {
		if n != "" && (len(out) == 0 || !stutters(n) && n != op) && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// stutters reports whether a name says a word, or a run of words, twice in
// a row: "FindingFindingType", "ProviderSubscriptionProviderSubscription".
func stutters(name string) bool {
	w := words(name)
	for n := 1; 2*n <= len(w); n++ {
		for i := 0; i+2*n <= len(w); i++ {
			if strings.Join(w[i:i+n], "") == strings.Join(w[i+n:i+2*n], "") {
				return true
			}
		}
	}
	return false
}

// attribute reports whether a member's name says only which attribute of
// its owner the value is, in words any owner may use, and nothing of what
// the owner is: "Status", "StatusCode", "ErrorCode", "StatusReason", and
// with sort, the words of an order: "SortBy". Such a member, like an enum's
// of one word, says what the value is only with its owner's name:
// "JobSortBy", "AnomalyDetectorStatusCode", and of structures, "JobError",
// "LoadBalancerState". A structure that says how to sort is a thing of its
// own ("Sort"), so structures leave the sort words out.
func attribute(name string, sort bool) bool {
	for _, w := range words(name) {
		if !attributeWords[w] && !(sort && sortWords[w]) {
			return false
		}
	}
	return true
}

// attributeWords and sortWords are the words of attribute.
var (
	attributeWords = map[string]bool{"Status": true, "State": true, "Code": true, "Reason": true, "Error": true}
	sortWords      = map[string]bool{"Sort": true, "By": true}
)

// stateWords are the words that name the state of a thing; the state of a
// thing's status is the thing's state (see enumNames).
var stateWords = map[string]bool{"Status": true, "State": true}

// initialisms are the words a service's operations spell in capitals, by
// their words as a member's name gives them: "Ota" → "OTA" of
// ListOTAUpdates. A type name says them as the operations do, as AWS and
// Go spell initialisms: "OTAUpdateStatus", not "OtaUpdateStatus".
type initialisms map[string]string

// initialismsOf gathers the initialisms of the operations of pages: the
// words of two or more capitals (digits may follow) in their names.
func initialismsOf(pages []*parser.Page) initialisms {
	caps := initialisms{}
	for _, p := range pages {
		for _, w := range words(Exported(p.Name)) {
			if r := []rune(w); len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1]) && isUpper(w) {
				caps[string(r[0])+strings.ToLower(string(r[1:]))] = w
			}
		}
	}
	return caps
}

// apply spells the initialisms of name in capitals.
func (caps initialisms) apply(name string) string {
	if len(caps) == 0 {
		return name
	}
	w := words(name)
	for i, word := range w {
		if c, ok := caps[word]; ok {
			w[i] = c
		}
	}
	return strings.Join(w, "")
}

// plainWords say what kind of value a member holds, and nothing of what
// it is about.
var plainWords = map[string]bool{"Type": true, "Kind": true, "Key": true, "Value": true, "Name": true, "Mode": true, "Item": true}
