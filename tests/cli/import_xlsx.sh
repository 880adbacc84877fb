#!/usr/bin/env bash
# `plan import` of Excel workbooks, made here by openpyxl (Debian's
# python3-openpyxl) and by hand (zipfile): cells typed as dates, percent
# formats, shared and inline strings, a Chinese name in the id column, 序号
# and a title row; what lands, byte for byte; a second import refused in one
# line; the plausibility rule; cells located as FILE.xlsx:SHEET!B7; broken
# and oversized workbooks refused in one line. .xls (BIFF8) workbooks are
# made by Debian's python3-xlwt and read through freexl: date cells, serial
# dates, Chinese names as ids, 序号/指标名称, a cell at SHEET!B7, and a
# percent cell, which freexl reads as its fraction and the import refuses.
# Usage: import_xlsx.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"
PY=/usr/bin/python3

# refused FILE ENGLISH CHINESE: `plan import FILE` exits 1 with the one-line
# error "plan: FILE: ENGLISH", and under --lang zh "plan: FILE: CHINESE".
refused() {
  run import "$1"
  same "$1: exit" "$RC" 1
  same "$1: message" "$ERR" "plan: $1: $2"
  run --lang zh import "$1"
  same "$1: message in Chinese" "$ERR" "plan: $1: $3"
}

# tests/fixtures/mini.toml: 2018-01-01 … 2020-12-31, jobs.urban_new (人),
# unemployment.rate (cap, %), graduates.rate (floor, %, 高校毕业生年末总体
# 就业率), hr.portal (milestone); no reporters, so rows go to records/YEAR.rec.
mkdir -p "$TMP/p/plans"
cp "$SRC/tests/fixtures/mini.toml" "$TMP/p/plans/mini.toml"
cd "$TMP/p" || exit 2

$PY - <<'EOF' || { echo "openpyxl failed"; exit 1; }
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "一季度"
ws.append(["2019年就业指标填报表"])                       # a title row: skipped
ws.append(["序号", "指标", "日期", "数值", "填报单位"])
ws.append([1, "jobs.urban_new", datetime.date(2019, 3, 31), 4210, "人社局"])
ws.append([2, "高校毕业生年末总体就业率", datetime.datetime(2019, 12, 31, 0, 0), 0.952, None])
ws.append([3, "unemployment.rate", "2019/6/30 0:00", 1.9, None])
ws.append([4, "hr.portal", datetime.date(2020, 5, 31), "done", "人社局"])
ws["C3"].number_format = "yyyy/m/d"
ws["C4"].number_format = "yyyy/m/d h:mm"
ws["D4"].number_format = "0.0%"
ws["C6"].number_format = 'yyyy"年"m"月"d"日"'
wb.create_sheet("空白")
wb.save("q.xlsx")

# Errors, each at its cell.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["id", "name", "date", "value"])
ws.append(["jobs.urban_new", "城镇登记失业率", datetime.date(2019, 4, 30), 5])
ws.append(["jobs.urban_new", None, datetime.datetime(2019, 4, 30, 13, 45), 5])
ws.append(["城镇新增就业", None, datetime.date(2019, 4, 30), 5])
ws["C3"].number_format = "yyyy-mm-dd"
ws["C4"].number_format = "yyyy-mm-dd hh:mm"
ws["C5"].number_format = "yyyy-mm-dd"
wb.save("bad.xlsx")

# A fraction for a percent: 0.019 where the ledger has 1.9 (%).
wb = openpyxl.Workbook()
ws = wb.active
ws.append(["date", "id", "value"])
ws.append([datetime.date(2019, 9, 30), "unemployment.rate", 0.019])
ws["A2"].number_format = "yyyy-mm-dd"
wb.save("fraction.xlsx")

# Formulas as a program writes them: with no saved result. One where a
# figure belongs is refused at its cell; one in a column the import does
# not read (F, no header) is not in the way, nor is a row of nothing else.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "公式"
ws.append(["date", "id", "value", "by"])
ws.append([datetime.date(2019, 9, 30), "jobs.urban_new", "=100+20", None, None, "=1+1"])
ws.append([datetime.date(2019, 9, 30), "jobs.urban_new", 3500, None, None, "=SUM(C2:C3)"])
ws.append([None, None, None, None, None, "=C3*2"])
ws["A2"].number_format = "yyyy-mm-dd"
ws["A3"].number_format = "yyyy-mm-dd"
wb.save("formula.xlsx")
ws.delete_rows(2)
wb.save("formula_unread.xlsx")
# A row of nothing but formulas is no blank row to skip; 序号 formulas,
# which the import does not read, are (rows 3 and 4 hold nothing else).
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "公式"
ws.append(["序号", "date", "id", "value"])
ws.append(["=ROW()-1", "=DATE(2019,9,30)", '="jobs.urban_new"', "=100+20"])
ws.append(["=ROW()-1"])
ws.append(["=ROW()-1"])
wb.save("formula_row.xlsx")
ws.delete_rows(2)
ws.append(["=ROW()-1", datetime.date(2019, 9, 30), "jobs.urban_new", 3600])
ws["B4"].number_format = "yyyy-mm-dd"
wb.save("formula_seq.xlsx")
EOF

# As Excel saves them: a formula whose text result is empty (t="str" and an
# empty <v>) is an empty cell; a cell sharing another's formula, with no
# saved result, is refused as one.
$PY - <<'EOF'
import zipfile
wb = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
def text(ref, t):
    return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'
def book(name, rows):
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1">' + text("A1", "date") + text("B1", "id") + text("C1", "value") +
             text("D1", "note") + '</row>' + rows + '</sheetData></worksheet>')
    with zipfile.ZipFile(name, "w") as z:
        z.writestr("xl/workbook.xml", wb)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
book("formula_str.xlsx",
     '<row r="2">' + text("A2", "2019-10-31") + text("B2", "jobs.urban_new") +
     '<c r="C2"><f>3000+700</f><v>3700</v></c>'
     '<c r="D2" t="str"><f>IF(C2&gt;0,"","?")</f><v></v></c></row>')
book("formula_shared.xlsx",
     '<row r="2">' + text("A2", "2019-10-31") + text("B2", "jobs.urban_new") +
     '<c r="C2"><f t="shared" ref="C2:C3" si="0">3000+700</f><v>3700</v></c></row>'
     '<row r="3">' + text("A3", "2019-11-30") + text("B3", "jobs.urban_new") +
     '<c r="C3"><f t="shared" si="0"/></c></row>')
EOF

# An .xlsx written by hand: inline strings (openpyxl writes shared ones), the
# 1904 date system (2019-06-30 is 42184: 43646 in the 1900 system less the
# 1462 days from 1900's serial 0 to 1904-01-01), no styles for the text.
$PY - <<'EOF'
import zipfile
wb = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
      '<workbookPr date1904="1"/><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>')
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>')
styles = ('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>')
def cell(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'
sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1">' + cell("A1", "date") + cell("B1", "id") + cell("C1", "value") + '</row>'
         '<row r="2"><c r="A2" s="1"><v>42184</v></c>' + cell("B2", "城镇新增就业人数") +
         '<c r="C2"><v>420</v></c></row></sheetData></worksheet>')
with zipfile.ZipFile("inline.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/styles.xml", styles)
    z.writestr("xl/worksheets/sheet1.xml", sheet)
# A zip bomb: 80 MiB of (valid) blanks in the sheet, ~80 KiB packed.
with zipfile.ZipFile("bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/worksheets/sheet1.xml",
               '<worksheet><sheetData>' + ' ' * (80 << 20) + '</sheetData></worksheet>')
# Entities that expand without end need a document type: refused.
with zipfile.ZipFile("laughs.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", '<!DOCTYPE w [<!ENTITY a "aaaa">]>' + wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
# A row numbered 0: no row of Excel's.
with zipfile.ZipFile("row0.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
    z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="0"/></sheetData></worksheet>')
# A part cut short: expat stops on an unclosed tag.
with zipfile.ZipFile("cutxml.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", wb[:wb.index("<sheets>") + 5])
    z.writestr("xl/_rels/workbook.xml.rels", rels)
# A stored part with a byte changed after its checksum was taken: the XML
# still reads, and libzip finds the CRC wrong at the part's end.
with zipfile.ZipFile("crc.xlsx", "w", zipfile.ZIP_STORED) as z:
    z.writestr("xl/workbook.xml", wb)
    z.writestr("xl/_rels/workbook.xml.rels", rels)
data = bytearray(open("crc.xlsx", "rb").read())
at = data.index(b"spreadsheetml")
data[at] = ord("S")
open("crc.xlsx", "wb").write(data)
EOF

run import q.xlsx
same "xlsx: exit" "$RC" 0
same "xlsx: summary" "$(tail -n 1 <<<"$OUT")" \
  'imported 4 entries from q.xlsx into records/2019.rec (3), records/2020.rec (1)'
# C3 a date cell; B4 a name; C4 a date-time at 0:00; D4 0.952 shown as
# 95.2%; C5 text "2019/6/30 0:00"; D5 1.9 for a % indicator; C6 a date in
# a Chinese format.
file_is "xlsx: rows in sheet order" records/2019.rec \
  $'2019-03-31  jobs.urban_new  4210  by=人社局\n2019-12-31  graduates.rate  95.2%\n2019-06-30  unemployment.rate  1.9%\n'
file_is "xlsx: 2020 row" records/2020.rec $'2020-05-31  hr.portal  done  by=人社局\n'

cp records/2019.rec "$TMP/2019.before"
run import q.xlsx
same "again: exit" "$RC" 1
same "again: one line" "$ERR" \
  'plan: q.xlsx: every row (4) is already in the ledger, the first at records/2019.rec:1: q.xlsx was imported before? (--allow-duplicates to add them again)
plan: nothing imported: 1 error in q.xlsx'
if cmp -s records/2019.rec "$TMP/2019.before"; then passed=$((passed + 1)); else fail "again: file changed"; fi
run import q.xlsx --allow-duplicates --dry-run
same "again, allowed: exit" "$RC" 0

run import q.xlsx --sheet 空白
same "empty sheet: exit" "$RC" 1
same "empty sheet: message" "$ERR" 'plan: q.xlsx: no header row (the sheet is empty)
plan: nothing imported: 1 error in q.xlsx'
run import q.xlsx --sheet 二季度
same "no such sheet: exit" "$RC" 1
same "no such sheet: lists the sheets" "$ERR" "plan: q.xlsx: no worksheet '二季度' (the sheets: '一季度', '空白')"
# In Chinese, the sheet's problems too.
run --lang zh import q.xlsx --sheet 空白
same "empty sheet, zh: message" "$ERR" 'plan: q.xlsx: 没有表头行（工作表是空的）
plan: 未导入：q.xlsx 有 1 个错误'
run --lang zh import q.xlsx --sheet 二季度
same "no such sheet, zh" "$ERR" "plan: q.xlsx: 没有名为“二季度”的工作表（有：'一季度', '空白'）"

run import bad.xlsx
same "bad cells: exit" "$RC" 1
same "bad cells: each at its cell" "$ERR" \
  "plan: bad.xlsx:Sheet1!B2: name '城镇登记失业率' is not the name of jobs.urban_new (城镇新增就业人数); correct the id or the name
plan: bad.xlsx:Sheet1!C3: date \"2019-04-30 13:45:00\" has a time of day; figures are dated by the day (a time of 0:00 is taken)
plan: bad.xlsx:Sheet1!A4: unknown indicator name '城镇新增就业'; did you mean 'jobs.urban_new' (城镇新增就业人数)?
plan: nothing imported: 3 errors in bad.xlsx"

# 1.9 / 0.019 = 100: a factor of 20 or more below the ledger's readings.
run import fraction.xlsx
same "fraction: exit" "$RC" 1
same "fraction: message" "$ERR" \
  'plan: fraction.xlsx:Sheet!C2: value 0.019 of unemployment.rate is 100 times smaller than the smallest of its other entries (1.9 %); is it in another unit (a fraction for a percent, 万 left out)? (--force if it is right)
plan: nothing imported: 1 error in fraction.xlsx'
run import fraction.xlsx --force --dry-run
same "fraction, forced: exit" "$RC" 0

run import formula.xlsx --dry-run
same "unsaved formula: exit" "$RC" 1
same "unsaved formula: at its cell" "$ERR" \
  'plan: formula.xlsx:公式!C2: a formula (=100+20) with no saved result, as a program writes one: open the workbook in Excel or WPS and save it, which stores what its formulas compute, or type the figure
plan: nothing imported: 1 error in formula.xlsx'
run import formula_row.xlsx --dry-run
same "a row of formulas: exit" "$RC" 1
same "a row of formulas: at its first read cell" "$ERR" \
  'plan: formula_row.xlsx:公式!B2: a formula (=DATE(2019,9,30)) with no saved result, as a program writes one: open the workbook in Excel or WPS and save it, which stores what its formulas compute
plan: nothing imported: 1 error in formula_row.xlsx'
run import formula_seq.xlsx --dry-run
same "序号 formulas: exit" "$RC" 0
same "序号 formulas: the one figure" "$OUT" \
  'records/2019.rec: 2019-09-30  jobs.urban_new  3600
dry run: 1 entry would be appended to records/2019.rec; nothing written'
run import formula_str.xlsx --dry-run
same "an empty text result: exit" "$RC" 0
same "an empty text result: no note" "$(head -n 1 <<<"$OUT")" \
  'records/2019.rec: 2019-10-31  jobs.urban_new  3700'
run import formula_shared.xlsx --dry-run
same "a shared formula: exit" "$RC" 1
same "a shared formula: at its cell" "$(head -n 1 <<<"$ERR")" \
  'plan: formula_shared.xlsx:S!C3: a formula (shared with another cell) with no saved result, as a program writes one: open the workbook in Excel or WPS and save it, which stores what its formulas compute, or type the figure'
run import formula_unread.xlsx --dry-run
same "formulas where nothing is read: exit" "$RC" 0 
same "formulas where nothing is read: the figure" "$(head -n 1 <<<"$OUT")" \
  'records/2019.rec: 2019-09-30  jobs.urban_new  3500'

run import inline.xlsx
same "inline strings, 1904 dates: exit" "$RC" 0
file_is "inline strings, 1904 dates: landed" records/2019.rec \
  $'2019-03-31  jobs.urban_new  4210  by=人社局\n2019-12-31  graduates.rate  95.2%\n2019-06-30  unemployment.rate  1.9%\n2019-06-30  jobs.urban_new  420\n'

# Broken workbooks: one line, exit 1, nothing written.
cp records/2019.rec "$TMP/2019.before"
run import bomb.xlsx
same "zip bomb: exit" "$RC" 1
same "zip bomb: message" "$ERR" 'plan: bomb.xlsx: xl/worksheets/sheet1.xml unpacks to more than 64 MiB; not a sheet of figures'
run import laughs.xlsx
same "doctype: exit" "$RC" 1
same "doctype: message" "$ERR" 'plan: laughs.xlsx: xl/workbook.xml: a document type declaration is not allowed'
# The same in Chinese.
run --lang zh import bomb.xlsx
same "zip bomb: message in Chinese" "$ERR" 'plan: bomb.xlsx: xl/worksheets/sheet1.xml 解压后超过 64 MiB，不像一张数据表'
run --lang zh import laughs.xlsx
same "doctype: message in Chinese" "$ERR" 'plan: laughs.xlsx: xl/workbook.xml：不允许文档类型声明'
run import row0.xlsx
same "row 0: exit" "$RC" 1
same "row 0: message" "$ERR" 'plan: row0.xlsx: xl/worksheets/sheet1.xml: row number out of range'
run --lang zh import row0.xlsx
same "row 0: exit in Chinese" "$RC" 1
same "row 0: message in Chinese" "$ERR" 'plan: row0.xlsx: xl/worksheets/sheet1.xml：行号超出范围'
printf 'PK\003\004 not really a zip' > cut.xlsx
run import cut.xlsx
same "not a zip: exit" "$RC" 1
same "not a zip: one line" "$(wc -l <<<"$ERR")" 1
same "not a zip: message" "$ERR" 'plan: cut.xlsx: not a workbook (Not a zip archive)'
# libzip's and expat's reasons in Chinese too (workbook_reasons.h).
run --lang zh import cut.xlsx
same "not a zip: message in Chinese" "$ERR" 'plan: cut.xlsx: 不是工作簿（不是 zip 压缩包）'
refused cutxml.xlsx 'damaged workbook: xl/workbook.xml line 1: unclosed token' \
  '工作簿已损坏：xl/workbook.xml 第 1 行：记号未闭合（内容被截断？）'
refused crc.xlsx 'damaged workbook: cannot unpack xl/workbook.xml (CRC error)' \
  '工作簿已损坏：无法解压 xl/workbook.xml（CRC 校验出错）'
printf 'date,id,value\n' > text.xlsx
run import text.xlsx
same "text named .xlsx: message" "$ERR" \
  'plan: text.xlsx: not an Excel workbook (neither .xlsx nor .xls inside); save it from the spreadsheet as .xlsx, or as CSV'
# An OLE2 signature and nothing of a workbook after it: freexl refuses.
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 then nothing' > old.xls
# freexl reads the 512-byte header and finds 21 bytes: FREEXL_CFBF_READ_ERROR.
refused old.xls \
  'cannot read it as an Excel 97-2003 workbook: the file is cut short or cannot be read (freexl error -8)' \
  '无法作为 Excel 97-2003 工作簿读取：文件不完整（可能被截断）或无法读取（freexl 错误 -8）'
if cmp -s records/2019.rec "$TMP/2019.before"; then passed=$((passed + 1)); else fail "a refused workbook changed the records"; fi

# .xls, written by xlwt 1.3 (BIFF8, Excel 97-2003) with /usr/bin/python3.
$PY - <<'EOF' || { echo "xlwt failed"; exit 1; }
import datetime, xlwt
def sheet(wb, name, rows):
    ws = wb.add_sheet(name)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v is None: continue
            if isinstance(v, tuple): ws.write(r, c, v[0], xlwt.easyxf(num_format_str=v[1]))
            else: ws.write(r, c, v)
wb = xlwt.Workbook(encoding="utf-8")
sheet(wb, "一季度", [
    ["2019年就业指标填报表"],                                    # a title row: skipped
    ["序号", "指标", "指标名称", "日期", "数值", "填报单位"],
    [1, "jobs.urban_new", "城镇新增就业人数", (datetime.date(2019, 3, 31), "yyyy-mm-dd"), 4210, "人社局"],
    [2, "高校毕业生年末总体就业率", None, (datetime.datetime(2019, 12, 31, 0, 0), "yyyy/m/d h:mm"), 95.2, None],
    [3, "unemployment.rate", "城镇登记失业率", 43646, 1.9, None],
    [4, "hr.portal", "人力资源市场门户网站", (datetime.date(2020, 5, 31), 'yyyy"年"m"月"d"日"'), "done", "人社局"],
])
sheet(wb, "空白", [])
wb.save("q.xls")
# A percent cell: 95.2% stored as 0.952 in a 0.0% format.
wb = xlwt.Workbook(encoding="utf-8")
sheet(wb, "Sheet1", [["date", "id", "value"],
                     [(datetime.date(2019, 12, 31), "yyyy-mm-dd"), "graduates.rate", (0.952, "0.0%")]])
wb.save("pct.xls")
# Five good rows, then an unknown name at B7: nothing lands.
wb = xlwt.Workbook(encoding="utf-8")
sheet(wb, "二季度", [["日期", "指标", "数值"]] +
      [[(datetime.date(2019, 4, d), "yyyy-mm-dd"), "jobs.urban_new", 10 * d] for d in range(1, 6)] +
      [[(datetime.date(2019, 4, 6), "yyyy-mm-dd"), "城镇新增就业", 60]])
wb.save("bad.xls")

# Saved with a password, as Excel saves one (MS-XLS 2.4.117): a FILEPASS
# record (type 002F) right after the workbook's BOF record, and every
# record's body after it encrypted, but for BOF records and a BoundSheet's
# stream position. Here q.xls's record after the BOF (INTERFACEHDR, E1, two
# bytes) is typed FILEPASS and the later bodies are random bytes, as
# ciphertext looks: libfreexl 1.0.6 then opens no workbook, with no error.
# damaged.xls is the same noise with no FILEPASS: a damaged workbook.
# obfuscated.xls has a FILEPASS record that freexl reads past (xlwt's
# PASSWORD record, later among the first records, typed 002F): freexl opens
# it and reports it protected.
import random, struct
def noise_after_bof(data, filepass):
    b = bytearray(data)
    at = b.find(bytes.fromhex("0908100000060500"))  # BIFF8 BOF, workbook globals
    assert at > 0 and b[at + 20:at + 22] == bytes([0xE1, 0])
    if filepass:
        b[at + 20] = 0x2F
    rng = random.Random(1)
    pos = at + 20
    while pos + 4 <= len(b):
        kind, size = struct.unpack_from("<HH", b, pos)
        if kind == 0 and size == 0:  # the stream's end: padding
            break
        keep = size if kind in (0x0809, 0x002F) else 4 if kind == 0x0085 else 0
        for i in range(pos + 4 + keep, pos + 4 + size):
            b[i] = rng.randrange(256)
        pos += 4 + size
    return bytes(b)
q = open("q.xls", "rb").read()
open("locked.xls", "wb").write(noise_after_bof(q, True))
open("damaged.xls", "wb").write(noise_after_bof(q, False))
b = bytearray(q)
at = b.find(bytes([0x13, 0, 2, 0]))
assert at > 0
b[at] = 0x2F
open("obfuscated.xls", "wb").write(b)

# Compound files (CFBF v3, 512-byte sectors) of two streams of 4096 bytes,
# made by hand: an .xlsx saved with a password is one holding
# EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO 2.3.4); a Word file
# holds WordDocument and no workbook. Header, one FAT sector, one directory
# sector, then the streams' sectors.
def cfb(names):
    END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    head = bytearray(512)
    head[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", head, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    # no directory-sector count (v3), 1 FAT sector, directory at sector 1,
    # stream cutoff 4096, no mini FAT, no DIFAT sectors
    struct.pack_into("<IIIIIIIII", head, 0x28, 0, 1, 1, 0, 0x1000, END, 0, END, 0)
    struct.pack_into("<109I", head, 0x4C, 0, *[FREE] * 108)
    fat, starts = [FATSECT, END], []
    for _ in names:
        starts.append(len(fat))
        fat += list(range(len(fat) + 1, len(fat) + 8)) + [END]
    fat += [FREE] * (128 - len(fat))
    def entry(name, kind, right, child, start, size):
        e = bytearray(128)
        u = name.encode("utf-16-le")
        e[0:len(u)] = u
        struct.pack_into("<HBBIII", e, 64, len(u) + 2, kind, 1, NOSTREAM, right, child)
        struct.pack_into("<IQ", e, 116, start, size)
        return e
    d = entry("Root Entry", 5, NOSTREAM, 1, END, 0)
    for i, (name, start) in enumerate(zip(names, starts)):
        d += entry(name, 2, i + 2 if i + 1 < len(names) else NOSTREAM, NOSTREAM, start, 4096)
    return bytes(head) + struct.pack("<128I", *fat) + bytes(d) + bytes(512 - len(d)) + \
        bytes(4096 * len(names))
open("encrypted.xlsx", "wb").write(cfb(["EncryptionInfo", "EncryptedPackage"]))
open("word.xls", "wb").write(cfb(["WordDocument"]))
EOF

# The same figures as q.xlsx's would be duplicates here: the .xls files go
# to a project of their own.
mkdir -p "$TMP/x/plans"
cp "$SRC/tests/fixtures/mini.toml" "$TMP/x/plans/mini.toml"
mv q.xls pct.xls bad.xls locked.xls damaged.xls obfuscated.xls encrypted.xlsx word.xls "$TMP/x/"
cd "$TMP/x" || exit 2
run import q.xls
same "xls: exit" "$RC" 0
same "xls: summary" "$(tail -n 1 <<<"$OUT")" \
  'imported 4 entries from q.xls into records/2019.rec (3), records/2020.rec (1)'
# D3 a date cell (yyyy-mm-dd); B4 the name of graduates.rate; D4 a
# date-time at 0:00; E4 95.2 for a % indicator; D5 the plain number 43646,
# an Excel serial: 1899-12-30 + 43646 days = 2019-06-30 (43466 is
# 2019-01-01, and 2019-01-01 + 180 days is 30 June: 31+28+31+30+31 = 151
# days to 1 June, + 29); D6 a date in a Chinese format; C3/C5/C6 names that
# agree with their ids; 序号 ignored.
file_is "xls: rows in sheet order" records/2019.rec \
  $'2019-03-31  jobs.urban_new  4210  by=人社局\n2019-12-31  graduates.rate  95.2%\n2019-06-30  unemployment.rate  1.9%\n'
file_is "xls: 2020 row" records/2020.rec $'2020-05-31  hr.portal  done  by=人社局\n'
run import q.xls --sheet 二季度
same "xls, no such sheet" "$ERR" "plan: q.xls: no worksheet '二季度' (the sheets: '一季度', '空白')"
# The .xls reader runs in a child process: its Chinese comes across too.
run --lang zh import q.xls --sheet 二季度
same "xls, no such sheet, zh" "$ERR" "plan: q.xls: 没有名为“二季度”的工作表（有：'一季度', '空白'）"

cp records/2019.rec "$TMP/2019.xls.before"
run import bad.xls
same "xls bad cell: exit" "$RC" 1
# The good rows are judged against the ledger all the same: jobs.urban_new
# has one entry, 4,210 (q.xls's), and 10 to 40 are 100 times or more below
# it (4210 / 10 = 421, / 20 = 210.5, / 30 = 140.3, / 40 = 105.25).
same "xls bad cell: at B7" "$(head -n 1 <<<"$ERR")" \
  "plan: bad.xls:二季度!B7: unknown indicator name '城镇新增就业'; did you mean 'jobs.urban_new' (城镇新增就业人数)?"
same "xls bad cell: the good rows judged" "$(grep -o '^plan: bad.xls:二季度![A-Z0-9]*: value [0-9]* of jobs.urban_new is [0-9]* times smaller' <<<"$ERR")" \
  "plan: bad.xls:二季度!C2: value 10 of jobs.urban_new is 421 times smaller
plan: bad.xls:二季度!C3: value 20 of jobs.urban_new is 210 times smaller
plan: bad.xls:二季度!C4: value 30 of jobs.urban_new is 140 times smaller
plan: bad.xls:二季度!C5: value 40 of jobs.urban_new is 105 times smaller"
same "xls bad cell: summary" "$(tail -n 1 <<<"$ERR")" "plan: nothing imported: 5 errors in bad.xls"
# freexl knows no number formats: the 0.952 of a 0.0% cell cannot be told
# from a plain 0.952, so a figure above 0 and at most 1 for a % indicator is
# refused at its cell (--force takes it as written).
run import pct.xls
same "xls percent cell: exit" "$RC" 1
same "xls percent cell: message" "$ERR" \
  'plan: pct.xls:Sheet1!C2: value 0.952 of graduates.rate (%) in an .xls workbook: a cell formatted as a percentage reads as its fraction from .xls (95.2% as 0.952); write the figure in percent, save the workbook as .xlsx, or --force if 0.952 % is right
plan: nothing imported: 1 error in pct.xls'
if cmp -s records/2019.rec "$TMP/2019.xls.before"; then passed=$((passed + 1)); else fail "a refused .xls changed the records"; fi
run import pct.xls --force --dry-run
same "xls percent cell, forced: exit" "$RC" 0
same "xls percent cell, forced: as written" "$(head -n 1 <<<"$OUT")" \
  'records/2019.rec: 2019-12-31  graduates.rate  0.952%'

# A workbook saved with a password, .xls or .xlsx, is refused as such
# (freexl opens no workbook from an encrypted .xls, reports one it reads
# past FILEPASS protected, and finds no workbook in an encrypted .xlsx,
# FREEXL_BIFF_WORKBOOK_NOT_FOUND); a damaged .xls and a Word file for what
# they are.
for f in locked.xls obfuscated.xls encrypted.xlsx; do
  refused "$f" \
    'the workbook is password-protected; open it in the spreadsheet, save a copy without the password, and import that' \
    '工作簿设了密码；请在表格软件里打开，去掉密码另存一份，再导入'
done
refused damaged.xls \
  'cannot read it as an Excel 97-2003 workbook: the file is damaged (freexl read no workbook from it)' \
  '无法作为 Excel 97-2003 工作簿读取：文件已损坏（freexl 从中读不出工作簿）'
refused word.xls \
  'cannot read it as an Excel 97-2003 workbook: an Office file with no workbook inside, such as a Word file (freexl error -17)' \
  '无法作为 Excel 97-2003 工作簿读取：是 Office 文件但不含工作簿，例如 Word 文档（freexl 错误 -17）'
if cmp -s records/2019.rec "$TMP/2019.xls.before"; then passed=$((passed + 1)); else fail "a refused workbook changed the records"; fi
cd "$TMP/p" || exit 2

printf 'date,id,value\n' > q.csv
run import q.csv --sheet x
same "--sheet on a CSV: usage" "$RC" 2

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
