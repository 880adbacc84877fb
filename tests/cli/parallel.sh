#!/usr/bin/env bash
# Reading the records in parallel (PLAN_THREADS > 1) changes nothing a
# person or a script sees: every figure command and `plan check` print the
# same bytes on stdout and stderr, and exit the same, as with one thread —
# on the shipped records, on a generated ledger of 48 files, on the same
# ledger damaged, and on one whose sum overflows only in read order.
source "$(dirname "$0")/lib.bash" "$@"

PLANFILE=$SRC/plans/wujiang-2018-2020.toml
BIG=$WORK/big
python3 "$SRC/bench/gen_ledger.py" 30000 "$BIG" --plan "$PLANFILE" >/dev/null 2>&1 || fail "gen_ledger.py"

# The same ledger, damaged: a month 13, an unknown id, a line entered twice,
# a cut-off last line, a non-UTF-8 byte, a tab, a unit not reporting its
# figure, each in a different file.
DAMAGED=$WORK/damaged
cp -r "$BIG" "$DAMAGED"
mapfile -t files < <(find "$DAMAGED" -name '*.rec' | LC_ALL=C sort)
# The first entry at or after line N of file F (not a comment or blank line).
entry_at() { awk -v n="$1" 'NR >= n && /^[0-9]/ { print NR; exit }' "$2"; }
bad_date=$(entry_at 5 "${files[0]}")
bad_id=$(entry_at 7 "${files[3]}")
sed -i "${bad_date}s/^\\(....\\)-../\\1-13/" "${files[0]}"
sed -i "${bad_id}s/^\\([0-9-]*\\)  [a-z_.]*/\\1  no.such_id/" "${files[3]}"
sed -n "$(entry_at 20 "${files[7]}")p" "${files[7]}" >>"${files[7]}"
printf '2019-06-30  jobs.urban_new  12' >>"${files[11]}"
printf '2019-06-30  jobs.urban_new  1  note=\xff\n' >>"${files[20]}"
sed -i '9s/  / \t /' "${files[30]}"
# and a figure under a unit that does not report it (jobs.reemployed is the
# towns'): a warning the generator, filing each unit's own, never gives.
printf '2019-06-30  jobs.reemployed  30  by=教育局\n' >>"${files[25]}"

# Sums that overflow only in the order the files are read: 4e12 + 4e12 is
# past the limit at b.rec; c.rec would bring the total back.
OVER=$WORK/over
mkdir -p "$OVER"
printf '2018-03-31  jobs.urban_new  4000000000000\n' >"$OVER/a.rec"
printf '2018-04-30  jobs.urban_new  4000000000000\n' >"$OVER/b.rec"
printf '2018-05-31  jobs.urban_new  -4000000000000\n' >"$OVER/c.rec"

commands=(
  "status --as-of 2020-06-30 --format json"
  "status --as-of 2019-03-31"
  "report --period month --as-of 2020-06-30"
  "report --period quarter --as-of 2019-09-30 --format md"
  "yoy --as-of 2020-12-31 --format json"
  "units --as-of 2020-06-30"
  "due --as-of 2020-06-30"
  "check"
)
# Runs the plan command $2 on the records $1 with one thread, then with 2
# and 5: each must print the same bytes and exit the same. Sets $one to the
# exit of one thread.
same_for_threads() {
  local records=$1 c=$2 n got
  # shellcheck disable=SC2086  # the command's words
  PLAN_THREADS=1 "$PLAN" --plan "$PLANFILE" --records "$records" $c >"$WORK/one.out" 2>"$WORK/one.err"
  one=$?
  for n in 2 5; do
    # shellcheck disable=SC2086
    PLAN_THREADS=$n "$PLAN" --plan "$PLANFILE" --records "$records" $c >"$WORK/n.out" 2>"$WORK/n.err"
    got=$?
    if [ "$got" = "$one" ] && cmp -s "$WORK/one.out" "$WORK/n.out" && cmp -s "$WORK/one.err" "$WORK/n.err"; then
      ok
    else
      fail "PLAN_THREADS=$n differs from 1 (exit $got vs $one): $c on $records"
      diff "$WORK/one.out" "$WORK/n.out" | head -5 >&2
      diff "$WORK/one.err" "$WORK/n.err" | head -5 >&2
    fi
  done
}
for records in "$SRC/records" "$BIG" "$DAMAGED" "$OVER"; do
  for c in "${commands[@]}"; do same_for_threads "$records" "$c"; done
done

# The damaged ledger's problems are really there, so the comparison above
# compared something (6 errors, each named at its file and line).
PLAN_THREADS=3 "$PLAN" --plan "$PLANFILE" --records "$DAMAGED" check >"$WORK/out" 2>"$WORK/err"
[ $? = 1 ] && ok || fail "check of the damaged ledger should exit 1"
grep -q "^plan: ${files[0]}:$bad_date:1: ....-13-.. is not a calendar date" "$WORK/err" && ok || fail "no error at ${files[0]}:$bad_date"
grep -q "^plan: ${files[3]}:$bad_id:13: unknown indicator" "$WORK/err" && ok ||
  fail "no unknown id at ${files[3]}:$bad_id"
grep -q "entered twice" "$WORK/err" && ok || fail "no double entry found"
grep -q "^plan: ${files[25]}:[0-9]*:37: warning: 教育局 is not a reporter of jobs.reemployed" "$WORK/err" &&
  ok || fail "no warning of a unit not reporting its figure in ${files[25]}"
# The overflow is found where one thread finds it: at b.rec, line 1.
PLAN_THREADS=3 "$PLAN" --plan "$PLANFILE" --records "$OVER" status >"$WORK/out" 2>"$WORK/err"
[ $? = 1 ] && ok || fail "status of the overflowing ledger should exit 1"
grep -q "^plan: $OVER/b.rec:1:1: the sum of jobs.urban_new overflows" "$WORK/err" && ok ||
  { fail "overflow not at b.rec:1"; cat "$WORK/err" >&2; }

# plan record and plan import judge the ledger in parallel too: a figure
# that is in two files is named at the first one read, an implausible one
# in the same words, whatever the number of threads.
DUP=$WORK/dup
cp -r "$BIG" "$DUP"
mapfile -t dfiles < <(find "$DUP" -name '*.rec' | LC_ALL=C sort)
twice='2019-06-30  jobs.urban_new  777  by=人社局'
printf '%s\n' "$twice" >>"${dfiles[40]}"
printf '%s\n' "$twice" >>"${dfiles[5]}"
first_at="${dfiles[5]}:$(wc -l <"${dfiles[5]}")"
printf '日期,指标,数值,填报单位\n2019-06-30,jobs.urban_new,777,人社局\n2019-07-31,jobs.urban_new,778,人社局\n2019-07-31,jobs.urban_new,778,人社局\n2019-08-31,jobs.urban_new,900000000,人社局\n2019-09-30,jobs.urban_new,779,人社局\n' >"$WORK/q.csv"
judged=(
  "record jobs.urban_new 777 --date 2019-06-30 --by 人社局"
  "record jobs.urban_new 900000000 --date 2019-08-31 --by 人社局"
  "import $WORK/q.csv --dry-run"
)
for c in "${judged[@]}"; do
  same_for_threads "$DUP" "$c"
  [ "$one" = 1 ] && ok || fail "$c should be refused (exit $one)"
done
# What the comparison compared: the first copy named, the batch's own
# repeat, the implausible figure; and nothing was written.
PLAN_THREADS=5 "$PLAN" --plan "$PLANFILE" --records "$DUP" import "$WORK/q.csv" >"$WORK/out" 2>"$WORK/err"
grep -q "^plan: $WORK/q.csv:2:27: cell C2: same date, id, value and by= as $first_at: already in the ledger" "$WORK/err" && ok ||
  { fail "the duplicate is not named at $first_at"; cat "$WORK/err" >&2; }
grep -q "^plan: $WORK/q.csv:4:27: cell C4: same date, id, value and by= as $WORK/q.csv:3: entered twice" "$WORK/err" && ok ||
  { fail "the repeated row is not named"; cat "$WORK/err" >&2; }
grep -q "^plan: $WORK/q.csv:5:27: cell C5: value 900000000 of jobs.urban_new is .* times the largest" "$WORK/err" && ok ||
  { fail "the implausible figure is not named"; cat "$WORK/err" >&2; }
# Row 3 is 人社局's July again: refused as a second figure (--add,
# --replace), naming the first figure and the sum, which the threads must
# agree on (same_for_threads above); so are rows 5 (August) and 6
# (September): 6 errors with the three above.
grep -q "^plan: $WORK/q.csv:3:27: cell C3: 人社局 already reported jobs.urban_new for 2019-07 (" "$WORK/err" && ok ||
  { fail "no second-figure refusal for row 3"; cat "$WORK/err" >&2; }
grep -q "nothing imported: 6 errors" "$WORK/err" && ok || { fail "not 6 errors"; cat "$WORK/err" >&2; }
diff -r "$BIG" "$DUP" | grep -c '^>' | grep -qx 2 && ok || fail "the ledger changed beyond the two lines put in"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
