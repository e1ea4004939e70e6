# lib.sh - helpers for integration tests (sourced; bash).
#
# Every test runs in its own bash process with a private temp dir and its
# own server on an ephemeral loopback port; the EXIT trap ends whatever
# the test started (by PID) and removes its files.

VSBENCH=${VSBENCH:-$PWD/bin/vsbench}
HOSTILE=${HOSTILE:-$PWD/build/$(gcc -dumpmachine)/tests/hostile}   # tests/tools/hostile.c
export VSBENCH_NO_VSOCK=1   # never open AF_VSOCK on a development host
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vsbench-it.XXXXXX")
export TMPDIR=$TMP          # unix data sockets of servers land here too
PIDS=()

cleanup() {
    local p
    for p in "${PIDS[@]}"; do
        kill "$p" 2>/dev/null
    done
    for p in "${PIDS[@]}"; do
        wait "$p" 2>/dev/null
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    if [ -f "$TMP/server.log" ]; then
        echo "--- server log" >&2
        tail -n 20 "$TMP/server.log" >&2
    fi
    exit 1
}

# start_server [serve options...]: sets SERVER_PID and PORT.
start_server() {
    "$VSBENCH" serve --listen tcp:127.0.0.1:0 "$@" 2>"$TMP/server.log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    local i
    for i in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/server.log" | head -n 1)
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || fail "server exited at start"
        sleep 0.05
    done
    fail "server did not start"
}

# server_alive: the server process is still running.
server_alive() {
    kill -0 "$SERVER_PID" 2>/dev/null
}

# raw_send HEXBYTES: open a TCP connection to the server, write bytes, read
# what comes back for a moment (bash /dev/tcp; no other tools needed).
raw_send() {
    exec 3<>"/dev/tcp/127.0.0.1/$PORT" || fail "cannot connect"
    # the server may refuse (and reset) before the last byte: no SIGPIPE
    (trap '' PIPE; printf "$1" >&3) 2>/dev/null
    timeout 3 cat <&3 >"$TMP/reply" 2>/dev/null
    exec 3<&- 3>&-
}

# run_json OUTFILE [run options...]: a short run against the server.
run_json() {
    local out=$1
    shift
    timeout 60 "$VSBENCH" run "tcp:127.0.0.1:$PORT" --json -l 0.5 --warmup 0.2 "$@" \
        >"$out" 2>"$out.err"
}

# jq_true FILE EXPR MESSAGE: the jq expression must yield true.
jq_true() {
    [ "$(jq -r "$2" "$1")" = "true" ] || fail "$3 ($(jq -c "$2" "$1" 2>&1 | head -c 300))"
}

# check_result FILE SESSIONS: status ok, rows complete, aggregate = sum.
check_result() {
    local f=$1 n=$2
    jq_true "$f" "(.results | length) == ($n + 1)" "expected $n session rows + aggregate"
    jq_true "$f" '[.results[].status] | all(. == "ok")' "every row ok"
    jq_true "$f" '.results[-1].session == "all"' "last row is the aggregate"
    jq_true "$f" '([.results[:-1][].bytes] | add) == .results[-1].bytes' "aggregate bytes = sum"
    jq_true "$f" '[.results[].gbps] | all(. > 0)' "throughput > 0"
    jq_true "$f" '(([.results[:-1][].gbps] | add) - .results[-1].gbps | fabs) < 0.001 * .results[-1].gbps + 1e-6' \
        "aggregate Gbit/s = sum"
    jq_true "$f" '.duration as $d | [.results[] | .seconds > 0.8 * $d and .seconds < 1.3 * $d] | all' "measured interval ~ the duration"
    jq_true "$f" '[.results[] | has("cpu_local") and has("cpu_remote") and has("sd_local") and has("sd_remote")] | all' \
        "CPU fields present"
    jq_true "$f" '[.results[:-1][] | .bytes_total == .sent_total] | all' "receiver got all that was sent"
}

# effective sizes >= request, or a warning naming the clamp.
check_sizes() {
    local f=$1
    jq_true "$f" '([.results[] | .sock_eff_local >= .sock_req and .sock_eff_remote >= .sock_req] | all)
                  or ((.warnings | length) > 0)' "effective sizes >= requested or warned"
}
