#!/usr/bin/env bash
# asan.sh DIR - `make asan`: the unit and integration tests with the
# ASan+UBSan builds in DIR (DIR/bin/vsbench, DIR/bin/vsreport,
# DIR/tests/unit_tests). Sanitizer reports go to files in DIR/reports, so
# that one from a background server or a command whose exit status a test
# ignores is not lost; any report fails the run and is printed.
set -u
cd "$(dirname "$0")/.." || exit 2
dir=$PWD/$1
reports=$dir/reports
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS=detect_leaks=1:log_path=$reports/asan
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan
status=0
"$dir/tests/unit_tests" || status=1
VSBENCH=$dir/bin/vsbench VSREPORT=$dir/bin/vsreport tests/integration/run.sh || status=1
if ls "$reports"/* >/dev/null 2>&1; then
    for f in "$reports"/*; do
        echo "--- $f"
        head -n 60 "$f"
    done
    echo "sanitizer reports: $(ls "$reports" | wc -l) (above)"
    status=1
else
    echo "no sanitizer report"
fi
exit $status
