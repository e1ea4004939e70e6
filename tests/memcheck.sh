#!/usr/bin/env bash
# memcheck.sh - the unit tests, and real serve/run pairs (stream with 3
# sessions and interim figures; rr with a burst and its latency log; crr),
# under valgrind: any invalid access or definite leak fails. The runner is
# linked dynamically here, since valgrind cannot follow malloc in a static
# binary.
set -u
cd "$(dirname "$0")/.." || exit 2
B=${BUILD:-build/$(${CC:-gcc} -dumpmachine)}
VG="valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=9"
export VSBENCH_NO_VSOCK=1
TMP=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$TMP"' EXIT
pass=0 failed=0

command -v valgrind >/dev/null || { echo "memcheck: valgrind missing"; echo "0 passed, 1 failed"; exit 1; }
if $VG "$B/tests/unit_tests" -q >"$TMP/unit.log" 2>&1; then
    pass=$((pass + 1)); echo "ok     unit tests under valgrind"
else
    failed=$((failed + 1)); echo "FAILED unit tests under valgrind"; grep '==' "$TMP/unit.log" | head -n 30
fi

${CC:-gcc} -o "$TMP/vsbench" "$B/runner/main.o" "$B"/runner/cmd_*.o "$B/libvsrunner.a" "$B/libvsbase.a" \
    "$B/deps/lib/libhdr_histogram.a" -linih -lnettle -lz -lpthread -lm

# pair NAME RUN-OPTIONS...: a --once server and one client run, both under valgrind
pair() {
    local name=$1 port=
    shift
    $VG "$TMP/vsbench" serve --listen tcp:127.0.0.1:0 --once 2>"$TMP/server.log" &
    server=$!
    for _ in $(seq 1 200); do
        port=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/server.log")
        [ -n "$port" ] && break
        sleep 0.05
    done
    if $VG "$TMP/vsbench" run "127.0.0.1:$port" "$@" --json >"$TMP/r.json" 2>"$TMP/client.log" &&
       [ "$(jq -r '.results[-1].status' "$TMP/r.json")" = ok ]; then
        pass=$((pass + 1)); echo "ok     $name: client under valgrind"
    else
        failed=$((failed + 1)); echo "FAILED $name: client under valgrind"; grep '==\|vsbench' "$TMP/client.log" | head -n 30
    fi
    if wait "$server"; then
        pass=$((pass + 1)); echo "ok     $name: server (--once) under valgrind"
    else
        failed=$((failed + 1)); echo "FAILED $name: server under valgrind"; grep '==' "$TMP/server.log" | head -n 30
    fi
    server=
}

pair stream -P 3 -l 1 --warmup 0.2 -i 0.5
pair rr -T rr -P 2 -b 2 -r 64,1K -l 1 --warmup 0.2 -i 0.5 --hdr-log "$TMP/rr.hlog"
pair crr -T crr -P 2 -l 1 --warmup 0.2
pair zerocopy -m 64K -P 2 -l 1 --warmup 0.2 --zerocopy --congestion reno
echo
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
