#!/usr/bin/env bash
# Explanations (情况说明) through the commands, on a copy of the cycle fixture
# (tests/fixtures/cycle.toml): 人社局 and 镇乙 skip June 2019 (due 10 July);
# 镇乙's records already explain its June on 12 July. `plan record … explain`
# and `plan import` (Chinese headers) write more; `plan due`, `plan status`,
# `plan show` show them; figures and filings do not change.
# Usage: explain.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"

mkdir -p "$TMP/p/plans"
cp "$SRC/tests/fixtures/cycle.toml" "$TMP/p/plans/"
cp -r "$SRC/tests/fixtures/cycle" "$TMP/p/records"
cd "$TMP/p" || exit 2

# --- plan record: the line, in the reporter's folder (人社局: hrss) -----------
run record jobs.urban_new explain --date 2019-07-15 --by 人社局 --period 2019-06 \
  --note "统计口径调整" --measures "7月20日前补报"
same "record explain: exit" "$RC" 0
same "record explain: line" "$OUT" \
  "records/hrss/2019.rec: 2019-07-15  jobs.urban_new  explain  by=人社局  period=2019-06  note=统计口径调整  measures=7月20日前补报"
same "record explain: appended" "$(tail -n 1 records/hrss/2019.rec)" \
  "2019-07-15  jobs.urban_new  explain  by=人社局  period=2019-06  note=统计口径调整  measures=7月20日前补报"
cp -r records "$TMP/before"
# Without its text it is refused, and nothing is written.
run record jobs.urban_new explain --date 2019-07-15 --by 人社局
same "explain without --note: exit" "$RC" 1
same "explain without --note: message" "$ERR" \
  'plan: value "explain": an explanation needs its text in a note= tag'
# A period of another frequency: jobs.urban_new is monthly, its first period
# is 2019-01 (the plan starts 2019-01-01).
run record jobs.urban_new explain --date 2019-07-15 --period 2019Q2 --note x
same "explain --period 2019Q2: exit" "$RC" 2
same "explain --period 2019Q2: message" "$ERR" \
  "plan: period '2019Q2' is not a monthly reporting period of jobs.urban_new (such as 2019-01)"
# A period that begins after the date: June's figure dated 30 June cannot be
# for July (a report is dated the day it came in).
run record jobs.urban_new 100 --date 2019-06-30 --period 2019-07 --by 人社局
same "--period after the date: exit" "$RC" 1
same "--period after the date: message" "$ERR" \
  "plan: period 2019-07 begins after the date 2019-06-30 (a figure is dated the day it came in); use --force if it is right"
if diff -r "$TMP/before" records >/dev/null; then passed=$((passed + 1)); else fail "refused explanations wrote"; fi

# --- plan import: Chinese headers 报送期, 情况说明, 整改措施 ---------------------
printf '日期,指标,数值,填报单位,报送期,情况说明,整改措施\n2019-07-20,jobs.reemployed,explain,镇乙,2019-06,企业停产统计滞后,8月补报\n' >"$TMP/x.csv"
run import "$TMP/x.csv"
same "import explain: exit" "$RC" 0
same "import explain: line" "$(tail -n 1 records/towns/b/2019.rec)" \
  "2019-07-20  jobs.reemployed  explain  by=镇乙  period=2019-06  note=企业停产统计滞后  measures=8月补报"

# --- plan due at 2019-07-31: both June reports still owed (21 days), each with
# its explanation; 镇乙's is the later one (20 July replaces 12 July: same
# indicator, period and by=).
run due --as-of 2019-07-31 --within 0 --format csv
same "due: explanations" "$(tail -n +2 <<<"$OUT" | cut -d, -f1,3,5,7,8 | tr -d '\r' | tr '\n' ' ')" \
  "人社局,jobs.urban_new,2019-06,21,统计口径调整 镇乙,jobs.reemployed,2019-06,21,企业停产统计滞后 "

# --- plan status JSON: still unreported, the figures unchanged (6 x 100 = 600
# and 12 x 10 = 120), the explanation with where it came from (line 1 of the
# new records/hrss/2019.rec; the fixture keeps 人社局 in records/hrss.rec).
run status --as-of 2019-07-31 --format json
same "status: urban_new" "$(jq -c '.indicators[0] | [.status, .actual, .explanations]' <<<"$OUT")" \
  '["unreported",600,[{"date":"2019-07-15","by":"人社局","period":"2019-06","note":"统计口径调整","measures":"7月20日前补报","file":"records/hrss/2019.rec","line":1}]]'
same "status: reemployed" "$(jq -c '.indicators[1] | [.status, .actual, [.explanations[] | .note]]' <<<"$OUT")" \
  '["unreported",120,["企业停产统计滞后"]]'
# Before the explanation's date it is not there yet.
run status --as-of 2019-07-14 --format json
same "status before: none" "$(jq -c '.indicators[0].explanations' <<<"$OUT")" '[]'

# --- plan show lists every explanation (history too), apart from the records:
# 镇甲 6 + 镇乙 6 figures by 31 July.
run show jobs.reemployed --as-of 2019-07-31
same "show: explanations" "$(grep -A1 -E '^(Explanations|  2019-07-(12|20))' <<<"$OUT" | grep -v '^--')" \
  "Explanations (2):
  2019-07-12  period 2019-06  by 镇乙  records/towns.rec:16
    6月企业用工统计延迟
  2019-07-20  period 2019-06  by 镇乙  records/towns/b/2019.rec:1
    企业停产统计滞后"
same "show: records" "$(grep '^Records' <<<"$OUT")" "Records (12):"

# --- plan check: explanations are valid lines.
run check
same "check: exit" "$RC" 0
# --force lands it (人社局's July, 2019-07-31, is in: --add); check then
# warns of it (a warning: exit 0).
run record jobs.urban_new 100 --date 2019-06-30 --period 2019-07 --by 人社局 --force --add
same "--period after the date, --force: exit" "$RC" 0
run check
same "check, period after the date: exit" "$RC" 0
same "check, period after the date: warning" "$(head -n 1 <<<"$ERR")" \
  "plan: records/hrss/2019.rec:2:1: warning: period 2019-07 begins after the date 2019-06-30 (a figure is dated the day it came in)"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
