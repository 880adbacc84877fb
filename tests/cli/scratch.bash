# Shared by the CLI tests that run plan on a scratch project (record_import.sh,
# reporters.sh, import_xlsx.sh): sourced after `set -u` with the script's arguments
# PLAN_BINARY SOURCE_DIR. Sets PLAN, SRC and a TMP folder removed on exit.
PLAN=$(realpath "$1")
SRC=$(realpath "$2")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

fail() {
  echo "FAIL: $*" >&2
  failed=$((failed + 1))
}

# run ARGS…: runs plan in the current project; sets OUT, ERR and RC.
run() {
  OUT=$("$PLAN" "$@" 2>"$TMP/stderr")
  RC=$?
  ERR=$(cat "$TMP/stderr")
}

# same NAME ACTUAL EXPECTED
same() {
  if [[ "$2" == "$3" ]]; then
    passed=$((passed + 1))
  else
    fail "$1"
    printf '  expected: %q\n  actual:   %q\n' "$3" "$2" >&2
  fi
}

# file_is NAME FILE EXPECTED_CONTENT (compared byte for byte, newlines included)
file_is() {
  if [[ ! -f "$2" ]]; then
    fail "$1: $2 does not exist"
  elif cmp -s "$2" <(printf '%s' "$3"); then
    passed=$((passed + 1))
  else
    fail "$1: $2 differs"
    diff <(printf '%s' "$3") "$2" >&2
  fi
}
