package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pagegen/pagegen/pipeline"
)

// sdkFlag is the -aws-sdk flag: service=package pairs that name the
// aws-sdk-go-v2 package of a service where the rule of
// model.SDKCandidates finds none (pipeline.Options.SDKPackages).
type sdkFlag map[string]string

func (f sdkFlag) String() string {
	var pairs []string
	for svc, pkg := range f {
		pairs = append(pairs, svc+"="+pkg)
	}
	return strings.Join(pairs, ",")
}

func (f sdkFlag) Set(v string) error {
	for _, pair := range strings.Split(v, ",") {
		svc, pkg, ok := strings.Cut(pair, "=")
		if !ok || svc == "" || pkg == "" {
			return fmt.Errorf("%q is not service=package", pair)
		}
		f[svc] = pkg
	}
	return nil
}

// awsFlag is the -aws flag. Unset, each package keeps the bridge it has in
// the output folder, to the same aws-sdk-go-v2 package; -aws gives every
// package one and -aws=false removes them.
type awsFlag struct {
	set, on bool
}

func (f *awsFlag) String() string {
	if f == nil || !f.set {
		return "kept"
	}
	return strconv.FormatBool(f.on)
}

func (f *awsFlag) Set(v string) error {
	on, err := strconv.ParseBool(v)
	if err != nil {
		return err
	}
	f.set, f.on = true, on
	return nil
}

// IsBoolFlag lets -aws stand alone for -aws=true.
func (f *awsFlag) IsBoolFlag() bool { return true }

// bridges says which packages get a bridge to aws-sdk-go-v2: the -aws and
// -aws-sdk flags.
type bridges struct {
	aws   awsFlag
	named map[string]string // -aws-sdk: service → SDK package
}

// mode is the -aws flag as the pipeline takes it.
func (b bridges) mode() pipeline.Bridges {
	switch {
	case !b.aws.set:
		return pipeline.KeepBridges
	case b.aws.on:
		return pipeline.AllBridges
	}
	return pipeline.NoBridges
}
