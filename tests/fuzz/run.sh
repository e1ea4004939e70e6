#!/usr/bin/env bash
# run.sh DIR SECONDS NAME... - `make fuzz`: run each libFuzzer target
# DIR/fuzz/NAME for SECONDS, from its seed corpus tests/fuzz/corpus/NAME
# (read only) and a working corpus in DIR/corpus/NAME that grows between
# runs; print the executions per target. A crash, a leak, a sanitizer
# report or an input slower than 10 s fails (its input is kept in
# DIR/artifacts, the log in DIR/NAME.log).
set -u
cd "$(dirname "$0")/../.." || exit 2
dir=$1 secs=$2
shift 2
status=0
mkdir -p "$dir/artifacts" "$dir/tmp"
printf '%-8s %14s %8s %10s  %s\n' target executions seconds "exec/s" result
for name in "$@"; do
    work=$dir/corpus/$name
    log=$dir/$name.log
    mkdir -p "$work"
    start=$(date +%s)
    TMPDIR=$PWD/$dir/tmp timeout $((secs + 120)) "$dir/fuzz/$name" -max_total_time="$secs" \
        -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$dir/artifacts/$name-" "$work" "tests/fuzz/corpus/$name" >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
    if [ "$rc" -eq 0 ]; then
        res=ok
    else
        res="FAILED (exit $rc, $log)"
        status=1
    fi
    printf '%-8s %14s %8s %10s  %s\n' "$name" "${execs:-?}" "$took" "${rate:-?}" "$res"
    [ "$rc" -eq 0 ] || grep -E -A 25 'ERROR|runtime error|fuzz_[a-z]*:' "$log" | head -n 40 | sed 's/^/    /'
done
rm -rf "$dir/tmp"
exit $status
