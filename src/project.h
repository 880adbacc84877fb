// Where a plan project's files are: SPEC §2. The plan file and the records
// folder are found from the working directory upwards, unless given.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "diagnostic.h"
#include "env.h"
#include "plan.h"

namespace plan {

struct ProjectPaths {
  std::filesystem::path plan_file;
  std::filesystem::path records_dir;  // may not exist yet (no records)

  // Where `plan record` and `plan import` append an entry dated in `year`
  // and filed by `by` unless told otherwise (SPEC §6): the reporter's own
  // folder, <records>/<folder>/<year>.rec, when `by` names a [[reporter]]
  // with a folder; else (a unit that is not a reporter, a reporter without
  // a folder, or no by=) <records>/<year>.rec.
  std::filesystem::path default_record_file(const Plan& plan, std::string_view by, int year) const;

  // A usage error when `file` (a --file of record or import) would never be
  // read as a record file: not named *.rec, or not inside records_dir (nor
  // records_dir itself, when that names one file). Checked on the paths as
  // written, made absolute, with symbolic links of the existing part
  // resolved.
  std::optional<Diagnostic> check_record_file(const std::filesystem::path& file) const;
};

// plan_override / records_override: from --plan / --records or PLAN_FILE /
// PLAN_RECORDS (the caller resolves precedence); empty = discover. Discovery
// walks from `cwd` up to the first directory that has plans/ or records/.
// Found paths are made relative to `cwd`; overrides stay as typed (relative
// ones are relative to `cwd`). Errors: no plan found (no location), no or
// several .toml files in plans/ (named in the message, located at plans/);
// plans/ that cannot be listed (ErrorKind::io). Folders are looked at
// through `env`.
Expected<ProjectPaths> locate_project(Env& env, const std::filesystem::path& cwd,
                                      const std::string& plan_override,
                                      const std::string& records_override);

}  // namespace plan
