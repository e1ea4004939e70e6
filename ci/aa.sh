#!/usr/bin/env bash
# aa.sh [PAIRS] - A/A check of `vsreport compare` on this machine: PAIRS
# times (default 10), two sweeps of the same profile (PROFILE, default
# quick) one after the other against a local server, then `vsreport
# compare` of the second against the first. Identical configurations: any
# "regression" is a false alarm. Prints per pair the verdict counts and
# the sweep-wide shift compare reports, then how many pairs were flagged;
# exits 1 if any was. Results stay in OUT (out/aa) for a closer look.
# A benchmark of the comparison, not a test: run it on a quiet machine
# (on a shared one under its benchmark lock: flock LOCK ci/aa.sh).
set -u
cd "$(dirname "$0")/.." || exit 2
PAIRS=${1:-10}
PROFILE=${PROFILE:-quick}
OUT=${OUT:-out/aa}
mkdir -p "$OUT"

. ci/local-server.sh
local_server "$OUT/server.log" || { echo "aa: the server did not start"; exit 2; }

sweep() { # DIR
    rm -rf "$1"
    bin/vsbench sweep "127.0.0.1:$PORT" --profile "$PROFILE" --out "$1" >"$1.log" 2>&1
    [ $? -le 1 ] || { echo "aa: sweep $1 failed: $(tail -n 2 "$1.log")"; exit 2; }
}

flagged=0
for i in $(seq 1 "$PAIRS"); do
    sweep "$OUT/$i-a"
    sweep "$OUT/$i-b"
    bin/vsreport compare "$OUT/$i-a" "$OUT/$i-b" --json >"$OUT/$i.json" 2>"$OUT/$i.err"
    rc=$?
    [ "$rc" -le 1 ] || { echo "aa: compare failed: $(cat "$OUT/$i.err")"; exit 2; }
    [ "$rc" -eq 1 ] && flagged=$((flagged + 1))
    jq -r --arg i "$i" '"pair \($i): " + (.counts | to_entries | map("\(.key) \(.value)") | join(", "))
        + (if .drift then ", sweep-wide shift \(.drift.gbps * 1000 | round / 10)%"
                        + (if .drift.within then " (drift)" else " (beyond the allowance)" end)
           else "" end)' "$OUT/$i.json"
done
echo "$flagged of $PAIRS A/A pairs judged a regression (profile $PROFILE)"
[ "$flagged" -eq 0 ]
