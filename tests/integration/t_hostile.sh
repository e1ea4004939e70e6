# t_hostile.sh - results files written by an attacker: every string of
# meta.json and runs.csv is untrusted, whatever output it reaches.

VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
FIXTURE=$PWD/tests/fixtures/small

# hostile_dir DIR: the fixture with shell and gnuplot payloads in the
# strings that reach chart captions (kernel, os, hypervisor of both hosts).
# Every payload would create a file named MARKER* in the working directory
# or the charts folder if gnuplot ran it.
hostile_dir() {
    mkdir -p "$1"
    cp "$FIXTURE/runs.csv" "$1/"
    jq '.hosts.local.kernel = "x\" ; system(\"touch MARKER1\") ; y=\"" |
        .hosts.remote.kernel = "`touch MARKER2`" |
        .hosts.local.os = "a'"'"' . system(\"touch MARKER3\") . '"'"'b" |
        .hosts.remote.os = "\\\" . system(\"touch MARKER4\") . \"" |
        .hosts.local.hypervisor = "K\nVM\u0001 @x $(touch MARKER5)"' \
        "$FIXTURE/meta.json" >"$1/meta.json" || fail "jq failed"
}

no_marker() {
    local found
    found=$(find "$TMP" -name 'MARKER*')
    [ -z "$found" ] || fail "a payload ran: $found"
}

t_hostile_gnuplot_titles_run_nothing() {
    hostile_dir "$TMP/h"
    (cd "$TMP" && "$VSREPORT" report "$TMP/h" -o "$TMP/r") >"$TMP/out" 2>&1 ||
        fail "report failed: $(cat "$TMP/out")"
    no_marker
    [ -s "$TMP/r/charts/stream-x1-throughput.png" ] || fail "charts not drawn"
    grep -q '^set label 1 .*touch MARKER2' "$TMP/r/charts/stream-x1-throughput.gp" ||
        fail "the caption lost the payload text (it should be shown, not run)"
    if grep -n '`' "$TMP/r/charts/"*.gp; then
        fail "a backtick reached a gnuplot script"
    fi
}
