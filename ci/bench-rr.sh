#!/usr/bin/env bash
# bench-rr.sh - `make bench`, its request/response part: vsbench -T rr
# against netperf 2.7 TCP_RR (and -T crr against TCP_CRR) on TCP loopback,
# 1-byte requests and responses, one session, REPS rounds interleaved
# (vsbench, then netperf, then again). Prints the medians (min-max) of
# transactions/s and of the p50 latency (netperf's omni selectors
# THROUGHPUT and P50_LATENCY), their ratios and whether issue 15's targets
# hold: a rate at least netperf's, a p50 within 5% of netperf's. Writes
# out/bench/rr.csv and out/bench/rr.md. A benchmark, not a test: it never
# fails on a figure. Needs netperf (Debian non-free) and jq.
#
# Held under /work/.vsb-test.lock when that exists (timed runs of the
# helpers on one machine must not overlap); BENCH_LOCK= leaves it.
set -u
cd "$(dirname "$0")/.." || exit 2
REPS=${REPS:-5}
SECS=${SECS:-3}               # netperf's -l takes whole seconds
VSBENCH=${VSBENCH:-bin/vsbench}
OUT=${OUT:-out/bench}
LOCK=${BENCH_LOCK-/work/.vsb-test.lock}
export VSBENCH_NO_VSOCK=1

command -v netperf >/dev/null && command -v netserver >/dev/null || {
    echo "bench-rr: netperf missing: it is in Debian's non-free component (add 'non-free' to"
    echo "          the sources, apt-get update, apt-get install netperf); skipped"
    exit 0
}
command -v jq >/dev/null || { echo "bench-rr: jq missing"; exit 2; }
if [ -n "$LOCK" ] && [ -e "$LOCK" ]; then
    exec 9>"$LOCK"
    flock 9
fi

TMP=$(mktemp -d)
NPORT=$((20000 + $$ % 20000))
. ci/local-server.sh
netserver -D -4 -p "$NPORT" >"$TMP/ns.log" 2>&1 &
ns=$!
trap 'stop_server; kill $ns 2>/dev/null; wait $ns 2>/dev/null; rm -rf "$TMP"' EXIT
local_server "$TMP/vs.log" "$VSBENCH" || { echo "bench-rr: vsbench serve did not start"; cat "$TMP/vs.log"; exit 2; }
port=$PORT
sleep 0.3

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
range() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

# one TEST (rr, crr) round: a vsbench run and a netperf run
round() {
    local t=$1 nt
    nt=$([ "$t" = rr ] && echo TCP_RR || echo TCP_CRR)
    timeout $((SECS + 30)) "$VSBENCH" run "127.0.0.1:$port" -T "$t" -l "$SECS" --warmup 1 --json \
        | jq -r '.results[-1] | "\(.tps) \(.lat_p50_us)"' >>"$TMP/v-$t"
    timeout $((SECS + 30)) netperf -H 127.0.0.1 -p "$NPORT" -t "$nt" -l "$SECS" -P 0 -- -r 1,1 \
        -o THROUGHPUT,P50_LATENCY | tr ',' ' ' >>"$TMP/n-$t"
}

for t in rr crr; do
    : >"$TMP/v-$t" && : >"$TMP/n-$t"
done
for _ in $(seq 1 "$REPS"); do
    round rr
    round crr
done

mkdir -p "$OUT"
echo "test,tool,tps_median,tps_min_max,p50_us_median,p50_us_min_max" >"$OUT/rr.csv"
printf '%s\n\n' "TCP loopback, 1-byte request and response, 1 session, $REPS interleaved rounds of $SECS s (medians, min-max)" \
    | tee "$OUT/rr.md"
printf '| test | tool | transactions/s | p50 latency (us) |\n|---|---|---:|---:|\n' >>"$OUT/rr.md"
printf '%-4s %-8s %12s %19s %10s %15s\n' test tool "trans/s" "(min-max)" "p50 us" "(min-max)"
for t in rr crr; do
    for tool in v n; do
        name=$([ $tool = v ] && echo vsbench || echo netperf)
        f="$TMP/$tool-$t"
        tps=$(cut -d' ' -f1 "$f" | median) tr=$(cut -d' ' -f1 "$f" | range)
        p50=$(cut -d' ' -f2 "$f" | median) pr=$(cut -d' ' -f2 "$f" | range)
        printf '%-4s %-8s %12.0f %19s %10.2f %15s\n' "$t" "$name" "$tps" "($tr)" "$p50" "($pr)"
        echo "$t,$name,$tps,$tr,$p50,$pr" >>"$OUT/rr.csv"
        printf '| %s | %s | %.0f (%s) | %.2f (%s) |\n' "$t" "$name" "$tps" "$tr" "$p50" "$pr" >>"$OUT/rr.md"
        eval "${tool}_${t}_tps=$tps ${tool}_${t}_p50=$p50"
    done
done

# issue 15's targets, for rr
rate=$(echo "$v_rr_tps / $n_rr_tps" | bc -l)
lat=$(echo "$v_rr_p50 / $n_rr_p50" | bc -l)
verdict() { [ "$1" = 1 ] && echo met || echo "NOT met"; }
met_rate=$(echo "$rate >= 1" | bc -l) met_lat=$(echo "$lat >= 0.95 && $lat <= 1.05" | bc -l)
{
    echo
    printf 'rr transactions/s, vsbench / netperf: %.3f (target >= 1: %s)\n' "$rate" "$(verdict "$met_rate")"
    printf 'rr p50, vsbench / netperf: %.3f (target 0.95-1.05: %s; netperf reports whole microseconds)\n' \
        "$lat" "$(verdict "$met_lat")"
    printf 'crr transactions/s, vsbench / netperf: %.3f (no target)\n' \
        "$(echo "$v_crr_tps / $n_crr_tps" | bc -l)"
} | tee -a "$OUT/rr.md"
echo "(written: $OUT/rr.csv, $OUT/rr.md)"
