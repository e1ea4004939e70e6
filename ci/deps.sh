#!/usr/bin/env bash
# deps.sh TARGET LIST... - `make deps-TARGET`: install the Debian packages
# of ci/packages/LIST.txt that are not installed yet, and say which.
#
# As root: apt-get install (apt-get update first when a package has no
# candidate in the package lists, e.g. on a fresh image, or when the
# install fails on stale lists). As another user: print the exact command
# and fail, so that the build does not stop later with a compiler error.
# A name ending in '?' is optional (installed when the archive has it).
# Not Debian (no dpkg-query): say what is needed and go on.
set -u
cd "$(dirname "$0")/.." || exit 2
target=$1
shift
say() { echo "deps-$target: $*"; }

need=() optional=()
for list in "$@"; do
    file=ci/packages/$list.txt
    [ -f "$file" ] || { say "no package list $file"; exit 2; }
    for p in $(sed 's/#.*//' "$file"); do
        case " ${need[*]} ${optional[*]} " in *" ${p%\?} "*) continue ;; esac
        case "$p" in *\?) optional+=("${p%\?}") ;; *) need+=("$p") ;; esac
    done
done

if ! command -v dpkg-query >/dev/null; then
    say "not a Debian system: install the equivalents of ${need[*]} ${optional[*]}"
    exit 0
fi
installed() { [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null)" = "ii " ]; }
has_candidate() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'; }

missing=() missing_opt=()
for p in "${need[@]}"; do installed "$p" || missing+=("$p"); done
for p in "${optional[@]}"; do installed "$p" || missing_opt+=("$p"); done
if [ ${#missing[@]} -eq 0 ] && [ ${#missing_opt[@]} -eq 0 ]; then
    say "all ${#need[@]} Debian packages present (ci/packages: $*)"
    exit 0
fi

apt="apt-get install -y --no-install-recommends"
if [ "$(id -u)" -ne 0 ]; then
    if [ ${#missing[@]} -gt 0 ]; then
        say "missing Debian packages: ${missing[*]}"
        echo "  as root, run:  apt-get update && $apt ${missing[*]}"
        [ ${#missing_opt[@]} -eq 0 ] || echo "  optional: ${missing_opt[*]}"
        exit 1
    fi
    say "optional, not installed: ${missing_opt[*]} (as root: $apt ${missing_opt[*]})"
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
updated=0
update() {
    [ "$updated" -eq 1 ] && return 0
    say "apt-get update"
    apt-get update -q >/dev/null || { say "apt-get update failed"; exit 1; }
    updated=1
}
# a fresh image has no package lists; a required package without a
# candidate means they are missing or stale
ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1 || update
for p in "${missing[@]}"; do
    has_candidate "$p" || { update; break; }
done
want=("${missing[@]}")
for p in "${missing_opt[@]}"; do
    if has_candidate "$p"; then
        want+=("$p")
    else
        say "skipping $p (optional): not in the configured archives; if it is in" \
            "Debian's non-free (netperf is), add non-free to the Components in" \
            "/etc/apt/sources.list.d/debian.sources and run apt-get update"
    fi
done
[ ${#want[@]} -gt 0 ] || exit 0
say "installing ${want[*]}"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
install() { $apt -q "${want[@]}" >"$log" 2>&1; }
if ! install; then
    # stale package lists (a 404 from the mirror): refresh them once
    [ "$updated" -eq 0 ] && update && install || { tail -n 20 "$log"; exit 1; }
fi
say "installed ${#want[@]} package(s)"
