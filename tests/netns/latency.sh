#!/usr/bin/env bash
# latency.sh - latency regressions between two namespaces: a baseline
# sweep of request/response (rr) points, a second sweep of the same
# configuration (an A/A pair: must not be flagged), and a sweep through
# `tc netem delay 100us` on the client's veth (one-way delay added to
# every request: must be a latency regression, exit 1), also against the
# history. Needs root, iproute2 (ip, tc) and the kernel's sch_netem.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/netns/lib.sh
netns_skip_unless_root

netns_profile name=latency-test tests=rr sock-sizes=0 "msg-sizes=1, 1K" runs=8 duration=0.3

netns_setup
if ! tc -n "$B" qdisc add dev "$VB" root netem delay 100us 2>"$TMP/netem.err"; then
    echo "netns latency: this kernel has no sch_netem ($(head -n 1 "$TMP/netem.err"));"
    echo "skipped here: make vm-test runs the same check in its guest, whose kernel has it"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi
tc -n "$B" qdisc del dev "$VB" root
netns_start_server
netns_sweep "$TMP/base" || bad "baseline sweep" "$TMP/base.log"
netns_sweep "$TMP/same" || bad "second sweep" "$TMP/same.log"
[ "$(ls "$TMP/base/latency" | wc -l)" -eq 16 ] && ok "one latency log per run" \
    || bad "latency logs in DIR/latency" "$TMP/base.log"

"$VSREPORT" compare "$TMP/base" "$TMP/same" >"$TMP/same.txt" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok "same configuration: no regression (exit 0)" \
    || bad "same configuration flagged (exit $rc)" "$TMP/same.txt"

tc -n "$B" qdisc add dev "$VB" root netem delay 100us ||
    netns_give_up "cannot add netem (modprobe sch_netem?)"
netns_sweep "$TMP/slow" || bad "delayed sweep" "$TMP/slow.log"
"$VSREPORT" compare "$TMP/base" "$TMP/slow" --junit "$TMP/junit.xml" --markdown "$TMP/v.md" \
    --json >"$TMP/slow.json" 2>"$TMP/slow.err"
rc=$?
[ "$rc" -eq 1 ] && ok "100 us netem delay: regression (exit 1)" \
    || bad "the delay was not caught (exit $rc)" "$TMP/slow.json"
[ "$(jq '[.points[] | select(.verdict == "regression" and .latency_p50.verdict == "regression"
          and .latency_p50.change > 0 and .transactions_per_second.change < 0)] | length' \
     "$TMP/slow.json")" = 2 ] && ok "both points: p50 latency up, transactions/s down" \
    || bad "latency verdicts" "$TMP/slow.json"
grep -q 'failures="2"' "$TMP/junit.xml" && grep -q 'latency up' "$TMP/junit.xml" \
    && ok "JUnit: a failure per delayed point, naming latency" || bad "JUnit failures" "$TMP/junit.xml"
grep -q 'p50 / p99 latency' "$TMP/v.md" && grep -q '\*\*regression\*\*' "$TMP/v.md" \
    && ok "Markdown: the latency table names the regression" || bad "Markdown" "$TMP/v.md"

# the same judgement against a history of two nights
"$VSREPORT" history add --db "$TMP/h.sqlite" "$TMP/base" "$TMP/same" >/dev/null 2>&1
"$VSREPORT" compare --history "$TMP/h.sqlite" "$TMP/slow" >"$TMP/hist.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "latency regression against the history (exit 1)" \
    || bad "history compare (exit $rc)" "$TMP/hist.txt"
"$VSREPORT" compare "$TMP/base" "$TMP/slow" | grep -E '^tcp rr' | sed 's/^/       /'

netns_summary
