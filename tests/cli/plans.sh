#!/usr/bin/env bash
# plan check / list / status on plans good and bad: exit codes, located
# messages, project discovery from a subfolder, several plans.
source "$(dirname "$0")/lib.bash" "$@"

# The shipped plan is clean and every command reads it.
cd "$SRC" || exit 1
expect_exit 0 -- "$PLAN" check --strict
expect_exit 0 -- "$PLAN" list --format csv
[ "$(($(wc -l <"$WORK/out") - 1))" = 60 ] && ok || fail "shipped plan: want 60 indicators"
expect_contains "jobs.urban_new,城镇新增就业人数,total,51000,,,人,"
expect_exit 0 -- "$PLAN" list --format json
expect_contains '"target": 51000,'

# Discovery walks up from a subfolder; paths in messages stay relative.
mkdir -p "$WORK/proj/plans" "$WORK/proj/records/hrss" "$WORK/proj/deep/er"
cp "$FIX/mini.toml" "$WORK/proj/plans/"
printf '2019-01-31  jobs.urban_new  100\n2019-02-31  jobs.urban_new  1\n' >"$WORK/proj/records/hrss/2019.rec"
cd "$WORK/proj/deep/er" || exit 1
expect_exit 1 -- "$PLAN" check
expect_err_line "plan: ../../records/hrss/2019.rec:2:1: 2019-02-31 is not a calendar date"
expect_err_line "plan: ../../plans/mini.toml: 7 indicators; ../../records: 1 entry in 1 file; 1 error, 0 warnings"
cd "$WORK/proj" || exit 1
expect_exit 1 -- "$PLAN" status
expect_err_line "plan: records/hrss/2019.rec:2:1: 2019-02-31 is not a calendar date (1 error in the records; \`plan check\` lists them)"
printf '2019-01-31  jobs.urban_new  100\n' >"$WORK/proj/records/hrss/2019.rec"
expect_exit 0 -- "$PLAN" status --as-of 2019-01-31 --format csv
expect_contains "jobs.urban_new,城镇新增就业人数,就业,新增就业,人,total,51000,,100,"

# Several plans: named, and nothing computed until one is chosen.
cp "$FIX/mini.toml" "$WORK/proj/plans/other.toml"
expect_exit 1 -- "$PLAN" status
expect_err_line "plan: plans: several plans (mini.toml, other.toml); choose one with --plan FILE"
expect_exit 0 -- "$PLAN" --plan plans/other.toml status --as-of 2019-01-31 --format csv

# No project at all.
cd "$WORK" && mkdir -p empty && cd empty || exit 1
expect_exit 1 -- "$PLAN" status
expect_err_line "plan: no plans/ folder here or in any parent; give one with --plan FILE"

# A working folder deleted under the shell (getcwd fails): one line, exit 1,
# no abort — with or without --plan and --records.
mkdir -p "$WORK/gone" && cd "$WORK/gone" && rmdir "$WORK/gone" || exit 1
for args in "status" "--plan $SRC/tests/fixtures/mini.toml --records $WORK check"; do
  # shellcheck disable=SC2086 # the words are the arguments
  expect_exit 1 -- "$PLAN" $args
  expect_err_line "plan: cannot find the current folder: No such file or directory"
  [ "$(wc -l <"$WORK/err")" = 1 ] && ok || fail "deleted folder: not one line: $(cat "$WORK/err")"
done

# Output that cannot be written (a full disk: /dev/full) is a failed write,
# said once, for a table and for a record alike.
cd "$SRC" || exit 1
for args in "list" "show jobs.urban_new --as-of 2019-06-30"; do
  # shellcheck disable=SC2086 # the words are the arguments
  "$PLAN" $args >/dev/full 2>"$WORK/err"
  [ $? = 1 ] && ok || fail "$args >/dev/full: not exit 1"
  expect_err_line "plan: cannot write the output"
  [ "$(wc -l <"$WORK/err")" = 1 ] && ok || fail "$args >/dev/full: not one line"
done

# A year outside the plan is a usage error (exit 2).
cd "$SRC" || exit 1
expect_exit 2 -- "$PLAN" status --year 2031
expect_err_line "plan: --year 2031 is outside the plan period 2018–2020"

# A records folder given by name must exist; a typo is not "no records yet".
cd "$SRC" || exit 1
expect_exit 1 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/nowhere" status
expect_err_line "plan: $WORK/nowhere: no such records folder"
expect_exit 1 -- "$PLAN" --plan tests/fixtures/mini.toml --records "$WORK/nowhere" check
mkdir -p "$WORK/empty-records"

# A broken plan: every problem, located, exit 1; commands refuse it.
cat >"$WORK/bad.toml" <<'TOML'
[plan]
id = "bad"
title = "坏计划"
start = 2018-01-01
end = 2020-12-31

[[area]]
id = "a"
name = "A"
  [[area.task]]
  id = "a.t"
  name = "T"

[[indicator]]
id = "x.total"
name = "甲"
unit = "人"
kind = "total"
target = 100
years = { 2018 = 30, 2019 = 30, 2020 = 30 }
task = "a.t"

[[indicator]]
id = "x.level"
name = "乙"
unit = "%"
kind = "ceiling"
target = 3
task = "a.t"
TOML
expect_exit 1 -- "$PLAN" --plan "$WORK/bad.toml" --records "$WORK/empty-records" check
expect_err_line "plan: $WORK/bad.toml:27:8: unknown kind 'ceiling' (expected total, range, floor, cap or milestone)"
expect_exit 1 -- "$PLAN" --plan "$WORK/bad.toml" --records "$WORK/empty-records" status
expect_err_line "plan: $WORK/bad.toml:27:8: unknown kind 'ceiling' (expected total, range, floor, cap or milestone)"
# Fixed, the split that does not add up is a warning: exit 0, or 1 with --strict.
# It points at the years table: line 20, column 9 (after "years = ").
sed -i 's/"ceiling"/"cap"/' "$WORK/bad.toml"
expect_exit 0 -- "$PLAN" --plan "$WORK/bad.toml" --records "$WORK/empty-records" check
expect_err_line "plan: $WORK/bad.toml:20:9: warning: x.total: per-year targets 30 + 30 + 30 = 90 do not add up to the target 100"
expect_exit 1 -- "$PLAN" --plan "$WORK/bad.toml" --records "$WORK/empty-records" check --strict
# A syntax error.
printf '[plan\n' >"$WORK/syntax.toml"
expect_exit 1 -- "$PLAN" --plan "$WORK/syntax.toml" check
grep -q "^plan: $WORK/syntax.toml:1:" "$WORK/err" && ok || fail "syntax error not located"
expect_exit 1 -- "$PLAN" --plan "$WORK/missing.toml" list
expect_err_line "plan: $WORK/missing.toml: cannot read the plan: No such file or directory"

# In Chinese (--lang zh, or a Chinese locale when no --lang is given): the
# plan file's messages, the file system's and the command line's mistakes,
# CLI11's included, at the same places.
sed -i 's/"cap"/"ceiling"/' "$WORK/bad.toml"
expect_exit 1 -- "$PLAN" --lang zh --plan "$WORK/bad.toml" --records "$WORK/empty-records" check
expect_err_line "plan: $WORK/bad.toml:27:8: 未知的类型“ceiling”（应为 total、range、floor、cap 或 milestone）"
expect_exit 1 -- "$PLAN" --lang zh --plan "$WORK/syntax.toml" check
expect_err_line "plan: $WORK/syntax.toml:1:6: TOML 语法错误（表头）：应为“]”，实际为换行"
expect_exit 1 -- "$PLAN" --lang zh --plan "$WORK/missing.toml" list
expect_err_line "plan: $WORK/missing.toml: 无法读取计划：没有该文件或文件夹"
cd "$SRC" || exit 1
expect_exit 2 -- "$PLAN" --lang zh status --as-of 2019-13-01
expect_err_line "plan: --as-of：“2019-13-01”不是日期（YYYY-MM-DD）；见 plan status --help"
LANG=zh_CN.UTF-8 LC_ALL= expect_exit 2 -- "$PLAN" status --format xyz
expect_err_line "plan: --format：“xyz”无效（可选值：table,csv,tsv,json,md,xlsx）；见 plan status --help"
expect_exit 2 -- "$PLAN" status --lang=zh --as-of
expect_err_line "plan: --as-of 后缺少 DATE；见 plan status --help"
expect_exit 2 -- "$PLAN" --lang zh status extra
expect_err_line "plan: 未知的选项或多余的参数：extra；见 plan status --help"
expect_exit 2 -- "$PLAN" --lang zh
expect_err_line "plan: 需要一个命令：status show yoy units record import list report due template log check；见 plan --help"
expect_exit 2 -- "$PLAN" --lang zh stauts
expect_err_line "plan: 未知的命令“stauts”；是否是“status”？（plan --help 列出全部命令）"
expect_exit 2 -- "$PLAN" --lang zh status --year 2031
expect_err_line "plan: --year 2031 不在计划期 2018–2020 年之内"
expect_exit 2 -- "$PLAN" --lang zh report --month 2020-13
expect_err_line "plan: --month：“2020-13”不是月份（YYYY-MM，如 2020-06 或 2020年6月）；见 plan report --help"
expect_exit 2 -- "$PLAN" --lang zh status -o y.html
expect_err_line "plan: --output：status 没有 html 格式（y.html）；--format 可选：table, csv, tsv, json, md, xlsx；见 plan status --help"
expect_exit 2 -- "$PLAN" --lang zh log --since 2020-01-01 --since 2020-02-01
expect_err_line "plan: --since 最多只能给 1 个值，收到了 2 个；见 plan log --help"
# --lang en wins over a Chinese locale.
LANG=zh_CN.UTF-8 LC_ALL= expect_exit 2 -- "$PLAN" --lang en status --as-of 2019-13-01
expect_err_line "plan: --as-of: '2019-13-01' is not a date (YYYY-MM-DD) (plan status --help)"

finish
