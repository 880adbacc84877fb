#!/usr/bin/env python3
"""Writes a large synthetic ledger for the benchmark.

    python3 bench/gen_ledger.py LINES OUTDIR [--plan plans/wujiang-2018-2020.toml]

LINES lines in all (entries, plus about 2 % comment and blank lines), in
canonical form (format_entry in src/record.cpp), valid against the plan:
each unit files the indicators it reports and the ad hoc ones, numbers for
flows and levels (with % for % indicators), done/undone for milestones
(fewer of them: they have two states only), dates inside the plan period,
and no two entries of a file with the same date, id and value, so `plan
check` finds nothing to warn about.
Tags: by= on every entry, src= on half, note= on one in ten (some quoted,
some with \\" escapes), an extra key now and then; a trailing comment on
about one line in a hundred.

The lines are spread over one file per reporting unit and year in nested
folders, as records/ is (OUTDIR/hrss/2019.rec, OUTDIR/towns/fenhu/2020.rec,
...), dates ascending within each file, as an append-only ledger grows.

Deterministic (fixed seed, standard library only): the same LINES give the
same bytes. Figures are random and mean nothing.
"""

import argparse
import datetime
import os
import random
import sys
import tomllib

SEED = 7
# Reporting units and their share of the lines; folder names as in records/.
UNITS = [
    ("hrss", "人社局", 30),
    ("education", "教育局", 4),
    ("training_centre", "太培中心", 8),
    ("union", "总工会", 4),
    ("disabled_fed", "残联", 2),
    ("womens_fed", "妇联", 2),
    ("youth_league", "团委", 2),
    ("gov_office", "政府办", 1),
    ("towns/kaifaqu", "吴江开发区", 9),
    ("towns/shengze", "吴江高新区", 8),
    ("towns/fenhu", "汾湖高新区", 7),
    ("towns/taihu_xincheng", "太湖新城", 6),
    ("towns/zhenze", "震泽镇", 4),
    ("towns/pingwang", "平望镇", 4),
    ("towns/taoyuan", "桃源镇", 4),
    ("towns/qidu", "七都镇", 4),
]
SOURCES = ["月报", "季报", "年报", "快报"]
NOTES = [
    "一季度快报",
    "更正：重复统计",
    "含上月补报",
    "Q2 figures, revised",  # has a space: quoted
    'ref "2019-07" batch',  # quotes: escaped
    "按区镇汇总",
    "数据来源：业务系统导出",
]


def reported_indicators(plan, indicators):
    """Per reporting unit, the indicators it files: the scheduled ones it is a
    reporter of (as src/plan_loader.cpp decides: `reported_by` with groups
    expanded, else the lead units that are reporters) and every ad hoc one
    (milestones, frequency "ad-hoc"), which owe no report. A unit filing a
    scheduled indicator it does not report is what `plan check` warns about."""
    reporters = [r["name"] for r in plan.get("reporter", [])]
    groups = {}
    for r in plan.get("reporter", []):
        if "group" in r:
            groups.setdefault(r["group"], []).append(r["name"])
    default = plan.get("schedule", {}).get("frequency", "ad-hoc")
    files_of = {by: [] for _, by, _ in UNITS}
    for table, entry in zip(plan["indicator"], indicators):
        frequency = "ad-hoc" if table["kind"] == "milestone" else table.get("frequency", default)
        if frequency == "ad-hoc":
            who = list(files_of)
        elif "reported_by" in table:
            who = [m for n in table["reported_by"] for m in groups.get(n, [n])]
        else:
            who = [u for u in table.get("lead", []) if u in reporters]
        if not who:  # no reporter is asked for it: anyone's figure is fine
            who = list(files_of)
        for by in who:
            if by in files_of:
                files_of[by].append(entry)
    return files_of


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lines", type=int, help="number of lines to write")
    ap.add_argument("outdir", help="folder to write into (created)")
    ap.add_argument("--plan", default=os.path.join(root, "plans", "wujiang-2018-2020.toml"))
    args = ap.parse_args()

    with open(args.plan, "rb") as f:
        plan = tomllib.load(f)
    start, end = plan["plan"]["start"], plan["plan"]["end"]
    indicators = [(i["id"], i["kind"], i.get("unit", "")) for i in plan["indicator"]]
    files_of = reported_indicators(plan, indicators)
    years = list(range(start.year, end.year + 1))

    rng = random.Random(SEED)
    total_weight = sum(w for _, _, w in UNITS)
    files = [(folder, by, y, w) for folder, by, w in UNITS for y in years]
    # Lines per file, summing exactly to args.lines.
    counts = [args.lines * w // (total_weight * len(years)) for _, _, _, w in files]
    for i in range(args.lines - sum(counts)):
        counts[i % len(counts)] += 1

    written = 0
    for (folder, by, year, _), n in zip(files, counts):
        if n == 0:
            continue
        first = max(datetime.date(year, 1, 1), start)
        last = min(datetime.date(year, 12, 31), end)
        days = (last - first).days + 1
        path = os.path.join(args.outdir, folder, f"{year}.rec")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        out = [f"# {by} {year} — synthetic benchmark ledger (bench/gen_ledger.py), not data\n"]
        by_tag = f"by={by}"
        dates = [(first + datetime.timedelta(days=k)).isoformat() for k in range(days)]
        today, seen = None, set()
        for i in range(1, n):
            r = rng.random()
            if r < 0.01:
                out.append("\n")
                continue
            if r < 0.02:
                out.append(f"# batch {i}\n")
                continue
            date = dates[i * days // n]  # ascending through the year
            if date != today:
                today, seen = date, set()
            # No two entries of a file share date, id and value: `plan check`
            # would warn about a suspected double entry, and a benchmark
            # ledger should be clean. Milestones are rarer than in the plan
            # (two states only), and a clash draws again.
            mine = files_of[by] or indicators  # a unit of another plan
            while True:
                ind, kind, unit = mine[rng.randrange(len(mine))]
                if kind == "milestone":
                    if rng.random() < 0.9:
                        continue
                    value = "done" if rng.random() < 0.9 else "undone"
                elif kind in ("floor", "cap"):
                    if unit == "%":
                        value = f"{rng.randint(8000, 10000) / 100:g}%"
                    else:
                        value = f"{rng.randint(300, 500) / 100:g}"
                elif rng.random() < 0.01:
                    value = str(-rng.randint(1, 200))  # a correction
                else:
                    # Within a factor 100 of each other: `plan check` doubts an
                    # increment 100 times off the indicator's others.
                    value = str(rng.randint(21, 2000))
                if (ind, value) not in seen:
                    seen.add((ind, value))
                    break
            parts = [date, ind, value, by_tag]
            if rng.random() < 0.5:
                parts.append("src=" + SOURCES[rng.randrange(len(SOURCES))])
            if rng.random() < 0.1:
                note = NOTES[rng.randrange(len(NOTES))]
                if " " in note or '"' in note:
                    note = '"' + note.replace("\\", "\\\\").replace('"', '\\"') + '"'
                parts.append("note=" + note)
            if rng.random() < 0.02:
                parts.append(f"ref=R{rng.randint(1000, 9999)}")
            line = "  ".join(parts)
            if rng.random() < 0.01:
                line += "  # checked"
            out.append(line + "\n")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(out))
        written += n
    print(f"{written} lines in {sum(1 for c in counts if c)} files under {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
