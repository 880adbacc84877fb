#!/usr/bin/env bash
# plan --version names the version and the git revision of the build, and
# cmake/revision.cmake (which the build runs every time) finds the revision
# in a checkout, in a `git archive` tarball and in neither.
source "$(dirname "$0")/lib.bash" "$@"

version=$(sed -n 's/^project(plan VERSION \([0-9.]*\) .*/\1/p' "$SRC/CMakeLists.txt")
expect_exit 0 -- "$PLAN" --version
line=$(cat "$WORK/out")
if [[ $line =~ ^plan\ ${version//./\\.}\ \((git\ [0-9a-f]{12}(,\ dirty)?|unknown\ revision)\)$ ]]; then ok; else
  fail "plan --version: '$line'"
fi
# Built from this checkout: its commit, dirty exactly when tracked files
# differ (the test runs right after the build, on the same tree).
if git -C "$SRC" rev-parse --show-toplevel >/dev/null 2>&1 &&
  [ "$(realpath "$(git -C "$SRC" rev-parse --show-toplevel)")" = "$(realpath "$SRC")" ]; then
  want="git $(git -C "$SRC" rev-parse --short=12 HEAD)"
  [ -n "$(git -C "$SRC" status --porcelain --untracked-files=no)" ] && want+=", dirty"
  [ "$line" = "plan $version ($want)" ] && ok || fail "plan --version: '$line', want ($want)"
fi

# revision SOURCE_DIR: what the script writes for those sources.
revision() {
  rm -f "$WORK/revision.cpp"
  cmake -DSOURCE_DIR="$1" -DOUT="$WORK/revision.cpp" -P "$SRC/cmake/revision.cmake" &&
    sed -n 's/.*return "\(.*\)";.*/\1/p' "$WORK/revision.cpp"
}
# A fresh repository: its commit; a changed tracked file makes it dirty, an
# untracked one does not.
R=$WORK/repo
mkdir -p "$R/cmake"
cp "$SRC/cmake/revision.cmake" "$SRC/cmake/archive-revision" "$SRC/.gitattributes" "$R/cmake/"
mv "$R/cmake/.gitattributes" "$R/"
echo a >"$R/file"
git -C "$R" init -q && git -C "$R" add -A &&
  git -C "$R" -c user.name=t -c user.email=t@example.org commit -qm one || fail "git init"
head=$(git -C "$R" rev-parse HEAD)
[ "$(revision "$R")" = "git ${head:0:12}" ] && ok || fail "clean checkout: $(revision "$R")"
echo new >"$R/untracked"
[ "$(revision "$R")" = "git ${head:0:12}" ] && ok || fail "untracked file: $(revision "$R")"
echo b >"$R/file"
[ "$(revision "$R")" = "git ${head:0:12}, dirty" ] && ok || fail "changed file: $(revision "$R")"
# The tarball: git archive fills in the commit (export-subst); no .git there.
mkdir "$WORK/tarball"
git -C "$R" archive HEAD | tar -x -C "$WORK/tarball"
[ "$(revision "$WORK/tarball")" = "git ${head:0:12}" ] && ok || fail "tarball: $(revision "$WORK/tarball")"
# Sources that are neither, even inside another repository's tree.
mkdir -p "$R/copy/cmake"
cp "$SRC/cmake/revision.cmake" "$SRC/cmake/archive-revision" "$R/copy/cmake/"
[ "$(revision "$R/copy")" = "unknown revision" ] && ok || fail "no git: $(revision "$R/copy")"
# The output is rewritten only when its text changes (nothing to recompile).
revision "$R/copy" >/dev/null
touch -d 2000-01-01 "$WORK/revision.cpp"
cmake -DSOURCE_DIR="$R/copy" -DOUT="$WORK/revision.cpp" -P "$SRC/cmake/revision.cmake"
[ "$(stat -c %Y "$WORK/revision.cpp")" = "$(date -d 2000-01-01 +%s)" ] && ok || fail "rewritten unchanged"

finish
