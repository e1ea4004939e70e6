#!/usr/bin/env bash
# notices.sh - print THIRD-PARTY-NOTICES for the binaries of one target:
# what third-party code they contain and, for each, its licence text,
# taken from the pinned archive as unpacked under build/ or from the
# copyright file of the Debian package it is linked from. Run by
# `make notices` (mk/deps.mk), which passes the list.
#   mk/notices.sh TARGET NAME USED-IN LICENCE-FILE [NAME USED-IN FILE]...
set -eu
target=$1
shift

cat <<HEAD
Third-party notices for the vsbench binaries built for $target
======================================================================

vsbench itself is distributed under the BSD 2-Clause License (LICENSE).
Its binaries contain the third-party software listed below, each under
its own licence, whose text follows the list.

HEAD
args=("$@")
for ((i = 0; i + 2 < ${#args[@]}; i += 3)); do
    printf '  %s\n      used by %s\n' "${args[i]}" "${args[i + 1]}"
done
cat <<'NOTES'

Notes
- Where listed, libxlsxwriter bundles minizip (zlib licence), FreeBSD's
  queue.h and tree.h (BSD), Openwall's MD5 (public domain) and
  tmpfileplus (Mozilla Public License 2.0). tmpfileplus is included
  unmodified; its Source Code Form is third_party/tmpfileplus/
  tmpfileplus.c of libxlsxwriter 1.1.4,
  https://github.com/jmcnamara/libxlsxwriter (tag RELEASE_1.1.4).
- Where the GNU C Library is listed (the static Linux runner), it is
  linked statically under the LGPL 2.1 or later. The complete source of
  vsbench is available under the BSD 2-Clause License, so the runner can
  be relinked with a modified GNU C Library; its text follows.
- Where Nettle is listed (the static Linux runner), it is linked
  statically under the LGPL 3 or later; as for the C library, the BSD
  source of vsbench lets anyone relink the runner with a modified Nettle.
- The GCC runtime (libgcc) linked into MinGW binaries is under the GPL
  with the GCC Runtime Library Exception, which sets no condition on
  these binaries.
NOTES
set -- "${args[@]}"
while [ $# -ge 3 ]; do
    if [ ! -r "$3" ]; then
        echo "notices.sh: cannot read $3 (licence of $1)" >&2
        exit 1
    fi
    printf '\n\n%s\n%s\n\n' "======================================================================" "$1"
    cat "$3"
    shift 3
done
