#!/usr/bin/env bash
# testcost.sh [ROOT] [RUNS]: the cost of compiling generated/ec2's test
# binary against compiling the package, in the pagegen module at ROOT
# (default ..), RUNS times (default 5), interleaved. The dependencies are
# built first; before each command a file holding a new constant forces the
# package alone to compile again. Prints wall and CPU seconds of each run
# and the medians.
set -euo pipefail
root=${1:-..}
runs=${2:-5}
cd "$root"
nonce=generated/ec2/zz_nonce.go
trap 'rm -f "$nonce"' EXIT
measure() {
	printf 'package ec2\n\nconst nonce = "%s"\n' "$RANDOM$RANDOM$(date +%s%N)" > "$nonce"
	/usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1
}
go build ./generated/ec2 && go test -c -o /dev/null ./generated/ec2
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
builds=() tests=() cbuilds=() ctests=()
for i in $(seq "$runs"); do
	read -r bw bu bs <<<"$(measure go build ./generated/ec2)"
	read -r tw tu ts <<<"$(measure go test -c -o /dev/null ./generated/ec2)"
	builds+=("$bw") tests+=("$tw")
	cbuilds+=("$(echo "$bu + $bs" | bc)") ctests+=("$(echo "$tu + $ts" | bc)")
	echo "run $i: package ${bw}s wall ${cbuilds[-1]}s CPU; test binary ${tw}s wall ${ctests[-1]}s CPU"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
b=$(median "${builds[@]}") t=$(median "${tests[@]}") cb=$(median "${cbuilds[@]}") ct=$(median "${ctests[@]}")
echo "median: package ${b}s wall ${cb}s CPU; test binary ${t}s wall ${ct}s CPU; test binary / package: $(echo "scale=2; $t / $b" | bc) wall, $(echo "scale=2; $ct / $cb" | bc) CPU"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
