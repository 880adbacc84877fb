#!/usr/bin/env bash
# The catalogue of bad inputs (issue 11): record files, plans, CSV imports,
# file-system oddities and arguments. Each case asserts the exit code, the
# located message (FILE:LINE:COL where there is a place) and that every
# record file is byte-identical afterwards; none may abort or hang (each
# run has a 10-second timeout, and an abort is exit 134, never expected).
# Usage: catalogue.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"

GOOD='2019-01-31  jobs.urban_new  1'

# A fresh project in $TMP/p: plans/x.toml and records/a.rec with one good
# line. cd's into it.
fresh() {
  rm -rf "$TMP/p"
  mkdir -p "$TMP/p/plans" "$TMP/p/records"
  cp "$SRC/tests/fixtures/record_import.toml" "$TMP/p/plans/x.toml"
  printf '%s\n' "$GOOD" >"$TMP/p/records/a.rec"
  cd "$TMP/p" || exit 2
}

# Checksums of every file under records/ (names included, bytes as they are)
# but the lock file, which any run may create empty (plan-records(5),
# WRITING); a journal left behind would show.
sums() {
  find records -type f ! -name .plan-lock -print0 2>/dev/null | sort -z | xargs -0 -r sha256sum
}

# expect NAME EXIT MESSAGE -- ARGS…: runs plan ARGS in the current project;
# checks the exit code, that stderr has MESSAGE as a whole line (no check
# when MESSAGE is empty), and that the records are unchanged.
expect() {
  local name=$1 want=$2 msg=$3
  shift 4
  local before after
  before=$(sums)
  OUT=$(timeout 10 "$PLAN" "$@" 2>"$TMP/stderr" </dev/null)
  RC=$?
  ERR=$(cat "$TMP/stderr")
  after=$(sums)
  same "$name: exit" "$RC" "$want"
  if [[ -n "$msg" ]]; then
    if grep -qxF -- "$msg" "$TMP/stderr"; then
      passed=$((passed + 1))
    else
      fail "$name: message"
      printf '  expected line: %q\n  stderr: %q\n' "$msg" "$ERR" >&2
    fi
  fi
  same "$name: records unchanged" "$after" "$before"
}

# bad_line NAME COLUMN MESSAGE LINE: LINE as line 2 of records/a.rec (after a
# good one), then `plan check` reports it at a.rec:2:COLUMN.
bad_line() {
  fresh
  printf '%s\n%s\n' "$GOOD" "$4" >records/a.rec
  expect "record: $1" 1 "plan: records/a.rec:2:$2: $3" -- check
}

# --- record files -------------------------------------------------------------
# Columns by hand: "2019-03-31  " is 12 characters, so the id starts at 13;
# "jobs.urban_new  " 16 more, so the value starts at 29 and, after a value of
# one character and two spaces, the first tag at 32. An error points at the
# offending character: the ',' of "4,210" at 30; the second "by=" after
# "by=a  " at 38; the quote of note=" at 37; after "note=a" (32..37) at 38.
bad_line "date shape" 1 "expected a date (YYYY-MM-DD)" '2019-3-31  jobs.urban_new  5'
bad_line "date not in the calendar" 1 "2019-02-29 is not a calendar date" \
  '2019-02-29  jobs.urban_new  5'
bad_line "unknown id" 13 "unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?" \
  '2019-03-31  jobs.urban_nwe  5'
bad_line "no id" 11 "expected an indicator id after the date" '2019-03-31'
bad_line "no value" 27 "expected a value after the indicator id" '2019-03-31  jobs.urban_new'
bad_line "thousands separator" 30 "thousands separators are not allowed in numbers" \
  '2019-03-31  jobs.urban_new  4,210'
bad_line "seven decimal places" 29 "too many decimal places (at most 6)" \
  '2019-03-31  jobs.urban_new  1.0000001'
bad_line "too large" 29 "number too large" '2019-03-31  jobs.urban_new  99999999999999'
bad_line "exponent" 30 "unexpected character 'e' in value" '2019-03-31  jobs.urban_new  1e5'
bad_line "nan" 29 "expected a number" '2019-03-31  jobs.urban_new  nan'
bad_line "milestone number" 24 "expected done or undone; hr.portal is a milestone" \
  '2019-03-31  hr.portal  1'
bad_line "percent on a count" 30 "'%' is only for indicators measured in %; jobs.urban_new is measured in 人" \
  '2019-03-31  jobs.urban_new  5%'
bad_line "duplicate tag" 38 "duplicate tag 'by'" '2019-03-31  jobs.urban_new  5  by=a  by=b'
bad_line "unterminated quote" 37 "unterminated quoted value" \
  '2019-03-31  jobs.urban_new  5  note="x'
bad_line "bad escape" 39 "unknown escape '\\q'; write \\\\ for a backslash" \
  '2019-03-31  jobs.urban_new  5  note="a\q"'
bad_line "BOM in a tag value" 36 "byte order mark (U+FEFF) not at the start of the file" \
  $'2019-03-31  jobs.urban_new  5  by=a\xEF\xBB\xBF'
bad_line "BOM at a line start" 1 "byte order mark (U+FEFF) not at the start of the file" \
  $'\xEF\xBB\xBF2019-03-31  jobs.urban_new  5'
bad_line "control character" 38 "control character U+0001" \
  $'2019-03-31  jobs.urban_new  5  note=a\x01'
bad_line "C1 control" 38 "control character U+0085" \
  $'2019-03-31  jobs.urban_new  5  note=a\xC2\x85'
bad_line "invalid UTF-8" 38 "invalid UTF-8 (byte 0xFF)" $'2019-03-31  jobs.urban_new  5  note=a\xFF'
# 中 in GBK (D6 D0): the line reads as GB18030, and the message says so.
bad_line "GBK text" 37 "invalid UTF-8 (byte 0xD6); the line looks like GB18030 (GBK), as Notepad on older Chinese Windows saves text: save the file as UTF-8 (iconv -f gb18030 -t utf-8 converts a file that is all GB18030)" \
  $'2019-03-31  jobs.urban_new  5  note=\xD6\xD0'
bad_line "CRLF" 30 "carriage return (CRLF line ending); record files use LF" \
  $'2019-03-31  jobs.urban_new  5\r'
bad_line "full-width space" 11 "full-width space (U+3000); separate fields with spaces or tabs" \
  '2019-03-31　jobs.urban_new  5'
bad_line "line too long" 1 "line too long (more than 65536 bytes)" \
  "2019-03-31  jobs.urban_new  5  note=$(head -c 70000 /dev/zero | tr '\0' x)"

fresh
printf '%s\n2019-03-31  jobs.urban_new  5  note=a\0b\n' "$GOOD" >records/a.rec
expect "record: NUL byte" 1 "plan: records/a.rec:2:38: NUL byte" -- check

# Two entries of 9,000,000,000,000: their sum is beyond the figures' limit
# (4,611,686,018,427.387903); each alone is within the record format's
# range. check reports it (it once passed), and status refuses.
fresh
printf '%s\n2019-03-31  jobs.urban_new  9000000000000\n2019-04-30  jobs.urban_new  9000000000000\n' \
  "$GOOD" >records/a.rec
expect "record: sum beyond the limit, check" 1 \
  "plan: records/a.rec:2:1: the sum of jobs.urban_new may overflow: its entries add up to more than 4,611,686,018,427.387903" \
  -- check --strict
expect "record: sum beyond the limit, status" 1 "" -- status --as-of 2019-12-31
# A single entry near the 64-bit limit: its shortfall was capped silently.
fresh
printf '2019-03-31  jobs.urban_new  -9223372036854.775807\n' >records/a.rec
expect "record: a figure near the 64-bit limit, check" 1 \
  "plan: records/a.rec:1:1: the sum of jobs.urban_new may overflow: its entries add up to more than 4,611,686,018,427.387903" \
  -- check
expect "record: a figure near the 64-bit limit, status" 1 "" -- status --as-of 2019-12-31
fresh
printf '2019-03-31  unemployment.rate  5000000000000\n' >records/a.rec
expect "record: a reading beyond the limit" 1 \
  "plan: records/a.rec:1:1: the reading of unemployment.rate is too large (at most 4,611,686,018,427.387903)" \
  -- check

# --- plans --------------------------------------------------------------------

# bad_plan NAME LINE:COL MESSAGE TEXT: the plan file is TEXT.
bad_plan() {
  fresh
  printf '%s' "$4" >plans/x.toml
  expect "plan: $1" 1 "plan: plans/x.toml:$2: $3" -- check
}

# with_key KEY = VALUE: the fixture with jobs.urban_new's target line
# (line 26, "target = 51000") replaced.
with_target() {
  sed "26s/.*/$1/" "$SRC/tests/fixtures/record_import.toml"
}

bad_plan "the two bytes of toml++ #295" 1:1 \
  "unexpected character '¿' (U+00BF); outside strings and comments TOML is ASCII (text goes in quotes)" \
  $'\xC2\xBF'
bad_plan "§ after a line-ending backslash (toml++ #190)" 2:1 \
  "'§' (U+00A7) after a line-ending backslash: the TOML reader (toml++ 3.3.0) cannot read it there; start the line with another character" \
  $'s = """\\\n\xC2\xA7"""\n'
bad_plan "invalid UTF-8" 1:3 "invalid UTF-8" $'# \xFF\n'
# 中文 in GBK (D6 D0 CE C4) in a comment: the file reads as GB18030.
bad_plan "GBK text" 1:3 "invalid UTF-8; the file looks like GB18030 (GBK), as Notepad on older Chinese Windows saves text: save it as UTF-8, or convert it with iconv -f gb18030 -t utf-8" \
  $'# \xD6\xD0\xCE\xC4\n'
bad_plan "empty" 1:1 "missing [plan] table (id, title, issuer, issued, start, end)" ''
bad_plan "seven decimal places" 26:10 "'target' 0.0000001: too many decimal places (at most 6)" \
  "$(with_target 'target = 0.0000001')"
bad_plan "nan" 26:10 "'target' is not a number (nan)" "$(with_target 'target = nan')"
bad_plan "inf" 26:10 "'target' is infinite" "$(with_target 'target = -inf')"
bad_plan "too large" 26:10 "'target' is too large (at most 4,611,686,018,427.387903)" \
  "$(with_target 'target = 5000000000000')"
bad_plan "negative flow target" 26:10 "a total target cannot be negative (-5)" \
  "$(with_target 'target = -5')"
bad_plan "years key of 14 digits" 26:28 \
  "'years' keys must be four-digit years, not '12345678901234'" \
  "$(with_target 'years = { 12345678901234 = 5 }')"
bad_plan "year 0000" 9:9 "'start' 0000-01-01 is outside the years 0001 to 9999" \
  "$(sed '9s/.*/start = 0000-01-01/' "$SRC/tests/fixtures/record_import.toml")"

fresh
expect "plan: --plan names a folder" 1 \
  "plan: plans: is a folder, not a plan file; give the .toml file in it" -- check --plan plans
mkfifo "$TMP/plan.fifo"
expect "plan: --plan names a FIFO" 1 "plan: $TMP/plan.fifo: not a regular file" \
  -- check --plan "$TMP/plan.fifo"
expect "plan: --plan names /dev/zero" 1 "plan: /dev/zero: not a regular file" \
  -- check --plan /dev/zero

# --- CSV imports --------------------------------------------------------------

# bad_csv NAME EXIT MESSAGE TEXT [ARGS…]: TEXT as in.csv, then plan import.
bad_csv() {
  local name=$1 want=$2 msg=$3 text=$4
  shift 4
  fresh
  printf '%s' "$text" >in.csv
  expect "import: $name" "$want" "$msg" -- import in.csv "$@"
}

bad_csv "date of 11 digits" 1 \
  'plan: in.csv:2:1: cell A2: date "99999999999/1/1" is not a date (YYYY-MM-DD; YYYY/M/D and YYYY年M月D日 are taken too)' \
  $'date,id,value\n99999999999/1/1,jobs.urban_new,5\n'
bad_csv "unknown id" 1 "" $'date,id,value\n2019-03-31,jobs.urban_nwe,5\n'
bad_csv "bad value" 1 "" $'date,id,value\n2019-03-31,jobs.urban_new,5x\n'
bad_csv "no value column" 1 "" $'date,id\n2019-03-31,jobs.urban_new\n'
bad_csv "GBK bytes read as UTF-8" 1 "" $'date,id,value,note\n2019-03-31,jobs.urban_new,5,\xD6\xD0\n'
bad_csv "unterminated quote" 1 "" $'date,id,value\n2019-03-31,jobs.urban_new,"5\n'
bad_csv "unknown encoding" 2 "" $'date,id,value\n' --encoding klingon
bad_csv "--file notes.txt" 2 \
  "plan: --file notes.txt: not named *.rec, so it would never be read as a record file" \
  $'date,id,value\n2019-03-31,jobs.urban_new,5\n' --file notes.txt
fresh
expect "import: no such file" 1 "plan: nope.csv: cannot read the file: No such file or directory" \
  -- import nope.csv

# --- file-system oddities -----------------------------------------------------

fresh
mkfifo "$TMP/records.fifo"
expect "fs: --records names a FIFO" 1 "" -- status --records "$TMP/records.fifo"
same "fs: --records FIFO message" "${ERR%% (*}" "plan: $TMP/records.fifo: not a folder or a regular file"
expect "fs: --records names /dev/zero" 1 "" -- status --records /dev/zero
same "fs: --records /dev/zero message" "${ERR%% (*}" "plan: /dev/zero: not a folder or a regular file"
fresh
mkfifo records/pipe.rec
expect "fs: a FIFO inside records" 1 "plan: records/pipe.rec: not a regular file" -- check
# Written to, it would block the writer or take the figure away unread (and
# a failed append left a journal behind): refused before anything is written.
expect "fs: --file names a FIFO" 2 \
  "plan: --file records/pipe.rec: not a regular file, so it would never be read as a record file" \
  -- record jobs.urban_new 5 --date 2019-08-31 --file records/pipe.rec
same "fs: no journal after --file FIFO" "$(ls -A records | grep -c journal)" 0
mkfifo in.csv in.xlsx
expect "fs: import of a FIFO (CSV)" 1 "plan: in.csv: not a regular file" -- import in.csv
expect "fs: import of a FIFO (workbook)" 1 "plan: in.xlsx: not a regular file" -- import in.xlsx
fresh
ln -s loop.rec records/loop.rec
expect "fs: a link to itself inside records" 1 \
  "plan: records/loop.rec: cannot open: too many levels of symbolic links" -- check
# In Chinese: the action and the reason a person meets both.
expect "fs: a link to itself inside records, in Chinese" 1 \
  "plan: records/loop.rec: 无法打开：符号链接层数过多" -- --lang zh check
fresh
ln -s "$TMP/loopdir" "$TMP/loopdir"
expect "fs: --records is a link loop" 1 "" -- check --records "$TMP/loopdir"
same "fs: link loop message" "${ERR%%$'\n'*}" \
  "plan: $TMP/loopdir: no such records folder"
expect "fs: --records is a link loop, in Chinese" 1 "" -- --lang zh check --records "$TMP/loopdir"
same "fs: link loop message in Chinese" "${ERR%%$'\n'*}" "plan: $TMP/loopdir: 没有这个记录文件夹"
fresh
ln -s /dev/zero records/zero.rec
expect "fs: a link to /dev/zero inside records" 1 "plan: records/zero.rec: not a regular file" -- check
expect "fs: a link to /dev/zero inside records, in Chinese" 1 \
  "plan: records/zero.rec: 不是普通文件" -- --lang zh check
fresh
# The digest is renamed over --output: a device would be replaced (as root)
# by a regular file. Refused instead.
expect "fs: report to /dev/full" 2 \
  "plan: --output /dev/full: not a regular file; the digest replaces the file it names" \
  -- report --as-of 2019-07-01 --output /dev/full
[[ -c /dev/full ]] && passed=$((passed + 1)) || fail "fs: /dev/full is no longer a device"

# Non-UTF-8 names (GBK 广 = B9 E3, 中 = D6 D0), as copied from a Windows
# share: every output is valid UTF-8 with each byte as \xNN; nothing aborts.
fresh
mkdir -p records/$'\xB9\xE3'
printf '2019-03-31  jobs.urban_new  5\n' >records/$'\xB9\xE3'/$'\xD6\xD0'.rec
expect "fs: GBK names, log json" 0 "" -- log --format json
same "fs: GBK names in JSON" "$(printf '%s' "$OUT" | /usr/bin/python3 -c \
  'import json,sys; print(json.load(sys.stdin)["entries"][1]["file"])')" 'records/\xb9\xe3/\xd6\xd0.rec'
expect "fs: GBK names, show json" 0 "" -- show jobs.urban_new --format json --as-of 2019-12-31
printf '%s' "$OUT" | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin)' &&
  passed=$((passed + 1)) || fail "fs: show JSON does not parse"
expect "fs: GBK names, log csv" 0 "" -- log --format csv
same "fs: GBK names in CSV" "$(printf '%s' "$OUT" | grep -c 'records/\\xb9\\xe3/\\xd6\\xd0.rec')" 1
printf '%s\nbad\n' "$GOOD" >>records/$'\xB9\xE3'/$'\xD6\xD0'.rec
expect "fs: GBK names in a message" 1 \
  'plan: records/\xb9\xe3/\xd6\xd0.rec:3:1: expected a date (YYYY-MM-DD)' -- check

if [[ $(id -u) != 0 ]]; then  # root reads and writes everything
  fresh
  chmod 000 records/a.rec
  expect "fs: an unreadable record file" 1 "plan: records/a.rec: cannot open: permission denied" -- check
  chmod 644 records/a.rec
  chmod 555 records
  expect "fs: a read-only records folder" 1 "" -- record jobs.urban_new 5 --date 2019-03-31
  chmod 755 records
fi

# --- arguments ----------------------------------------------------------------

fresh
expect "args: --file notes.txt" 2 \
  "plan: --file notes.txt: not named *.rec, so it would never be read as a record file" \
  -- record jobs.urban_new 5 --date 2019-03-31 --file notes.txt
[[ ! -e notes.txt ]] && passed=$((passed + 1)) || fail "args: notes.txt was written"
expect "args: --file outside records" 2 \
  "plan: --file elsewhere/x.rec: not inside records/, so it would never be read as a record file" \
  -- record jobs.urban_new 5 --date 2019-03-31 --file elsewhere/x.rec
expect "args: --as-of not a date" 2 "" -- status --as-of 2019-13-01
expect "args: report near year 0" 2 \
  "plan: the week digest at this date would cover or compare with days before 0001-01-01; give a later --as-of or period" \
  -- report --period week --as-of 0001-01-03
expect "args: unknown format" 2 "" -- status --format xml
expect "args: unknown by" 2 "" -- record jobs.urban_new 5 --date 2019-03-31 --by 人设局
expect "args: unknown command" 2 "" -- frobnicate
# The argument parser's errors read as plan's own: one line, "plan: ...",
# naming the help that says more (not CLI11's "Run with --help" second line).
expect "args: missing argument" 2 "plan: input is required (plan import --help)" -- import
same "args: missing argument: one line" "$(wc -l <"$TMP/stderr")" 1
expect "args: not a date" 2 \
  "plan: --as-of: '2019-13-01' is not a date (YYYY-MM-DD) (plan status --help)" \
  -- status --as-of 2019-13-01
expect "args: no command" 2 \
  "plan: a command is required: status show yoy units record import list report due template log check (plan --help)" \
  --
expect "args: record, value not a number" 1 \
  'plan: value "4,210": thousands separators are not allowed in numbers' \
  -- record jobs.urban_new 4,210 --date 2019-03-31

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
