#!/usr/bin/env bash
# compare.sh - regression verdicts on real sweeps between two namespaces:
# a baseline sweep, a second sweep of the same configuration (must not be
# flagged), and a sweep through a `tc tbf` rate limit on the client's veth
# at 70% of the baseline's mean throughput (a real, injected slowdown of
# about 30%: must be a regression, exit 1), also against the history.
# Needs root, iproute2 (ip, tc) and the kernel's sch_tbf.
#
# Noise. On this 2-CPU VM a sweep of this point is noisy in episodes:
# unpinned its runs were bimodal (near 4 or near 10 Gbit/s, a CV up to
# 41%); pinned, most sweeps had a CV of 7-18%, but stretches of slow runs
# (4-7 among 10-12 Gbit/s) still came and went, one A/A pair differed by
# 30% and a 19% slowdown was once inconclusive (p = 0.006 among the two
# measures). Hence: both ends pinned where there are two CPUs, 20 runs a
# sweep, a slowdown of 30% (throttled runs sit at the cap, a CV near 2%),
# and one more second sweep when the A/A pair is flagged (the verdict on
# two pairs in a row still fails the test).
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/netns/lib.sh
netns_skip_unless_root

pin=
[ "$(nproc)" -ge 2 ] && pin="cpu=0 server-cpu=1"
# shellcheck disable=SC2086
netns_profile name=compare-test runs=20 duration=0.4 $pin

# stats DIR: "MEAN SD N" of the sweep's throughput (Gbit/s, ok runs)
stats() {
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
             $c["session"] == "all" && $c["status"] == "ok" { x = $c["gbps"]; s += x; q += x * x; n++ }
             END { if (n < 2) exit; m = s / n
                   printf "%.4f %.4f %d", m, sqrt((q - n * m * m) / (n - 1)), n }' "$1/runs.csv"
}
mean_gbps() { stats "$1" | cut -d' ' -f1; }
# spread DIR: "mean M, sd S (CV%) over N runs"
spread() { stats "$1" | awk '{ printf "mean %.3f, sd %.3f (%.1f%%) over %d runs", $1, $2, 100 * $2 / $1, $3 }'; }

# same_pair: a second sweep of the baseline's configuration, compared
# with it; returns compare's exit status
same_pair() {
    rm -rf "$TMP/same"
    netns_sweep "$TMP/same" || bad "second sweep" "$TMP/same.log"
    "$VSREPORT" compare "$TMP/base" "$TMP/same" >"$TMP/same.txt" 2>&1
    local rc=$?
    echo "       baseline: $(spread "$TMP/base"); second: $(spread "$TMP/same")"
    return $rc
}

netns_setup
netns_start_server
netns_sweep "$TMP/base" || bad "baseline sweep" "$TMP/base.log"
same_pair
rc=$?
if [ "$rc" -eq 1 ]; then
    echo "       the A/A pair was flagged; one more second sweep:"
    grep -E '^tcp' "$TMP/same.txt" | sed 's/^/       /'
    same_pair
    rc=$?
fi
[ "$rc" -eq 0 ] && ok "same configuration: no regression (exit 0)" || bad "same configuration flagged (exit $rc)" "$TMP/same.txt"

# 70% of the baseline's mean, with a burst of 10 ms at that rate (a
# smaller bucket would throttle well below the rate at these speeds)
base=$(mean_gbps "$TMP/base")
rate=$(echo "$base * 0.70 * 1000" | bc -l | cut -d. -f1)
burst=$(echo "$rate * 1000000 / 8 / 100" | bc)
[ -n "$rate" ] && [ "$rate" -gt 0 ] || netns_give_up "no baseline throughput"
tc -n "$B" qdisc add dev "$VB" root tbf rate "${rate}mbit" burst "$burst" latency 100ms ||
    netns_give_up "cannot add a tbf rate limit"
netns_sweep "$TMP/slow" || bad "throttled sweep" "$TMP/slow.log"
slow=$(mean_gbps "$TMP/slow")
echo "       throttled: $(spread "$TMP/slow")"
echo "       injected: rate limit ${rate} Mbit/s; mean $base -> $slow Gbit/s" \
     "($(echo "($slow / $base - 1) * 100" | bc -l | xargs printf '%+.1f')%)"
"$VSREPORT" compare "$TMP/base" "$TMP/slow" --junit "$TMP/junit.xml" --markdown "$TMP/v.md" \
    >"$TMP/slow.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "rate-limited candidate (about -30%): regression (exit 1)" || bad "throttling not caught (exit $rc)" "$TMP/slow.txt"
grep -q 'failures="1"' "$TMP/junit.xml" && ok "JUnit has a failure for the throttled point" \
    || bad "JUnit failures" "$TMP/junit.xml"
grep -q '\*\*regression\*\*' "$TMP/v.md" && ok "Markdown names the regression" || bad "Markdown" "$TMP/v.md"

# the same judgement against a history of two nights. Two nights of one
# point are a small baseline, and on a loaded machine the A/A pair has
# differed by 17% (a clean-clone run: base 9.2, same 7.6 Gbit/s): its
# mean then sat 19% above the throttled sweep with p = 0.0077, which
# Benjamini-Hochberg over the two measures lifts above 0.01. The history
# check therefore judges at 5%.
"$VSREPORT" history add --db "$TMP/h.sqlite" "$TMP/base" "$TMP/same" >/dev/null 2>&1
"$VSREPORT" compare --history "$TMP/h.sqlite" --alpha 0.05 "$TMP/slow" >"$TMP/hist.txt" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "regression against the history (exit 1)" || bad "history compare (exit $rc)" "$TMP/hist.txt"
grep -E '^tcp' "$TMP/slow.txt" | sed 's/^/       /'

netns_summary
