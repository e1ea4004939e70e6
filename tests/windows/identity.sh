#!/usr/bin/env bash
# identity.sh - vsreport.exe under wine and the Linux vsreport write the
# same bytes from the same inputs: compare's JUnit, Markdown, JSON and
# table (the checked-in baseline and candidate fixtures: a regression, an
# improvement, no change, inconclusive and missing points, failed runs),
# summary in its three forms, and sweep --dry-run of the built-in
# profiles. Windows' C runtime would write CRLF and its libm differs from
# glibc's in the last bits (docs/windows.md says why the figures still
# agree); a difference is shown as a diff.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/windows/lib.sh
BASE=tests/fixtures/small CAND=tests/fixtures/small-candidate

need_wine
win_prefix "$WINEPREFIX"
mkdir -p "$TMP/linux" "$TMP/win"

# same NAME FILE: FILE is the same in $TMP/linux and $TMP/win
same() {
    if cmp -s "$TMP/linux/$2" "$TMP/win/$2"; then
        ok "$1: identical ($(wc -c <"$TMP/linux/$2") bytes)"
    else
        diff -u "$TMP/linux/$2" "$TMP/win/$2" | cat -A | head -n 20 >"$TMP/diff"
        bad "$1: Linux and Windows differ" "$TMP/diff"
    fi
}

# both NAME OUT CMD...: run a command of both builds (vsreport or
# vsbench), stdout to OUT, and compare OUT and the exit statuses
both() {
    local name=$1 out=$2 prog=$3 rcl rcw
    shift 3
    (cd "$TMP/linux" && "$OLDPWD/bin/$prog" "$@" >"$out" 2>stderr)
    rcl=$?
    (cd "$TMP/win" && timeout 60 wine "$OLDPWD/bin/win64/$prog.exe" "$@" >"$out" 2>stderr)
    rcw=$?
    [ "$rcl" = "$rcw" ] || bad "$name: exit status $rcl on Linux, $rcw on Windows" "$TMP/win/stderr"
    same "$name" "$out"
}

R=$PWD
# alpha 0.05: the fixtures' one regression (CPU per KB +24%, p = 0.007) then
# passes the Benjamini-Hochberg step over their 14 measures, so the
# failure paths of every output are compared too
both "compare: JSON" compare.json vsreport compare "$R/$BASE" "$R/$CAND" --json \
    --alpha 0.05 --markdown compare.md --junit compare.junit.xml
[ "$(jq -r .verdict "$TMP/linux/compare.json")" = regression ] ||
    bad "the fixtures no longer make a regression" "$TMP/linux/compare.json"
same "compare: Markdown" compare.md
same "compare: JUnit XML" compare.junit.xml
both "compare: table" compare.txt vsreport compare "$R/$BASE" "$R/$CAND"
both "summary: table" summary.txt vsreport summary "$R/$BASE" "$R/$CAND"
both "summary: CSV" summary.csv vsreport summary --csv "$R/$BASE" "$R/$CAND"
both "summary: JSON" summary.json vsreport summary --json "$R/$BASE" "$R/$CAND"
for p in paper nightly; do
    both "sweep --profile $p --dry-run" "dry-$p.txt" vsbench sweep --profile "$p" --dry-run
done
# A dry run names the transports this machine would skip: quick has unix,
# which wine lacks (Windows 10 has AF_UNIX from 1803). Identical, or the
# Windows one skips unix and lists the tcp points as Linux does.
tcp_points() { tr -d '\r' <"$1" | sed -n 's/^ *[0-9]*  \(tcp .*\)$/\1/p'; }
(cd "$TMP/linux" && "$R/bin/vsbench" sweep --profile quick --dry-run >dry-quick.txt 2>&1)
(cd "$TMP/win" && timeout 60 wine "$R/bin/win64/vsbench.exe" sweep --profile quick --dry-run \
    >dry-quick.txt 2>&1)
if cmp -s "$TMP/linux/dry-quick.txt" "$TMP/win/dry-quick.txt"; then
    ok "sweep --profile quick --dry-run: identical"
elif tr -d '\r' <"$TMP/win/dry-quick.txt" | grep -q '^skipped here: unix (this machine: AF_UNIX' &&
    [ -n "$(tcp_points "$TMP/linux/dry-quick.txt")" ] &&
    [ "$(tcp_points "$TMP/linux/dry-quick.txt")" = "$(tcp_points "$TMP/win/dry-quick.txt")" ]; then
    ok "sweep --profile quick --dry-run: unix skipped under wine (no AF_UNIX), tcp as on Linux"
else
    bad "sweep --profile quick --dry-run" "$TMP/win/dry-quick.txt"
fi
finish
