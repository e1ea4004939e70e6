# t_errors.sh - errors a user can act on, and exit statuses.

t_refused_connection() {
    # a port nobody listens on: bind one, close it, use it
    start_server
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 1 >"$TMP/o" 2>&1
    [ $? -eq 3 ] || fail "exit status for a refused connection should be 3"
    grep -q "refused" "$TMP/o" || fail "message does not say refused: $(cat "$TMP/o")"
    grep -q "vsbench serve" "$TMP/o" || fail "message does not suggest vsbench serve"
}

t_bad_options() {
    "$VSBENCH" run 127.0.0.1 -m 0 >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "-m 0 should exit 2"
    "$VSBENCH" run 127.0.0.1 -s 12Q >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "bad size should exit 2"
    grep -q "12Q" "$TMP/o" || fail "bad size not named"
    "$VSBENCH" run tpc:127.0.0.1 >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "bad address should exit 2"
    grep -q "tpc" "$TMP/o" || fail "bad transport not named"
    "$VSBENCH" run 127.0.0.1 -P 65 >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "-P 65 should exit 2"
    "$VSBENCH" frobnicate >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "unknown command should exit 2"
    "$VSBENCH" run --help | grep -q -- '--sock-size' || fail "run --help"
    "$VSBENCH" serve --help | grep -q -- '--listen' || fail "serve --help"
}

t_vsock_refused_here() {
    # VSBENCH_NO_VSOCK=1 (lib.sh) guarantees no AF_VSOCK socket is opened.
    start_server
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -t vsock -l 1 >"$TMP/o" 2>&1
    [ $? -eq 4 ] || fail "vsock here should exit 4 (unsupported): $(cat "$TMP/o")"
    grep -qi "vsock" "$TMP/o" || fail "message does not name vsock"
    server_alive || fail "server died"
}

t_info() {
    "$VSBENCH" info >"$TMP/i.txt" || fail "info failed"
    grep -q '^transports' "$TMP/i.txt" || fail "info lists no transports"
    "$VSBENCH" info --json >"$TMP/i.json" || fail "info --json failed"
    jq_true "$TMP/i.json" '.cpus >= 1 and (.kernel | length) > 0 and .transports.tcp.available' "info fields"
    jq_true "$TMP/i.json" '.transports.vsock.available == false' "vsock disabled under VSBENCH_NO_VSOCK"
}

t_listen_errors_are_usage_errors() {
    # the same policy on every OS (platform/net.c): an address the user
    # chose that cannot be had is a usage error naming it; exit 2
    start_server
    timeout 20 "$VSBENCH" serve --listen "tcp:127.0.0.1:$PORT" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a port in use should exit 2: $(cat "$TMP/o")"
    grep -q "127.0.0.1:$PORT" "$TMP/o" || fail "message does not name the address: $(cat "$TMP/o")"
    grep -qi "in use" "$TMP/o" || fail "message does not say in use: $(cat "$TMP/o")"
    timeout 20 "$VSBENCH" serve --listen "unix:$TMP/no/such/dir/s.sock" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a unix path in a missing directory should exit 2: $(cat "$TMP/o")"
    grep -q "directory" "$TMP/o" || fail "message does not name the directory: $(cat "$TMP/o")"
    # 192.0.2.1 (TEST-NET-1) is no address of this machine; nothing is sent
    timeout 20 "$VSBENCH" serve --listen "tcp:192.0.2.1:0" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a foreign address should exit 2: $(cat "$TMP/o")"
    grep -q "192.0.2.1" "$TMP/o" || fail "message does not name the address: $(cat "$TMP/o")"
    server_alive || fail "the first server died"
}

# One CLI module for both binaries: per-command help, strict values,
# suggestions for a mistyped command or option.
t_cli_help_and_suggestions() {
    VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
    for cmd in summary report compare history version; do
        "$VSREPORT" "$cmd" --help >"$TMP/h" || fail "vsreport $cmd --help failed"
        grep -q "^usage: vsreport $cmd" "$TMP/h" || fail "vsreport $cmd --help: $(head -n 1 "$TMP/h")"
    done
    for cmd in run serve sweep info version; do
        "$VSBENCH" "$cmd" --help >"$TMP/h" || fail "vsbench $cmd --help failed"
        grep -q "^usage: vsbench $cmd" "$TMP/h" || fail "vsbench $cmd --help: $(head -n 1 "$TMP/h")"
    done
    "$VSBENCH" help sweep | grep -q -- '--profile' || fail "help sweep"
    "$VSBENCH" rnu >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "unknown command should exit 2"
    grep -q "did you mean 'run'" "$TMP/o" || fail "no suggestion: $(cat "$TMP/o")"
    "$VSBENCH" run 127.0.0.1 --sesions 2 >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "unknown option should exit 2"
    grep -q "did you mean --sessions" "$TMP/o" || fail "no option suggestion: $(cat "$TMP/o")"
    "$VSREPORT" sumary x >"$TMP/o" 2>&1
    grep -q "did you mean 'summary'" "$TMP/o" || fail "no vsreport suggestion: $(cat "$TMP/o")"
    "$VSREPORT" compare --window 3x a b >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "--window 3x should exit 2"
    grep -q "'3x'" "$TMP/o" || fail "--window value not quoted: $(cat "$TMP/o")"
    "$VSREPORT" compare --alpha 0.05x a b >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "--alpha 0.05x should exit 2"
    "$VSBENCH" serve --timeout 5x >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "serve --timeout 5x should exit 2"
}

# wait_listening LOG: until a server says it listens (5 s at most)
wait_listening() {
    for _ in $(seq 1 100); do grep -q "listening on" "$1" && return 0; sleep 0.05; done
    return 1
}

t_unix_path_in_use_is_refused() {
    "$VSBENCH" serve --listen "unix:$TMP/ctl.sock" 2>"$TMP/server.log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_listening "$TMP/server.log" || fail "first server did not start"
    # a second server on the same path: refused at once, the file untouched
    timeout 20 "$VSBENCH" serve --listen "unix:$TMP/ctl.sock" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a second server on a live path should exit 2: $(cat "$TMP/o")"
    grep -q "in use" "$TMP/o" || fail "message does not say the path is in use: $(cat "$TMP/o")"
    [ -S "$TMP/ctl.sock" ] || fail "the refused server removed the live server's socket file"
    timeout 30 "$VSBENCH" run "unix:$TMP/ctl.sock" -t unix -l 0.2 --warmup 0 --json >"$TMP/r.json" \
        || fail "the first server no longer answers"
    # a stale socket file (its server killed) is taken over
    kill -KILL "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
    [ -S "$TMP/ctl.sock" ] || fail "no stale file to test with"
    "$VSBENCH" serve --listen "unix:$TMP/ctl.sock" --once 2>"$TMP/s2.log" &
    PIDS+=($!)
    wait_listening "$TMP/s2.log" || fail "a stale socket file blocked a new server: $(cat "$TMP/s2.log")"
    # a file that is not a socket is never replaced
    echo keep >"$TMP/plain"
    timeout 20 "$VSBENCH" serve --listen "unix:$TMP/plain" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a regular file as the path should exit 2"
    [ "$(cat "$TMP/plain")" = keep ] || fail "a regular file was replaced"
}
