# lib.sh - helpers of the history tests (sourced; bash): synthetic nights
# and a throw-away PostgreSQL cluster. Expects TMP (a private directory).
#
# The cluster lives in $TMP/pg: initdb, then a postmaster listening only
# on a unix socket in that directory (listen_addresses = ''; no system
# service, no TCP port). PostgreSQL refuses to run as root, so as root
# it runs as `nobody` (runuser). pg_stop ends it; the caller's EXIT trap
# calls pg_cleanup, which stops it (by the PID it wrote) if still up.

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PG_UP=0 PG_PID=
SOCK=$TMP/pg

# night DIR START KERNEL MEAN SEED [SPREAD]: a results directory of one
# night, two points (tcp stream 256K with 16K and 64K messages), 5 runs
# each, within +-SPREAD/2 (default 0.02: +-1%) of MEAN (the 64K point 1.5
# times MEAN).
night() {
    local dir=$1 start=$2 kernel=$3 mean=$4 seed=$5 spread=${6:-0.02}
    mkdir -p "$dir"
    awk -v mean="$mean" -v seed="$seed" -v spread="$spread" 'BEGIN {
        srand(seed)
        print "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session," \
              "run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error"
        for (m = 1; m <= 2; m++)
            for (r = 1; r <= 5; r++) {
                g = mean * (m == 1 ? 1 : 1.5) * (1 + spread * (rand() - 0.5))
                printf "tcp,stream,262144,262144,262144,%d,1,all,%d,1.000000,%d,%.6f,50.000," \
                       "50.000,1.000000,1.000000,ok,\n", m == 1 ? 16384 : 65536, r, g * 1.25e8, g
            }
    }' >"$dir/runs.csv"
    printf '{"tool":"vsbench","version":"0.1.0","git_revision":"test","profile":{"name":"nightly"},
 "start":"%s","hosts":{"local":{"os":"Linux","kernel":"%s","hypervisor":"KVM"},
 "remote":{"os":"Linux","kernel":"%s","hypervisor":"KVM"}}}\n' "$start" "$kernel" "$kernel" \
        >"$dir/meta.json"
}

# pg_why_not: empty when a cluster can be made here, else the reason.
pg_why_not() {
    local t
    for t in initdb pg_ctl psql; do
        [ -x "$PGBIN/$t" ] || { echo "$PGBIN/$t not found (Debian package postgresql-15)"; return; }
    done
    if [ "$(id -u)" = 0 ] && ! command -v runuser >/dev/null; then
        echo "running as root and runuser (util-linux) is missing"; return
    fi
    "$VSREPORT" version | grep -q postgresql || echo "this vsreport was built without libpq"
}

# as_pg CMD...: run as the cluster's owner (nobody when we are root).
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

# pg_init: a new cluster; superuser "vsb" by the socket without a
# password, role "ci" only with its password (scram-sha-256).
pg_init() {
    mkdir -p "$SOCK" || return 1
    if [ "$(id -u)" = 0 ]; then chmod 711 "$TMP" && chown nobody "$SOCK" || return 1; fi
    as_pg "$PGBIN/initdb" -D "$SOCK/data" -U vsb -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
        >"$TMP/initdb.log" 2>&1 || { cat "$TMP/initdb.log"; return 1; }
    printf 'local all ci scram-sha-256\nlocal all all trust\n' >"$SOCK/data/pg_hba.conf"
}

pg_start() {
    as_pg "$PGBIN/pg_ctl" -D "$SOCK/data" -l "$SOCK/log" -w -t 30 \
        -o "-c listen_addresses='' -c unix_socket_directories='$SOCK' -c fsync=off" start \
        >/dev/null || { tail -n 20 "$SOCK/log"; return 1; }
    PG_UP=1
    PG_PID=$(head -n 1 "$SOCK/data/postmaster.pid")
}

# pg_stop [fast|immediate]: immediate is a crash (no checkpoint).
pg_stop() {
    as_pg "$PGBIN/pg_ctl" -D "$SOCK/data" -m "${1:-fast}" -w -t 30 stop >/dev/null 2>&1
    PG_UP=0
}

pg_cleanup() {
    if [ "$PG_UP" = 1 ]; then
        pg_stop immediate
        [ -n "$PG_PID" ] && kill -9 "$PG_PID" 2>/dev/null
    fi
}

# psql_su DB SQL: run SQL as the superuser; unaligned rows on stdout.
psql_su() {
    "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$SOCK" -U vsb -d "$1" -c "$2"
}

# url DB [USER[:PASSWORD]]: a libpq URI for the cluster's socket.
url() {
    printf 'postgresql://%s@/%s?host=%s' "${2:-vsb}" "$1" "$SOCK"
}

# fleet_nights DIR: 3 host pairs x 20 nights (DIR/a-NN, b-NN, c-NN):
#   a  "kvm-epyc", kernel 6.1: 10 Gbit/s, 15% less from night 14 on
#   b  "hyperv-xeon", the same systems as a (told apart by --pair): 8,
#      a noisy night 9 (+-30%), 15% less on the last night
#   c  no name ("Linux 6.6 / Linux 6.6 (KVM)"): from night 5, 6 Gbit/s,
#      20% more from night 12 on
fleet_nights() {
    local n d
    for n in $(seq 1 20); do
        d=$(printf '%02d' "$n")
        night "$1/a-$d" "2026-11-${d}T02:10:00Z" 6.1 "$([ "$n" -lt 14 ] && echo 10 || echo 8.5)" "$n"
        case $n in
        9) night "$1/b-$d" "2026-11-${d}T02:20:00Z" 6.1 7.6 110 0.6 ;;
        20) night "$1/b-$d" "2026-11-${d}T02:20:00Z" 6.1 6.8 "$((n + 100))" ;;
        *) night "$1/b-$d" "2026-11-${d}T02:20:00Z" 6.1 8 "$((n + 100))" ;;
        esac
        [ "$n" -ge 5 ] && night "$1/c-$d" "2026-11-${d}T03:00:00Z" 6.6 \
            "$([ "$n" -lt 12 ] && echo 6 || echo 7.2)" "$((n + 200))"
    done
    return 0
}

# fleet_add URL DIR: the nights of fleet_nights into a history.
fleet_add() {
    "$VSREPORT" history add --history "$1" --pair kvm-epyc "$2"/a-* >/dev/null &&
        "$VSREPORT" history add --history "$1" --pair hyperv-xeon "$2"/b-* >/dev/null &&
        "$VSREPORT" history add --history "$1" "$2"/c-* >/dev/null
}
