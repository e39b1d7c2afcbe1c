package model

import (
	"fmt"
	"strings"
)

// The doc comments of the package clause, the unions' and timestamps'
// codecs, the filter names and the bridges: sentences pagegen writes
// itself, decided here with the rest (see docs.go).

// PackageDoc is the doc comment of a generated package's clause.
func PackageDoc(pkg *Package) Doc {
	return Doc{Lead: fmt.Sprintf("Package %s pages through the %s API's paginated operations the way boto3's paginators do: typed inputs and outputs, enums, filter names, and a paginator for each operation, built on package paginate.", pkg.Name, pkg.Title)}
}

// VersionCheckDoc is the comment of the constants that check, at compile
// time, that package paginateimpl supports version v of its API.
func VersionCheckDoc(v int) Doc {
	return Doc{Lead: fmt.Sprintf("This package is generated for version %d of package paginateimpl: the build fails here when that package no longer supports it (run go generate) or does not support it yet (update github.com/pagegen/pagegen).", v)}
}

// ItemsFuncDoc is the doc comment of the function that returns a page's
// items.
func ItemsFuncDoc(p *Paginator) Doc {
	return Doc{Lead: fmt.Sprintf("%s returns the items of a %s page.", p.ItemsName, p.Name)}
}

// unionNote is the paragraph on a union's doc comment.
func unionNote(t *Type) string {
	return fmt.Sprintf("%s is a tagged union: exactly one member must be set. %s returns the member that is set. Members that this package does not know decode into %s and encode again as they were.",
		t.GoName, t.MemberMethod, t.Unknown)
}

// UnknownFieldDoc is the doc comment of a union's field of unknown members.
func UnknownFieldDoc(t *Type) Doc {
	return Doc{Lead: fmt.Sprintf("%s holds the members that this package does not know, by name, as they were received. MarshalJSON writes them back; an entry named like a known member is written only when that member's field is not set.", t.Unknown)}
}

// MemberMethodDoc is the doc comment of a union's method that names the
// member that is set.
func MemberMethodDoc(t *Type) Doc {
	return Doc{Lead: fmt.Sprintf(`%s returns the name on the wire of the member of %s that is set, known or unknown, or "" when none is. When more than one is set, it returns the first known one in the order of the fields, or else the least unknown name.`, t.MemberMethod, t.GoName)}
}

// UnionMarshalDoc is the doc comment of a union's MarshalJSON.
func UnionMarshalDoc(t *Type) Doc {
	return Doc{Lead: fmt.Sprintf("MarshalJSON writes the members of %s that are set, the unknown ones as they were received, as one JSON object with sorted keys.", t.GoName)}
}

// UnionUnmarshalDoc is the doc comment of a union's UnmarshalJSON.
func UnionUnmarshalDoc(t *Type) Doc {
	return Doc{Lead: fmt.Sprintf("UnmarshalJSON reads a JSON object into %s: the members that the package knows into their fields, any other into %s as it is. A known member that is null is not set, unless it is a document.", t.GoName, t.Unknown)}
}

// TimeMarshalDoc is the doc comment of the MarshalJSON of a structure that
// holds timestamps.
func TimeMarshalDoc() Doc {
	return Doc{Lead: "MarshalJSON writes s in the form of the AWS JSON protocols: its timestamps as epoch seconds with millisecond precision, its other members as encoding/json does."}
}

// TimeUnmarshalDoc is the doc comment of the UnmarshalJSON of a structure
// that holds timestamps.
func TimeUnmarshalDoc() Doc {
	return Doc{Lead: "UnmarshalJSON reads s from the form of the AWS JSON protocols: its timestamps from epoch seconds or date-time strings, its other members as encoding/json does."}
}

// FilterNamesDoc is the doc comment of an operation's filter name type.
func FilterNamesDoc(fn *FilterNames) Doc {
	return Doc{Lead: fmt.Sprintf("%s is a filter name of the %s structure, as the operation documents them; names not listed here are allowed too.", fn.GoName, fn.Filter.GoName)}
}

// FilterNameDoc is the doc comment of a filter name's constant, or of the
// function that fills in a name with a placeholder.
func FilterNameDoc(n *Name) Doc {
	if n.Param != "" {
		return Doc{Lead: fmt.Sprintf("%s is the filter name %q followed by %s.", n.GoName, n.Value, n.Param)}.Paragraph(n.Doc)
	}
	return Doc{Lead: fmt.Sprintf("%s is the filter name %q.", n.GoName, n.Value)}.Paragraph(n.Doc)
}

// FilterMethodDoc is the doc comment of the method that builds a filter.
func FilterMethodDoc(fn *FilterNames) Doc {
	return Doc{Lead: fmt.Sprintf("%s returns a %s on name n that matches any of values.", fn.Method, fn.Filter.GoName)}
}

// BridgeDocs are the doc comments of a bridge package.
type BridgeDocs struct {
	Package, API, Client, New, Var, VersionTest Doc
	Methods, Tests                              map[string]Doc // by operation
}

// Docs returns the doc comments of the bridge of pkg.
func (br *Bridge) Docs(pkg *Package) BridgeDocs {
	ifaces := make([]string, len(pkg.Paginators))
	for i, p := range pkg.Paginators {
		ifaces[i] = pkg.Name + "." + p.ClientName
	}
	d := BridgeDocs{
		Package: Doc{Lead: fmt.Sprintf("Package %s calls %s through aws-sdk-go-v2: its %s implements every client interface of package %s with the SDK's client (package %s), converting each input to the SDK's and each output back.",
			br.Name, pkg.Title, br.ClientName, pkg.Name, br.SDKImport)},
		API: Doc{Lead: fmt.Sprintf("%s is the part of the SDK's %s client that %s calls; *%s.Client implements it, and a test may give %s another implementation.",
			br.APIName, pkg.Title, br.ClientName, br.SDKName, br.NewName)},
		Client: Doc{Lead: fmt.Sprintf("%s calls %s through aws-sdk-go-v2. It implements %s. An error from the SDK is returned as it is; a value that cannot be converted is an *awsbridge.ConversionError naming the operation and the member.",
			br.ClientName, pkg.Title, strings.Join(ifaces, ", "))},
		New: Doc{Lead: fmt.Sprintf("%s returns a %s that calls api, usually the SDK's client (%s.NewFromConfig), applying optFns to every call.",
			br.NewName, br.ClientName, br.SDKName)},
		Var:         Doc{Lead: fmt.Sprintf("%s converts values between package %s and the SDK's.", br.VarName, pkg.Name)},
		VersionTest: Doc{Lead: fmt.Sprintf("%s checks that the SDK package is the service's, at the API version the pages document.", br.VersionTestName)},
		Methods:     map[string]Doc{},
		Tests:       map[string]Doc{},
	}
	for _, p := range pkg.Paginators {
		d.Methods[p.Name] = Doc{Lead: fmt.Sprintf("%s calls the SDK's %s with in converted to its input, and returns the SDK's output converted to a *%s.%s.",
			p.Name, p.Name, pkg.Name, p.Output.GoName)}
		d.Tests[p.Name] = Doc{Lead: fmt.Sprintf("%s checks that every member of %s's input and output converts to the SDK's types and back.", br.TestNames[p.Name], p.Name)}
	}
	return d
}
