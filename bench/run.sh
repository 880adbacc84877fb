#!/usr/bin/env bash
# The benchmark of SPEC §7 "Fast": plan's one streaming pass over the
# records, measured against the two cheapest ways to read the same bytes --
# `wc -l` (count lines) and `awk` summing the value column per id (one pass
# that adds up numbers) -- and plan's peak memory at two ledger sizes, which
# must be about the same. See bench/README.md.
#
#   bench/run.sh                      # 1M and 10M lines, writes bench/RESULTS.md
#   BENCH_SIZES="200000" BENCH_RUNS=3 BENCH_OUT=/tmp/r.md bench/run.sh
#   BENCH_NO_HYPERFINE=1 bench/run.sh # time with a bash loop instead
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SIZES=${BENCH_SIZES:-"1000000 10000000"}
RSS_BASE=${BENCH_RSS_BASE:-10000}  # the small ledger peak memory is compared with
CG_LINES=${BENCH_CALLGRIND_LINES:-200000}  # 0: no callgrind profile
VARIETY_LINES=${BENCH_VARIETY_LINES:-1000000}  # 0: no "what the lines' variety costs"
RUNS=${BENCH_RUNS:-5}
OUT=${BENCH_OUT:-bench/RESULTS.md}
DATA=${BENCH_DATA:-/tmp/plan-bench}  # big ledgers stay out of the repository
BUILD=${BENCH_BUILD:-build-bench}  # another configured build folder is used as it is
PLAN_FILE=plans/wujiang-2018-2020.toml
AS_OF=2020-12-31
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

say() { printf '== %s\n' "$*" >&2; }

if [ "$BUILD" = build-bench ]; then
  say "building $BUILD (Release)"
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -G Ninja >/dev/null
fi
cmake --build "$BUILD" --target plan >/dev/null
BUILD_TYPE=$(sed -n "s/^CMAKE_BUILD_TYPE:STRING=//p" "$BUILD/CMakeCache.txt")
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}  # CMakeLists.txt's default
PLAN=$ROOT/$BUILD/plan

use_hyperfine() { [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; }
if [ -z "${BENCH_NO_HYPERFINE:-}" ] && ! command -v hyperfine >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  say "installing hyperfine"
  apt-get install -y hyperfine >/dev/null 2>&1 || say "could not install hyperfine; timing with a loop"
fi

# The ledgers: regenerated only when missing or made by another generator.
gen_hash=$(sha256sum bench/gen_ledger.py | cut -c1-16)
for n in $RSS_BASE $SIZES $CG_LINES $VARIETY_LINES; do
  [ "$n" = 0 ] && continue
  dir=$DATA/ledger-$n
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$n $gen_hash" ]; then
    say "generating $dir"
    rm -rf "$dir"
    python3 bench/gen_ledger.py "$n" "$dir"
    echo "$n $gen_hash" >"$dir/.stamp"
  fi
done

# The commands, by name. {DIR} and {FILES} are filled in per ledger.
# mawk/gawk both read "95.3%" as 95.3 and "done" as 0 in $3+0; lines that
# are blank or comments are skipped as plan skips them.
# shellcheck disable=SC2016  # $2 and $3 are awk's fields
AWK_PROG='!/^[ \t]*(#|$)/ { s[$2] += $3 } END { for (k in s) print k, s[k] }'
NAMES=("wc -l" "awk" "plan status" "plan status, 1 thread" "plan check" "plan report" "plan yoy"
  "plan import --dry-run")
PLANCMD="$BUILD/plan --plan $PLAN_FILE --records {DIR}"
TEMPLATES=(
  "wc -l {FILES} > /dev/null"
  "awk '$AWK_PROG' {FILES} > /dev/null"
  "$PLANCMD status --as-of $AS_OF --format json > /dev/null"
  "PLAN_THREADS=1 $PLANCMD status --as-of $AS_OF --format json > /dev/null"
  "$PLANCMD check > /dev/null 2>&1"
  "$PLANCMD report --period month --as-of $AS_OF > /dev/null"
  "$PLANCMD yoy --as-of $AS_OF --format json > /dev/null"
  "$PLANCMD import $WORK/import.csv --dry-run --add > /dev/null"
)
# A month's sheet of twelve rows for `plan import --dry-run`, which reads the
# whole ledger for duplicates and implausible figures before it would write.
# The bench ledgers have December's reports already: --add says that the
# sheet's figures add to them (without it import refuses a second figure
# for a period, and asks for --add or --replace).
{
  echo "日期,指标,数值,填报单位"
  for unit in 人社局 教育局 总工会 团委 妇联 残联; do
    echo "2020-12-15,jobs.urban_new,1777,$unit"
    echo "2020-12-15,training.new_entrants,977,$unit"
  done
} >"$WORK/import.csv"

fill() {  # template dir files
  local t=${1//\{DIR\}/$2}
  printf '%s' "${t//\{FILES\}/$3}"
}

# Times one command RUNS times after a warm-up; writes "name<TAB>median<TAB>
# stddev<TAB>min<TAB>median CPU (user+sys)" to stdout.
time_loop() {
  local name=$1 cmd=$2 i
  bash -c "$cmd"
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -f "%e %U %S" -o "$WORK/t" bash -c "$cmd"
    cat "$WORK/t"
  done | python3 -c '
import statistics, sys
rows = [[float(x) for x in l.split()] for l in sys.stdin if l.strip()]
t = [r[0] for r in rows]
cpu = statistics.median(r[1] + r[2] for r in rows)
print("\t".join(map(str, [sys.argv[1], statistics.median(t), statistics.pstdev(t), min(t), cpu])))
' "$name"
}

# Peak RSS (KiB) of a command run directly (no shell in between), the
# largest of three runs.
peak_rss() {
  local best=0 i kib
  for i in 1 2 3; do
    /usr/bin/time -f "%M" -o "$WORK/m" "$@" >/dev/null 2>&1 || true
    kib=$(tail -n1 "$WORK/m")
    ((kib > best)) && best=$kib
  done
  echo "$best"
}

# Peak RSS (KiB) of wc, awk and plan status, check and report over one
# ledger, tab-separated.
rss_row() {
  local dir=$1 files
  mapfile -t files < <(find "$dir" -name '*.rec' | LC_ALL=C sort)
  printf '%s\t%s\t%s\t%s\t%s' \
    "$(peak_rss wc -l "${files[@]}")" \
    "$(peak_rss awk "$AWK_PROG" "${files[@]}")" \
    "$(peak_rss "$PLAN" --plan "$PLAN_FILE" --records "$dir" status --as-of "$AS_OF" --format json)" \
    "$(peak_rss "$PLAN" --plan "$PLAN_FILE" --records "$dir" check)" \
    "$(peak_rss "$PLAN" --plan "$PLAN_FILE" --records "$dir" report --period month --as-of "$AS_OF")"
}

# Other work on the machine stretches wall times; the load is recorded so
# that a reader can tell, and CPU times are reported beside them.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WORK/summary.tsv"
: >"$WORK/log.tsv"
for n in $SIZES; do
  dir=$DATA/ledger-$n
  mapfile -t file_list < <(find "$dir" -name '*.rec' | LC_ALL=C sort)
  files="${file_list[*]}"  # for the command lines; paths hold no spaces
  lines=$(cat "${file_list[@]}" | wc -l)
  bytes=$(cat "${file_list[@]}" | wc -c)
  nfiles=${#file_list[@]}
  cmds=()
  for t in "${TEMPLATES[@]}"; do cmds+=("$(fill "$t" "$dir" "$files")"); done
  "$PLAN" --plan "$PLAN_FILE" status --records "$dir" --as-of "$AS_OF" --format csv >/dev/null ||
    { say "plan status failed on $dir"; exit 1; }
  "$PLAN" --plan "$PLAN_FILE" --records "$dir" import "$WORK/import.csv" --dry-run --add >/dev/null ||
    { say "plan import --dry-run refused $WORK/import.csv on $dir"; exit 1; }

  say "timing $n lines"
  if use_hyperfine; then
    args=()
    for i in "${!NAMES[@]}"; do args+=(-n "${NAMES[$i]}" "${cmds[$i]}"); done
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/h.json" "${args[@]}" >&2
    python3 -c '
import json, sys
import statistics
for r in json.load(open(sys.argv[1]))["results"]:
    # hyperfine keeps per-run user and system times; the median of their sum
    # is the CPU figure, as the median is the wall figure.
    cpu = statistics.median(u + s for u, s in zip(r["user_times"], r["system_times"])) \
        if "user_times" in r else r["user"] + r["system"]
    print("\t".join(map(str, [r["command"], r["median"], r["stddev"] or 0, r["min"], cpu])))
' "$WORK/h.json" >"$WORK/times-$n.tsv"
    timer="hyperfine $(hyperfine --version | cut -d' ' -f2), --warmup 1 --runs $RUNS"
  else
    : >"$WORK/times-$n.tsv"
    for i in "${!NAMES[@]}"; do time_loop "${NAMES[$i]}" "${cmds[$i]}" >>"$WORK/times-$n.tsv"; done
    timer="bash loop with /usr/bin/time, 1 warm-up + $RUNS runs"
  fi

  printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$lines" "$bytes" "$nfiles" "$(rss_row "$dir")" >>"$WORK/summary.tsv"
  # plan log lists every entry: its memory grows with them by design (its
  # held entries), so it has a table of its own. One run: it takes seconds.
  say "plan log --format csv, $n lines"
  /usr/bin/time -f "%e\t%U\t%S\t%M" -o "$WORK/m" \
    "$PLAN" --plan "$PLAN_FILE" --records "$dir" log --format csv >/dev/null 2>&1 ||
    { say "plan log failed on $dir"; exit 1; }
  printf '%s\t%s\n' "$lines" "$(tail -n1 "$WORK/m")" >>"$WORK/log.tsv"
  printf '%s\n' "${cmds[@]}" >"$WORK/cmds-$n.txt"
done
say "peak memory at $RSS_BASE lines"
printf '%s\n' "$(rss_row "$DATA/ledger-$RSS_BASE")" >"$WORK/rss-base.tsv"

# Instructions per line (callgrind counts them exactly, whatever the load).
: >"$WORK/callgrind.tsv"
if [ "$CG_LINES" != 0 ] && command -v valgrind >/dev/null; then
  dir=$DATA/ledger-$CG_LINES
  lines=$(find "$dir" -name '*.rec' -exec cat {} + | wc -l)
  for cmd in "status --as-of $AS_OF --format json" "check" "report --period month --as-of $AS_OF"; do
    say "callgrind: plan $cmd"
    # shellcheck disable=SC2086  # $cmd is words
    valgrind --tool=callgrind --callgrind-out-file="$WORK/cg.out" \
      "$PLAN" --plan "$PLAN_FILE" --records "$dir" $cmd >/dev/null 2>&1 || true
    ir=$(callgrind_annotate "$WORK/cg.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }')
    printf 'plan %s\t%s\t%s\n' "${cmd%% *}" "$ir" "$lines" >>"$WORK/callgrind.tsv"
  done
fi

# What the lines' variety costs: CPU per line of `plan status` on one
# thread, over the ledger and over copies with its variety taken out
# (bench/flatten.py), each run in turn so that drift hits all alike, and
# the least of the runs taken: other work only ever adds to a run's CPU.
: >"$WORK/variety.tsv"
if [ "$VARIETY_LINES" != 0 ]; then
  dir=$DATA/ledger-$VARIETY_LINES
  say "variety: flattening $dir"
  mkdir -p "$WORK/empty"
  python3 bench/flatten.py tags "$dir" "$WORK/flat-tags"
  python3 bench/flatten.py all "$dir" "$WORK/flat-all"
  lines=$(find "$dir" -name '*.rec' -exec cat {} + | wc -l)
  # The empty ledger is read as of the day before the plan starts, when it
  # owes nothing: as of AS_OF it would owe every report, and the JSON that
  # lists them all cost more than the start-up it stands for.
  start=$(sed -n 's/^start = \([0-9-]*\).*/\1/p' "$PLAN_FILE" | head -n 1)
  before=$(date -u -d "$start -1 day" +%F)
  say "variety: timing"
  PLAN_THREADS=1 python3 - "$((RUNS * 4))" "$lines" "$PLAN" "$PLAN_FILE" "$AS_OF" "$before" \
    "$WORK/empty" "$dir" "$WORK/flat-tags" "$WORK/flat-all" >"$WORK/variety.tsv" <<'PY'
import os, sys
runs, lines, plan, plan_file, as_of, before = int(sys.argv[1]), int(sys.argv[2]), *sys.argv[3:7]
dirs = sys.argv[7:]
def cpu(args):  # user + system seconds of one run, from the kernel's accounting
    # posix_spawn, not fork: a forked child's copy of this Python process's
    # page tables, before its exec, would count to the child (6 ms here).
    pid = os.posix_spawn(plan, [plan] + args, os.environ,
                         file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)])
    _, status, ru = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"plan {' '.join(args)} failed")
    return ru.ru_utime + ru.ru_stime
def status(d, day):
    return ["--plan", plan_file, "--records", d, "status", "--as-of", day, "--format", "json"]
runs_of = {"version": ["--version"], "empty": status(dirs[0], before)}
runs_of.update({name: status(d, as_of) for name, d in zip(["ledger", "tags", "all"], dirs[1:])})
for args in runs_of.values():
    cpu(args)  # warm-up
times = {name: [] for name in runs_of}
for _ in range(runs):
    for name, args in runs_of.items():
        times[name].append(cpu(args))
empty = min(times["empty"])
for name in runs_of:
    least = min(times[name])
    per_line = (least - empty) / lines * 1e9 if name not in ("version", "empty") else 0
    print(f"{name}\t{least}\t{per_line}\t{lines}")
PY
fi

# Whether `plan check` reads the records at all (early versions linted only
# the plan): one bad line must make it fail.
mkdir -p "$WORK/bad"
echo "2019-01-01  no.such.id  1" >"$WORK/bad/x.rec"
if "$PLAN" --plan "$PLAN_FILE" check --records "$WORK/bad" >/dev/null 2>&1; then
  check_reads="no: it passed a ledger with an unknown id, so its time is the plan lint alone"
else
  check_reads="yes"
fi

say "writing $OUT"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
export BUILD_TYPE DATA ROOT WORK SIZES RUNS AS_OF PLAN_FILE BUILD timer check_reads load_before load_after RSS_BASE
python3 - "$OUT" <<'PY'
import os, platform, subprocess, sys, datetime

def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"

work = os.environ["WORK"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
summary = [l.rstrip("\n").split("\t") for l in open(f"{work}/summary.tsv")]

out = []
w = out.append
w("# Benchmark results\n")
w("Written by `bench/run.sh` (see bench/README.md). SPEC §7: *one streaming pass over the")
w("records, memory independent of their number; the benchmark measures it against awk and")
w("wc -l.*\n")
w("## Machine\n")
w(f"- date: {datetime.datetime.now().astimezone().strftime('%Y-%m-%d %H:%M %Z')}")
w(f"- CPU: {cpu}, nproc {os.cpu_count()}; RAM {int(mem) // 1024} MiB")
w(f"- kernel: {platform.release()}; compiler: {sh('c++ --version | head -n1')}")
w(f"- awk: {sh('readlink -f $(command -v awk)')} ({sh('awk -W version 2>&1 | head -n1')})")
w(f"- plan: commit {sh('git rev-parse --short HEAD')}, `{os.environ['BUILD']}` built with "
  f"CMAKE_BUILD_TYPE={os.environ['BUILD_TYPE']}")
w(f"- timing: {os.environ['timer']}; warm page cache (the ledger is read once before timing)")
w(f"- load average (1, 5, 15 min): {os.environ['load_before']} before, "
  f"{os.environ['load_after']} after, on {os.cpu_count()} CPUs\n")
w("Figures are medians of the runs. Wall times suffer when other work shares the CPUs,")
w("so the load average is given; CPU time (user + system) suffers much less. The goals of")
w("issue 13: `plan status` at least 8× faster than awk and within 4× of `wc -l` in wall")
w("time; check, report and yoy within 1.5× of status. The commands read the 48 files with")
w("one thread per core (PLAN_THREADS unset); `plan status, 1 thread` is PLAN_THREADS=1.")
w("`plan import --dry-run` judges a sheet of 12 rows against the whole ledger (duplicates,")
w("implausible figures), as `plan record` does for one figure, and writes nothing.\n")

for row in summary:
    n, lines, nbytes, nfiles = row[0], int(row[1]), int(row[2]), row[3]
    times = [l.rstrip("\n").split("\t") for l in open(f"{work}/times-{n}.tsv")]
    wall = {name: float(med) for name, med, _, _, _ in times}
    w(f"## {lines:,} lines ({nbytes / 1e6:.0f} MB in {nfiles} files)\n")
    w("| command | wall median ± sd | wall min | CPU | lines/s | awk ÷ this | × wc -l | × status |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|")
    per = lambda x, y, f: format(x / y, f) if y > 0 else "—"  # a timer's 0.00 s
    for name, med, sd, mn, cpu in times:
        med, sd, mn, cpu = float(med), float(sd), float(mn), float(cpu)
        plan_cmd = name.startswith("plan")
        w(f"| {name} | {med:.3f} ± {sd:.3f} s | {mn:.3f} s | {cpu:.3f} s | "
          f"{per(lines / 1e6, med, '.1f')} M | {per(wall['awk'], med, '.1f')} | "
          f"{per(med, wall['wc -l'], '.1f')} | "
          f"{per(med, wall['plan status'], '.2f') if plan_cmd else ''} |")
    w("")

base = open(f"{work}/rss-base.tsv").read().split()
w("## Peak memory (max RSS, KiB, largest of 3 runs)\n")
w("| lines | wc -l | awk | plan status | plan check | plan report |")
w("|---:|---:|---:|---:|---:|---:|")
w(f"| {int(os.environ['RSS_BASE']):,} | " + " | ".join(f"{int(x):,}" for x in base) + " |")
for row in summary:
    w(f"| {int(row[1]):,} | " + " | ".join(f"{int(x):,}" for x in row[4:9]) + " |")
w("")
big = summary[-1]
w(f"Growth from {int(os.environ['RSS_BASE']):,} to {int(big[1]):,} lines (goal: under 8 MiB = 8,192 KiB): "
  + ", ".join(f"{name} {int(big[4 + k]) - int(base[k]):+,} KiB"
              for k, name in [(2, "status"), (3, "check"), (4, "report")]) + ".\n")

w("## plan log --format csv (one run)\n")
w("`plan log` lists every entry in date order, so it holds them: some 100 bytes each")
w("(LogEntries), and the CSV is written a thousand rows at a time. Its memory grows with")
w("the entries by design; a workbook, made whole, takes some 4 KB an entry.\n")
w("| lines | wall | CPU | max RSS | RSS per line |")
w("|---:|---:|---:|---:|---:|")
for l in open(f"{work}/log.tsv"):
    nl, wall, user, system, kib = l.split()
    w(f"| {int(nl):,} | {float(wall):.2f} s | {float(user) + float(system):.2f} s | "
      f"{int(kib):,} KiB | {int(kib) * 1024 / int(nl):,.0f} B |")
w("")

cg = [l.rstrip("\n").split("\t") for l in open(f"{work}/callgrind.tsv") if l.strip()]
if cg:
    w(f"## Instructions per line (callgrind, {int(cg[0][2]):,} lines)\n")
    w("Counted by `valgrind --tool=callgrind` on the same build: the whole run (start-up,")
    w("plan loading, output) divided by the ledger's lines. Before issue 13 (commit afe4bcf)")
    w("`plan status` took about 3,900 instructions per line.\n")
    w("| command | instructions | per line |")
    w("|---|---:|---:|")
    for name, ir, nl in cg:
        if ir:
            w(f"| {name} | {int(ir):,} | {int(ir) / int(nl):,.0f} |")
    w("")

variety = {l.split("\t")[0]: l.rstrip("\n").split("\t")[1:] for l in open(f"{work}/variety.tsv") if l.strip()}
if variety:
    n = int(variety["ledger"][2])
    w(f"## What the lines' variety costs ({n:,} lines, one thread)\n")
    w("CPU time (user + system, least of the runs) of `plan status --format json` with")
    w("PLAN_THREADS=1, less that of an empty ledger read as of the day before the plan (which")
    w("owes nothing), per line: over the ledger, and over copies of it with its")
    w("variety taken out by `bench/flatten.py` (the same lines with each file's entries given")
    w("the tags of its first entry; then also its date and id). The last row is what this")
    w("reader costs when every line of a file looks alike to the processor but for its value.\n")
    w("| ledger | CPU | per line |")
    w("|---|---:|---:|")
    w(f"| `plan --version` (the process and its libraries) | {float(variety['version'][0]) * 1000:.1f} ms | |")
    w(f"| empty, as of the day before the plan (start-up, plan, output) | {float(variety['empty'][0]) * 1000:.1f} ms | |")
    for key, name in [("ledger", "as generated"), ("tags", "one tag text a file"),
                      ("all", "one date, id and tag text a file")]:
        w(f"| {name} | {float(variety[key][0]) * 1000:.1f} ms | {float(variety[key][1]):.0f} ns |")
    w("")
    big_n, big_lines = summary[-1][0], int(summary[-1][1])
    awk = next(float(t.split("\t")[1]) for t in open(f"{work}/times-{big_n}.tsv")
               if t.startswith("awk\t"))
    w(f"For scale: 8× faster than awk at {big_lines:,} lines is {awk / 8:.3f} s of wall time, "
      f"or at most {awk / 8 * os.cpu_count() / big_lines * 1e9:.0f} ns of CPU a line on "
      f"{os.cpu_count()} fully used CPUs, start-up included.\n")

w("## Commands\n")
w("Ledgers: `python3 bench/gen_ledger.py N $BENCH_DATA/ledger-N` (deterministic). "
  "`{FILES}` is the ledger's .rec files in byte-wise path order.\n")
w("```")
first = summary[0][0]
files_marker = None
for c in open(f"{work}/cmds-{first}.txt"):
    c = c.rstrip("\n")
    # Show the file list once, not 48 paths per command.
    i = c.find(f"{os.environ['DATA']}/ledger-{first}/")
    if " > /dev/null" in c and c.startswith(("wc", "awk")) and i >= 0:
        c = c[:i] + "{FILES}" + c[c.index(" > /dev/null"):]
    w(c)
w("```\n")
w("Peak memory: `/usr/bin/time -f %M` around the same commands, run directly (no shell).\n")
w(f"Does `plan check` read the records at this commit? {os.environ['check_reads']}.")
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
say "done: $OUT"
