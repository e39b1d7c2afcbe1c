// Package awsbridge is the runtime of the generated bridge packages.
package awsbridge
