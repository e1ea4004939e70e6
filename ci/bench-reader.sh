#!/usr/bin/env bash
# bench-reader.sh - `make bench`: how fast vsreport reads a large runs.csv.
# Makes a results directory of SIZE_MB (default 200) MB of runs.csv (a
# long sweep: 144 points, 1 to 16 sessions, runs repeated), then times, on
# the same file and with the page cache warm, best of REPS (default 3):
#   wc -l          reading the bytes
#   awk            reading and splitting every field (a reference parser)
#   vsreport summary   reading, checking and summarizing every row
# and prints the ratios. The goal (issue 11): summary within 3x of
# `wc -l` plus parsing, i.e. of awk. A benchmark, not a test: nothing is
# asserted (timings on shared machines are noisy).
set -u
cd "$(dirname "$0")/.." || exit 2
SIZE_MB=${SIZE_MB:-200}
REPS=${REPS:-3}
DIR=build/bench-reader/${SIZE_MB}mb
VSREPORT=${VSREPORT:-bin/vsreport}

# make_runs MB: runs.csv of about MB megabytes, rows as a sweep writes them
# (the sessions of a run, then its aggregate row "all").
make_runs() {
    awk -v mb="$1" 'BEGIN {
        print "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session," \
              "run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error"
        split("tcp vsock", tr, " "); split("65536 262144 1048576", so, " ")
        split("64 512 1024 4096 16384 65536 131072 262144", ms, " "); split("1 4 16", se, " ")
        srand(11); bytes = 0; run = 0
        while (bytes < mb * 1e6) {
            run++
            for (t = 1; t <= 2; t++) for (s = 1; s <= 3; s++) for (m = 1; m <= 8; m++)
            for (n = 1; n <= 3; n++) {
                g = (t == 1 ? 20 : 12) * (1 + 0.05 * (rand() - 0.5)) / se[n]
                for (k = 1; k <= se[n] + 1; k++) {
                    line = sprintf("%s,stream,%s,%s,%s,%s,%s,%s,%d,5.000000,%d,%.6f,%.3f,%.3f," \
                                   "%.6f,%.6f,ok,", tr[t], so[s], so[s], so[s], ms[m], se[n],
                                   k > se[n] ? "all" : k, run, g * 6.25e8 * (k > se[n] ? se[n] : 1),
                                   g * (k > se[n] ? se[n] : 1), 40 + 10 * rand(), 45 + 10 * rand(),
                                   2 + rand(), 2 + rand())
                    print line
                    bytes += length(line) + 1
                }
            }
        }
    }'
}

if [ ! -s "$DIR/runs.csv" ]; then
    echo "bench-reader: writing $DIR/runs.csv (${SIZE_MB} MB)..."
    mkdir -p "$DIR"
    make_runs "$SIZE_MB" >"$DIR/runs.csv.tmp" && mv "$DIR/runs.csv.tmp" "$DIR/runs.csv" || exit 2
    cp tests/fixtures/small/meta.json "$DIR/meta.json"
fi

# best CMD...: the best wall time of REPS runs, in seconds.
best() {
    local b= t0 t1 t i
    for i in $(seq 1 "$REPS"); do
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || { echo "bench-reader: failed: $*" >&2; echo nan; return; }
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    printf '%.3f\n' "$b"
}

cat "$DIR/runs.csv" >/dev/null # warm the page cache
rows=$(($(wc -l <"$DIR/runs.csv") - 1))
w=$(best wc -l "$DIR/runs.csv")
a=$(best awk -F, '{ s += $12 } END { print s }' "$DIR/runs.csv")
v=$(best "$VSREPORT" summary "$DIR")
printf 'runs.csv: %s MB, %s rows\n' "$(($(stat -c %s "$DIR/runs.csv") / 1000000))" "$rows"
printf '%-18s %8s s\n' "wc -l" "$w" "awk (split)" "$a" "vsreport summary" "$v"
printf 'summary / wc -l: %.1fx; summary / awk: %.2fx (goal: within 3x of awk)\n' \
    "$(echo "$v / $w" | bc -l)" "$(echo "$v / $a" | bc -l)"
