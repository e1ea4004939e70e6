# t_peers.sh - hostile peers (issue 11): a fake server's facts, hostile
# clients. The misbehaving peer is tests/tools/hostile.c.

# start_fake_server: the hostile fake server; sets PORT.
start_fake_server() {
    "$HOSTILE" fake-server 2>"$TMP/fake.log" &
    PIDS+=($!)
    local i
    for i in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/fake.log")
        [ -n "$PORT" ] && return 0
        sleep 0.05
    done
    fail "fake server did not start"
}

t_fake_server_facts_sanitized() {
    start_fake_server
    cat >"$TMP/one.profile" <<'P'
[sweep]
name = one
transports = tcp
sock-sizes = 64K
msg-sizes = 16K
sessions = 1
runs = 1
duration = 0.1
warmup = 0
P
    timeout 60 "$VSBENCH" sweep "127.0.0.1:$PORT" --profile "$TMP/one.profile" --out "$TMP/res" \
        >"$TMP/sweep.out" 2>&1
    local m=$TMP/res/meta.json
    [ -f "$m" ] || fail "no meta.json: $(cat "$TMP/sweep.out")"
    jq -e . "$m" >/dev/null || fail "meta.json is not JSON"
    # only the members the local host has (vs_host_fields), none added
    jq_true "$m" '(.hosts.remote | keys) == (.hosts.local | keys)' "remote facts have the known keys only"
    # its settings (WELCOME's optional part): decoded one by one, cleaned
    jq_true "$m" '.hosts.remote.facts == {"cpu.count": 7, "cpu.governor": "perf?[31m <script>alert(1)</script>", "clock.source": "tsc`id`|*_[x](y)"}' \
        "remote settings: typed, cleaned, an unknown name dropped"
    jq_true "$m" '.hosts.remote | has("status") or has("runs_failed") or has("hosts") | not' \
        "no key of the fake server's own"
    jq_true "$m" '.status != "complete" or .runs_failed > 0' "the sweep's status is its own"
    jq_true "$m" '[.hosts.remote | .. | strings | test("[\u0000-\u001f\u007f-\u009f]")] | any | not' \
        "no control character in any remote value"
    jq_true "$m" '.hosts.remote.kernel == "x\" ; system(\"id > pwned\") ; y=\""' \
        "printable text kept as text (quoted by the JSON writer)"
    jq_true "$m" '.hosts.remote.os_release == "a\"b,c?d??## injected heading"' "newlines replaced"
    jq_true "$m" '.hosts.remote.transports.tcp.detail == "ok?]0;pwned?"' "transport detail cleaned"
    jq_true "$m" '.hosts.remote.cpus == 0 and .hosts.remote.vsock_cid == null' "facts not sent stay empty"
    # a report of those facts (with the fixture's runs) runs nothing and draws
    local vsreport=$PWD/bin/vsreport
    mkdir -p "$TMP/rep"
    cp "$PWD/tests/fixtures/small/runs.csv" "$m" "$TMP/rep/"
    (cd "$TMP" && timeout 60 "$vsreport" report "$TMP/rep" -o "$TMP/out") >"$TMP/report.log" 2>&1 ||
        fail "vsreport report on the fake server's facts failed: $(cat "$TMP/report.log")"
    ! grep -n '`' "$TMP/out/charts/"*.gp || fail "a backtick reached a gnuplot script"
    grep -qF 'perf?[31m &lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/out/index.html" &&
        ! grep -q '<script>alert' "$TMP/out/index.html" || fail "the server's settings not escaped in HTML"
    [ -z "$(find "$TMP" "$PWD" -maxdepth 3 -name pwned)" ] || fail "something ran a command"
    # the fake server's ERROR reaches the terminal cleaned
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 0.1 >"$TMP/run.out" 2>&1
    [ $? -eq 6 ] || fail "a refused run exits 6: $(cat -v "$TMP/run.out")"
    grep -q 'no tests here?' "$TMP/run.out" || fail "error text not shown: $(cat -v "$TMP/run.out")"
    ! grep -q $'\x1b' "$TMP/run.out" || fail "an escape sequence reached the terminal"
}

# ---- hostile clients --------------------------------------------------------

# elapsed START: seconds since START (date +%s.%N)
elapsed() {
    echo "$(date +%s.%N) - $1" | bc
}

# less_than A B: A < B (decimals)
less_than() {
    [ "$(echo "$1 < $2" | bc)" -eq 1 ]
}

# tally_sum WHAT: the sum of the server's counts of WHAT in its log
tally_sum() {
    grep -o "[0-9]* $1" "$TMP/server.log" | awk '{ n += $1 } END { print n + 0 }'
}

LOOPBACKS="127.0.0.2 127.0.0.3 127.0.0.4 127.0.0.5 127.0.0.6 127.0.0.7 127.0.0.8 127.0.0.9"

t_lobby_flood_legit_run_served() {
    start_server
    # 200 hostile connections from 8 other addresses, reopened as soon as
    # the server drops them: idle, half handshakes, cut frames, garbage, drip
    "$HOSTILE" flood "$PORT" 200 6 reconnect $LOOPBACKS >"$TMP/flood.out" 2>&1 &
    PIDS+=($!)
    local fp=$!
    sleep 1.5
    local start=$(date +%s.%N) took
    run_json "$TMP/r.json" -l 0.3 --warmup 0 || fail "legit run failed: $(cat "$TMP/r.json.err")"
    took=$(elapsed "$start")
    echo "legit run (0.3 s) served in $took s while the flood went on"
    less_than "$took" 3.3 || fail "the legit run took $took s (more than 3 s beyond its 0.3 s)"
    check_result "$TMP/r.json" 1
    wait "$fp"
    [ "$(cat "$TMP/flood.out" | tail -n 1)" -gt 400 ] || fail "the flood did not reconnect: $(cat "$TMP/flood.out")"
    grep -q "too many pending from one address" "$TMP/server.log" || fail "no per-source refusals counted"
    [ "$(grep -c 'refused or dropped' "$TMP/server.log")" -lt 10 ] || fail "the log floods"
    server_alive || fail "server died"
}

t_lobby_same_address_served_after_grace() {
    start_server
    # 200 idle ones held from the client's own address: 8 wait in the
    # lobby until their 2 s are up, the rest are refused
    "$HOSTILE" flood "$PORT" 200 5 idle >"$TMP/flood.out" 2>&1 &
    PIDS+=($!)
    sleep 1
    local start=$(date +%s.%N) took
    run_json "$TMP/r.json" -l 0.3 --warmup 0 || fail "legit run failed: $(cat "$TMP/r.json.err")"
    took=$(elapsed "$start")
    echo "legit run (0.3 s) from the flood's own address served in $took s"
    less_than "$took" 3.3 || fail "the legit run took $took s"
    grep -q "busy: too many connections from your address" "$TMP/r.json.err" ||
        fail "the client was not told why it waited"
}

t_stray_data_connections_do_not_disturb() {
    start_server
    timeout 30 "$HOSTILE" stray "$PORT" >"$TMP/stray.out" 2>&1 ||
        fail "the test with strays did not complete: $(cat "$TMP/stray.out")"
    sleep 0.2
    grep -q "[0-9] stray data connections dropped" "$TMP/server.log" || fail "strays not counted"
    run_json "$TMP/r.json" || fail "server no longer serves"
}

t_garbage_frames_counted() {
    start_server
    raw_send '\x00\x00\x00\x06\x00\x63junk'          # an unknown message type
    grep -q "expected message 1, got 99" "$TMP/reply" || fail "no answer to an unknown type"
    raw_send '\x00\x00\x00\x08\x00\x01VSBN\x00\x02\x00\x00\x00\x03\x00\x04\x09' # TEST cut short
    grep -q "malformed TEST" "$TMP/reply" || fail "a cut TEST not refused"
    raw_send '\x00\x00\x00\x01\x00'                  # a frame too short to have a type
    grep -q "too short" "$TMP/reply" || fail "a 1-byte frame not refused: $(cat -v "$TMP/reply")"
    sleep 0.3
    grep -q "malformed" "$TMP/server.log" || fail "garbage not counted"
    run_json "$TMP/r.json" || fail "server no longer serves"
}

# ---- one test at a time, caps ----------------------------------------------

t_busy_server_retry() {
    start_server
    run_json "$TMP/a.json" -l 2 --warmup 0 &
    local a=$!
    sleep 0.5
    # told busy at once without waiting
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 0.2 --warmup 0 --busy-wait 0 >"$TMP/b.out" 2>&1
    [ $? -eq 6 ] || fail "a busy server without --busy-wait must refuse (exit 6): $(cat "$TMP/b.out")"
    grep -q "busy: 1 test(s) running (serve --max-tests 1)" "$TMP/b.out" || fail "no busy message: $(cat "$TMP/b.out")"
    # with the default wait: served after the first
    local start=$(date +%s.%N)
    run_json "$TMP/c.json" -l 0.2 --warmup 0 || fail "the waiting client failed: $(cat "$TMP/c.json.err")"
    grep -q "asking again in" "$TMP/c.json.err" || fail "the client did not say it waits"
    wait "$a" || fail "the first client failed"
    less_than 0.8 "$(elapsed "$start")" || fail "the second test cannot have run alone"
    jq_true "$TMP/a.json" '[.results[].overlap] | all(. == 0)' "one at a time: no overlap"
    jq_true "$TMP/c.json" '[.results[].overlap] | all(. == 0)' "one at a time: no overlap"
}

t_max_tests_marks_overlap() {
    start_server --max-tests 2
    run_json "$TMP/a.json" -l 1.5 --warmup 0 &
    local a=$!
    sleep 0.3
    run_json "$TMP/b.json" -l 0.5 --warmup 0 || fail "second concurrent client failed"
    wait "$a" || fail "first concurrent client failed"
    jq_true "$TMP/a.json" '[.results[].overlap] | all(. == 1)' "the first test overlapped"
    jq_true "$TMP/b.json" '[.results[].overlap] | all(. == 1)' "the second test overlapped"
    jq_true "$TMP/b.json" '[.warnings[] | test("another test ran")] | any' "overlap warned"
}

t_server_caps_refuse_clearly() {
    start_server --max-duration 1 --max-sessions 2
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 2 --warmup 0 >"$TMP/d.out" 2>&1
    [ $? -eq 6 ] || fail "a test longer than --max-duration must be refused (exit 6)"
    grep -q -- "--max-duration" "$TMP/d.out" || fail "the refusal does not name the cap: $(cat "$TMP/d.out")"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -P 3 -l 0.2 --warmup 0 >"$TMP/s.out" 2>&1
    [ $? -eq 6 ] || fail "more sessions than --max-sessions must be refused (exit 6)"
    grep -q -- "--max-sessions" "$TMP/s.out" || fail "the refusal does not name the cap: $(cat "$TMP/s.out")"
    run_json "$TMP/r.json" -P 2 -l 0.5 --warmup 0.2 || fail "a test within the caps failed"
}

t_allow_ranges() {
    start_server --allow 10.0.0.0/8 --allow fd00::/8
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 0.2 >"$TMP/n.out" 2>&1 &&
        fail "a client outside every --allow range was served"
    sleep 0.3
    grep -q "not in an --allow range" "$TMP/server.log" || fail "refusal not counted"
    kill "$SERVER_PID"
    start_server --allow 127.0.0.0/8
    run_json "$TMP/r.json" -l 0.2 || fail "a client inside the range was refused"
    "$VSBENCH" serve --allow 10.0.0.1/8 >"$TMP/bad.out" 2>&1
    [ $? -eq 2 ] || fail "a range with host bits must be a usage error"
}

# ---- authentication ---------------------------------------------------------

# new_key FILE: a fresh random key only its owner may read
new_key() {
    head -c 32 /dev/urandom | base64 >"$1"
    chmod 600 "$1"
}

# run_timed OUT ARGS...: a short run; sets RC and TOOK (seconds)
run_timed() {
    local out=$1 start
    shift
    start=$(date +%s.%N)
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 0.3 --warmup 0 "$@" >"$out" 2>&1
    RC=$?
    TOOK=$(elapsed "$start")
}

t_auth_key_required() {
    new_key "$TMP/key"
    new_key "$TMP/other"
    start_server --auth-key "$TMP/key"
    grep -q "has no --auth-key" "$TMP/server.log" && fail "warned although a key is set"
    run_timed "$TMP/ok.out" --auth-key "$TMP/key"
    [ "$RC" -eq 0 ] || fail "the right key was refused: $(cat "$TMP/ok.out")"
    VSBENCH_AUTH_KEY=$TMP/key run_timed "$TMP/env.out"
    [ "$RC" -eq 0 ] || fail "VSBENCH_AUTH_KEY was not used: $(cat "$TMP/env.out")"
    run_timed "$TMP/none.out"
    [ "$RC" -eq 6 ] || fail "no key: expected exit 6, got $RC: $(cat "$TMP/none.out")"
    grep -q "requires authentication" "$TMP/none.out" || fail "no key: not told why"
    echo "client without the key refused in $TOOK s"
    less_than "$TOOK" 1 || fail "refusing a client without the key took $TOOK s"
    run_timed "$TMP/wrong.out" --auth-key "$TMP/other"
    [ "$RC" -eq 6 ] || fail "wrong key: expected exit 6, got $RC"
    grep -q "authentication failed" "$TMP/wrong.out" || fail "wrong key: not told why"
    echo "client with a wrong key refused in $TOOK s"
    less_than "$TOOK" 1 || fail "refusing a wrong key took $TOOK s"
    # a raw client that never answers the challenge is closed within about 1 s
    local start=$(date +%s.%N)
    exec 3<>"/dev/tcp/127.0.0.1/$PORT"
    printf '\x00\x00\x00\x08\x00\x01VSBN\x00\x02' >&3
    timeout 5 cat <&3 >"$TMP/reply"
    exec 3<&- 3>&-
    echo "silent client closed after $(elapsed "$start") s"
    less_than "$(elapsed "$start")" 1.5 || fail "a client that does not authenticate was kept"
    grep -q "not authenticated within 1000 ms" "$TMP/reply" || fail "no reason given: $(cat -v "$TMP/reply")"
    kill "$SERVER_PID" && wait "$SERVER_PID" # the last counts are logged on the way out
    [ "$(grep -c 'stream over tcp' "$TMP/server.log")" -eq 2 ] || fail "an unauthenticated client got a test"
    [ "$(tally_sum "failed authentication")" -eq 1 ] || fail "failures not counted"
    [ "$(tally_sum "left or timed out without authenticating")" -eq 2 ] ||
        fail "clients without the key not counted"
}

t_auth_client_requires_server_proof() {
    new_key "$TMP/key"
    start_server    # no key: a client with one must not trust it
    run_timed "$TMP/out" --auth-key "$TMP/key"
    [ "$RC" -eq 6 ] || fail "a client with a key used a server without one (exit $RC)"
    grep -q "did not ask for authentication" "$TMP/out" || fail "not told why: $(cat "$TMP/out")"
    chmod 644 "$TMP/key"
    "$VSBENCH" serve --auth-key "$TMP/key" >"$TMP/perm.out" 2>&1
    [ $? -eq 2 ] || fail "a key others may read must be refused (exit 2)"
    grep -q "chmod 600" "$TMP/perm.out" || fail "no advice: $(cat "$TMP/perm.out")"
    printf 'short\n' >"$TMP/short" && chmod 600 "$TMP/short"
    run_timed "$TMP/short.out" --auth-key "$TMP/short"
    [ "$RC" -eq 2 ] || fail "a short key must be a usage error"
}

# ---- exposure and exhaustion ------------------------------------------------

t_exposure_warning_beyond_loopback() {
    [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null || { echo "skipped: needs root and unshare"; return 0; }
    # in a network namespace of its own (only its own loopback exists), so
    # that listening on every address exposes nothing
    timeout 10 unshare --net sh -c 'ip link set lo up; exec "$0" serve --listen tcp:0.0.0.0:0 --once' \
        "$VSBENCH" 2>"$TMP/any.log" &
    sleep 0.5
    kill $! 2>/dev/null
    grep -q "has no --auth-key: anyone who can reach it can make this machine send at line rate" \
        "$TMP/any.log" || fail "no exposure warning: $(cat "$TMP/any.log")"
    grep -q -- "--allow CIDR" "$TMP/any.log" || fail "the warning does not say how to restrict"
    [ "$(grep -c warning "$TMP/any.log")" -eq 1 ] || fail "more than one line"
    start_server
    grep -q warning "$TMP/server.log" && fail "warned about a loopback listener"
    return 0
}

t_out_of_descriptors_backs_off() {
    # a server with few descriptors, a test running, then a flood
    (ulimit -n 24 && exec "$VSBENCH" serve --listen tcp:127.0.0.1:0) 2>"$TMP/server.log" &
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    for _ in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$TMP/server.log")
        [ -n "$PORT" ] && break
        sleep 0.05
    done
    run_json "$TMP/r.json" -l 2 --warmup 0 &
    local r=$!
    sleep 0.3
    "$HOSTILE" flood "$PORT" 60 5 reconnect $LOOPBACKS >"$TMP/flood.out" 2>&1 &
    PIDS+=($!)
    wait "$r" || fail "the test in progress failed: $(cat "$TMP/r.json.err")"
    check_result "$TMP/r.json" 1
    grep -q "Too many open files: accepting pauses" "$TMP/server.log" || fail "exhaustion not reached"
    # no test runs now: a spinning accept loop would burn a whole CPU
    local t0 t1 hz
    hz=$(getconf CLK_TCK)
    t0=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    sleep 2
    t1=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
    echo "server CPU while out of descriptors: $(( (t1 - t0) * 100 / hz / 2 ))% of one CPU"
    [ $(( (t1 - t0) * 100 / hz / 2 )) -lt 50 ] || fail "the accept loop spins: $((t1 - t0)) ticks in 2 s"
    [ "$(grep -c 'accepting pauses' "$TMP/server.log")" -eq 1 ] || fail "logged more than once"
    server_alive || fail "server died"
}
