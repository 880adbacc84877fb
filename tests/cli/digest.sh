#!/usr/bin/env bash
# plan report (the digest): calendar periods, exit codes, --output,
# --output-dir/--each-unit, --fail-on and --unit as a cron job meets them,
# and the golden digests. The digest's figures are checked in
# tests/digest_*_test.cpp.
#
# The fixture ledger (tests/fixtures/records), worked out by hand: at
# 2019-06-30 jobs.urban_new has 4210 - 120 + 12000 + 9000 = 25,090 < 17000 +
# 17000 × 181/365 = 25,430 (behind), skills.high 2,900 < 2000 + 2000 ×
# 181/365 = 2,992 (behind), skills.total 9,500 ≥ 8,975 (on track),
# skills.leaders 3 (achieved), both rates met, hr.portal pending.
source "$(dirname "$0")/lib.bash" "$@"
P=(--plan "$FIX/mini.toml" --records "$FIX/records")

# Made on Monday 2019-07-01, the weekly digest covers the ISO week that ended
# the day before: 2019-W26, Monday 2019-06-24 to Sunday 2019-06-30.
expect_exit 0 -- "$PLAN" "${P[@]}" report --period week --as-of 2019-07-01
expect_contains "测试计划 — weekly report, week 2019-W26 (2019-06-24 to 2019-06-30)"
expect_contains "Period 2019-06-24 to 2019-06-30; figures as of 2019-06-30 with the reports filed"
expect_contains "by 2019-07-01, status compared with 2019-06-23"
expect_contains "Reports missing at 2019-07-01"
expect_contains "7 indicators: 3 achieved, 2 on track, 2 behind, 0 missed, 0 no data"
expect_contains "Recorded in the period: 4 entries on 4 indicators"
expect_contains "Furthest behind (2 of 2 behind), with the pace now needed"
# No line wider than 80 display columns (CJK characters count two).
wide=$(python3 -c '
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) > 80:
        print(line)' "$WORK/out")
if [ -z "$wide" ]; then ok; else fail "txt lines over 80 columns: $wide"; fi
cp "$WORK/out" "$WORK/w26"
# The same week named explicitly is made the day after it, as cron makes
# it; made on any day of the next week it is the same week, as known that
# day (no report was filed in between: only the day differs).
expect_exit 0 -- "$PLAN" "${P[@]}" report --week 2019-W26
if cmp -s "$WORK/out" "$WORK/w26"; then ok; else fail "--week 2019-W26 differs from the week before 2019-07-01"; fi
expect_exit 0 -- "$PLAN" "${P[@]}" report --period week --as-of 2019-07-07
if sed 's/by 2019-07-07, status/by 2019-07-01, status/; s/^Reports missing at 2019-07-07/Reports missing at 2019-07-01/' "$WORK/out" | cmp -s - "$WORK/w26"; then ok; else fail "on Sunday 2019-07-07 the week is not W26"; fi
expect_exit 0 -- "$PLAN" "${P[@]}" report --week 2019-W26 --as-of 2019-07-07
if sed 's/by 2019-07-07, status/by 2019-07-01, status/; s/^Reports missing at 2019-07-07/Reports missing at 2019-07-01/' "$WORK/out" | cmp -s - "$WORK/w26"; then ok; else fail "--week 2019-W26 --as-of 2019-07-07 is not W26 made on 07-07"; fi

# A period outside the plan's (2018-01-01 to 2020-12-31) is likelier a
# mistyped year: the digest is made, with a warning; one inside, none.
expect_exit 0 -- "$PLAN" "${P[@]}" report --month 2017-12
expect_err_line "plan: warning: 2017-12 ends before the plan begins (2018-01-01): nothing in it is due, and no figure counts yet"
expect_exit 0 -- "$PLAN" "${P[@]}" report --quarter 2021Q1
expect_err_line "plan: warning: 2021Q1 begins after the plan ended (2020-12-31): its figures are the plan's final ones"
expect_exit 0 -- "$PLAN" "${P[@]}" report --month 2018-01
[ ! -s "$WORK/err" ] && ok || fail "--month 2018-01: a warning"
expect_exit 0 -- "$PLAN" "${P[@]}" report --as-of 2021-02-01
expect_err_line "plan: warning: 2021-01 begins after the plan ended (2020-12-31): its figures are the plan's final ones"
expect_exit 0 -- "$PLAN" "${P[@]}" --lang zh report --month 2017-12
expect_err_line "plan: 警告：2017-12 在计划开始（2018-01-01）之前结束：其中没有应报送的报告，也没有计入的数据"
# Left to today's date (years after this plan's end), it is the cron job of
# a plan that has ended: no warning every month.
expect_exit 0 -- "$PLAN" "${P[@]}" report
[ ! -s "$WORK/err" ] && ok || fail "report on today's date: a warning"

# Monthly by default. On 2020-06-30 June is not complete: May. On the 1st, June.
expect_exit 0 -- "$PLAN" "${P[@]}" report --as-of 2020-06-30
expect_contains "测试计划 — monthly report, May 2020"
expect_exit 0 -- "$PLAN" "${P[@]}" report --as-of 2020-07-01
expect_contains "Period 2020-06-01 to 2020-06-30; figures as of 2020-06-30 with the reports filed"
expect_contains "by 2020-07-01, status compared with 2020-05-31"
expect_exit 0 -- "$PLAN" "${P[@]}" report --period quarter --as-of 2020-07-01
expect_contains "测试计划 — quarterly report, 2020 Q2"
expect_exit 0 -- "$PLAN" "${P[@]}" report --half 2020H1
expect_contains "Period 2020-01-01 to 2020-06-30; figures as of 2020-06-30 with the reports filed"
expect_exit 0 -- "$PLAN" "${P[@]}" --lang zh report --period year --as-of 2021-01-01
expect_contains "测试计划 — 2020年年报"
expect_exit 0 -- "$PLAN" "${P[@]}" --lang zh report --week 2020-W53
expect_contains "测试计划 — 2020年第53周（2020-12-28 至 2021-01-03）周报"

# Explicit periods are checked, and exclude each other, --period and --as-of.
expect_exit 2 -- "$PLAN" "${P[@]}" report --week 2019-W53
expect_err_line "plan: --week: '2019-W53' is not a week (YYYY-Www, an ISO week such as 2020-W27) (plan report --help)"
expect_exit 2 -- "$PLAN" "${P[@]}" report --month 2020-13
expect_err_line "plan: --month: '2020-13' is not a month (YYYY-MM, such as 2020-06 or 2020年6月) (plan report --help)"
expect_exit 2 -- "$PLAN" "${P[@]}" report --quarter 2020Q5
expect_exit 2 -- "$PLAN" "${P[@]}" report --month 2020-06 --quarter 2020Q2
# A period as people write it in Chinese is its label.
expect_exit 0 -- "$PLAN" "${P[@]}" report --month 2020-06
cp "$WORK/out" "$WORK/june"
expect_exit 0 -- "$PLAN" "${P[@]}" report --month 2020年6月
cmp -s "$WORK/out" "$WORK/june" && ok || fail "--month 2020年6月 is not --month 2020-06"
expect_exit 0 -- "$PLAN" "${P[@]}" report --quarter 2020年第二季度
expect_contains "测试计划 — quarterly report, 2020 Q2"
expect_exit 2 -- "$PLAN" "${P[@]}" report --month 2020年13月
# A named period is made after it ends: --as-of says when.
expect_exit 2 -- "$PLAN" "${P[@]}" report --month 2020-06 --as-of 2020-06-30
expect_err_line "plan: --as-of 2020-06-30: the digest of 2020-06 is made after it ends, from 2020-07-01 on"
expect_exit 2 -- "$PLAN" "${P[@]}" report --month 2020-06 --period week
expect_exit 2 -- "$PLAN" "${P[@]}" report --period fortnight

# The golden digests: November 2020 of tests/fixtures/digest/golden.rec, every
# figure worked out by hand in tests/digest_text_test.cpp (time progress
# 1065/1096 = 97.2 %; jobs.urban_new 49,300 < 49,560.11 newly behind;
# unemployment 3.1 % > 3 % breached; skills.leaders 1 of 3, its line at
# 2.915, so 2 people due and 1 behind, needs 2 / (31/30.4375) = 1.96 a
# month; hr.portal due in 31 days).
G=(--plan "$FIX/mini.toml" --records "$FIX/digest")
for f in txt md html; do
  expect_exit 0 -- "$PLAN" "${G[@]}" report --month 2020-11 --format "$f"
  expect_out "$GOLDEN/digest-2020-11.$f"
done
# Without --format, -o FILE's extension chooses it.
for f in md html; do
  expect_exit 0 -- "$PLAN" "${G[@]}" report --month 2020-11 -o "$WORK/d.$f"
  cmp -s "$WORK/d.$f" "$GOLDEN/digest-2020-11.$f" && ok || fail "report -o d.$f: not the $f digest"
done
for f in txt html; do
  expect_exit 0 -- "$PLAN" "${G[@]}" --lang zh report --month 2020-11 --format "$f"
  expect_out "$GOLDEN/digest-2020-11.zh.$f"
done

# Counted in whole things, whole things are due: in the shipped project at
# 2020-06-30 (time progress 912/1096 = 83.2 %), masters.studios_district
# has 11 of 15 家 with its expected line at 15 x 912/1096 = 12.48, so 12 are
# due and it is 1 behind (6.7 % of 15), in the digest as in the status table.
S=(--plan "$SRC/plans/wujiang-2018-2020.toml" --records "$SRC/records")
expect_exit 0 -- "$PLAN" "${S[@]}" report --month 2020-06
expect_contains "11 of 15 家 (73.3%), expected 12"
expect_contains "behind by 1, 6.7% of the target"
expect_exit 0 -- "$PLAN" "${S[@]}" report --month 2020-06 --format md
grep -q "| masters.studios_district .*|  *12 |  *1 |" "$WORK/out" && ok ||
  fail "report --format md: masters.studios_district lacks 12 | 1"
expect_exit 0 -- "$PLAN" "${S[@]}" report --month 2020-06 --format html
expect_contains '>12</td><td class="num" data-label="Behind plan (of target)">1 <span'
expect_exit 0 -- "$PLAN" "${S[@]}" status --as-of 2020-06-30 --format csv
grep -q "^masters.studios_district,.*,11,0.7333333333333333,12,4,1,behind," "$WORK/out" && ok ||
  fail "status: masters.studios_district: $(grep ^masters.studios_district "$WORK/out")"

# The reports-missing section: July 2019 of tests/fixtures/cycle (E =
# 2019-07-31, compared with 2019-06-30), made the day after, D = 2019-08-01.
# June's reports are due on 10 July, so at D 人社局's jobs.urban_new and
# 镇乙's jobs.reemployed for 2019-06 are 31 - 10 + 1 = 22 days overdue, and
# both indicators are unreported (2 of 2); at 2019-06-30 as June's digest
# knew it on 1 July, both were judged at May's end (day 151 of 365):
# urban_new 500 >= 1,200 x 151/365 = 496.44 and reemployed 50 + 50 = 100 >=
# 240 x 151/365 = 99.29, on track, so both are newly unreported. 镇甲's July
# report falls due on 10 August, in 9 days, within the next period (August).
C=(--plan "$FIX/cycle.toml" --records "$FIX/cycle")
for f in txt md html; do
  expect_exit 0 -- "$PLAN" "${C[@]}" --lang en report --month 2019-07 --format "$f"
  expect_out "$GOLDEN/digest-2019-07.$f"
done
expect_exit 0 -- "$PLAN" "${C[@]}" --lang zh report --month 2019-07 --format txt
expect_out "$GOLDEN/digest-2019-07.zh.txt"
# plan due names the same two reports.
expect_exit 0 -- "$PLAN" "${C[@]}" due --as-of 2019-07-31 --within 0 --format csv
[ "$(tail -n +2 "$WORK/out" | cut -d, -f1,3,5,7 | tr -d '\r' | tr '\n' ' ')" = \
  "人社局,jobs.urban_new,2019-06,21 镇乙,jobs.reemployed,2019-06,21 " ] && ok ||
  fail "plan due on the cycle fixture: $(cat "$WORK/out")"

# 镇乙 explains its missing June (towns.rec, 2019-07-12, period=2019-06): the
# explanation is shown under its missing report and under its newly
# unreported indicator in every golden above; it stays owed (2 missing).

# --each-unit also writes one digest per [[reporter]] of what it owes: 人社局
# and 镇乙 their June reports (22 days overdue at D, 镇乙's with its
# explanation), 镇甲 nothing missing but July falling due on 10 August
# (in 9 days); 镇乙 filed July on 31 July, so nothing falls due for it.
rm -rf "$WORK/cyc"
expect_exit 0 -- "$PLAN" "${C[@]}" --lang en report --month 2019-07 --output-dir "$WORK/cyc" --each-unit
if [ "$(cd "$WORK/cyc" && ls -A | LC_ALL=C sort | tr '\n' ' ')" = "2019-07-人社局.txt 2019-07.due-人社局.txt 2019-07.due-镇乙.txt 2019-07.due-镇甲.txt 2019-07.txt " ]; then ok; else
  fail "--each-unit on the cycle fixture wrote: $(ls -A "$WORK/cyc")"
fi
cat >"$WORK/want" <<'TXT'
报送测试计划 — reports owed by 镇乙, July 2019
==============================================
Period 2019-07-01 to 2019-07-31; reports due and missing at 2019-08-01, and
falling due by 2019-08-31

Reports missing at 2019-08-01 (1)
---------------------------------
  镇乙: 2019-06, due 2019-07-10, 22 days overdue
    jobs.reemployed  城镇失业人员再就业人数
      Explanation by 镇乙 for 2019-06 (2019-07-12): 6月企业用工统计延迟;
        measures: 8月10日前与7月一并补报
TXT
if cmp -s "$WORK/cyc/2019-07.due-镇乙.txt" "$WORK/want"; then ok; else fail "2019-07.due-镇乙.txt: $(cat "$WORK/cyc/2019-07.due-镇乙.txt")"; fi
# A reporter's own digest names what it owes under the period's line.
if grep -A1 -xF '    镇甲: 2019-07, due 2019-08-10, in 9 days' "$WORK/cyc/2019-07.due-镇甲.txt" |
  grep -qxF '      jobs.reemployed  城镇失业人员再就业人数' &&
  grep -qxF '  Every report due before 2019-08-01 for the periods to 2019-07-31 is in.' "$WORK/cyc/2019-07.due-镇甲.txt"; then ok; else
  fail "2019-07.due-镇甲.txt: $(cat "$WORK/cyc/2019-07.due-镇甲.txt")"
fi
if grep -qxF '  人社局: 2019-06, due 2019-07-10, 22 days overdue' "$WORK/cyc/2019-07.due-人社局.txt" &&
  ! grep -q '镇乙\|Explanation' "$WORK/cyc/2019-07.due-人社局.txt"; then ok; else
  fail "2019-07.due-人社局.txt: $(cat "$WORK/cyc/2019-07.due-人社局.txt")"
fi
if [ -z "$(find "$WORK/cyc" -name '.*')" ]; then ok; else fail "temporary left in DIR"; fi

# June's digest made late, on 15 July (--month with --as-of): June's reports,
# due 10 July, are 5 days overdue at D; both indicators were on track at
# May's end (above) and are newly unreported. Then 镇乙's June report comes
# in on 14 July (period=2019-06): it counts for June although dated after
# E, so reemployed is 50 + 50 + 镇甲's 10 + 镇乙's 12 = 122 >= 240 x 181/365
# = 119.01, on track, judged at June's end now that June is due; only
# 人社局 is still missing. Made on 1 July, the same report is not yet in.
rm -rf "$WORK/late" && cp -r "$FIX/cycle" "$WORK/late"
L=(--plan "$FIX/cycle.toml" --records "$WORK/late")
expect_exit 0 -- "$PLAN" "${L[@]}" --lang en report --month 2019-06 --as-of 2019-07-15
expect_contains "by 2019-07-15, status compared with 2019-05-31"
expect_contains "2 indicators: 0 achieved, 0 on track, 0 behind, 0 missed, 2 unreported,"
expect_contains "Reports missing at 2019-07-15 (2)"
expect_contains "  镇乙: 2019-06, due 2019-07-10, 5 days overdue"
expect_contains "      on track → unreported; 110 of 240 人 (45.8%), expected 119; 1 report"
echo '2019-07-14  jobs.reemployed  12  by=镇乙  period=2019-06' >>"$WORK/late/towns.rec"
expect_exit 0 -- "$PLAN" "${L[@]}" --lang en report --month 2019-06 --as-of 2019-07-15
expect_contains "2 indicators: 0 achieved, 1 on track, 0 behind, 0 missed, 1 unreported,"
sed -n '/^Reports missing at/,/^$/p' "$WORK/out" >"$WORK/section"
cat >"$WORK/want" <<'TXT'
Reports missing at 2019-07-15 (1)
---------------------------------
  人社局: 2019-06, due 2019-07-10, 5 days overdue
    jobs.urban_new  城镇新增就业人数

TXT
if cmp -s "$WORK/section" "$WORK/want"; then ok; else fail "June made on 15 July: $(cat "$WORK/section")"; fi
expect_exit 0 -- "$PLAN" "${L[@]}" --lang en report --month 2019-06 --format md
expect_contains "- 2 indicators: 0 achieved, 2 on track, 0 behind, 0 missed, 0 unreported, 0 no data"
expect_contains "| jobs.reemployed | 城镇失业人员再就业人数 | 镇乙     | 2019-06 | 2019-07-10 |         9 |"

# --fail-on: the digest is written first, then exit 3.
mkdir -p "$WORK/www"
expect_exit 3 -- "$PLAN" "${P[@]}" report --week 2019-W26 --format html \
  --output "$WORK/www/weekly.html" --fail-on missed,behind
if head -1 "$WORK/www/weekly.html" | grep -qxF '<!DOCTYPE html>'; then ok; else fail "no HTML in --output"; fi
if [ "$(ls -A "$WORK/www")" = "weekly.html" ]; then ok; else fail "temporary left: $(ls -A "$WORK/www")"; fi
if [ ! -s "$WORK/out" ]; then ok; else fail "--output also wrote to stdout"; fi
expect_exit 0 -- "$PLAN" "${P[@]}" report --week 2019-W26 --fail-on missed,overdue

# --unit restricts everything; an unknown unit is a usage error, not an empty digest.
expect_exit 0 -- "$PLAN" "${P[@]}" report --month 2019-06 --format md --unit 教育局 --fail-on behind
expect_contains "- 1 indicator: 1 achieved, 0 on track, 0 behind, 0 missed, 0 no data"
expect_exit 2 -- "$PLAN" "${P[@]}" report --period week --unit 无此单位
expect_err_line "plan: no indicator has '无此单位' as lead, partner or reporter (plan units lists them)"

# --output-dir writes DIR/<period>.<format>; with --each-unit also one file
# per responsible unit of the plan (人社局, 财政局, 教育局), each the digest
# that --unit gives.
mkdir -p "$WORK/dir"
expect_exit 0 -- "$PLAN" "${G[@]}" report --month 2020-11 --format md --output-dir "$WORK/dir" --each-unit
if [ "$(cd "$WORK/dir" && ls -A | sort | tr '\n' ' ')" = "2020-11-人社局.md 2020-11-教育局.md 2020-11-财政局.md 2020-11.md " ]; then ok; else
  fail "--each-unit wrote: $(ls -A "$WORK/dir")"
fi
if cmp -s "$WORK/dir/2020-11.md" "$GOLDEN/digest-2020-11.md"; then ok; else fail "DIR/2020-11.md is not the digest"; fi
"$PLAN" "${G[@]}" report --month 2020-11 --format md --unit 财政局 >"$WORK/unit.md"
if cmp -s "$WORK/dir/2020-11-财政局.md" "$WORK/unit.md"; then ok; else fail "DIR/2020-11-财政局.md is not --unit 财政局's digest"; fi
if [ ! -s "$WORK/out" ]; then ok; else fail "--output-dir also wrote to stdout"; fi
expect_exit 2 -- "$PLAN" "${G[@]}" report --each-unit
expect_exit 2 -- "$PLAN" "${G[@]}" report --output-dir "$WORK/dir" --each-unit --unit 人社局
expect_exit 2 -- "$PLAN" "${G[@]}" report --output-dir "$WORK/dir" --output "$WORK/x.txt"
# A folder that does not exist yet is made (a cron line's first run); one
# that cannot be made is exit 1 with the folder and the reason: which name
# is a file.
expect_exit 0 -- "$PLAN" "${G[@]}" report --month 2020-11 --output-dir "$WORK/new/sub" --each-unit
if [ -f "$WORK/new/sub/2020-11.txt" ] && [ -f "$WORK/new/sub/2020-11-财政局.txt" ]; then ok; else fail "--output-dir did not make the folder: $(ls -A "$WORK/new/sub" 2>&1)"; fi
: >"$WORK/plainfile"
expect_exit 1 -- "$PLAN" "${G[@]}" report --month 2020-11 --output-dir "$WORK/plainfile/sub"
expect_err_line "plan: $WORK/plainfile/sub: cannot make the folder: $WORK/plainfile is a file, not a folder"
# The folder itself a file: named as such (not "Not a directory").
expect_exit 1 -- "$PLAN" "${G[@]}" report --month 2020-11 --output-dir "$WORK/plainfile"
expect_err_line "plan: $WORK/plainfile: cannot make the folder: $WORK/plainfile is a file, not a folder"

# A failed write is exit 1 with the file and the reason.
expect_exit 1 -- "$PLAN" "${P[@]}" report --period week --output "$WORK/nowhere/r.txt"
expect_err_line "plan: $WORK/nowhere/r.txt: cannot write: No such file or directory"
finish
