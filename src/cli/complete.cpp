// plan complete: the candidates for shell completion, computed by the
// program itself so that the bash, zsh and fish scripts (completion/) hold no
// list of commands, options or values and never drift from the binary.
//
//   plan complete -- WORD... CURRENT
//
// WORDs are the command line after the program name, CURRENT the word under
// the cursor (possibly empty). Prints every candidate that begins with
// CURRENT, one a line, each optionally followed by a tab and a description:
// the commands, the options of the command (and the global ones), or the
// values of the option before the cursor. What an option takes is read from
// the CLI11 definition: its choices (CLI::IsMember), else its type name —
// ID: the plan's indicator ids, UNIT: its responsible units, reporters and
// groups, REPORTER: its [[reporter]] names, AREA: its areas,
// STATUS: status words (comma lists too), YEAR: the years of its period,
// FILE/DIR: the single line ":file" or ":dir", for the shell to complete a
// path itself. Plan values are read from the plan that the command line
// (--plan, PLAN_FILE) or the working directory names; without one there
// are none. The command is hidden from --help; it never prints an error.
#include <algorithm>
#include <filesystem>
#include <set>

#include "cli.h"
#include "plan_loader.h"

namespace plan::cli {
namespace {

struct Candidate {
  std::string word;
  std::string description;
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string first_line(const std::string& s) {
  return s.substr(0, s.find('\n'));
}

// The visible commands of the program: those with a help group.
std::vector<const CLI::App*> commands(const CLI::App& root) {
  return root.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); });
}

// The option of `app` named by `word` ("--format", "--format=csv", "-f").
const CLI::Option* find_option(const CLI::App& app, std::string_view word) {
  std::string_view name = word.substr(0, word.find('='));
  for (const CLI::Option* o : app.get_options()) {
    if (!o->nonpositional()) continue;
    for (const auto& l : o->get_lnames())
      if (name == "--" + l) return o;
    for (const auto& s : o->get_snames())
      if (name == "-" + s) return o;
  }
  return nullptr;
}

bool takes_value(const CLI::Option& o) {
  return o.get_type_size_max() > 0;
}

bool repeatable(const CLI::Option& o) {
  return o.get_items_expected_max() > 1;
}

// "FORMAT:{table,csv}" → kind "FORMAT", choices {table, csv}.
struct ValueSpec {
  std::string kind;
  std::vector<std::string> choices;
};

ValueSpec value_spec(const CLI::Option& o) {
  std::string full = o.get_type_name();
  ValueSpec spec;
  std::size_t colon = full.find(':');
  spec.kind = full.substr(0, colon);
  while (colon != std::string::npos) {
    std::size_t next = full.find(':', colon + 1);
    std::string part = full.substr(colon + 1, next - colon - 1);
    colon = next;
    if (part.size() < 2 || part.front() != '{' || part.back() != '}') continue;
    std::string list = part.substr(1, part.size() - 2);
    for (std::size_t pos = 0; pos <= list.size();) {
      std::size_t comma = std::min(list.find(',', pos), list.size());
      spec.choices.push_back(list.substr(pos, comma - pos));
      pos = comma + 1;
    }
  }
  return spec;
}

// The plan named on the command line, in the environment or found from the
// working directory; nullopt, silently, when there is none or it does not load.
std::optional<Plan> quiet_plan(const std::string& plan_file, const std::string& records_dir) {
  std::error_code ec;
  auto cwd = std::filesystem::current_path(ec);
  if (ec) return std::nullopt;
  auto paths = locate_project(Env::posix(), cwd, plan_file, records_dir);
  if (!paths) return std::nullopt;
  Diagnostics diags;
  return load_plan(Env::posix(), paths->plan_file.string(), diags);
}

class Completer {
 public:
  Completer(const CLI::App& root, const Globals& g)
      : root_(root), plan_file_(g.plan_file), records_dir_(g.records_dir) {}

  std::vector<Candidate> run(const std::vector<std::string>& words) {
    if (words.empty()) return {};
    const std::string& cur = words.back();
    const CLI::App* cmd = nullptr;
    const CLI::Option* pending = nullptr;  // an option whose value comes next
    const CLI::Option* seen_option = nullptr;
    std::size_t positional = 0;
    bool options_ended = false;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      const std::string& w = words[i];
      if (pending) {
        note_value(*pending, w);
        pending = nullptr;
      } else if (!options_ended && w == "--") {
        options_ended = true;
      } else if (!options_ended && w.size() > 1 && w[0] == '-') {
        seen_option = option(cmd, w);
        if (!seen_option) continue;
        seen_.insert(seen_option);
        if (!takes_value(*seen_option)) continue;
        if (w.find('=') == std::string::npos)
          pending = seen_option;
        else
          note_value(*seen_option, w.substr(w.find('=') + 1));
      } else if (!cmd && (cmd = command(w))) {
      } else {
        ++positional;
      }
    }
    if (pending) return values(*pending, cur, "");
    if (!options_ended && starts_with(cur, "-")) {
      std::size_t eq = cur.find('=');
      if (eq != std::string::npos) {
        const CLI::Option* o = option(cmd, cur);
        if (!o || !takes_value(*o)) return {};
        return values(*o, cur.substr(eq + 1), cur.substr(0, eq + 1));
      }
      return options(cmd, cur);
    }
    if (!cmd) return command_names(cur);
    return positional_values(*cmd, positional, cur);
  }

 private:
  const CLI::App* command(std::string_view name) const {
    for (const CLI::App* c : commands(root_))
      if (c->get_name() == name) return c;
    return nullptr;
  }

  // Global options are accepted after the command name too.
  const CLI::Option* option(const CLI::App* cmd, std::string_view word) const {
    const CLI::Option* o = cmd ? find_option(*cmd, word) : nullptr;
    return o ? o : find_option(root_, word);
  }

  void note_value(const CLI::Option& o, const std::string& value) {
    if (o.check_lname("plan")) plan_file_ = value;
    if (o.check_lname("records")) records_dir_ = value;
  }

  const Plan* plan() {
    if (!loaded_) {
      loaded_ = true;
      plan_ = quiet_plan(plan_file_, records_dir_);
    }
    return plan_ ? &*plan_ : nullptr;
  }

  std::vector<Candidate> command_names(const std::string& cur) const {
    std::vector<Candidate> out;
    for (const CLI::App* c : commands(root_))
      if (starts_with(c->get_name(), cur)) out.push_back({c->get_name(), c->get_description()});
    return out;
  }

  // The command's options, then the global ones; an option already given
  // is offered again only when it may be repeated.
  std::vector<Candidate> options(const CLI::App* cmd, const std::string& cur) const {
    std::vector<Candidate> out;
    std::set<std::string> names;
    for (const CLI::App* app : {cmd, &root_}) {
      if (!app) continue;
      for (const CLI::Option* o : app->get_options()) {
        if (!o->nonpositional() || (seen_.count(o) && !repeatable(*o))) continue;
        if (cmd && app == &root_ && o->check_lname("version")) continue;
        for (const auto& l : o->get_lnames()) {
          std::string name = "--" + l;
          if (starts_with(name, cur) && names.insert(name).second)
            out.push_back({name, first_line(o->get_description())});
        }
      }
    }
    return out;
  }

  std::vector<Candidate> positional_values(const CLI::App& cmd, std::size_t index,
                                           const std::string& cur) {
    std::vector<const CLI::Option*> list;
    for (const CLI::Option* o : cmd.get_options())
      if (o->get_positional()) list.push_back(o);
    if (list.empty()) return {};
    if (index < list.size()) return values(*list[index], cur, "");
    if (repeatable(*list.back())) return values(*list.back(), cur, "");
    return {};
  }

  // The values of `o` that begin with `cur`, each written after `lead`
  // ("--format=" when completing "--format=c").
  std::vector<Candidate> values(const CLI::Option& o, const std::string& cur,
                                const std::string& lead) {
    ValueSpec spec = value_spec(o);
    std::vector<Candidate> all;
    std::string head = lead;  // the part of a comma list already typed
    std::string last = cur;
    if (spec.kind == "FILE" || starts_with(spec.kind, "FILE.") || spec.kind == "PATH")
      return {{":file", ""}};
    if (spec.kind == "DIR") return {{":dir", ""}};
    if (!spec.choices.empty()) {
      for (const auto& c : spec.choices) all.push_back({c, ""});
    } else if (spec.kind == "STATUS") {
      for (int s = 0; s <= static_cast<int>(Status::overdue); ++s)
        all.push_back({std::string(status_name(static_cast<Status>(s))), ""});
      std::size_t comma = cur.rfind(',');
      if (comma != std::string::npos) {
        head += cur.substr(0, comma + 1);
        last = cur.substr(comma + 1);
      }
    } else if (const Plan* p = plan()) {
      if (spec.kind == "ID")
        for (const auto& ind : p->indicators) all.push_back({ind.id, ind.name});
      if (spec.kind == "UNIT")
        for (auto u : p->unit_names()) all.push_back({std::string(u), ""});
      if (spec.kind == "REPORTER")
        for (const auto& r : p->reporters) all.push_back({r.name, r.group});
      if (spec.kind == "AREA")
        for (const auto& a : p->areas) all.push_back({a.id, a.name});
      if (spec.kind == "YEAR")
        for (int y : p->years()) all.push_back({std::to_string(y), ""});
    }
    std::vector<Candidate> out;
    for (auto& c : all)
      if (starts_with(c.word, last)) out.push_back({head + c.word, c.description});
    return out;
  }

  const CLI::App& root_;
  std::string plan_file_;
  std::string records_dir_;
  std::set<const CLI::Option*> seen_;
  bool loaded_ = false;
  std::optional<Plan> plan_;
};

}  // namespace

void setup_complete(CLI::App& sub, Globals& g) {
  auto words = std::make_shared<std::vector<std::string>>();
  sub.group("");  // hidden from plan --help
  sub.add_option("words", *words, "The command line after 'plan', the last word being completed");
  sub.callback([words, &sub, &g] {
    Completer completer(*sub.get_parent(), g);
    std::string text;
    for (const auto& c : completer.run(*words)) {
      // A tab or line break inside a word would break the line protocol.
      if (c.word.find_first_of("\t\n") != std::string::npos) continue;
      text += c.word;
      if (!c.description.empty()) text += "\t" + first_line(c.description);
      text += "\n";
    }
    emit(g, text);
  });
}

}  // namespace plan::cli
