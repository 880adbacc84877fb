#!/usr/bin/env bash
# cmake --install into a temporary prefix: every file in its Debian place,
# manual pages and changelog compressed as dh_compress does (gzip -9n, so
# byte for byte what gzip -9n makes of the source), and the installed
# program and pages work from there.
source "$(dirname "$0")/lib.bash" "$@"
BUILD=$(dirname "$(realpath "$PLAN")")
P=$WORK/prefix

cmake --install "$BUILD" --prefix "$P" >"$WORK/install.log" 2>&1 && ok ||
  fail "cmake --install: $(tail -3 "$WORK/install.log")"

# The workbook module's folder: lib/plan/ under multiarch's, as CMake
# finds it from the compiler (x86_64-linux-gnu on amd64).
ma=$(c++ -print-multiarch 2>/dev/null)
module_dir=lib/${ma:+$ma/}plan
want="bin/plan
$module_dir/plan-workbook.so
share/bash-completion/completions/plan
share/doc/plan/README.md
share/doc/plan/changelog.gz
share/doc/plan/copyright
share/fish/vendor_completions.d/plan.fish
share/man/man1/plan.1.gz
share/man/man5/plan-file.5.gz
share/man/man5/plan-records.5.gz
share/zsh/vendor-completions/_plan"
got=$(cd "$P" && find . -type f | sed 's|^\./||' | LC_ALL=C sort)
[ "$got" = "$want" ] && ok || fail "installed files differ:$(diff <(echo "$want") <(echo "$got") | sed 's/^/ /')"

for pair in man1/plan.1:man/plan.1 man5/plan-file.5:man/plan-file.5 \
  man5/plan-records.5:man/plan-records.5; do
  gz=$P/share/man/${pair%%:*}.gz
  cmp -s "$gz" <(gzip -9n <"$SRC/${pair#*:}") && ok || fail "${gz#"$P"/} is not gzip -9n of ${pair#*:}"
done
cmp -s "$P/share/doc/plan/changelog.gz" <(gzip -9n <"$SRC/packaging/changelog") && ok ||
  fail "changelog.gz is not gzip -9n of packaging/changelog"
cmp -s "$P/share/bash-completion/completions/plan" "$SRC/completion/plan.bash" && ok ||
  fail "bash completion differs from completion/plan.bash"
[ -x "$P/bin/plan" ] && ok || fail "bin/plan is not executable"
# Debian's copyright file is machine-readable (DEP-5).
head -1 "$P/share/doc/plan/copyright" |
  grep -qxF "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" && ok ||
  fail "copyright is not in DEP-5 format"

# The installed program, on the fixture project.
cd "$SRC" || exit 1
expect_exit 0 -- "$P/bin/plan" --version
grep -qE '^plan [0-9.]+ \(' "$WORK/out" && ok || fail "installed --version: $(cat "$WORK/out")"
expect_exit 0 -- "$P/bin/plan" --plan tests/fixtures/mini.toml --records tests/fixtures/records \
  status --as-of 2019-06-30 --format csv
expect_out "$GOLDEN/status-2019-06-30.csv"
# Workbooks through the installed module.
expect_exit 0 -- "$P/bin/plan" --plan tests/fixtures/mini.toml --records tests/fixtures/records \
  status --as-of 2019-06-30 --format xlsx -o "$WORK/s.xlsx"
[ "$(head -c 2 "$WORK/s.xlsx")" = PK ] && ok || fail "installed plan wrote no workbook"
# Read back: a status sheet is no import, and that it is says the module
# read its cells.
expect_exit 1 -- "$P/bin/plan" --plan tests/fixtures/mini.toml --records tests/fixtures/records \
  import "$WORK/s.xlsx" --dry-run
grep -qF "$WORK/s.xlsx:Status!A2: unknown column \"As of\"" "$WORK/err" && ok ||
  fail "installed plan did not read the workbook: $(head -1 "$WORK/err")"
# Without the module, what needs no workbook works, and what does says why
# in one line and writes nothing.
mkdir -p "$WORK/alone/bin"
cp "$P/bin/plan" "$WORK/alone/bin/"
expect_exit 0 -- "$WORK/alone/bin/plan" --plan tests/fixtures/mini.toml \
  --records tests/fixtures/records status --as-of 2019-06-30 --format csv
expect_out "$GOLDEN/status-2019-06-30.csv"
expect_exit 1 -- "$WORK/alone/bin/plan" --plan tests/fixtures/mini.toml \
  --records tests/fixtures/records status --as-of 2019-06-30 --format xlsx -o "$WORK/t.xlsx"
expect_err_line "plan: $WORK/alone/$module_dir/plan-workbook.so: cannot load plan's workbook module, \
which reads and writes Excel workbooks: cannot open shared object file: No such file or \
directory; reinstall plan"
[ "$(wc -l <"$WORK/err")" = 1 ] && ok || fail "more than the one line: $(cat "$WORK/err")"
[ ! -e "$WORK/t.xlsx" ] && ok || fail "a workbook written without the module"
# Nor a folder made for workbooks none of which can be written.
expect_exit 1 -- "$WORK/alone/bin/plan" --plan tests/fixtures/mini.toml \
  --records tests/fixtures/records report --month 2019-06 --format xlsx --output-dir "$WORK/dir"
[ ! -e "$WORK/dir" ] && ok || fail "report --output-dir: a folder made without the module"
# Another library in its place is refused, not called (zlib's, found as the
# dynamic linker finds it).
zlib=$(ldconfig -p | awk '$1 == "libz.so.1" { print $NF; exit }')
cp "$zlib" "$WORK/alone/bin/plan-workbook.so"
expect_exit 1 -- "$WORK/alone/bin/plan" --plan tests/fixtures/mini.toml \
  --records tests/fixtures/records --lang zh status --format xlsx -o "$WORK/t.xlsx"
expect_err_line "plan: $WORK/alone/bin/plan-workbook.so: 无法加载 plan 读写 Excel 工作簿的模块：\
它不是 plan 的模块；请重新安装 plan"
[ ! -e "$WORK/t.xlsx" ] && ok || fail "a workbook written with another library as the module"

# The installed pages: man finds them under the prefix and renders them
# without a warning.
if command -v man >/dev/null; then
  for page in man1/plan.1 man5/plan-file.5 man5/plan-records.5; do
    out=$(MANWIDTH=80 man --warnings -l "$P/share/man/$page.gz" 2>&1 >"$WORK/page")
    [ -z "$out" ] && ok || fail "man --warnings -l $page: $(head -3 <<<"$out")"
    grep -q '^NAME' "$WORK/page" && ok || fail "man -l $page shows no NAME"
  done
  [ "$(MANPATH=$P/share/man man -w plan-records)" = "$P/share/man/man5/plan-records.5.gz" ] && ok ||
    fail "man -w plan-records under MANPATH: $(MANPATH=$P/share/man man -w plan-records 2>&1)"
else
  echo "skipped: man is not installed, the installed pages were not rendered"
fi

finish
