# t_tune.sh - the receive size recorded, zero-copy sends and congestion
# control (vsbench run --zerocopy, --congestion) on loopback.

# recv_size: the rule's result (max(msg, effective/4, 16K)) or -M, in every
# row of a stream; 0 for rr, which reads whole messages.
t_recv_size_recorded() {
    start_server
    run_json "$TMP/a.json" -s 64K -m 1K || fail "run failed: $(cat "$TMP/a.json.err")"
    jq_true "$TMP/a.json" '[.results[].recv_size == 16384] | all' "1K messages at 64K: 16K reads"
    run_json "$TMP/b.json" -s 64K -m 64K -P 2 || fail "run failed: $(cat "$TMP/b.json.err")"
    jq_true "$TMP/b.json" '[.results[].recv_size == 65536] | all' "64K messages: 64K reads"
    run_json "$TMP/c.json" -T maerts -m 8K -M 4K || fail "run failed: $(cat "$TMP/c.json.err")"
    jq_true "$TMP/c.json" '[.results[].recv_size == 4096] | all' "-M 4K is recorded"
    run_json "$TMP/d.json" -T rr || fail "run failed: $(cat "$TMP/d.json.err")"
    jq_true "$TMP/d.json" '[.results[].recv_size == 0] | all' "rr: no stream read size"
    # the wake-up threshold: tcp messages up to 1K with the rule's reads
    jq_true "$TMP/a.json" '.recv_lowat == 16384' "1K messages: woken at 16K"
    jq_true "$TMP/b.json" '.recv_lowat == 0' "64K messages: no threshold"
    jq_true "$TMP/c.json" '.recv_lowat == 0' "-M: no threshold"
    check_result "$TMP/a.json" 1
    run_json "$TMP/e.json" -t unix -m 1K || fail "unix: $(cat "$TMP/e.json.err")"
    jq_true "$TMP/e.json" '.recv_lowat == 0' "unix: no threshold"
    timeout 30 "$VSBENCH" run "127.0.0.1:$PORT" -T maerts -m 512 -l 0.3 --warmup 0 -v >"$TMP/v.txt" 2>&1 ||
        fail "maerts -v: $(cat "$TMP/v.txt")"
    grep -q 'the receiver is woken once 16K wait' "$TMP/v.txt" || fail "no threshold in --verbose"
}

# --zerocopy on tcp: the data arrives whole, the rows say so, and the
# kernel reported every zero-copy send done (after the receiver's end of
# stream everything is acknowledged); over loopback it had to copy them.
t_zerocopy_tcp() {
    start_server
    run_json "$TMP/s.json" --zerocopy -m 64K -P 2 || fail "stream: $(cat "$TMP/s.json.err")"
    check_result "$TMP/s.json" 2
    jq_true "$TMP/s.json" '[.results[].zerocopy == 1] | all' "zerocopy recorded"
    jq_true "$TMP/s.json" '.zerocopy_local.sends > 0 and .zerocopy_local.completed == .zerocopy_local.sends' \
        "every zero-copy send completed"
    jq_true "$TMP/s.json" '.zerocopy_local.copied <= .zerocopy_local.completed' "copied within completed"
    run_json "$TMP/m.json" -T maerts --zerocopy -m 16K || fail "maerts: $(cat "$TMP/m.json.err")"
    check_result "$TMP/m.json" 1
    jq_true "$TMP/m.json" '.results[0].zerocopy == 1 and (has("zerocopy_local") | not)' \
        "maerts: the server sends"
    grep -q 'zero-copy sends [1-9][0-9]*, completed' "$TMP/server.log" || fail "server: no completions logged"
    run_json "$TMP/p.json" -m 64K || fail "plain: $(cat "$TMP/p.json.err")"
    jq_true "$TMP/p.json" '[.results[].zerocopy == 0] | all' "plain sends recorded as such"
}

# unix sockets have no zero-copy sends: refused before anything starts.
t_zerocopy_unix_refused() {
    start_server
    run_json "$TMP/u.json" -t unix --zerocopy
    [ $? -eq 2 ] || fail "unix --zerocopy: expected exit 2"
    grep -q 'MSG_ZEROCOPY applies to tcp.*not unix' "$TMP/u.json.err" || fail "no reason: $(cat "$TMP/u.json.err")"
    ! grep -q 'stream over unix' "$TMP/server.log" || fail "the server got the test"
    run_json "$TMP/r.json" -T rr --zerocopy
    [ $? -eq 2 ] || fail "rr --zerocopy: expected exit 2"
}

# The congestion control of the TCP sockets of process PID, one
# name per socket, from ss (ss -tinp: a socket line naming the process,
# then its info line with the algorithm).
algos_of() {
    ss -tinp 2>/dev/null | awk -v pid="pid=$1," '
        index($0, pid) { want = 1; next }
        want { for (i = 1; i <= NF; i++) if ($i ~ /^(reno|cubic|bbr|vegas|westwood|htcp|dctcp)$/) print $i; want = 0 }'
}

# --congestion: both ends' data sockets use it (seen with ss while the test
# runs), the rows record it, the server logs it; a name the kernel lacks is
# refused with the machine's list.
t_congestion_both_ends() {
    local def algo
    command -v ss >/dev/null || fail "ss (iproute2) missing"
    def=$(cat /proc/sys/net/ipv4/tcp_congestion_control)
    algo=reno
    [ "$def" = reno ] && algo=cubic
    start_server
    timeout 60 "$VSBENCH" run "tcp:127.0.0.1:$PORT" --json -l 1.5 --warmup 0.2 -P 2 \
        --congestion "$algo" >"$TMP/c.json" 2>"$TMP/c.err" &
    local client=$! vs= i seen_c= seen_s=
    PIDS+=("$client")
    for i in $(seq 1 30); do
        sleep 0.1
        [ -z "$vs" ] && vs=$(ps --ppid "$client" -o pid= | tr -d " ")  # timeout's child
        [ -z "$seen_c" ] && [ -n "$vs" ] && [ "$(algos_of "$vs" | grep -c "^$algo$")" -ge 2 ] && seen_c=1
        [ -z "$seen_s" ] && [ "$(algos_of "$SERVER_PID" | grep -c "^$algo$")" -ge 2 ] && seen_s=1
        [ -n "$seen_c" ] && [ -n "$seen_s" ] && break
    done
    wait "$client" || fail "run failed: $(cat "$TMP/c.err")"
    [ -n "$seen_c" ] || fail "client data sockets not on $algo"
    [ -n "$seen_s" ] || fail "server data sockets not on $algo"
    check_result "$TMP/c.json" 2
    jq_true "$TMP/c.json" "[.results[].congestion == \"$algo\"] | all" "congestion recorded"
    grep -q "congestion $algo" "$TMP/server.log" || fail "server log lacks the algorithm"
    run_json "$TMP/d.json" --congestion cubic -T rr || fail "rr cubic: $(cat "$TMP/d.json.err")"
    jq_true "$TMP/d.json" '[.results[].congestion == "cubic"] | all' "rr: cubic recorded"
}

t_congestion_refused() {
    local avail
    avail=$(cat /proc/sys/net/ipv4/tcp_available_congestion_control)
    start_server
    run_json "$TMP/x.json" --congestion nosuchalgo
    [ $? -eq 4 ] || fail "unknown algorithm: expected exit 4 (unsupported)"
    grep -qF "'nosuchalgo' refused" "$TMP/x.json.err" || fail "no reason: $(cat "$TMP/x.json.err")"
    grep -qF "offers: $avail" "$TMP/x.json.err" || fail "available list missing: $(cat "$TMP/x.json.err")"
    run_json "$TMP/y.json" --congestion 'a;b'
    [ $? -eq 2 ] || fail "malformed name: expected exit 2"
    run_json "$TMP/z.json" -t unix --congestion reno
    [ $? -eq 2 ] || fail "unix --congestion: expected exit 2"
    grep -q 'applies to tcp' "$TMP/z.json.err" || fail "unix: no reason"
    server_alive || fail "server died"
}

# A sweep's zerocopy and congestion keys reach the runs where they apply
# (tcp), not the others (unix), and runs.csv records both per row.
t_sweep_send_options() {
    start_server
    cat >"$TMP/zc.profile" <<'P'
[sweep]
transports = tcp, unix
tests = stream
sock-sizes = 64K
msg-sizes = 64K
sessions = 1
runs = 1
duration = 0.2
warmup = 0
zerocopy = yes
congestion = reno
P
    timeout 60 "$VSBENCH" sweep "127.0.0.1:$PORT" --profile "$TMP/zc.profile" --out "$TMP/res" \
        >"$TMP/out" 2>&1 || fail "sweep failed: $(tail -n 5 "$TMP/out")"
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
             { print $c["transport"], $c["status"], $c["zerocopy"], "[" $c["congestion"] "]", $c["recv_size"] }' \
        "$TMP/res/runs.csv" >"$TMP/rows"
    [ "$(grep -c '^tcp ok 1 \[reno\] 65536$' "$TMP/rows")" -eq 2 ] || fail "tcp rows: $(cat "$TMP/rows")"
    [ "$(grep -c '^unix ok 0 \[\] 65536$' "$TMP/rows")" -eq 2 ] || fail "unix rows: $(cat "$TMP/rows")"
}
