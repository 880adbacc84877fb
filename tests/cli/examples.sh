#!/usr/bin/env bash
# Every example command of plan(1) runs as written. The commands are read
# from the page itself: each line of an .EX block that is a plan command
# ("plan …" or "$ plan …", continued over lines ending in "\"), after the
# page's escapes are undone (\- is -, \e is \, \[u4EBA] is 人, \(aq is ').
# They run one after another, in page order, from the root of a copy of the
# shipped project (plans/ and records/ of this repository, so commands that
# write change only the copy), with `plan` on PATH. A command must exit 0,
# or 0 or 3 when it has --fail-on (3 is its answer, not a failure). The CSV
# files that import examples read are made first, one valid row each, in
# GB 18030 when the example says --encoding gb18030; the workbooks (.xlsx)
# likewise, by Debian's python3-openpyxl, with the sheet --sheet names. Each
# row is 人社局's jobs.urban_new for a month of its own (the n-th file made,
# the n-th month of 2020, dated its last day), and the copy holds none of
# 人社局's jobs.urban_new figures for 2020: a reporter's second figure for a
# period is refused (--add, --replace), so every example row is a first
# one. The record examples run on the shipped figures as they are.
# `plan template` examples read an empty records folder (below). Two things stand in for
# the server the examples assume: `mail` and `mutt` are stubs that keep the
# message, and /srv/ is a folder of the copy.
source "$(dirname "$0")/lib.bash" "$@"
mkdir -p "$WORK/bin" "$WORK/project"
ln -s "$(realpath "$PLAN")" "$WORK/bin/plan"
for mailer in mail mutt; do
  printf '#!/bin/sh\ncat >>"%s"\n' "$WORK/mailed" >"$WORK/bin/$mailer"
  chmod +x "$WORK/bin/$mailer"
done
export PATH=$WORK/bin:$PATH
mkdir -p "$WORK/srv/www"
cp -r "$SRC/plans" "$SRC/records" "$WORK/project/"
sed -i '/^[0-9-]*  jobs\.urban_new  .*by=人社局/d' "$WORK/project/records/hrss/2020.rec"

perl -CSD -ne '
  if (/^\.EX/) { $in = 1; next }
  if (/^\.EE/) { $in = 0; $cmd = ""; next }
  next unless $in;
  s/\\-/-/g; s/\\e/\\/g; s/\\\(aq/\x27/g; s/\\\(dq/"/g; s/\\&//g;
  s/\\\[u([0-9A-F]{4,5})\]/chr hex $1/ge;
  chomp;
  if ($cmd ne "") { $cmd .= "\n" . $_ }
  elsif (/^(\$ )?plan /) { ($cmd = $_) =~ s/^\$ // }
  else { next }
  if ($cmd =~ /\\$/ || $cmd =~ /\|\s*$/) { next }    # continued on the next line
  print "$cmd\0"; $cmd = "";
' "$SRC/man/plan.1" >"$WORK/examples"

mapfile -d '' examples <"$WORK/examples"
# The page has examples under most commands and in EXAMPLES; a parser that
# found few would make this test vacuous.
[ "${#examples[@]}" -ge 30 ] && ok || fail "only ${#examples[@]} examples found in man/plan.1"

cd "$WORK/project" || exit 1
made=0
for cmd in "${examples[@]}"; do
  for csv in $(grep -oE '[^ ]+\.csv' <<<"$cmd" | grep -v '>'); do
    case $cmd in *"import $csv"*) ;; *) continue ;; esac
    [ -e "$csv" ] && continue
    made=$((made + 1))
    row=$'date,id,value,by\n'$(date -d "2020-01-01 +$made month -1 day" +%F)$',jobs.urban_new,'$((4200 + made))$',人社局\n'
    if [[ $cmd == *gb18030* ]]; then iconv -f UTF-8 -t GB18030 <<<"$row" >"$csv"; else echo "$row" >"$csv"; fi
  done
  for book in $(grep -oE '[^ ]+\.xlsx' <<<"$cmd" | grep -v '>'); do
    case $cmd in *"import $book"*) ;; *) continue ;; esac
    [ -e "$book" ] && continue
    made=$((made + 1))
    sheet=$(grep -oP -- '--sheet \K[^ ]+' <<<"$cmd")
    /usr/bin/python3 - "$book" "${sheet:-Sheet1}" $((4200 + made)) \
      "$(date -d "2020-01-01 +$made month -1 day" +%F)" <<'PY'
import datetime, sys, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = sys.argv[2]
ws.append(["date", "id", "value", "by"])
ws.append([datetime.date.fromisoformat(sys.argv[4]), "jobs.urban_new", int(sys.argv[3]), "人社局"])
wb.save(sys.argv[1])
PY
  done
  if [[ $cmd == *"| jq"* ]] && ! command -v jq >/dev/null; then
    echo "skipped (jq is not installed): $cmd"
    continue
  fi
  # The shipped records hold every scheduled report, so a template of them
  # would have nothing to ask for: templates are made as at the start, from
  # an empty records folder (PLAN_RECORDS).
  records=()
  [[ $cmd == "plan template"* ]] && records=(env PLAN_RECORDS="$WORK/no-records")
  mkdir -p "$WORK/no-records"
  "${records[@]}" bash -o pipefail -c "${cmd//\/srv\//$WORK/srv/}" >"$WORK/out" 2>"$WORK/err"
  rc=$?
  if [ "$rc" = 0 ] || { [ "$rc" = 3 ] && [[ $cmd == *--fail-on* ]]; }; then ok; else
    fail "exit $rc: $cmd"
    sed 's/^/  err: /' "$WORK/err" | head -3 >&2
  fi
done

# The mailed examples did send a report (its title says what it is: "weekly
# report"; "plan" need not appear in a digest's text).
grep -q 'report' "$WORK/mailed" 2>/dev/null && ok || fail "the mail examples sent nothing"

finish
