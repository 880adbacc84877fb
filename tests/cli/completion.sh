#!/usr/bin/env bash
# Shell completion: the bash script is sourced and driven as bash drives it
# (COMP_WORDS, COMP_CWORD), and the candidates it leaves in COMPREPLY are
# compared with what the fixture plan and the CLI define. Expected ids and
# units are read off tests/fixtures/mini.toml by hand: its indicators are
# jobs.urban_new, unemployment.rate, graduates.rate, skills.leaders,
# skills.total, skills.high, hr.portal; its units list is 人社局, 财政局,
# 教育局 and no indicator names another. The zsh and fish scripts must load;
# fish is also driven through `complete -C`.
source "$(dirname "$0")/lib.bash" "$@"
COMPLETION=$SRC/completion

# `plan` on PATH is the binary under test, as the scripts call it by name.
mkdir -p "$WORK/bin" "$WORK/proj/plans" "$WORK/empty"
ln -s "$(realpath "$PLAN")" "$WORK/bin/plan"
export PATH=$WORK/bin:$PATH
cp "$FIX/mini.toml" "$WORK/proj/plans/"

# shellcheck source=/dev/null
source "$COMPLETION/plan.bash"

# candidates WORD... : COMPREPLY for the command line "plan WORD...", the
# cursor at the end of the last WORD, as one space-separated line.
candidates() {
  COMP_WORDS=(plan "$@")
  COMP_CWORD=$#
  COMPREPLY=()
  _plan
  echo "${COMPREPLY[*]}"
}

# expect_candidates "WANT" WORD... : the candidates are exactly WANT.
expect_candidates() {
  local want=$1 got
  shift
  got=$(candidates "$@")
  if [ "$got" = "$want" ]; then ok; else fail "plan $*<TAB>: got '$got', want '$want'"; fi
}

cd "$WORK/proj" || exit 1
# Commands, in the order of plan --help; the hidden one is never offered.
expect_candidates "status show" s
expect_candidates "check" c
expect_candidates "" comp
all=$(plan --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }' | tr '\n' ' ')
expect_candidates "${all% }" ""
# Options of the command, then the global ones.
expect_candidates "--fail-on --format" status --f
expect_candidates "--lead-only --lang" units --l
expect_candidates "--plan" status --pl
# An option already given is not offered again; --status may be repeated.
expect_candidates "--fail-on" status --format csv --f
# Values of options with a fixed set.
expect_candidates "table csv tsv json md xlsx" status --format ""
expect_candidates "table json" show -f ""
expect_candidates "txt md html xlsx" report --format ""
expect_candidates "week month quarter half year" report --period ""
expect_candidates "auto always never" --color ""
expect_candidates "zh" status --lang z
expect_candidates "utf-8 gb18030" import x.csv --encoding ""
# --format=c: readline splits at '=', and only the part after it is replaced.
expect_candidates "csv" status --format = c
expect_candidates "table csv tsv json md xlsx" status --format =
# Status words, and the next word of a comma list.
expect_candidates "behind" status --status be
expect_candidates "behind,met behind,missed" status --fail-on behind,m
# The plan's ids for show, record and yoy (every argument of yoy).
expect_candidates "skills.leaders skills.total skills.high" show skills.
expect_candidates "jobs.urban_new" record j
expect_candidates "hr.portal" yoy jobs.urban_new h
expect_candidates "" record jobs.urban_new ""   # the VALUE: nothing to offer
expect_candidates "jobs skills" status --area ""
expect_candidates "2018 2019 2020" status --year 20
# Units for --unit and --by, after the options that take values.
expect_candidates "人社局 财政局 教育局" status --as-of 2019-06-30 --unit ""
expect_candidates "财政局" record --by 财
expect_candidates "教育局" log --by 教
# Files and folders are left to bash (readline adds the slash of a folder).
touch "$WORK/proj/q3.csv"
expect_candidates "q3.csv" import q
expect_candidates "plans" --records pl

# The plan is the one the command line names, or none.
cd "$WORK/empty" || exit 1
expect_candidates "" show ""
expect_candidates "hr.portal" --plan "$FIX/mini.toml" show h
expect_candidates "hr.portal" --plan = "$FIX/mini.toml" show h
PLAN_FILE=$FIX/mini.toml expect_candidates "hr.portal" show h
# template --unit takes a [[reporter]] of tests/fixtures/template.toml (人社局,
# 教育局, 镇甲, 镇乙), not a responsible unit.
expect_candidates "镇甲 镇乙" --plan "$FIX/template.toml" template --unit 镇
expect_candidates "人社局 教育局 镇甲 镇乙" --plan "$FIX/template.toml" template --unit ""
# --unit of status, report and due, and --by, take reporters and groups too.
expect_candidates "镇甲 镇乙" --plan "$FIX/template.toml" status --unit 镇
expect_candidates "各区镇" --plan "$FIX/template.toml" due --unit 各
expect_candidates "镇乙" --plan "$FIX/template.toml" record --by 镇乙
expect_candidates "xlsx csv" template --format ""

# The hidden command itself: tab-separated descriptions for zsh and fish.
expect_exit 0 -- plan complete -- --plan "$FIX/mini.toml" show hr
expect_out <(printf 'hr.portal\t人力资源市场门户网站\n')
if plan --help | grep -qw complete; then fail "plan --help lists the hidden command"; else ok; fi

# zsh and fish: the scripts parse; fish also answers as plan complete does.
if command -v zsh >/dev/null; then
  if out=$(zsh -n "$COMPLETION/_plan" 2>&1); then ok; else fail "zsh -n _plan: $out"; fi
else
  echo "skipped: zsh is not installed"
fi
if command -v fish >/dev/null; then
  if out=$(fish -n "$COMPLETION/plan.fish" 2>&1); then ok; else fail "fish -n plan.fish: $out"; fi
  got=$(cd "$WORK/proj" && fish --no-config -c "source '$COMPLETION/plan.fish'; complete -C 'plan status --format t'" 2>&1 | cut -f1 | tr '\n' ' ')
  [ "$got" = "table tsv " ] && ok || fail "fish: plan status --format t<TAB>: got '$got'"
  got=$(cd "$WORK/proj" && fish --no-config -c "source '$COMPLETION/plan.fish'; complete -C 'plan show skills.l'" 2>&1 | tr '\t' ' ')
  [ "$got" = "skills.leaders 姑苏高技能领军人才" ] && ok || fail "fish: plan show skills.l<TAB>: got '$got'"
else
  echo "skipped: fish is not installed"
fi

finish
