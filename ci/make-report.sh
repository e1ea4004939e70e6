#!/usr/bin/env bash
# make-report.sh - `make report`: start a local vsbench server, run the
# quick profile over every transport usable on this machine, stop the
# server and write out/report (index.html, report.xlsx, charts).
#
# vsock is measured only where a loopback transport exists
# (/sys/module/vsock_loopback); elsewhere a vsock connection to this
# machine would leave through the host, so it is switched off.
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=${OUT:-out}
PROFILE=${PROFILE:-quick}
start=$(date +%s)

[ -d /sys/module/vsock_loopback ] || export VSBENCH_NO_VSOCK=1
rm -rf "$OUT/results" "$OUT/report"
mkdir -p "$OUT"

bin/vsbench serve --listen tcp:127.0.0.1:0 2>"$OUT/server.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' EXIT
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$OUT/server.log")
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "$port" ] || { echo "make report: the server did not start:"; cat "$OUT/server.log"; exit 1; }

echo "make report: sweeping profile '$PROFILE' against a local server (port $port)"
bin/vsbench sweep "127.0.0.1:$port" --profile "$PROFILE" --out "$OUT/results"
status=$?
# 1 means some runs failed: they are recorded and the report shows them.
[ "$status" -le 1 ] || { echo "make report: sweep failed (status $status)"; exit "$status"; }
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null

bin/vsreport report "$OUT/results" -o "$OUT/report" || exit $?
echo "make report: done in $(( $(date +%s) - start )) s"
echo "open $PWD/$OUT/report/index.html"
