# lib.sh - what the tests/windows scripts share: a wine prefix, a
# scratch folder, results and the Linux server they run against. Source
# it from the project's root; call `finish` at the end.
#   WINEPREFIX   build/wine unless set (a fresh one: win_prefix DIR)
#   TMP          a scratch folder, removed on exit with every process
#                started through bg (PIDS) and this prefix's wineserver
export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINEPREFIX=${WINEPREFIX:-$PWD/build/wine}
# the Linux binaries never open AF_VSOCK here; wine has no VMCI driver anyway
export VSBENCH_NO_VSOCK=1
TMP=$(mktemp -d)
PIDS=()
pass=0 failed=0

cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
    wineserver -k 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

ok() { pass=$((pass + 1)); echo "ok     $1"; }
bad() {
    failed=$((failed + 1)); echo "FAILED $1"
    [ -n "${2:-}" ] && tr -d '\r' <"$2" | sed 's/^/    /' | head -n 15
    return 0
}
# expect NAME FILE: ok when the last command succeeded, else FAILED with FILE
expect() { if [ "$?" -eq 0 ]; then ok "$1"; else bad "$1" "${2:-}"; fi; }

# check NAME FILE JQ: the JSON in FILE satisfies JQ
check() {
    if [ "$(tr -d '\r' <"$2" | jq -r "$3" 2>/dev/null)" = true ]; then ok "$1"; else bad "$1" "$2"; fi
}

# need_wine: stop (one failure) when wine is missing
need_wine() {
    command -v wine >/dev/null && return 0
    echo "windows-test: wine missing (apt-get install wine wine64)"
    echo "0 passed, 1 failed"
    exit 1
}

# win_prefix DIR: use (and make, once) the wine prefix DIR
win_prefix() {
    export WINEPREFIX=$1
    mkdir -p "$WINEPREFIX"
    [ -f "$WINEPREFIX/system.reg" ] || timeout 180 wineboot -i >/dev/null 2>&1
}

# wait_port LOG: the port a server printed in "listening on tcp:127.0.0.1:PORT"
wait_port() {
    local port=
    for _ in $(seq 1 200); do
        port=$(tr -d '\r' <"$1" | sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' | head -n 1)
        [ -n "$port" ] && { echo "$port"; return 0; }
        sleep 0.1
    done
    return 1
}

# serve_bg LOG CMD...: start CMD (a `serve --listen tcp:127.0.0.1:0` of either
# build) in the background (PIDS), its output in LOG; PORT is the port it
# printed. 1 when it printed none.
serve_bg() {
    local log=$1
    shift
    "$@" >"$log" 2>&1 &
    PIDS+=($!)
    PORT=$(wait_port "$log")
}

# linux_server: bin/vsbench serve on an ephemeral loopback port; PORT
linux_server() {
    serve_bg "$TMP/lserver.log" bin/vsbench serve --listen tcp:127.0.0.1:0 ||
        { bad "the Linux server did not start" "$TMP/lserver.log"; return 1; }
}

# tiny_profile FILE: 8 short runs over tcp (2 messages x 1, 2 sessions x 2 runs)
tiny_profile() {
    printf '%s\n' '[sweep]' 'name = tiny' 'transports = tcp' 'sock-sizes = 64K' \
        'msg-sizes = 1K, 16K' 'sessions = 1, 2' 'runs = 2' 'duration = 0.3' 'warmup = 0' >"$1"
}

finish() {
    echo
    echo "$pass passed, $failed failed"
    [ "$failed" -eq 0 ]
}
