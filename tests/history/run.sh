#!/usr/bin/env bash
# run.sh - the results history on both engines: SQLite files and a
# throw-away PostgreSQL cluster (lib.sh: initdb, a unix socket in a
# temporary directory, no service, no TCP port). Checks:
#   - the same show, trend, compare and fleet results from both engines;
#   - 16 concurrent writers lose and duplicate nothing, a night all of
#     them add is added once, a reader never sees part of a night; a
#     writer that waited for another's migration migrates what it finds;
#   - least privilege: a role with SELECT and INSERT only adds and reads,
#     and cannot create the tables (the owner's `history init` does);
#   - faults: unreachable server, wrong or missing password, a connection
#     dropped mid-add and the server killed mid-add: one clear error, the
#     documented exit status, the night fully absent and added later;
#   - a newer schema refused; passwords never shown; untrusted pair names
#     escaped for gnuplot, HTML, Markdown and JSON; ci/nightly twice on a
#     shared history; a build without engines says what it lacks.
# Where PostgreSQL cannot run, its part is skipped with the reason.
set -u
cd "$(dirname "$0")/../.." || exit 2
VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
NODB=${NODB:-$PWD/build/$(${CC:-gcc} -dumpmachine)/vsreport-nodb}
export VSBENCH_NO_VSOCK=1
TMP=$(mktemp -d /tmp/vsb-hist.XXXXXX)
. tests/history/lib.sh
LOGS=$TMP/logs N=$TMP/nights PW=s3cret-pw
PIDS=() pass=0 failed=0
mkdir -p "$LOGS" "$N"

cleanup() {
    local p
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
    pg_cleanup
    rm -rf "$TMP"
}
trap cleanup EXIT

ok() { pass=$((pass + 1)); echo "ok     $1"; }
bad() { failed=$((failed + 1)); echo "FAILED $1"; [ -n "${2:-}" ] && sed 's/^/    /' "$2" | tail -n 15; }
# check CONDITION-STATUS MESSAGE [LOG]
check() { if [ "$1" -eq 0 ]; then ok "$2"; else bad "$2" "${3:-}"; fi; }

# vsr NAME ARGS...: vsreport (60 s at most), output in $LOGS/NAME.
vsr() {
    local name=$1
    shift
    timeout 60 "$VSREPORT" "$@" >"$LOGS/$name" 2>&1
}

# counts URL: "nights runs partial" from `history show`.
counts() {
    timeout 60 "$VSREPORT" history show --history "$1" |
        awk 'NR > 1 { n++; runs += $5; if ($5 != 10) part++ } END { print n + 0, runs + 0, part + 0 }'
}

t_no_engines() {
    local rc
    timeout 10 "$NODB" history show --history "$TMP/x.sqlite" >"$LOGS/nodb1" 2>&1
    rc=$?
    [ "$rc" -eq 4 ] && grep -q "no history support: it was built without SQLite" "$LOGS/nodb1" \
        && grep -q "SQLITE_SRC=DIR" "$LOGS/nodb1"
    check $? "a build without any engine says so and how to add SQLite (exit $rc)" "$LOGS/nodb1"
    timeout 10 "$NODB" history add --history "postgresql://ci:$PW@db/x" "$N/w1" >"$LOGS/nodb2" 2>&1
    rc=$?
    [ "$rc" -eq 4 ] && grep -q "without PostgreSQL" "$LOGS/nodb2" && grep -q "ci:\*\*\*@db" "$LOGS/nodb2"
    check $? "a build without libpq says so, password masked (exit $rc)" "$LOGS/nodb2"
    ! ldd "$NODB" | grep -q -e libpq -e libsqlite
    check $? "that build links neither library"
    vsr badloc history show --history sqlite:
    [ $? -eq 2 ] && grep -q "needs a file name" "$LOGS/badloc"
    check $? "an empty sqlite: location is bad input (exit 2)" "$LOGS/badloc"
}

# writers NAME URL: 16 writers at once, each its own night and the shared
# one, on a new history; a reader meanwhile.
writers() {
    local name=$1 url=$2 i reads=0 torn=0 w=() failed_w=0 c
    for i in $(seq 1 16); do
        vsr "$name-w$i" history add --history "$url" "$N/w$i" "$N/shared" &
        w+=($!)
    done
    PIDS+=("${w[@]}")
    while :; do
        c=$(counts "$url" 2>/dev/null) && { reads=$((reads + 1)); [ "${c##* }" = 0 ] || torn=$((torn + 1)); }
        kill -0 "${w[@]}" 2>/dev/null || break
    done
    local k=0 bad_log="$LOGS/$name-w1"
    for i in "${w[@]}"; do
        k=$((k + 1))
        wait "$i" || { failed_w=$((failed_w + 1)); bad_log="$LOGS/$name-w$k"; }
    done
    PIDS=()
    check "$failed_w" "$name: 16 concurrent writers all succeed" "$bad_log"
    c=$(counts "$url")
    [ "$c" = "17 170 0" ]
    check $? "$name: 17 nights, 170 runs, none partial (saw: $c)"
    [ "$(cat "$LOGS/$name"-w* | grep -c 'shared: added')" = 1 ] &&
        [ "$(cat "$LOGS/$name"-w* | grep -c 'shared: already in the history')" = 15 ]
    check $? "$name: the night all 16 add is added once, 15 times found there"
    [ "$torn" = 0 ] && [ "$reads" -ge 1 ]
    check $? "$name: $reads reads during the writes, $torn saw part of a night"
}

t_sqlite_writers() {
    writers sqlite "sqlite:$TMP/w.sqlite"
}

pg_up() {
    local why t0=$SECONDS
    why=$(pg_why_not)
    if [ -n "$why" ]; then
        echo "SKIP   PostgreSQL tests: $why"
        return 1
    fi
    pg_init && pg_start || { bad "a PostgreSQL cluster starts"; return 1; }
    ok "a throw-away PostgreSQL cluster on $SOCK ($((SECONDS - t0)) s)"
    for db in eq conc lp fault; do
        psql_su postgres "CREATE DATABASE $db" || { bad "create database $db"; return 1; }
    done
    psql_su lp "CREATE ROLE vsb_owner LOGIN; CREATE ROLE ci LOGIN PASSWORD '$PW';
                CREATE SCHEMA vsbench AUTHORIZATION vsb_owner;
                GRANT USAGE ON SCHEMA vsbench TO ci;
                ALTER ROLE vsb_owner IN DATABASE lp SET search_path = vsbench;
                ALTER ROLE ci IN DATABASE lp SET search_path = vsbench" || { bad "roles"; return 1; }
}

t_same_results() {
    local pg sq e=0
    pg=$(url eq) sq="sqlite:$TMP/eq.sqlite"
    fleet_nights "$N/fleet"
    night "$N/a-21" "2026-11-21T02:10:00Z" 6.1 7 21 # tonight: 18% below the last nights
    fleet_add "$pg" "$N/fleet" && fleet_add "$sq" "$N/fleet"
    check $? "3 pairs x 20 nights into both engines"
    for eng in pg sq; do
        u=${!eng}
        vsr "show-$eng" history show --history "$u"
        vsr "trend-$eng" history trend --no-render -o "$TMP/trend-$eng" --history "$u"
        vsr "cmp-$eng" compare --history "$u" --pair kvm-epyc "$N/a-21"
        echo "exit $?" >>"$LOGS/cmp-$eng"
        vsr "fleet-$eng" history fleet --no-render -o "$TMP/fleet-$eng" --history "$u"
        jq 'del(.generated)' "$TMP/fleet-$eng/fleet.json" >"$TMP/fleet-$eng.json" || e=1
    done
    cmp -s "$LOGS/show-pg" "$LOGS/show-sq" && diff -r "$TMP/trend-pg" "$TMP/trend-sq" >/dev/null &&
        cmp -s "$LOGS/cmp-pg" "$LOGS/cmp-sq" && cmp -s "$TMP/fleet-pg.json" "$TMP/fleet-sq.json" &&
        [ "$e" = 0 ]
    check $? "show, trend, compare and fleet are the same from both engines" "$LOGS/cmp-pg"
    grep -q "exit 1" "$LOGS/cmp-pg" && grep -c "REGRESSION" "$LOGS/cmp-pg" | grep -qx 2
    check $? "compare --history: tonight's 18% drop is a regression on both points" "$LOGS/cmp-pg"
    [ "$(grep -c ': change at night' "$TMP/trend-pg/changepoints.txt")" = 4 ]
    check $? "trend: the 4 planted change points found" "$TMP/trend-pg/changepoints.txt"
    [ "$(jq -r '[.pairs[] | .nights[-1].verdict] | join(",")' "$TMP/fleet-pg.json")" = \
      "no change,regression,no change" ]
    check $? "fleet: last nights no change, regression (hyperv-xeon), no change" "$TMP/fleet-pg.json"
}

t_pg_writers() {
    writers postgresql "$(url conc)"
    [ "$(psql_su conc "SELECT count(*) FROM sweeps; SELECT count(*) FROM runs;
          SELECT count(*) FROM (SELECT sweep FROM runs GROUP BY sweep HAVING count(*) <> 10) p;
          SELECT count(*) FROM vsbench_schema" | tr '\n' ' ')" = "17 170 0 1 " ]
    check $? "postgresql: the tables say the same (17 nights, 170 runs, one schema row)"
}

# A writer that waited for another's schema change sees it: the other
# holds the schema lock (pg_advisory_xact_lock, analysis/db_pg.c) while it
# creates a version 2 history (before rr), and commits once the writer,
# which found no tables, waits for that lock. The writer then migrates
# version 2 to 3 instead of taking the history for new (PostgreSQL's
# catalog cache is not refreshed by an advisory lock: "column resp already
# exists" or "does not exist" with 16 writers at once).
t_waited_migration() {
    local u=$(url mig) holder writer t='TEXT COLLATE "C"' rc
    psql_su postgres "CREATE DATABASE mig" || { bad "create database mig"; return; }
    "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$SOCK" -U vsb -d mig -c "BEGIN" \
        -c "SELECT pg_advisory_xact_lock(1987273320)" \
        -c "CREATE TABLE sweeps (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
              started $t NOT NULL, tool_version $t, git_revision $t, pair $t NOT NULL,
              profile $t, source $t, meta $t NOT NULL, added $t NOT NULL,
              UNIQUE (started, pair, profile))" \
        -c "CREATE TABLE runs (sweep BIGINT NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
              transport $t NOT NULL, test $t NOT NULL, sock BIGINT NOT NULL, msg BIGINT NOT NULL,
              sessions INTEGER NOT NULL, run INTEGER NOT NULL, gbps DOUBLE PRECISION NOT NULL,
              sd DOUBLE PRECISION NOT NULL, ok INTEGER NOT NULL, error $t)" \
        -c "CREATE TABLE vsbench_schema (version INTEGER NOT NULL)" \
        -c "INSERT INTO vsbench_schema VALUES (2)" -c "SELECT pg_sleep(4)" -c "COMMIT" \
        >"$LOGS/mig-holder" 2>&1 &
    holder=$!
    PIDS+=("$holder")
    sleep 0.5
    vsr mig-add history add --history "$u" "$N/w1" &
    writer=$!
    PIDS+=("$writer")
    wait_lock mig && kill -0 "$holder" 2>/dev/null
    check $? "mig: the writer waits for the schema lock of a migration under way" "$LOGS/mig-holder"
    wait "$holder"
    wait "$writer"
    rc=$?
    PIDS=()
    [ "$rc" = 0 ] && [ "$(counts "$u")" = "1 10 0" ] &&
        [ "$(psql_su mig "SELECT version FROM vsbench_schema")" = 3 ] &&
        [ "$(psql_su mig "SELECT count(*) FROM information_schema.columns
                          WHERE table_name = 'runs' AND column_name = 'resp'")" = 1 ]
    check $? "mig: then it finds version 2, migrates it to 3 and adds its night (exit $rc)" "$LOGS/mig-add"
}

t_least_privilege() {
    local ci rc
    ci="postgresql://ci:$PW@/lp?host=$SOCK"
    vsr lp-first history add --history "$ci" "$N/w1"
    rc=$?
    [ "$rc" -eq 6 ] && grep -q "history init" "$LOGS/lp-first"
    check $? "without CREATE rights the first run is refused, pointing to init (exit $rc)" "$LOGS/lp-first"
    vsr lp-init history init --history "$(url lp vsb_owner)" && grep -q "(created)" "$LOGS/lp-init"
    check $? "the owner role creates the tables (history init)" "$LOGS/lp-init"
    psql_su lp "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA vsbench TO ci" &&
        vsr lp-add history add --history "$ci" "$N/w1" "$N/w2" "$N/w1" &&
        grep -q "w1: already" "$LOGS/lp-add" && [ "$(counts "$ci")" = "2 20 0" ]
    check $? "with SELECT and INSERT only: nights added, a re-run changes nothing" "$LOGS/lp-add"
    [ "$(psql_su lp "SELECT count(*) FROM vsbench.sweeps")" = 2 ] &&
        [ "$(psql_su lp "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ]
    check $? "the tables are in the role's own schema (search_path), none in public"
}

# wait_lock DB: until a lock is waited for (the add is blocked mid-way).
wait_lock() {
    local i
    for i in $(seq 1 100); do
        [ "$(psql_su "$1" "SELECT count(*) FROM pg_locks WHERE NOT granted")" -ge 1 ] && return 0
        sleep 0.1
    done
    return 1
}

# hold_runs DB: a session that keeps the runs table from being written;
# returns once it holds its lock.
hold_runs() {
    local i
    "$PGBIN/psql" -X -q -h "$SOCK" -U vsb -d "$1" \
        -c "BEGIN; LOCK TABLE runs IN SHARE MODE; SELECT pg_sleep(60)" >/dev/null 2>&1 &
    HOLDER=$!
    PIDS+=("$HOLDER")
    for i in $(seq 1 100); do
        [ "$(psql_su "$1" "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                           WHERE c.relname = 'runs' AND l.mode = 'ShareLock' AND l.granted")" = 1 ] &&
            return 0
        sleep 0.1
    done
    return 1
}

t_faults() {
    local u rc adder
    u=$(url fault)
    vsr f-unreach history show --history "postgresql://ci:$PW@/x?host=$TMP/nowhere"
    rc=$?
    [ "$rc" -eq 3 ] && grep -q "cannot connect" "$LOGS/f-unreach"
    check $? "unreachable server: exit 3, 'cannot connect'" "$LOGS/f-unreach"
    vsr f-unreach-cmp compare --history "postgresql:///x?host=$TMP/nowhere" "$N/w1"
    check $(($? != 3)) "compare against an unreachable history: exit 3, not a verdict" "$LOGS/f-unreach-cmp"
    vsr f-wrong history show --history "postgresql://ci:wrong-$PW@/lp?host=$SOCK"
    rc=$?
    [ "$rc" -eq 6 ] && grep -q "refused the credentials" "$LOGS/f-wrong" && grep -q "ci:\*\*\*@" "$LOGS/f-wrong"
    check $? "wrong password: exit 6, masked" "$LOGS/f-wrong"
    vsr f-nopw history show --history "postgresql://ci@/lp?host=$SOCK"
    [ $? -eq 6 ] && grep -q "wants a password" "$LOGS/f-nopw"
    check $? "no password: exit 6, says where to put one" "$LOGS/f-nopw"
    vsr f-first history add --history "$u" "$N/w1" || bad "a first night" "$LOGS/f-first"
    # a dropped connection: the add waits on a lock, its backend is ended
    hold_runs fault || bad "a session holds a lock on runs"
    vsr f-drop history add --history "$u" "$N/w2" &
    adder=$!
    wait_lock fault || bad "the add waits on the lock"
    psql_su postgres "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                      WHERE application_name = 'vsreport'" >/dev/null
    wait "$adder"
    rc=$?
    [ "$rc" -eq 3 ] && grep -q "nothing of this night was kept" "$LOGS/f-drop"
    check $? "connection dropped mid-add: exit 3, nothing kept" "$LOGS/f-drop"
    # the server killed: the add waits on the lock, the cluster stops at once
    vsr f-kill history add --history "$u" "$N/w2" &
    adder=$!
    wait_lock fault || bad "the add waits on the lock"
    pg_stop immediate
    wait "$adder"
    rc=$?
    wait "$HOLDER" 2>/dev/null
    [ "$rc" -eq 3 ] && grep -q "lost the connection" "$LOGS/f-kill"
    check $? "server killed mid-add: exit 3, 'lost the connection'" "$LOGS/f-kill"
    pg_start || { bad "the cluster restarts"; return; }
    [ "$(counts "$u")" = "1 10 0" ] &&
        [ "$(psql_su fault "SELECT count(*) FROM runs WHERE sweep NOT IN (SELECT id FROM sweeps)")" = 0 ]
    check $? "after the crash: the night is absent, no stray runs"
    vsr f-again history add --history "$u" "$N/w2" && [ "$(counts "$u")" = "2 20 0" ]
    check $? "the night added again afterwards, complete" "$LOGS/f-again"
}

t_newer_schema() {
    local u
    u=$(url conc)
    psql_su conc "UPDATE vsbench_schema SET version = 99" &&
        vsr newer history show --history "$u"
    [ $? -eq 2 ] && grep -q "schema version 99, newer than this vsreport knows (3)" "$LOGS/newer"
    check $? "a newer schema is refused (exit 2)" "$LOGS/newer"
}

t_untrusted_pair() {
    local u evil='<script>alert(1)</script> "q" | *x* \'
    u=$(url eq)
    night "$N/evil" "2026-11-22T05:00:00Z" 6.1 9 7
    vsr evil-add history add --history "$u" --pair "$evil" "$N/evil" &&
        vsr evil-trend history trend --history "$u" --pair "$evil" -o "$TMP/trend-evil" &&
        [ "$(ls "$TMP/trend-evil/"*.png | wc -l)" = 2 ] &&
        grep -qF "set title 'tcp stream 256K/16K x1 - <script>alert(1)</script> \"q\" | *x* \\' noenhanced" \
            "$TMP/trend-evil/"*16K*.gp
    check $? "a pair named with markup, quotes and a backslash: gnuplot title escaped, charts drawn" \
        "$LOGS/evil-trend"
    vsr evil-fleet history fleet --history "$u" -o "$TMP/fleet-evil" &&
        ! grep -q "<script>" "$TMP/fleet-evil/index.html" &&
        grep -q "&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot;" "$TMP/fleet-evil/index.html" &&
        grep -qF '&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; \| \*x\* \\' "$TMP/fleet-evil/fleet.md" &&
        jq -e '[.pairs[].pair] | index("<script>alert(1)</script> \"q\" | *x* \\") != null' \
            "$TMP/fleet-evil/fleet.json" >/dev/null &&
        [ "$(ls "$TMP/fleet-evil/trend/"*.png | wc -l)" = 8 ]
    check $? "the fleet view: it is escaped in HTML, Markdown and JSON; all charts drawn" \
        "$LOGS/evil-fleet"
}

t_nightly() {
    local u rc
    u=$(url eq)
    printf '[sweep]\nname = t\ntransports = tcp\nsock-sizes = 256K\nmsg-sizes = 16K\nsessions = 1\nruns = 3\nduration = 0.2\nwarmup = 0.1\n' \
        >"$TMP/t.profile"
    VSBENCH_HISTORY=$u timeout 60 ci/nightly --profile "$TMP/t.profile" --out "$TMP/nightly" \
        --pair ci-loopback >"$LOGS/nightly1" 2>&1
    check $? "ci/nightly, first night: exit 0" "$LOGS/nightly1"
    VSBENCH_HISTORY=$u timeout 60 ci/nightly --profile "$TMP/t.profile" --out "$TMP/nightly" \
        --pair ci-loopback >"$LOGS/nightly2" 2>&1
    rc=$? # loopback is noisy: a regression (1) is possible, trouble (2) is not
    [ "$rc" -le 1 ] && grep -q "tonight becomes the baseline" "$LOGS/nightly1" &&
        grep -q "^tcp stream" "$LOGS/nightly2" &&
        [ "$(timeout 60 "$VSREPORT" history show --history "$u" --pair ci-loopback | grep -c '^ *[0-9]')" = 2 ] &&
        [ "$(ls "$TMP/nightly/trend/"*.gp | wc -l)" = 1 ]
    check $? "second night compared with the first (exit $rc); trend of its own pair only" "$LOGS/nightly2"
}

t_no_password_shown() {
    ! grep -rq -- "$PW" "$LOGS" "$TMP"/fleet-* "$TMP"/trend-* "$TMP"/nightly 2>/dev/null
    check $? "the password appears in no output, page or file"
}

start=$SECONDS
for i in $(seq 1 16); do night "$N/w$i" "2026-12-$(printf %02d "$i")T02:00:00Z" 6.1 10 "$i"; done
night "$N/shared" "2026-12-20T02:00:00Z" 6.1 10 99
t_no_engines
t_sqlite_writers
if pg_up; then
    t_same_results
    t_pg_writers
    t_waited_migration
    t_least_privilege
    t_faults
    t_newer_schema
    t_untrusted_pair
    t_nightly
fi
t_no_password_shown
echo
echo "$pass passed, $failed failed ($((SECONDS - start)) s)"
[ "$failed" -eq 0 ]
