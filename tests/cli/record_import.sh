#!/usr/bin/env bash
# `plan record` and `plan import` run for real on a scratch project: what
# lands in which file, byte for byte, the exit codes, and that a refused
# import leaves every record file exactly as it was.
# Usage: record_import.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"

# A fresh project: plans/x.toml, no records yet. cd's into it.
new_project() {
  local dir="$TMP/$1"
  mkdir -p "$dir/plans"
  cp "$SRC/tests/fixtures/record_import.toml" "$dir/plans/x.toml"
  cd "$dir" || exit 2
}

TODAY=$(date +%F)
YEAR=${TODAY:0:4}

# --- plan record --------------------------------------------------------------

new_project record
run record jobs.urban_new 4210 --date 2019-03-31 --by 人社局 --note "一季度 快报"
same "record: exit" "$RC" 0
same "record: says what it wrote, and where" "$OUT" \
  'records/2019.rec: 2019-03-31  jobs.urban_new  4210  by=人社局  note="一季度 快报"'
run record jobs.urban_new -120 --date=2019-07-15 --note $'更正 "重复"\n统计'
same "record negative: exit" "$RC" 0
run record unemployment.rate 1.9% -d 2019-06-30 --src 年报
same "record rate: exit" "$RC" 0
run record hr.portal done --date 2020-11-30
same "record milestone: exit" "$RC" 0
file_is "record: lines in order, note escaped" records/2019.rec \
  $'2019-03-31  jobs.urban_new  4210  by=人社局  note="一季度 快报"\n2019-07-15  jobs.urban_new  -120  note="更正 \\"重复\\"\\n统计"\n2019-06-30  unemployment.rate  1.9%  src=年报\n'
file_is "record: a year file per date" records/2020.rec $'2020-11-30  hr.portal  done\n'

cp records/2019.rec "$TMP/before.rec"
run record jobs.urban_nwe 5 --date 2019-08-01
# A name the plan lacks is a usage error (2), as for show, log and --by;
# a value the plan refuses (below) is a refused entry (1).
same "unknown id: exit" "$RC" 2
same "unknown id: message" "$ERR" "plan: unknown indicator 'jobs.urban_nwe'; did you mean 'jobs.urban_new'?"
# Typed in a terminal in GBK: 城镇新增就业人数 as GB18030 (b3 c7 d5 f2 …,
# Python's '城镇新增就业人数'.encode('gb18030')), and by=人社局 (c8 cb c9 e7
# be d6). The message says why, and nothing is written. (Two of the bytes,
# d2 b5, happen to be UTF-8 for U+04B5, ҵ, and are shown as such.)
run record $'\xb3\xc7\xd5\xf2\xd0\xc2\xd4\xf6\xbe\xcd\xd2\xb5\xc8\xcb\xca\xfd' 5 --date 2019-08-01
same "GBK name: exit" "$RC" 2
same "GBK name: message" "$ERR" "plan: unknown indicator '\\xb3\\xc7\\xd5\\xf2\\xd0\\xc2\\xd4\\xf6\\xbe\\xcdҵ\\xc8\\xcb\\xca\\xfd'; it looks like GB18030 (GBK): the terminal or script that gave it is not in UTF-8 (a UTF-8 locale such as zh_CN.UTF-8 is needed)"
run --lang zh record jobs.urban_new 5 --date 2019-08-01 --by $'\xc8\xcb\xc9\xe7\xbe\xd6'
same "GBK by: exit" "$RC" 1
same "GBK by: message" "$ERR" "plan: by= 不是有效的 UTF-8；看来是 GB18030（GBK）编码：输入它的终端或脚本不是 UTF-8 编码（需要 zh_CN.UTF-8 这样的 UTF-8 区域设置）"
if cmp -s records/2019.rec "$TMP/before.rec"; then passed=$((passed + 1)); else fail "GBK arguments: the records changed"; fi
# The indicator's name, as plan list gives it, is taken for its id: the
# line holds the id. A name the plan lacks suggests the nearest names.
new_project record_by_name
run record 城镇登记失业率 2.1% --date 2019-07-31 --src 快报
same "record by name: exit" "$RC" 0
same "record by name: the line holds the id" "$OUT" \
  'records/2019.rec: 2019-07-31  unemployment.rate  2.1%  src=快报'
cp records/2019.rec "$TMP/before.rec"
run record 城镇登记失业 2.1% --date 2019-07-31
same "unknown name: exit" "$RC" 2
same "unknown name: message" "$ERR" \
  "plan: unknown indicator '城镇登记失业'; did you mean 'unemployment.rate' (城镇登记失业率)? (plan list shows them all)"
file_is "unknown name: nothing written" records/2019.rec "$(cat "$TMP/before.rec")"$'\n'
cd "$TMP/record" && cp records/2019.rec "$TMP/before.rec"
run record jobs.urban_new 4,210 --date 2019-08-01
same "bad value: exit" "$RC" 1
same "bad value: message" "$ERR" 'plan: value "4,210": thousands separators are not allowed in numbers'
run record hr.portal 1 --date 2019-08-01
same "milestone number: exit" "$RC" 1
same "milestone number: message" "$ERR" \
  'plan: value "1": expected done or undone; hr.portal is a milestone'
file_is "refused values: nothing written" records/2019.rec "$(cat "$TMP/before.rec")"$'\n'
# hr.portal has no reporting schedule: its period files nothing, which a
# warning says; the line is written as asked.
run record hr.portal undone --date 2019-08-01 --period 2019-07 --file records/p.rec
same "--period without a schedule: exit" "$RC" 0
same "--period without a schedule: warning" "$ERR" \
  'plan: warning: period 2019-07 files nothing: hr.portal has no reporting schedule, and its figure counts on its date'
file_is "--period without a schedule: written" records/p.rec $'2019-08-01  hr.portal  undone  period=2019-07\n'
rm records/p.rec
# Its July not over on 3 July is no matter: the label files no report to
# mark in early. One warning, the one that is so, and no --force needed.
run record hr.portal undone --date 2019-07-03 --period 2019-07 --file records/p.rec
same "--period not over without a schedule: exit, warning" "$RC:$ERR" \
  '0:plan: warning: period 2019-07 files nothing: hr.portal has no reporting schedule, and its figure counts on its date'
file_is "--period not over without a schedule: written" records/p.rec $'2019-07-03  hr.portal  undone  period=2019-07\n'
rm records/p.rec
run record unemployment.rate 2 --date 2017-12-31
same "before the period: exit" "$RC" 1
same "before the period: message" "$ERR" \
  'plan: date 2017-12-31 is outside the plan period (2018-01-01 to 2099-12-31); use --force if it is right'
run record unemployment.rate 2 --date 2098-01-01
same "after today: exit" "$RC" 1
same "after today: message" "$ERR" \
  "plan: date 2098-01-01 is after today ($TODAY); use --force if it is right"
run record jobs.urban_new 5 --date 2019-02-30
same "not a date: usage exit" "$RC" 2
run record jobs.urban_new
same "missing value: usage exit" "$RC" 2
if cmp -s records/2019.rec "$TMP/before.rec"; then passed=$((passed + 1)); else fail "refused records changed the file"; fi
[[ -e records/2017.rec || -e records/2098.rec ]] && fail "a refused record created a file" || passed=$((passed + 1))

run record unemployment.rate 2 --date 2017-12-31 --force
same "--force: exit" "$RC" 0
file_is "--force: written" records/2017.rec $'2017-12-31  unemployment.rate  2%\n'

# Against the ledger: the same figure again, and implausible ones. The
# ledger's unemployment.rate readings: 1.9 (2019.rec) and 2 (2017.rec).
cp records/2019.rec "$TMP/before.rec"
run record jobs.urban_new 4210 --date 2019-03-31 --by 人社局
same "record duplicate: exit" "$RC" 1
same "record duplicate: message" "$ERR" \
  'plan: same date, id, value and by= as records/2019.rec:1: already in the ledger (--allow-duplicates to add it again)'
# 0.019 × 20 = 0.38 ≤ 1.9, and 1.9 / 0.019 = 100.
run record unemployment.rate 0.019 --date 2019-09-30
same "record fraction: exit" "$RC" 1
same "record fraction: message" "$ERR" \
  'plan: value 0.019 of unemployment.rate is 100 times smaller than the smallest of its other entries (1.9 to 2 %); is it in another unit (a fraction for a percent, 万 left out)? (--force if it is right)'
run record unemployment.rate 120 --date 2019-09-30
same "record percent over 100: message" "$ERR" \
  'plan: value 120 of unemployment.rate is outside 0 to 100 and it is a percentage (--force if it is right)'
if cmp -s records/2019.rec "$TMP/before.rec"; then passed=$((passed + 1)); else fail "refused figures changed the file"; fi
run record jobs.urban_new 4210 --date 2019-03-31 --by 人社局 --allow-duplicates --file records/dup.rec
same "record duplicate allowed: exit" "$RC" 0
rm records/dup.rec
# A late May and a June filed the same day with the same figure are two
# reports; the June again is one entered twice.
run record jobs.urban_new 500 --date 2019-07-04 --by 人社局 --period 2019-05 --file records/p.rec
same "record May: exit" "$RC" 0
run record jobs.urban_new 500 --date 2019-07-04 --by 人社局 --period 2019-06 --file records/p.rec
same "record June, same figure: exit" "$RC" 0
run record jobs.urban_new 500 --date 2019-07-04 --by 人社局 --period 2019-06 --file records/p.rec
same "record June again: exit" "$RC" 1
rm records/p.rec
# A figure of a scheduled indicator for a month not over on its date is
# refused: reporters.sh, whose plan has a schedule.

run record jobs.urban_new 100 --by 人社局
same "default date today: exit" "$RC" 0
same "default date today: line" "$OUT" "records/$YEAR.rec: $TODAY  jobs.urban_new  100  by=人社局"

# --file: a *.rec file below records/ (anything else would never be read and
# is refused, exit 2 — see catalogue.sh); its folders are made.
run record jobs.urban_new 70 --date 2019-01-02 --file records/q1/extra.rec
same "--file in new folders: exit" "$RC" 0
file_is "--file: written" records/q1/extra.rec $'2019-01-02  jobs.urban_new  70\n'

# A crash (or an editor) left the last line without its newline: the new
# entry still gets a line of its own and the cut line stays as it was.
printf '2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urb' > records/2021.rec
run record jobs.urban_new 300 --date 2021-03-31
same "after a cut line: exit" "$RC" 0
file_is "after a cut line: own line" records/2021.rec \
  $'2019-01-31  jobs.urban_new  100\n2019-02-28  jobs.urb\n2021-03-31  jobs.urban_new  300\n'
rm records/2021.rec

# Where the file cannot be written: the system's reason, exit 1.
printf 'not a folder\n' > records/blocker
run record jobs.urban_new 100 --date 2019-01-01 --file records/blocker/x.rec
same "unwritable: exit" "$RC" 1
same "unwritable: message" "$ERR" \
  'plan: records/blocker/x.rec: cannot create folder records/blocker: Not a directory; nothing was written'
rm records/blocker

# What `plan record` wrote reads back as the ledger without errors.
run check
same "check reads what record wrote: exit" "$RC" 0
# 2019.rec 3, 2020.rec 1, 2017.rec 1 (forced, so a warning), $YEAR.rec 1,
# q1/extra.rec 1.
same "check counts every recorded entry" "$(grep -o 'records: .* errors' <<<"$ERR")" \
  "records: 7 entries in 5 files; 0 errors"
# Written by hand, a period that files nothing is warned of: one that is no
# label (2019-6 for 2019-06), and one on the unscheduled milestone.
printf '2019-08-02  jobs.urban_new  5  period=2019-6\n2019-08-02  hr.portal  undone  period=2019-07\n' >records/hand.rec
run check
same "check: periods that file nothing: exit" "$RC" 0
same "check: periods that file nothing: warnings" "$(grep '^plan: records/hand' <<<"$ERR")" \
  "plan: records/hand.rec:1:1: warning: period '2019-6' names no reporting period (2019-06, 2019Q2, 2019H1 or 2019): it files no report, and the figure counts on its date
plan: records/hand.rec:2:1: warning: period 2019-07 files nothing: hr.portal has no reporting schedule, and its figure counts on its date"
rm records/hand.rec

# Several `plan record` at once: every line lands whole, none is lost.
new_project concurrent
for w in 1 2 3 4; do
  (for i in $(seq 1 25); do
    "$PLAN" record jobs.urban_new "$((w * 1000 + i))" --date 2019-05-01 --note "writer $w" >/dev/null || exit 1
  done) &
done
ok=0
for job in $(jobs -p); do wait "$job" || ok=1; done
same "concurrent: every run succeeded" "$ok" 0
same "concurrent: 100 lines" "$(wc -l <records/2019.rec)" 100
expected_sorted=$(for w in 1 2 3 4; do for i in $(seq 1 25); do
  printf '2019-05-01  jobs.urban_new  %d  note="writer %d"\n' "$((w * 1000 + i))" "$w"; done; done | sort)
same "concurrent: each line exactly once, intact" "$(sort records/2019.rec)" "$expected_sorted"

# --- plan import --------------------------------------------------------------

new_project import
mkdir records
printf '2019-01-01  jobs.urban_new  100\n' > records/2019.rec
# Excel's "CSV UTF-8": BOM, CR LF, Chinese headers, quoted thousands, a note
# with a comma, doubled quotes and a line break, spreadsheet dates.
printf '\xEF\xBB\xBF日期,指标,数值,填报单位,备注\r\n2019/3/31,jobs.urban_new,"4,210",人社局,"快报, ""初值""\r\n第二行"\r\n2020-1-31,unemployment.rate,2.1%%,,\r\n,,,,\r\n2019-12-31,hr.portal,done,人社局,\r\n' > good.csv
run import good.csv --dry-run
same "dry run: exit" "$RC" 0
same "dry run: shows every line and writes nothing" "$OUT" \
  'records/2019.rec: 2019-03-31  jobs.urban_new  4210  by=人社局  note="快报, \"初值\"\n第二行"
records/2019.rec: 2019-12-31  hr.portal  done  by=人社局
records/2020.rec: 2020-01-31  unemployment.rate  2.1%
dry run: 3 entries would be appended to records/2019.rec (2), records/2020.rec (1); nothing written'
file_is "dry run: file untouched" records/2019.rec $'2019-01-01  jobs.urban_new  100\n'
[[ -e records/2020.rec ]] && fail "dry run created a file" || passed=$((passed + 1))

run import good.csv
same "import: exit" "$RC" 0
same "import: summary" "$(tail -n 1 <<<"$OUT")" \
  'imported 3 entries from good.csv into records/2019.rec (2), records/2020.rec (1)'
file_is "import: 2019 rows appended in CSV order" records/2019.rec \
  $'2019-01-01  jobs.urban_new  100\n2019-03-31  jobs.urban_new  4210  by=人社局  note="快报, \\"初值\\"\\n第二行"\n2019-12-31  hr.portal  done  by=人社局\n'
file_is "import: 2020 row" records/2020.rec $'2020-01-31  unemployment.rate  2.1%\n'

# A sheet that is not there, or is a folder: plan's one-line error, in plan's
# words (not the argument parser's), exit 1, nothing written.
mkdir folder.xlsx
for sheet in nope.csv nope.xlsx nope.xls folder.xlsx; do
  case $sheet in folder.*) why="Is a directory" ;; *) why="No such file or directory" ;; esac
  run import "$sheet"
  same "import $sheet: exit" "$RC" 1
  same "import $sheet: message" "$ERR" "plan: $sheet: cannot read the file: $why"
done
rmdir folder.xlsx
file_is "missing sheet: file untouched" records/2020.rec $'2020-01-31  unemployment.rate  2.1%\n'

# One bad row, the last: every file stays byte-identical, no file appears.
cp records/2019.rec "$TMP/2019.before"
cp records/2020.rec "$TMP/2020.before"
printf 'date,id,value\n2019-04-30,jobs.urban_new,10\n2020-04-30,jobs.urban_new,20\n2021-04-30,jobs.urban_new,30\n2019-05-31,jobs.urban_new,12a\n' > bad.csv
run import bad.csv
same "bad last row: exit" "$RC" 1
same "bad last row: message" "$ERR" 'plan: bad.csv:5:27: cell C5: value "12a": unexpected character '"'a'"' in value
plan: nothing imported: 1 error in bad.csv'
if cmp -s records/2019.rec "$TMP/2019.before" && cmp -s records/2020.rec "$TMP/2020.before"; then
  passed=$((passed + 1))
else
  fail "bad last row: a record file changed"
fi
[[ -e records/2021.rec ]] && fail "bad last row: records/2021.rec created" || passed=$((passed + 1))

# A misspelt or unknown header is refused before any row is read.
printf 'date,id,value,remark\n' > header.csv
run import header.csv
same "unknown column: exit" "$RC" 1
same "unknown column: message" "$ERR" 'plan: header.csv:1:15: cell D1: unknown column "remark"; columns are date, id, value, by, note, src, period, measures (or 日期, 指标, 数值, 填报单位, 备注, 来源, 报送期, 整改措施); informational: 序号, name (指标名称), unit (计量单位)
plan: nothing imported: 1 error in header.csv'

# GB18030, as Chinese Excel saves plain "CSV": 日期,指标,数值 in GB18030 bytes.
printf '\xc8\xd5\xc6\xda,\xd6\xb8\xb1\xea,\xca\xfd\xd6\xb5\r\n2019-06-30,jobs.urban_new,5\r\n' > gb.csv
run import gb.csv
same "gb18030 read as UTF-8: exit" "$RC" 1
same "gb18030 read as UTF-8: message" "$ERR" \
  'plan: gb.csv:1:1: not valid UTF-8 (byte 0: C8); the file looks like GB18030 (GBK), as Chinese Excel saves CSV: add --encoding gb18030'
run import gb.csv --encoding gb18030 --file records/imported/gb.rec
same "gb18030: exit" "$RC" 0
file_is "gb18030: all rows into --file" records/imported/gb.rec $'2019-06-30  jobs.urban_new  5\n'

# GBK, GB2312 and CP936, the names people know the file by, are subsets
# of GB 18030 and read as it.
for enc in gbk GB2312 cp936; do
  rm -f records/imported/gb.rec
  run import gb.csv --encoding "$enc" --file records/imported/gb.rec
  same "--encoding $enc: exit" "$RC" 0
  file_is "--encoding $enc: read as gb18030" records/imported/gb.rec $'2019-06-30  jobs.urban_new  5\n'
done

run import good.csv --encoding latin1
same "unknown encoding: usage exit" "$RC" 2

run check
same "check reads what import wrote: exit" "$RC" 0
# 2019.rec: 1 before + 2 imported; 2020.rec: 1; imported/gb.rec: 1.
same "check counts every imported entry" "$(grep -o 'records: .* errors' <<<"$ERR")" \
  "records: 5 entries in 3 files; 0 errors"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
