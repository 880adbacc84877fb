# Shared by the CLI tests: run the real executable, compare with what a
# person checked by hand, count, and end with the line CI reads:
# "N passed, M failed".
# Usage in a test: source lib.bash "$@"  (args: PLAN_BINARY SOURCE_DIR)
set -u
PLAN=$1
SRC=$2
FIX=$SRC/tests/fixtures
GOLDEN=$SRC/tests/golden
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR= LANG=C.UTF-8 LC_ALL=C.UTF-8
unset PLAN_FILE PLAN_RECORDS COLUMNS
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL: $*" >&2
}

# expect_exit CODE -- command…   (stdout/stderr kept in $WORK/out, $WORK/err)
expect_exit() {
  local want=$1
  shift 2
  "$@" >"$WORK/out" 2>"$WORK/err"
  local got=$?
  if [ "$got" = "$want" ]; then ok; else fail "exit $got, want $want: $*"; sed 's/^/  err: /' "$WORK/err" >&2; fi
}

# expect_out FILE: the last command's stdout equals FILE
expect_out() {
  if cmp -s "$WORK/out" "$1"; then ok; else fail "stdout differs from $1"; diff "$1" "$WORK/out" | head -20 >&2; fi
}

# expect_err_line TEXT: the last command's stderr has a line equal to TEXT
expect_err_line() {
  if grep -qxF -- "$1" "$WORK/err"; then ok; else fail "no stderr line: $1"; sed 's/^/  err: /' "$WORK/err" | head -5 >&2; fi
}

# expect_contains TEXT: the last command's stdout contains TEXT
expect_contains() {
  if grep -qF -- "$1" "$WORK/out"; then ok; else fail "stdout lacks: $1"; fi
}

# expect_lacks TEXT: the last command's stdout does not contain TEXT
expect_lacks() {
  if grep -qF -- "$1" "$WORK/out"; then fail "stdout has: $1"; else ok; fi
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}
