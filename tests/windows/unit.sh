#!/usr/bin/env bash
# unit.sh - the CUnit suites of the Windows build under wine. Every suite
# of the Linux build runs here too, unless it is POSIX-only (skipped by
# name, with the reason below) or not built for Windows (said why below);
# a new suite that is neither runs, so it cannot be forgotten.
#   tests/windows/unit.sh LINUX-UNIT-TESTS WINDOWS-UNIT-TESTS.exe
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/windows/lib.sh
LINUX_UNIT=$1 WIN_UNIT=$2

# POSIX-only suites, skipped by name: NAME=reason
POSIX_ONLY=(
    "net-unix=AF_UNIX: Windows has it from 10 1803; wine's prefix reports an older Windows"
    "facts-linux=recorded Linux /sys and /proc trees; the Windows reader (facts_win.c) reads the OS instead"
    "auth-mode=POSIX mode bits of key files; Windows keeps ACLs, which vsbench does not inspect"
)
# suites the Windows build leaves out (Makefile): NAME=reason
NOT_BUILT=(
    "tdist against GSL=GSL (GPL-3) is the Linux-only oracle of analysis/tdist.c"
    "history-sqlite=no SQLite in this build (make windows SQLITE_SRC=DIR builds it in)"
    "dataset-posix=FIFOs and device files in a results directory: Windows has neither"
)

reason() { # reason NAME LIST...: the reason NAME has in LIST, or nothing
    local name=$1 item
    shift
    for item in "$@"; do [ "${item%%=*}" = "$name" ] && { echo "${item#*=}"; return 0; }; done
    return 1
}

need_wine
win_prefix "$WINEPREFIX"
"$LINUX_UNIT" -l >"$TMP/linux.list" || bad "$LINUX_UNIT -l"
timeout 60 wine "$WIN_UNIT" -l 2>&1 | tr -d '\r' >"$TMP/win.list"
skip= run=0
while read -r suite; do
    if grep -qxF "$suite" "$TMP/win.list"; then
        if why=$(reason "$suite" "${POSIX_ONLY[@]}"); then
            echo "skip   suite $suite: $why"
            skip=${skip:+$skip,}$suite
        else
            run=$((run + 1))
        fi
    elif why=$(reason "$suite" "${NOT_BUILT[@]}"); then
        echo "n/a    suite $suite: not in the Windows build: $why"
    else
        bad "suite $suite is in the Linux build but not the Windows one (build it, or list why in $0)"
    fi
done <"$TMP/linux.list"
[ "$(wc -l <"$TMP/win.list")" -ge 10 ] || bad "the Windows unit tests list too few suites" "$TMP/win.list"

timeout 300 wine "$WIN_UNIT" -q -s "$skip" >"$TMP/out" 2>&1
rc=$?
[ "$rc" -eq 0 ] || tr -d '\r' <"$TMP/out" | grep -A3 'FAILED' | head -n 40
summary=$(tr -d '\r' <"$TMP/out" | awk '$1 == "suites" { s = $3 } $1 == "tests" { t = $3; p = $4 }
                                        END { printf "%s suites, %s tests, %s passed", s, t, p }')
[ "$rc" -eq 0 ] && [ "${summary%% *}" = "$run" ]
expect "unit tests under wine: $summary ($run suites expected; skipped: ${skip:-none})" "$TMP/out"
finish
