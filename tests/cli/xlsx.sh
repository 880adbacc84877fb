#!/usr/bin/env bash
# Workbooks (--format xlsx) read back with an independent reader, Debian's
# python3-openpyxl: values (figures checked by hand below), number formats,
# text that looks like a formula kept as a string, the frozen header and
# autofilter, status fills, Chinese sheet names and headers, and the same
# bytes from two runs. Fixture: tests/fixtures/mini.toml and its records.
source "$(dirname "$0")/lib.bash" "$@"
cd "$SRC" || exit 1
P=("$PLAN" --plan tests/fixtures/mini.toml --records tests/fixtures/records)
PY=/usr/bin/python3

# check FILE PYTHON: runs PYTHON with `wb` the workbook FILE and `eq(got,
# want, what)` / `near(got, want, what)`; each failed check is one failure.
check() {
  local file=$1 code=$2 out
  out=$("$PY" - "$file" <<PYEOF 2>&1
import sys, datetime, openpyxl
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

# --lang zh: Chinese sheet name, headers and status words.
expect_exit 0 -- "${P[@]}" --lang zh status --as-of 2019-06-30 --format xlsx -o "$WORK/zh.xlsx"
check "$WORK/zh.xlsx" '
ws = wb.active
eq(wb.sheetnames, ["完成情况"], "sheets")
eq(ws["A2"].value, "截至", "as-of label")
eq([c.value for c in ws[3]][:2], ["指标代码", "指标"], "header")
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
