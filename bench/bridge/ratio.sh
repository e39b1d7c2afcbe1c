#!/bin/sh
# ratio.sh runs the bridge benchmarks COUNT times (default 10), one whole
# round of all benchmarks at a time so that the three ways of calling
# interleave, keeps the results in OUT (default /tmp/bridge.txt) with the
# load average before each round, and prints benchstat's tables of
# BenchmarkCall (time, CPU time, bytes and allocations per call, by path),
# of BenchmarkRatio and of BenchmarkReplay, then one line per operation:
# the conversions as a share of the SDK's own call, paired (BenchmarkRatio)
# and from the medians of BenchmarkCall's time and CPU time, what the
# bridge call adds to the SDK call, both ways, and, where the operation has
# them, the conversions written by hand as a share of the SDK's call,
# paired; the goal is 25%: met when all three shares of the conversions
# are within it, missed when none is. COUNT=0 runs nothing and prints the
# report of the rounds already in OUT.
# It needs benchstat: go install golang.org/x/perf/cmd/benchstat@latest
set -eu
count=${COUNT:-10}
out=${OUT:-/tmp/bridge.txt}
command -v benchstat >/dev/null || {
	echo "ratio.sh: benchstat not found; go install golang.org/x/perf/cmd/benchstat@latest" >&2
	exit 2
}
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [ "$count" -gt 0 ]; then
	go test -c -o "$dir/bridge.test" .
	: >"$out"
	for i in $(seq "$count"); do
		load="# round $i of $count, load average $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "$load" >&2
		echo "$load" >>"$out"
		"$dir/bridge.test" -test.run '^$' -test.bench . >>"$out"
	done
fi

benchstat -filter ".name:Call" -col /path "$out"
echo
benchstat -filter ".name:Ratio .unit:(conv/sdk OR bridge-extra/sdk OR handwritten/sdk)" "$out"
echo
benchstat -filter ".name:Replay" "$out"
echo

# medians prints, for each row of benchstat's CSV of one unit on its
# standard input, "key operation value..." with the value of every column
# in the order of the header, the operation's name without its
# benchmark's and GOMAXPROCS's parts.
medians() {
	awk -F, -v key="$1" '
		$1 == "" && cols == "" { for (i = 2; i <= NF; i++) if ($i != "") cols = cols " " i; next }
		$1 ~ /op=/ {
			op = $1; sub(/.*op=/, "", op); sub(/-[0-9]+$/, "", op)
			line = key " " op
			n = split(substr(cols, 2), idx, " ")
			for (k = 1; k <= n; k++) line = line " " $idx[k]
			print line
		}'
}
{
	benchstat -filter ".name:Call .unit:sec/op" -col /path -format csv "$out" 2>/dev/null | medians ns
	benchstat -filter ".name:Call .unit:cpu-sec/op" -col /path -format csv "$out" 2>/dev/null | medians cpu
	benchstat -filter ".name:Ratio .unit:conv/sdk" -format csv "$out" 2>/dev/null | medians conv
	benchstat -filter ".name:Ratio .unit:bridge-extra/sdk" -format csv "$out" 2>/dev/null | medians extra
	benchstat -filter ".name:Ratio .unit:handwritten/sdk" -format csv "$out" 2>/dev/null | medians hand
} >"$dir/medians"

# The columns of BenchmarkCall are sdk, bridge and conversion, in the
# order the benchmark runs them, then handwritten where there is one.
awk '
	!($2 in order) { order[$2] = ++n; name[n] = $2 }
	$1 == "ns" { sdk[$2] = $3; bridge[$2] = $4; conv[$2] = $5 }
	$1 == "cpu" { csdk[$2] = $3; cbridge[$2] = $4; cconv[$2] = $5 }
	$1 == "conv" { pconv[$2] = $3 }
	$1 == "extra" { pextra[$2] = $3 }
	$1 == "hand" { phand[$2] = $3 }
	END {
		print "conversion / SDK call (goal <= 25%), (bridge - SDK) / SDK, and conversion by hand / SDK call:"
		printf "%-24s %9s %9s %9s %9s %9s %9s %9s  %s\n", "", "conv", "conv", "conv", "extra", "extra", "extra", "by hand", ""
		printf "%-24s %9s %9s %9s %9s %9s %9s %9s  %s\n", "operation", "paired", "ns/op", "cpu-ns/op", "paired", "ns/op", "cpu-ns/op", "paired", "goal (conv)"
		for (i = 1; i <= n; i++) {
			op = name[i]
			a = pconv[op]; b = conv[op] / sdk[op]; c = cconv[op] / csdk[op]
			goal = "unclear"
			if (a <= 0.25 && b <= 0.25 && c <= 0.25) goal = "met"
			if (a > 0.25 && b > 0.25 && c > 0.25) goal = "missed"
			hand = op in phand ? sprintf("%8.1f%%", 100 * phand[op]) : "-"
			printf "%-24s %8.1f%% %8.1f%% %8.1f%% %8.1f%% %8.1f%% %8.1f%% %9s  %s\n", op, 100 * a, 100 * b, 100 * c, 100 * pextra[op], 100 * (bridge[op] - sdk[op]) / sdk[op], 100 * (cbridge[op] - csdk[op]) / csdk[op], hand, goal
		}
	}' "$dir/medians"
