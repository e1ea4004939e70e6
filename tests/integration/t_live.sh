# t_live.sh - what vsbench shows while a test or a sweep runs: on a
# terminal (a pseudo-terminal made by script(1)) and off one.

# on_tty OUT CMD...: run CMD with a pseudo-terminal for its stdin, stdout
# and stderr; what it wrote goes to OUT.
on_tty() {
    local out=$1
    shift
    timeout 60 script -qfec "$*" /dev/null >"$out" 2>&1 </dev/null
}

t_run_header_first_and_final_interval() {
    start_server
    timeout 30 "$VSBENCH" run "127.0.0.1:$PORT" -l 1.2 -i 0.5 --warmup 0.2 >"$TMP/out" 2>&1 ||
        fail "run failed: $(cat "$TMP/out")"
    # the header comes before the first interval line
    local head first
    head=$(grep -n '^vsbench .*: stream over tcp' "$TMP/out" | cut -d: -f1)
    first=$(grep -n '^\[' "$TMP/out" | head -n 1 | cut -d: -f1)
    [ -n "$head" ] && [ -n "$first" ] && [ "$head" -lt "$first" ] ||
        fail "header not before the intervals: $(cat "$TMP/out")"
    # 0-0.5, 0.5-1.0 and the final partial 1.0-1.2: contiguous slices up to
    # the end of the measured interval (on a loaded machine a tick, or the
    # end, can come late: the edges then say when they really were)
    [ "$(grep -c '^\[' "$TMP/out")" -ge 2 ] || fail "expected intervals: $(cat "$TMP/out")"
    intervals_cover_the_run "$TMP/out" || fail "intervals do not cover the run: $(cat "$TMP/out")"
    grep -q 'GiB\|MiB' "$TMP/out" || fail "received data without a unit: $(cat "$TMP/out")"
    # a whole number of intervals ends with the last full one
    timeout 30 "$VSBENCH" run "127.0.0.1:$PORT" -l 1 -i 0.5 --warmup 0.2 >"$TMP/out2" 2>&1 ||
        fail "run failed"
    intervals_cover_the_run "$TMP/out2" || fail "intervals do not cover the run: $(cat "$TMP/out2")"
}

# intervals_cover_the_run OUT: the interval lines start at 0, each starts
# where the previous ended, and the last ends with the measured seconds.
intervals_cover_the_run() {
    local end secs
    grep '^\[' "$1" | sed 's/^\[ *\([0-9.]*\)- *\([0-9.]*\) s\].*/\1 \2/' |
        awk 'NR == 1 && $1 != "0.0" { bad = 1 } NR > 1 && $1 != prev { bad = 1 } { prev = $2 }
             END { exit bad }' || return 1
    end=$(grep '^\[' "$1" | tail -n 1 | sed 's/^\[ *[0-9.]*- *\([0-9.]*\) s\].*/\1/')
    secs=$(awk '$1 == "all" { printf "%.1f", $2 }' "$1")
    [ -n "$end" ] && [ "$end" = "$secs" ]
}

t_run_progress_only_on_a_terminal() {
    start_server
    local cmd="$VSBENCH run 127.0.0.1:$PORT -l 1.2 --warmup 0.2"
    on_tty "$TMP/tty" "$cmd" || fail "run on a terminal failed: $(cat "$TMP/tty")"
    grep -aq 'measuring [0-9.]* of 1\.2 s: [0-9.]* Gbit/s' "$TMP/tty" ||
        fail "no progress line on a terminal: $(cat -v "$TMP/tty")"
    grep -aq '^ *all ' "$TMP/tty" || fail "no result table"
    # not a terminal: nothing while it runs, the same result
    $cmd >"$TMP/plain" 2>&1 || fail "run failed"
    grep -q 'measuring' "$TMP/plain" && fail "progress line without a terminal"
    grep -q $'\r' "$TMP/plain" && fail "carriage returns without a terminal"
    grep -q '^ *all ' "$TMP/plain" || fail "no result table"
}

t_sweep_live_line_names_the_last_run() {
    start_server
    cat >"$TMP/two.profile" <<'P'
[sweep]
name = two
transports = tcp, unix
sock-sizes = 64K
msg-sizes = 16K
sessions = 1
runs = 1
duration = 1.2
warmup = 0.1
P
    on_tty "$TMP/tty" "$VSBENCH sweep 127.0.0.1:$PORT --profile $TMP/two.profile --out $TMP/res" ||
        fail "sweep failed: $(cat -v "$TMP/tty")"
    tr '\r' '\n' <"$TMP/tty" | sed 's/\x1b\[K//g' | grep -a '^\[' >"$TMP/lines"
    grep -q '^\[1/2\] tcp stream 64K/16K x1 run 1: [0-9.]* Gbit/s' "$TMP/lines" ||
        fail "no interim figure of the running point: $(cat "$TMP/lines")"
    grep '^\[1/2\] tcp' "$TMP/lines" | grep -q 'last:' && fail "'last:' before any run finished"
    grep -q '^\[2/2\] unix stream 64K/16K x1 run 1.* | last: tcp stream 64K/16K x1 run 1 [0-9.]* Gbit/s' \
        "$TMP/lines" || fail "the unix run's line does not name the tcp run as last: $(cat "$TMP/lines")"
    head -n 1 "$TMP/lines" | grep -q 'Gbit/s' && fail "a figure shown before one existed: $(cat "$TMP/lines")"
    # the figure after "last:" is the finished run's own (runs.csv, 3 decimals)
    local csv shown
    csv=$(awk -F, '$1 == "tcp" && $8 == "all" { printf "%.3f", $12 }' "$TMP/res/runs.csv")
    shown=$(grep -o 'last: tcp stream 64K/16K x1 run 1 [0-9.]*' "$TMP/lines" | head -n 1 | awk '{ print $NF }')
    [ "$csv" = "$shown" ] || fail "last: shows $shown, runs.csv has $csv"
    return 0
}
