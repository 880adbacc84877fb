#!/usr/bin/env bash
# Builds plan's Debian package the way Debian builds packages (the compiler
# and linker flags of dpkg-buildflags, hardening on), checks it with lintian
# (any error fails; warnings and infos are printed), and, as root, installs
# it with dpkg -i, runs plan --version, man plan, the bash completion, plan
# status and an .xlsx of it on this project, removes it with dpkg -r and checks that no
# file of it is left.
#
#   tools/deb-check.sh [BUILD_DIR]      (default: build-deb)
#
# Needs dpkg-dev (dpkg-shlibdeps computes the Depends field), lintian and
# man-db. The install half needs root and changes the system, so the ctest
# suite never runs this script: CI runs it (.ci/run) on its throw-away
# machine. Without root it stops after lintian and says so. It refuses to
# run when a package named plan is installed already.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${1:-build-deb}

# A build of its own: Debian's flags, only the packaged targets, and no
# -Werror (as in any package build: a warning of other flags must not fail it).
export DEB_BUILD_MAINT_OPTIONS=hardening=+all
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$B" -G Ninja "${launcher[@]}" -DCMAKE_BUILD_TYPE=None \
  -DCMAKE_CXX_FLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
  -DCMAKE_EXE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
  -DCMAKE_MODULE_LINKER_FLAGS="$(dpkg-buildflags --get LDFLAGS)" \
  -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON -DPLAN_WERROR=OFF >/dev/null
cmake --build "$B" --target plan plan_compressed
rm -f "$B"/package/plan_*.deb
cpack --config "$B/CPackConfig.cmake" -B "$B/package" >/dev/null
deb=$(ls "$B"/package/plan_*.deb)
echo "package: $deb"
dpkg-deb --field "$deb" Package Version Depends

echo "lintian:"
lintian --fail-on error --display-info "$deb" 2>&1 | grep -v 'running with root privileges'
echo "lintian: no errors"

if [ "$(id -u)" != 0 ]; then
  echo "not root: dpkg -i / dpkg -r skipped"
  exit 0
fi
if dpkg-query -W -f '${Status}' plan 2>/dev/null | grep -q installed; then
  echo "a package named plan is installed already; not touching it" >&2
  exit 1
fi
fail() {
  echo "deb-check: $*" >&2
  exit 1
}
trap 'dpkg -r plan >/dev/null 2>&1 || true' EXIT
dpkg -i "$deb" >/dev/null
version=$(/usr/bin/plan --version)
echo "installed: $version"
[[ $version == "plan $(dpkg-deb --field "$deb" Version) ("*")" ]] || fail "plan --version: $version"
[ "$(man -w plan)" = /usr/share/man/man1/plan.1.gz ] || fail "man -w plan: $(man -w plan)"
MANWIDTH=80 man plan 2>&1 | grep -q '^NAME' || fail "man plan shows no NAME"
MANWIDTH=80 man 5 plan-records 2>&1 | grep -q '^NAME' || fail "man 5 plan-records shows no NAME"
# The completion as bash-completion loads it, on this project's plan.
got=$(bash -c 'source /usr/share/bash-completion/completions/plan
  COMP_WORDS=(plan show jobs.urban_n); COMP_CWORD=2; _plan; echo "${COMPREPLY[*]}"')
[ "$got" = jobs.urban_new ] || fail "bash completion of 'plan show jobs.urban_n': '$got'"
/usr/bin/plan status >/dev/null || fail "plan status exited $?"
# A workbook: the module, /usr/lib/<multiarch>/plan/plan-workbook.so, loads.
xlsx=$(mktemp --suffix=.xlsx)
/usr/bin/plan status --format xlsx -o "$xlsx" || fail "plan status --format xlsx exited $?"
[ "$(head -c 2 "$xlsx")" = PK ] || fail "plan status --format xlsx wrote no workbook"
rm -f "$xlsx"
files=$(dpkg -L plan | while read -r f; do [ -f "$f" ] && echo "$f"; done)
dpkg -r plan >/dev/null
trap - EXIT
dpkg-query -W -f '${Status}' plan 2>/dev/null | grep -q ' installed' && fail "still installed"
for f in $files; do [ ! -e "$f" ] || fail "left behind: $f"; done
echo "dpkg -i, plan --version, man plan, completion, a workbook, dpkg -r: fine ($(wc -w <<<"$files") files removed)"
