# t_report.sh - vsreport on the checked-in fixture (tests/fixtures/small).

VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
FIXTURE=$PWD/tests/fixtures/small

t_report_writes_every_file() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" >"$TMP/out" 2>&1 || fail "report failed: $(cat "$TMP/out")"
    grep -q "index.html" "$TMP/out" || fail "report does not say where the page is"
    for kind in throughput ratio cpu; do
        local b="$TMP/r/charts/stream-x1-$kind"
        for ext in gp dat png svg pdf; do
            [ -s "$b.$ext" ] || fail "missing $b.$ext"
        done
        [ "$(head -c 8 "$b.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$b.png is not a PNG"
        [ "$(stat -c %s "$b.png")" -gt 5000 ] || fail "$b.png is suspiciously small"
        head -c 5 "$b.pdf" | grep -q '%PDF-' || fail "$b.pdf is not a PDF"
        grep -q '<svg' "$b.svg" || fail "$b.svg is not SVG"
        grep -q '</svg>' "$b.svg" || fail "$b.svg is truncated"
    done
    [ -s "$TMP/r/index.html" ] && [ -s "$TMP/r/report.xlsx" ] || fail "no page or workbook"
    [ -s "$TMP/r/data/1-small/runs.csv" ] && [ -s "$TMP/r/data/1-small/meta.json" ] || fail "raw files not copied"
}

t_report_xlsx_summary_holds_the_means() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    unzip -tq "$TMP/r/report.xlsx" >/dev/null || fail "report.xlsx is not a valid zip"
    unzip -p "$TMP/r/report.xlsx" xl/workbook.xml | grep -q 'name="Summary"' || fail "no Summary sheet"
    unzip -p "$TMP/r/report.xlsx" xl/workbook.xml | grep -q 'name="Runs"' || fail "no Runs sheet"
    unzip -p "$TMP/r/report.xlsx" xl/workbook.xml | grep -q 'name="Environment"' || fail "no Environment sheet"
    [ "$(unzip -l "$TMP/r/report.xlsx" | grep -c 'xl/charts/chart')" -ge 1 ] || fail "no native chart"
    # means per point computed here, independently of vsreport
    awk -F, 'NR > 1 && $8 == "all" && $17 == "ok" { k = $1 FS $3 FS $6; s[k] += $12; n[k]++ }
             END { for (k in s) printf "%.9f\n", s[k] / n[k] }' "$FIXTURE/runs.csv" >"$TMP/means"
    [ "$(wc -l <"$TMP/means")" -eq 8 ] || fail "expected 8 points in the fixture"
    unzip -p "$TMP/r/report.xlsx" xl/worksheets/sheet1.xml | grep -o '<v>[^<]*</v>' |
        sed 's/<v>\(.*\)<\/v>/\1/' >"$TMP/values"
    while read -r m; do
        awk -v m="$m" '{ d = $1 - m; if (d < 0) d = -d; if (d < 1e-6) found = 1 }
                       END { exit !found }' "$TMP/values" || fail "mean $m is not in the Summary sheet"
    done <"$TMP/means"
}

t_report_html_links_exist() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" >/dev/null 2>&1 || fail "report failed"
    grep -o -E '(src|href)="[^"]*"' "$TMP/r/index.html" | sed -E 's/^(src|href)="(.*)"$/\2/' >"$TMP/links"
    [ "$(wc -l <"$TMP/links")" -ge 10 ] || fail "too few links in the page"
    while read -r l; do
        case "$l" in
            http:* | https:* | //*) fail "the page needs the network: $l" ;;
        esac
        [ -e "$TMP/r/$l" ] || fail "index.html links to a missing file: $l"
    done <"$TMP/links"
    grep -q 'failed run' "$TMP/r/index.html" || fail "the failed run is not warned about"
    grep -q 'Connection reset by peer' "$TMP/r/index.html" || fail "the failure's error is not shown"
}

t_report_golden_scripts() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    for f in tests/golden/charts/*; do
        diff -u "$f" "$TMP/r/charts/$(basename "$f")" >"$TMP/diff" || fail "$(basename "$f") differs from its golden file:
$(head -n 30 "$TMP/diff")"
    done
}

t_report_paper_size() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" --paper >/dev/null 2>&1 || fail "report --paper failed"
    grep -a -q 'MediaBox \[ *0 0 252 ' "$TMP/r/charts/stream-x1-throughput.pdf" \
        || fail "--paper PDF is not 3.5 in (252 pt) wide"
    grep -q 'Times' "$TMP/r/charts/stream-x1-throughput.gp" || fail "--paper does not use a serif font"
}

t_summary_formats() {
    "$VSREPORT" summary "$FIXTURE" >"$TMP/t" || fail "summary failed"
    grep -q 'vsock 256K' "$TMP/t" || fail "no series column"
    grep -q '13.500 +/-' "$TMP/t" || fail "vsock 256K 16K mean missing"
    "$VSREPORT" summary "$FIXTURE" --json >"$TMP/j" || fail "summary --json failed"
    jq_true "$TMP/j" 'length == 8 and ([.[] | select(.transport == "vsock" and .sock == 262144 and .msg == 16384)][0] | .n == 3 and .failed == 1 and .mean == 13.5)' \
        "JSON summary figures"
    "$VSREPORT" summary "$FIXTURE" --csv >"$TMP/c" || fail "summary --csv failed"
    [ "$(wc -l <"$TMP/c")" -eq 9 ] || fail "CSV summary should have a header and 8 rows"
}

# one_run_interrupted DIR: the fixture cut to its first run of each point,
# as a sweep interrupted after it would have left it
one_run_interrupted() {
    mkdir -p "$1"
    awk -F, 'NR == 1 || $9 == 1' "$FIXTURE/runs.csv" >"$1/runs.csv"
    sed 's/"status": "complete"/"status": "interrupted"/' "$FIXTURE/meta.json" >"$1/meta.json"
}

t_summary_one_run_and_interrupted() {
    one_run_interrupted "$TMP/one"
    "$VSREPORT" summary "$TMP/one" >"$TMP/t" || fail "summary failed"
    grep -q '^note: .*one: the sweep was interrupted after' "$TMP/t" || fail "no interrupted note: $(cat "$TMP/t")"
    grep -q '+/- n/a' "$TMP/t" || fail "n = 1 not shown as n/a: $(cat "$TMP/t")"
    grep -q '+/- 0.000' "$TMP/t" && fail "n = 1 shown with a zero interval"
    grep -q '^n/a: .* 1 successful run have no interval' "$TMP/t" || fail "no note for n/a"
    "$VSREPORT" summary "$TMP/one" --json >"$TMP/j" || fail "summary --json failed"
    jq_true "$TMP/j" '[.[] | select(.n == 1) | .ci == null] | all' "JSON ci of one run is null"
    "$VSREPORT" summary "$TMP/one" --csv >"$TMP/c" || fail "summary --csv failed"
    awk -F, 'NR > 1 && $8 == 1 && $13 != "" { bad = 1 } END { exit bad }' "$TMP/c" ||
        fail "CSV ci of one run is not empty"
    # the complete fixture has no note, and 2 runs show their range
    "$VSREPORT" summary "$FIXTURE" >"$TMP/t2" || fail "summary failed"
    grep -q '^note:' "$TMP/t2" && fail "a complete sweep noted as unfinished"
    return 0
}

t_report_xlsx_charts_print() {
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    local x=$TMP/r/report.xlsx
    # a whisker per bar: fixed error bars, one legend entry per series kept
    unzip -p "$x" xl/charts/chart1.xml >"$TMP/c1"
    [ "$(grep -o '<c:errValType val="fixedVal"/>' "$TMP/c1" | wc -l)" -ge 8 ] ||
        fail "the native chart has no per-point error bars"
    grep -q '<c:legendEntry>' "$TMP/c1" || fail "duplicate legend entries not removed"
    # the Charts sheet prints landscape, one page wide, one chart a page
    unzip -p "$x" xl/workbook.xml | grep -q '<sheet name="Chart series" sheetId="[0-9]*" state="hidden"' ||
        fail "the helper sheet is not hidden"
    unzip -p "$x" xl/worksheets/sheet2.xml >"$TMP/s2"
    grep -q '<pageSetup fitToHeight="0" orientation="landscape"/>' "$TMP/s2" || fail "Charts not landscape, fit to width"
    grep -q '<pageSetUpPr fitToPage="1"/>' "$TMP/s2" || fail "Charts not fit to the page"
    # the Summary sheet is as wide as its host pairs
    unzip -p "$x" xl/worksheets/sheet1.xml | grep -q '<col min="1" max="1" width="6[0-9]' ||
        fail "the host pair column is not as wide as the pair"
}

t_report_html_warnings_and_precision() {
    one_run_interrupted "$TMP/one"
    "$VSREPORT" report "$FIXTURE" "$TMP/one" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    local page=$TMP/r/index.html
    # a summary line per kind of warning, the points in a collapsed table
    grep -q '<details class="warn"><summary>1 point with failed runs (not averaged in)</summary>' "$page" ||
        fail "failed runs are not one collapsible summary"
    grep -q '<p class="warn">The sweep in <code>[^<]*one</code> was interrupted after' "$page" ||
        fail "the interrupted sweep is not noted"
    [ "$(grep -c '<details' "$page")" -eq "$(grep -c '</details>' "$page")" ] || fail "unbalanced details"
    # every panel says how precise it is
    [ "$(grep -c '<p class="precision"><b>How precise is this:</b>' "$page")" -eq \
      "$(grep -c '^<h2>stream' "$page")" ] || fail "not one precision line per panel"
    grep -q 'are &plusmn;[0-9.]*% of the mean (median over [0-9]* points' "$page" ||
        fail "no median CI width"
    "$VSREPORT" report "$TMP/one" -o "$TMP/r1" --no-render >/dev/null 2>&1 || fail "report failed"
    grep -q '&plusmn; n/a' "$TMP/r1/index.html" || fail "n = 1 not shown as n/a in the page"
    grep -q 'whiskers: none where 1 run' "$TMP/r1/charts/stream-x1-throughput.gp" ||
        fail "the caption does not say one run has no whisker"
}

t_report_refuses_malformed() {
    mkdir -p "$TMP/bad"
    cp "$FIXTURE/meta.json" "$TMP/bad/"
    sed '5s/,ok,$/,okay,/' "$FIXTURE/runs.csv" >"$TMP/bad/runs.csv"
    "$VSREPORT" summary "$TMP/bad" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "malformed input should exit 2"
    grep -q 'runs.csv:5:17: bad status' "$TMP/o" || fail "error lacks file:line: $(cat "$TMP/o")"
    "$VSREPORT" summary "$TMP/nonexistent" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a missing directory should exit 2"
}

t_report_warns_clamped_buffers() {
    mkdir -p "$TMP/clamped"
    cp "$FIXTURE/meta.json" "$TMP/clamped/"
    # the OS gave 212992 bytes where 262144 were asked (Linux's default wmem_max)
    sed 's/^\(tcp,stream,262144\),262144,262144,/\1,212992,212992,/' "$FIXTURE/runs.csv" \
        >"$TMP/clamped/runs.csv"
    "$VSREPORT" report "$TMP/clamped" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    grep -q '<summary>[0-9]* points* with buffers smaller than requested' "$TMP/r/index.html" ||
        fail "no clamped-buffer warning"
    grep -q '<td class="l">tcp stream 256K/16K x1</td><td>208K</td><td>208K</td>' "$TMP/r/index.html" ||
        fail "clamped point not named"
    [ "$(grep -c 'with buffers smaller than requested' "$TMP/r/index.html")" -eq 1 ] || fail "warnings not grouped"
}

# One label module: a point with the system's default socket size reads
# "default" in the table, the charts, the workbook, the page and the
# comparison outputs - never "0" in one and "default" in another.
t_report_labels_same_everywhere() {
    mkdir -p "$TMP/def"
    cp "$FIXTURE/meta.json" "$TMP/def/"
    sed 's/^\(tcp,stream\),65536,/\1,0,/' "$FIXTURE/runs.csv" >"$TMP/def/runs.csv"
    grep -q '^tcp,stream,0,' "$TMP/def/runs.csv" || fail "fixture not rewritten"
    "$VSREPORT" summary "$TMP/def" >"$TMP/table" || fail "summary failed"
    "$VSREPORT" report "$TMP/def" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    "$VSREPORT" compare "$TMP/def" "$TMP/def" --markdown "$TMP/v.md" >"$TMP/verdicts" 2>&1
    unzip -p "$TMP/r/report.xlsx" xl/sharedStrings.xml >"$TMP/strings"
    for out in "$TMP/table" "$TMP/r/index.html" "$TMP/r/charts/stream-x1-throughput.gp" \
               "$TMP/strings"; do
        grep -q 'tcp default' "$out" || fail "$(basename "$out") lacks 'tcp default'"
        ! grep -q -E 'tcp 0([^0-9.]|$)' "$out" || fail "$(basename "$out") says 'tcp 0'"
    done
    for out in "$TMP/verdicts" "$TMP/v.md"; do
        grep -q 'tcp stream default/1K x1' "$out" || fail "$(basename "$out") lacks the point label"
    done
}

# Without gnuplot everything but the drawings is written, and the page and
# stderr say why; --gnuplot names the program when PATH does not have it.
t_report_without_gnuplot() {
    local gp
    gp=$(command -v gnuplot) || fail "gnuplot is not installed here"
    PATH=/nonexistent "$VSREPORT" report "$FIXTURE" -o "$TMP/r" >"$TMP/out" 2>"$TMP/err" \
        || fail "report without gnuplot failed: $(cat "$TMP/err")"
    grep -q 'charts skipped: gnuplot was not found on PATH' "$TMP/err" || fail "stderr lacks the note: $(cat "$TMP/err")"
    grep -q 'Charts not drawn: gnuplot was not found on PATH.*--gnuplot PATH' "$TMP/r/index.html" \
        || fail "the page lacks the note"
    ! grep -q '<img' "$TMP/r/index.html" || fail "the page shows charts that were not drawn"
    [ -s "$TMP/r/report.xlsx" ] && [ -s "$TMP/r/summary.csv" ] || fail "no workbook or summary.csv"
    [ -s "$TMP/r/charts/stream-x1-throughput.gp" ] || fail "no gnuplot scripts"
    [ ! -e "$TMP/r/charts/stream-x1-throughput.png" ] || fail "a chart was drawn without gnuplot"
    "$VSREPORT" summary "$FIXTURE" --csv | cmp -s - "$TMP/r/summary.csv" || fail "summary.csv differs from summary --csv"
    PATH=/nonexistent "$VSREPORT" report "$FIXTURE" -o "$TMP/r2" --gnuplot "$gp" >"$TMP/out" 2>"$TMP/err" \
        || fail "report --gnuplot failed: $(cat "$TMP/err")"
    [ -s "$TMP/r2/charts/stream-x1-throughput.png" ] || fail "--gnuplot did not draw"
    ! grep -q 'Charts not drawn' "$TMP/r2/index.html" || fail "a note although the charts were drawn"
    "$VSREPORT" report "$FIXTURE" -o "$TMP/r3" --gnuplot "$TMP/no-gnuplot" >"$TMP/out" 2>&1
    [ $? -eq 2 ] && grep -q -- '--gnuplot .*no such program' "$TMP/out" || fail "a wrong --gnuplot: $(cat "$TMP/out")"
}

# A small rr and crr sweep on loopback, then every output of vsreport.
t_rr_sweep_reported() {
    start_server
    cat >"$TMP/rr.profile" <<'P'
[sweep]
name = rr-small
transports = tcp, unix
tests = rr, crr
sock-sizes = 0
msg-sizes = 1, 1K
sessions = 1
runs = 2
duration = 0.3
warmup = 0.1
P
    timeout 100 "$VSBENCH" sweep "127.0.0.1:$PORT" --profile "$TMP/rr.profile" --out "$TMP/res" \
        >"$TMP/sweep.out" 2>&1 || fail "sweep failed: $(tail -n 5 "$TMP/sweep.out")"
    [ "$(ls "$TMP/res/latency" | wc -l)" -eq 16 ] || fail "expected one latency log per run"
    ls "$TMP/res/latency" | grep -qx 'crr-unix-default-1024-1024-x1-b0-run2.hlog' || fail "log names"
    "$VSREPORT" report "$TMP/res" -o "$TMP/r" >"$TMP/out" 2>&1 || fail "report failed: $(cat "$TMP/out")"
    for kind in tps p50 p99 p999 cpu nines-1 nines-1024; do
        for t in rr crr; do
            [ -s "$TMP/r/charts/$t-x1-$kind.svg" ] || fail "missing chart $t-x1-$kind"
        done
    done
    grep -q 'set logscale y' "$TMP/r/charts/rr-x1-nines-1.gp" || fail "nines chart not logarithmic"
    [ "$(grep -c '^# .*transactions$' "$TMP/r/charts/rr-x1-nines-1.dat")" -eq 2 ] \
        || fail "one curve per transport"
    unzip -p "$TMP/r/report.xlsx" xl/workbook.xml | grep -q 'name="Latency"' || fail "no Latency sheet"
    grep -q 'Latency: request/response' "$TMP/r/index.html" || fail "no latency section on the page"
    "$VSREPORT" summary "$TMP/res" --csv >"$TMP/s.csv" || fail "summary --csv failed"
    [ "$(awk -F, 'NR > 1 && $21 > 0 && $24 > 0' "$TMP/s.csv" | wc -l)" -eq 8 ] \
        || fail "summary --csv: transactions/s and p50 for the 8 points"
    "$VSREPORT" compare "$TMP/res" "$TMP/res" >"$TMP/cmp" 2>&1 || fail "A/A compare: $(cat "$TMP/cmp")"
    grep -q 'p50 / p99 latency' "$TMP/cmp" || fail "compare has no latency table"
}
