#!/usr/bin/env bash
# Chinese all the way through: every command that prints for people, run
# under --lang zh on the shipped project at several dates, prints no English
# word. Each output is scanned after removing what is not a word of ours:
# ids (jobs.urban_new), record tags as written (by=人社局), file paths
# (records/hrss/2019.rec:12), dates and period labels (2019-06-30, 2019-06,
# 2020-W27, 2020Q2, 2020H1), numbers, and, in HTML, the markup and the style
# sheet (but not the text of title, aria-label and data-label attributes,
# which people read). What is left may hold no run of two or more ASCII
# letters; each one found is printed with its line and the command.
# Error and usage messages are out of scope. JSON, CSV and TSV keep English
# keys and status words for scripts (plan(1)), so they are not scanned.
source "$(dirname "$0")/lib.bash" "$@"
cd "$SRC" || exit 1

scan() {  # scan NAME: the last command's stdout ($WORK/out)
  local name=$1 found
  found=$(python3 - "$WORK/out" <<'PY'
import html, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
if "<html" in text:
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    # Attributes people read (tooltips, screen readers, a card's labels).
    def tag(m):
        said = re.findall(r'\b(?:title|aria-label|data-label)="([^"]*)"', m.group(0))
        return " " + " ".join(said) + " "
    text = re.sub(r"<[^>]*>", tag, text)
    text = html.unescape(text)
strip = [
    r"\b[a-z_]+=",                                   # a record's tag key, as written
    r"[\w./-]*\.(?:rec|toml|csv|xlsx|html|md|txt)(?::\d+)?",  # file paths
    r"\b[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+\b",       # indicator ids
    r"\b\d{4}-W\d{2}\b|\b\d{4}[QH]\d\b",             # period labels
    r"\b\d{4}-\d{2}(?:-\d{2})?\b",                   # dates, months
    r"[+-]?\d[\d,]*(?:\.\d+)?",                      # numbers
]
bad = []
for n, line in enumerate(text.splitlines(), 1):
    rest = line
    for p in strip:
        rest = re.sub(p, " ", rest)
    words = re.findall(r"[A-Za-z]{2,}", rest)
    if words:
        bad.append(f"  line {n}: {' '.join(sorted(set(words)))}: {line.strip()[:160]}")
print("\n".join(bad[:8]))
PY
)
  if [ -z "$found" ]; then ok; else fail "English words in zh output of: $name"; echo "$found" >&2; fi
}

# run NAME ARGS…: plan --lang zh ARGS…, exit 0 (or 3 with --fail-on), then scan.
run() {
  "$PLAN" --lang zh "$@" >"$WORK/out" 2>"$WORK/err"
  local rc=$?
  if [ "$rc" != 0 ]; then fail "exit $rc: plan --lang zh $*"; sed 's/^/  err: /' "$WORK/err" | head -3 >&2; return; fi
  ok
  scan "plan --lang zh $*"
}

# Dates: before the first report is due, mid-period, the day June's report
# is late, the plan's last day, after the close.
for d in 2018-06-20 2019-06-30 2019-07-15 2020-12-31 2021-01-15; do
  run status --as-of "$d"
  run status --as-of "$d" --columns 80
  run status --as-of "$d" --year 2019
  run yoy --as-of "$d"
  run units --as-of "$d"
  run due --as-of "$d"
  # A monthly flow, a half-yearly one, an ad hoc range, a level, a milestone.
  for id in jobs.urban_new startup.communities skills.gusu_leaders unemployment.rate \
    hr.portal_online incubator.provincial; do
    run show "$id" --as-of "$d"
  done
done
run list
run log --since 2019-06-01 --until 2019-07-31
run check
for p in "--week 2019-W27" "--month 2019-06" "--quarter 2020Q4" "--year 2020" "--month 2020-12"; do
  for f in txt md html; do
    # shellcheck disable=SC2086  # $p is an option and its value
    run report $p --format "$f"
  done
done
for f in table md; do
  run status --as-of 2019-06-30 --format "$f"
  run units --as-of 2019-06-30 --format "$f"
  run due --as-of 2019-07-15 --format "$f"
done

# The scan itself finds what it should: English in a Chinese line fails.
printf '测试 — behind 滞后 jobs.urban_new 2019-06-30 by=人社局 12.5%%\n' >"$WORK/out"
scan "a planted English word" 2>"$WORK/planted"
if grep -q 'behind' "$WORK/planted"; then
  failed=$((failed - 1))  # the planted failure was the point
  ok
else
  fail "the scan missed a planted English word"
fi
printf '测试 jobs.urban_new 2019-06-30 2020-W27 2020Q2 by=人社局 records/hrss/2019.rec:12 1,234.5\n' >"$WORK/out"
scan "ids, dates, tags and paths only"
finish
