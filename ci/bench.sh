#!/usr/bin/env bash
# bench.sh - `make bench`: vsbench and iperf3 side by side on loopback, at
# the study's socket/message sizes, alternating tools, REPS times each;
# prints the medians and the ratio. A benchmark, not a test: nothing is
# asserted (figures on shared machines are noisy). Needs iperf3.
set -u
cd "$(dirname "$0")/.." || exit 2
REPS=${REPS:-3}
SECS=${SECS:-4}
export VSBENCH_NO_VSOCK=1
command -v iperf3 >/dev/null || { echo "bench: iperf3 missing (apt-get install iperf3)"; exit 2; }
command -v jq >/dev/null || { echo "bench: jq missing"; exit 2; }
TMP=$(mktemp -d)
bin/vsbench serve --listen tcp:127.0.0.1:0 2>"$TMP/vs.log" &
vs=$!
iperf3 -s -p 5299 >/dev/null 2>&1 &
ip=$!
trap 'kill $vs $ip 2>/dev/null; wait $vs $ip 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/vs.log")
    [ -n "$port" ] && break
    sleep 0.05
done
sleep 0.3

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

printf '%-6s %-6s %-3s %12s %12s %8s\n' sock msg P "vsbench" "iperf3" "ratio"
for cfg in "64K 512 1" "64K 16K 1" "256K 16K 1" "64K 64K 1" "256K 64K 1" "256K 16K 5"; do
    set -- $cfg
    : >"$TMP/v" && : >"$TMP/i"
    for _ in $(seq 1 "$REPS"); do
        bin/vsbench run "127.0.0.1:$port" -s "$1" -m "$2" -P "$3" -l "$SECS" --warmup 1 --json \
            | jq '.results[-1].gbps' >>"$TMP/v"
        iperf3 -c 127.0.0.1 -p 5299 -w "$1" -l "$2" -P "$3" -t $((SECS + 1)) -O 1 -J \
            | jq '.end.sum_received.bits_per_second / 1e9' >>"$TMP/i"
    done
    v=$(median <"$TMP/v") i=$(median <"$TMP/i")
    printf '%-6s %-6s %-3s %9.3f Gb/s %9.3f Gb/s %8.2f\n' "$1" "$2" "$3" "$v" "$i" \
        "$(echo "$v / $i" | bc -l)"
done
