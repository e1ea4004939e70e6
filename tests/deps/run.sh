#!/usr/bin/env bash
# run.sh - run the smoke programs of the third-party libraries (built by
# `make deps-check`): natively, or under wine for .exe files, each under a
# time limit in a private temp directory. Usage: tests/deps/run.sh PROG...
set -u
cd "$(dirname "$0")/../.." || exit 2
TMP=$(mktemp -d)
started_wine=0
pass=0 failed=0

cleanup() {
    [ "$started_wine" = 1 ] && wineserver -k 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

for prog in "$@"; do
    name=$(basename "$prog")
    run=()
    case "$prog" in
    *.exe)
        command -v wine >/dev/null || { echo "FAILED $name: wine missing"; failed=$((failed + 1)); continue; }
        export WINEPREFIX=$PWD/build/wine WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
        if [ "$started_wine" = 0 ]; then
            mkdir -p "$WINEPREFIX"
            timeout 120 wineboot -i >/dev/null 2>&1
            started_wine=1
        fi
        run=(wine) ;;
    esac
    case "$name" in
    hdr_smoke*) arg=$TMP/smoke.hlog ;;
    *) arg=$TMP ;;
    esac
    if timeout 120 "${run[@]}" "$prog" "$arg" >"$TMP/out" 2>&1; then
        pass=$((pass + 1)); echo "ok     $name"
    else
        failed=$((failed + 1)); echo "FAILED $name"; tr -d '\r' <"$TMP/out" | sed 's/^/    /' | head -n 30
    fi
done
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]
