#!/usr/bin/env python3
"""Writes the illustrative sample records shipped in records/.

The figures are made up. They are shaped like what Wujiang's departments
would report against plans/wujiang-2018-2020.toml from 2018-01 to 2020-12,
so that every status of `plan status` shows up at 2019-06-30, 2020-12-31 and
2021-01-31 (records/README.md tells the story). They are not official
statistics.

Deterministic: a fixed seed and the standard library only, so rerunning it
gives the same bytes. Lines are in canonical form (format_entry in
src/record.cpp): DATE, ID, VALUE and tags separated by two spaces.

    python3 tools/gen_sample_records.py            # rewrites records/
    python3 tools/gen_sample_records.py --out DIR  # writes elsewhere
"""

import argparse
import calendar
import datetime
import os
import random
import shutil
import sys
import tomllib

SEED = 20180828  # the plan's issue date
YEARS = (2018, 2019, 2020)

# Reporting units: folder below records/ -> the name in by=. Folders are
# ASCII so that paths survive every tool and file system; the README maps
# them back.
UNITS = {
    "hrss": "人社局",
    "education": "教育局",
    "training_centre": "太培中心",
    "union": "总工会",
    "disabled_fed": "残联",
    "womens_fed": "妇联",
    "youth_league": "团委",
    "gov_office": "政府办",
}

# The eight 区镇 (towns and development zones), each in records/towns/<slug>/,
# with its rough share of the district's figures.
TOWNS = [
    ("kaifaqu", "吴江开发区", 0.22),
    ("shengze", "吴江高新区", 0.18),
    ("fenhu", "汾湖高新区", 0.16),
    ("taihu_xincheng", "太湖新城", 0.14),
    ("zhenze", "震泽镇", 0.08),
    ("pingwang", "平望镇", 0.08),
    ("taoyuan", "桃源镇", 0.07),
    ("qidu", "七都镇", 0.07),
]
TOWN_FOLDER = {name: "towns/" + slug for slug, name, _ in TOWNS}
UNIT_FOLDER = {name: folder for folder, name in UNITS.items()}
UNIT_FOLDER.update(TOWN_FOLDER)

# Indicators measured in %: their readings carry the sign.
PERCENT = {
    "platform.street_rate",
    "platform.community_rate",
    "unemployment.rate",
    "graduates.employment_rate",
    "graduates.registration_rate",
    "graduates.service_rate",
    "veterans.placement_rate",
    "training.graduate_pass_rate",
}

# Share of a year's flow per month / quarter. Spring Festival empties
# February; in 2020 the epidemic empties February and March and the rest of
# the year makes up part of it.
MONTH_WEIGHTS = [8, 5, 9.5, 9, 9, 9, 9, 8, 9, 7.5, 8.5, 8.5]
MONTH_WEIGHTS_2020 = [8, 2, 5, 8, 9, 9.5, 9.5, 9, 10, 9, 10, 11]
QUARTER_WEIGHTS = [23, 27, 26, 24]
QUARTER_WEIGHTS_2020 = [16, 27, 29, 28]
HALF_WEIGHTS = [45, 55]

rng = random.Random(SEED)
entries = []  # (folder, date, seq, line)


def d(text):
    return datetime.date.fromisoformat(text)


def month_end(year, month):
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def fmt_value(ind, value):
    if value in ("done", "undone"):
        return value
    text = str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + ("%" if ind in PERCENT else "")


def needs_quotes(v):
    """Mirrors needs_quotes in src/record.cpp."""
    if not v:
        return True
    return any(ord(c) <= 0x20 or c in '\x7f"\\#=\u3000' for c in v)


def fmt_tag(key, v):
    if not needs_quotes(v):
        return f"{key}={v}"
    esc = v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return f'{key}="{esc}"'


def add(date, ind, value, by, src=None, note=None, folder=None):
    if isinstance(date, str):
        date = d(date)
    assert datetime.date(2018, 1, 1) <= date <= datetime.date(2020, 12, 31), (date, ind)
    tags = [("by", by)]
    if src:
        tags.append(("src", src))
    if note:
        tags.append(("note", note))
    line = "  ".join([date.isoformat(), ind, fmt_value(ind, value)] + [fmt_tag(k, v) for k, v in tags])
    entries.append((folder or UNIT_FOLDER[by], date, len(entries), line))


def split(total, weights, jitter=0.12):
    """Integer parts of `total` in proportion to jittered weights, summing exactly."""
    w = [x * rng.uniform(1 - jitter, 1 + jitter) for x in weights]
    s = sum(w)
    raw = [total * x / s for x in w]
    parts = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def periods(year, freq):
    """(report date, weights) per period of `year`."""
    if freq == "M":
        w = MONTH_WEIGHTS_2020 if year == 2020 else MONTH_WEIGHTS
        return [month_end(year, m) for m in range(1, 13)], w
    if freq == "Q":
        w = QUARTER_WEIGHTS_2020 if year == 2020 else QUARTER_WEIGHTS
        return [month_end(year, m) for m in (3, 6, 9, 12)], w
    if freq == "H":
        return [month_end(year, 6), month_end(year, 12)], HALF_WEIGHTS
    raise ValueError(freq)


SRC = {"M": "月报", "Q": "季报", "H": "半年报"}
FREQUENCY = {"M": "monthly", "Q": "quarterly", "H": "half-yearly"}

# The plan's reporting schedule ([schedule], [[reporter]], plan-file(5)):
# every flow below is written at the frequency and by the reporters the plan
# names, so that `plan due` finds every report of the sample in.
PLAN_FILE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                         "plans", "wujiang-2018-2020.toml")
with open(PLAN_FILE, "rb") as _f:
    PLAN = tomllib.load(_f)
PLAN_INDICATORS = {i["id"]: i for i in PLAN["indicator"]}


def plan_schedule(ind):
    """(frequency, reporters) of `ind` as the plan file says."""
    spec = PLAN_INDICATORS[ind]
    freq = spec.get("frequency", PLAN.get("schedule", {}).get("frequency", "ad-hoc"))
    names = spec.get("reported_by", spec.get("lead", []))
    reporters = set()
    for r in PLAN.get("reporter", []):
        if r["name"] in names or r.get("group") in names:
            reporters.add(r["name"])
    return freq, reporters


def flow(ind, per_year, reporters, freq, late=None):
    """A flow reported per period.

    per_year:  {year: district total of the year}
    reporters: [(by, share)] -- shares are jittered, the year total is exact
    late:      {(by, year, period index): days} -- that report came in late
    """
    late = late or {}
    freq_in_plan, reporters_in_plan = plan_schedule(ind)
    assert freq_in_plan == FREQUENCY[freq], (ind, freq_in_plan, freq)
    assert {by for by, _ in reporters} == reporters_in_plan, (ind, reporters_in_plan)
    for year in YEARS:
        shares = split(per_year[year], [s for _, s in reporters], jitter=0.08)
        for (by, _), amount in zip(reporters, shares):
            dates, weights = periods(year, freq)
            for i, (date, part) in enumerate(zip(dates, split(amount, weights))):
                note = None
                days = late.get((by, year, i))
                if days:
                    note = f"补报{date.month}月数据" if freq == "M" else "迟报"
                    date = date + datetime.timedelta(days=days)
                add(date, ind, part, by, src=SRC[freq], note=note)


def towns(scale=1.0):
    return [(name, share * scale) for _, name, share in TOWNS]


# ---------------------------------------------------------------------------
# Flows reported period by period.

# 城镇新增就业: 人社局's monthly figure. 2018 and 2019 beat the 17,000 split;
# 2020 falls short of its split (the epidemic dips below the expected line
# from March to May) but December's figure carries the three-year total past
# 51,000.
flow("jobs.urban_new", {2018: 17650, 2019: 18230, 2020: 16050}, [("人社局", 1)], "M")
# Towns report re-employment, hardship placements and graduate posts monthly;
# one town's May 2019 report came in a week late.
late = {("平望镇", 2019, 4): 8}
flow("jobs.reemployed", {2018: 4310, 2019: 4235, 2020: 3940}, towns(), "M", late)
flow("jobs.hardship_employed", {2018: 5260, 2019: 5145, 2020: 4830}, towns(), "M", late)
flow("graduates.posts", {2018: 9120, 2019: 8960, 2020: 7240}, towns(), "M", late)
flow("startup.self_employed", {2018: 1930, 2019: 2040, 2020: 1950}, towns(), "M", late)
flow("jobs.public_welfare_posts", {2018: 940, 2019: 910, 2020: 880}, towns(), "Q")
flow("startup.rural", {2018: 372, 2019: 365, 2020: 341}, towns(), "Q")
flow("startup.communities", {2018: 64, 2019: 61, 2020: 58}, towns(), "H")

flow("skills.new", {2018: 6430, 2019: 6610, 2020: 5980}, [("人社局", 1)], "M")
flow("skills.high_new", {2018: 2140, 2019: 2230, 2020: 2010}, [("人社局", 1)], "M")
flow("startup.graduates", {2018: 251, 2019: 262, 2020: 236}, [("人社局", 1)], "Q")
flow("graduates.internships", {2018: 120, 2019: 135, 2020: 110}, [("人社局", 1)], "Q")
flow("training.family_service", {2018: 640, 2019: 720, 2020: 690}, [("人社局", 1)], "Q")
flow(
    "training.enterprise_staff",
    {2018: 17240, 2019: 16930, 2020: 14130},
    [("人社局", 0.8), ("总工会", 0.2)],
    "Q",
)
# 太培中心 runs most employment training; 残联 trains disabled job seekers.
flow("training.urban_rural", {2018: 3360, 2019: 3240, 2020: 2920}, [("太培中心", 0.93), ("残联", 0.07)], "M")
flow("training.new_entrants", {2018: 1080, 2019: 1050, 2020: 960}, [("太培中心", 1)], "M")
# New-generation migrant workers: the one training line that lags all along.
flow("training.migrant_workers", {2018: 1420, 2019: 1380, 2020: 1210}, [("太培中心", 1)], "M")
# Start-up training: 妇联 runs courses for women; 2020 loses a quarter of
# classes and the total ends short of 2,400.
flow("training.startup", {2018: 760, 2019: 830, 2020: 720}, [("人社局", 0.85), ("妇联", 0.15)], "Q")

# Corrections: a figure counted twice is taken back by a negative line
# after the fact; the earlier line is never edited.
def correction(date, ind, amount, by, note):
    # The double count went into the report just before the correction.
    for i in range(len(entries) - 1, -1, -1):
        folder, edate, seq, line = entries[i]
        parts = line.split("  ")
        if parts[1] == ind and f"by={by}" in parts[3:] and edate < d(date):
            value = int(parts[2]) + amount
            parts[2] = str(value)
            entries[i] = (folder, edate, seq, "  ".join(parts))
            break
    add(date, ind, -amount, by, note=note)


# ---------------------------------------------------------------------------
# Flows that move in a few events: accreditations, awards, openings.

def events(ind, items):
    assert plan_schedule(ind)[0] == "ad-hoc", ind  # counted when it happens
    for date, amount, by, note in items:
        add(date, ind, amount, by, note=note)


events("hr.agencies_in_park", [
    ("2019-04-18", 1, "人社局", "首家全国性人力资源服务机构入驻人力资源产业园"),
    ("2020-09-25", 1, "人社局", "第二家入园，达到区间上限"),
])
events("startup.zone_provincial", [
    ("2018-11-20", 1, "人社局", "汾湖高新区获评省级创业型园区"),
])
events("startup.streets", [
    ("2018-12-14", 2, "人社局", "盛泽镇、震泽镇获评"),
    ("2019-06-28", 1, "人社局", "平望镇获评"),
    ("2020-11-26", 1, "人社局", "七都镇获评"),
])
# One provincial incubation base a year was the plan; 2019's application
# failed, so the line stays behind from mid-2019 to the end.
events("incubator.provincial", [
    ("2018-12-20", 1, "人社局", "吴江开发区创业园获评"),
    ("2020-10-16", 1, "人社局", "汾湖高新区创业园获评"),
])
events("incubator.city", [
    ("2018-06-29", 1, "人社局", None),
    ("2018-12-20", 2, "人社局", None),
    ("2019-06-27", 2, "人社局", None),
    ("2019-12-19", 2, "人社局", None),
    ("2020-12-17", 3, "人社局", "年末集中认定"),
])
events("incubator.one_stop", [
    ("2018-09-28", 2, "人社局", None),
    ("2019-05-30", 2, "人社局", None),
    ("2019-10-31", 1, "人社局", None),
    ("2020-06-30", 1, "人社局", None),
    ("2020-11-30", 2, "人社局", None),
])
# Youth awards are given each May (五四).
events("startup.youth_stars_city", [
    ("2018-05-04", 2, "团委", "市青年创业标兵评选"),
    ("2019-05-04", 2, "团委", "市青年创业标兵评选"),
    ("2020-05-08", 3, "团委", "市青年创业标兵评选"),
])
events("startup.youth_talents_district", [
    ("2018-05-04", 10, "团委", "区青年创业能手评选"),
    ("2019-05-04", 12, "团委", "区青年创业能手评选"),
    ("2020-05-08", 10, "团委", "区青年创业能手评选"),
])
events("graduates.grassroots_posts", [
    ("2018-06-29", 12, "人社局", None),
    ("2018-09-28", 18, "人社局", None),
    ("2019-03-29", 16, "人社局", None),
    ("2019-09-27", 14, "人社局", None),
    ("2020-06-30", 15, "人社局", None),
    ("2020-10-30", 15, "人社局", None),
])
events("skills.gusu_leaders", [
    ("2018-10-26", 1, "人社局", "第一批姑苏高技能领军人才"),
    ("2019-05-24", 1, "人社局", None),
    ("2020-11-20", 2, "人社局", "达到3-5人区间"),
])
events("skills.enterprise_colleges", [
    ("2018-07-20", 1, "人社局", None),
    ("2018-12-21", 1, "人社局", None),
    ("2019-04-26", 1, "人社局", None),
    ("2019-11-29", 2, "人社局", None),
    ("2020-12-11", 2, "人社局", None),
])
# Enterprise self-assessment pilots: accredited in batches, never quite fast
# enough; 46 of 50 by the end.
events("masters.pilot_units", [
    ("2018-06-29", 5, "人社局", "第一批"),
    ("2018-12-28", 7, "人社局", "第二批"),
    ("2019-06-28", 9, "人社局", "第三批"),
    ("2019-12-27", 9, "人社局", "第四批"),
    ("2020-08-28", 7, "人社局", "第五批"),
    ("2020-12-25", 9, "人社局", "第六批"),
])
events("masters.contests", [
    ("2018-04-27", 3, "人社局", None),
    ("2018-06-29", 2, "总工会", "职工技能竞赛"),
    ("2018-09-28", 4, "人社局", None),
    ("2018-11-30", 2, "总工会", "职工技能竞赛"),
    ("2019-04-26", 3, "人社局", None),
    ("2019-06-28", 3, "总工会", "职工技能竞赛"),
    ("2019-10-25", 4, "人社局", None),
    ("2019-11-29", 2, "总工会", "职工技能竞赛"),
    ("2020-07-31", 2, "人社局", "上半年竞赛顺延"),
    ("2020-10-30", 3, "人社局", None),
    ("2020-11-27", 3, "总工会", "职工技能竞赛"),
])
events("masters.technical_experts", [
    ("2018-12-28", 32, "人社局", "年度吴江区技术能手"),
    ("2019-12-27", 35, "人社局", "年度吴江区技术能手"),
    ("2020-12-25", 36, "人社局", "年度吴江区技术能手"),
])
events("masters.studios_district", [
    ("2018-06-29", 2, "人社局", None),
    ("2018-12-28", 3, "人社局", None),
    ("2019-06-28", 3, "人社局", None),
    ("2019-12-27", 3, "人社局", None),
    ("2020-09-25", 2, "人社局", None),
    ("2020-12-25", 3, "人社局", None),
])
events("masters.studios_provincial", [
    ("2019-03-22", 1, "人社局", "提前完成"),
])
events("masters.studios_city", [
    ("2018-11-30", 2, "人社局", None),
    ("2019-05-31", 1, "人社局", None),
    ("2019-11-29", 1, "人社局", None),
    ("2020-11-27", 2, "人社局", None),
])
events("masters.chief_technicians", [
    ("2018-10-31", 2, "人社局", None),
    ("2019-06-20", 2, "人社局", None),
    ("2020-10-30", 2, "人社局", None),
])
events("bases.high_skill_provincial", [
    ("2019-05-17", 1, "人社局", "提前完成"),
])
events("bases.special_training_provincial", [
    ("2020-09-18", 1, "人社局", None),
])
events("bases.public_training_city", [
    ("2018-12-21", 1, "人社局", None),
    ("2019-12-20", 1, "人社局", None),
    ("2020-08-21", 1, "人社局", None),
])
events("bases.technical_school", [
    ("2020-07-24", 1, "人社局", "民办职业培训学校升格技工学校"),
])

correction("2019-07-15", "jobs.urban_new", 120, "人社局", "更正：重复统计")
correction("2020-04-10", "training.enterprise_staff", 86, "总工会", "更正：重复统计")
correction("2018-10-12", "graduates.posts", 35, "七都镇", "更正：9月岗位重复录入")

# ---------------------------------------------------------------------------
# Levels: readings, the latest counts.

def readings(ind, items, by="人社局", src="年报"):
    freq, reporters = plan_schedule(ind)
    assert freq == {"年报": "yearly", "季报": "quarterly"}[src], (ind, freq, src)
    assert reporters == {by}, (ind, reporters)
    for date, value, *note in items:
        add(date, ind, value, by, src=src, note=note[0] if note else None)


readings("platform.street_rate", [("2018-12-31", 100), ("2019-12-31", 100), ("2020-12-31", 100)])
# Community platforms lag the 2018 threshold of 95 % and catch up in 2019.
readings("platform.community_rate", [
    ("2018-12-31", 92.4),
    ("2019-06-30", 94.1),
    ("2019-12-31", 96.3),
    ("2020-12-31", 98.1),
])
# Registered unemployment: quarterly; above the 3 % cap in mid-2020, back
# under it by the year's end.
readings("unemployment.rate", [
    ("2018-03-31", 2.25), ("2018-06-30", 2.18), ("2018-09-30", 2.12), ("2018-12-31", 2.05),
    ("2019-03-31", 2.02), ("2019-06-30", 1.96), ("2019-09-30", 1.92), ("2019-12-31", 1.88),
    ("2020-03-31", 2.85), ("2020-06-30", 3.2, "疫情影响"), ("2020-09-30", 2.9),
    ("2020-12-31", 2.6),
], src="季报")
# Graduate employment: the 2019 year-end rate misses 95 %.
readings("graduates.employment_rate", [
    ("2018-12-31", 96.2), ("2019-12-31", 94.6), ("2020-12-31", 95.4),
], by="教育局")
readings("graduates.registration_rate", [("2018-12-31", 100), ("2019-12-31", 100), ("2020-12-31", 100)])
readings("graduates.service_rate", [("2018-12-31", 100), ("2019-12-31", 100), ("2020-12-31", 100)])
readings("veterans.placement_rate", [("2018-12-31", 85.7), ("2019-12-31", 83.3), ("2020-12-31", 88.9)])
# Jobs per start-up: 1:4 is met until 2020, when start-ups hire fewer.
readings("startup.jobs_per_startup", [("2018-12-31", 4.3), ("2019-12-31", 4.5), ("2020-12-31", 3.7)])
# training.graduate_pass_rate is in the body text only and nobody reports
# it: no_data at every date.

# ---------------------------------------------------------------------------
# Milestones.

def milestone(ind, items):
    for date, state, by, note in items:
        add(date, ind, state, by, note=note)


milestone("skills.shortage_list_2018", [("2018-03-20", "done", "人社局", "紧缺职业（工种）目录发布")])
milestone("skills.shortage_list_2019", [("2019-03-26", "done", "人社局", "紧缺职业（工种）目录发布")])
milestone("skills.shortage_list_2020", [("2020-04-24", "done", "人社局", "受疫情影响推迟发布")])
milestone("skills.high_talent_rules", [("2018-11-15", "done", "人社局", "实施办法印发")])
milestone("masters.contest_rules", [("2018-12-20", "done", "人社局", "管理办法印发")])
# Due at the end of 2018, set up only in September 2019: overdue in between.
milestone("skills.family_service_association", [("2019-09-10", "done", "人社局", "协会成立大会")])
milestone("training.local_talent_db", [("2019-12-27", "done", "人社局", "信息库上线")])
# The portal went live, failed acceptance, and was accepted in November.
milestone("hr.portal_online", [
    ("2020-06-30", "done", "人社局", "系统上线试运行"),
    ("2020-07-20", "undone", "人社局", "验收未通过，撤回"),
    ("2020-11-30", "done", "人社局", "通过验收正式上线"),
])
milestone("startup.biography", [("2020-10-28", "done", "人社局", "《创响吴江》付印")])
milestone("policy.aligned_suzhou", [("2020-12-18", "done", "政府办", "区政府常务会议审议通过")])
# policy.new_forms_aligned is never reported done: pending on 2020-12-31,
# its due date, and overdue from the day after.

# ---------------------------------------------------------------------------
# Files: one per reporting unit and year.

HEADER = """\
# {unit} — {year}年报送记录 ({folder}/{year}.rec)
#
# 示例数据：本文件的数字是为演示 plan 而编造的，不是官方统计数据。
# Illustrative figures for plans/wujiang-2018-2020.toml, made up to show
# how plan works: NOT official statistics. Written by
# tools/gen_sample_records.py; change the script and rerun it rather than
# editing this file.
"""


def unit_name(folder):
    if folder.startswith("towns/"):
        return next(name for slug, name, _ in TOWNS if folder == "towns/" + slug)
    return UNITS[folder]


def write(out):
    files = {}
    for folder, date, seq, line in entries:
        files.setdefault((folder, date.year), []).append((date, seq, line))
    seen = set()
    for (folder, year), rows in sorted(files.items()):
        rows.sort()
        text = [HEADER.format(unit=unit_name(folder), year=year, folder=folder)]
        month = None
        for date, _, line in rows:
            key = tuple(line.split("  ")[:4])  # date, id, value, by=
            assert key not in seen, line  # would look like a double entry
            seen.add(key)
            if date.month != month:
                month = date.month
                text.append(f"\n# {year}年{month}月\n")
            text.append(line + "\n")
        path = os.path.join(out, folder, f"{year}.rec")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(text))
    return len(files)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(root, "records"), help="output folder (default: records/)")
    args = ap.parse_args()
    # Rewrite only what this script owns: the .rec files, not the README.
    for folder in set(UNITS) | {"towns"}:
        shutil.rmtree(os.path.join(args.out, folder), ignore_errors=True)
    n = write(args.out)
    print(f"{len(entries)} entries in {n} files under {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
