// The shipped Wujiang plan: it loads, it is complete, and its figures are the
// seed's. Every expected value below was read off the seed document
// (shared/seeds/000_ec5b650ac9689190.txt), not off the plan file or the
// program: a wrong target is the worst bug this product can have.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <string>

#include "plan.h"
#include "plan_check.h"
#include "plan_loader.h"

using namespace plan;

namespace {

const std::string kPlanPath = std::string(PLAN_SOURCE_DIR) + "/plans/wujiang-2018-2020.toml";

std::string headlines(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.items()) s += x.headline() + "\n";
  return s;
}

Plan load_shipped() {
  Diagnostics d;
  auto p = load_plan(Env::posix(), kPlanPath, d);
  INFO(headlines(d));
  REQUIRE(p.has_value());
  return *p;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

// One line holding what the seed fixes about an indicator, so that a test
// compares all of it at once and a failure shows every field:
// "KIND UNIT TARGET[-MAX] [YEAR=N ...] TASK lead=A,B [parent=ID] [due=DATE]".
std::string figures(const Plan& p, std::string_view id) {
  const Indicator* ind = p.find(id);
  if (!ind) return "no indicator " + std::string(id);
  std::string s = std::string(kind_name(ind->kind)) + " " + ind->unit;
  if (ind->kind != Kind::milestone) s += " " + ind->target.to_string();
  if (ind->target_max) s += "-" + ind->target_max->to_string();
  if (!ind->years.empty()) {
    s += " [";
    for (const auto& [y, v] : ind->years)
      s += (s.back() == '[' ? "" : " ") + std::to_string(y) + "=" + v.to_string();
    s += "]";
  }
  s += " " + p.task_of(*ind).id + " lead=" + join(ind->lead);
  if (!ind->parent.empty()) s += " parent=" + ind->parent;
  if (ind->due) s += " due=" + ind->due->iso();
  return s;
}

}  // namespace

TEST_CASE("the shipped Wujiang plan loads, and plan check finds nothing to warn about") {
  Diagnostics d;
  auto p = load_plan(Env::posix(), kPlanPath, d);
  CHECK(headlines(d) == "");
  REQUIRE(p.has_value());
  check_plan(*p, d);
  CHECK(headlines(d) == "");
}

TEST_CASE("the Wujiang plan header is the seed's") {
  Plan p = load_shipped();
  CHECK(p.id == "wujiang-2018-2020");
  CHECK(p.title == "苏州市吴江区就业创业与职业技能提升三年行动计划");
  CHECK(p.issuer == "苏州市吴江区人民政府办公室");
  REQUIRE(p.issued.has_value());
  CHECK(p.issued->iso() == "2018-08-28");  // 落款 2018年8月28日
  CHECK(p.start.iso() == "2018-01-01");
  CHECK(p.end.iso() == "2020-12-31");
  // 25 distinct units across the body's 牵头/参与单位 and the annex's 责任部门.
  CHECK(p.units.size() == 25);
  CHECK(p.units.front() == "政府办");
  CHECK(p.units.back() == "各部门");
}

TEST_CASE("the Wujiang plan has the annex's areas and tasks in order") {
  Plan p = load_shipped();
  std::vector<std::string> areas;
  for (const auto& a : p.areas) areas.push_back(a.name);
  CHECK(join(areas) ==
        "坚持就业优先战略,扶持重点群体就业,鼓励创业带动就业,构建终身培训体系,保障措施");
  // 4 + 4 + 3 + 5 重点任务, and the 4 保障措施.
  CHECK(p.tasks.size() == 20);
  CHECK(p.tasks[1].name == "打造公共就业服务平台");
  CHECK(p.areas[p.tasks[1].area].id == "employment");
  CHECK(p.tasks[15].name == "切实增强载体平台建设");
  CHECK(p.areas[p.tasks[15].area].id == "training");
}

TEST_CASE("the Wujiang plan holds 60 indicators: 49 figures and 11 milestones") {
  Plan p = load_shipped();
  std::map<std::string, int> by_kind;
  for (const auto& ind : p.indicators) by_kind[std::string(kind_name(ind.kind))]++;
  CHECK(p.indicators.size() == 60);
  CHECK(by_kind["total"] == 38);
  CHECK(by_kind["range"] == 2);
  CHECK(by_kind["floor"] == 8);
  CHECK(by_kind["cap"] == 1);
  CHECK(by_kind["milestone"] == 11);
}

TEST_CASE("Wujiang ids follow the domain.what scheme") {
  Plan p = load_shipped();
  const std::regex scheme("[a-z0-9_]+\\.[a-z0-9_]+");
  for (const auto& ind : p.indicators) {
    INFO(ind.id);
    CHECK(std::regex_match(ind.id, scheme));
  }
}

TEST_CASE("Wujiang: 坚持就业优先战略 figures") {
  Plan p = load_shipped();
  // 总体目标 5.1万; 正文二（一）3; annex 1.7万 a year.
  CHECK(figures(p, "jobs.urban_new") ==
        "total 人 51000 [2018=17000 2019=17000 2020=17000] employment.structure "
        "lead=发改委,经信委,科技局");
  CHECK(join(p.find("jobs.urban_new")->partners) ==
        "财政局,商务局,人社局,民政局,文广新局,旅游局,农委,税务局");
  // 建成率分别达到100%和95%, in the annex's 2018 column.
  CHECK(figures(p, "platform.street_rate") ==
        "floor % 100 [2018=100] employment.platform lead=人社局");
  CHECK(figures(p, "platform.community_rate") ==
        "floor % 95 [2018=95] employment.platform lead=人社局");
  // 2019 column: 引进1-2家国内知名人力资源机构入园.
  CHECK(figures(p, "hr.agencies_in_park") ==
        "range 家 1-2 [2018=0 2019=1 2020=0] employment.platform lead=人社局");
  CHECK(figures(p, "hr.portal_online") ==
        "milestone 项 employment.platform lead=人社局 due=2020-12-31");
  CHECK(figures(p, "policy.aligned_suzhou") ==
        "milestone 项 employment.policy lead=政府办 due=2020-12-31");
}

TEST_CASE("Wujiang: 扶持重点群体就业 figures") {
  Plan p = load_shipped();
  CHECK(figures(p, "unemployment.rate") == "cap % 3 groups.hardship lead=人社局");
  CHECK(figures(p, "jobs.reemployed") ==
        "total 人 12000 [2018=4000 2019=4000 2020=4000] groups.hardship lead=人社局");
  CHECK(figures(p, "jobs.hardship_employed") ==
        "total 人 15000 [2018=5000 2019=5000 2020=5000] groups.hardship lead=人社局");
  CHECK(figures(p, "jobs.public_welfare_posts") ==
        "total 个 2700 [2018=900 2019=900 2020=900] groups.hardship lead=人社局");
  CHECK(figures(p, "graduates.employment_rate") ==
        "floor % 95 [2018=95 2019=95 2020=95] groups.graduates lead=人社局");
  CHECK(figures(p, "graduates.registration_rate") ==
        "floor % 100 [2018=100 2019=100 2020=100] groups.graduates lead=人社局");
  CHECK(figures(p, "graduates.service_rate") ==
        "floor % 100 [2018=100 2019=100 2020=100] groups.graduates lead=人社局");
  CHECK(figures(p, "graduates.posts") ==
        "total 个 24000 [2018=8000 2019=8000 2020=8000] groups.graduates lead=人社局");
  CHECK(figures(p, "graduates.internships") ==
        "total 个 300 [2018=100 2019=100 2020=100] groups.graduates lead=人社局");
  CHECK(figures(p, "graduates.grassroots_posts") ==
        "total 个 90 [2018=30 2019=30 2020=30] groups.graduates lead=人社局");
  CHECK(figures(p, "veterans.placement_rate") ==
        "floor % 80 [2018=80] groups.veterans lead=人社局");
  CHECK(join(p.find("veterans.placement_rate")->partners) ==
        "编办,教育局,财政局,民政局,税务局,太培中心");
}

TEST_CASE("Wujiang: 鼓励创业带动就业 figures, with the annex's uneven splits") {
  Plan p = load_shipped();
  CHECK(figures(p, "startup.zone_provincial") ==
        "total 家 1 [2018=1 2019=0 2020=0] startup.environment lead=人社局");
  CHECK(figures(p, "startup.streets") ==
        "total 家 4 [2018=2 2019=1 2020=1] startup.environment lead=人社局");
  CHECK(figures(p, "startup.communities") ==
        "total 家 180 [2018=60 2019=60 2020=60] startup.environment lead=人社局");
  CHECK(figures(p, "incubator.provincial") ==
        "total 家 3 [2018=1 2019=1 2020=1] startup.incubation lead=人社局");
  CHECK(figures(p, "incubator.city") ==
        "total 家 10 [2018=3 2019=3 2020=4] startup.incubation lead=人社局");
  CHECK(figures(p, "incubator.one_stop") ==
        "total 家 8 [2018=2 2019=3 2020=3] startup.incubation lead=人社局");
  CHECK(figures(p, "startup.youth_stars_city") ==
        "total 人 6 [2018=2 2019=2 2020=2] startup.incentives lead=人社局");
  CHECK(figures(p, "startup.youth_talents_district") ==
        "total 人 30 [2018=10 2019=10 2020=10] startup.incentives lead=人社局");
  CHECK(figures(p, "startup.self_employed") ==
        "total 人 5700 [2018=1800 2019=1900 2020=2000] startup.incentives lead=人社局");
  CHECK(figures(p, "startup.rural") ==
        "total 人 1050 [2018=340 2019=350 2020=360] startup.incentives lead=人社局");
  CHECK(figures(p, "startup.graduates") ==
        "total 人 720 [2018=230 2019=240 2020=250] startup.incentives lead=人社局");
  CHECK(join(p.find("startup.graduates")->partners) == "人民银行吴江支行,财政局,各区镇");
  CHECK(figures(p, "startup.biography") ==
        "milestone 项 startup.incentives lead=人社局 due=2020-12-31");
}

TEST_CASE("Wujiang: 构建终身培训体系 figures, with the 其中 children") {
  Plan p = load_shipped();
  CHECK(figures(p, "training.urban_rural") ==
        "total 人 9300 [2018=3100 2019=3100 2020=3100] training.employment_skills lead=人社局");
  CHECK(figures(p, "training.new_entrants") ==
        "total 人 3000 [2018=1000 2019=1000 2020=1000] training.employment_skills lead=人社局 "
        "parent=training.urban_rural");
  // Its own sentence in the annex, not a 其中: no parent.
  CHECK(figures(p, "training.migrant_workers") ==
        "total 人 5100 [2018=1700 2019=1700 2020=1700] training.employment_skills lead=人社局");
  CHECK(figures(p, "training.graduate_pass_rate") ==
        "floor % 90 training.employment_skills lead=人社局");
  CHECK(figures(p, "skills.gusu_leaders") == "range 人 3-5 training.job_skills lead=人社局");
  CHECK(figures(p, "skills.new") ==
        "total 人 18000 [2018=6000 2019=6000 2020=6000] training.job_skills lead=人社局");
  CHECK(figures(p, "skills.high_new") ==
        "total 人 6000 [2018=2000 2019=2000 2020=2000] training.job_skills lead=人社局 "
        "parent=skills.new");
  CHECK(figures(p, "skills.enterprise_colleges") ==
        "total 家 6 [2018=2 2019=2 2020=2] training.job_skills lead=人社局");
  CHECK(figures(p, "training.enterprise_staff") ==
        "total 人 48000 [2018=16000 2019=16000 2020=16000] training.job_skills lead=人社局");
  CHECK(figures(p, "training.family_service") ==
        "total 人 2000 [2018=600 2019=700 2020=700] training.job_skills lead=人社局");
  CHECK(figures(p, "skills.shortage_list_2019") ==
        "milestone 项 training.job_skills lead=人社局 due=2019-03-31");
  CHECK(figures(p, "masters.pilot_units") == "total 家 50 training.masters lead=人社局");
  CHECK(figures(p, "masters.contests") ==
        "total 项 30 [2018=10 2019=10 2020=10] training.masters lead=人社局");
  CHECK(figures(p, "masters.technical_experts") == "total 人 100 training.masters lead=人社局");
  CHECK(figures(p, "masters.studios_district") ==
        "total 家 15 [2018=5 2019=5 2020=5] training.masters lead=人社局");
  CHECK(figures(p, "masters.studios_provincial") == "total 家 1 training.masters lead=人社局");
  CHECK(figures(p, "masters.studios_city") == "total 家 5 training.masters lead=人社局");
  CHECK(figures(p, "masters.chief_technicians") == "total 人 6 training.masters lead=人社局");
  CHECK(figures(p, "training.startup") ==
        "total 人 2400 [2018=700 2019=800 2020=900] training.startup_skills lead=人社局");
  // 创业带动就业比达1:4, stored as 4 jobs per start-up.
  CHECK(figures(p, "startup.jobs_per_startup") == "floor 倍 4 training.startup_skills lead=人社局");
  CHECK(figures(p, "bases.high_skill_provincial") == "total 家 1 training.platforms lead=人社局");
  CHECK(figures(p, "bases.special_training_provincial") ==
        "total 家 1 training.platforms lead=人社局");
  CHECK(figures(p, "bases.public_training_city") == "total 家 3 training.platforms lead=人社局");
  CHECK(figures(p, "bases.technical_school") ==
        "total 家 1 [2018=0 2019=0 2020=1] training.platforms lead=人社局");
}

TEST_CASE("Wujiang: only the two 其中 figures of the seed have a parent") {
  Plan p = load_shipped();
  std::vector<std::string> children;
  for (const auto& ind : p.indicators)
    if (!ind.parent.empty()) children.push_back(ind.id);
  CHECK(join(children) == "training.new_entrants,skills.high_new");
}

TEST_CASE("Wujiang: every full yearly split adds up to its total") {
  // Independent of plan check: the annex's own arithmetic, re-done here.
  Plan p = load_shipped();
  int splits = 0;
  for (const auto& ind : p.indicators) {
    if (!is_flow(ind.kind) || ind.years.size() != 3) continue;
    Decimal sum;
    for (const auto& [y, v] : ind.years) sum = sum + v;
    INFO(ind.id);
    CHECK(sum.to_string() == ind.target.to_string());
    splits++;
  }
  CHECK(splits == 31);
}

TEST_CASE("Wujiang: every responsible unit is one of [plan].units") {
  Plan p = load_shipped();
  for (const auto& ind : p.indicators) {
    INFO(ind.id);
    CHECK(!ind.lead.empty());
    for (const auto& u : ind.lead)
      CHECK(std::find(p.units.begin(), p.units.end(), u) != p.units.end());
    for (const auto& u : ind.partners)
      CHECK(std::find(p.units.begin(), p.units.end(), u) != p.units.end());
  }
}
