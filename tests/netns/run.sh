#!/usr/bin/env bash
# run.sh - two hosts on one machine: network namespaces joined by a veth
# pair, like two VMs on a vSwitch. The server runs in one, the client in
# the other; TCP is measured at MTU 1500 and 9000, and the tool's byte
# counts must equal the kernel's own (TCP_INFO) on both ends. The
# receiver's reads and wake-up threshold follow the path's segment size.
#
# Addresses come from 198.18.0.0/15, the range set aside for network
# benchmarks (RFC 2544); they exist only inside these namespaces.
# Needs root and iproute2; everything it makes is removed on exit.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/netns/lib.sh
netns_skip_unless_root

# check NAME JQ-EXPR: one assertion on the last result.
check() {
    if [ "$(jq -r "$2" "$TMP/r.json")" = true ]; then
        ok "$1"
    else
        bad "$1"
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
# plan MTU TEST SOCK MSG READ LOWAT: how the receiver reads follows the
# path: where a segment is smaller than 16K (MTU 1500, 9000) 512-byte
# messages one per recv, larger ones the buffer up to 64K, woken at every
# arrival; where one segment carries 16K (MTU 65535, as on loopback) a
# quarter of the buffer per recv, woken once 16K wait for 512-byte
# messages. For stream the server receives (RESULT's tail), for maerts
# this client.
plan() {
    timeout 30 ip netns exec "$B" "$VSBENCH" run "tcp:$IPA" -T "$2" -s "$3" -m "$4" -l 0.3 \
        --warmup 0 --json >"$TMP/r.json" 2>"$TMP/r.err"
    check "mtu $1 $2 $3/$4: reads of $5, wake-up threshold $6" \
        "([.results[].status] | all(. == \"ok\")) and ([.results[].recv_size == $5] | all) and .recv_lowat == $6"
}

netns_setup
netns_start_server
for mtu in 1500 9000; do
    netns_set_mtu "$mtu" || { bad "set MTU $mtu"; continue; }
    measure "$mtu" stream 1
    measure "$mtu" stream 5
    measure "$mtu" maerts 1
    plan "$mtu" stream 256K 512 512 0
    plan "$mtu" maerts 256K 512 512 0
    plan "$mtu" stream 64K 16K 65536 0
done
if netns_set_mtu 65535; then
    plan 65535 stream 256K 512 65536 16384
    plan 65535 maerts 256K 512 65536 16384
    plan 65535 stream 64K 16K 16384 0
else
    bad "set MTU 65535"
fi
netns_summary
