#!/usr/bin/env bash
# Workbooks (--format xlsx) read back with an independent reader, Debian's
# python3-openpyxl: values (figures checked by hand below), number formats,
# text that looks like a formula kept as a string, the frozen header and
# autofilter, status fills, Chinese sheet names and headers, and the same
# bytes from two runs; the digest's workbook (report --format xlsx): its
# sheets, figures, native chart and --each-unit files. Fixtures:
# tests/fixtures/mini.toml with its records and the golden digest ledger
# (tests/fixtures/digest), tests/fixtures/cycle for a reporter's workbook.
source "$(dirname "$0")/lib.bash" "$@"
cd "$SRC" || exit 1
P=("$PLAN" --plan tests/fixtures/mini.toml --records tests/fixtures/records)
PY=/usr/bin/python3

# check FILE PYTHON: runs PYTHON with `wb` the workbook FILE and `eq(got,
# want, what)` / `near(got, want, what)`; each failed check is one failure.
check() {
  local file=$1 code=$2 out
  out=$("$PY" - "$file" <<PYEOF 2>&1
import sys, datetime, math, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
bad = []
def eq(got, want, what):
    if got != want: bad.append(f"{what}: got {got!r}, want {want!r}")
def near(got, want, what):
    if not isinstance(got, (int, float)) or abs(got - want) > 1e-9:
        bad.append(f"{what}: got {got!r}, want {want!r}")
$code
for b in bad: print(b)
sys.exit(1 if bad else 0)
PYEOF
)
  if [ $? = 0 ]; then ok; else fail "$file: $out"; fi
}

# status at 2019-06-30. jobs.urban_new: 4210 - 120 + 12000 + 9000 = 25,090
# of 51,000 = 0.49196…; time progress 2018-01-01..2019-06-30 is 365 + 181 =
# 546 of the plan's 1,096 days = 0.498175…; behind, so its row is yellow
# (Excel's "neutral" FFEB9C). unemployment.rate 1.9 (%) keeps one decimal.
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx --output "$WORK/status.xlsx"
check "$WORK/status.xlsx" '
ws = wb.active
eq(wb.sheetnames, ["Status"], "sheets")
eq(ws["A1"].value, "测试计划 — as of 2019-06-30 (time progress 49.8%)", "title")
eq(ws["A2"].value, "As of", "as-of label")
eq(ws["B2"].value, datetime.datetime(2019, 6, 30), "as-of date")
eq(ws["B2"].number_format, "yyyy-mm-dd", "as-of format")
eq([c.value for c in ws[3]][:3], ["ID", "Indicator", "Area"], "header")
eq(ws.freeze_panes, "A4", "frozen header")
eq(ws.auto_filter.ref, "A3:T10", "autofilter: 20 columns, header + 7 rows")
eq(ws["A4"].value, "jobs.urban_new", "id")
eq(ws["I4"].value, 25090, "actual")
eq(ws["I4"].number_format, "#,##0", "count format")
near(ws["J4"].value, 25090 / 51000, "completion")
eq(ws["J4"].number_format, "0.0%", "completion format")
near(ws["O4"].value, 546 / 1096, "time progress")
eq(ws["O4"].number_format, "0.0%", "time progress format")
eq(ws["N4"].value, "behind", "status")
eq(ws["A4"].fill.fgColor.rgb, "FFFFEB9C", "behind row fill")
eq(ws["P4"].value, datetime.datetime(2019, 6, 30), "as_of column is a date")
eq(ws["A5"].value, "unemployment.rate", "second row")
eq(ws["I5"].value, 1.9, "rate in its own unit")
eq(ws["I5"].number_format, "#,##0.0", "rate format")
if ws.column_dimensions["B"].width < 24: bad.append("name column too narrow for 12 CJK characters")
'
# The same inputs, a second later: the same bytes (no clock in the file).
sleep 1
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx --output "$WORK/status2.xlsx"
if cmp -s "$WORK/status.xlsx" "$WORK/status2.xlsx"; then ok; else fail "two runs differ"; fi

# A temporary folder where no file can be made (the workbook is assembled
# there): a one-line error naming the folder, in either language, exit 1,
# and no output file.
TMPDIR=/proc expect_exit 1 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx -o "$WORK/no.xlsx"
if grep -q '^plan: /proc: cannot make a temporary file for the workbook: ' "$WORK/err" &&
  [ "$(wc -l < "$WORK/err")" = 1 ] && [ ! -e "$WORK/no.xlsx" ]; then ok; else fail "TMPDIR=/proc: $(cat "$WORK/err")"; fi
TMPDIR=/proc expect_exit 1 -- "${P[@]}" --lang zh status --as-of 2019-06-30 --format xlsx -o "$WORK/no.xlsx"
if grep -q '^plan: /proc: 无法为工作簿创建临时文件：' "$WORK/err" &&
  [ "$(wc -l < "$WORK/err")" = 1 ] && [ ! -e "$WORK/no.xlsx" ]; then ok; else fail "TMPDIR=/proc, zh: $(cat "$WORK/err")"; fi
# A temporary folder that fills up (an 8 KiB tmpfs, in a mount namespace of
# its own where the system allows one): the disk named as the reason, in
# one line (libxlsxwriter's own [ERROR] lines kept off the terminal).
mkdir "$WORK/small"
if unshare -m true 2>/dev/null; then
  full() {
    unshare -m sh -c 'mount -t tmpfs -o size=8k none "$0" && TMPDIR="$0" exec "$@"' \
      "$WORK/small" "${P[@]}" "$@" status --as-of 2019-06-30 --format xlsx -o "$WORK/full.xlsx"
  }
  expect_exit 1 -- full
  expect_err_line "plan: $WORK/small: cannot write the workbook: Zip generic error ZIP_ERRNO while creating the xlsx file: No space left on device"
  if [ "$(wc -l < "$WORK/err")" = 1 ] && [ ! -e "$WORK/full.xlsx" ]; then ok; else fail "full TMPDIR: $(cat "$WORK/err")"; fi
  expect_exit 1 -- full --lang zh
  expect_err_line "plan: $WORK/small: 无法写出工作簿：写入 xlsx 压缩包时出错：磁盘已满"
else
  echo "note: no mount namespace here (unshare -m): the full TMPDIR case is not run" >&2
fi

# --lang zh: Chinese sheet name, headers and status words.
expect_exit 0 -- "${P[@]}" --lang zh status --as-of 2019-06-30 --format xlsx -o "$WORK/zh.xlsx"
check "$WORK/zh.xlsx" '
ws = wb.active
eq(wb.sheetnames, ["完成情况"], "sheets")
eq(ws["A2"].value, "截至", "as-of label")
eq([c.value for c in ws[3]][:2], ["指标代码", "指标"], "header")
# The unit of measure is 计量单位: plan import reads 单位 as the reporting
# unit, so a column pasted from here into a sheet must not turn into by=.
header = [c.value for c in ws[3]]
eq("计量单位" in header, True, "计量单位 heads the unit column")
eq("单位" in header, False, "no column headed 单位")
'

# A note that starts with "=" is a string cell, never a formula.
mkdir -p "$WORK/rec"
cp -r tests/fixtures/records/. "$WORK/rec/"
printf '2019-07-01  jobs.urban_new  10  by=人社局  note="=1+1"\n' >"$WORK/rec/hrss/2020.rec"
expect_exit 0 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/rec" log jobs.urban_new \
  --format xlsx -o "$WORK/log.xlsx"
check "$WORK/log.xlsx" '
ws = wb.active
eq(wb.sheetnames, ["Log"], "sheets")
notes = [c for c in ws[3] if c.value == "Note"]
eq(len(notes), 1, "a Note column")
# Entries by date: 2019-06-30 (9000), the note on 2019-07-01, 2019-12-31.
row = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == datetime.datetime(2019, 7, 1)]
eq(len(row), 1, "the 2019-07-01 entry, with a date cell")
cell = ws.cell(row[0], notes[0].column)
eq(cell.value, "=1+1", "note text")
eq(cell.data_type, "s", "note is a string, not a formula")
eq(ws["B2"].value, datetime.datetime(2019, 12, 31), "dated by the latest entry")
'

# yoy at 2019-12-31 in the annex layout. jobs.urban_new: 2018 actual 4210 -
# 120 + 12000 = 16,090 of 17,000 = 0.946470…; 2019 actual 9000 + 8000 =
# 17,000, change 17000 / 16090 - 1 = 0.056556…; unemployment.rate 2019 3.2
# against 2.1: +1.1 points.
expect_exit 0 -- "${P[@]}" yoy --as-of 2019-12-31 --format xlsx -o "$WORK/yoy.xlsx"
check "$WORK/yoy.xlsx" '
ws = wb.active
head = [c.value for c in ws[3]]
eq(head[:8], ["Area", "Task", "ID", "Indicator", "Unit", "Lead", "Partners", "2018 target"], "header")
col = {h: i + 1 for i, h in enumerate(head)}
rows = {ws.cell(r, 3).value: r for r in range(4, ws.max_row + 1)}
j, u = rows["jobs.urban_new"], rows["unemployment.rate"]
eq(ws.cell(j, 1).value, "就业", "area")
eq(ws.cell(j, 6).value, "人社局", "lead")
eq(ws.cell(j, col["2018 target"]).value, 17000, "2018 target")
eq(ws.cell(j, col["2018 actual"]).value, 16090, "2018 actual")
near(ws.cell(j, col["2018 done"]).value, 16090 / 17000, "2018 completion")
eq(ws.cell(j, col["2018 done"]).number_format, "0.0%", "completion format")
eq(ws.cell(j, col["2019 actual"]).value, 17000, "2019 actual")
near(ws.cell(j, col["2019 change"]).value, 17000 / 16090 - 1, "2019 growth")
near(ws.cell(u, col["2019 change"]).value, 1.1, "2019 difference in points")
eq(ws.cell(u, col["2019 actual"]).value, 3.2, "rate")
'

# plan report --format xlsx: the November 2020 digest of
# tests/fixtures/digest (the golden digests' ledger, every figure worked out
# in tests/digest_text_test.cpp and again here). E = 2020-11-30, day 365 +
# 365 + 335 = 1,065 of the plan's 1,096: time progress 1065/1096. At E:
# achieved skills.high (6,100 of 6,000) and graduates.rate (met); on track
# hr.portal (pending); behind jobs.urban_new, skills.total, skills.leaders;
# missed unemployment.rate (3.1 > 3). Largest gap first, the whole people
# below each expected line due: skills.leaders 1 of 3, the line at 3 ×
# 1065/1096 = 2.91515, so 2 due, behind by 1 = 33.3 % of 3; skills.total
# 12,500 of 18,000, the line at 12000 + 6000 × 335/366 = 17,491.80 (4,991
# = 27.73 %); jobs.urban_new 49,300 of 51,000, the line at 34000 + 17000 ×
# 335/366 = 49,560.11 (260 = 0.51 %). Paces, 31 days left
# = 31/30.4375 months: leaders needs 2 / (31/30.4375) = 1.96371 a month, so
# far 1 / 1065 × 30.4375 = 0.028580. Recorded in November: jobs 600 (人社局,
# note 十一月快报) + 400 (财政局) = 1,000; unemployment 3.1 on 11-10;
# graduates 96 on 11-05; skills.total 500; skills.high 300: 6 entries.
D=("$PLAN" --plan tests/fixtures/mini.toml --records tests/fixtures/digest)
expect_exit 0 -- "${D[@]}" --lang en report --month 2020-11 --format xlsx -o "$WORK/digest.xlsx"
check "$WORK/digest.xlsx" '
eq(wb.sheetnames, ["Summary", "Reports missing", "Changes", "Behind", "Milestones", "Units",
                   "Recorded", "By reporter"], "sheets")
for ws in wb:
    eq(ws.freeze_panes, "A4", ws.title + ": frozen header")
    eq(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A3:"), True, ws.title + ": autofilter")
    eq(ws["B2"].value, datetime.datetime(2020, 11, 30), ws.title + ": as of E")
ws = wb["Summary"]
eq(ws["A1"].value, "测试计划 — monthly report, November 2020", "title")
eq([c.value for c in ws[3]], ["Item", "Value"], "summary header")
rows = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(4, ws.max_row + 1)}
eq(rows["Period from"].value, datetime.datetime(2020, 11, 1), "period from")
eq(rows["Status compared with"].value, datetime.datetime(2020, 10, 31), "compared with")
near(rows["Time progress"].value, 1065 / 1096, "time progress")
eq(rows["Time progress"].number_format, "0.0%", "time progress format")
for k, v in [("Indicators", 7), ("Achieved (achieved, met, done)", 2), ("On track (on track, pending)", 1),
             ("Behind", 3), ("Missed (missed, overdue)", 1), ("No data", 0), ("Reports missing", 0),
             ("Entries recorded in the period", 6)]:
    eq(rows[k].value, v, k)
ws = wb["Behind"]
head = [c.value for c in ws[3]]
eq(head[:9], ["#", "ID", "Indicator", "Unit", "Actual", "Target", "Done", "Time progress", "Expected"], "behind header")
col = {h: i + 1 for i, h in enumerate(head)}
eq([ws.cell(r, 2).value for r in range(4, ws.max_row + 1)], ["skills.leaders", "skills.total", "jobs.urban_new"],
   "largest gap first")
eq(ws.cell(4, col["Actual"]).value, 1, "leaders actual")
eq(ws.cell(4, col["Target"]).value, 3, "leaders target")
near(ws.cell(4, col["Done"]).value, 1 / 3, "leaders completion")
eq(ws.cell(4, col["Done"]).number_format, "0.0%", "completion format")
near(ws.cell(4, col["Time progress"]).value, 1065 / 1096, "leaders time progress")
# Counted in people, the whole people below the expected line are due:
# the line stands at 3 x 1065/1096 = 2.915, so 2, and 1 in is 1 behind.
eq(ws.cell(4, col["Expected"]).value, 2, "leaders expected")
eq(ws.cell(4, col["Behind plan"]).value, 1, "leaders behind by")
near(ws.cell(4, col["Of target"]).value, 1 / 3, "leaders gap")
near(ws.cell(4, col["Needed a month"]).value, 2 / (31 / 30.4375), "leaders pace needed")
near(ws.cell(4, col["Pace so far"]).value, 1 / 1065 * 30.4375, "leaders pace so far")
eq(ws.cell(5, col["Expected"]).value, math.floor(12000 + 6000 * 335 / 366), "skills.total expected")
# Whole people, shown whole, as the text digest words them.
eq(ws.cell(4, col["Expected"]).number_format, "#,##0", "2")
eq(ws.cell(5, col["Expected"]).number_format, "#,##0", "17,491")
eq(ws.cell(6, col["Actual"]).value, 49300, "jobs actual")
eq(ws.cell(6, col["Actual"]).number_format, "#,##0", "thousands")
eq(ws.cell(6, col["Behind plan"]).value, math.floor(34000 + 17000 * 335 / 366) - 49300, "jobs behind by")
# The native chart: completion (column G) against time progress (H) of
# the three rows, labelled by the names (C).
eq(len(ws._charts), 1, "one chart on the Behind sheet")
ws = wb["Changes"]
rows = {ws.cell(r, 3).value: r for r in range(4, ws.max_row + 1)}
eq(list(rows), ["jobs.urban_new", "unemployment.rate", "graduates.rate", "skills.high"],
   "attention first (newly behind, breached), then recovered, newly achieved")
j = rows["jobs.urban_new"]
eq([ws.cell(j, c).value for c in range(1, 7)],
   ["needs attention", "Newly behind", "jobs.urban_new", "城镇新增就业人数", "on track", "behind"], "jobs change")
eq(ws.cell(j, 1).fill.fgColor.rgb, "FFFFEB9C", "behind row fill")
eq(ws.cell(rows["unemployment.rate"], 7).value, 3.1, "reading")
eq(ws.cell(rows["unemployment.rate"], 7).number_format, "#,##0.0", "rate format")
eq(ws.cell(rows["skills.high"], 1).value, "other change", "section")
ws = wb["Milestones"]
eq([c.value for c in ws[4]][:6], ["hr.portal", "人力资源市场门户网站", "pending", datetime.datetime(2020, 12, 31), None, 31],
   "hr.portal due in 31 days")
eq(ws["D4"].number_format, "yyyy-mm-dd", "due is a date")
ws = wb["Reports missing"]
eq(ws.max_row, 3, "no reporting schedule: no rows")
eq(ws["A1"].value, "Reports missing at 2020-12-01 — The plan sets no reporting schedule: nothing is due.",
   "its title, and why it is empty")
ws = wb["Units"]
eq([c.value for c in ws[4]][:8], ["人社局", 7, 0, 2, 1, 3, 1, 0], "人社局 counts")
ws = wb["Recorded"]
rec = {ws.cell(r, 1).value: [c.value for c in ws[r]] for r in range(4, ws.max_row + 1)}
eq(rec["jobs.urban_new"], ["jobs.urban_new", "城镇新增就业人数", "人", 2, 1000, None, None, 2], "jobs recorded")
eq(rec["unemployment.rate"][3:7], [1, 3.1, datetime.datetime(2020, 11, 10), None], "reading and its date")
ws = wb["By reporter"]
by = [[c.value for c in ws[r]] for r in range(4, ws.max_row + 1)]
eq(by[0], ["jobs.urban_new", "城镇新增就业人数", "人社局", 1, 600, None, None, "十一月快报"], "人社局 line")
eq(by[1][2:5], ["财政局", 1, 400], "财政局 line")
eq(len(by), 6, "one line per indicator and unit, no total")
'
# The chart, read from the file itself: a bar chart whose two series are the
# Behind sheet's completion and time-progress columns over its three rows,
# labelled by the names; values as percentages, the first row on top.
rm -rf "$WORK/unz" && mkdir "$WORK/unz" && (cd "$WORK/unz" && unzip -q "$WORK/digest.xlsx")
chart=$(cat "$WORK/unz/xl/charts/chart1.xml" 2>/dev/null)
for want in '<c:barDir val="bar"/>' '<c:f>Behind!$G$4:$G$6</c:f>' '<c:f>Behind!$H$4:$H$6</c:f>' \
  '<c:f>Behind!$C$4:$C$6</c:f>' '<c:f>Behind!$G$3</c:f>' '<c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/>' \
  '<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="maxMin"/>'; do
  case $chart in *"$want"*) ok ;; *) fail "chart1.xml lacks $want" ;; esac
done
# Twice, a second apart: the same bytes.
sleep 1
expect_exit 0 -- "${D[@]}" --lang en report --month 2020-11 --format xlsx -o "$WORK/digest2.xlsx"
if cmp -s "$WORK/digest.xlsx" "$WORK/digest2.xlsx"; then ok; else fail "two report workbooks differ"; fi

# --lang zh: Chinese sheet names (each at most 31 characters, none of
# []:*?/\) and headers; the chart's references quote the Chinese sheet name.
expect_exit 0 -- "${D[@]}" --lang zh report --month 2020-11 --format xlsx -o "$WORK/digest.zh.xlsx"
check "$WORK/digest.zh.xlsx" '
eq(wb.sheetnames, ["概况", "未报送", "状态变化", "滞后指标", "节点任务", "责任单位", "本期填报", "分单位填报"], "sheets")
for n in wb.sheetnames:
    if len(n) > 31 or any(c in n for c in "[]:*?/\\"): bad.append("bad sheet name " + n)
eq(wb["概况"]["A2"].value, "截至", "as-of label")
eq([c.value for c in wb["滞后指标"][3]][:8], ["#", "指标代码", "指标", "计量单位", "完成", "目标", "完成率", "时间进度"], "headers")
eq(wb["状态变化"]["F4"].value, "滞后", "status word")
eq(len(wb["滞后指标"]._charts), 1, "the chart")
# The headline groups in the words of the text digest (已完成 2, 正常 1,
# 滞后 3, 未完成 1), each with what it takes in.
s = wb["概况"]
counts = {s.cell(r, 1).value: s.cell(r, 2).value for r in range(4, s.max_row + 1)}
eq([counts.get(k) for k in ["已完成（含达标、已办结）", "正常（含推进中）", "滞后", "未完成（含未达标、逾期）"]],
   [2, 1, 3, 1], "group words and counts")
'
rm -rf "$WORK/unz" && mkdir "$WORK/unz" && (cd "$WORK/unz" && unzip -q "$WORK/digest.zh.xlsx")
if grep -qF "<c:f>'滞后指标'!\$G\$4:\$G\$6</c:f>" "$WORK/unz/xl/charts/chart1.xml"; then ok; else
  fail "chart references: $(grep -o '<c:f>[^<]*</c:f>' "$WORK/unz/xl/charts/chart1.xml")"
fi

# A note that starts with "=" stays a string in the By reporter sheet.
rm -rf "$WORK/drec" && mkdir -p "$WORK/drec" && cp tests/fixtures/digest/*.rec "$WORK/drec/"
printf '2020-11-20  skills.total  10  by=人社局  note="=SUM(A1:A9)"\n' >>"$WORK/drec/golden.rec"
expect_exit 0 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/drec" --lang en report \
  --month 2020-11 --format xlsx -o "$WORK/note.xlsx"
check "$WORK/note.xlsx" '
ws = wb["By reporter"]
r = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "skills.total"]
eq(len(r), 1, "skills.total line")
eq(ws.cell(r[0], 5).value, 510, "500 + 10")
eq(ws.cell(r[0], 8).value, "=SUM(A1:A9)", "note text")
eq(ws.cell(r[0], 8).data_type, "s", "note is a string, not a formula")
'

# --each-unit --output-dir: one workbook for the plan and one per unit; a
# reporter's (tests/fixtures/cycle, July 2019) has its Reports missing
# sheet alone: 镇乙 owes jobs.reemployed for 2019-06, due 2019-07-10, 31 -
# 10 = 21 days overdue at 2019-07-31, and has explained it.
rm -rf "$WORK/each"
expect_exit 0 -- "${D[@]}" report --month 2020-11 --format xlsx --output-dir "$WORK/each" --each-unit
if [ "$(cd "$WORK/each" && ls -A | LC_ALL=C sort | tr '\n' ' ')" = "2020-11-人社局.xlsx 2020-11-教育局.xlsx 2020-11-财政局.xlsx 2020-11.xlsx " ]; then ok; else
  fail "--each-unit wrote: $(ls -A "$WORK/each")"
fi
check "$WORK/each/2020-11-教育局.xlsx" '
eq([c.value for c in wb["Units"][4]][:1], ["教育局"], "the unit alone")
eq(wb["Summary"]["B8"].value, 1, "one indicator (graduates.rate)")
'
rm -rf "$WORK/cyc"
expect_exit 0 -- "$PLAN" --plan tests/fixtures/cycle.toml --records tests/fixtures/cycle --lang en \
  report --month 2019-07 --format xlsx --output-dir "$WORK/cyc" --each-unit
check "$WORK/cyc/2019-07.due-镇乙.xlsx" '
eq(wb.sheetnames, ["Reports missing"], "a reporter: what it owes alone")
ws = wb.active
eq(ws["A1"].value, "报送测试计划 — reports owed by 镇乙, July 2019", "title")
eq([c.value for c in ws[4]][:8], ["missing", "jobs.reemployed", "城镇失业人员再就业人数", "镇乙", "2019-06",
                                  datetime.datetime(2019, 7, 10), 22, None], "the missing report")
eq(ws.max_row, 4, "one row")
if not (ws["I4"].value or "").startswith("Explanation by 镇乙 for 2019-06"): bad.append("explanation: %r" % ws["I4"].value)
'

# A digest workbook needs a file: refused (exit 2) without --output or
# --output-dir, nothing on stdout; --fail-on still gives 3 after writing.
expect_exit 2 -- "${D[@]}" report --month 2020-11 --format xlsx
expect_err_line "plan: --format xlsx writes a workbook: give --output FILE.xlsx or --output-dir DIR"
if [ -s "$WORK/out" ]; then fail "bytes on stdout"; else ok; fi
rm -f "$WORK/fail.xlsx"
expect_exit 3 -- "${D[@]}" --lang en report --month 2020-11 --format xlsx -o "$WORK/fail.xlsx" \
  --fail-on behind
if [ -s "$WORK/fail.xlsx" ] && cmp -s "$WORK/fail.xlsx" "$WORK/digest.xlsx"; then ok; else
  fail "--fail-on: workbook not written first"
fi

# Every listing command writes a workbook that opens.
for cmd in "units --as-of 2019-06-30" "list" "due --as-of 2019-06-30"; do
  # shellcheck disable=SC2086
  expect_exit 0 -- "${P[@]}" $cmd --format xlsx -o "$WORK/c.xlsx"
  check "$WORK/c.xlsx" 'eq(wb.active.freeze_panes, "A4", "frozen header")'
done

# A workbook is not for a terminal or a pipe: without --output it is
# refused (exit 2) and nothing is written to stdout.
expect_exit 2 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx
expect_err_line "plan: --format xlsx writes a workbook: give --output FILE.xlsx"
if [ -s "$WORK/out" ]; then fail "bytes on stdout"; else ok; fi
# --output names a regular file: /dev/stdout is refused.
expect_exit 2 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx --output /dev/stdout
# A failed write leaves the old file as it was.
echo old >"$WORK/keep.xlsx"
expect_exit 1 -- "${P[@]}" status --as-of 2019-06-30 --format xlsx -o "$WORK/none/keep.xlsx"
if [ "$(cat "$WORK/keep.xlsx")" = old ]; then ok; else fail "old file changed"; fi

finish
