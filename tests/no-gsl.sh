#!/usr/bin/env bash
# no-gsl.sh - GSL is GPL-3 and only the unit tests' oracle: no binary we
# ship may link it, neither dynamically (a NEEDED entry of an ELF file, a
# DLL import of a PE file, read with objdump -p) nor statically (GSL's
# error-handler text in the file).
#   tests/no-gsl.sh [--control BIN] BINARY...
# --control names a binary that does link GSL (the unit tests on Linux):
# the check must see it there, or it is blind. Exit 1 on any finding.
set -u
failed=0

# links_gsl FILE: 0 if FILE links GSL; prints how
links_gsl() {
    local dump=objdump deps
    [ "$(head -c 2 "$1")" = MZ ] && dump=x86_64-w64-mingw32-objdump
    deps=$("$dump" -p "$1" 2>/dev/null | sed -n -e 's/^ *NEEDED *//p' -e 's/^\s*DLL Name: //p')
    if grep -qi 'gsl' <<<"$deps"; then
        echo "links $(grep -i gsl <<<"$deps" | tr '\n' ' ')"
        return 0
    fi
    if grep -aq 'GSL error handler' "$1"; then
        echo "contains GSL's code (static)"
        return 0
    fi
    return 1
}

if [ "${1:-}" = --control ]; then
    if how=$(links_gsl "$2"); then
        echo "ok     the check sees GSL in $2 ($how)"
    else
        echo "FAILED the check does not see GSL in $2, which links it: it is blind"
        failed=1
    fi
    shift 2
fi
for bin in "$@"; do
    if [ ! -f "$bin" ]; then
        echo "FAILED $bin: no such file"; failed=1
    elif how=$(links_gsl "$bin"); then
        echo "FAILED $bin $how"; failed=1
    else
        echo "ok     $bin does not link GSL"
    fi
done
exit "$failed"
