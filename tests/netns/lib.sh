# lib.sh - two "VMs" on a "vSwitch" for tests (sourced; bash, root):
# network namespaces A and B joined by a veth pair, addresses from
# 198.18.0.0/15 (RFC 2544's benchmark range), a vsbench server in A.
# netns_cleanup (an EXIT trap) removes everything, also after a failure.

VSBENCH=${VSBENCH:-$PWD/bin/vsbench}
VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
export VSBENCH_NO_VSOCK=1
tag=$$
A=vsb-a-$tag B=vsb-b-$tag VA=vsba$tag VB=vsbb$tag
IPA=198.18.0.1 IPB=198.18.0.2
TMP=$(mktemp -d)
SERVER=

netns_cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    ip netns del "$A" 2>/dev/null
    ip netns del "$B" 2>/dev/null
    rm -rf "$TMP"
}
trap netns_cleanup EXIT INT TERM

# netns_skip_unless_root: exit 0 with a "skipped" summary when not root.
netns_skip_unless_root() {
    if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null; then
        echo "netns: needs root and iproute2 (ip); skipped"
        echo "0 passed, 0 failed, 1 skipped"
        exit 0
    fi
}

netns_setup() {
    ip netns add "$A" && ip netns add "$B" &&
    ip link add "$VA" type veth peer name "$VB" &&
    ip link set "$VA" netns "$A" && ip link set "$VB" netns "$B" &&
    ip -n "$A" addr add "$IPA/24" dev "$VA" && ip -n "$B" addr add "$IPB/24" dev "$VB" &&
    ip -n "$A" link set lo up && ip -n "$B" link set lo up &&
    ip -n "$A" link set "$VA" up && ip -n "$B" link set "$VB" up
}

netns_set_mtu() {
    ip -n "$A" link set "$VA" mtu "$1" && ip -n "$B" link set "$VB" mtu "$1"
}

# netns_start_server: vsbench serve in A on tcp:$IPA:5301.
netns_start_server() {
    ip netns exec "$A" "$VSBENCH" serve --listen "tcp:$IPA:5301" 2>"$TMP/server.log" &
    SERVER=$!
    for _ in $(seq 1 100); do
        grep -q listening "$TMP/server.log" && return 0
        sleep 0.05
    done
    echo "server did not start"
    cat "$TMP/server.log"
    return 1
}
