# local-server.sh - a vsbench server on this machine for the ci/ scripts
# that measure it against itself (sourced by ci/aa.sh, ci/make-report.sh
# and ci/nightly; bash, from the project's root):
#   local_server LOG [VSBENCH]  `VSBENCH serve` (bin/vsbench) on an
#                               ephemeral loopback port, its stderr in LOG;
#                               sets SERVER (its PID) and PORT, or returns 1
#                               when no port was printed within 5 s
#   stop_server                 ends it (by its PID) and waits; an EXIT trap
#                               set here calls it
# vsock is measured only where a loopback transport exists
# (/sys/module/vsock_loopback); elsewhere a vsock connection to this
# machine would leave through the host, so local_server switches it off
# (VSBENCH_NO_VSOCK=1) for the server and every later command.

SERVER= PORT=

stop_server() {
    [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
    SERVER=
}
trap stop_server EXIT

local_server() {
    [ -d /sys/module/vsock_loopback ] || export VSBENCH_NO_VSOCK=1
    "${2:-bin/vsbench}" serve --listen tcp:127.0.0.1:0 2>"$1" &
    SERVER=$!
    for _ in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on tcp:127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1")
        [ -n "$PORT" ] && return 0
        sleep 0.05
    done
    return 1
}
