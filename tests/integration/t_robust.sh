# t_robust.sh - the server survives misbehaving clients.

t_garbage_client() {
    start_server
    raw_send 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'
    head -c 4000 /dev/urandom >"$TMP/junk"
    exec 3<>"/dev/tcp/127.0.0.1/$PORT"
    # the server may close before all of it is written: no SIGPIPE here
    (trap '' PIPE; cat "$TMP/junk" >&3) 2>/dev/null
    exec 3<&- 3>&-
    server_alive || fail "server died on garbage"
    run_json "$TMP/r.json" || fail "server no longer serves after garbage"
    check_result "$TMP/r.json" 1
}

t_oversized_message() {
    start_server
    # length 0x40000000 then a HELLO type: refused without reading 1 GiB
    raw_send '\x40\x00\x00\x00\x00\x01VSBN\x00\x01'
    grep -q "exceeds" "$TMP/reply" || fail "no error reply for an oversized message"
    server_alive || fail "server died"
    run_json "$TMP/r.json" || fail "server no longer serves"
}

t_version_mismatch() {
    start_server
    raw_send '\x00\x00\x00\x08\x00\x01VSBN\x00\x09'
    grep -q "protocol version 9" "$TMP/reply" || fail "no version message: $(cat -v "$TMP/reply")"
    server_alive || fail "server died"
}

t_silent_client_times_out() {
    start_server --timeout 1
    exec 4<>"/dev/tcp/127.0.0.1/$PORT"
    # while the silent client sits there, others are served
    run_json "$TMP/r.json" || fail "a silent client blocks others"
    sleep 1.5
    grep -q "timed out" "$TMP/server.log" || fail "silent client not timed out"
    exec 4<&- 4>&-
    server_alive || fail "server died"
}

t_client_killed_mid_test() {
    start_server
    timeout 60 "$VSBENCH" run "127.0.0.1:$PORT" -P 3 -l 5 --warmup 0 >/dev/null 2>&1 &
    local cpid=$!
    PIDS+=("$cpid")
    sleep 1.5
    kill -9 "$cpid"
    wait "$cpid" 2>/dev/null
    sleep 0.5
    server_alive || fail "server died with its client"
    run_json "$TMP/r.json" -P 2 || fail "server no longer serves after a killed client"
    check_result "$TMP/r.json" 2
}

t_server_killed_mid_test() {
    start_server
    timeout 60 "$VSBENCH" run "127.0.0.1:$PORT" -l 5 --warmup 0 --json >"$TMP/r.json" 2>"$TMP/err" &
    local cpid=$!
    sleep 1.5
    kill -9 "$SERVER_PID"
    wait "$cpid"
    local rc=$?
    [ "$rc" -ne 0 ] || fail "client reported success although the server died"
    [ "$rc" -ne 124 ] || fail "client hung after the server died"
    jq_true "$TMP/r.json" '.results[-1].status == "error" and (.results[-1].error | length) > 0' \
        "failed run keeps its error"
}

t_concurrent_clients() {
    start_server --max-tests 2 # one at a time by default (t_peers.sh: busy)
    run_json "$TMP/a.json" -P 2 -l 1 & local a=$!
    run_json "$TMP/b.json" -t unix -l 1 & local b=$!
    wait "$a" || fail "first concurrent client failed"
    wait "$b" || fail "second concurrent client failed"
    check_result "$TMP/b.json" 1
}
