# t_sweep.sh - vsbench sweep: result files, resume, failures, interrupts.

# 2 sizes x 2 messages x 1,2 sessions x 2 runs over tcp: 16 runs,
# 8 runs x 2 rows + 8 runs x 3 rows = 40 rows.
write_small_profile() {
    cat >"$TMP/small.profile" <<'P'
[sweep]
name = small
transports = tcp
sock-sizes = 64K, 256K
msg-sizes = 1K, 16K
sessions = 1, 2
runs = 2
duration = ${1:-0.2}
warmup = 0
P
    sed -i "s/\${1:-0.2}/${1:-0.2}/" "$TMP/small.profile"
}

sweep() {
    timeout 120 "$VSBENCH" sweep "127.0.0.1:$PORT" --profile "$TMP/small.profile" \
        --out "$TMP/res" "$@"
}

# sweep_bg OUT: the sweep in the background; SWEEP_PID is vsbench itself
# (not a subshell), so signals reach it.
sweep_bg() {
    "$VSBENCH" sweep "127.0.0.1:$PORT" --profile "$TMP/small.profile" --out "$TMP/res" \
        >"$1" 2>&1 &
    SWEEP_PID=$!
    PIDS+=("$SWEEP_PID")
}

# wait_runs N: until the sweep has recorded N runs (10 s at most)
wait_runs() {
    for _ in $(seq 1 100); do
        [ "$(grep -c ',all,' "$TMP/res/runs.csv" 2>/dev/null)" -ge "$1" ] && return 0
        sleep 0.1
    done
}

# rows DIR: data rows of runs.csv
rows() { tail -n +2 "$1/runs.csv" | wc -l; }

# no (point, run, session) appears twice
no_duplicates() {
    local dups
    dups=$(tail -n +2 "$1/runs.csv" | cut -d, -f1-9 | sort | uniq -d | wc -l)
    [ "$dups" -eq 0 ] || fail "duplicate rows in runs.csv"
}

t_sweep_small_profile() {
    start_server
    write_small_profile
    sweep >"$TMP/out" 2>&1 || fail "sweep failed: $(tail -n 5 "$TMP/out")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "expected 40 rows, got $(rows "$TMP/res")"
    head -n 1 "$TMP/res/runs.csv" | grep -q '^transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error,resp,burst,transactions,tps,lat_mean_us,lat_stdev_us,lat_min_us,lat_p50_us,lat_p90_us,lat_p99_us,lat_p999_us,lat_p9999_us,lat_max_us,sdt_local,sdt_remote,pin_local,pin_remote,recv_size,zerocopy,congestion,overlap$' \
        || fail "header differs from the contract"
    [ "$(grep -c ',all,' "$TMP/res/runs.csv")" -eq 16 ] || fail "expected 16 aggregate rows"
    [ "$(tail -n +2 "$TMP/res/runs.csv" | cut -d, -f17 | grep -c '^ok$')" -eq 40 ] || fail "not every row ok"
    [ "$(grep -cE ',ok,{19}[1-9][0-9]*,0,,0$' "$TMP/res/runs.csv")" -eq 40 ] || fail "stream rows: latency cells and pinning empty, overlap 0"
    no_duplicates "$TMP/res"
    jq -e . "$TMP/res/meta.json" >/dev/null || fail "meta.json is not JSON"
    jq_true "$TMP/res/meta.json" '.status == "complete" and .runs_done == 16 and .profile.name == "small"' "meta status"
    jq_true "$TMP/res/meta.json" '(.profile.text | contains("msg-sizes = 1K, 16K")) and (.start | length) > 0 and (.end | length) > 0' \
        "meta has the profile text and times"
    jq_true "$TMP/res/meta.json" '.hosts.local.cpus >= 1 and .hosts.remote.cpus >= 1 and (.hosts.remote.kernel | length) > 0' \
        "meta has both hosts"
    jq_true "$TMP/res/meta.json" '(.git_revision | length) > 0 and .version == "0.1.0"' "meta has the tool version"
    grep -q '\[16/16\]' "$TMP/out" || fail "no plain progress lines"
}

t_sweep_kill9_then_resume() {
    start_server
    write_small_profile 0.3
    sweep_bg "$TMP/out1"
    local spid=$SWEEP_PID
    # wait for a few runs, then kill -9 in the middle of one
    wait_runs 5
    sleep 0.15
    kill -9 "$spid"
    wait "$spid" 2>/dev/null
    local before
    before=$(grep -c ',all,' "$TMP/res/runs.csv")
    [ "$before" -ge 5 ] && [ "$before" -lt 16 ] || fail "kill came at a bad moment ($before runs)"
    sweep >"$TMP/out2" 2>&1 && fail "a second sweep without --resume must refuse"
    grep -q -- "--resume" "$TMP/out2" || fail "refusal does not mention --resume"
    sweep --resume >"$TMP/out3" 2>&1 || fail "resume failed: $(tail -n 5 "$TMP/out3")"
    grep -q "already recorded" "$TMP/out3" || fail "resume did not say what was recorded"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "after resume expected 40 rows, got $(rows "$TMP/res")"
    no_duplicates "$TMP/res"
    [ "$(grep -c '^\[' "$TMP/out3")" -le $((16 - before)) ] || fail "resume re-ran recorded runs"
    jq_true "$TMP/res/meta.json" '.status == "complete" and .resumed' "meta after resume"
}

# Two sweeps on one --out: the second is refused at once and names the
# first's pid; the first completes alone (no duplicated run).
t_sweep_second_on_same_out_refused() {
    start_server
    write_small_profile 0.3
    sweep_bg "$TMP/out1"
    local spid=$SWEEP_PID
    wait_runs 2
    sweep --resume >"$TMP/out2" 2>&1 && fail "a second sweep on the same --out must refuse"
    grep -q "another sweep (pid $spid) is writing there" "$TMP/out2" ||
        fail "the refusal does not name the holder: $(cat "$TMP/out2")"
    wait "$spid" || fail "the first sweep failed: $(tail -n 5 "$TMP/out1")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "expected 40 rows, got $(rows "$TMP/res")"
    no_duplicates "$TMP/res"
    [ -f "$TMP/res/.vsbench.lock" ] || fail "no lock file"
    sweep --resume >"$TMP/out3" 2>&1 || fail "a sweep after the first ended is refused: $(cat "$TMP/out3")"
}

t_sweep_resume_refuses_other_profile() {
    start_server
    write_small_profile
    sweep >/dev/null 2>&1 || fail "first sweep failed"
    sed -i 's/runs = 2/runs = 3/' "$TMP/small.profile"
    sweep --resume >"$TMP/out" 2>&1 && fail "resume with another profile must fail"
    grep -q "different profile" "$TMP/out" || fail "no clear message: $(cat "$TMP/out")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "refused resume touched runs.csv"
}

t_sweep_server_killed_goes_on() {
    start_server
    write_small_profile 0.3
    sweep_bg "$TMP/out"
    local spid=$SWEEP_PID
    wait_runs 4
    kill -9 "$SERVER_PID"
    wait "$spid"
    [ $? -eq 1 ] || fail "sweep with failed runs should exit 1"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "every run must be recorded, got $(rows "$TMP/res") rows"
    tail -n +2 "$TMP/res/runs.csv" | grep -q ',error,' || fail "no failed rows recorded"
    tail -n +2 "$TMP/res/runs.csv" | grep ',error,' | grep -q -i 'refused\|closed\|lost' || fail "failed rows lack an error text"
    jq_true "$TMP/res/meta.json" '.status == "complete" and .runs_failed > 0' "meta counts failures"
}

t_sweep_ctrl_c_keeps_runs() {
    start_server
    write_small_profile 0.3
    sweep_bg "$TMP/out"
    local spid=$SWEEP_PID
    wait_runs 3
    kill -INT "$spid"
    wait "$spid"
    [ $? -eq 1 ] || fail "interrupted sweep should exit 1"
    grep -q "resume" "$TMP/out" || fail "no hint to resume"
    jq_true "$TMP/res/meta.json" '.status == "interrupted"' "meta says interrupted"
    local n
    n=$(grep -c ',all,' "$TMP/res/runs.csv")
    sweep --resume >/dev/null 2>&1 || fail "resume after Ctrl-C failed"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "after resume expected 40 rows"
    no_duplicates "$TMP/res"
    [ "$n" -ge 3 ] || fail "finished runs were lost"
}

t_sweep_dry_run_and_errors() {
    "$VSBENCH" sweep --profile paper --dry-run >"$TMP/dry" || fail "dry run failed"
    # vsock is off here (VSBENCH_NO_VSOCK): listed as skipped, timed without
    grep -q '^skipped here: vsock (this machine: disabled by VSBENCH_NO_VSOCK)' "$TMP/dry" ||
        fail "dry run does not name the skipped transport: $(head -n 2 "$TMP/dry")"
    grep -q 'vsock stream' "$TMP/dry" && fail "dry run lists points of a skipped transport"
    grep -q '^96 runs.* 2.40 hours' "$TMP/dry" || fail "paper here: 96 runs, 2.40 hours: $(tail -n 2 "$TMP/dry")"
    grep -q '^with the skipped transports: 192 runs.* 4.80 hours' "$TMP/dry" ||
        fail "paper with vsock: 192 runs, 4.80 hours: $(tail -n 2 "$TMP/dry")"
    # a remote server: unix is skipped too
    "$VSBENCH" sweep 10.1.2.3 --profile quick --dry-run >"$TMP/dry" || fail "dry run failed"
    grep -q '^skipped here: unix (unix sockets need the server on this machine)' "$TMP/dry" ||
        fail "unix not skipped for a remote server: $(head -n 3 "$TMP/dry")"
    printf '[sweep]\ntransports = tcp\nsesions = 1\n' >"$TMP/bad.profile"
    "$VSBENCH" sweep 127.0.0.1 --profile "$TMP/bad.profile" --out "$TMP/x" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a bad profile should exit 2"
    grep -q "bad.profile:3" "$TMP/o" || fail "error does not name file and line: $(cat "$TMP/o")"
    grep -q "sesions" "$TMP/o" || fail "error does not name the key"
    "$VSBENCH" sweep 127.0.0.1 --profile nosuch --out "$TMP/x" >"$TMP/o" 2>&1
    grep -q "built-in: latency, nightly, paper, quick" "$TMP/o" || fail "unknown profile message: $(cat "$TMP/o")"
}

t_sweep_resume_repairs_cut_run() {
    start_server
    write_small_profile
    sweep >/dev/null 2>&1 || fail "first sweep failed"
    # Simulate a crash during the last run's write: drop its aggregate row
    # and leave half a line without a newline.
    head -n -1 "$TMP/res/runs.csv" >"$TMP/cut"
    printf 'tcp,stream,2621' >>"$TMP/cut"
    cp "$TMP/cut" "$TMP/res/runs.csv"
    sweep --resume >"$TMP/out" 2>&1 || fail "resume failed: $(tail -n 3 "$TMP/out")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "expected 40 rows after repair, got $(rows "$TMP/res")"
    no_duplicates "$TMP/res"
    [ "$(tail -c 1 "$TMP/res/runs.csv" | od -An -c | tr -d ' ')" = '\n' ] || fail "file does not end with a newline"
    [ "$(grep -c '^\[' "$TMP/out")" -eq 1 ] || fail "resume should re-run exactly the cut run"
}

# A runs.csv written before the `overlap` column existed still loads
# (overlap reads as 0), resumes, and is rewritten with today's header.
t_sweep_resume_file_without_overlap() {
    start_server
    write_small_profile
    sweep >/dev/null 2>&1 || fail "first sweep failed"
    # the file as an older vsbench wrote it (before the rr columns and overlap), 10 runs done
    cut -d, -f1-18 "$TMP/res/runs.csv" | head -n 26 >"$TMP/old.csv"
    head -n 1 "$TMP/old.csv" | grep -q ',status,error$' || fail "could not make the old file"
    cp "$TMP/old.csv" "$TMP/res/runs.csv"
    "$PWD/bin/vsreport" summary "$TMP/res" --csv >"$TMP/sum.csv" 2>"$TMP/sum.err" ||
        fail "vsreport refused a file without overlap: $(cat "$TMP/sum.err")"
    sweep --resume >"$TMP/out" 2>&1 || fail "resume failed: $(tail -n 3 "$TMP/out")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "expected 40 rows after resume, got $(rows "$TMP/res")"
    no_duplicates "$TMP/res"
    head -n 1 "$TMP/res/runs.csv" | grep -q ',zerocopy,congestion,overlap$' || fail "header not brought up to date"
    [ "$(tail -n +2 "$TMP/res/runs.csv" | grep -c ',0$')" -eq 40 ] || fail "old rows should read overlap 0"
}

t_sweep_that_never_ran_can_be_retried() {
    start_server
    write_small_profile
    local port=$PORT
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null
    timeout 30 "$VSBENCH" sweep "127.0.0.1:$port" --profile "$TMP/small.profile" --out "$TMP/res" \
        --timeout 1 >"$TMP/out" 2>&1
    [ $? -eq 3 ] || fail "an unreachable server should exit 3: $(cat "$TMP/out")"
    [ -e "$TMP/res/runs.csv" ] && fail "a sweep that could not start left runs.csv"
    # a header-only runs.csv (killed before its first run ended) blocks nothing
    mkdir -p "$TMP/res"
    head -n 1 "$PWD/tests/fixtures/small/runs.csv" >"$TMP/res/runs.csv" 2>/dev/null ||
        fail "no fixture header"
    start_server
    sweep >"$TMP/out" 2>&1 || fail "the retry was refused: $(tail -n 3 "$TMP/out")"
    [ "$(rows "$TMP/res")" -eq 40 ] || fail "expected 40 rows, got $(rows "$TMP/res")"
}
