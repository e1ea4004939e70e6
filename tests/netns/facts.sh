#!/usr/bin/env bash
# facts.sh - the data path the real binary records for a live TCP
# connection between two namespaces joined by veth (`vsbench info --json
# --path`, platform/facts.h): the interface and its driver ("veth"), and
# that each change is seen: MTU, GRO (ethtool -K), the root qdisc (tc) and
# the congestion control (sysctl in the client's namespace). Also: a
# connection to the namespace's own address runs over lo, not the veth.
# Then two sweeps with those settings changed: meta.json records each
# (paths[].local) and `vsreport compare` ranks them first in "what changed".
# Needs root, iproute2 (ip, tc) and ethtool; removes all it made on exit.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/netns/lib.sh
netns_skip_unless_root
NETNS_SHOW="head -n 30" # bad shows the JSON checked from its start

# path NS: the data path of a connection from NS to the server, in $TMP/p.json
path() {
    timeout 20 ip netns exec "$1" "$VSBENCH" info --json --path "tcp:$IPA:5301" \
        >"$TMP/p.json" 2>"$TMP/p.err"
}

# check NAME JQ-EXPR: one assertion on the last data path
check() {
    if [ "$(jq -r ".path | $2" "$TMP/p.json" 2>/dev/null)" = true ]; then
        ok "$1"
    else
        bad "$1" "$TMP/p.json"
        cat "$TMP/p.err"
    fi
}

# first_qdisc CANDIDATES...: the first root qdisc this kernel accepts on $VB
first_qdisc() {
    for q in "$@"; do
        ip netns exec "$B" tc qdisc replace dev "$VB" root "$q" 2>/dev/null && { echo "$q"; return 0; }
    done
    return 1
}

command -v ethtool >/dev/null || { echo "facts: ethtool missing (apt-get install ethtool)"; echo "0 passed, 1 failed"; exit 1; }
netns_setup
netns_start_server

path "$B"
check "interface is the client's veth" ".\"net.if\" == \"$VB\""
check "driver reads veth" '."net.driver" == "veth" and (."net.driver_version" | type == "string")'
check "MTU 1500" '."net.mtu" == 1500'
check "offloads and queues are read" \
    '([."net.tso", ."net.gso", ."net.gro", ."net.lro"] | all(type == "boolean")) and ."net.tx_queues" >= 1'
check "no vsock facts for tcp" 'has("vsock.transport") | not'

netns_set_mtu 9000 && path "$B"
check "MTU change seen (9000)" '."net.mtu" == 9000'

ip netns exec "$B" ethtool -K "$VB" gro on && path "$B"
check "GRO on seen" '."net.gro" == true'
ip netns exec "$B" ethtool -K "$VB" gro off && path "$B"
check "GRO off seen (ethtool -K gro off)" '."net.gro" == false'

if q1=$(first_qdisc fq fq_codel pfifo tbf\ rate\ 10gbit\ burst\ 1m\ latency\ 50ms); then
    q1spec=$q1 q1=${q1%% *}
    path "$B"
    check "qdisc $q1 seen" ".\"net.qdisc\" == \"$q1\""
    ip netns exec "$B" tc qdisc replace dev "$VB" root pfifo_fast && path "$B"
    check "qdisc pfifo_fast seen" '."net.qdisc" == "pfifo_fast"'
else
    bad "no root qdisc accepted on $VB"
fi

# a namespace may only choose the allowed algorithms (reno and the boot
# default: cubic on Debian); test reno and one other
allowed=$(ip netns exec "$B" sysctl -n net.ipv4.tcp_allowed_congestion_control)
other=$(echo "$allowed" | tr " " "\n" | grep -v -x reno | head -n 1)
[ -n "$other" ] || bad "only reno is allowed in a namespace here: $allowed"
for cc in reno $other; do
    ip netns exec "$B" sysctl -qw net.ipv4.tcp_congestion_control="$cc" && path "$B"
    check "congestion control $cc seen" ".\"tcp.cc\" == \"$cc\""
done

# the server's namespace to its own veth address: the data crosses lo
path "$A"
check "own address: the connection runs over lo" '."net.if" == "lo" and ."net.driver" == "loopback"'


# ---- two sweeps: each change is recorded in meta.json and tops compare's
# "what changed" (ranked: MTU, GRO, congestion control, qdisc) ----------
netns_profile name=facts-test runs=2 duration=0.3

# sweep DIR MTU GRO CC QDISC: a sweep from B after setting the client's path
sweep() {
    netns_set_mtu "$2" && ip netns exec "$B" ethtool -K "$VB" gro "$3" &&
        ip netns exec "$B" sysctl -qw net.ipv4.tcp_congestion_control="$4" &&
        ip netns exec "$B" tc qdisc replace dev "$VB" root $5 || return 1
    netns_sweep "$1"
}

# meta DIR NAME JQ-EXPR: one assertion on a sweep's meta.json
meta() {
    if [ "$(jq -r "$3" "$1/meta.json" 2>/dev/null)" = true ]; then ok "$2"; else bad "$2" "$1/meta.json"; fi
}

q2=${q1:-pfifo} q2spec=${q1spec:-pfifo}
cc2=${other:-reno}
if sweep "$TMP/base" 1500 on "$cc2" pfifo_fast && sweep "$TMP/cand" 9000 off reno "$q2spec"; then
    p='.paths[0].local'
    meta "$TMP/base" "meta.json: schema 2, client facts, one tcp path" \
        '.schema == 2 and (.hosts.local.facts."cpu.count" >= 1) and (.paths | length) == 1 and .paths[0].transport == "tcp" and .paths[0].tests == 2'
    meta "$TMP/base" "baseline path: veth, MTU 1500, GRO on, $cc2, pfifo_fast" \
        "$p.\"net.if\" == \"$VB\" and $p.\"net.driver\" == \"veth\" and $p.\"net.mtu\" == 1500 and $p.\"net.gro\" == true and $p.\"tcp.cc\" == \"$cc2\" and $p.\"net.qdisc\" == \"pfifo_fast\""
    meta "$TMP/cand" "candidate path: MTU 9000, GRO off, reno, $q2" \
        "$p.\"net.mtu\" == 9000 and $p.\"net.gro\" == false and $p.\"tcp.cc\" == \"reno\" and $p.\"net.qdisc\" == \"$q2\""
    meta "$TMP/cand" "server end: its settings and its end of the path (MTU 9000 on $VA)" \
        ".hosts.remote.facts.\"cpu.count\" >= 1 and .paths[0].remote.\"net.if\" == \"$VA\" and .paths[0].remote.\"net.mtu\" == 9000 and .paths[0].remote.\"net.driver\" == \"veth\""
    timeout 60 "$VSREPORT" compare "$TMP/base" "$TMP/cand" --json --markdown "$TMP/c.md" \
        --junit "$TMP/c.xml" >"$TMP/c.json" 2>"$TMP/c.err"
    timeout 60 "$VSREPORT" compare "$TMP/base" "$TMP/cand" >"$TMP/c.txt" 2>&1
    # the MTU changed on both ends of the veth, the rest on the client's
    want='["client net.mtu","server net.mtu","client net.gro","client tcp.cc","client net.qdisc"]'
    [ "$cc2" = reno ] && want='["client net.mtu","server net.mtu","client net.gro","client net.qdisc"]'
    if [ "$(jq -c '[.changed[] | .end + " " + .key]' "$TMP/c.json")" = "$want" ] &&
       [ "$(jq -r '[.changed[] | .transport == "tcp"] | all' "$TMP/c.json")" = true ]; then
        ok "compare --json: what changed is exactly $want, on the tcp path"
    else
        bad "compare --json: what changed" "$TMP/c.json"
    fi
    if grep -A2 '^what changed' "$TMP/c.txt" | tail -n 1 | grep -Eq '^ +1 +client tcp path +MTU +1500 +9000$'; then
        ok "compare table: MTU 1500 -> 9000 at the top of what changed"
    else
        bad "compare table" "$TMP/c.txt"
    fi
    grep -q '| 1 | client tcp path | MTU | 1500 | 9000 |' "$TMP/c.md" && ok "Markdown: MTU first" || bad "Markdown" "$TMP/c.md"
    grep -q '<property name="changed.client.tcp.net.gro" value="on -&gt; off"/>' "$TMP/c.xml" &&
        ok "JUnit property: GRO on -> off" || bad "JUnit properties" "$TMP/c.xml"
    echo "       what changed (compare of the two sweeps):"
    sed -n '/^what changed/,/^$/p' "$TMP/c.txt" | sed 's/^/       /'
else
    bad "two sweeps with changed settings" "$TMP/base.log"
    [ -f "$TMP/cand.log" ] && cat "$TMP/cand.log"
fi
netns_summary
