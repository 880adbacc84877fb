#!/usr/bin/env bash
# `plan template`: the sheet a reporter fills in, written as xlsx and CSV,
# filled in by openpyxl (Debian's python3-openpyxl) or sed as a department
# would, and imported back unchanged: exactly the expected record lines land
# (worked out by hand below), rows left empty are skipped with one warning
# and stay owed, a second import is refused, filed reports leave the next
# template. Also: cell types and number formats read back by openpyxl, the
# same bytes twice, --each-unit's set of files, and the refusals.
# Fixture: tests/fixtures/template.toml (its header lists who reports what).
# Usage: template.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"
PY=/usr/bin/python3

mkdir -p "$TMP/p/plans" "$TMP/p/records"
cp "$SRC/tests/fixtures/template.toml" "$TMP/p/plans/t.toml"
cd "$TMP/p" || exit 2
# The reports before June are in (a template also asks again for earlier
# reports still owed; that is tested at the end): January to May of the
# monthly jobs.new and jobs.towns, and the first quarter of train.q.
for m in 01 02 03 04 05; do
  d=$(date -d "2019-$m-01 +1 month -1 day" +%F)
  printf '%s  jobs.new  100  by=人社局\n%s  jobs.towns  100  by=镇甲\n%s  jobs.towns  100  by=镇乙\n' "$d" "$d" "$d"
done >records/before.rec
printf '2019-03-31  train.q  30  by=人社局\n2019-03-31  train.q  30  by=镇甲\n' >>records/before.rec

# py PYTHON: runs PYTHON with eq(got, want, what); each failed check is one failure.
py() {
  local out
  out=$("$PY" - <<PYEOF 2>&1
import datetime, openpyxl
bad = []
def eq(got, want, what):
    if got != want: bad.append(f"{what}: got {got!r}, want {want!r}")
$1
for b in bad: print(b)
raise SystemExit(1 if bad else 0)
PYEOF
)
  if [[ $? == 0 ]]; then passed=$((passed + 1)); else fail "$out"; fi
}

# --- --each-unit: one file per reporter that owes a report of 2019-06 --------
# 人社局: jobs.new 2019-06, train.q 2019Q2; 镇甲: jobs.towns, train.q, rate.h
# 2019H1; 镇乙: jobs.towns; 教育局 files only the yearly grads.y: no file.
run template --each-unit --period 2019-06 --output-dir out
same "each-unit: exit" "$RC" 0
same "each-unit: files listed" "$OUT" 'out/2019-06-人社局.xlsx (2 reports)
out/2019-06-镇甲.xlsx (3 reports)
out/2019-06-镇乙.xlsx (1 report)'
same "each-unit: who owes nothing" "$ERR" 'plan: no report owed for 2019-06 by 教育局'
same "each-unit: the set of files" "$(ls out | LC_ALL=C sort | tr '\n' ' ')" \
  '2019-06-人社局.xlsx 2019-06-镇乙.xlsx 2019-06-镇甲.xlsx '
run template --each-unit --period 2019-06 --output-dir out-csv --format csv
same "each-unit csv: files" "$(ls out-csv | LC_ALL=C sort | tr '\n' ' ')" \
  '2019-06-人社局.csv 2019-06-镇乙.csv 2019-06-镇甲.csv '

# --- the workbook, read back --------------------------------------------------
run template --unit 镇甲 --period 2019-06 -o t.xlsx
same "xlsx: exit" "$RC" 0
same "xlsx: quiet" "$OUT$ERR" ""
if cmp -s t.xlsx out/2019-06-镇甲.xlsx; then passed=$((passed + 1)); else fail "xlsx: differs from --each-unit's"; fi
sleep 1 # the same inputs a second later: the same bytes (no clock in the file)
run template --unit 镇甲 --period 2019-06 -o t2.xlsx
if cmp -s t.xlsx t2.xlsx; then passed=$((passed + 1)); else fail "xlsx: two runs differ"; fi
py '
wb = openpyxl.load_workbook("t.xlsx")
ws = wb.active
eq(wb.sheetnames, ["2019-06"], "sheet")
eq(ws["A1"].value, "镇甲: reports for 2019-06 (fill in value, and note if needed; leave the other columns as they are)", "title")
eq(ws["A2"].value, None, "no as-of row")
eq([c.value for c in ws[3]], ["id", "name", "unit", "period", "date", "value", "note", "by"], "header")
eq(ws.freeze_panes, "A4", "frozen header")
eq([ws.cell(r, 1).value for r in range(4, ws.max_row + 1)], ["jobs.towns", "train.q", "rate.h"], "rows")
for r in range(4, 7):
    for col in "ABCDH":
        eq(ws[f"{col}{r}"].data_type, "s", f"{col}{r} is text")
    eq(ws[f"E{r}"].value, datetime.datetime(2019, 6, 30), f"E{r} the period end")
    eq(ws[f"E{r}"].is_date, True, f"E{r} a date cell")
    eq(ws[f"E{r}"].number_format, "yyyy-mm-dd", f"E{r} date format")
    eq(ws[f"F{r}"].value, None, f"F{r} empty")
    eq(ws[f"F{r}"].number_format, "#,##0.00", f"F{r} number format")
    eq(ws[f"G{r}"].number_format, "@", f"G{r} text format")
    eq(ws[f"H{r}"].value, "镇甲", f"H{r} by")
eq([ws[f"D{r}"].value for r in range(4, 7)], ["2019-06", "2019Q2", "2019H1"], "periods")
eq(ws["C6"].value, "%", "unit of rate.h")
if ws.column_dimensions["B"].width < 10: bad.append("name column too narrow for 5 CJK characters")
if ws.column_dimensions["F"].width < 14: bad.append("value column too narrow")
'
# --output-dir with one reporter: the name --each-unit gives it.
run template --unit 镇乙 --period 2019-06 --output-dir one
same "output-dir, one reporter: the file" "$RC $(ls one)" "0 2019-06-镇乙.xlsx"
run --lang zh template --unit 镇甲 --period 2019-06 -o zh.xlsx
py '
ws = openpyxl.load_workbook("zh.xlsx").active
eq([c.value for c in ws[3]], ["指标代码", "指标名称", "计量单位", "报送期", "日期", "数值", "备注", "填报单位"], "zh header")
eq(ws["A1"].value, "镇甲 2019-06 报表（填写数值，可加备注；其余列请勿改动）", "zh title")
'

# --- filled in and imported ---------------------------------------------------
# jobs.towns 120, train.q 35 with a note, rate.h left empty (not known yet).
py '
wb = openpyxl.load_workbook("t.xlsx")
ws = wb.active
ws["F4"] = 120
ws["F5"] = 35
ws["G5"] = "含线上培训"
wb.save("filled.xlsx")
'
run import filled.xlsx
same "import: exit" "$RC" 0
same "import: the empty row, in one warning" "$ERR" \
  'plan: filled.xlsx: warning: 1 row without a value skipped (F6 rate.h); a report left empty is still owed (plan due)'
same "import: summary" "$(tail -n 1 <<<"$OUT")" \
  'imported 2 entries from filled.xlsx into records/towns/a/2019.rec'
# Dated at the period's end, by= the reporter (镇甲's folder towns/a), the
# period's label as period=, tags in the order by, period, note.
file_is "import: the lines" records/towns/a/2019.rec \
  $'2019-06-30  jobs.towns  120  by=镇甲  period=2019-06\n2019-06-30  train.q  35  by=镇甲  period=2019Q2  note=含线上培训\n'
run import filled.xlsx
same "again: exit" "$RC" 1
same "again: refused" "$ERR" \
  'plan: filled.xlsx: warning: 1 row without a value skipped (F6 rate.h); a report left empty is still owed (plan due)
plan: filled.xlsx: every row (2) is already in the ledger, the first at records/towns/a/2019.rec:1: filled.xlsx was imported before? (--allow-duplicates to add them again)
plan: nothing imported: 1 error in filled.xlsx'
file_is "again: nothing appended" records/towns/a/2019.rec \
  $'2019-06-30  jobs.towns  120  by=镇甲  period=2019-06\n2019-06-30  train.q  35  by=镇甲  period=2019Q2  note=含线上培训\n'

# --- next month: the row left empty is asked for again -----------------------
# 镇甲 owes July's jobs.towns, and rate.h's 2019H1 still (left empty above),
# in the plan's order of indicators (jobs.towns before rate.h).
run template --unit 镇甲 --period 2019-07 --format csv
same "next month: exit" "$RC" 0
same "next month: the empty row again" "$OUT" \
  $'id,name,unit,period,date,value,note,by\r\njobs.towns,区镇就业,人,2019-07,2019-07-31,,,镇甲\r\nrate.h,达标率,%,2019H1,2019-06-30,,,镇甲\r'

# --- the CSV: what is still owed, filled in by sed, imported -------------------
run template --unit 镇甲 --period 2019-06 --format csv
same "csv: exit" "$RC" 0
same "csv: only rate.h is still owed" "$OUT" \
  $'id,name,unit,period,date,value,note,by\r\nrate.h,达标率,%,2019H1,2019-06-30,,,镇甲\r'
printf '%s\n' "$OUT" | sed 's/2019-06-30,,/2019-06-30,96.5,/' >filled.csv
run import filled.csv
same "csv import: exit" "$RC" 0
file_is "csv import: the line" records/towns/a/2019.rec \
  $'2019-06-30  jobs.towns  120  by=镇甲  period=2019-06\n2019-06-30  train.q  35  by=镇甲  period=2019Q2  note=含线上培训\n2019-06-30  rate.h  96.5%  by=镇甲  period=2019H1\n'
run import filled.csv
same "csv again: refused" "$RC" 1
# Headers in Chinese, with a BOM for Excel; 计量单位, as 单位 alone is by=.
run --lang zh template --unit 镇乙 --period 2019-06 --format csv --bom
same "zh csv" "$OUT" \
  $'\xEF\xBB\xBF指标代码,指标名称,计量单位,报送期,日期,数值,备注,填报单位\r\njobs.towns,区镇就业,人,2019-06,2019-06-30,,,镇乙\r'
printf '%s\n' "$OUT" | sed 's/2019-06-30,,/2019-06-30,"1,234",/' >zh.csv
run import zh.csv
same "zh csv import: exit" "$RC" 0
file_is "zh csv import: the line" records/towns/b/2019.rec \
  $'2019-06-30  jobs.towns  1234  by=镇乙  period=2019-06\n'

# refused WHAT CODE MESSAGE ARGS...: `plan ARGS` exits CODE with MESSAGE.
refused() {
  local what=$1 code=$2 message=$3
  shift 3
  run "$@"
  same "$what: exit" "$RC" "$code"
  same "$what: message" "$ERR" "$message"
}

# --- nothing left to fill in -------------------------------------------------
refused "all filed" 1 'plan: 镇甲 owes no report for 2019-06: its 3 reports are all in the ledger' \
  template --unit 镇甲 --period 2019-06 -o none.xlsx
[[ -e none.xlsx ]] && fail "all filed: a file was written" || passed=$((passed + 1))
refused "owes nothing" 1 'plan: 教育局 owes no report for 2019-06: none of its reports ends in it' \
  template --unit 教育局 --period 2019-06 --format csv
# Into a folder: a run that writes nothing makes no empty folder either.
refused "owes nothing, a folder" 1 'plan: 教育局 owes no report for 2019-06: none of its reports ends in it' \
  template --unit 教育局 --period 2019-06 --output-dir none-dir
[[ -e none-dir ]] && fail "owes nothing: an empty folder was made" || passed=$((passed + 1))
refused "all filed, zh" 1 'plan: 镇甲 在 2019-06 无须报送：3 份报告均已入账' \
  --lang zh template --unit 镇甲 --period 2019-06 -o none.xlsx
refused "owes nothing, zh" 1 'plan: 教育局 在 2019-06 无须报送：其报告的报送期都不在此期结束' \
  --lang zh template --unit 教育局 --period 2019-06 --format csv

# --- refusals: usage errors (exit 2), nothing written -----------------------
refused "unknown unit" 2 "plan: '镇丙' is not a reporter of the plan; did you mean '镇甲' or '镇乙'?" \
  template --unit 镇丙 --period 2019-06 --format csv
refused "group" 2 "plan: '各区镇' is a group of 2 reporters (镇甲、镇乙): a template is one reporter's; name one, or use --each-unit" \
  template --unit 各区镇 --period 2019-06 --format csv
refused "unknown unit, zh" 2 "plan: “镇丙”不是本计划的报送单位；是否是“镇甲”或“镇乙”？" \
  --lang zh template --unit 镇丙 --period 2019-06 --format csv
refused "group, zh" 2 "plan: “各区镇”是 2 个报送单位的统称（镇甲、镇乙）：报表模板按单个报送单位生成；请指明其中一个，或用 --each-unit" \
  --lang zh template --unit 各区镇 --period 2019-06 --format csv
refused "bad period" 2 "plan: --period '2019-13' is not a period: 2020-06, 2020Q2, 2020H1 or 2020 (or 2020年6月, 2020年第二季度, 2020年上半年, 2020年)" \
  template --unit 镇甲 --period 2019-13 --format csv
# A period as people type it: in Chinese, in full-width forms.
run template --unit 镇甲 --period 2019-12 --format csv
december=$OUT
run template --unit 镇甲 --period 2019年十二月 --format csv
same "2019年十二月 is 2019-12" "$OUT" "$december"
run template --unit 镇甲 --period ２０１９－１２ --format csv
same "２０１９－１２ is 2019-12" "$OUT" "$december"
[[ -n $december ]] && passed=$((passed + 1)) || fail "2019-12: no sheet"
refused "outside the plan" 2 "plan: period 2020-01 is outside the plan (2019-01-01 to 2019-12-31)" \
  template --unit 镇甲 --period 2020-01 --format csv
refused "xlsx to the terminal" 2 \
  "plan: --format xlsx writes a workbook: give --output FILE.xlsx (or --output-dir DIR)" \
  template --unit 镇甲 --period 2019-07
run template --period 2019-07 --format csv
same "no reporter named: exit" "$RC" 2

# --- -o FILE's extension chooses the format when --format is not given ---------
run template --unit 镇甲 --period 2019-07 -o sheet.csv
same "-o sheet.csv: exit" "$RC" 0
same "-o sheet.csv: a CSV, not a workbook" "$(head -c 3 sheet.csv)" "id,"
run template --unit 镇甲 --period 2019-07 -o SHEET.XLSX
same "-o SHEET.XLSX: a workbook (zip)" "$(head -c 2 SHEET.XLSX)" "PK"
# --format given: it wins, with a warning.
run template --unit 镇甲 --period 2019-07 --format csv -o sheet2.xlsx
same "--format csv -o sheet2.xlsx: exit" "$RC" 0
same "--format csv -o sheet2.xlsx: warned" "$ERR" "plan: warning: --format csv into sheet2.xlsx, whose extension says xlsx"
same "--format csv -o sheet2.xlsx: CSV" "$(head -c 3 sheet2.xlsx)" "id,"

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
