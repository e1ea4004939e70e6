#!/usr/bin/env bash
# run.sh - the Windows runner under wine: a fresh prefix in build/, no X
# needed. Checks `vsbench.exe info` and its facts, the data path of a
# TCP connection, a Linux client against a Windows server and the reverse
# over TCP loopback (same JSON results), --auth-key between them (Nettle's
# HMAC against CNG's), and that the VMCI and Hyper-V paths fail with their
# clear "not available" messages. Transfers are kept short: wine is not a
# performance reference.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/windows/lib.sh
EXE=${EXE:-bin/win64/vsbench.exe}
LINUX=${LINUX:-bin/vsbench}
# The Windows exe must not see lib.sh's VSBENCH_NO_VSOCK: it would report
# vsock disabled instead of the missing VMCI driver checked below. The
# Linux binary never opens AF_VSOCK here: its commands get it back.
unset VSBENCH_NO_VSOCK
NOVS="env VSBENCH_NO_VSOCK=1"

need_wine
[ -f "$EXE" ] || { echo "windows-test: no $EXE (make windows)"; echo "0 passed, 1 failed"; exit 1; }
win_prefix "$WINEPREFIX"

results_ok='([.results[].status] | all(. == "ok")) and ([.results[].gbps] | all(. > 0)) and (.results[-1].session == "all")'
rr_ok='([.results[].status] | all(. == "ok")) and ([.results[] | .transactions > 0 and .transactions_total_local == .transactions_total_remote and .lat_p50_us > 0] | all)'

# ---- info ----------------------------------------------------------------
timeout 60 wine "$EXE" info >"$TMP/info" 2>&1
grep -q '^transports' "$TMP/info" && ok "vsbench.exe info lists transports" || bad "info" "$TMP/info"
grep -q "VMCI driver not found" "$TMP/info" && ok "info explains VMCI is not available" || bad "info VMCI" "$TMP/info"
grep -q "Hyper-V sockets not available" "$TMP/info" && ok "info explains Hyper-V sockets are not available" \
    || bad "info Hyper-V" "$TMP/info"
timeout 60 wine "$EXE" info --json >"$TMP/info.json" 2>&1
check "info --json: every machine fact is a value or unknown with a reason" "$TMP/info.json" \
    '(.facts | length) == 18 and ([.facts[] | select(type == "object") | .unknown | type == "string"] | all)'
check "info --json: CPU count, memory and clock source read" "$TMP/info.json" \
    '.facts."cpu.count" >= 1 and .facts."mem.total" > 0 and (.facts."clock.source" | startswith("QueryPerformanceCounter"))'

# ---- Windows server, Linux client ---------------------------------------------
if serve_bg "$TMP/wserver.log" wine "$EXE" serve --listen tcp:127.0.0.1:0; then
    for t in stream maerts; do
        timeout 60 $NOVS "$LINUX" run "127.0.0.1:$PORT" -T "$t" -P 2 -m 16K -s 64K -l 0.1 --warmup 0 --json \
            >"$TMP/lw-$t.json" 2>"$TMP/lw-$t.err"
        check "Linux client -> Windows server, $t" "$TMP/lw-$t.json" "$results_ok"
    done
    jq -r '.results[-1].gbps' "$TMP/lw-stream.json" 2>/dev/null | sed 's/^/       stream Gbit\/s under wine: /'
    for t in rr crr; do # the Windows server answers: its crr accepts a connection per transaction
        timeout 60 $NOVS "$LINUX" run "127.0.0.1:$PORT" -T "$t" -P 2 -r 64,1K -l 0.2 --warmup 0 --json \
            >"$TMP/lw-$t.json" 2>"$TMP/lw-$t.err"
        check "Linux client -> Windows server, $t" "$TMP/lw-$t.json" "$rr_ok"
    done
else
    bad "the Windows server did not start" "$TMP/wserver.log"
fi

# ---- Linux server, Windows client ---------------------------------------------
if serve_bg "$TMP/lserver.log" $NOVS "$LINUX" serve --listen tcp:127.0.0.1:0; then
    for t in stream maerts; do
        timeout 60 wine "$EXE" run "127.0.0.1:$PORT" -T "$t" -P 2 -m 16K -s 64K -l 0.1 --warmup 0 --json \
            >"$TMP/wl-$t.json" 2>"$TMP/wl-$t.err"
        check "Windows client -> Linux server, $t" "$TMP/wl-$t.json" "$results_ok"
    done
    for t in rr crr; do # the Windows client requests, times and dials
        timeout 60 wine "$EXE" run "127.0.0.1:$PORT" -T "$t" -P 2 -r 64,1K -l 0.2 --warmup 0 --json \
            --hdr-log "$TMP/wl-$t.hlog" >"$TMP/wl-$t.json" 2>"$TMP/wl-$t.err"
        check "Windows client -> Linux server, $t" "$TMP/wl-$t.json" "$rr_ok"
    done
    grep -q '^Tag=session-2,' "$TMP/wl-rr.hlog" 2>/dev/null && ok "the Windows client writes the interval log" \
        || bad "interval log from the Windows client" "$TMP/wl-rr.err"
    tr -d '\r' <"$TMP/wl-rr.json" | jq -r '.results[-1] | "       rr under wine: \(.tps | floor) transactions/s, p50 \(.lat_p50_us) us"' 2>/dev/null
    # the same results format on both sides
    if [ "$(tr -d '\r' <"$TMP/wl-stream.json" | jq -c '.results[0] | keys')" = \
         "$(jq -c '.results[0] | keys' "$TMP/lw-stream.json")" ]; then
        ok "Windows and Linux clients write the same result fields"
    else
        bad "result fields differ between Windows and Linux clients" "$TMP/wl-stream.json"
    fi
    timeout 60 wine "$EXE" info --json --path "tcp:127.0.0.1:$PORT" >"$TMP/wpath.json" 2>&1
    check "info --path: the adapter of a TCP connection (GetAdaptersAddresses)" "$TMP/wpath.json" \
        '.path."path.transport" == "tcp" and (.path."net.if" | type == "string") and (.path."net.driver" | type == "string") and .path."net.mtu" >= 68 and (.path."tcp.cc" | .unknown | type == "string")'
    # Windows has neither zero-copy sends nor per-socket congestion control
    timeout 60 wine "$EXE" run "127.0.0.1:$PORT" --zerocopy -l 0.1 --warmup 0 >"$TMP/zc" 2>&1
    rc=$?
    [ "$rc" -eq 4 ] && grep -q "Windows has no MSG_ZEROCOPY" "$TMP/zc" && ok "--zerocopy refused clearly, exit 4" \
        || bad "--zerocopy on Windows (exit $rc)" "$TMP/zc"
    timeout 60 wine "$EXE" run "127.0.0.1:$PORT" --congestion reno -l 0.1 --warmup 0 >"$TMP/cc" 2>&1
    rc=$?
    [ "$rc" -eq 4 ] && grep -q "Windows cannot choose congestion control" "$TMP/cc" \
        && ok "--congestion refused clearly, exit 4" || bad "--congestion on Windows (exit $rc)" "$TMP/cc"
    timeout 60 wine "$EXE" run "127.0.0.1:$PORT" -t vsock -l 0.1 >"$TMP/vmci" 2>&1
    rc=$?
    [ "$rc" -eq 4 ] && grep -q "VMCI driver not found" "$TMP/vmci" && ok "vsock (VMCI) fails clearly, exit 4" \
        || bad "vsock (VMCI) error (exit $rc)" "$TMP/vmci"
else
    bad "the Linux server did not start" "$TMP/lserver.log"
fi
# ---- --auth-key across the two (Nettle on Linux, CNG's BCrypt on Windows) ---
head -c 32 /dev/urandom | base64 >"$TMP/key" && chmod 600 "$TMP/key"
head -c 32 /dev/urandom | base64 >"$TMP/other" && chmod 600 "$TMP/other"
wkey=$(winepath -w "$TMP/key" 2>/dev/null)
if serve_bg "$TMP/wauth.log" wine "$EXE" serve --listen tcp:127.0.0.1:0 --auth-key "$wkey"; then
    timeout 60 $NOVS "$LINUX" run "127.0.0.1:$PORT" --auth-key "$TMP/key" -l 0.1 --warmup 0 --json \
        >"$TMP/auth-ok.json" 2>"$TMP/auth-ok.err"
    check "Linux client -> Windows server, same key: mutual proofs agree" "$TMP/auth-ok.json" "$results_ok"
    timeout 60 $NOVS "$LINUX" run "127.0.0.1:$PORT" --auth-key "$TMP/other" -l 0.1 >"$TMP/auth-bad" 2>&1
    rc=$?
    [ "$rc" -eq 6 ] && grep -q "authentication failed" "$TMP/auth-bad" && ok "Windows server refuses a wrong key, exit 6" \
        || bad "wrong key against the Windows server (exit $rc)" "$TMP/auth-bad"
else
    bad "the Windows server with a key did not start" "$TMP/wauth.log"
fi
if serve_bg "$TMP/lauth.log" $NOVS "$LINUX" serve --listen tcp:127.0.0.1:0 --auth-key "$TMP/key"; then
    timeout 60 wine "$EXE" run "127.0.0.1:$PORT" --auth-key "$wkey" -l 0.1 --warmup 0 --json \
        >"$TMP/wauth-ok.json" 2>"$TMP/wauth-ok.err"
    check "Windows client -> Linux server, same key" "$TMP/wauth-ok.json" "$results_ok"
else
    bad "the Linux server with a key did not start" "$TMP/lauth.log"
fi

timeout 60 wine "$EXE" run hvsock:parent:5301 -l 0.1 >"$TMP/hv" 2>&1
rc=$?
[ "$rc" -eq 4 ] && ok "hvsock fails clearly, exit 4" || bad "hvsock error (exit $rc)" "$TMP/hv"
timeout 60 wine "$EXE" run 127.0.0.1:1 -l 0.1 >"$TMP/refused" 2>&1
[ $? -eq 3 ] && grep -q "refused" "$TMP/refused" && ok "refused connection explained, exit 3" \
    || bad "refused connection" "$TMP/refused"

finish
