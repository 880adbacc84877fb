// The digest's workbook, read back with the import's own workbook reader
// (workbook_reader.h): which sheets, in which order, and what their rows
// hold. tests/cli/xlsx.sh reads the same workbooks with openpyxl for number
// formats, fills and the chart.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "digest_fixture.h"
#include "digest_render.h"
#include "temp_dir.h"
#include "workbook_reader.h"

namespace plan {
namespace {

using testing::digest_of;
using testing::golden_records;
using testing::period;

// The rows of sheet `name` of the workbook `bytes`, below its title, as-of
// and header rows (the header is rows[0]).
std::vector<std::vector<std::string>> sheet_rows(const std::string& bytes,
                                                 const std::string& name) {
  testing::TempDir dir("digest-xlsx");
  auto path = dir.path / "d.xlsx";
  testing::spit(path, bytes);
  Expected<Sheet> sheet = read_workbook(path.string(), name);
  REQUIRE_MESSAGE(sheet.ok(), sheet.error().message);
  std::vector<std::vector<std::string>> rows;
  for (const SheetRow& r : sheet->rows)
    if (r.line >= 3) rows.push_back(r.cells);
  return rows;
}

std::string read_error(const std::string& bytes, const std::string& name) {
  testing::TempDir dir("digest-xlsx");
  auto path = dir.path / "d.xlsx";
  testing::spit(path, bytes);
  Expected<Sheet> sheet = read_workbook(path.string(), name);
  REQUIRE_FALSE(sheet.ok());
  return sheet.error().message;
}

TEST_CASE("digest workbook: a sheet per section, the flows behind by gap, --top") {
  const Plan& plan = testing::mini_plan();
  // November 2020 of the golden ledger (digest_fixture.h; worked out in
  // digest_text_test.cpp): behind skills.leaders (gap 63.8 %), skills.total
  // (27.7 %), jobs.urban_new (0.5 %).
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"), "", 2);
  RenderOptions o;
  auto bytes = digest_xlsx(d, o);
  REQUIRE(bytes.ok());
  CHECK(read_error(*bytes, "none")
            .find("'Summary', 'Reports missing', 'Changes', 'Behind', 'Milestones', "
                  "'Units', 'Recorded', 'By reporter')") != std::string::npos);
  auto behind = sheet_rows(*bytes, "Behind");
  REQUIRE(behind.size() == 3);  // the header and --top 2 rows
  CHECK(behind[0][1] == "ID");
  CHECK(behind[1][1] == "skills.leaders");
  CHECK(behind[1][4] == "1");  // actual 1 of target 3
  CHECK(behind[1][5] == "3");
  CHECK(behind[2][1] == "skills.total");
  CHECK(behind[2][4] == "12500");
  auto milestones = sheet_rows(*bytes, "Milestones");
  REQUIRE(milestones.size() == 2);
  // hr.portal due 2020-12-31: 31 days after E, a date cell read as a date.
  CHECK(milestones[1] == std::vector<std::string>{"hr.portal", "人力资源市场门户网站", "pending",
                                                  "2020-12-31", "", "31"});
}

TEST_CASE("digest workbook: Chinese sheet names; a reporter's has what it owes alone") {
  const Plan& plan = testing::mini_plan();
  Digest d = digest_of(plan, golden_records(), period(PeriodKind::month, "2020-11"));
  RenderOptions o;
  o.zh = true;
  auto bytes = digest_xlsx(d, o);
  REQUIRE(bytes.ok());
  CHECK(read_error(*bytes, "none")
            .find("'概况', '未报送', '状态变化', '滞后指标', '节点任务', '责任单位', "
                  "'本期填报', '分单位填报')") != std::string::npos);
  d.reporter = "人社局";
  auto owed = digest_xlsx(d, RenderOptions{});
  REQUIRE(owed.ok());
  auto rows = sheet_rows(*owed, "");
  REQUIRE(rows.size() == 1);  // the header: the plan sets no schedule
  CHECK(rows[0][0] == "State");
  CHECK(read_error(*owed, "none").find("(the sheets: 'Reports missing')") != std::string::npos);
}

}  // namespace
}  // namespace plan
