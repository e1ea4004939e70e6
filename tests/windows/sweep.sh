#!/usr/bin/env bash
# sweep.sh - vsbench.exe sweep under wine against a Linux server, as on
# Linux: progress lines, Ctrl-C (wine turns SIGINT into a console
# CTRL_C_EVENT) stops it between runs with the finished runs kept and a
# hint to resume, --resume completes it without duplicates, and the Linux
# vsreport reads what it wrote (LF line ends, every column).
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/windows/lib.sh
EXE=bin/win64/vsbench.exe
OUT=$TMP/res

# all_runs: aggregate rows recorded so far
all_runs() { local n; n=$(grep -c ",all," "$OUT/runs.csv" 2>/dev/null); echo "${n:-0}"; }

need_wine
win_prefix "$WINEPREFIX"
linux_server || { finish; exit; }
tiny_profile "$TMP/tiny.profile"

# Start, interrupt after 3 runs, as a user's Ctrl-C would.
wine "$EXE" sweep "127.0.0.1:$PORT" --profile "$TMP/tiny.profile" --out "$OUT" >"$TMP/sweep1" 2>&1 &
spid=$!
PIDS+=("$spid")
for _ in $(seq 1 300); do [ "$(all_runs)" -ge 3 ] && break; sleep 0.1; done
kill -INT "$spid"
wait "$spid"
rc=$?
n=$(all_runs)
[ "$rc" -eq 1 ] && [ "$n" -ge 3 ] && [ "$n" -lt 8 ] && grep -q 'interrupted: continue with --resume' "$TMP/sweep1"
expect "Ctrl-C stops the sweep, exit 1, $n of 8 runs kept, a hint to resume" "$TMP/sweep1"
check "meta.json says interrupted" "$OUT/meta.json" '.status == "interrupted" and .hosts.local.os == "Windows"'
grep -q '^\[1/8\] tcp stream 64K/1K x1 run 1: ok' "$TMP/sweep1"
expect "progress lines as on Linux" "$TMP/sweep1"

timeout 120 wine "$EXE" sweep "127.0.0.1:$PORT" --profile "$TMP/tiny.profile" --out "$OUT" >"$TMP/sweep2" 2>&1
rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--resume" "$TMP/sweep2"
expect "a second sweep into the folder refuses without --resume, exit 2" "$TMP/sweep2"
timeout 120 wine "$EXE" sweep "127.0.0.1:$PORT" --profile "$TMP/tiny.profile" --out "$OUT" --resume \
    >"$TMP/sweep3" 2>&1
rc=$?
[ "$rc" -eq 0 ] && grep -q "resuming .*: $n of 8 runs already recorded" "$TMP/sweep3" && [ "$(all_runs)" -eq 8 ]
expect "--resume runs the $((8 - n)) runs left" "$TMP/sweep3"
dups=$(tail -n +2 "$OUT/runs.csv" | cut -d, -f1-9 | sort | uniq -d | wc -l)
[ "$dups" -eq 0 ] && [ "$(tail -n +2 "$OUT/runs.csv" | wc -l)" -eq 20 ]
expect "runs.csv: 20 rows, no run twice" "$OUT/runs.csv"
! grep -q $'\r' "$OUT/runs.csv" "$OUT/meta.json" "$OUT/profile.txt"
expect "runs.csv, meta.json and profile.txt have LF line ends"
check "meta.json: complete, resumed, both hosts" "$OUT/meta.json" \
    '.status == "complete" and .resumed and .runs_done == 8 and .hosts.remote.os == "Linux"'
bin/vsreport summary --json "$OUT" >"$TMP/summary.json" 2>&1
check "the Linux vsreport reads the Windows sweep" "$TMP/summary.json" \
    'length == 4 and all(.[]; .n == 2 and .mean > 0)'
finish
