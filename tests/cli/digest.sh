#!/usr/bin/env bash
# plan report (the digest) on the fixture ledger (tests/fixtures): exit codes, --output,
# --fail-on and --unit as a cron job meets them. The digest's figures are
# checked in tests/digest_*_test.cpp; the lines here were worked out by hand:
# at 2019-06-30 jobs.urban_new has 4210 - 120 + 12000 + 9000 = 25,090 <
# 17000 + 17000 × 181/365 = 25,430 (behind), skills.high 2,900 < 2000 + 2000
# × 181/365 = 2,992 (behind), skills.total 9,500 ≥ 8,975 (on track),
# skills.leaders 3 (achieved), both rates met, hr.portal pending.
source "$(dirname "$0")/lib.bash" "$@"
P=(--plan "$FIX/mini.toml" --records "$FIX/records")

expect_exit 0 -- "$PLAN" "${P[@]}" report --period week --as-of 2019-06-30
expect_contains "测试计划 — weekly report as of 2019-06-30"
expect_contains "Period 2019-06-24 to 2019-06-30, status compared with 2019-06-23"
expect_contains "7 indicators: 3 achieved, 2 on track, 2 behind, 0 missed, 0 no data"
expect_contains "Recorded in the period: 4 entries on 4 indicators"
expect_contains "Largest shortfalls (2 of 2 behind)"
if awk '{ if (length($0) > 80) bad = 1 } END { exit bad }' "$WORK/out"; then ok; else fail "a txt line is over 80 bytes"; fi

# --fail-on: the digest is written first, then exit 3.
mkdir -p "$WORK/www"
expect_exit 3 -- "$PLAN" "${P[@]}" report --period week --as-of 2019-06-30 --format html \
  --output "$WORK/www/weekly.html" --fail-on missed,behind
if head -1 "$WORK/www/weekly.html" | grep -qxF '<!DOCTYPE html>'; then ok; else fail "no HTML in --output"; fi
if [ "$(ls -A "$WORK/www")" = "weekly.html" ]; then ok; else fail "temporary left: $(ls -A "$WORK/www")"; fi
if [ ! -s "$WORK/out" ]; then ok; else fail "--output also wrote to stdout"; fi
expect_exit 0 -- "$PLAN" "${P[@]}" report --period week --as-of 2019-06-30 --fail-on missed,overdue

# --unit restricts everything; an unknown unit is a usage error, not an empty digest.
expect_exit 0 -- "$PLAN" "${P[@]}" report --period month --as-of 2019-06-30 --format md --unit 教育局 --fail-on behind
expect_contains "- 1 indicator: 1 achieved, 0 on track, 0 behind, 0 missed, 0 no data"
expect_exit 2 -- "$PLAN" "${P[@]}" report --period week --unit 无此单位
expect_err_line "plan: no indicator has '无此单位' as lead or partner unit (plan units lists them)"

# A failed write is exit 1 with the file and the reason.
expect_exit 1 -- "$PLAN" "${P[@]}" report --period week --output "$WORK/nowhere/r.txt"
expect_err_line "plan: $WORK/nowhere/r.txt: cannot write: No such file or directory"

expect_exit 2 -- "$PLAN" "${P[@]}" report
expect_exit 2 -- "$PLAN" "${P[@]}" report --period year
finish
