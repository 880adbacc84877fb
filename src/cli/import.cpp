#include "import.h"

#include <fmt/format.h>

#include <map>

#include "admission.h"
#include "cli.h"
#include "csv.h"
#include "record_writer.h"
#include "refiling.h"
#include "text.h"
#include "workbook_module.h"

namespace plan::cli {

void setup_import(CLI::App& sub, Globals& g) {
  struct Options {
    std::string csv, file, encoding = "utf-8", sheet;
    bool dry_run = false, force = false, allow_duplicates = false, add = false, replace = false;
  };
  auto o = std::make_shared<Options>();
  // Not CLI::ExistingFile: its "csv: File does not exist" is not plan's one-line error; reading
  // the file says what is wrong with it (missing, a folder, unreadable) in plan's words.
  sub.add_option("input", o->csv,
                 "The sheet: a CSV file exported from a spreadsheet, or an Excel workbook "
                 "(.xlsx, or .xls of Excel 97-2003)")
      ->type_name("FILE")
      ->required();
  sub.add_option("--file", o->file,
                 "Append every row here instead of each reporter's <records>/<folder>/<year>.rec")
      ->type_name("FILE");
  sub.add_option(
         "--encoding", o->encoding,
         "Text encoding of the CSV: utf-8 (with or without BOM) or gb18030 (Chinese Excel's "
         "plain \"CSV\"; gbk, gb2312 and cp936 name it too)")
      ->type_name("ENCODING")
      // The names people know a GB 18030 file by (its subsets) are taken as
      // it; completion offers the two canonical names.
      ->transform([](std::string name) {
        const std::string lower = ascii_lower(name);
        if (lower == "gbk" || lower == "gb2312" || lower == "cp936") return std::string("gb18030");
        if (lower == "utf8") return std::string("utf-8");
        return name;
      })
      ->check(CLI::IsMember({"utf-8", "gb18030"}, CLI::ignore_case))
      ->capture_default_str();
  sub.add_option("--sheet", o->sheet, "The workbook's worksheet to read (default: the first)")
      ->type_name("NAME");
  sub.add_flag("--dry-run,-n", o->dry_run, "Check every row and show what would be appended");
  sub.add_flag(
      "--allow-duplicates", o->allow_duplicates,
      "Append rows even when the ledger already holds the same date, id, value, by and period");
  sub.add_flag("--force", o->force,
               "Accept dates outside the plan period or after today, periods not over, and "
               "implausible figures (a figure let in is said in a warning)");
  auto* add = sub.add_flag("--add", o->add,
                           "A row whose reporter already has a figure for its period adds to it");
  sub.add_flag("--replace", o->replace,
               "A row whose reporter already has a figure for its period replaces it (the "
               "difference is recorded, with a note; an equal one is skipped): a sheet sent again "
               "with corrections")
      ->excludes(add);
  sub.footer(
      "The first row names the columns, in any order (case and spaces ignored):\n"
      "  column    use       other names\n"
      "  date      required  日期\n"
      "  id        required  indicator 指标 指标代码 指标ID (the id, or the name;\n"
      "                      without it, the name column names the indicator)\n"
      "  value     required  数值 值 完成值 (or explain: an explanation row)\n"
      "  by        optional  填报单位 单位 报送单位\n"
      "  note      optional  备注 说明 情况说明\n"
      "  src       optional  source 来源\n"
      "  period    optional  报送期 所属期 (the period reported: 2020-06, 2020Q2)\n"
      "  measures  optional  整改措施 措施 (an explanation's measures)\n"
      "  序号      ignored   编号 no no. #\n"
      "  name      checked   指标名称 名称: must be the indicator's name\n"
      "  unit      checked   计量单位: must be the indicator's unit\n"
      "Any other column name is an error (a misspelt header must not drop data).\n"
      "A one-cell row above the header (a title) is skipped.\n"
      "\n"
      "Every row is checked as `plan record` checks its entry. Spreadsheet spellings\n"
      "are taken too: dates 2019/3/31, 2019-3-31 or 2019年3月31日, with a time of\n"
      "0:00 or not, Excel serial dates (43646), and numbers with thousands\n"
      "separators (\"4,210\"). Empty rows are skipped, and so are rows whose value\n"
      "is empty (a report not filled in, as in a returned plan template): one\n"
      "warning names them, and their reports stay owed. An empty value beside a\n"
      "note is an error. Quoted fields may hold commas, quotes (doubled) and line\n"
      "breaks; CR LF endings and a BOM are fine.\n"
      "\n"
      "A workbook (.xlsx, .xls) is read from its first worksheet or --sheet, each\n"
      "cell as Excel shows it: dates as dates, 95.2% for a percent cell holding\n"
      "0.952 (an .xls cannot tell a percent cell from a number: there a figure\n"
      "above 0 and at most 1 for a % indicator is refused unless --force). Its\n"
      "problems are located as FILE.xlsx:SHEET!B7.\n"
      "\n"
      "All rows land or none does: every bad row, not only the first, is reported as\n"
      "FILE.csv:LINE:COL: cell C5: message (C5 as a spreadsheet names the cell), and\n"
      "nothing is written; the good rows are still checked against the ledger, so\n"
      "every problem shows at once. A by= that names no reporter or unit of the plan\n"
      "is a bad row. So is a row with the same date, id, value, by and period as an\n"
      "entry of the ledger (or an earlier row; a file imported again is reported in\n"
      "one line) unless --allow-duplicates, and, unless --force, an implausible\n"
      "figure: a percentage outside 0-100, or a value 100 times or more away from the\n"
      "indicator's other entries (a fraction for a percent, 万 left out). So is a row\n"
      "without a period dated before its period's end whose reporter has not reported\n"
      "the period before (a late report: its 报送期 says which). So is a flow's row\n"
      "whose reporter already has a figure for its period (figures of a flow add up)\n"
      "unless --add (imported, with a warning of what the period comes to) or\n"
      "--replace (its difference is imported, with a note; a row equal to what is in\n"
      "is skipped: a sheet sent again with corrections; a negative row is refused).\n"
      "Rows go where plan record puts them (the by= reporter's\n"
      "<records>/<folder>/<year>.rec, else <records>/<year>.rec), or all to --file;\n"
      "the files are locked together and, should a write fail (a full disk), every\n"
      "file is cut back to what it was.\n"
      "\n"
      "Examples:\n"
      "  plan import q1.csv --dry-run\n"
      "  plan import q1.csv\n"
      "  plan import 一季度.xlsx --sheet 就业\n"
      "  plan import 一季度.csv --encoding gb18030  # Excel's \"CSV (逗号分隔)\"\n"
      "  plan import backlog.csv --file records/backlog.rec --force");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->file.empty()) {
      if (auto bad = project->paths.check_record_file(o->file)) {
        fail(g, *bad);
        return;
      }
    }

    // A FIFO would hang the import until something writes to it.
    std::error_code status_ec;
    if (auto st = std::filesystem::status(o->csv, status_ec);
        std::filesystem::exists(st) && !std::filesystem::is_regular_file(st) &&
        !std::filesystem::is_directory(st)) {  // which reading says it is
      fail(g, make_io_error(Location{o->csv}, Message{"not a regular file", "不是普通文件"}));
      return;
    }
    ImportResult result;
    if (is_workbook_name(o->csv)) {
      auto sheet = workbook_module().read_workbook(o->csv, o->sheet);
      if (!sheet) {
        fail(g, sheet.error());
        return;
      }
      result = import_sheet(*sheet, plan, today(), o->force);
    } else {
      if (!o->sheet.empty()) {
        fail(g, make_usage_error(
                    Message{"--sheet is for workbooks (.xlsx, .xls); " + o->csv + " is read as CSV",
                            "--sheet 只用于工作簿（.xlsx、.xls）；" + o->csv + " 按 CSV 读取"}));
        return;
      }
      std::string bytes;
      if (auto ec = Env::posix().read_file(o->csv, &bytes)) {
        fail(g,
             make_io_error(Location{o->csv}, Message{"cannot read the file: ", "无法读取文件："} +
                                                 system_reason(ec)));
        return;
      }
      auto text = to_utf8(bytes, o->encoding, o->csv);
      if (!text) {
        fail(g, text.error());
        return;
      }
      result = import_csv(*text, o->csv, plan, today(), o->force);
    }
    std::size_t unchanged = 0;  // --replace: rows equal to what is in
    if (!result.rows.empty()) {
      // Against the ledger: duplicates and implausible figures. The good
      // rows of a sheet with bad ones too, so that every problem shows at
      // once: fixing the bad rows (with --force, say) must not let a typo
      // among the others in unseen.
      std::vector<NewFigure> batch;
      for (const auto& row : result.rows) batch.push_back({&row.entry, row.value_at});
      AdmissionOptions options{o->allow_duplicates, o->force, o->csv, reader_threads_wanted(),
                               result.period_column};
      options.add = o->add;
      options.replace = o->replace;
      options.partial = result.diags.has_errors();
      options.period_is_column = true;
      Admission admitted = admit(Env::posix(), project->paths.records_dir, plan, batch, options);
      for (const auto& d : admitted.diags.items()) result.diags.add(d);
      // --replace: a row whose reporter has figures for its period records
      // the difference; one equal to them records nothing.
      if (!result.diags.has_errors()) {
        std::vector<ImportRow> kept;
        for (std::size_t i = 0; i < result.rows.size(); ++i) {
          ImportRow& row = result.rows[i];
          if (const auto& earlier = admitted.replaces[i]) {
            std::optional<Entry> replacement = as_replacement(row.entry, *earlier);
            if (!replacement) {
              ++unchanged;
              continue;
            }
            row.entry = std::move(*replacement);
            row.line = format_entry(row.entry, plan.indicators[*indicator_index(plan, row.entry)]);
          }
          kept.push_back(std::move(row));
        }
        result.rows = std::move(kept);
      }
    }
    // A CSV's problems also name their cell, as a spreadsheet shows it.
    const Diagnostics shown = result.shown(result.diags);
    for (const auto& d : shown.items()) print_diagnostic(g, d);
    const bool zh = use_chinese(g);
    if (result.diags.has_errors()) {
      std::size_t n = result.diags.error_count();
      fail(g, make_error({}, zh ? fmt::format("未导入：{} 有 {} 个错误", o->csv, n)
                                : fmt::format("nothing imported: {} error{} in {}", n,
                                              n == 1 ? "" : "s", o->csv)));
      return;
    }
    // --replace: the rows that equal what their reporters have, said once.
    const std::string same =
        unchanged == 0 ? ""
        : zh           ? fmt::format("{} 行与已报送的数据相同，未写入\n", unchanged)
             : fmt::format("{} row{} equal to what {} reporter already has: not written\n",
                           unchanged, unchanged == 1 ? "" : "s", unchanged == 1 ? "its" : "each");
    if (result.rows.empty()) {
      if (!same.empty()) emit(g, same);
      return;
    }

    // Lines per target file, each file's lines in CSV order.
    std::map<std::filesystem::path, std::vector<std::string>> by_file;
    for (const auto& row : result.rows) {
      std::filesystem::path file = !o->file.empty()
                                       ? std::filesystem::path(o->file)
                                       : project->paths.default_record_file(
                                             plan, row.entry.tag("by"), row.entry.date.year());
      by_file[file].push_back(row.line);
    }
    std::vector<AppendBatch> batches;
    std::string files;
    for (auto& [file, lines] : by_file) {
      // Each file's share of the entries, when there is more than one file.
      files += fmt::format("{}{}", files.empty() ? "" : ", ", file.string());
      if (by_file.size() > 1) files += fmt::format(" ({})", lines.size());
      batches.push_back({file, std::move(lines)});
    }
    std::string out = same;
    for (const auto& b : batches)
      for (const auto& line : b.lines)
        out += sanitize(b.file.string()) + ": " + sanitize(line) + "\n";

    if (o->dry_run) {
      out += zh ? fmt::format("试运行：将追加 {} 条记录到 {}；未写入\n", result.rows.size(),
                              sanitize(files))
                : fmt::format("dry run: {} entr{} would be appended to {}; nothing written\n",
                              result.rows.size(), result.rows.size() == 1 ? "y" : "ies",
                              sanitize(files));
      emit(g, out);
      return;
    }
    if (Outcome written = append_batches(Env::posix(), project->paths.records_dir, batches);
        !written) {
      fail(g, written.error());
      print_message(zh ? "未从 " + o->csv + " 导入任何记录" : "nothing imported from " + o->csv);
      return;
    }
    out +=
        zh ? fmt::format("已从 {} 导入 {} 条记录，写入 {}\n", sanitize(o->csv), result.rows.size(),
                         sanitize(files))
           : fmt::format("imported {} entr{} from {} into {}\n", result.rows.size(),
                         result.rows.size() == 1 ? "y" : "ies", sanitize(o->csv), sanitize(files));
    emit(g, out);
  });
}

}  // namespace plan::cli
