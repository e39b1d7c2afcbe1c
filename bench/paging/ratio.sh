#!/bin/sh
# ratio.sh runs the paging benchmarks COUNT times (default 10), one whole
# round of all benchmarks at a time so that the two sides interleave, keeps
# the results in OUT (default /tmp/paging.txt) with the load average before
# each round, and prints the ratios BenchmarkRatio measures in pairs, then
# benchstat's comparisons of ns/page and allocations of the separate
# benchmarks and each column's median ns/page divided by the first column's.
# It needs benchstat: go install golang.org/x/perf/cmd/benchstat@latest
set -eu
count=${COUNT:-10}
out=${OUT:-/tmp/paging.txt}
command -v benchstat >/dev/null || {
	echo "ratio.sh: benchstat not found; go install golang.org/x/perf/cmd/benchstat@latest" >&2
	exit 2
}
cd "$(dirname "$0")"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/paging.test" .
: >"$out"
for i in $(seq "$count"); do
	load="# round $i of $count, load average $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "$load" >&2
	echo "$load" >>"$out"
	"$dir/paging.test" -test.run '^$' -test.bench . >>"$out"
done

# ratios reads benchstat's CSV of one unit and prints, for the benchmark
# row, every column's value divided by the first column's.
ratios() {
	awk -F, -v bench="$1" '
		$1 == "" && names == "" { for (i = 2; i <= NF; i++) if ($i != "") { names = names " " i; name[i] = $i } next }
		$1 != "" && $1 != "geomean" {
			split(substr(names, 2), idx, " ")
			base = idx[1]
			for (k = 2; k in idx; k++)
				printf "%s: %s / %s = %.3f (median ns/page %.1f / %.1f)\n", bench, name[idx[k]], name[base], $idx[k] / $base, $idx[k] * 1e9, $base * 1e9
		}'
}

benchstat -filter ".name:Ratio .unit:ratio" "$out"
echo

for b in Paging:impl Items:impl Resume:run; do
	name=${b%:*} key=${b#*:}
	benchstat -filter ".name:$name .unit:(ns/page OR allocs/op OR allocs/item)" -col "/$key" "$out"
	echo
	benchstat -filter ".name:$name .unit:ns/page" -col "/$key" -format csv "$out" 2>/dev/null | ratios "$name"
	echo
done
