#!/usr/bin/env bash
# by= names a reporter or unit of the plan, and `plan record` / `plan import`
# file an entry in its reporter's own folder (records/<folder>/<year>.rec),
# on a copy of the shipped project: a typo is refused with "did you mean" and
# nothing written; `plan check` warns of one already in a file.
# Usage: reporters.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"

# unchanged NAME: records/ is byte for byte what was saved in $TMP/before.
unchanged() {
  if diff -r "$TMP/before" records >/dev/null; then
    passed=$((passed + 1))
  else
    fail "$1: records/ changed"
    diff -r "$TMP/before" records >&2
  fi
}

mkdir -p "$TMP/p"
cp -r "$SRC/plans" "$SRC/records" "$TMP/p/"
cd "$TMP/p" || exit 2
cp -r records "$TMP/before"

# --- a typo in --by: exit 2 (the command line is wrong), nothing written -----
run record jobs.urban_new 10 --date 2019-03-31 --by 人设局
same "record --by typo: exit" "$RC" 2
same "record --by typo: message" "$ERR" "plan: unknown unit '人设局'; did you mean '人社局'?"
unchanged "record --by typo"

# --- into the reporter's folder (人社局 has folder = "hrss") -------------------
LINE='2019-03-31  jobs.urban_new  10  by=人社局'
# 人社局's March 2019 is in already (records/hrss/2019.rec:23, the only
# figure of 人社局 for jobs.urban_new dated in March or by 10 April): a
# second figure is refused until --add (the figures add up, 1,942 + 10 =
# 1,952) or --replace (10 - 1,942 = -1,932 recorded) says which it is.
run record jobs.urban_new 10 --date 2019-03-31 --by 人社局
same "second figure for March: exit" "$RC" 1
same "second figure for March: refused" "$ERR" \
  "plan: 人社局 already reported jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942): --replace if 10 replaces it (recorded as the difference, -1,932), --add if it adds to it (then 2019-03 comes to 1,952)"
unchanged "second figure for March"
# Under --lang zh the refusals say the same in Chinese; nothing is written.
run --lang zh record jobs.urban_new 10 --date 2019-03-31 --by 人社局
same "second figure for March, zh" "$RC:$ERR" \
  "1:plan: 人社局已报过 jobs.urban_new 的 2019-03（records/hrss/2019.rec:23：1,942）：如 10 是替换原数，用 --replace（按差额 -1,932 记入）；如是追加，用 --add（则 2019-03 合计为 1,952）"
run --lang zh record jobs.urban_new 10 --date 2019-03-31 --by 人设局
same "record --by typo, zh" "$RC:$ERR" "2:plan: 未知单位“人设局”；是否是“人社局”？"
run --lang zh record jobs.urban_nwe 10 --date 2019-03-31 --by 人社局
same "record an id typo, zh" "$RC:$ERR" "2:plan: 未知指标“jobs.urban_nwe”；是否是“jobs.urban_new”？"
run --lang zh record jobs.urban_new 10x --date 2019-03-31 --by 人社局
same "record a bad value, zh" "$RC:$ERR" "1:plan: 数值“10x”：数值中有多余的字符“x”"
run --lang zh record jobs.urban_new 10 --date 2021-02-15 --by 人社局
same "record after the plan, zh" "$RC:$ERR" \
  "1:plan: 日期 2021-02-15 不在计划期（2018-01-01 至 2020-12-31）内；如是计划期内某一期的报送，用 --period 指明（即计入该期）；如日期无误，用 --force"
run --lang zh record jobs.urban_new 10 --date 2019-03-31 --by 人社局 --period 2019Q1
same "record a period of another frequency, zh" "$RC:$ERR" \
  "2:plan: 报送期“2019Q1”不是 jobs.urban_new 的月度报送期（如 2018-01）"
# No --date: today (after the plan) was used, which the Chinese says too.
run --lang zh record jobs.urban_new 10 --by 人社局
same "record with no --date, zh" "$RC:${ERR##*；}" "1:如日期无误，用 --force（未给 --date：用的是今天的日期）"
run --lang zh record jobs.urban_new 10 --date 2019-07-03 --by 人社局 --period 2019-07
same "record a period not over, zh" "$RC:$ERR" \
  "1:plan: 报送期 2019-07 截至 2019-07-03 尚未结束（止于 2019-07-31）；报送日期应在报送期结束之后；如无误，用 --force"
# In English: it would mark July's report in before July is over (nothing
# written: "refusals in Chinese" below).
run record jobs.urban_new 10 --date 2019-07-03 --by 人社局 --period 2019-07
same "record a period not over" "$RC:$ERR" \
  '1:plan: period 2019-07 is not over on 2019-07-03 (it ends 2019-07-31); a report is dated after its period; use --force if it is right'
printf '日期,指标代码,数值,填报单位,备注\n2019-04-30,jobs.urban_new,,人社局,停电\n' > note.csv
run --lang zh import note.csv
same "import a note with no value, zh" "$RC:${ERR%%$'\n'*}" \
  "1:plan: note.csv:2:27: 单元格 C2：没有数值，却有备注：请填上数值；如是未报送的情况说明，数值填 explain"
unchanged "refusals in Chinese"
run --lang zh show jobs.urban_nwe
same "show an id typo, zh" "$RC:$ERR" "2:plan: 未知指标“jobs.urban_nwe”；是否是“jobs.urban_new”？（plan list 列出全部指标）"
run --lang zh status --unit 人设局
same "status --unit typo, zh" "$RC:$ERR" "2:plan: 没有哪个指标以“人设局”为牵头、参与或报送单位；是否是“人社局”？"
run --lang zh due --unit 平旺镇
same "due --unit typo, zh" "$RC:$ERR" "2:plan: “平旺镇”不是本计划的报送单位；是否是“平望镇”？"
run due --unit 平旺镇
same "due --unit typo" "$RC:$ERR" "2:plan: '平旺镇' is not a reporter of the plan; did you mean '平望镇'?"
run record jobs.urban_new 10 --date 2019-03-31 --by 人社局 --add
same "record by 人社局: exit" "$RC" 0
same "record by 人社局: where" "$OUT" "records/hrss/2019.rec: $LINE"
same "record by 人社局: a second figure for March" "$ERR" \
  "plan: warning: 人社局 already reported jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942): a flow's figures add up, so 2019-03 comes to 1,952"
# The file is what it was plus the one line; no other file changed.
if cmp -s records/hrss/2019.rec <(cat "$TMP/before/hrss/2019.rec"; printf '%s\n' "$LINE"); then
  passed=$((passed + 1))
else
  fail "record by 人社局: records/hrss/2019.rec is not the old file plus the line"
fi
cp "$TMP/before/hrss/2019.rec" "$TMP/hrss.2019.rec"
cp records/hrss/2019.rec "$TMP/before/hrss/2019.rec"
unchanged "record by 人社局: only records/hrss/2019.rec"

# --- a unit that does not report the indicator: written, with a warning -------
# jobs.reemployed is reported by the group 各区镇 (eight towns, 吴江开发区 and
# 吴江高新区 first in [[reporter]] order); 教育局 is a unit of the plan.
run record jobs.reemployed 30 --date 2019-03-31 --by 教育局
same "record by a non-reporter: exit" "$RC" 0
same "record by a non-reporter: where" "$OUT" \
  "records/education/2019.rec: 2019-03-31  jobs.reemployed  30  by=教育局"
same "record by a non-reporter: warning" "$ERR" \
  "plan: warning: 教育局 is not a reporter of jobs.reemployed: the figure counts, but files no report; plan due still asks 吴江开发区、吴江高新区 and 6 more"
same "record by a non-reporter: the line is in" "$(tail -n 1 records/education/2019.rec)" \
  "2019-03-31  jobs.reemployed  30  by=教育局"
cp "$TMP/before/education/2019.rec" records/education/2019.rec
unchanged "record by a non-reporter: put back"

# --- no --by: written to <year>.rec, with the same warning ------------------------
run record jobs.reemployed 30 --date 2019-03-31
same "record without --by: exit" "$RC" 0
same "record without --by: where" "$OUT" "records/2019.rec: 2019-03-31  jobs.reemployed  30"
same "record without --by: warning" "$ERR" \
  "plan: warning: no reporter named (by=) for jobs.reemployed: the figure counts, but files no report; plan due still asks 吴江开发区、吴江高新区 and 6 more"
rm records/2019.rec
unchanged "record without --by: put back"

# --- import: each row to its reporter's folder, rows without one to <year>.rec -
# 人社局 -> hrss, 吴江开发区 -> towns/kaifaqu (plans/wujiang-2018-2020.toml);
# a row without by= goes to the shared records/2019.rec, which does not exist yet.
printf 'date,id,value,by\n2019-03-31,jobs.urban_new,20,人社局\n2019-04-30,jobs.urban_new,5,吴江开发区\n2019-05-31,jobs.urban_new,7,\n' > good.csv
run import good.csv --dry-run --add
same "import dry run: exit" "$RC" 0
same "import dry run: files" "$OUT" \
  'records/2019.rec: 2019-05-31  jobs.urban_new  7
records/hrss/2019.rec: 2019-03-31  jobs.urban_new  20  by=人社局
records/towns/kaifaqu/2019.rec: 2019-04-30  jobs.urban_new  5  by=吴江开发区
dry run: 3 entries would be appended to records/2019.rec (1), records/hrss/2019.rec (1), records/towns/kaifaqu/2019.rec (1); nothing written'
# Row 2 is 人社局's March a third time (1,942 and the 10 above, then 20),
# let in by --add;
# row 3's 吴江开发区 has no April figure of jobs.urban_new in the ledger;
# row 4 names no reporter: its figure files no report either.
same "import dry run: warnings" "$ERR" \
  "plan: good.csv:3:29: warning: cell D3: 吴江开发区 is not a reporter of jobs.urban_new: the figure counts, but files no report; plan due still asks 人社局
plan: good.csv:4:29: warning: cell D4: no reporter named (by=) for jobs.urban_new: the figure counts, but files no report; plan due still asks 人社局
plan: good.csv:2:27: warning: cell C2: 人社局 already reported jobs.urban_new for 2019-03 (2 figures, the first at records/hrss/2019.rec:23; 1,952 in all): a flow's figures add up, so 2019-03 comes to 1,972"
unchanged "import dry run"
run --lang zh import good.csv --dry-run --add
same "import dry run, zh: the summary" "$(tail -n 1 <<<"$OUT")" \
  '试运行：将追加 3 条记录到 records/2019.rec (1), records/hrss/2019.rec (1), records/towns/kaifaqu/2019.rec (1)；未写入'
unchanged "import dry run, zh"
run import good.csv --add
same "import: exit" "$RC" 0
same "import: last line of records/hrss/2019.rec" "$(tail -n 1 records/hrss/2019.rec)" \
  '2019-03-31  jobs.urban_new  20  by=人社局'
same "import: last line of records/towns/kaifaqu/2019.rec" \
  "$(tail -n 1 records/towns/kaifaqu/2019.rec)" '2019-04-30  jobs.urban_new  5  by=吴江开发区'
same "import: records/2019.rec" "$(cat records/2019.rec)" '2019-05-31  jobs.urban_new  7'
rm -rf "$TMP/before"
cp -r records "$TMP/before"

# --- import with a typo in by=: a bad row, exit 1, nothing written -----------
printf 'date,id,value,by\n2019-03-31,jobs.urban_new,20,人社局\n2019-04-30,jobs.urban_new,5,人设局\n' > typo.csv
# Row 2 is good.csv's row 2, imported above: its good rows are judged
# against the ledger all the same, so that every problem shows at once.
run import typo.csv
same "import by typo: exit" "$RC" 1
same "import by typo: message" "$ERR" "plan: typo.csv:3:29: cell D3: unknown unit '人设局'; did you mean '人社局'?
plan: typo.csv:2:27: cell C2: same date, id, value and by= as records/hrss/2019.rec:128: already in the ledger (--allow-duplicates to add it again)
plan: nothing imported: 2 errors in typo.csv"
unchanged "import by typo"
# Under --lang zh the rows' messages and the summary are Chinese, at the
# same places.
run --lang zh import typo.csv
same "import by typo, zh: message" "$ERR" "plan: typo.csv:3:29: 单元格 D3：未知单位“人设局”；是否是“人社局”？
plan: typo.csv:2:27: 单元格 C2：日期、指标、数值和 by= 与 records/hrss/2019.rec:128 相同：账中已有（如要再记一次，用 --allow-duplicates）
plan: 未导入：typo.csv 有 2 个错误"
unchanged "import by typo, zh"
# A sheet's own cells, in Chinese: columns by hand ("2019-04-30,jobs.urban_new,"
# is 26 characters: C2 is column 27; E3 is 30 after it, column 31).
printf '日期,指标代码,指标名称,数值,计量单位,填报单位\n2019-04-30,jobs.urban_new,城镇新增就业,20,人,人社局\n2019-04-30,jobs.urban_new,,20,个,人社局\n' > cells.csv
run --lang zh import cells.csv
same "import a sheet's cells, zh" "$RC:$ERR" "1:plan: cells.csv:2:27: 单元格 C2：名称“城镇新增就业”不是 jobs.urban_new 的名称（城镇新增就业人数）；请改正指标代码或名称
plan: cells.csv:3:31: 单元格 E3：计量单位“个”不是 jobs.urban_new 的计量单位（人）；请以人为单位填写数值
plan: 未导入：cells.csv 有 2 个错误"
unchanged "import a sheet's cells, zh"
printf 'date,id,value,by\n2019/2/30,jobs.urban_new,20,人社局\n2019-04-30 9:00,jobs.urban_new,20,人社局\n' > dates.csv
run --lang zh import dates.csv
same "import dates, zh" "$RC:$ERR" "1:plan: dates.csv:2:1: 单元格 A2：日期“2019/2/30”不是日历上的日期
plan: dates.csv:3:1: 单元格 A3：日期“2019-04-30 9:00”带有时刻；数据的日期只到日（时刻为 0:00 的可以）
plan: 未导入：dates.csv 有 2 个错误"
printf '日期,指标名称,数值,填报单位\n2019-04-30,城镇新增就业,20,人社局\n' > names.csv
run --lang zh import names.csv
same "import a name cut short, zh" "$RC:$ERR" "1:plan: names.csv:2:12: 单元格 B2：未知指标名称“城镇新增就业”；是否是“jobs.urban_new”（城镇新增就业人数）？
plan: 未导入：names.csv 有 1 个错误"
# good.csv's three rows, all in the ledger now, and a bad row: each is said
# at its cell, and no line says the file was imported before (this one has
# a row that never was).
{ cat good.csv; printf '2019-06-30,jobs.urban_new,9,人设局\n'; } >edited.csv
run import edited.csv
same "an edited sheet: exit" "$RC" 1
same "an edited sheet: each row in the ledger said" "$(grep -c ': already in the ledger (--allow-duplicates to add it again)$' <<<"$ERR")" 3
same "an edited sheet: not 'imported before'" "$(grep -c 'imported before' <<<"$ERR")" 0

# --- --file still wins --------------------------------------------------------
run record jobs.urban_new 1 --date 2019-03-31 --by 人社局 --file records/elsewhere.rec --add
same "--file wins: exit" "$RC" 0
same "--file wins: where" "$OUT" "records/elsewhere.rec: 2019-03-31  jobs.urban_new  1  by=人社局"
same "--file wins: the file" "$(cat records/elsewhere.rec)" "2019-03-31  jobs.urban_new  1  by=人社局"
rm records/elsewhere.rec
unchanged "--file wins: nothing else written"

# --- plan check: a typo already in a file is a located warning ----------------
# Columns by hand: "2019-03-31" 1-10, two spaces, "jobs.urban_new" 13-26, two
# spaces, "10" 29-30, two spaces, "by=" 33-35: the value starts at column 36.
printf '2019-03-31  jobs.urban_new  10  by=人设局\n' > records/typo.rec
run check
same "check: exit (a warning)" "$RC" 0
same "check: the warning" "$(grep -F 'records/typo.rec' <<<"$ERR" | head -n 1)" \
  "plan: records/typo.rec:1:36: warning: unknown unit '人设局'; did you mean '人社局'?"
same "check: the shipped records have no unknown by=" "$(grep -c 'unknown unit' <<<"$ERR")" 1
run --lang zh check
same "check, zh: the warning at the same place" "$(grep -F 'records/typo.rec' <<<"$ERR" | head -n 1)" \
  "plan: records/typo.rec:1:36: 警告：未知单位“人设局”；是否是“人社局”？"

# --- a second figure for a period, on a fresh copy ---------------------------
# 人社局's March 2019 of jobs.urban_new is records/hrss/2019.rec:23 (1,942)
# alone. The same figure again under --allow-duplicates is written, and
# the warning says March now counts it twice: 3,884.
mkdir -p "$TMP/q"
cp -r "$SRC/plans" "$SRC/records" "$TMP/q/"
cd "$TMP/q" || exit 2
run record jobs.urban_new 1942 --date 2019-03-31 --by 人社局 --allow-duplicates
same "again, --allow-duplicates: exit" "$RC" 0
same "again, --allow-duplicates: warning" "$ERR" \
  "plan: warning: 人社局 already reported jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942): a flow's figures add up, so 2019-03 comes to 3,884"
rm -rf records && cp -r "$SRC/records" records
# Rows of one sheet count against each other: both are March (dated within
# its due window, by 10 April), so row 3 follows the ledger's 1,942 and
# row 2's 5: 1,947 before it, 1,954 with it.
printf 'date,id,value,by\n2019-04-05,jobs.urban_new,5,人社局\n2019-04-08,jobs.urban_new,7,人社局\n' >twice.csv
run import twice.csv --dry-run --add
same "a sheet's rows count against each other" "$ERR" \
  "plan: twice.csv:2:27: warning: cell C2: 人社局 already reported jobs.urban_new for 2019-03 (records/hrss/2019.rec:23: 1,942): a flow's figures add up, so 2019-03 comes to 1,947
plan: twice.csv:3:27: warning: cell C3: 人社局 already reported jobs.urban_new for 2019-03 (2 figures, the first at records/hrss/2019.rec:23; 1,947 in all): a flow's figures add up, so 2019-03 comes to 1,954"
# With nothing in the ledger for the period, the sheet's first row is named.
# (--add: each row after the first is 人社局's March again.)
run --records "$TMP/q/none" import twice.csv --dry-run --add
same "a sheet's own repeat" "$(grep -c warning <<<"$ERR")" 1
same "a sheet's own repeat: named at its row" "$(grep -o '(twice.csv:2: 5)' <<<"$ERR")" "(twice.csv:2: 5)"

# A late report without a period: 平望镇's June jobs.reemployed
# (records/towns/pingwang/2019.rec, dated 2019-06-30) left out, its figure
# comes in on 12 July, after June's due day (10 July). Dated that day it
# would count for July, which is not over: refused, nothing written, and
# the error says how to name either period. With --period 2019年6月 (as
# people write it; the line holds its label, 2019-06) it lands.
rm -rf records && cp -r "$SRC/records" records
sed -i '/^2019-06-30  jobs.reemployed  34  by=平望镇/d' records/towns/pingwang/2019.rec
# While 平望镇's July report (2019-07-31, 32) is in, the figure cannot be
# July's so far (July would count twice): only June is offered.
run record jobs.reemployed 34 --date 2019-07-12 --by 平望镇
same "late June report, July in: message" "$ERR" \
  "plan: 平望镇 has not reported jobs.reemployed for 2019-06 (due 2019-07-10), and this figure, dated 2019-07-12, would count for 2019-07, which has 平望镇's report already: --period 2019-06 if it is the late 2019-06 report"
# The same in a sheet: one error at the cell. That July has 平望镇's
# report is said in it; a second error at the cell offering --add or
# --replace for July would file June's figure as July's.
printf 'date,id,value,by\n2019-07-12,jobs.reemployed,34,平望镇\n' >late.csv
run import late.csv --dry-run
same "late June report in a sheet, July in: one error" "$RC:$(grep -c '^plan: late.csv:2:' <<<"$ERR")" "1:1"
same "late June report in a sheet, July in: no --add for July" "$(grep -c -- '--add\|--replace' <<<"$ERR")" 0
# A July row after it: July is 平望镇's 32 (records/towns/pingwang/2019.rec,
# 2019-07-31), not 32 + the refused 34. 40 replaces it by +8, or with
# --add makes 72; under --replace it is July's one figure of the sheet.
printf 'date,id,value,by\n2019-07-12,jobs.reemployed,34,平望镇\n2019-07-31,jobs.reemployed,40,平望镇\n' >two.csv
run import two.csv --dry-run
same "late June row, then July's: July's refusal" "$(grep '^plan: two.csv:3:' <<<"$ERR" | grep -o '2019-07 comes to [0-9]*\|difference, +[0-9]*')" \
  "difference, +8
2019-07 comes to 72"
run import two.csv --dry-run --replace
same "late June row, then July's, --replace: the late row alone" "$RC:$(grep -c '^plan: two.csv:' <<<"$ERR")" "1:1"
# With --add a figure may join July's, so July's so far is offered again.
run record jobs.reemployed 34 --date 2019-07-12 --by 平望镇 --add
same "late June report, July in, --add: message" "$RC:$ERR" \
  "1:plan: 平望镇 has not reported jobs.reemployed for 2019-06 (due 2019-07-10), and this figure, dated 2019-07-12, would count for 2019-07, which is not over: --period 2019-06 if it is the late 2019-06 report, --period 2019-07 --force if it is 2019-07's so far"
# In a sheet with a bad row (an id the plan lacks), that row may be the
# June report the figure is taken for: the error says to mend it too.
printf 'date,id,value,by\n2019-07-12,jobs.reemployed,34,平望镇\n2019-07-01,jobs.reemploye,30,平望镇\n' >late-bad.csv
run import late-bad.csv --dry-run
same "late June report in a sheet with a bad row: exit" "$RC" 1
same "late June report in a sheet with a bad row: the ending" \
  "$(grep -c "^plan: late-bad.csv:2:[0-9]*: .*: period 2019-06 if it is the late 2019-06 report; or mend the sheet's bad row if it is the 2019-06 report$" <<<"$ERR")" 1
# Without its July report, a figure for July so far would be its first.
sed -i '/^2019-07-31  jobs.reemployed  32  by=平望镇/d' records/towns/pingwang/2019.rec
rm -rf "$TMP/before" && cp -r records "$TMP/before"
run record jobs.reemployed 34 --date 2019-07-12 --by 平望镇
same "late June report dated 12 July: exit" "$RC" 1
same "late June report dated 12 July: message" "$ERR" \
  "plan: 平望镇 has not reported jobs.reemployed for 2019-06 (due 2019-07-10), and this figure, dated 2019-07-12, would count for 2019-07, which is not over: --period 2019-06 if it is the late 2019-06 report, --period 2019-07 --force if it is 2019-07's so far"
unchanged "late June report dated 12 July"
# A sheet's row says so at its cell, naming the column: as the sheet
# titles it, or when it has none, in the language of its other headers.
printf 'date,id,value,by\n2019-07-12,jobs.reemployed,34,平望镇\n' >late.csv
run import late.csv --dry-run
same "late June report in a sheet: exit" "$RC" 1
same "late June report in a sheet: the column" \
  "$(grep -c "^plan: late.csv:2:[0-9]*: .*: period 2019-06 if it is the late 2019-06 report, period 2019-07 and --force if it is 2019-07's so far$" <<<"$ERR")" 1
printf '日期,指标,数值,填报单位\n2019-07-12,jobs.reemployed,34,平望镇\n' >late-zh.csv
run import late-zh.csv --dry-run
same "late June report in a Chinese sheet: the column" \
  "$(grep -c "^plan: late-zh.csv:2:[0-9]*: .*: 报送期 2019-06 if it is the late 2019-06 report, 报送期 2019-07 and --force if it is 2019-07's so far$" <<<"$ERR")" 1
printf '日期,指标,数值,填报单位,所属期\n2019-07-12,jobs.reemployed,34,平望镇,\n' >late-own.csv
run import late-own.csv --dry-run
same "late June report in a sheet with 所属期: the column" \
  "$(grep -c "^plan: late-own.csv:2:[0-9]*: .*: 所属期 2019-06 if it is the late 2019-06 report, 所属期 2019-07 and --force if it is 2019-07's so far$" <<<"$ERR")" 1
# Both ways out work as written: July's so far with --force (then taken
# out again), and June's.
run record jobs.reemployed 34 --date 2019-07-12 --by 平望镇 --period 2019-07 --force
same "late June report: the second way out works" "$RC:$(tail -1 records/towns/pingwang/2019.rec)" \
  "0:2019-07-12  jobs.reemployed  34  by=平望镇  period=2019-07"
sed -i '$d' records/towns/pingwang/2019.rec
run record jobs.reemployed 34 --date 2019-07-12 --by 平望镇 --period 2019年6月
same "late June report with --period 2019年6月: exit" "$RC" 0
same "late June report with --period 2019-06: the line" "$(tail -1 records/towns/pingwang/2019.rec)" \
  "2019-07-12  jobs.reemployed  34  by=平望镇  period=2019-06"

# --replace: the figure replaces what the reporter has for the period, and
# the difference is written, with a note: March 2,000 for the 1,942 in is
# +58. The same again writes nothing. A sheet sent again with corrections:
# March 2,000 (now in), May 1,623 (records/hrss/2019.rec:45, the same line)
# are not written; April 1,530 for 1,503 (line 37) is +27.
rm -rf records && cp -r "$SRC/records" records
run record jobs.urban_new 2000 --date 2019-04-05 --by 人社局 --replace
same "--replace: exit" "$RC" 0
same "--replace: the difference" "$OUT" \
  'records/hrss/2019.rec: 2019-04-05  jobs.urban_new  58  by=人社局  note="更正：原报 1942，改为 2000"'
same "--replace: no warning" "$ERR" ""
run record jobs.urban_new 2000 --date 2019-04-05 --by 人社局 --replace
same "--replace again: exit" "$RC" 0
same "--replace again: nothing written" "$OUT" \
  "nothing written: 人社局 has 2,000 for 2019-03 of jobs.urban_new already"
same "--replace again: the file" "$(grep -c '原报' records/hrss/2019.rec)" 1
run record jobs.urban_new 2000 --date 2019-04-05 --by 人社局 --replace --add
same "--replace with --add: usage" "$RC" 2
printf 'date,id,value,by\n2019-03-31,jobs.urban_new,2000,人社局\n2019-04-30,jobs.urban_new,1530,人社局\n2019-05-31,jobs.urban_new,1623,人社局\n' >resent.csv
run import resent.csv
same "a sheet sent again: refused without --replace" "$RC" 1
run import resent.csv --replace
same "a sheet sent again, --replace: exit" "$RC" 0
same "a sheet sent again, --replace: what was written" "$OUT" \
  '2 rows equal to what each reporter already has: not written
records/hrss/2019.rec: 2019-04-30  jobs.urban_new  27  by=人社局  note="更正：原报 1503，改为 1530"
imported 1 entry from resent.csv into records/hrss/2019.rec'
same "a sheet sent again, --replace: the file" "$(tail -n 1 records/hrss/2019.rec)" \
  '2019-04-30  jobs.urban_new  27  by=人社局  note="更正：原报 1503，改为 1530"'
run import resent.csv --replace
same "the same sheet a third time: nothing" "$OUT" \
  '3 rows equal to what each reporter already has: not written'
# Two rows replacing one reporter's period contradict each other: 七都镇's
# June jobs.reemployed sent as 30, then as 35 (both in June's due window).
# The second is refused, naming the first; nothing is written.
rm -rf "$TMP/before" && cp -r records "$TMP/before"
printf 'date,id,value,by\n2019-07-05,jobs.reemployed,30,七都镇\n2019-07-06,jobs.reemployed,35,七都镇\n' >twice-replaced.csv
run import twice-replaced.csv --replace
same "one period replaced twice: exit" "$RC" 1
same "one period replaced twice: the second row, naming the first" "$ERR" \
  "plan: twice-replaced.csv:3:28: cell C3: 七都镇 reports jobs.reemployed for 2019-06 twice in the batch (first at twice-replaced.csv:2: 30): with --replace a reporter's period takes one figure
plan: nothing imported: 1 error in twice-replaced.csv"
unchanged "one period replaced twice"
rm -rf records && cp -r "$SRC/records" records

# The same row twice under --replace is no second opinion: it says so.
rm -rf "$TMP/before" && cp -r records "$TMP/before"
printf 'date,id,value,by\n2019-07-05,jobs.reemployed,30,七都镇\n2019-07-05,jobs.reemployed,30,七都镇\n' >same-twice.csv
run import same-twice.csv --replace
same "the same row twice under --replace: exit" "$RC" 1
same "the same row twice under --replace: entered twice?" "$ERR" \
  "plan: same-twice.csv:3:28: cell C3: 七都镇 reports jobs.reemployed for 2019-06 twice in the batch, both 30 (first at same-twice.csv:2): entered twice? with --replace a reporter's period takes one figure
plan: nothing imported: 1 error in same-twice.csv"
# --replace takes the period's whole figure: -5 would make 人社局's March
# come to -5, and is refused (a correction by the difference goes without).
run record jobs.urban_new -5 --date 2019-04-05 --by 人社局 --replace
same "a negative figure under --replace: exit" "$RC" 1
same "a negative figure under --replace: refused" "$ERR" \
  "plan: with --replace a figure is what its period comes to, and -5 is below zero: a correction by the difference goes without --replace (--force if -5 is right)"
unchanged "a negative figure under --replace"
# So is one for a period with no figure yet (七都镇's June taken out), and
# --force lets it in with a warning.
sed -i '/^2019-06-30  jobs.reemployed  24  by=七都镇/d' records/towns/qidu/2019.rec
rm -rf "$TMP/before" && cp -r records "$TMP/before"
run record jobs.reemployed -5 --date 2019-07-05 --by 七都镇 --replace
same "a negative first figure under --replace: exit" "$RC" 1
unchanged "a negative first figure under --replace"
run record jobs.reemployed -5 --date 2019-07-05 --by 七都镇 --replace --force
same "a negative figure under --replace --force: exit" "$RC" 0
same "a negative figure under --replace --force: said" "$ERR" \
  "plan: warning: let in by --force: with --replace a figure is what its period comes to, and -5 is below zero"
rm -rf records && cp -r "$SRC/records" records
rm -rf "$TMP/before" && cp -r records "$TMP/before"

# Every problem of a sheet at once: row 2 names a period not over (July,
# dated 20 July), row 3 a figure 2,254 times the largest of jobs.reemployed
# (230000 / 102; its figures run from 5 to 102). Both are said, so that the
# --force that row 2 asks for does not let row 3's typo in unseen; under
# --force the typo is still said, as let in.
printf 'date,id,value,by,period\n2019-07-20,jobs.reemployed,30,七都镇,2019-07\n2019-07-05,jobs.reemployed,230000,平望镇,\n' >mixed.csv
run import mixed.csv --add
same "a sheet's bad row and a typo: exit" "$RC" 1
same "a sheet's bad row and a typo: both said" "$ERR" \
  "plan: mixed.csv:2:35: cell E2: period 2019-07 is not over on 2019-07-20 (it ends 2019-07-31); a report is dated after its period; use --force if it is right
plan: mixed.csv:3:28: cell C3: value 230000 of jobs.reemployed is 2,254 times the largest of its other entries (5 to 102 人); is it in another unit? (--force if it is right)
plan: mixed.csv:3:28: warning: cell C3: 平望镇 already reported jobs.reemployed for 2019-06 (records/towns/pingwang/2019.rec:40: 34): a flow's figures add up, so 2019-06 comes to 230,034
plan: nothing imported: 2 errors in mixed.csv"
unchanged "a sheet's bad row and a typo"
run import mixed.csv --add --force --dry-run
same "--force: exit" "$RC" 0
same "--force: the typo let in is said" "$(grep -c 'warning: cell C3: let in by --force: value 230000 of jobs.reemployed is 2,254 times' <<<"$ERR")" 1
unchanged "--force --dry-run"

# The plan's last month is reported after its end: 人社局's December 2020
# jobs.urban_new (records/hrss/2020.rec:110, 1,782) comes in on 5 January
# 2021. It is taken (it was refused as outside the plan period), check does
# not warn, and it counts for December from that day: the shipped 51,930
# (awk over the 2018-2020 lines), less 1,782 = 50,148 before. Long after
# December's due window it needs --period.
sed -i '/^2020-12-31  jobs.urban_new  1782/d' records/hrss/2020.rec
run record jobs.urban_new 1782 --date 2021-01-05 --by 人社局
same "December's report after the plan's end: taken" "$RC:$OUT" \
  "0:records/hrss/2021.rec: 2021-01-05  jobs.urban_new  1782  by=人社局"
run check
same "December's report after the plan's end: check is content" "$RC:${ERR##*; }" "0:0 errors, 0 warnings"
actual() { "$PLAN" status --as-of "$1" --format csv | awk -F, '$1 == "jobs.urban_new" { print $9 }'; }
same "December's report: not in before it came" "$(actual 2021-01-04)" 50148
same "December's report: in once it came" "$(actual 2021-01-05)" 51930
run record jobs.urban_new 5 --date 2021-02-15 --by 人社局
same "after December's due window: refused, --period offered" "$RC:$ERR" \
  "1:plan: date 2021-02-15 is outside the plan period (2018-01-01 to 2020-12-31); --period if it reports for one of the plan's periods (it then counts for it), --force if the date is right as it is"
run record jobs.urban_new 5 --date 2021-02-15 --by 人社局 --period 2020-12 --add
same "after December's due window, with --period: taken" "$RC" 0
rm -rf records && cp -r "$SRC/records" records

# plan check follows the plan's [settings] lang = "zh" as every command does.
sed -i 's/^# lang = "zh".*/lang = "zh"/' plans/wujiang-2018-2020.toml
LANG=C.UTF-8 LC_ALL=C.UTF-8 run check
same "check under [settings] lang = zh" "$(grep -c '：指标 60 项；' <<<"$ERR")" 1

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
