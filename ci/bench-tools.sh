# bench-tools.sh - the tools `make bench` compares (sourced by ci/bench.sh;
# bash). Installs what is missing, starts and stops the servers, runs one
# measurement of one tool and prints "GBPS SD" (service demand in CPU
# microseconds per KB of 1024 bytes, "nan" where the tool gives none).
#
# Every tool measures from the first byte (no warm-up: netperf has none)
# for BENCH_SECS seconds, with the same socket size on both ends and the
# same message size:
#   vsbench  run -s SOCK -m MSG -P N -l SECS --warmup 0 --json
#   netperf  -t TCP_STREAM -l SECS -c -C -- -s SOCK -S SOCK -m MSG -M MSG,
#            N concurrent instances for N sessions (throughputs summed)
#   iperf3   -w SOCK -l MSG -P N -t SECS -O 0 -J
# Variants of vsbench for studying its receive size (BENCH_TOOLS):
#   vsbench-quarter  -M max(16K, SOCK/4), the rule before issue 12
#   vsbench-msg      -M MSG, netperf's reads as the bench calls netperf

NCPU=$(nproc)
VSB=${BENCH_VSBENCH:-bin/vsbench} # the vsbench under test (a copy lets you rebuild meanwhile)

# bench_missing: the Debian packages this bench needs and lacks.
bench_missing() {
    local m=()
    command -v netperf >/dev/null && command -v netserver >/dev/null || m+=(netperf)
    command -v iperf3 >/dev/null || m+=(iperf3)
    command -v jq >/dev/null || m+=(jq)
    echo "${m[*]}"
}

# bench_has_nonfree: does any apt source already carry Debian's non-free?
bench_has_nonfree() {
    grep -Eqs '(^|[[:space:]])non-free([[:space:]]|$)' /etc/apt/sources.list \
        /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources
}

NONFREE_FILE=/etc/apt/sources.list.d/vsbench-bench-non-free.sources

nonfree_sources() {
    cat <<EOF
# Added by vsbench's make bench (ci/bench.sh): Debian's non-free
# component, for netperf. Delete this file to undo.
Types: deb
URIs: http://deb.debian.org/debian
Suites: $1
Components: non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

# bench_install: install the missing packages as root (adding non-free
# for netperf, saying so); print the commands otherwise. 0 when all is there.
bench_install() {
    local missing codename sudo=
    missing=$(bench_missing)
    [ -z "$missing" ] && return 0
    codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-bookworm}")
    [ "$(id -u)" -eq 0 ] || sudo="sudo "
    if [ -n "$sudo" ] || ! command -v apt-get >/dev/null; then
        echo "bench: missing $missing; as root run:"
        if [[ " $missing " == *" netperf "* ]] && ! bench_has_nonfree; then
            echo "  ${sudo}tee $NONFREE_FILE <<'EOF'"
            nonfree_sources "$codename" | sed 's/^/  /'
            echo "  EOF"
        fi
        echo "  ${sudo}apt-get update && ${sudo}apt-get install -y $missing"
        return 1
    fi
    if [[ " $missing " == *" netperf "* ]] && ! bench_has_nonfree; then
        echo "bench: netperf is in Debian's non-free component: adding it in $NONFREE_FILE"
        nonfree_sources "$codename" >"$NONFREE_FILE" || return 1
    fi
    echo "bench: apt-get install $missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing \
        >/dev/null || return 1
    [ -z "$(bench_missing)" ]
}

# ---- servers ----------------------------------------------------------------

SERVER_PIDS=()

# start_servers NS ADDR VSPORT NPPORT IPPORT LOGDIR: the three servers,
# in network namespace NS ("" for this one), listening on ADDR.
start_servers() {
    local ns=$1 addr=$2 log=$6 pfx=()
    [ -n "$ns" ] && pfx=(ip netns exec "$ns")
    "${pfx[@]}" "$VSB" serve --listen "tcp:$addr:$3" 2>"$log/vsbench.log" &
    SERVER_PIDS+=($!)
    "${pfx[@]}" netserver -D -4 -L "$addr" -p "$4" >"$log/netserver.log" 2>&1 &
    SERVER_PIDS+=($!)
    "${pfx[@]}" iperf3 -s -B "$addr" -p "$5" >"$log/iperf3.log" 2>&1 &
    SERVER_PIDS+=($!)
    for _ in $(seq 1 100); do
        grep -q listening "$log/vsbench.log" && sleep 0.3 && return 0
        sleep 0.05
    done
    echo "bench: vsbench serve did not start:"
    cat "$log/vsbench.log"
    return 1
}

stop_servers() {
    local p
    for p in "${SERVER_PIDS[@]}"; do
        kill "$p" 2>/dev/null
        wait "$p" 2>/dev/null
    done
    SERVER_PIDS=()
}

# ---- one measurement ------------------------------------------------------
# Globals set by the caller: CLIENT (command prefix array), ADDR, VS_PORT,
# NP_PORT, IP_PORT, SECS, TMPD. The *_cmd functions set CMD.

vs_cmd() { # SOCK MSG N [extra vsbench options]
    local s=$1 m=$2 n=$3
    shift 3
    CMD=("$VSB" run "$ADDR:$VS_PORT" -s "$s" -m "$m" -P "$n" -l "$SECS" --warmup 0
         --json "$@")
}

np_cmd() { # SOCK MSG
    CMD=(netperf -H "$ADDR" -p "$NP_PORT" -t TCP_STREAM -l "$SECS" -c -C -P 0
         -- -s "$1" -S "$1" -m "$2" -M "$2")
}

ip_cmd() { # SOCK MSG N
    CMD=(iperf3 -c "$ADDR" -p "$IP_PORT" -w "$1" -l "$2" -P "$3" -t "$SECS" -O 0 -J)
}

run_vsbench() { # SOCK MSG N [extra vsbench options]
    vs_cmd "$@"
    "${CLIENT[@]}" "${CMD[@]}" 2>"$TMPD/vs.err" |
        jq -r '.results[-1] | if .status == "ok" then "\(.gbps) \(.sd_local)"
               else "nan nan" end' 2>/dev/null || echo "nan nan"
}

# N concurrent netperf instances; the sum of their throughputs, and the
# service demand of that sum (the CPU figures are system-wide, the same
# machine for all instances: their mean over the summed throughput).
run_netperf() { # SOCK MSG N
    local i pids=()
    np_cmd "$1" "$2"
    for i in $(seq 1 "$3"); do
        "${CLIENT[@]}" "${CMD[@]}" >"$TMPD/np.$i" 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}"
    cat "$TMPD"/np.[0-9]* | awk -v n="$3" -v ncpu="$NCPU" '
        NF >= 9 && $5 + 0 > 0 { k++; mbps += $5; util += $6 }
        END {
            if (k != n) { print "nan nan"; exit }
            kbs = mbps * 1e6 / 8 / 1024
            printf "%.6f %.6f\n", mbps / 1000, (util / k / 100) * ncpu * 1e6 / kbs
        }'
    rm -f "$TMPD"/np.[0-9]*
}

run_iperf3() { # SOCK MSG N
    ip_cmd "$@"
    "${CLIENT[@]}" "${CMD[@]}" 2>"$TMPD/ip.err" |
        jq -r '(.end.sum_received.bits_per_second // null) as $b |
               if $b == null then "nan nan" else "\($b / 1e9) nan" end' 2>/dev/null ||
        echo "nan nan"
}

# run_tool TOOL SOCK MSG N: one measurement -> "GBPS SD".
run_tool() {
    local t=$1 s=$2 m=$3 n=$4
    case $t in
    vsbench) run_vsbench "$s" "$m" "$n" ;;
    vsbench-quarter) run_vsbench "$s" "$m" "$n" -M $((s / 4 > 16384 ? s / 4 : 16384)) ;;
    vsbench-msg) run_vsbench "$s" "$m" "$n" -M "$m" ;;
    netperf) run_netperf "$s" "$m" "$n" ;;
    iperf3) run_iperf3 "$s" "$m" "$n" ;;
    *) echo "nan nan" ;;
    esac
}

# fixed_cost TOOL: wall-clock milliseconds of a 1-second single-session
# run (64K sockets, 16K messages) beyond its second: process start,
# connection set-up, handshakes, reporting. Output is discarded unparsed.
fixed_cost() {
    local t0 t1 SECS=1
    case $1 in
    vsbench*) vs_cmd 65536 16384 1 ;;
    netperf) np_cmd 65536 16384 ;;
    iperf3) ip_cmd 65536 16384 1 ;;
    *) return 1 ;;
    esac
    t0=$(date +%s%N)
    "${CLIENT[@]}" "${CMD[@]}" >/dev/null 2>&1
    t1=$(date +%s%N)
    echo $(((t1 - t0) / 1000000 - 1000))
}
