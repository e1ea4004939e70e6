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
    [ -z "$(find "$TMP" "$PWD" -maxdepth 3 -name pwned)" ] || fail "something ran a command"
    # the fake server's ERROR reaches the terminal cleaned
    timeout 20 "$VSBENCH" run "127.0.0.1:$PORT" -l 0.1 >"$TMP/run.out" 2>&1
    [ $? -eq 6 ] || fail "a refused run exits 6: $(cat -v "$TMP/run.out")"
    grep -q 'no tests here?' "$TMP/run.out" || fail "error text not shown: $(cat -v "$TMP/run.out")"
    ! grep -q $'\x1b' "$TMP/run.out" || fail "an escape sequence reached the terminal"
}
