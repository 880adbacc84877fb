#include "cli.h"
#include "log_entries.h"
#include "log_report.h"
#include "render.h"

namespace plan::cli {

namespace {

// Hands `f` the held entries in order, rebuilt a batch of 1,024 at a time,
// until it returns false; whether it never did.
template <class F>
bool in_batches(const LogEntries& held, F&& f) {
  constexpr std::size_t kBatch = 1024;
  std::vector<Entry> batch;  // reused: its entries' strings keep their memory
  for (std::size_t i = 0; i < held.size(); i += kBatch) {
    batch.resize(std::min(kBatch, held.size() - i));
    for (std::size_t k = 0; k < batch.size(); ++k) held.get(i + k, &batch[k]);
    if (!f(std::span<const Entry>(batch))) return false;
  }
  return true;
}

// CSV, TSV and JSON, the formats a script takes a long ledger in: made a
// batch of entries at a time, each batch written before the next is made,
// to standard output or to --output's temporary file, so that neither the
// rows nor the text are all held (a million entries as one table of cells
// took 3 GB); only the entries are, as LogEntries. The rows are written
// straight from the entries (log_delimited_rows), with no table of cells
// made for them: half the time of a million-line CSV. The pieces go to
// `put` until it answers false.
void write_pieces(const Plan& plan, const LogEntries& held, Format format, bool bom,
                  const PieceWriter& put) {
  const char sep = format == Format::tsv ? '\t' : ',';
  LogJson json(plan);
  RenderOptions options;
  options.bom = bom;
  if (format != Format::json && !put(render_delimited_header(log_table(plan, {}), sep, options)))
    return;
  const bool written = in_batches(held, [&](std::span<const Entry> batch) {
    return put(format == Format::json ? json.entries(batch) : log_delimited_rows(plan, batch, sep));
  });
  if (written && format == Format::json) put(json.finish());
}

// The terminal table and Markdown, also made a batch at a time
// (TableWriter, MarkdownWriter): their columns are as wide as their widest
// cells, so the rows are made once to measure them (the terminal table's
// twice when it cuts a by, note, source or tags text at its end to fit:
// TableWriter::looks_again), then once to be written; they are
// never all held. (Made whole, the table of a million entries took 3.5 GB.)
template <class Writer>
void write_measured_pieces(Writer& writer, const Plan& plan, const LogEntries& held,
                           const PieceWriter& put) {
  in_batches(held, [&](std::span<const Entry> batch) {
    writer.measure(log_table(plan, batch).rows);
    return true;
  });
  if constexpr (requires { writer.looks_again(); })
    if (writer.looks_again())
      in_batches(held, [&](std::span<const Entry> batch) {
        writer.measure_again(log_table(plan, batch).rows);
        return true;
      });
  if (!put(writer.begin())) return;
  const bool written = in_batches(held, [&](std::span<const Entry> batch) {
    return put(writer.rows(log_table(plan, batch).rows));
  });
  if (written) put(writer.end());
}

void write_measured(Globals& g, const Plan& plan, const LogEntries& held, Format format,
                    bool to_terminal, const PieceWriter& put) {
  RenderOptions o;
  o.zh = use_chinese(g);
  if (format == Format::md) {
    MarkdownWriter md(log_table(plan, {}), o);
    write_measured_pieces(md, plan, held, put);
    return;
  }
  // Colour and fitting are for a terminal; a file gets the whole table.
  if (to_terminal) {
    o.color = use_color(g);
    o.width = table_width(g);
  }
  TableWriter table(log_table(plan, {}), o);
  write_measured_pieces(table, plan, held, put);
}

void write_in_batches(Globals& g, const Plan& plan, const LogEntries& held, Format format, bool bom,
                      const std::string& file) {
  const auto produce = [&](const PieceWriter& put) {
    if (format == Format::table || format == Format::md)
      write_measured(g, plan, held, format, file.empty(), put);
    else
      write_pieces(plan, held, format, bom, put);
  };
  if (file.empty())
    produce([&](std::string_view text) { return emit(g, text); });
  else
    write_output_file(g, file, produce);
}

}  // namespace

void setup_log(CLI::App& sub, Globals& g) {
  struct Options {
    std::string id, since, until, by, format;
    bool bom = false;
    std::string file;
  };
  auto o = std::make_shared<Options>();
  sub.add_option("id", o->id, "Only this indicator")->type_name("ID");
  sub.add_option("--since", o->since, "Only entries dated on or after this day")
      ->type_name("DATE")
      ->check(date_validator());
  // --as-of too: the other commands' word for "up to this day", so a user
  // who types it gets what they mean instead of a parse error.
  sub.add_option("--until,--as-of", o->until, "Only entries dated on or before this day")
      ->type_name("DATE")
      ->check(date_validator());
  sub.add_option("--by", o->by, "Only entries with this by= reporting unit")->type_name("UNIT");
  add_table_format_options(sub, o->format, o->bom, o->file);
  sub.footer(
      "The entries as recorded, in date order (same-day entries in file order),\n"
      "with the file and line each came from.\n"
      "Examples:\n"
      "  plan log jobs.urban_new --since 2019-01-01\n"
      "  plan log --by 人社局 --format csv > hrss.csv");
  sub.callback([o, &g] {
    auto project = open_project(g);
    if (!project) return;
    const Plan& plan = project->plan;
    if (!o->id.empty() && !known_id(g, plan, o->id)) return;
    LogFilter f;
    f.id = o->id;
    f.by = o->by;
    if (!o->since.empty()) f.since = parse_date_arg(o->since);
    if (!o->until.empty()) f.until = parse_date_arg(o->until);
    LogEntries held(plan);
    if (!read_ledger(g, *project, {}, [&](const Entry& e) {
          if (f.keeps(e)) held.add(e);
        }))
      return;
    held.sort_by_date();
    const Format format = *parse_format(o->format);
    if (format != Format::xlsx) {
      write_in_batches(g, plan, held, format, o->bom, o->file);
      return;
    }
    // The workbook is made whole: a table of every row.
    Table table = log_table(plan, {});
    in_batches(held, [&](std::span<const Entry> batch) {
      Table part = log_table(plan, batch);
      std::move(part.rows.begin(), part.rows.end(), std::back_inserter(table.rows));
      return true;
    });
    // The workbook is dated by its latest entry (or --until): no clock.
    Date last = f.until ? *f.until : held.empty() ? plan.start : held.date(held.size() - 1);
    output(
        g, o->format, o->file, table, table,
        [&] {  // (not asked: JSON is written in batches above)
          std::string text;
          write_pieces(plan, held, Format::json, false, [&](std::string_view piece) {
            text += piece;
            return true;
          });
          return text;
        },
        o->bom, one_sheet(plan, last, "Log", "填报记录"));
  });
}

}  // namespace plan::cli
