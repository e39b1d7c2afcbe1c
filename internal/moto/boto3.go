package moto

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Call is a command of Boto3 that calls one operation. Its result is a
// CallResult.
type Call struct {
	Service   string // botocore's service name: "dynamodb"
	Operation string // the API operation name: "PutItem"
	Params    any    // the operation's parameters; Bytes and Time stand for what JSON lacks
}

// MarshalJSON returns the driver's command: {"call": {...}}.
func (c Call) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"call": map[string]any{
		"service":   c.Service,
		"operation": c.Operation,
		"params":    params(c.Params),
	}})
}

// Paginate is a command of Boto3 that walks one of boto3's paginators. Its
// result is a PaginateResult.
type Paginate struct {
	Service   string // botocore's service name: "dynamodb"
	Paginator string // the operation name, as in paginators.json: "Scan"
	Params    any    // the operation's parameters; Bytes and Time stand for what JSON lacks
	Config    PaginationConfig
}

// MarshalJSON returns the driver's command: {"paginate": {...}}.
func (p Paginate) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]any{"paginate": map[string]any{
		"service":   p.Service,
		"paginator": p.Paginator,
		"params":    params(p.Params),
		"config":    p.Config,
	}})
}

// params returns p, or an empty object for nil.
func params(p any) any {
	if p == nil {
		return map[string]any{}
	}
	return p
}

// PaginationConfig is boto3's PaginationConfig. Zero fields are left out;
// a test that needs a zero sends a command of its own.
type PaginationConfig struct {
	MaxItems      int    `json:"MaxItems,omitempty"`
	PageSize      int    `json:"PageSize,omitempty"`
	StartingToken string `json:"StartingToken,omitempty"`
}

// CallResult is the driver's result of a Call: the normalised response, or
// the error.
type CallResult struct {
	OK    json.RawMessage `json:"ok"`
	Error *Boto3Error     `json:"error"`
}

// PaginateResult is the driver's result of a Paginate. A walk that failed
// has an Error and the pages it had until then.
type PaginateResult struct {
	Pages       []json.RawMessage `json:"pages"`        // each normalised, without ResponseMetadata
	Items       []json.RawMessage `json:"items"`        // what ResultKey finds in each page, normalised
	ResultKey   string            `json:"result_key"`   // the paginator's first result key, a JMESPath expression
	ResumeToken *string           `json:"resume_token"` // the PageIterator's resume_token; nil where the walk ran to the end
	Requests    int               `json:"requests"`     // HTTP requests sent
	Error       *Boto3Error       `json:"error"`
}

// Boto3Error is an exception that botocore raised for a command.
type Boto3Error struct {
	Type    string `json:"type"`    // the exception's class name: "ClientError", "ParameterNotFound", "EndpointConnectionError"
	Code    string `json:"code"`    // the service's error code, where it answered with an error
	Message string `json:"message"` // the service's error message, or the exception's text
	Status  int    `json:"status"`  // the HTTP status of the service's error response, or 0
}

// Error returns the type, code and message.
func (e *Boto3Error) Error() string {
	if e.Code == "" {
		return fmt.Sprintf("boto3: %s: %s", e.Type, e.Message)
	}
	return fmt.Sprintf("boto3: %s (%s, HTTP %d): %s", e.Type, e.Code, e.Status, e.Message)
}

// Bytes is the driver's form of b in a command's Params.
func Bytes(b []byte) any {
	return map[string]string{"__bytes__": base64.StdEncoding.EncodeToString(b)}
}

// Time is the driver's form of t in a command's Params.
func Time(t time.Time) any {
	return map[string]string{"__datetime__": t.UTC().Format(time.RFC3339Nano)}
}

// Boto3 runs scripts/boto3_driver.py, from the root of this module, with
// python3: boto3 runs the commands against endpoint, in order, in one
// process. It returns the result of each command, to be decoded into a
// CallResult or a PaginateResult. A
// command is a Call, a Paginate or any value that marshals to the driver's
// JSON. The test fails where the driver does not run to the end; botocore's
// errors are results. Where python3 or boto3 is missing the test skips, or
// fails when the environment variable CI is set.
func Boto3(tb testing.TB, endpoint string, commands ...any) []json.RawMessage {
	tb.Helper()
	if _, err := exec.LookPath(python); err != nil {
		unavailable(tb, fmt.Errorf("moto: %w: %v", ErrUnavailable, err))
	}
	script := driverScript(tb)
	if commands == nil {
		commands = []any{}
	}
	input, err := json.Marshal(map[string]any{"endpoint": endpoint, "region": Region, "commands": commands})
	if err != nil {
		tb.Fatalf("moto: Boto3: encoding the commands: %v", err)
	}
	cmd := exec.CommandContext(tb.Context(), python, script)
	cmd.Stdin = bytes.NewReader(input)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if exit := (*exec.ExitError)(nil); errors.As(err, &exit) && exit.ExitCode() == 3 {
		unavailable(tb, fmt.Errorf("moto: %w: %s: %s", ErrUnavailable, cmd, strings.TrimSpace(stderr.String())))
	}
	if err != nil {
		tb.Fatalf("moto: Boto3: %s: %v\nstderr:\n%s", cmd, err, stderr.String())
	}
	var out struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		tb.Fatalf("moto: Boto3: %s wrote what is not its output: %v\nstdout:\n%s\nstderr:\n%s", cmd, err, stdout.String(), stderr.String())
	}
	if len(out.Results) != len(commands) {
		tb.Fatalf("moto: Boto3: %s gave %d results for %d commands", cmd, len(out.Results), len(commands))
	}
	return out.Results
}

// driverScript returns the path of scripts/boto3_driver.py in the root of
// this module: the first folder at or above the working directory with
// go.mod and the script (a module nested in this one has the first only).
func driverScript(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatalf("moto: finding scripts/boto3_driver.py: %v", err)
	}
	for dir := wd; ; {
		script := filepath.Join(dir, "scripts", "boto3_driver.py")
		if fileExists(filepath.Join(dir, "go.mod")) && fileExists(script) {
			return script
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatalf("moto: no folder with go.mod and scripts/boto3_driver.py at or above %s", wd)
		}
		dir = parent
	}
}

func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}
