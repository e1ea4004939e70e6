#!/usr/bin/env bash
# make-report.sh - `make report`: start a local vsbench server, run the
# quick profile over every transport usable on this machine, stop the
# server and write out/report (index.html, report.xlsx, charts).
#
# vsock is measured only where a loopback transport exists
# (/sys/module/vsock_loopback); elsewhere a vsock connection to this
# machine would leave through the host, so it is switched off (ci/local-server.sh).
set -u
cd "$(dirname "$0")/.." || exit 2
OUT=${OUT:-out}
PROFILE=${PROFILE:-quick}
start=$(date +%s)

rm -rf "$OUT/results" "$OUT/report"
mkdir -p "$OUT"

. ci/local-server.sh
local_server "$OUT/server.log" ||
    { echo "make report: the server did not start:"; cat "$OUT/server.log"; exit 1; }

echo "make report: sweeping profile '$PROFILE' against a local server (port $PORT)"
bin/vsbench sweep "127.0.0.1:$PORT" --profile "$PROFILE" --out "$OUT/results"
status=$?
# 1 means some runs failed: they are recorded and the report shows them.
[ "$status" -le 1 ] || { echo "make report: sweep failed (status $status)"; exit "$status"; }
stop_server

bin/vsreport report "$OUT/results" -o "$OUT/report" || exit $?
echo "make report: done in $(( $(date +%s) - start )) s"
echo "open $PWD/$OUT/report/index.html"
