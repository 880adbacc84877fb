#!/usr/bin/env bash
# Writes killed at any moment: `plan import` of 100,000 rows SIGKILLed at
# several moments, while readers run in a loop, leaves every record file
# byte for byte as it was or with all the rows, and no reader ever sees
# anything in between; the issue's `ulimit -f` case rolls back; a killed
# `report --output` leaves no temporary file. No timing is asserted: the
# kill moments only spread the kills over the run.
# Usage: journal.sh PLAN_BINARY SOURCE_DIR
set -u

. "$(dirname "$0")/scratch.bash"

new_project() {
  rm -rf "$TMP/$1"
  mkdir -p "$TMP/$1/plans"
  cp "$SRC/tests/fixtures/record_import.toml" "$TMP/$1/plans/x.toml"
  cd "$TMP/$1" || exit 2
}

# 100,000 rows over three year files, values 1..97.
/usr/bin/python3 - "$TMP/big.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as out:
    out.write("日期,指标,数值\n")
    for i in range(100000):
        y, m, d = 2019 + i % 3, 1 + (i // 3) % 12, 1 + (i // 36) % 28
        out.write(f"{y}-{m:02d}-{d:02d},jobs.urban_new,{i % 97 + 1}\n")
PY
# The records before: one entry of 1. The file repeats rows (same date and
# value), hence --allow-duplicates.
old_records() {
  rm -rf records
  mkdir records
  printf '2019-01-01  jobs.urban_new  1\n' >records/2019.rec
}
OLD_ACTUAL=1
NEW_ACTUAL=$(awk -F, 'NR > 1 { s += $3 } END { print s + 1 }' "$TMP/big.csv")

# The records after a whole import, for byte comparison.
new_project reference
old_records
run import "$TMP/big.csv" --allow-duplicates
same "reference import: exit" "$RC" 0
for y in 2019 2020 2021; do cp records/$y.rec "$TMP/new-$y.rec"; done
same "reference import: no journal left" "$(ls -A records | tr '\n' ' ')" ".plan-lock 2019.rec 2020.rec 2021.rec "

# actual: the sum `plan status` sees (it also rolls back a dead write).
actual() {
  local json
  if json=$("$PLAN" status --format json 2>&1); then
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["indicators"][0]["actual"])' <<<"$json"
  else
    echo "status failed: ${json%%$'\n'*}"
  fi
}

# every file old or new, all of them the same one.
check_files() {
  local name=$1 olds=0 news=0
  if cmp -s records/2019.rec <(printf '2019-01-01  jobs.urban_new  1\n'); then olds=$((olds + 1)); fi
  for y in 2020 2021; do [[ ! -s records/$y.rec ]] && olds=$((olds + 1)); done
  for y in 2019 2020 2021; do cmp -s records/$y.rec "$TMP/new-$y.rec" && news=$((news + 1)); done
  if [[ $olds == 3 || $news == 3 ]]; then
    passed=$((passed + 1))
  else
    fail "$name: records neither old nor new ($olds old, $news new)"
    ls -la records >&2
  fi
}

# reader_loop FILE: runs `plan status` over and over until told to stop,
# writing each sum it saw to FILE.
reader_loop() {
  while [[ ! -e "$TMP/stop" ]]; do actual >>"$1"; done
}

# kill_import NAME HOW: starts an import with readers running, kills it with
# SIGKILL when HOW says (sleep:SECONDS, journal: as soon as the journal
# exists, bytes: once the first record file has grown), then checks.
kill_import() {
  local name=$1 how=$2
  old_records
  rm -f "$TMP/stop" "$TMP/seen"
  reader_loop "$TMP/seen" &
  local reader=$!
  "$PLAN" import "$TMP/big.csv" --allow-duplicates >/dev/null 2>&1 &
  local writer=$!
  case $how in
    sleep:*) sleep "${how#sleep:}" ;;
    journal) while [[ ! -e records/.plan-journal ]] && kill -0 $writer 2>/dev/null; do :; done ;;
    bytes) while [[ $(stat -c %s records/2019.rec) -le 32 ]] && kill -0 $writer 2>/dev/null; do :; done ;;
  esac
  kill -KILL $writer 2>/dev/null
  wait $writer 2>/dev/null
  [[ -e records/.plan-journal ]] && killed_mid_write=$((killed_mid_write + 1))
  touch "$TMP/stop"
  wait $reader
  # The first reader after the kill rolls back; then the files are checked.
  local after
  after=$(actual)
  check_files "$name"
  same "$name: no journal after a reader" "$(ls -A records | grep -c '^\.plan-journal')" 0
  if [[ $after == "$OLD_ACTUAL" || $after == "$NEW_ACTUAL" ]]; then
    passed=$((passed + 1))
  else
    fail "$name: status after the kill saw $after"
  fi
  local bad
  bad=$(sort -u "$TMP/seen" | grep -vx -e "$OLD_ACTUAL" -e "$NEW_ACTUAL")
  same "$name: readers saw only the old or the new sum" "$bad" ""
}

new_project kills
killed_mid_write=0
for how in sleep:0.1 sleep:0.5 sleep:1.2 journal journal bytes bytes bytes; do
  kill_import "kill ($how)" "$how"
done
# The journal and bytes moments aim at the write itself; a kill that came
# too late finds the import done, so only one mid-write kill is required.
echo "kills that landed mid-write (journal left): $killed_mid_write of 8"
if ((killed_mid_write >= 1)); then passed=$((passed + 1)); else
  fail "no kill landed mid-write"
fi

# An import that runs to the end under readers: they see old, then new.
old_records
rm -f "$TMP/stop" "$TMP/seen"
reader_loop "$TMP/seen" &
reader=$!
run import "$TMP/big.csv" --allow-duplicates
same "import under readers: exit" "$RC" 0
touch "$TMP/stop"
wait $reader
bad=$(sort -u "$TMP/seen" | grep -vx -e "$OLD_ACTUAL" -e "$NEW_ACTUAL")
same "import under readers: only old or new sums" "$bad" ""
check_files "import under readers"
same "import under readers: the new sum after" "$(actual)" "$NEW_ACTUAL"

# --- the issue's file size limit ------------------------------------------------

new_project ulimit
mkdir -p t/fz
/usr/bin/python3 -c "open('t/fz/2019.rec','w').write('#'+'p'*10207+'\n')"
cp t/fz/2019.rec "$TMP/fz-before"
# 10 blocks = 10,240 bytes; the file has 10,209; the 33-byte entry does not
# fit. Before, SIGXFSZ killed plan (exit 153) and left "...  421".
OUT=$(ulimit -f 10; "$PLAN" record jobs.urban_new 4210 --date 2019-03-31 --records t/fz 2>&1)
RC=$?
same "ulimit -f: exit" "$RC" 1
same "ulimit -f: message" "$OUT" \
  "plan: t/fz/2019.rec: cannot append: File too large; nothing was written"
if cmp -s t/fz/2019.rec "$TMP/fz-before"; then passed=$((passed + 1)); else
  fail "ulimit -f: the file changed"
fi
same "ulimit -f: nothing but the lock beside it" "$(ls -A t/fz | tr '\n' ' ')" ".plan-lock 2019.rec "
run check --records t/fz
same "ulimit -f: check is clean" "$RC" 0

# --- report --output killed ------------------------------------------------------

new_project report
old_records
"$PLAN" import "$TMP/big.csv" --allow-duplicates >/dev/null
mkdir out
for i in 1 2 3 4 5 6; do
  "$PLAN" report --period year --as-of 2019-12-31 --format html --output out/r.html >/dev/null 2>&1 &
  pid=$!
  sleep "0.0$i"
  kill -KILL $pid 2>/dev/null
  wait $pid 2>/dev/null
done
left=$(ls -A out | grep -v '^r\.html$')
same "report --output killed: no temporary left" "$left" ""

echo "$passed passed, $failed failed"
((failed == 0))
