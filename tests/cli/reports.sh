#!/usr/bin/env bash
# The reading commands on the fixture ledger at fixed dates. The golden files
# were checked figure by figure against hand arithmetic (see
# tests/evaluation_test.cpp for the same sums): e.g. at 2019-06-30
# jobs.urban_new has 4210 - 120 + 12000 + 9000 = 25,090 of 51,000 (49.2 %),
# expected 17000 + 17000 * 181/365 = 25,430, so it is behind.
source "$(dirname "$0")/lib.bash" "$@"
cd "$SRC" || exit 1
P=("$PLAN" --plan tests/fixtures/mini.toml --records tests/fixtures/records)

for f in table csv tsv json md; do
  expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --format "$f"
  expect_out "$GOLDEN/status-2019-06-30.$f"
done
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --color always
expect_out "$GOLDEN/status-2019-06-30.color"

# Without --format, -o FILE's extension chooses it: a workbook for .xlsx,
# the CSV for .csv (not the text table into either); .txt is the table.
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 -o "$WORK/st.xlsx"
[ "$(head -c 2 "$WORK/st.xlsx")" = PK ] && ok || fail "-o st.xlsx: not a workbook"
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 -o "$WORK/st.csv"
cmp -s "$WORK/st.csv" "$GOLDEN/status-2019-06-30.csv" && ok || fail "-o st.csv: not the CSV"
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 -o "$WORK/st.txt"
cmp -s "$WORK/st.txt" "$GOLDEN/status-2019-06-30.table" && ok || fail "-o st.txt: not the table"
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --format json -o "$WORK/st.csv"
expect_err_line "plan: warning: --format json into $WORK/st.csv, whose extension says csv"
cmp -s "$WORK/st.csv" "$GOLDEN/status-2019-06-30.json" && ok || fail "--format json wins over .csv"
# An extension naming a format status lacks is refused, and nothing is
# written: text in st.html would show in a browser as one long line.
rm -f "$WORK/st.html"
expect_exit 2 -- "${P[@]}" status --as-of 2019-06-30 -o "$WORK/st.html"
expect_err_line "plan: --output: status has no html format for $WORK/st.html; --format chooses one of table, csv, tsv, json, md, xlsx (plan status --help)"
[ ! -e "$WORK/st.html" ] && ok || fail "-o st.html: a file was written"
expect_exit 2 -- "${P[@]}" report --period month --as-of 2019-06-30 -o "$WORK/r.csv"
expect_err_line "plan: --output: report has no csv format for $WORK/r.csv; --format chooses one of txt, md, html, xlsx (plan report --help)"
[ ! -e "$WORK/r.csv" ] && ok || fail "-o r.csv: a file was written"
# Nor does any command write .xls (Excel 97-2003) or PDF.
expect_exit 2 -- "${P[@]}" status --as-of 2019-06-30 -o "$WORK/st.xls"
expect_err_line "plan: --output: status has no xls format for $WORK/st.xls; --format chooses one of table, csv, tsv, json, md, xlsx (plan status --help)"
expect_exit 2 -- "${P[@]}" report --period month --as-of 2019-06-30 -o "$WORK/r.pdf"
[ ! -e "$WORK/st.xls" ] && [ ! -e "$WORK/r.pdf" ] && ok || fail "-o .xls/.pdf: a file was written"
# Told what to write, it writes that, with the warning of a contradiction.
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --format csv -o "$WORK/st.html"
expect_err_line "plan: warning: --format csv into $WORK/st.html, whose extension says html"
cmp -s "$WORK/st.html" "$GOLDEN/status-2019-06-30.csv" && ok || fail "--format csv into .html"

# Global options after the command name mean the same.
expect_exit 0 -- "$PLAN" status --as-of 2019-06-30 --plan tests/fixtures/mini.toml \
  --records tests/fixtures/records --format csv
expect_out "$GOLDEN/status-2019-06-30.csv"
# …and so do the environment variables.
PLAN_FILE=tests/fixtures/mini.toml PLAN_RECORDS=tests/fixtures/records \
  expect_exit 0 -- "$PLAN" status --as-of 2019-06-30 --format csv
expect_out "$GOLDEN/status-2019-06-30.csv"

# Colour follows the terminal. on_tty runs a command with stdout on a real
# pseudo-terminal (script(1), util-linux), which turns "\n" into "\r\n";
# the "\r"s are dropped before comparing. On a terminal the table is
# coloured; NO_COLOR wins over the terminal; --color always wins over NO_COLOR.
on_tty() {
  local code
  TERM=xterm script -qec "$(printf '%q ' "$@")" /dev/null </dev/null >"$WORK/tty" 2>"$WORK/err"
  code=$?
  tr -d '\r' <"$WORK/tty" >"$WORK/out"
  [ "$code" = 0 ] && ok || fail "exit $code on a terminal: $*"
}
on_tty "${P[@]}" status --as-of 2019-06-30 --wide
expect_out "$GOLDEN/status-2019-06-30.color"
NO_COLOR=1 on_tty "${P[@]}" status --as-of 2019-06-30 --wide
expect_out "$GOLDEN/status-2019-06-30.table"
NO_COLOR=1 on_tty "${P[@]}" status --as-of 2019-06-30 --color always --wide
expect_out "$GOLDEN/status-2019-06-30.color"
# On a terminal the table fits its width (stty sets the pty's size); COLUMNS
# is only the fallback when the terminal reports none.
NO_COLOR=1 COLUMNS=200 on_tty sh -c "stty cols 80 && $(printf '%q ' "${P[@]}") status --as-of 2019-06-30"
expect_out "$GOLDEN/status-2019-06-30.en.80.table"
# Into a pipe nothing is cut (the golden .table above); --columns and --lang
# give the 80- and 200-column forms. Checked by eye: at 80 the bar and the id
# give way (natural width 119), 高校毕业生年末总体就业率 stays whole; at 200
# everything shows. 应完成 of skills.leaders, 3 × 547/1096 = 1.497, reads 1.5:
# below ten whole things keep a tenth (words.h expected_decimals), so that it
# agrees with the bar's tick at half.
for w in 80 200; do
  for l in en zh; do
    expect_exit 0 -- "${P[@]}" --lang $l status --as-of 2019-06-30 --columns $w
    expect_out "$GOLDEN/status-2019-06-30.$l.$w.table"
    expect_exit 0 -- "${P[@]}" --lang $l units --as-of 2019-06-30 --columns $w
    expect_out "$GOLDEN/units-2019-06-30.$l.$w.table"
  done
done
# --wide wins over COLUMNS; COLUMNS applies into a pipe when set.
COLUMNS=80 expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --wide
expect_out "$GOLDEN/status-2019-06-30.table"
COLUMNS=80 expect_exit 0 -- "${P[@]}" --lang en status --as-of 2019-06-30
expect_out "$GOLDEN/status-2019-06-30.en.80.table"
if grep -q $'\e\[' "$GOLDEN/status-2019-06-30.table"; then fail "colour in plain table"; else ok; fi
if grep -q $'\e\[33mbehind' "$GOLDEN/status-2019-06-30.color"; then ok; else fail "no colour"; fi

# Filters.
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --status behind --format csv
[ "$(cut -d, -f1 "$WORK/out" | tr '\n' ' ')" = "id jobs.urban_new skills.high " ] && ok ||
  fail "--status behind kept: $(cut -d, -f1 "$WORK/out" | tr '\n' ' ')"
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --area skills --format csv
[ "$(wc -l <"$WORK/out")" = 4 ] && ok || fail "--area skills: want 3 rows"
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --unit 教育局 --format csv
[ "$(cut -d, -f1 "$WORK/out" | tail -n +2)" = "graduates.rate" ] && ok || fail "--unit 教育局"
expect_exit 2 -- "${P[@]}" status --unit 人社厅 --fail-on behind
expect_err_line "plan: no indicator has '人社厅' as lead, partner or reporter; did you mean '人社局'?"
# A town's own figures beside the district's, on the shipped ledger: at
# 2019-12-31 jobs.reemployed adds up to 8,545, of which 平望镇 reported 687:
# awk's sums of $3 over records/ for $2=="jobs.reemployed" dated 2018-01-01
# to 2019-12-31, all lines and those with by=平望镇.
S=("$PLAN" --plan plans/wujiang-2018-2020.toml --records records)
expect_exit 0 -- "${S[@]}" status --as-of 2019-12-31 --unit 平望镇 --format csv
[ "$(head -1 "$WORK/out" | tr -d '\r' | awk -F, '{print $(NF-2) "," $(NF-1) "," $NF}')" = \
  "by,by_actual,by_done_date" ] && ok || fail "--unit: CSV ends with by,by_actual,by_done_date"
[ "$(grep '^jobs.reemployed,' "$WORK/out" | tr -d '\r' | awk -F, '{print $9 "," $(NF-2) "," $(NF-1) "," $NF}')" = \
  "8545,平望镇,687," ] && ok || fail "--unit 平望镇: jobs.reemployed 8545, its own 687"
# A milestone's own figure is the day the unit marked it done:
# records/gov_office/2020.rec:10, policy.aligned_suzhou done by=政府办 on
# 2020-12-18.
expect_exit 0 -- "${S[@]}" status --as-of 2020-12-31 --unit 政府办 --format csv
[ "$(grep '^policy.aligned_suzhou,' "$WORK/out" | tr -d '\r' | awk -F, '{print $(NF-2) "," $(NF-1) "," $NF}')" = \
  "政府办,,2020-12-18" ] && ok || fail "--unit 政府办: policy.aligned_suzhou done on 2020-12-18"
# A reporter group: its members' figures. All eight reporters of
# jobs.reemployed are of 各区镇 (plans/wujiang-2018-2020.toml), so their own
# figures are the whole 8,545.
expect_exit 0 -- "${S[@]}" status --as-of 2019-12-31 --unit 各区镇 --format csv
[ "$(grep '^jobs.reemployed,' "$WORK/out" | tr -d '\r' | awk -F, '{print $(NF-2) "," $(NF-1)}')" = \
  "各区镇,8545" ] && ok || fail "--unit 各区镇: jobs.reemployed's own 8545"
expect_exit 0 -- "${S[@]}" status --as-of 2019-12-31 --unit 各区镇
expect_contains "Figures are the district's; 各区镇 own: what its units reported."
expect_exit 0 -- "${S[@]}" --lang zh status --as-of 2019-12-31 --unit 平望镇
expect_contains "平望镇报送"
expect_contains "除“平望镇报送”外均为全区数；“平望镇报送”为其自报数。"
# A unit that reports nothing itself (财政局 leads and partners, reports
# none: no by=财政局 in records/): a line, not a column of blanks.
expect_exit 0 -- "${S[@]}" status --as-of 2019-12-31 --unit 财政局
expect_contains "Figures are the district's; 财政局 reported none of these itself."
expect_lacks "财政局 own"
expect_exit 0 -- "${S[@]}" status --as-of 2019-12-31 --unit 平望镇 --format json
[ "$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
r=[i for i in d["indicators"] if i["id"]=="jobs.reemployed"][0]
print(d["by"], r["actual"], r["by_actual"])' "$WORK/out")" = "平望镇 8545 687" ] && ok ||
  fail "--unit 平望镇: JSON by and by_actual"
expect_exit 2 -- "${P[@]}" status --area nowhere
expect_err_line "plan: unknown area 'nowhere' (areas: jobs 就业, skills 技能)"
# Part of a name: the areas it could mean, each id with its name.
expect_exit 2 -- "${P[@]}" status --area 技
expect_err_line "plan: unknown area '技' (did you mean: skills 技能)"
expect_exit 0 -- "${P[@]}" status --area 技能 --format csv
expect_exit 2 -- "${P[@]}" status --as-of 2019-02-30
expect_exit 2 -- "${P[@]}" status --status late

# --year judges against the year's own split: 2019 has 9000 of 17000 by
# 2019-06-30, its line at 17000 * 181/365 = 8430.1: 8,430 people due, so
# on track.
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --year 2019 --format csv
grep -q '^jobs.urban_new,城镇新增就业人数,就业,新增就业,人,total,17000,,9000,0.5294117647058824,8430,8000,0,on_track,' "$WORK/out" && ok ||
  fail "--year 2019 row: $(grep ^jobs "$WORK/out")"
expect_exit 2 -- "${P[@]}" status --year 2017

# --fail-on: exit 3 when a shown indicator matches, 0 otherwise.
expect_exit 3 -- "${P[@]}" status --as-of 2019-06-30 --fail-on behind,missed
expect_exit 0 -- "${P[@]}" status --as-of 2019-06-30 --area skills --status achieved --fail-on behind
expect_exit 3 -- "${P[@]}" status --as-of 2020-01-15 --fail-on missed --format json

# yoy, units, list, log, show.
expect_exit 0 -- "${P[@]}" yoy jobs.urban_new unemployment.rate --as-of 2019-12-31
expect_out "$GOLDEN/yoy-2019-12-31.table"
expect_exit 0 -- "${P[@]}" yoy jobs.urban_new unemployment.rate --as-of 2019-12-31 -f csv
expect_out "$GOLDEN/yoy-2019-12-31.csv"
expect_exit 2 -- "${P[@]}" yoy jobs.urban_nwe
expect_err_line "plan: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'? (plan list shows them all)"
# An id cut short is suggested what holds it; a name stands for its id, and
# part of a name is suggested the names that hold it.
expect_exit 2 -- "${P[@]}" show jobs.urban
expect_err_line "plan: unknown indicator 'jobs.urban'; did you mean 'jobs.urban_new'? (plan list shows them all)"
expect_exit 0 -- "${P[@]}" show 城镇新增就业人数 --as-of 2019-06-30 --format json
grep -q '"id": "jobs.urban_new"' "$WORK/out" && ok || fail "show by name: not jobs.urban_new"
expect_exit 2 -- "${P[@]}" show 新增就业
expect_err_line "plan: unknown indicator '新增就业'; did you mean 'jobs.urban_new' (城镇新增就业人数)? (plan list shows them all)"
expect_exit 0 -- "${P[@]}" yoy 城镇新增就业人数 unemployment.rate --as-of 2019-12-31
expect_out "$GOLDEN/yoy-2019-12-31.table"
# yoy's own --wide (the annex layout of CSV/TSV) shadows the global one;
# for the table it means what the global one means: names never cut.
expect_exit 0 -- "${P[@]}" yoy jobs.urban_new --as-of 2019-12-31 --columns 30
expect_contains "城镇新增就业…"
expect_exit 0 -- "${P[@]}" yoy jobs.urban_new --as-of 2019-12-31 --columns 30 --wide
expect_contains "jobs.urban_new  城镇新增就业人数 (人)"
# Before the command too: the annex layout (a column group per year, the
# 2019 change of jobs.urban_new in one row), as the man page says.
expect_exit 0 -- "${P[@]}" --wide yoy jobs.urban_new --as-of 2019-12-31 -f csv
cp "$WORK/out" "$WORK/before.csv"
expect_exit 0 -- "${P[@]}" yoy jobs.urban_new --as-of 2019-12-31 -f csv --wide
expect_out "$WORK/before.csv"
[ "$(wc -l <"$WORK/out")" = 2 ] && ok || fail "--wide yoy CSV: $(wc -l <"$WORK/out") lines, want a header and one row"
expect_exit 0 -- "${P[@]}" --wide yoy --as-of 2019-12-31 -f json
expect_exit 2 -- "${P[@]}" yoy --wide --format json
expect_err_line "plan: --wide is for the table, --format csv or tsv (xlsx is always wide)"
expect_exit 0 -- "${P[@]}" units --as-of 2019-06-30
expect_out "$GOLDEN/units-2019-06-30.table"
expect_exit 0 -- "${P[@]}" units --as-of 2019-06-30 -f json
expect_out "$GOLDEN/units-2019-06-30.json"
expect_exit 0 -- "${P[@]}" list -f csv
expect_out "$GOLDEN/list.csv"
expect_exit 0 -- "${P[@]}" log jobs.urban_new --since 2018-07-01 --until 2019-06-30
expect_out "$GOLDEN/log-jobs.table"
# --as-of is log's --until under the other commands' name: the same entries.
expect_exit 0 -- "${P[@]}" log jobs.urban_new --since 2018-07-01 --as-of 2019-06-30
expect_out "$GOLDEN/log-jobs.table"
expect_exit 0 -- "${P[@]}" show skills.high --as-of 2019-06-30
expect_out "$GOLDEN/show-skills.high-2019-06-30.table"
# Every report's JSON, byte for byte: these goldens were written by the
# reports' nlohmann-json documents (dump(2)) before JsonWriter wrote them,
# and their figures are those of the tables above. By hand: with --year
# 2019 --unit 人社局, jobs.urban_new has 9,000 of 2019's 17,000 (0.529…),
# expected 17000 * 181/365 = 8,430.1, so 8,430 whole, and on track; in
# the cycle fixture 人社局's June report of jobs.urban_new, due 2019-07-10,
# is 21 days overdue on 2019-07-31.
C=("$PLAN" --plan tests/fixtures/cycle.toml --records tests/fixtures/cycle)
for run in "status-2019-06-30.year-unit.json|${P[*]} status --as-of 2019-06-30 --year 2019 --unit 人社局" \
  "show-skills.high-2019-06-30.json|${P[*]} show skills.high --as-of 2019-06-30" \
  "yoy-2019-12-31.json|${P[*]} yoy --as-of 2019-12-31" \
  "list.json|${P[*]} list" \
  "log-jobs.json|${P[*]} log jobs.urban_new --since 2018-07-01 --until 2019-06-30" \
  "due-2019-07-31.json|${C[*]} due --as-of 2019-07-31" \
  "show-jobs.reemployed-2019-07-31.json|${C[*]} show jobs.reemployed --as-of 2019-07-31"; do
  read -ra cmd <<<"${run#*|}"
  expect_exit 0 -- "${cmd[@]}" --format json
  expect_out "$GOLDEN/${run%%|*}"
done

# A log longer than the batches CSV, TSV and JSON are written in (1,024
# entries): two files of 1,500 lines, dates out of order within each, and
# days shared across them. Every entry once, by date, then file, then line
# (checked against the files by Debian's python3), the same in every
# format, and -o FILE the same bytes as stdout.
mkdir -p "$WORK/long/a" "$WORK/long/b"
for f in a b; do
  for i in $(seq 1 1500); do
    printf '2019-%02d-%02d  jobs.urban_new  %d  by=人社局  note="%s,%d"\n' \
      $(((i * 7) % 12 + 1)) $(((i * 11) % 28 + 1)) "$i" "$f" "$i"
  done >"$WORK/long/$f/2019.rec"
done
L=("$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/long")
expect_exit 0 -- "${L[@]}" log --format csv
cp "$WORK/out" "$WORK/long.csv"
/usr/bin/python3 - "$WORK/long" "$WORK/long.csv" <<'PY' && ok || fail "log csv: not every entry once, in order"
import csv, sys
root, out = sys.argv[1], sys.argv[2]
want = []
for f in ("a", "b"):
    path = f"{root}/{f}/2019.rec"
    for n, text in enumerate(open(path, encoding="utf-8"), 1):
        want.append((text.split()[0], path, n, text.split()[2]))
want.sort(key=lambda w: w[0])  # stable: files and lines stay in read order
rows = list(csv.DictReader(open(out, encoding="utf-8", newline="")))
got = [(r["date"], r["file"], int(r["line"]), r["value"]) for r in rows]
assert got == want, (len(got), len(want))
assert all(r["note"] == f'{r["file"].split("/")[-2]},{r["value"]}' for r in rows)
PY
expect_exit 0 -- "${L[@]}" log --format json
/usr/bin/python3 - "$WORK/out" "$WORK/long.csv" <<'PY' && ok || fail "log json: not the CSV's entries"
import csv, json, sys
entries = json.load(open(sys.argv[1], encoding="utf-8"))["entries"]
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
assert [(e["date"], e["file"], e["line"], e["tags"]["note"]) for e in entries] == \
       [(r["date"], r["file"], int(r["line"]), r["note"]) for r in rows]
PY
expect_exit 0 -- "${L[@]}" log --format tsv
[ "$(wc -l <"$WORK/out")" = 3001 ] && ok || fail "log tsv: not 3,000 rows and a header"
for f in csv tsv json; do
  expect_exit 0 -- "${L[@]}" log --format "$f"
  cp "$WORK/out" "$WORK/long.stdout"
  expect_exit 0 -- "${L[@]}" log --format "$f" -o "$WORK/long.file"
  cmp -s "$WORK/long.stdout" "$WORK/long.file" && ok || fail "log --format $f -o: not stdout's bytes"
done

# Chinese headers under a zh locale or --lang zh.
expect_exit 0 -- "${P[@]}" --lang zh units --as-of 2019-06-30
expect_contains "责任单位"
LANG=zh_CN.UTF-8 LC_ALL= expect_exit 0 -- "${P[@]}" units --as-of 2019-06-30
expect_contains "责任单位"
# Status words too, but not in CSV, where scripts match them.
expect_exit 0 -- "${P[@]}" --lang zh status --as-of 2019-06-30
expect_contains "测试计划 — 截至 2019-06-30（时间进度 49.8%）"
grep -q "^skills.high .*  滞后" "$WORK/out" && ok || fail "zh status word"
expect_exit 0 -- "${P[@]}" --lang zh status --as-of 2019-06-30 --format csv
expect_out "$GOLDEN/status-2019-06-30.csv"

# A ledger with errors is refused in one line that points at plan check.
cp -r tests/fixtures/records "$WORK/records"
printf '2019-07-01  jobs.urban_nwe  5\n' >>"$WORK/records/hrss/2019.rec"
expect_exit 1 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/records" status
expect_err_line "plan: $WORK/records/hrss/2019.rec:9:13: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'? (1 error in the records; \`plan check\` lists them)"
expect_exit 1 -- "$PLAN" --lang zh --plan tests/fixtures/mini.toml --records "$WORK/records" status
expect_err_line "plan: $WORK/records/hrss/2019.rec:9:13: 未知指标“jobs.urban_nwe”；是否是“jobs.urban_new”？（记录中共 1 个错误，\`plan check\` 逐一列出）"
expect_exit 1 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/records" check
expect_exit 0 -- "${P[@]}" check
expect_exit 0 -- "${P[@]}" check --strict

# Usage errors exit 2; help and version exit 0.
expect_exit 2 -- "$PLAN"
expect_exit 2 -- "$PLAN" frobnicate
expect_err_line "plan: unknown command 'frobnicate' (plan --help lists them)"
expect_exit 2 -- "$PLAN" stauts
expect_err_line "plan: unknown command 'stauts'; did you mean 'status'? (plan --help lists them)"
expect_exit 2 -- "$PLAN" --lang zh stauts
expect_err_line "plan: 未知的命令“stauts”；是否是“status”？（plan --help 列出全部命令）"
expect_exit 0 -- "$PLAN" --help
expect_exit 0 -- "$PLAN" status --help
expect_contains "--fail-on"
expect_exit 0 -- "$PLAN" --version
expect_contains "plan "

finish
