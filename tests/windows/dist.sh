#!/usr/bin/env bash
# dist.sh - the Windows zip as a user gets it: unpacked into a fresh wine
# prefix (a folder with a space, Windows paths throughout), `vsbench.exe
# info`, a short sweep against a Linux server (bin/vsbench serve on an
# ephemeral loopback port) and `vsreport.exe report` on its results:
# workbook, page and CSV always; without gnuplot a note in the page and
# on stderr; with a gnuplot.exe (a stand-in: fake_gnuplot.c) given by
# --gnuplot or found on PATH, the charts drawn.
#   tests/dist.sh ZIP FAKE-GNUPLOT.exe
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/windows/lib.sh
ZIP=$1 FAKE=$2

need_wine
start=$(date +%s)
win_prefix "$TMP/prefix"
echo "       fresh wine prefix: $(($(date +%s) - start)) s"
C=$WINEPREFIX/drive_c
# D (Windows) is $C/vsb test/vsbench-win64 (Linux)
D='C:\vsb test\vsbench-win64' W='C:\vsb test'
mkdir -p "$C/vsb test"
unzip -q "$ZIP" -d "$C/vsb test"
expect "the zip unpacks"
missing=
for f in vsbench.exe vsreport.exe README.md LICENSE THIRD-PARTY-NOTICES.txt docs/windows.md \
         docs/vsbench.1 docs/vsreport.1 profiles/quick.profile profiles/paper.profile \
         profiles/nightly.profile; do
    [ -s "$C/vsb test/vsbench-win64/$f" ] || missing="$missing $f"
done
[ -z "$missing" ]
expect "the zip holds both exes, README, LICENSE, notices, docs and profiles${missing:+ (missing:$missing)}"
grep -q 'jansson' "$C/vsb test/vsbench-win64/THIRD-PARTY-NOTICES.txt" &&
    grep -q 'libxlsxwriter' "$C/vsb test/vsbench-win64/THIRD-PARTY-NOTICES.txt" &&
    grep -q 'inih' "$C/vsb test/vsbench-win64/THIRD-PARTY-NOTICES.txt"
expect "the notices name what the exes link"

timeout 60 wine "$D\\vsbench.exe" info >"$TMP/info" 2>&1
grep -q '^os .*Windows' "$TMP/info" && grep -q '^  tcp  *yes' "$TMP/info"
expect "vsbench.exe info" "$TMP/info"

linux_server || { finish; exit; }
tiny_profile "$C/vsb test/tiny.profile"
timeout 120 wine "$D\\vsbench.exe" sweep "127.0.0.1:$PORT" --profile "$W\\tiny.profile" \
    --out "$W\\results" >"$TMP/sweep" 2>&1
[ $? -eq 0 ] && [ "$(grep -c ',all,' "$C/vsb test/results/runs.csv")" -eq 8 ]
expect "a sweep against the Linux server into $W\\results" "$TMP/sweep"

# report NAME OUT [OPTION...]: vsreport.exe report of the sweep into $W\OUT
report() {
    local name=$1 out=$2
    shift 2
    (cd "$C" && timeout 120 wine "$D\\vsreport.exe" report "$W\\results" -o "$W\\$out" "$@") \
        >"$TMP/$out.out" 2>"$TMP/$out.err"
    expect "vsreport.exe report, $name" "$TMP/$out.err"
}
# written OUT: the workbook, the page, the CSV and the copies are there
written() {
    local o="$C/vsb test/$1"
    unzip -tq "$o/report.xlsx" >/dev/null 2>&1 && [ -s "$o/index.html" ] &&
        [ "$(wc -l <"$o/summary.csv")" -eq 5 ] && [ -s "$o/data/1-results/runs.csv" ]
    expect "  report.xlsx (a valid zip), index.html, summary.csv and the raw copies" "$o/index.html"
}

report "no gnuplot on PATH" report
written report
tr -d '\r' <"$TMP/report.err" | grep -q 'charts skipped: gnuplot was not found on PATH'
expect "  stderr says the charts were skipped and why" "$TMP/report.err"
grep -q 'Charts not drawn: gnuplot was not found on PATH' "$C/vsb test/report/index.html" &&
    ! grep -q '<img' "$C/vsb test/report/index.html"
expect "  the page says so, and shows no missing drawing" "$C/vsb test/report/index.html"

mkdir -p "$C/Program Files/gnuplot/bin"
cp "$FAKE" "$C/Program Files/gnuplot/bin/gnuplot.exe"
report "--gnuplot 'C:\\Program Files\\gnuplot\\bin\\gnuplot.exe'" "report 2" \
    --gnuplot 'C:\Program Files\gnuplot\bin\gnuplot.exe'
written "report 2"
log="$C/vsb test/report 2/charts/fake-gnuplot.log"
[ "$(ls "$C/vsb test/report 2/charts/"*.svg 2>/dev/null | wc -l)" -eq 6 ] &&
    [ "$(grep -c '^-e$' "$log")" -eq 6 ] &&
    grep -qxF "cd 'C:\\vsb test\\report 2/charts'" "$log" &&
    grep -qx 'stream-x1-throughput.gp' "$log" &&
    grep -q '<img src="charts/stream-x1-throughput.svg"' "$C/vsb test/report 2/index.html" &&
    ! grep -q 'Charts not drawn' "$C/vsb test/report 2/index.html"
expect "  gnuplot.exe ran once per chart, its arguments whole; the page shows the charts" "$log"
WINEPATH='C:\Program Files\gnuplot\bin' report "gnuplot.exe on PATH" "report 3"
[ "$(ls "$C/vsb test/report 3/charts/"*.svg 2>/dev/null | wc -l)" -eq 6 ]
expect "  gnuplot.exe found on PATH draws the charts" "$TMP/report 3.err"

(cd "$C" && timeout 60 wine "$D\\vsreport.exe" history show) >"$TMP/history" 2>&1
[ $? -eq 4 ] && grep -q 'no history support.*SQLITE_SRC=DIR' "$TMP/history"
expect "vsreport.exe history: no history support in this build, and how to add it (exit 4)" "$TMP/history"
echo "       $ZIP: $(stat -c %s "$ZIP") bytes"
finish
