#!/usr/bin/env bash
# run.sh - run every integration test (functions t_* in t_*.sh), each in
# its own bash process under a time limit; print a summary and exit 1 on
# any failure. Usage: tests/integration/run.sh [NAME-FILTER]
set -u
cd "$(dirname "$0")/../.." || exit 2
dir=tests/integration
filter=${1:-}
pass=0 failed=0 names=()
# each test's output, in a folder of this run (several checkouts may run
# the suite at once)
logs=$(mktemp -d "${TMPDIR:-/tmp}/vsbench-it-logs.XXXXXX") || exit 2
trap 'rm -rf "$logs"' EXIT

for file in "$dir"/t_*.sh; do
    for t in $(sed -n 's/^\(t_[a-z0-9_]*\)() *{.*/\1/p' "$file"); do
        case "$t" in *"$filter"*) ;; *) continue ;; esac
        start=$(date +%s.%N)
        if timeout 120 bash -c ". $dir/lib.sh; . $file; $t" >"$logs/$t.log" 2>&1; then
            pass=$((pass + 1)); res=ok
        else
            failed=$((failed + 1)); res=FAILED; names+=("$t")
        fi
        printf '%-40s %-6s %5.1fs\n' "$t" "$res" "$(echo "$(date +%s.%N) - $start" | bc)"
        [ "$res" = ok ] || sed 's/^/    /' "$logs/$t.log"
        rm -f "$logs/$t.log"
    done
done
echo
[ ${#names[@]} -eq 0 ] || echo "failed: ${names[*]}"
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
