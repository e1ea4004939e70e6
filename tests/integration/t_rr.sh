# t_rr.sh - request/response (rr) and connect/request/response/close (crr)
# against vsbench serve on loopback, on tcp and unix.

# check_rr FILE SESSIONS: every row ok, transactions counted alike on both
# ends, the aggregate the sum of the sessions, percentiles in order.
check_rr() {
    local f=$1 n=$2
    jq_true "$f" "(.results | length) == ($n + 1)" "expected $n session rows + aggregate"
    jq_true "$f" '[.results[].status] | all(. == "ok")' "every row ok"
    jq_true "$f" '[.results[] | .transactions > 0 and .tps > 0] | all' "transactions counted"
    jq_true "$f" '([.results[:-1][].transactions] | add) == .results[-1].transactions' \
        "aggregate transactions = sum"
    jq_true "$f" '[.results[] | .transactions_total_local == .transactions_total_remote] | all' \
        "both ends counted the same transactions"
    jq_true "$f" '[.results[] | .lat_min_us <= .lat_p50_us and .lat_p50_us <= .lat_p90_us
                  and .lat_p90_us <= .lat_p99_us and .lat_p99_us <= .lat_p999_us
                  and .lat_p999_us <= .lat_p9999_us and .lat_p9999_us <= .lat_max_us
                  and .lat_min_us > 0] | all' "percentiles in order"
    jq_true "$f" '[.results[] | .lat_mean_us >= .lat_min_us and .lat_mean_us <= .lat_max_us] | all' \
        "mean within min and max"
    jq_true "$f" '.results[-1] | .sdt_local > 0 and .sdt_remote > 0' "service demand per transaction"
    jq_true "$f" '.clock_read_ns > 0 and .clock_read_ns < 100000' "clock read cost measured"
    # Little's law: with one request in flight, each session's rate is about
    # the inverse of its mean latency (loose: scheduling noise)
    jq_true "$f" '[.results[:-1][] | select(.burst == 0) | (.tps * .lat_mean_us / 1e6) | . > 0.5 and . < 1.5]
                  | all' "rate ~ 1 / mean latency per session"
}

t_tcp_rr_one_session() {
    start_server
    run_json "$TMP/r.json" -T rr || fail "run failed: $(cat "$TMP/r.json.err")"
    check_rr "$TMP/r.json" 1
    jq_true "$TMP/r.json" '.results[0] | .test == "rr" and .msg == 1 and .resp == 1 and .burst == 0' \
        "netperf's default sizes 1,1"
    jq_true "$TMP/r.json" '.results[0].bytes == .results[0].transactions * 2' "payload both ways"
}

t_tcp_rr_burst_sessions() {
    start_server
    run_json "$TMP/r.json" -T rr -P 3 -b 4 -r 64,1K || fail "run failed: $(cat "$TMP/r.json.err")"
    check_rr "$TMP/r.json" 3
    jq_true "$TMP/r.json" '.results[0] | .msg == 64 and .resp == 1024 and .burst == 4' "sizes and burst"
}

t_tcp_crr() {
    start_server
    run_json "$TMP/r.json" -T crr -P 2 -r 100,2K || fail "run failed: $(cat "$TMP/r.json.err")"
    check_rr "$TMP/r.json" 2
    jq_true "$TMP/r.json" '.results[0] | .test == "crr" and .msg == 100 and .resp == 2048' "labels"
}

t_unix_rr_and_crr() {
    start_server
    run_json "$TMP/a.json" -t unix -T rr -P 2 -r 16K || fail "unix rr: $(cat "$TMP/a.json.err")"
    check_rr "$TMP/a.json" 2
    run_json "$TMP/b.json" -t unix -T crr || fail "unix crr: $(cat "$TMP/b.json.err")"
    check_rr "$TMP/b.json" 1
    [ -z "$(find "$TMP" -name 'vsbench-*.sock')" ] || fail "unix data sockets left behind"
}

t_rr_large_messages() {
    start_server
    run_json "$TMP/r.json" -T rr -r 64K,64K -b 2 || fail "run failed: $(cat "$TMP/r.json.err")"
    check_rr "$TMP/r.json" 1
}

t_rr_hdr_log() {
    start_server
    run_json "$TMP/r.json" -T rr -P 2 --hdr-log "$TMP/r.hlog" || fail "run failed"
    head -n 1 "$TMP/r.hlog" | grep -q '^#\[vsbench .*tcp rr default/1:1 x2\]$' || fail "log comment"
    grep -q '^#\[Histogram log format version 1.3\]$' "$TMP/r.hlog" || fail "log version"
    grep -q '^"StartTimestamp","Interval_Length","Interval_Max","Interval_Compressed_Histogram"$' \
        "$TMP/r.hlog" || fail "log legend"
    [ "$(grep -c '^0\.000,0\.[0-9]*,[0-9.]*,HISTF' "$TMP/r.hlog")" = 1 ] || fail "one untagged aggregate"
    [ "$(grep -c '^Tag=session-[12],0\.000,' "$TMP/r.hlog")" = 2 ] || fail "one interval per session"
}

t_rr_pinned() {
    start_server
    run_json "$TMP/r.json" -T rr -P 2 --cpu 0 --server-cpu 0,1 || fail "run failed: $(cat "$TMP/r.json.err")"
    check_rr "$TMP/r.json" 2
    jq_true "$TMP/r.json" '[.results[] | .pin_local == "0" and .pin_remote == "0,1"] | all' \
        "pinning recorded in every row"
    run_json "$TMP/s.json" -m 4K --cpu 1 || fail "stream pinned: $(cat "$TMP/s.json.err")"
    jq_true "$TMP/s.json" '.results[-1] | .pin_local == "1" and .pin_remote == "" and .lat_p50_us == null' \
        "stream rows: pinning, no latency"
}

t_rr_options_refused() {
    start_server
    local rc
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -T rr -m 1K >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 2 ] && grep -q 'with -r REQ' "$TMP/o" || fail "-m with rr (exit $rc): $(cat "$TMP/o")"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -b 2 >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 2 ] || fail "--burst with stream (exit $rc)"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -T crr -b 2 >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 2 ] && grep -q 'burst' "$TMP/o" || fail "--burst with crr (exit $rc)"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -T rr -r 0 >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 2 ] || fail "a zero request (exit $rc)"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -T rr --cpu 1,1 >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 2 ] && grep -q 'CPU 1 twice' "$TMP/o" || fail "bad --cpu (exit $rc): $(cat "$TMP/o")"
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -T rr --server-cpu 1023 -l 0.2 >"$TMP/o" 2>&1; rc=$?
    [ "$rc" = 6 ] && grep -q 'server: --server-cpu: CPU 1023' "$TMP/o" \
        || fail "a server CPU it lacks (exit $rc): $(cat "$TMP/o")"
    server_alive || fail "the server died"
}

t_rr_human_output() {
    start_server
    timeout 30 "$VSBENCH" run "127.0.0.1:$PORT" -T rr -P 2 -l 1 --warmup 0.2 -i 0.5 \
        >"$TMP/out.txt" 2>&1 || fail "run failed: $(cat "$TMP/out.txt")"
    grep -q 'trans/s' "$TMP/out.txt" || fail "no transactions column"
    grep -q '^ *all ' "$TMP/out.txt" || fail "no aggregate line"
    grep -q 'transactions/s$' "$TMP/out.txt" || fail "no interim transactions/s"
    grep -q 'clock once per transaction' "$TMP/out.txt" || fail "clock cost not stated"
    grep -q 'us per transaction' "$TMP/out.txt" || fail "no service demand per transaction"
}
