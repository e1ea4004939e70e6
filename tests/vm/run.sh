#!/usr/bin/env bash
# run.sh - boot Debian's cloud kernel in QEMU with an initramfs holding
# busybox, the vsock modules and the static vsbench, run the guest's tests
# (tests/vm/init.sh) and judge them only from what the guest printed:
# QEMU's exit status means nothing. The guest's JSON results are extracted
# and checked here with jq. Usage: tests/vm/run.sh [VSBENCH-BINARY]
set -u
cd "$(dirname "$0")/../.." || exit 2
VSBENCH=${1:-bin/vsbench}
VSREPORT=${VSREPORT:-bin/vsreport}
VM=build/vm
TIMEOUT=${VM_TIMEOUT:-170}
stage_start=$(date +%s)

stage() {
    local now
    now=$(date +%s)
    printf 'vm-test: %-28s %3d s\n' "$1" $((now - stage_start))
    stage_start=$now
}

fail() {
    echo "vm-test: FAILED: $*"
    if [ -f "$VM/console.log" ]; then
        echo "--- guest console (last 60 lines) ---"
        tail -n 60 "$VM/console.log" | tr -d '\r'
    fi
    echo "0 passed, 1 failed"
    exit 1
}

command -v qemu-system-x86_64 >/dev/null || fail "qemu-system-x86_64 missing (apt-get install qemu-system-x86)"
[ -x "$VSBENCH" ] && [ -x "$VSREPORT" ] || fail "no $VSBENCH or $VSREPORT (run make first)"
file -L "$VSBENCH" 2>/dev/null | grep -q 'statically linked' || ldd "$VSBENCH" 2>&1 | grep -q 'not a dynamic' \
    || fail "$VSBENCH is not static"
tests/vm/fetch.sh "$VM" || fail "cannot fetch the kernel and busybox"
stage "fetch kernel, busybox"

# ---- initramfs -------------------------------------------------------------
root=$VM/root
rm -rf "$root" && mkdir -p "$root"/{bin,lib/modules,proc,sys,dev,tmp}
cp "$VM/busybox" "$root/bin/busybox"
cp "$VSBENCH" "$root/bin/vsbench"
cp tests/vm/init.sh "$root/init"
chmod +x "$root/init" "$root/bin/busybox"
kver=$(ls "$VM/kernel/lib/modules")
for m in vsock vmw_vsock_virtio_transport_common vsock_loopback veth sch_netem; do
    src=$(find "$VM/kernel/lib/modules/$kver" -name "$m.ko*" | head -n 1)
    [ -n "$src" ] || fail "module $m not in the kernel package"
    case "$src" in
        *.ko.xz) xz -dc "$src" >"$root/lib/modules/$m.ko" ;;
        *.ko.zst) zstd -qdc "$src" >"$root/lib/modules/$m.ko" ;;
        *.ko.gz) gzip -dc "$src" >"$root/lib/modules/$m.ko" ;;
        *) cp "$src" "$root/lib/modules/$m.ko" ;;
    esac
done
# iproute2 (ip netns, tc netem) for the latency check in namespaces, with
# the libraries it is linked against, taken from this machine
mkdir -p "$root/usr/sbin"
for tool in ip tc; do
    path=$(command -v "$tool") || fail "$tool missing (apt-get install iproute2)"
    path=$(readlink -f "$path")
    cp "$path" "$root/usr/sbin/$tool"
    for lib in $(ldd "$path" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }'); do
        mkdir -p "$root$(dirname "$lib")"
        cp -L "$lib" "$root$lib"
    done
done
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$VM/initrd.gz" || fail "cpio"
stage "build initramfs"

# ---- boot ------------------------------------------------------------------
# TCG by default: nested KVM is often present but broken on CI machines
# (VM_ACCEL=kvm to try it where it works).
accel="-accel ${VM_ACCEL:-tcg}"
timeout "$TIMEOUT" qemu-system-x86_64 -m 256 -smp 1 -nographic -no-reboot -net none $accel \
    -kernel "$VM"/kernel/boot/vmlinuz-* -initrd "$VM/initrd.gz" \
    -append "console=ttyS0 quiet loglevel=1 panic=-1 vsbench.watchdog=$((TIMEOUT - 20))" \
    </dev/null >"$VM/console.log" 2>&1
stage "boot and run the guest"

# ---- judge -------------------------------------------------------------------
log=$VM/console.log
# the firmware's terminal escapes and its "Booting from ROM.." can precede
# a marker on its line
tr -d '\r' <"$log" | sed -e 's/\x1b\[[0-9;?]*[A-Za-z]//g' -e 's/\x1bc//g' \
    -e 's/^Booting from ROM\.*//' >"$VM/console.txt"
grep -q '^VSBENCH-VM-BOOTED' "$VM/console.txt" || fail "the guest did not boot"
grep -q '^VSBENCH-VM-WATCHDOG' "$VM/console.txt" && fail "the guest's watchdog fired"
grep -q '^VSBENCH-VM-FAIL' "$VM/console.txt" && fail "$(grep '^VSBENCH-VM-FAIL' "$VM/console.txt")"
done_line=$(grep '^VSBENCH-VM-DONE' "$VM/console.txt") || fail "the guest never finished"

rm -rf "$VM/results" && mkdir -p "$VM/results"
awk -v dir="$VM/results" '
    /^VSBENCH-RESULT-BEGIN / { name = $2; out = dir "/" name ".json"; next }
    /^VSBENCH-RESULT-END /   { close(out); out = ""; next }
    /^VSBENCH-FILE-BEGIN /   { out = dir "/" $2; next }
    /^VSBENCH-FILE-END /     { close(out); out = ""; next }
    out != ""                { print > out }' "$VM/console.txt"

# the latency check's three results directories, out of the way of the JSON
rm -rf "$VM/lat"
for d in base same slow; do
    mkdir -p "$VM/lat/$d"
    for f in runs.csv meta.json; do
        mv "$VM/results/lat-$d-$f" "$VM/lat/$d/$f" 2>/dev/null
    done
done

pass=0 failed=0
check() { # NAME JQ-EXPR FILE
    if [ "$(jq -r "$2" "$3" 2>/dev/null)" = true ]; then
        pass=$((pass + 1))
    else
        failed=$((failed + 1))
        echo "FAILED $1"
        grep "VSBENCH-CASE-FAILED $(basename "$3" .json):" "$VM/console.txt"
    fi
}
# The guest's rr sweeps between namespaces: the same configuration twice
# is no regression, the run through netem delay 1ms is one, by latency
# (a 25% minimum effect: the emulated guest drifts by more than 5% between
# two sweeps of one point, and 1 ms adds about 290% to its p50).
lat_judge() { # DIR
    local rc
    "$VSREPORT" compare "$1/base" "$1/same" --min-effect 0.25 >"$1/same.txt" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ]; then pass=$((pass + 1)); else
        failed=$((failed + 1)); echo "FAILED netem check: the same configuration flagged (exit $rc)"
        sed 's/^/    /' "$1/same.txt"
    fi
    "$VSREPORT" compare "$1/base" "$1/slow" --min-effect 0.25 --json >"$1/slow.json" 2>"$1/slow.err"
    rc=$?
    if [ "$rc" -eq 1 ] && [ "$(jq -r '.points[0].latency_p50.verdict' "$1/slow.json")" = regression ]; then
        pass=$((pass + 1))
    else
        failed=$((failed + 1)); echo "FAILED netem check: 1 ms delay not flagged as a latency regression (exit $rc)"
        head -c 2000 "$1/slow.json"; cat "$1/slow.err"
    fi
    jq -r '.points[0] | "  netem delay 1ms (namespaces, tcp rr 1 byte): p50 \(.latency_p50.baseline | floor) -> \(.latency_p50.candidate | floor) us, \(.transactions_per_second.baseline | floor) -> \(.transactions_per_second.candidate | floor) transactions/s: \(.verdict)"' \
        "$1/slow.json" 2>/dev/null
}

n=0
for f in "$VM"/results/*.json; do
    [ -e "$f" ] || break
    n=$((n + 1))
    name=$(basename "$f" .json)
    check "$name: every row ok" '[.results[].status] | all(. == "ok")' "$f"
    check "$name: throughput > 0" '[.results[].gbps] | all(. > 0)' "$f"
    case "$name" in
        vsock-*) check "$name: vsock buffers are what was asked" \
            '[.results[] | .sock_eff_local == .sock_req and .sock_eff_remote == .sock_req] | all' "$f"
            check "$name: data path recorded as vsock_loopback" \
                '.path."vsock.transport" == "vsock_loopback" and .remote_path."vsock.transport" == "vsock_loopback"' "$f" ;;
    esac
    case "$name" in
        *-rr-*|*-crr-*)
            check "$name: transactions counted alike on both ends" \
                '[.results[] | .transactions > 0 and .transactions_total_local == .transactions_total_remote] | all' "$f"
            check "$name: latency percentiles in order" \
                '[.results[] | .lat_min_us > 0 and .lat_p50_us <= .lat_p99_us and .lat_p99_us <= .lat_max_us] | all' "$f"
            printf '  %-24s %8.0f trans/s  p50 %8.1f us  p99 %8.1f us\n' "$name" \
                "$(jq -r '.results[-1].tps' "$f")" "$(jq -r '.results[-1].lat_p50_us' "$f")" \
                "$(jq -r '.results[-1].lat_p99_us' "$f")" ;;
        *)
            printf '  %-24s %8.3f Gbit/s  (sock %s, effective %s / %s)\n' "$name" \
                "$(jq -r '.results[-1].gbps' "$f")" "$(jq -r '.results[-1].sock_req' "$f")" \
                "$(jq -r '.results[-1].sock_eff_local' "$f")" "$(jq -r '.results[-1].sock_eff_remote' "$f")" ;;
    esac
done
[ "$n" -eq 24 ] || { failed=$((failed + 1)); echo "FAILED expected 24 results from the guest, got $n"; }
# vsock against tcp for one 1-byte transaction at a time, in this guest
for t in rr crr; do
    v=$(jq -r '.results[-1].tps' "$VM/results/vsock-$t-P1.json" 2>/dev/null)
    c=$(jq -r '.results[-1].tps' "$VM/results/tcp-$t-P1.json" 2>/dev/null)
    [ -n "$v" ] && [ -n "$c" ] && awk -v v="$v" -v c="$c" -v t="$t" \
        'BEGIN { if (c > 0) printf "  %s, 1 session: vsock %.0f / tcp %.0f transactions/s = %.2f\n", t, v, c, v / c }'
done
if grep -q '^VSBENCH-CASE sweep' "$VM/console.txt"; then
    rows=$(grep -c ',all,' "$VM/results/sweep-runs.csv" 2>/dev/null)
    if [ "$rows" = 4 ] && [ -z "$(tail -n +2 "$VM/results/sweep-runs.csv" | cut -d, -f17 | grep -v '^ok$')" ]; then
        pass=$((pass + 1)); echo "  sweep: 4 runs (vsock and tcp, 1 and 2 sessions) ok"
    else
        failed=$((failed + 1)); echo "FAILED the guest's sweep (rows: $rows)"
    fi
    meta=$VM/results/sweep-meta.out
    if [ "$(jq -r '[.paths[] | select(.transport == "vsock") | .local."vsock.transport", .remote."vsock.transport"] == ["vsock_loopback", "vsock_loopback"] and
                   ([.paths[] | select(.transport == "tcp") | .local."net.if"] == ["lo"]) and
                   .schema == 2 and (.hosts.local.facts."vsock.modules" | type == "string") and
                   (.hosts.remote.facts."vsock.modules" | type == "string")' \
            "$meta" 2>/dev/null)" = true ]; then
        pass=$((pass + 1)); echo "  sweep meta.json: vsock path vsock_loopback (both ends), tcp path lo"
    else
        failed=$((failed + 1)); echo "FAILED the sweep's meta.json paths:"; jq -c '.paths' "$meta" 2>&1 | head -c 2000
    fi
fi
path_json=$VM/results/info-path-vsock.out
if [ "$(jq -r '.path."vsock.transport" == "vsock_loopback" and (.path."vsock.version" | type == "string")' \
        "$path_json" 2>/dev/null)" = true ] &&
   [ "$(jq -r '.facts."vsock.modules" | split(" ") | index("vsock_loopback") != null' "$path_json")" = true ]; then
    pass=$((pass + 1))
    echo "  data path of vsock:local: $(jq -r '.path."vsock.transport" + " " + .path."vsock.version"' "$path_json")"
else
    failed=$((failed + 1)); echo "FAILED the vsock data path is not vsock_loopback's:"; head -c 2000 "$path_json"
fi
# --zerocopy: tcp runs with every send completed; vsock runs alike or is
# refused with the kernel's reason (an older kernel, e.g. Debian 12's 6.1)
zc_ok='.results[0].status == "ok" and .results[0].zerocopy == 1 and .zerocopy_local.completed == .zerocopy_local.sends'
for tr in tcp vsock; do
    f=$VM/results/zerocopy-$tr.out
    if grep -q "^exit 0$" "$f" 2>/dev/null && [ "$(sed '/^exit [0-9]*$/,$d' "$f" | jq -r "$zc_ok" 2>/dev/null)" = true ]; then
        pass=$((pass + 1)); echo "  --zerocopy over $tr: $(sed '/^exit [0-9]*$/,$d' "$f" | jq -r '"\(.zerocopy_local.sends) sends, \(.zerocopy_local.copied) copied"')"
    elif [ "$tr" = vsock ] && grep -q "^exit 4$" "$f" && grep -q "refuses zero-copy sends on vsock" "$f"; then
        pass=$((pass + 1)); echo "  --zerocopy over vsock refused by this kernel: $(grep -o "SO_ZEROCOPY: [^)]*" "$f")"
    else
        failed=$((failed + 1)); echo "FAILED --zerocopy over $tr:"; head -c 1000 "$f"
    fi
done
if grep -q '^VSBENCH-CASE latency-netem' "$VM/console.txt"; then
    lat_judge "$VM/lat"
fi
echo "vm-test: guest says: $done_line"
case "$done_line" in *" fail=0") ;; *) failed=$((failed + 1)); echo "FAILED the guest reported failures" ;; esac
stage "judge"
echo
echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ] || { echo "--- guest console (last 40 lines) ---"; tail -n 40 "$VM/console.txt"; exit 1; }
