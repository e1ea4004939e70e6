#!/usr/bin/env bash
# fetch.sh DIR - put Debian's current cloud kernel (vmlinuz and modules)
# and a static busybox into DIR, from Debian's archive, without installing
# them on this machine. Kept between runs: fetched again only when the
# kernel package changes.
set -eu
dir=$1
mkdir -p "$dir"
cd "$dir"

kpkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null |
       awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$kpkg" ]; then
    echo "vm-test: apt-cache knows no linux-image-cloud-amd64 (run apt-get update)" >&2
    exit 1
fi
if [ "$(cat kernel-package 2>/dev/null)" != "$kpkg" ] || [ ! -x busybox ]; then
    rm -rf pkg kernel && mkdir -p pkg kernel
    (cd pkg && apt-get download "$kpkg" busybox-static >/dev/null 2>&1) || {
        echo "vm-test: apt-get download $kpkg busybox-static failed" >&2
        exit 1
    }
    dpkg-deb -x pkg/linux-image-*.deb kernel
    dpkg-deb -x pkg/busybox-static_*.deb pkg/bb
    cp pkg/bb/bin/busybox busybox
    rm -rf pkg
    echo "$kpkg" >kernel-package
fi
ls kernel/boot/vmlinuz-* >/dev/null
