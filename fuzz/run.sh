#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in their own folder and runs them.
#
#   fuzz/run.sh TARGET SECONDS    one of: records import workbook scalars plan
#   fuzz/run.sh all SECONDS       each target in turn, SECONDS each
#   fuzz/run.sh TARGET SECONDS -- [libFuzzer options…]
#
# Environment: PLAN_FUZZ_BUILD (default build-fuzz), the build folder; the
# corpus that grows from run to run is in $PLAN_FUZZ_BUILD/corpus/TARGET.
# Seeds come from the shipped files (plans/, records/, tests/) each run.
# A crashing input is written to fuzz/regressions/TARGET/, where the unit
# tests replay it (tests/fuzz_entries_test.cpp); the script then exits 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PLAN_FUZZ_BUILD:-$root/build-fuzz}
all_targets=(records import workbook scalars plan)

usage() {
  echo "usage: fuzz/run.sh {${all_targets[*]}|all} SECONDS [-- libFuzzer options]" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
what=$1 seconds=$2
shift 2
[[ ${1:-} == -- ]] && shift
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [[ $what == all ]]; then
  targets=("${all_targets[@]}")
else
  [[ " ${all_targets[*]} " == *" $what "* ]] || usage
  targets=("$what")
fi

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# PLAN_WERROR=OFF: clang warns where GCC (the judged build) does not, e.g.
# -Wchar-subscripts on '_' in record_fast.cpp; the warnings still show.
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DPLAN_FUZZ=ON -DPLAN_WERROR=OFF \
  "${launcher[@]}" >/dev/null
cmake --build "$build" --target "${targets[@]/#/fuzz_}"

# Seeds: the shipped files, cut to a few kilobytes each (libFuzzer mutates
# small inputs faster), with the target's leading control byte.
seed() {
  local t=$1 dir=$build/seeds/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  case $t in
    records)
      # First byte: how RecordStream is fed (fuzz_entries.h). Even: chunk
      # sizes 1…32; odd: a fixed size.
      local n=0 f
      while IFS= read -r f; do
        split -l 40 "$f" "$dir/tmp."
        for piece in "$dir"/tmp.*; do
          n=$((n + 1))
          { printf "$(printf '\\x%02x' $((n % 256)))"; cat "$piece"; } >"$dir/rec-$n"
          rm "$piece"
        done
      done < <(find "$root/records" "$root/tests/fixtures" -name '*.rec' | sort)
      ;;
    import)
      # First byte: bit 0 GB18030, bit 1 --force. The shipped records as a
      # spreadsheet would export them, in UTF-8 and in GB18030.
      local n=0 f
      while IFS= read -r f; do
        n=$((n + 1))
        awk 'BEGIN { print "日期,指标,数值,填报单位,备注" }
             /^[0-9]/ { split($0, a, /  +/); by = ""; note = ""
                        for (i = 4; i in a; i++) {
                          if (a[i] ~ /^by=/) by = substr(a[i], 4)
                          if (a[i] ~ /^note=/) note = substr(a[i], 6)
                        }
                        gsub(/"/, "\"\"", note)
                        printf "%s,%s,\"%s\",%s,\"%s\"\r\n", a[1], a[2], a[3], by, note
                        if (++rows == 30) exit }' "$f" >"$dir/utf8-$n.body"
        { printf '\x00'; cat "$dir/utf8-$n.body"; } >"$dir/utf8-$n"
        { printf '\x03'; iconv -f UTF-8 -t GB18030 "$dir/utf8-$n.body"; } >"$dir/gb-$n"
        rm "$dir/utf8-$n.body"
      done < <(find "$root/records" -name '*.rec' | sort)
      for f in "$root"/tests/golden/*.csv; do
        { printf '\x00'; cat "$f"; } >"$dir/golden-$(basename "$f")"
      done
      ;;
    workbook)
      # First byte: bit 0 --force. A small workbook as departments send it,
      # written by Debian's python3-openpyxl (which .ci/run installs): dates,
      # a percent cell, a name as id, 序号, a title row, a second sheet.
      /usr/bin/python3 - "$dir" <<'EOF'
import datetime, os, sys, openpyxl
d = sys.argv[1]
rows = [["序号", "指标", "指标名称", "日期", "数值", "填报单位", "备注"],
        [1, "jobs.urban_new", None, datetime.date(2019, 3, 31), 4210, "人社局", "一季度"],
        [2, "城镇登记失业率", None, datetime.datetime(2019, 6, 30), 0.019, None, "=1+1"],
        [3, "jobs.urban_new", None, 43646, "1,200", None, None]]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "一季度"
ws.append(["2019年就业指标填报表"])
for r in rows: ws.append(r)
ws["D3"].number_format = "yyyy/m/d"
ws["E4"].number_format = "0.0%"
wb.create_sheet("空白")
wb.save(os.path.join(d, "seed.xlsx"))
EOF
      local f
      for f in "$dir"/seed.*; do
        { printf '\x00'; cat "$f"; } >"$dir/0-$(basename "$f")"
        { printf '\x01'; cat "$f"; } >"$dir/1-$(basename "$f")"
        rm "$f"
      done
      ;;
    scalars)
      # First byte: the parser (fuzz_entries.h). 0 ISO date, 1 decimal,
      # 2 decimal in 万, 3 spreadsheet date, 4 thousands, 5 period label,
      # 6 day arithmetic, 7 names and the parser's messages.
      local i=0 s
      for s in '\x00''2019-06-30' '\x00''2020-02-29' '\x01''-1234.567891' '\x01''9223372.036854' \
        '\x02''1.2345' '\x03''2019年3月31日' '\x03''2019/3/31' '\x03''2019-3-31' \
        '\x04''1,234,567.5' '\x04''-4,210%' '\x05''2020-W53' '\x05''2020Q2' '\x05''2020h1' \
        '\x05''2020-06' '\x05''2020' '\x06''\x00\x00\x47\x11\x03\xfe' '\x07''quarter' \
        '\x07''half-yearly' '\x07''milestone' '\x07''json' \
        '\x07''--columns: Value abc not in range 20 to 10000' '\x07''--as-of: 1 required DATE missing' \
        '\x07''--by requires --file' '\x07''--fail-on: '"'"'x'"'"' is not a status (a, b)'; do
        i=$((i + 1))
        printf '%b' "$s" >"$dir/s-$i"
      done
      ;;
    plan)
      cp "$root"/plans/*.toml "$root"/tests/fixtures/*.toml "$dir/"
      ;;
  esac
}

# Any UBSan finding stops the run, as any ASan one does.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "$build/corpus/$t" "$root/fuzz/regressions/$t"
  echo "== fuzz_$t for ${seconds}s"
  "$build/fuzz_$t" "$build/corpus/$t" "$build/seeds/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$root/fuzz/regressions/$t/" "$@" || status=1
done
exit $status
