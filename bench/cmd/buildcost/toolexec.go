package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// toolexecEnv names the environment variable that makes this command the
// -toolexec wrapper of a build: it holds the file to record the compiles in.
const toolexecEnv = "BUILDCOST_TOOLEXEC_LOG"

// toolexec runs the tool command args (the tool's path, then its
// arguments), as `go build -toolexec` asks, and returns its exit status.
// When the tool is the compiler compiling a package, it appends a line
// "<import path> <peak RSS in bytes>" to the file log.
func toolexec(log string, args []string) int {
	if len(args) == 0 {
		fmt.Fprintf(os.Stderr, "buildcost: %s is set but no tool was given\n", toolexecEnv)
		return 2
	}
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		fmt.Fprintf(os.Stderr, "buildcost: running %s: %v\n", args[0], err)
		return 1
	}
	pkg := compiledPackage(args)
	if pkg != "" && cmd.ProcessState.Success() {
		rss, err := maxRSS(cmd.ProcessState)
		if err == nil {
			err = appendLine(log, fmt.Sprintf("%s %d\n", pkg, rss))
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "buildcost: recording the compile of %s: %v\n", pkg, err)
			return 1
		}
	}
	return cmd.ProcessState.ExitCode()
}

// compiledPackage returns the import path that the tool command args
// compiles (its -p argument) when the tool is the Go compiler, else "".
func compiledPackage(args []string) string {
	if tool := strings.TrimSuffix(filepath.Base(args[0]), ".exe"); tool != "compile" {
		return ""
	}
	for i, a := range args[1:] {
		if a == "-p" && i+2 < len(args) {
			return args[i+2]
		}
	}
	return ""
}

// appendLine appends line to the file name in one write, so that the
// lines of tools running at once do not interleave.
func appendLine(name, line string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(line); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readCompileLog reads the file that the wrapper wrote: the peak RSS in
// bytes of each package compiled. A missing file means no compile ran.
func readCompileLog(name string) (map[string]int64, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]int64{}, nil
	} else if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseCompileLog(f, name)
}

// parseCompileLog parses the lines "<import path> <bytes>" read from r;
// name is the file's name, for errors.
func parseCompileLog(r io.Reader, name string) (map[string]int64, error) {
	rss := map[string]int64{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			return nil, fmt.Errorf("%s:%d: want \"<import path> <bytes>\", got %q", name, line, sc.Text())
		}
		n, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%s:%d: bad byte count %q", name, line, fields[1])
		}
		rss[fields[0]] = max(rss[fields[0]], n)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return rss, nil
}
