#!/usr/bin/env bash
# plan due on a copy of the shipped project where two reporters skip June
# 2019: 平望镇's re-employment figure and 太培中心's migrant-worker training.
# June's monthly reports are due on 10 July (due_day = 10 in [schedule]), so
# at 2019-07-15 both are 5 days overdue, and at 2019-07-05 both fall due in
# 5 days.
source "$(dirname "$0")/lib.bash" "$@"
cp -r "$SRC/plans" "$SRC/records" "$WORK/"
cd "$WORK" || exit 1
sed -i '/^2019-06-30  jobs.reemployed /d' records/towns/pingwang/2019.rec
sed -i '/^2019-06-30  training.migrant_workers /d' records/training_centre/2019.rec

expect_exit 0 -- "$PLAN" due --as-of 2019-07-15 --within 0 --format csv
cat >"$WORK/want" <<'CSV'
reporter,state,id,name,period,due,days_overdue,explanation
太培中心,unreported,training.migrant_workers,新生代农民工技能培训,2019-06,2019-07-10,5,
平望镇,unreported,jobs.reemployed,城镇失业人员再就业人数,2019-06,2019-07-10,5,
CSV
sed -i 's/$/\r/' "$WORK/want" # CSV lines end in CRLF (RFC 4180)
expect_out "$WORK/want"

# Before the due day they are listed as falling due, not missing; nothing fails.
expect_exit 0 -- "$PLAN" due --as-of 2019-07-05 --fail-on unreported --format csv
cat >"$WORK/want" <<'CSV'
reporter,state,id,name,period,due,days_overdue,explanation
太培中心,due_soon,training.migrant_workers,新生代农民工技能培训,2019-06,2019-07-10,-5,
平望镇,due_soon,jobs.reemployed,城镇失业人员再就业人数,2019-06,2019-07-10,-5,
CSV
sed -i 's/$/\r/' "$WORK/want" # CSV lines end in CRLF (RFC 4180)
expect_out "$WORK/want"

# --fail-on unreported: exit 3 once one is missing, after the output.
expect_exit 3 -- "$PLAN" due --as-of 2019-07-15 --fail-on unreported --format json
expect_contains '"reporter": "平望镇"'
# A reporter or group filter; a typo is a usage error with a suggestion.
expect_exit 0 -- "$PLAN" due --as-of 2019-07-15 --within 0 --unit 各区镇 --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f1)" = "平望镇" ] && ok || fail "--unit 各区镇: $(cat "$WORK/out")"
expect_exit 2 -- "$PLAN" due --unit 平望 --as-of 2019-07-15
expect_err_line "plan: '平望' is not a reporter of the plan; did you mean '平望镇'?"

# The status of the two indicators is unreported at 07-15, on track at 07-05.
expect_exit 3 -- "$PLAN" status --as-of 2019-07-15 --status unreported --fail-on unreported --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f1 | tr '\n' ' ')" = "jobs.reemployed training.migrant_workers " ] && ok ||
  fail "status unreported at 07-15: $(cut -d, -f1 "$WORK/out" | tr '\n' ' ')"
expect_exit 0 -- "$PLAN" status --as-of 2019-07-05 --status unreported --fail-on unreported --format csv
[ "$(wc -l <"$WORK/out")" = 1 ] && ok || fail "status unreported at 07-05: $(cat "$WORK/out")"

# The July 2019 digest (as of E = 2019-07-31, made the day after, D =
# 2019-08-01) opens with exactly the two reports plan due lists at D,
# 31 - 10 + 1 = 22 days overdue, and counts them.
expect_exit 0 -- "$PLAN" --lang en report --month 2019-07 --format txt
sed -n '/^Reports missing at/,/^$/p' "$WORK/out" >"$WORK/section"
cat >"$WORK/want" <<'TXT'
Reports missing at 2019-08-01 (2)
---------------------------------
  太培中心: 2019-06, due 2019-07-10, 22 days overdue
    training.migrant_workers  新生代农民工技能培训
  平望镇: 2019-06, due 2019-07-10, 22 days overdue
    jobs.reemployed  城镇失业人员再就业人数

TXT
if cmp -s "$WORK/section" "$WORK/want"; then ok; else fail "digest's missing reports: $(cat "$WORK/section")"; fi
expect_exit 0 -- "$PLAN" due --as-of 2019-08-01 --within 0 --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f1,3,5,7 | tr -d '\r' | tr '\n' ' ')" = \
  "太培中心,training.migrant_workers,2019-06,22 平望镇,jobs.reemployed,2019-06,22 " ] && ok ||
  fail "plan due at 2019-08-01: $(cat "$WORK/out")"

# The shipped project itself owes nothing.
cd "$SRC" || exit 1
expect_exit 0 -- "$PLAN" due --as-of 2019-07-15 --fail-on unreported --format csv
# At a terminal it says so under the title, with no headings over nothing.
expect_exit 0 -- "$PLAN" due --as-of 2019-07-15
printf 'Reports due at 2019-07-15 (missing, and due within 10 days)\nNo report is missing or falling due.\n' >"$WORK/none"
expect_out "$WORK/none"

# plan check's summary, counted here another way: the record files, and
# their lines that are neither blank nor a comment. The plan has 49 numeric
# targets and 11 milestones. Under --lang zh the line is Chinese.
files=$(find records -name '*.rec' | wc -l)
entries=$(find records -name '*.rec' -exec cat {} + | grep -c -v -E '^[[:space:]]*(#|$)')
expect_exit 0 -- "$PLAN" check
expect_err_line "plan: plans/wujiang-2018-2020.toml: 60 indicators; records: $entries entries in $files files; 0 errors, 0 warnings"
expect_exit 0 -- "$PLAN" --lang zh check
expect_err_line "plan: plans/wujiang-2018-2020.toml：指标 60 项；records：$files 个文件，记录 $entries 条；错误 0 个，警告 0 个"
finish
