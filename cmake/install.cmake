# What `cmake --install build --prefix P` puts where, as a Debian package
# lays it out (the .deb below installs the same files under /usr):
#   bin/plan
#   lib/x86_64-linux-gnu/plan/plan-workbook.so (workbooks in and out,
#     loaded when needed)
#   share/man/man1/plan.1.gz, share/man/man5/plan-{file,records}.5.gz
#   share/bash-completion/completions/plan
#   share/zsh/vendor-completions/_plan
#   share/fish/vendor_completions.d/plan.fish
#   share/doc/plan/{README.md,copyright,changelog.gz}
# Manual pages and the changelog are compressed as Debian's dh_compress does
# (gzip -9n: no name, no time stamp, so the package is reproducible).
include(GNUInstallDirs)

set(PLAN_COMPRESSED)
function(plan_gzip source output)
  add_custom_command(OUTPUT ${output}
    COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${source} ${output}
    DEPENDS ${source} VERBATIM)
  list(APPEND PLAN_COMPRESSED ${output})
  set(PLAN_COMPRESSED ${PLAN_COMPRESSED} PARENT_SCOPE)
endfunction()
set(gz ${CMAKE_BINARY_DIR}/compressed)
file(MAKE_DIRECTORY ${gz})
plan_gzip(${CMAKE_SOURCE_DIR}/man/plan.1 ${gz}/plan.1.gz)
plan_gzip(${CMAKE_SOURCE_DIR}/man/plan-file.5 ${gz}/plan-file.5.gz)
plan_gzip(${CMAKE_SOURCE_DIR}/man/plan-records.5 ${gz}/plan-records.5.gz)
plan_gzip(${CMAKE_SOURCE_DIR}/packaging/changelog ${gz}/changelog.gz)
add_custom_target(plan_compressed ALL DEPENDS ${PLAN_COMPRESSED})

install(TARGETS plan RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The workbook module, where plan looks for it (workbook_module.h): a
# private library's folder, lib/x86_64-linux-gnu/plan/ (PLAN_MODULE_DIR).
install(TARGETS plan_workbook LIBRARY DESTINATION ${PLAN_MODULE_DIR})
install(FILES ${gz}/plan.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${gz}/plan-file.5.gz ${gz}/plan-records.5.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man5)
install(FILES completion/plan.bash RENAME plan
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/bash-completion/completions)
install(FILES completion/_plan DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/zsh/vendor-completions)
install(FILES completion/plan.fish
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/fish/vendor_completions.d)
install(FILES README.md packaging/copyright ${gz}/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/plan)

# The Debian package: `cpack --config build/CPackConfig.cmake -B build/package`
# (tools/deb-check.sh builds it, runs lintian, installs and removes it).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plan)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: computed by dpkg-shlibdeps
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "plan maintainers <plan@example.org>")
# The synopsis, then the extended description; CPack indents each line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "indicator ledger for government action plans
plan keeps the numeric targets of a multi-year action plan in a TOML file
and the actual figures that departments report in append-only text record
files, and computes on request how each target stands at any date:
completion, time progress, shortfall, year-on-year change, projections and
per-unit accountability.

Output is for people at a terminal (tables in English or Chinese), for cron
jobs (weekly or monthly digests in text, Markdown or HTML, and exit codes)
and for spreadsheets and scripts (CSV, TSV, JSON).")
include(CPack)
