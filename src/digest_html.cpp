// The digest as one self-contained HTML document, for a mail body or an
// attachment, a browser at phone or desktop width, and paper. Everything is
// inline: CSS in <style>, pictures as <svg> (a progress bar per flow listed,
// a cumulative-vs-expected chart per flow behind); nothing is fetched, and
// there is no script. Fonts are named, never downloaded, so Chinese text
// uses the reader's system fonts. Every text that comes from the plan or the
// records passes through html_escape (defined below), here via esc().
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "axis.h"
#include "digest_render.h"
#include "digest_words.h"
#include "html_escape.h"
#include "text.h"

namespace plan {
namespace {

namespace w = digest_words;
using w::say;
using w::Section;

std::string esc(std::string_view s) {
  return html_escape(s);
}

constexpr const char* kStyle = R"(
*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1f2933;font:15px/1.55 system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
.wrap{max-width:980px;margin:0 auto;padding:16px 14px 32px;background:#fff}
h1{font-size:1.3em;line-height:1.3;margin:.2em 0 .3em}
h2{font-size:1.08em;margin:1.6em 0 .5em;padding-bottom:.25em;border-bottom:2px solid #e1e5ea}
h3{font-size:.95em;margin:1em 0 .3em;color:#3e4c59}
p{margin:.3em 0}
.meta,.legend{color:#616e7c;font-size:.88em}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.3em 0 .6em}
table{border-collapse:collapse;font-size:.9em;min-width:100%}
th,td{padding:5px 8px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:middle;white-space:nowrap}
th{background:#f0f2f5;font-weight:600;color:#3e4c59;white-space:normal;word-break:keep-all;vertical-align:bottom}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.name{white-space:normal;min-width:9em}
td.text{white-space:normal;min-width:14em}
td.unit{white-space:nowrap;word-break:keep-all}
td.strong{font-weight:600}
tr.total td{font-style:italic;color:#3e4c59}
details{margin:.4em 0 .8em}
summary{cursor:pointer;color:#1c4f8f;font-size:.92em;margin:.3em 0}
tr.group th{background:#fff;color:#1f2933;padding-top:10px;border-bottom:1px solid #cbd2d9}
.prog{display:inline-flex;align-items:center;gap:6px}
code{font:.92em ui-monospace,Menlo,Consolas,monospace;color:#52606d}
.st{display:inline-block;padding:0 .45em;border-radius:3px;font-size:.88em;white-space:nowrap}
.s-behind,.s-missed,.s-overdue{background:#fde3e1;color:#a11d1d}
.s-achieved,.s-met,.s-done{background:#def5e6;color:#19653a}
.s-on_track,.s-pending{background:#e2ecfb;color:#1c4f8f}
.s-no_data{background:#eceff2;color:#52606d}
.s-unreported{background:#fff1d6;color:#8a5300}
.tiles{display:flex;margin:.6em 0;padding:0}
.tile{flex:1 1 0;min-width:0;text-align:center;padding:6px 2px;font-size:.85em;line-height:1.25;word-break:keep-all}
.tile b{display:block;font-size:1.7em;line-height:1.2}
.tiles .sep{display:none}
.time{display:flex;align-items:center;gap:10px;flex-wrap:wrap}
svg{display:block;overflow:visible}
svg.chart{width:100%;height:auto;max-width:440px}
.charts{display:flex;flex-wrap:wrap;gap:14px}
figure{flex:0 1 300px;min-width:0;margin:0;padding:8px 10px;border:1px solid #e4e7eb;border-radius:6px}
figcaption{font-size:.85em;margin-bottom:4px;overflow-wrap:anywhere}
figcaption code{word-break:break-all}
.key{font-size:.8em;color:#616e7c}
.key i{display:inline-block;font-size:0;width:18px;height:0;border-top:2px solid #c0392b;vertical-align:middle;margin:0 4px 0 8px}
.key i.exp{border-top:2px dashed #7b8794}
@media (max-width:600px){body{font-size:14px}.wrap{padding:12px 10px 24px}h1{font-size:1.15em}
.tiles{flex-wrap:wrap}.tile{flex:1 0 33%}
table.data{min-width:0;width:100%}
table.data thead{display:none}
table.data,table.data tbody,table.data tr{display:block}
table.data tr{display:grid;grid-template-columns:repeat(auto-fill,minmax(6.5em,1fr));gap:4px 10px;padding:8px 2px;border-bottom:1px solid #cbd2d9}
table.data td,table.data tr.group th{display:block;border:0;padding:0;text-align:left;white-space:normal;min-width:0}
table.data td[data-label]::before{content:attr(data-label);display:block;font-size:.8em;color:#616e7c;word-break:keep-all}
table.data td.name,table.data td.text,table.data td.wide,table.data td[colspan],table.data tr.group th{grid-column:1/-1}
table.data td.name{font-weight:600}table.data td.name::before{display:none}
table.data td:empty{display:none}
table.data tr.group{padding:10px 2px 0;border:0}table.data tr:has(+tr.note){border:0;padding-bottom:0}table.data tr.group th{background:none}
figure{flex:1 1 100%;padding:6px}table.data td.rank{display:none}
table.data td code{overflow-wrap:anywhere}table.data td.unit{word-break:keep-all}}
@page{size:A4;margin:14mm 12mm 16mm}
@media print{body{background:#fff;font-size:10pt}.wrap{max-width:none;padding:0}.scroll{overflow:visible}
th,td{white-space:normal;padding:3px 5px}td.unit,td.num,.st,.tile{white-space:nowrap;word-break:keep-all}
thead{display:table-header-group}h2,h3{break-after:avoid}tr,figure,.tiles{break-inside:avoid}
details::details-content{content-visibility:visible;display:block}summary{list-style:none;color:#3e4c59}
th,.st,.tile{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)";

const char* fill_of(Status s) {
  switch (s) {
    case Status::achieved:
    case Status::met:
    case Status::done:
      return "#2f9e5b";
    case Status::behind:
    case Status::missed:
    case Status::overdue:
      return "#d64545";
    default:
      return "#3b78d8";
  }
}

std::string badge(Status s, Kind k, bool zh) {
  return fmt::format(R"(<span class="st s-{}">{}</span>)", status_name(s),
                     esc(status_word(s, k, zh)));
}

// "0.5" for coordinates: one decimal is finer than a screen pixel.
std::string px(double v) {
  return fmt::format("{:.1f}", v);
}

// A progress bar: the filled part is completion (capped at the end of the
// bar), the dark tick is where the calendar says it should be by now.
std::string bar_svg(double completion, double marker, Status s, bool zh) {
  constexpr double kW = 120, kH = 16;
  double fill = std::clamp(completion, 0.0, 1.0) * kW;
  double tick = std::clamp(marker, 0.0, 1.0) * kW;
  std::string label = say(zh, "{} done, {} expected by now", "完成 {}，应完成 {}",
                          format_ratio(completion), format_ratio(marker));
  return fmt::format(
      R"(<svg class="bar" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">)"
      R"(<title>{2}</title>)"
      R"(<rect x="0" y="3" width="{0}" height="10" rx="2" fill="#e4e7eb"/>)"
      R"(<rect x="0" y="3" width="{3}" height="10" rx="2" fill="{4}"/>)"
      R"(<rect x="{5}" y="0" width="2" height="{1}" fill="#1f2933"/></svg>)",
      kW, kH, esc(label), px(fill), fill_of(s), px(std::clamp(tick - 1, 0.0, kW - 2)));
}

// The time-progress bar of the headline.
std::string time_svg(double t) {
  constexpr double kW = 220, kH = 12;
  return fmt::format(
      R"(<svg class="timebar" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">)"
      R"(<rect x="0" y="0" width="{0}" height="{1}" rx="3" fill="#e4e7eb"/>)"
      R"(<rect x="0" y="0" width="{3}" height="{1}" rx="3" fill="#7b8794"/></svg>)",
      kW, kH, format_ratio(t), px(std::clamp(t, 0.0, 1.0) * kW));
}

// The bar for an indicator, or "" when it has no completion (levels,
// milestones). For flows the tick is expected / target, which follows the
// plan's yearly splits, as in `plan status`.
std::string bar_for(const IndicatorStatus& s, bool zh) {
  if (!s.completion || !s.expected || !s.target || s.target->is_zero()) return "";
  return bar_svg(*s.completion, *s.expected / s.target->to_double(), s.status, zh);
}

// Cumulative actual (solid) against the expected line (dashed), month by
// month, on an axis from 0 to the round tick (axis.h) at or above the
// larger of the two; whole ticks for indicators counted in whole things.
std::string chart_svg(const Trend& t, bool zh) {
  constexpr double kW = 320, kH = 150, kLeft = 46, kRight = 8, kTop = 8, kBottom = 22;
  double most = 0;
  for (const MonthPoint& m : t.months)
    most = std::max({most, m.cumulative.to_double(), m.expected});
  std::vector<double> ticks = nice_ticks(most, 4, t.ind->is_whole());
  double top = ticks.back();
  std::size_t n = t.months.size();
  auto x = [&](std::size_t i) {
    return n <= 1 ? kLeft : kLeft + (kW - kLeft - kRight) * static_cast<double>(i) / (n - 1);
  };
  auto y = [&](double v) { return kTop + (kH - kTop - kBottom) * (1 - v / top); };
  std::string actual, expected;
  for (std::size_t i = 0; i < n; ++i) {
    actual += px(x(i)) + "," + px(y(t.months[i].cumulative.to_double())) + " ";
    expected += px(x(i)) + "," + px(y(t.months[i].expected)) + " ";
  }
  std::string label = say(zh, "{}: cumulative actual and expected, by month",
                          "{}：累计完成与应完成，按月", t.ind->id);
  std::string out = fmt::format(
      R"(<svg class="chart" width="{0}" height="{1}" viewBox="0 0 {0} {1}" role="img" aria-label="{2}">)"
      R"(<title>{2}</title>)",
      kW, kH, esc(label));
  // A grid line and a label at each tick; the base line darker.
  for (double v : ticks) {
    out += fmt::format(
        R"(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="{3}" stroke-width="1"/>)"
        R"(<text x="{4}" y="{5}" font-size="11" text-anchor="end" fill="#616e7c">{6}</text>)",
        px(kLeft), px(y(v)), px(kW - kRight), v == 0 ? "#9aa5b1" : "#e4e7eb", px(kLeft - 4),
        px(y(v) + 3), esc(w::figure(v)));
  }
  if (n > 0) {
    const MonthPoint &first = t.months.front(), &last = t.months.back();
    out += fmt::format(
        R"(<text x="{0}" y="{1}" font-size="11" fill="#616e7c">{2}-{3:02}</text>)"
        R"(<text x="{4}" y="{1}" font-size="11" text-anchor="end" fill="#616e7c">{5}-{6:02}</text>)",
        px(kLeft), px(kH - 6), first.year, first.month, px(kW - kRight), last.year, last.month);
    out += fmt::format(
        R"(<polyline points="{}" fill="none" stroke="#7b8794" stroke-width="1.5" stroke-dasharray="4 3"/>)",
        expected);
    out += fmt::format(R"(<polyline points="{}" fill="none" stroke="#c0392b" stroke-width="2"/>)",
                       actual);
    out += fmt::format(R"(<circle cx="{}" cy="{}" r="3" fill="#c0392b"/>)", px(x(n - 1)),
                       px(y(last.cumulative.to_double())));
  }
  return out + "</svg>";
}

// A table inside a horizontally scrolling wrapper, so that a wide table
// never widens the page. Its header is a <thead>, which print repeats on
// every page; each cell carries its column's header as data-label, which
// the phone layout (below 600 px, one card per row) shows above the value.
struct HtmlTable {
  std::string head, row, rows;
  std::vector<std::string> labels;  // escaped, one per column
  std::size_t column = 0;           // of the next td in `row`
  void th(std::string_view text, bool num = false) {
    head += fmt::format("<th{}>{}</th>", num ? R"( class="num")" : "", esc(text));
    labels.push_back(esc(text));
  }
  // A heading from the report vocabulary (words.h).
  void th(Word w, bool zh, bool num = false) { th(plan::heading(w, zh), num); }
  // `html` is markup already escaped. Classes: "name" (the row's indicator,
  // the card's title on a phone), "unit" (a unit's name: never broken
  // between characters), "num", "text" (free text that wraps), "wide" (a
  // whole card's width on a phone), "rank" (hidden on a phone, where the
  // order of the cards says it).
  void td(std::string_view html, std::string_view cls = "") {
    std::string attrs;
    if (!cls.empty()) attrs += fmt::format(R"( class="{}")", cls);
    if (column < labels.size()) attrs += fmt::format(R"( data-label="{}")", labels[column]);
    row += fmt::format("<td{}>{}</td>", attrs, html);
    ++column;
  }
  void end_row(std::string_view cls = "") {
    rows += (cls.empty() ? "<tr>" : fmt::format(R"(<tr class="{}">)", cls)) + row + "</tr>\n";
    row.clear();
    column = 0;
  }
  // A row across the table under the row before: an explanation.
  void note(std::string_view text, int columns) {
    rows += fmt::format(R"(<tr class="note"><td colspan="{}" class="text meta">{}</td></tr>)",
                        columns, esc(text)) +
            "\n";
  }
  // A heading row across the table (a group of the rows that follow).
  void group(std::string_view text, int columns) {
    rows += fmt::format(R"(<tr class="group"><th colspan="{}">{}</th></tr>)", columns, esc(text)) +
            "\n";
  }
  std::string str() const {
    return "<div class=\"scroll\"><table class=\"data\">\n<thead><tr>" + head +
           "</tr></thead>\n<tbody>\n" + rows + "</tbody></table></div>\n";
  }
};

std::string id_cell(const Indicator& ind) {
  return "<code>" + esc(ind.id) + "</code>";
}

// Text in Chinese from the plan or the records (names of indicators and
// units, notes), marked as such in an English document so that browsers
// and screen readers pick Chinese fonts and voices; escaped.
std::string zh_text(std::string_view s, bool zh) {
  bool cjk =
      std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (zh || !cjk) return esc(s);
  return "<span lang=\"zh-CN\">" + esc(s) + "</span>";
}

// The cell naming an indicator: its id over its name.
std::string name_cell(const Indicator& ind, bool zh) {
  return id_cell(ind) + "<br>" + zh_text(ind.name, zh);
}

std::string section_head(const Digest& d, Section s, bool zh) {
  return "<h2>" + esc(w::heading(d, s, zh)) + "</h2>\n";
}

std::string none(const Digest& d, Section s, bool zh) {
  return "<p class=\"meta\">" + esc(w::nothing(d, s, zh)) + "</p>\n";
}

std::string headline(const Digest& d, bool zh) {
  const Headline& h = d.headline;
  std::string out = "<div class=\"time\"><span>" + esc(w::time_line(d, zh)) + "</span> " +
                    time_svg(d.time_progress) + "</div>\n";
  struct Card {
    int n;
    Status s;
    Word w;
  };
  const Card cards[] = {{h.achieved, Status::achieved, Word::achieved},
                        {h.on_track, Status::on_track, Word::on_track},
                        {h.behind, Status::behind, Word::behind},
                        {h.missed, Status::missed, Word::missed},
                        {h.unreported, Status::unreported, Word::unreported},
                        {h.no_data, Status::no_data, Word::no_data}};
  // Tiles with CSS; without it (web mail strips <style>) one line that
  // reads "15 achieved · 36 on track · …": the space and the separators are
  // in the text, and the style hides the separators.
  out += "<p class=\"tiles\">";
  bool first = true;
  for (const Card& c : cards) {
    if (c.s == Status::unreported && !d.scheduled) continue;  // as the counts line
    if (!first) out += "<span class=\"sep\"> · </span>";
    first = false;
    out += fmt::format(R"(<span class="tile s-{}"><b>{}</b> {}</span>)", status_name(c.s), c.n,
                       esc(word(c.w, zh)));
  }
  out += "</p>\n<p class=\"meta\">" + esc(w::counts_line(d, zh)) + "</p>\n";
  return out;
}

// Reports due and missing, or (`upcoming`) falling due: their last column
// counts the days left instead, as a positive number.
std::string missing_table(const std::vector<MissingReport>& list, bool upcoming, bool zh) {
  HtmlTable t;
  t.th(Word::indicator, zh);
  t.th(Word::reporter, zh);
  t.th(Word::report_period, zh);
  t.th(Word::due, zh);
  if (upcoming)
    t.th(Word::days_left, zh, true);
  else
    t.th(Word::days_overdue, zh, true);
  for (const MissingReport& m : list) {
    t.td(name_cell(*m.ind, zh), "name");
    t.td(zh_text(m.reporter.empty() ? std::string(word(Word::any_unit, zh)) : m.reporter, zh),
         "unit");
    t.td(esc(m.period));
    t.td(esc(m.due.iso()));
    t.td(esc(format_number(upcoming ? -m.days_overdue : m.days_overdue, 0)), "num");
    t.end_row();
    if (m.explanation) t.note(w::explanation_words(*m.explanation, zh), 5);
  }
  return t.str();
}

std::string missing_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::missing, zh);
  out += d.missing.empty() ? none(d, Section::missing, zh) : missing_table(d.missing, false, zh);
  // Reports merely falling due can be many (a quarter's digest: the next
  // quarter's monthly reports of every reporter): past a screenful they are
  // folded, as the other long lists are, and unfold on paper.
  constexpr std::size_t kShownDue = 10;
  if (d.due_next.size() > kShownDue)
    out += "<details>\n<summary>" + esc(w::due_next_heading(d, zh)) +
           esc(say(zh, " ({} reports)", "（{} 项）", d.due_next.size())) + "</summary>\n" +
           missing_table(d.due_next, true, zh) + "</details>\n";
  else if (!d.due_next.empty())
    out +=
        "<h3>" + esc(w::due_next_heading(d, zh)) + "</h3>\n" + missing_table(d.due_next, true, zh);
  return out;
}

std::string changes_list(const Digest& d, Section s, bool attention, bool zh) {
  std::string out = section_head(d, s, zh);
  std::vector<const StatusChange*> list;
  for (const StatusChange& c : d.changes)
    if (needs_attention(c.kind) == attention) list.push_back(&c);
  if (list.empty()) return out + none(d, s, zh);
  HtmlTable t;
  t.th(Word::indicator, zh);
  t.th(Word::status, zh);
  // Levels and milestones have no bar: no empty column when only they changed.
  bool bars = std::any_of(list.begin(), list.end(),
                          [&](const StatusChange* c) { return !bar_for(c->now, zh).empty(); });
  if (bars) t.th(Word::progress, zh);
  t.th(Word::figures_at, zh);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const StatusChange& c = *list[i];
    if (i == 0 || c.kind != list[i - 1]->kind) t.group(w::change_heading(c.kind, zh), bars ? 4 : 3);
    t.td(name_cell(*c.now.ind, zh), "name");
    t.td(badge(c.before, c.now.ind->kind, zh) + " → " + badge(c.now.status, c.now.ind->kind, zh),
         "wide");
    if (bars) t.td(bar_for(c.now, zh), "wide");
    // The badges show the transition, so only the figures follow.
    t.td(esc(w::change_words(c, zh).figures), "text");
    t.end_row();
    if (const Explanation* x = attention ? shown_explanation(c.now) : nullptr)
      t.note(w::explanation_words(*x, zh), bars ? 4 : 3);
  }
  return out + t.str();
}

std::string attention_section(const Digest& d, bool zh) {
  return changes_list(d, Section::attention, true, zh);
}

std::string progress_section(const Digest& d, bool zh) {
  return changes_list(d, Section::progress, false, zh);
}

// One row per indicator; what each unit recorded is folded away below.
std::string recorded_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::recorded, zh);
  if (d.recorded.empty()) return out + none(d, Section::recorded, zh);
  HtmlTable t;
  t.th(Word::indicator, zh);
  t.th(Word::recorded, zh, true);
  t.th(Word::entries, zh, true);
  t.th(Word::units_count, zh, true);
  for (const RecordedIndicator& r : d.recorded) {
    t.td(name_cell(*r.ind, zh), "name");
    t.td(esc(w::recorded_total(r, zh)), "num");
    t.td(std::to_string(r.entries), "num");
    t.td(std::to_string(r.units.size()), "num");
    t.end_row();
  }
  out += t.str();

  HtmlTable u;
  u.th(Word::indicator, zh);
  u.th(Word::recorded, zh, true);
  u.th(Word::entries, zh, true);
  u.th(Word::reported_by, zh);
  u.th(Word::latest_note, zh);
  std::size_t rows = 0;
  for (const RecordedIndicator& r : d.recorded) {
    bool total = r.units.size() > 1 && is_flow(r.ind->kind);
    for (std::size_t i = 0; i < r.units.size(); ++i) {
      const RecordedGroup& g = r.units[i];
      // The indicator is named once, on its first row.
      u.td(i == 0 ? name_cell(*r.ind, zh) : "", "name");
      u.td(esc(w::recorded_value(*r.ind, g, zh)), "num");
      u.td(std::to_string(g.entries), "num");
      u.td(zh_text(g.unit.empty() ? std::string(word(Word::no_by, zh)) : g.unit, zh), "unit");
      u.td(zh_text(g.note, zh), "text");
      u.end_row();
      ++rows;
    }
    if (total) {
      u.td("", "name");
      u.td(esc(w::signed_amount(*r.ind, r.sum)), "num");
      u.td(std::to_string(r.entries), "num");
      u.td(esc(word(Word::total, zh)));
      u.td("");
      u.end_row("total");
    }
  }
  return out + "<details>\n<summary>" + esc(w::heading(d, Section::appendix, zh)) +
         esc(say(zh, " ({} rows)", "（{} 行）", rows)) + "</summary>\n" + u.str() + "</details>\n";
}

std::string shortfalls_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::shortfalls, zh);
  if (d.shortfalls.empty()) return out + none(d, Section::shortfalls, zh);
  HtmlTable t;
  t.th("#", true);
  t.th(Word::indicator, zh);
  t.th(Word::progress, zh);
  t.th(plan::heading(Word::actual, zh) + " / " + std::string(word(Word::target, zh)), true);
  t.th(Word::expected, zh, true);
  t.th(
      say(zh, "{} ({})", "{}（{}）", plan::heading(Word::behind_by, zh), word(Word::of_target, zh)),
      true);
  t.th(Word::needed, zh, true);
  t.th(Word::pace, zh, true);
  auto fig = [](std::optional<double> v) { return v ? esc(w::figure(*v)) : std::string("—"); };
  for (std::size_t i = 0; i < d.shortfalls.size(); ++i) {
    const Shortfall& f = d.shortfalls[i];
    const IndicatorStatus& s = f.now;
    t.td(std::to_string(i + 1), "num rank");
    t.td(name_cell(*s.ind, zh), "name");
    t.td("<span class=\"prog\">" + bar_for(s, zh) + esc(format_ratio(*s.completion)) + "</span>",
         "wide");
    t.td(esc(format_amount(*s.actual, true)) + " / " + esc(w::amount(*s.ind, *s.target)), "num");
    const int decimals = expected_decimals(*s.ind, s.expected, s.behind_by);
    t.td(esc(format_number(*s.expected, decimals)), "num");
    t.td(esc(format_number(*s.behind_by, decimals)) + " <span class=\"meta\">(" +
             esc(format_ratio(f.gap)) + ")</span>",
         "num");
    t.td(fig(s.needed_per_month), "num strong");
    t.td(fig(s.pace_per_month), "num");
    t.end_row();
    if (const Explanation* x = shown_explanation(s)) t.note(w::explanation_words(*x, zh), 8);
  }
  out += t.str();
  if (!d.trends.empty()) {
    out += "<h3>" +
           esc(zh ? "滞后指标：累计完成与应完成（按月）"
                  : "Behind: cumulative actual against the expected line, by month") +
           "</h3>\n";
    out += fmt::format(R"(<p class="key"><i>—</i> {} <i class="exp">- -</i> {}</p>)",
                       esc(word(Word::actual, zh)), esc(word(Word::expected, zh))) +
           "\n";
    // The charts of the flows listed above are shown; those of the other
    // flows behind are folded away, so that they do not push the milestones
    // off the first screens.
    auto charts = [&](std::size_t from, std::size_t to) {
      std::string html = "<div class=\"charts\">\n";
      for (std::size_t i = from; i < to; ++i)
        html += "<figure><figcaption>" + id_cell(*d.trends[i].ind) + " " +
                zh_text(d.trends[i].ind->name, zh) + "</figcaption>" + chart_svg(d.trends[i], zh) +
                "</figure>\n";
      return html + "</div>\n";
    };
    std::size_t shown = std::min(d.shortfalls.size(), d.trends.size());
    out += charts(0, shown);
    if (shown < d.trends.size())
      out +=
          "<details>\n<summary>" +
          esc(say(zh, "The other {} flows behind", "其余 {} 项滞后指标", d.trends.size() - shown)) +
          "</summary>\n" + charts(shown, d.trends.size()) + "</details>\n";
  }
  return out;
}

std::string units_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::units, zh);
  if (d.units.rows.empty()) return out + none(d, Section::units, zh);
  HtmlTable t;
  t.th(Word::unit, zh);
  // Without a reporting schedule nothing is unreported, and the column goes.
  for (const auto& [word, count] : unit_counts(d.units.rows.front(), d.units.scheduled))
    t.th(word, zh, true);
  t.th(Word::furthest_behind, zh);
  t.th(Word::gap, zh, true);
  for (const UnitRow& u : d.units.rows) {
    t.td(zh_text(u.unit, zh), "unit name");
    for (const auto& [word, n] : unit_counts(u, d.units.scheduled))
      t.td(n == 0 ? "<span class=\"meta\">0</span>" : std::to_string(n), "num");
    t.td(u.worst_id.empty() ? "" : id_cell(*d.plan->find(u.worst_id)), "wide");
    t.td(u.worst_gap ? esc(format_ratio(*u.worst_gap)) : "", "num");
    t.end_row();
  }
  return out + t.str();
}

std::string milestones_section(const Digest& d, bool zh) {
  std::string out = section_head(d, Section::milestones, zh);
  if (d.milestones.empty()) return out + none(d, Section::milestones, zh);
  HtmlTable t;
  t.th(Word::milestone, zh);
  t.th(Word::status, zh);
  t.th(Word::due, zh);
  for (const MilestoneDue& m : d.milestones) {
    t.td(name_cell(*m.ind, zh), "name");
    t.td(badge(m.status, Kind::milestone, zh));
    t.td(esc(w::milestone_detail(m, zh)), "wide");
    t.end_row();
    if (m.explanation) t.note(w::explanation_words(*m.explanation, zh), 3);
  }
  return out + t.str();
}

}  // namespace

std::string html_escape(std::string_view raw) {
  std::string s = sanitize(raw);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string digest_html(const Digest& d, const RenderOptions& o) {
  bool zh = o.zh;
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<div class=\"wrap\">\n",
      zh ? "zh-CN" : "en", esc(w::title(d, zh)), kStyle);
  // The title begins with the plan's own (Chinese) title.
  std::string title = w::title(d, zh);
  const std::string& own = d.plan->title;
  out += "<h1>" +
         (title.starts_with(own) ? zh_text(own, zh) + esc(title.substr(own.size())) : esc(title)) +
         "</h1>\n";
  out += "<p class=\"meta\">" + esc(w::window(d, zh)) + "</p>\n";
  // A reporter's digest is what it owes, and nothing else.
  if (!d.reporter.empty()) return out + missing_section(d, zh) + "</div>\n</body>\n</html>\n";
  out += headline(d, zh);
  for (auto section : {missing_section, attention_section, shortfalls_section, milestones_section,
                       progress_section, units_section, recorded_section})
    out += section(d, zh);
  out += "<p class=\"legend\">" + esc(w::legend(zh)) + "</p>\n</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace plan
