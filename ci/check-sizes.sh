#!/bin/sh
# check-sizes.sh - the size rules of HELPER-RULES.md ("no function over 60
# lines, no file over 600") over every C file the repository tracks; part
# of `make test`. A function is counted from its opening '{' to its
# closing '}' at column 0 (the project's style). Prints the offenders and
# exits 1 if there are any.
# Usage: ci/check-sizes.sh [MAX_FUNCTION_LINES [MAX_FILE_LINES]]
max_fn=${1:-60}
max_file=${2:-600}
cd "$(dirname "$0")/.." || exit 2
# Exemptions while a split is under way: a file pattern ('^$' is none) and
# function names between spaces. Keep both empty.
exempt_files='^$'
exempt_fns=' '

if git ls-files '*.c' '*.h' | grep -v -E "$exempt_files" |
    xargs awk -v max_fn="$max_fn" -v max_file="$max_file" -v skip="$exempt_fns" '
    function file_done() {
        if (prev != "" && prev_lines > max_file) {
            printf "%s: %d lines (max %d)\n", prev, prev_lines, max_file; bad = 1
        }
    }
    FNR == 1 { file_done() }
    { prev = FILENAME; prev_lines = FNR }
    /^[A-Za-z_].*\(/ { sig = $0; sig_line = FNR }
    /^\{/ { start = FNR }
    /^\}/ && start {
        n = FNR - start + 1; name = sig
        sub(/\(.*/, "", name); sub(/.*[ *]/, "", name)
        if (n > max_fn && index(skip, " " name " ") == 0) {
            printf "%s:%d: %s is %d lines (max %d)\n", FILENAME, sig_line, name, n, max_fn
            bad = 1
        }
        start = 0
    }
    END { file_done(); exit bad }'
then
    echo "sizes ok: no function over $max_fn lines, no file over $max_file"
else
    exit 1
fi
