# t_hostile.sh - results files written by an attacker: every string of
# meta.json and runs.csv is untrusted, whatever output it reaches. Each
# payload would create a file named MARKER* under $TMP if anything ran it
# (vsreport and gnuplot run with $TMP as the working directory or below).
# The outputs are checked with real parsers: xmllint for XML (JUnit, the
# workbook's parts), jq for JSON.

VSREPORT=${VSREPORT:-$PWD/bin/vsreport}
FIXTURE=$PWD/tests/fixtures/small

P_GNUPLOT='x" ; system("touch MARKER1") ; y="'
P_BACKTICK='`touch MARKER2`'
P_SINGLE="' . system(\"touch MARKER3\") . '"
P_SHELL='$(touch MARKER4)'
P_BSLASH='\" . system("touch MARKER5") . "'
P_HTML='<script>alert(1)</script><img src=x onerror=alert(2)>'
P_CTRL=$'a\x01b\e[31mRED\e[0m\e]0;title\a'
P_MD=$'md\n## Injected heading\n| a | b |'

# hostile_meta FILE START: the fixture's meta.json with a payload in every
# string a writer shows (short kernels, so that both fit in a pair label).
hostile_meta() {
    jq --arg g "$P_GNUPLOT" --arg b "$P_BACKTICK" --arg s "$P_SINGLE" --arg sh "$P_SHELL" \
       --arg h "$P_HTML" --arg c "$P_CTRL" --arg m "$P_MD" --arg bs "$P_BSLASH" --arg start "$2" '
        .hosts.local.kernel = $g | .hosts.remote.kernel = $b |
        .hosts.local.os = $c | .hosts.remote.os = ($s + $bs) |
        .hosts.local.hypervisor = $m | .hosts.remote.hypervisor = $sh |
        .hosts.local.cpu_model = $h | .hosts.remote.cpu_model = $m |
        .hosts.local.hostname = $c | .hosts.remote.hostname = $h |
        .hosts.local.os_release = $m | .hosts.remote.os_release = $g |
        .profile.name = $h | .profile.description = $c | .profile.text = $m |
        .status = $h | .start = $start | .version = $c | .git_revision = $m | .control = $g |
        .skipped = [{ "transport": $h, "reason": ($c + $m) }] |
        .schema = 2 |
        .hosts.local.facts = { "net.driver": $h, "cpu.governor": { "unknown": ($c + $m) },
                               "os.kernel": $g, "hv.vendor": $b, "cpu.count": 2 } |
        .hosts.remote.facts = { "cpu.model": ($h + $m) } |
        .paths = [{ "transport": "tcp", "tests": 3,
                    "local": { "net.if": $c, "net.qdisc": $m, "tcp.cc": $h, "net.mtu": 1500 },
                    "remote": { "net.driver": $g } }]' \
        "$FIXTURE/meta.json" >"$1" || fail "jq failed"
}

# hostile_dir DIR [START]: a results directory whose strings are payloads;
# the failed run's error (a quoted CSV field) holds them too, with a byte
# that is not UTF-8.
hostile_dir() {
    mkdir -p "$1"
    hostile_meta "$1/meta.json" "${2:-2026-11-01T10:00:00Z}"
    ERR="\"$(printf '%s' "$P_GNUPLOT $P_HTML $P_CTRL $P_MD" | sed 's/"/""/g') "$'\xff'"\"" \
        awk '$0 ~ /,error,/ { print substr($0, 1, index($0, ",error,") + 6) ENVIRON["ERR"]; next }
             { print }' "$FIXTURE/runs.csv" >"$1/runs.csv" || fail "awk failed"
    grep -q 'Injected' "$1/runs.csv" || fail "payload not planted in runs.csv"
}

no_marker() {
    local found
    found=$(find "$TMP" -name 'MARKER*')
    [ -z "$found" ] || fail "a payload ran: $found"
}

# no_escape FILE...: no ESC (0x1b) and no other C0 control but tab and
# newline reached a terminal output.
no_escape() {
    local f
    for f in "$@"; do
        if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]' "$f"; then
            fail "$(basename "$f") holds a raw control character: $(LC_ALL=C grep -n -P '[\x00-\x08\x0b-\x1f\x7f]' "$f" | head -n 3 | cat -v)"
        fi
    done
}

# no_markup_control FILE...: as no_escape, for HTML and XML, where a
# carriage return is only a line break (parsers read it as one).
no_markup_control() {
    local f
    for f in "$@"; do
        if tr -d '\r' <"$f" | LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]'; then
            fail "$(basename "$f") holds a raw control character: $(tr -d '\r' <"$f" | LC_ALL=C grep -n -P '[\x00-\x08\x0b-\x1f\x7f]' | head -n 3 | cat -v)"
        fi
    done
}

# html_clean FILE...: libxml2's HTML parser (HTML 4) reports nothing but
# the HTML 5 tags it does not know: no stray tag, no bad character or
# encoding, as for a report of clean files.
html_clean() {
    local f html5='Tag \(figure\|figcaption\|details\|summary\|section\|nav\|header\|footer\|main\) invalid'
    for f in "$@"; do
        xmllint --html --noout "$f" >"$TMP/lint" 2>&1 || true
        if grep 'error' "$TMP/lint" | grep -v -q "$html5"; then
            fail "$(basename "$f"): $(grep -A 2 'error' "$TMP/lint" | grep -v "$html5" | head -n 6)"
        fi
    done
}

# well_formed FILE...: each parses as XML.
well_formed() {
    local f
    for f in "$@"; do
        xmllint --noout "$f" 2>"$TMP/xmllint" || fail "$f is not well-formed: $(head -n 5 "$TMP/xmllint")"
    done
}

# no_raw_html FILE: the payload's tags appear only escaped.
no_raw_html() {
    if grep -n -i -e '<script' -e 'onerror' "$1" | grep -v -e '&lt;script' -e '&lt;img' | grep -q .; then
        fail "$(basename "$1") holds raw HTML from a file: $(grep -n -i -e '<script' -e '<img src=x' "$1" | head -n 3)"
    fi
}

t_hostile_gnuplot_titles_run_nothing() {
    hostile_dir "$TMP/h"
    (cd "$TMP" && "$VSREPORT" report "$TMP/h" -o "$TMP/r") >"$TMP/out" 2>&1 ||
        fail "report failed: $(cat "$TMP/out")"
    no_marker
    [ -s "$TMP/r/charts/stream-x1-throughput.png" ] || fail "charts not drawn"
    grep -q '^set label 1 .*touch MARKER1.*touch MARKER5' "$TMP/r/charts/stream-x1-throughput.gp" ||
        fail "the caption lost the payload text (it should be shown, not run)"
    if grep -n '`' "$TMP/r/charts/"*.gp; then
        fail "a backtick reached a gnuplot script"
    fi
    no_escape "$TMP/out" "$TMP/r/charts/"*.gp "$TMP/r/charts/"*.dat
}

t_hostile_report_page_and_workbook() {
    hostile_dir "$TMP/h"
    (cd "$TMP" && "$VSREPORT" report "$TMP/h" -o "$TMP/r" --no-render) >"$TMP/out" 2>&1 ||
        fail "report failed: $(cat "$TMP/out")"
    no_marker
    no_raw_html "$TMP/r/index.html"
    grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$TMP/r/index.html" || fail "payload not shown escaped"
    html_clean "$TMP/r/index.html"
    no_markup_control "$TMP/r/index.html"
    mkdir "$TMP/x" && (cd "$TMP/x" && unzip -q "$TMP/r/report.xlsx") || fail "report.xlsx is not a zip"
    well_formed $(find "$TMP/x" -name '*.xml' -o -name '*.rels')
    grep -q 'Injected heading' "$TMP/x/xl/sharedStrings.xml" || fail "the workbook lost the strings"
    grep -q 'touch MARKER1' "$TMP/x/xl/sharedStrings.xml" || fail "the workbook lost the pair"
    "$VSREPORT" summary "$TMP/h" --csv >"$TMP/c" 2>/dev/null || fail "summary --csv failed"
    cmp -s "$TMP/c" "$TMP/r/summary.csv" || fail "summary.csv is not the (checked) CSV of summary --csv"
}

t_hostile_summary_outputs() {
    hostile_dir "$TMP/h"
    "$VSREPORT" summary "$TMP/h" >"$TMP/t" 2>&1 || fail "summary failed: $(cat "$TMP/t")"
    no_escape "$TMP/t"
    grep -q 'a\\x01b\\x1b\[31mRED' "$TMP/t" || fail "control characters not shown escaped: $(head -n 2 "$TMP/t")"
    "$VSREPORT" summary "$TMP/h" --csv >"$TMP/c" 2>&1 || fail "summary --csv failed"
    no_escape "$TMP/c"
    [ "$(wc -l <"$TMP/c")" -eq 9 ] || fail "the CSV summary gained lines: $(cat "$TMP/c")"
    awk -F'"' 'NR > 1 && $1 != "" { exit 1 }' "$TMP/c" || fail "the pair is not a quoted cell"
    "$VSREPORT" summary "$TMP/h" --json >"$TMP/j" 2>&1 || fail "summary --json failed"
    jq -e '.[0].pair | contains("touch MARKER1")' "$TMP/j" >/dev/null || fail "JSON summary is not valid JSON with the pair"
}

# A formula in a cell a spreadsheet opens is shown as text.
t_hostile_csv_formula() {
    mkdir -p "$TMP/f"
    cp "$FIXTURE/runs.csv" "$TMP/f/"
    jq '.hosts.local.os = "=HYPERLINK(\"http://evil\",\"x\")"' "$FIXTURE/meta.json" >"$TMP/f/meta.json"
    "$VSREPORT" summary "$TMP/f" --csv >"$TMP/c" 2>&1 || fail "summary --csv failed"
    sed -n 2p "$TMP/c" | grep -q "^\"'=HYPERLINK" || fail "formula not neutralised: $(sed -n 2p "$TMP/c")"
}

# The candidate's folder name (its label) is hostile too: a backtick that
# would close a code span, a tag, a line break and a heading, a cell bar.
# Its settings (facts) differ from the baseline's in hostile values: the
# "what changed" table of every format shows them.
t_hostile_compare_outputs() {
    local h="$TMP/"$'c`x` <b>\n## Injected | y\e[2J'
    hostile_dir "$h"
    mkdir -p "$TMP/b" && cp "$FIXTURE/runs.csv" "$TMP/b/"
    jq '.schema = 2 |
        .hosts.local.facts = { "net.driver": "virtio_net", "cpu.governor": "performance",
                               "os.kernel": "6.1", "hv.vendor": "KVM", "cpu.count": 2 } |
        .hosts.remote.facts = { "cpu.model": "Example" } |
        .paths = [{ "transport": "tcp", "tests": 3,
                    "local": { "net.if": "eth0", "net.qdisc": "fq", "tcp.cc": "cubic", "net.mtu": 1500 },
                    "remote": { "net.driver": "virtio_net" } }]' \
        "$FIXTURE/meta.json" >"$TMP/b/meta.json" || fail "jq failed"
    "$VSREPORT" compare "$TMP/b" "$h" --markdown "$TMP/v.md" --junit "$TMP/v.xml" \
        >"$TMP/t" 2>"$TMP/err"
    [ $? -le 1 ] || fail "compare failed: $(cat "$TMP/err")"
    no_marker
    grep -q 'DIFFERENT ENVIRONMENTS' "$TMP/t" || fail "no environment warning (the test needs one)"
    grep -q 'what changed (most' "$TMP/t" || fail "no settings changed (the test needs some): $(cat -v "$TMP/t")"
    no_escape "$TMP/t" "$TMP/err" "$TMP/v.md" "$TMP/v.xml"
    well_formed "$TMP/v.xml"
    grep -q 'alert(1)' "$TMP/v.xml" || fail "JUnit lost the warning's text"
    grep -q '<property name="changed.client.net.driver" value="virtio_net -&gt; &lt;script&gt;' "$TMP/v.xml" ||
        fail "JUnit lost the changed setting: $(grep -n property "$TMP/v.xml" | head -n 5)"
    ! grep -q '<[a-zA-Z/!?]' "$TMP/v.md" || fail "raw HTML in the Markdown: $(grep -n '<[a-zA-Z/!?]' "$TMP/v.md" | head -n 3)"
    [ "$(grep -c '^#' "$TMP/v.md")" -eq 2 ] || fail "a heading was injected: $(grep -n '^#' "$TMP/v.md")"
    ! grep -n '[^\\]`' "$TMP/v.md" || fail "a raw backtick in the Markdown"
    grep -q '^Baseline .*c\\`x\\` &lt;b&gt; \\#\\# Injected \\| y' "$TMP/v.md" ||
        fail "the candidate's label is not shown escaped: $(grep -n '^Baseline' "$TMP/v.md")"
    grep -q '^| ' "$TMP/v.md" || fail "no table"
    awk -F'|' '/^\| tcp|^\| vsock/ && NF != 9 { exit 1 }' "$TMP/v.md" || fail "a table row has extra cells"
    sed 's/\\|//g' "$TMP/v.md" | awk -F'|' '/^\| [0-9]+ \|/ && NF != 7 { exit 1 }' ||
        fail "a row of what changed has extra cells: $(grep -n '^| [0-9]' "$TMP/v.md")"
    "$VSREPORT" compare "$TMP/b" "$h" --json >"$TMP/j" 2>/dev/null
    jq -e '.warnings | length > 0' "$TMP/j" >/dev/null || fail "compare --json is not valid JSON"
    jq -e '.candidate | endswith("y\u001b[2J")' "$TMP/j" >/dev/null || fail "compare --json lost the label"
    jq -e '[.changed[] | select(.candidate | tostring | contains("<script>"))] | length > 0' "$TMP/j" \
        >/dev/null || fail "compare --json lost the changed settings"
}

# Error messages quote the bad value: escaped, never raw.
t_hostile_error_messages() {
    mkdir -p "$TMP/e"
    cp "$FIXTURE/meta.json" "$TMP/e/"
    sed $'5s/,ok,$/,\e[2J\e]0;pwned\a,/' "$FIXTURE/runs.csv" >"$TMP/e/runs.csv"
    "$VSREPORT" summary "$TMP/e" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a bad status should exit 2"
    grep -q 'runs.csv:5:17: bad status' "$TMP/o" || fail "no location: $(cat -v "$TMP/o")"
    no_escape "$TMP/o"
    grep -qF '\x1b[2J' "$TMP/o" || fail "the value is not shown escaped: $(cat -v "$TMP/o")"
}

# The history keeps the strings; show, trend and fleet write them safely.
t_hostile_history() {
    local u=$TMP/h.sqlite n
    for n in 1 2 3 4; do
        hostile_dir "$TMP/n$n" "2026-11-0${n}T05:00:00Z $P_HTML"
        "$VSREPORT" history add --history "$u" --pair "$P_HTML $P_GNUPLOT $P_BACKTICK" \
            "$TMP/n$n" >"$TMP/add" 2>&1 ||
            fail "history add failed: $(cat "$TMP/add")"
    done
    no_escape "$TMP/add"
    # add refuses control characters in a pair, but a history is a file
    # (or a shared database) of its own: plant them there (in a name short
    # enough to be a pair), and one too long to be one, left out
    sqlite3 "$u" "UPDATE sweeps SET pair = '<script>x</script> \`touch MARKER2\` x\" ; system(\"touch MARKER1\") ; y=\"' || char(1) || char(27) || '[31mRED' || char(10) || '## Injected' || char(13) || char(155) || '2J'" ||
        fail "sqlite3 failed"
    sqlite3 "$u" "INSERT INTO sweeps (started, tool_version, git_revision, pair, profile, meta, added) SELECT '2026-11-05T05:00:00Z', tool_version, git_revision, printf('%.300c', 'p'), profile, meta, added FROM sweeps WHERE id = 1" ||
        fail "sqlite3 failed"
    "$VSREPORT" history show --history "$u" >"$TMP/show" 2>&1 || fail "history show failed"
    no_escape "$TMP/show"
    [ "$(wc -l <"$TMP/show")" -eq 6 ] || fail "history show gained lines: $(cat -v "$TMP/show")"
    (cd "$TMP" && "$VSREPORT" history trend --history "$u" -o "$TMP/trend") >"$TMP/tr" 2>&1 ||
        fail "history trend failed: $(cat "$TMP/tr")"
    no_marker
    ! grep -n '`' "$TMP/trend/"*.gp || fail "a backtick reached a trend script"
    no_escape "$TMP/trend/changepoints.txt" "$TMP/trend/"*.gp "$TMP/trend/"*.dat
    (cd "$TMP" && "$VSREPORT" history fleet --history "$u" -o "$TMP/fleet") >"$TMP/fl" 2>&1 ||
        fail "history fleet failed: $(cat "$TMP/fl")"
    no_marker
    no_raw_html "$TMP/fleet/index.html"
    html_clean "$TMP/fleet/index.html"
    no_markup_control "$TMP/fleet/index.html"
    no_escape "$TMP/fleet/fleet.md"
    ! grep -q '<' "$TMP/fleet/fleet.md" || fail "raw HTML in fleet.md"
    [ "$(grep -c '^#' "$TMP/fleet/fleet.md")" -eq 1 ] || fail "a heading was injected into fleet.md"
    jq -e '.' "$TMP/fleet/fleet.json" >/dev/null || fail "fleet.json is not valid JSON"
    jq -e '.pairs | length == 1' "$TMP/fleet/fleet.json" >/dev/null || fail "fleet.json: not one pair (the overlong one left out): $(jq -c .pairs "$TMP/fleet/fleet.json")"
}

# A FIFO, a directory or a device in a file's place: one clear line at
# once (a FIFO with no writer would block a plain open forever).
t_hostile_file_kinds() {
    mkdir -p "$TMP/k"
    cp "$FIXTURE/meta.json" "$TMP/k/"
    mkfifo "$TMP/k/runs.csv"
    timeout 10 "$VSREPORT" summary "$TMP/k" >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a FIFO runs.csv: expected exit 2 at once, got: $(cat "$TMP/o")"
    grep -q 'runs.csv: a FIFO (named pipe), not a regular file' "$TMP/o" || fail "$(cat "$TMP/o")"
    rm "$TMP/k/runs.csv" && mkdir "$TMP/k/runs.csv"
    timeout 10 "$VSREPORT" summary "$TMP/k" >"$TMP/o" 2>&1
    grep -q 'runs.csv: a directory, not a regular file' "$TMP/o" || fail "$(cat "$TMP/o")"
    rmdir "$TMP/k/runs.csv" && ln -s /dev/zero "$TMP/k/runs.csv"
    timeout 10 "$VSREPORT" summary "$TMP/k" >"$TMP/o" 2>&1
    grep -q 'runs.csv: a device, not a regular file' "$TMP/o" || fail "$(cat "$TMP/o")"
    rm "$TMP/k/runs.csv" && cp "$FIXTURE/runs.csv" "$TMP/k/" && rm "$TMP/k/meta.json"
    timeout 10 "$VSREPORT" summary "$TMP/k" >"$TMP/o" 2>&1
    grep -q 'meta.json: missing' "$TMP/o" || fail "missing meta.json: $(cat "$TMP/o")"
    ! grep -q -- '-1:-1' "$TMP/o" || fail "missing meta.json: $(cat "$TMP/o")"
    timeout 10 "$VSREPORT" summary "$TMP" >"$TMP/o" 2>&1
    grep -q 'not a vsbench results directory' "$TMP/o" || fail "$(cat "$TMP/o")"
    [ "$(wc -l <"$TMP/o")" -eq 1 ] || fail "not one line: $(cat "$TMP/o")"
}

# A torn last row is skipped with its line, on stderr and on the page;
# never averaged in.
t_hostile_torn_row() {
    mkdir -p "$TMP/t"
    cp "$FIXTURE/meta.json" "$TMP/t/"
    { cat "$FIXTURE/runs.csv"; printf 'tcp,stream,65536,65536,65536,1024,1,all,9,5.0,1,9999.5'; } \
        >"$TMP/t/runs.csv"
    "$VSREPORT" summary "$TMP/t" --json >"$TMP/j" 2>"$TMP/err" || fail "summary failed: $(cat "$TMP/err")"
    grep -q 'runs.csv:52: the last row is cut off' "$TMP/err" || fail "no warning: $(cat "$TMP/err")"
    jq -e '[.[] | select(.max > 100)] | length == 0' "$TMP/j" >/dev/null || fail "the torn row was averaged in"
    "$VSREPORT" report "$TMP/t" -o "$TMP/r" --no-render >/dev/null 2>&1 || fail "report failed"
    grep -q 'runs.csv:52: the last row is cut off' "$TMP/r/index.html" || fail "the page does not warn"
}

# The latency logs of rr runs (DIR/latency/*.hlog) are files of the
# results directory too: a FIFO in a log's place is refused at once, a
# malformed log is named with its line, and neither stops on the way.
t_hostile_latency_logs() {
    local log=rr-tcp-default-1-1-x1-b0-run1.hlog run
    mkdir -p "$TMP/l/latency"
    cp "$FIXTURE/meta.json" "$TMP/l/"
    {
        printf '%s' "transport,test,sock_req,sock_eff_local,sock_eff_remote,msg,sessions,session,"
        printf '%s' "run,seconds,bytes,gbps,cpu_local,cpu_remote,sd_local,sd_remote,status,error,"
        printf '%s' "resp,burst,transactions,tps,lat_mean_us,lat_stdev_us,lat_min_us,lat_p50_us,"
        printf '%s\n' "lat_p90_us,lat_p99_us,lat_p999_us,lat_p9999_us,lat_max_us,sdt_local,sdt_remote,pin_local,pin_remote"
        for run in 1 2; do
            printf 'tcp,rr,0,1,1,1,1,all,%d,1.0,2,0.1,50,50,1,1,ok,,1,0,10000,10000.0,10.0,1,5.0,' "$run"
            printf '10.0,12.0,20.0,40.0,60.0,80.0,2.5,1.5,,\n'
        done
    } >"$TMP/l/runs.csv"
    "$VSREPORT" summary "$TMP/l" >"$TMP/o" 2>&1 || fail "the rr results do not load: $(cat "$TMP/o")"
    mkfifo "$TMP/l/latency/$log"
    timeout 10 "$VSREPORT" report "$TMP/l" -o "$TMP/r" --no-render >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a FIFO log: expected exit 2 at once, got: $(cat "$TMP/o")"
    grep -q "latency/$log: a FIFO (named pipe), not a regular file" "$TMP/o" || fail "$(cat "$TMP/o")"
    rm "$TMP/l/latency/$log"
    printf '#[Histogram log format version 1.3]\n0.000,1.000,2.000,%s\n' "$P_GNUPLOT" \
        >"$TMP/l/latency/$log"
    timeout 10 "$VSREPORT" report "$TMP/l" -o "$TMP/r" --no-render >"$TMP/o" 2>&1
    [ $? -eq 2 ] || fail "a malformed log: expected exit 2, got: $(cat "$TMP/o")"
    grep -q "latency/$log:2: bad histogram" "$TMP/o" || fail "$(cat "$TMP/o")"
    rm "$TMP/l/latency/$log"
    "$VSREPORT" report "$TMP/l" -o "$TMP/r" --no-render >"$TMP/o" 2>&1 ||
        fail "without logs the report is made: $(cat "$TMP/o")"
}
