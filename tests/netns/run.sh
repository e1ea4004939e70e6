#!/usr/bin/env bash
# run.sh - two hosts on one machine: network namespaces joined by a veth
# pair, like two VMs on a vSwitch. The server runs in one, the client in
# the other; TCP is measured at MTU 1500 and 9000, and the tool's byte
# counts must equal the kernel's own (TCP_INFO) on both ends.
#
# Addresses come from 198.18.0.0/15, the range set aside for network
# benchmarks (RFC 2544); they exist only inside these namespaces.
# Needs root and iproute2; everything it makes is removed on exit.
set -u
cd "$(dirname "$0")/../.." || exit 2
VSBENCH=${VSBENCH:-$PWD/bin/vsbench}
export VSBENCH_NO_VSOCK=1

if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null; then
    echo "netns: needs root and iproute2 (ip); skipped"
    echo "0 passed, 0 failed, 1 skipped"
    exit 0
fi

tag=$$
A=vsb-a-$tag B=vsb-b-$tag VA=vsba$tag VB=vsbb$tag
IPA=198.18.0.1 IPB=198.18.0.2
TMP=$(mktemp -d)
SERVER=
pass=0 failed=0

cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    ip netns del "$A" 2>/dev/null
    ip netns del "$B" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

setup() {
    ip netns add "$A" && ip netns add "$B" &&
    ip link add "$VA" type veth peer name "$VB" &&
    ip link set "$VA" netns "$A" && ip link set "$VB" netns "$B" &&
    ip -n "$A" addr add "$IPA/24" dev "$VA" && ip -n "$B" addr add "$IPB/24" dev "$VB" &&
    ip -n "$A" link set lo up && ip -n "$B" link set lo up &&
    ip -n "$A" link set "$VA" up && ip -n "$B" link set "$VB" up
}

set_mtu() {
    ip -n "$A" link set "$VA" mtu "$1" && ip -n "$B" link set "$VB" mtu "$1"
}

start_server() {
    ip netns exec "$A" "$VSBENCH" serve --listen "tcp:$IPA:5301" 2>"$TMP/server.log" &
    SERVER=$!
    for _ in $(seq 1 100); do
        grep -q listening "$TMP/server.log" && return 0
        sleep 0.05
    done
    echo "server did not start"; cat "$TMP/server.log"
    return 1
}

# check NAME JQ-EXPR: one assertion on the last result.
check() {
    if [ "$(jq -r "$2" "$TMP/r.json")" = true ]; then
        pass=$((pass + 1)); echo "ok     $1"
    else
        failed=$((failed + 1)); echo "FAILED $1"
        jq -c '.results[] | {session, bytes, bytes_total, tcpi_bytes_received, sent_total, tcpi_bytes_acked, status, error}' \
            "$TMP/r.json" 2>/dev/null | head -n 8
        cat "$TMP/r.err" 2>/dev/null
    fi
}

measure() { # MTU TEST SESSIONS
    local name="mtu $1 $2 -P $3"
    timeout 60 ip netns exec "$B" "$VSBENCH" run "tcp:$IPA" -T "$2" -s 256K -m 16K -P "$3" \
        -l 1 --warmup 0.3 --json >"$TMP/r.json" 2>"$TMP/r.err"
    check "$name: run ok" '[.results[].status] | all(. == "ok")'
    check "$name: data crossed the veth (client in B)" '.control == "tcp:198.18.0.1:5301"'
    check "$name: receiver count = kernel tcpi_bytes_received" \
        '[.results[:-1][] | .bytes_total == .tcpi_bytes_received] | all'
    check "$name: sender count = kernel tcpi_bytes_acked" \
        '[.results[:-1][] | .sent_total == .tcpi_bytes_acked] | all'
    check "$name: receiver got every byte sent" '[.results[:-1][] | .bytes_total == .sent_total] | all'
    check "$name: aggregate = sum of sessions" '([.results[:-1][].bytes] | add) == .results[-1].bytes'
    printf '       %s: %.2f Gbit/s\n' "$name" "$(jq -r '.results[-1].gbps' "$TMP/r.json")"
}

setup || { echo "cannot create namespaces"; echo "0 passed, 1 failed"; exit 1; }
start_server || { echo "0 passed, 1 failed"; exit 1; }
for mtu in 1500 9000; do
    set_mtu "$mtu" || { failed=$((failed + 1)); echo "FAILED set MTU $mtu"; continue; }
    measure "$mtu" stream 1
    measure "$mtu" stream 5
    measure "$mtu" maerts 1
done
echo
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
