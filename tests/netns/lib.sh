# lib.sh - two "VMs" on a "vSwitch" for tests (sourced; bash, root):
# network namespaces A and B joined by a veth pair, addresses from
# 198.18.0.0/15 (RFC 2544's benchmark range), a vsbench server in A.
# netns_cleanup (an EXIT trap) removes everything, also after a failure.
# Checks are counted with ok and bad; netns_summary ends the test.

VSBENCH=${VSBENCH:-$PWD/bin/vsbench}
VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
export VSBENCH_NO_VSOCK=1
tag=$$
A=vsb-a-$tag B=vsb-b-$tag VA=vsba$tag VB=vsbb$tag
IPA=198.18.0.1 IPB=198.18.0.2
TMP=$(mktemp -d)
SERVER=
pass=0 failed=0
# how bad shows a file: its last lines unless a test prefers others
NETNS_SHOW="tail -n 20"

netns_cleanup() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    ip netns del "$A" 2>/dev/null
    ip netns del "$B" 2>/dev/null
    rm -rf "$TMP"
}
trap netns_cleanup EXIT INT TERM

# ok NAME: a check passed. bad NAME [FILE]: a check failed; FILE (a log,
# the output checked) is shown indented, through $NETNS_SHOW.
ok() { pass=$((pass + 1)); echo "ok     $1"; }
bad() { failed=$((failed + 1)); echo "FAILED $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | $NETNS_SHOW; }

# netns_summary: the counts; the status is 0 when no check failed (the
# test's last command, so that it is the test's exit status).
netns_summary() {
    echo
    echo "$pass passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# netns_give_up NAME: a failure the test cannot go on after: counted,
# then the counts and exit 1.
netns_give_up() {
    bad "$1"
    echo "$pass passed, $failed failed"
    exit 1
}

# netns_skip_unless_root: exit 0 with a "skipped" summary when not root.
netns_skip_unless_root() {
    if [ "$(id -u)" -ne 0 ] || ! command -v ip >/dev/null; then
        echo "netns: needs root and iproute2 (ip); skipped"
        echo "0 passed, 0 failed, 1 skipped"
        exit 0
    fi
}

# netns_setup: the namespaces, the veth pair between them and the
# addresses; when that fails the test ends (one failure, exit 1).
netns_setup() {
    ip netns add "$A" && ip netns add "$B" &&
    ip link add "$VA" type veth peer name "$VB" &&
    ip link set "$VA" netns "$A" && ip link set "$VB" netns "$B" &&
    ip -n "$A" addr add "$IPA/24" dev "$VA" && ip -n "$B" addr add "$IPB/24" dev "$VB" &&
    ip -n "$A" link set lo up && ip -n "$B" link set lo up &&
    ip -n "$A" link set "$VA" up && ip -n "$B" link set "$VB" up && return 0
    echo "cannot create namespaces"
    echo "$pass passed, $((failed + 1)) failed"
    exit 1
}

netns_set_mtu() {
    ip -n "$A" link set "$VA" mtu "$1" && ip -n "$B" link set "$VB" mtu "$1"
}

# netns_start_server: vsbench serve in A on tcp:$IPA:5301; when it does
# not start the test ends (its log, one failure, exit 1).
netns_start_server() {
    ip netns exec "$A" "$VSBENCH" serve --listen "tcp:$IPA:5301" 2>"$TMP/server.log" &
    SERVER=$!
    for _ in $(seq 1 100); do
        grep -q listening "$TMP/server.log" && return 0
        sleep 0.05
    done
    echo "server did not start"
    cat "$TMP/server.log"
    echo "$pass passed, $((failed + 1)) failed"
    exit 1
}

# netns_profile KEY=VALUE...: $TMP/p.profile, a sweep of one tcp point
# (256K sockets, 64K messages, one session, 0.1 s warm-up) with each KEY
# set to VALUE (a name, runs and duration at least; a KEY named above
# replaces its default).
netns_profile() {
    local -A v=([transports]=tcp [sock-sizes]=256K [msg-sizes]=64K [sessions]=1 [warmup]=0.1)
    local kv k
    for kv in "$@"; do
        v[${kv%%=*}]=${kv#*=}
    done
    {
        echo "[sweep]"
        for k in $(printf '%s\n' "${!v[@]}" | sort); do
            echo "$k = ${v[$k]}"
        done
    } >"$TMP/p.profile"
}

# netns_sweep DIR: a sweep of $TMP/p.profile from B against the server,
# results in DIR, its output in DIR.log; at most two minutes.
netns_sweep() {
    timeout 120 ip netns exec "$B" "$VSBENCH" sweep "tcp:$IPA:5301" --profile "$TMP/p.profile" \
        --out "$1" >"$1.log" 2>&1
}
