#!/usr/bin/env bash
# A full disk, for real: the project on a tmpfs of 256 KiB mounted in a
# mount namespace of this test's own (unshare: as root, or as a user where
# user namespaces are allowed, as on Debian), filled to the last page.
# `plan record` and `plan import` fail in one line and leave every record
# file byte for byte as it was, and no journal: when the journal itself
# finds no room, and when a file's lines find none after another file's
# landed (that one is cut back); `--output` fails in one line and leaves
# no file behind. With room again, the same import lands whole. Where no
# namespace or tmpfs can be had (a container that forbids them), or pages
# are not of 4 KiB, the test is skipped (exit 77, its SKIP_RETURN_CODE).
# Usage: full_disk.sh PLAN_BINARY SOURCE_DIR
set -u

if [[ -z "${PLAN_FULL_DISK_NS:-}" ]]; then
  # The page counts below (a 4096-byte file fills a page) are 4 KiB pages'.
  if [[ "$(getconf PAGESIZE)" != 4096 ]]; then
    echo "skipped: pages of $(getconf PAGESIZE) bytes, not 4096"
    exit 77
  fi
  if ! unshare --map-root-user --mount true 2>/dev/null; then
    echo "skipped: no mount namespace to be had (unshare --map-root-user --mount)"
    exit 77
  fi
  PLAN_FULL_DISK_NS=1 exec unshare --map-root-user --mount bash "$0" "$@"
fi

. "$(dirname "$0")/scratch.bash"
DISK="$TMP/disk"
mkdir -p "$DISK"
if ! mount -t tmpfs -o size=256k tmpfs "$DISK"; then
  echo "skipped: no tmpfs may be mounted here"
  exit 77
fi
trap 'cd /; umount "$DISK"; rm -rf "$TMP"' EXIT

mkdir -p "$DISK/p/plans" "$DISK/p/records"
cp "$SRC/tests/fixtures/record_import.toml" "$DISK/p/plans/x.toml"
cd "$DISK/p" || exit 2

# records/2018.rec: one line, in a page of its own with room after it.
# records/2019.rec: exactly one page (4096 bytes) of 28 lines, the last
# padded by its note, so that one more line needs a page more.
printf '2018-12-31  jobs.urban_new  1  by=人社局\n' > records/2018.rec
/usr/bin/python3 - <<'EOF' || { echo "python failed"; exit 1; }
line = lambda d, pad: f'2019-01-{d:02d}  jobs.urban_new  1  by=人社局  note="{"x" * pad}"\n'.encode()
out = b"".join(line(d, 60) for d in range(1, 28))
out += line(28, 4096 - len(out) - len(line(28, 0)))
assert len(out) == 4096
open("records/2019.rec", "wb").write(out)
EOF
run check
same "the records read" "$ERR" "plan: plans/x.toml: 3 indicators; records: 29 entries in 2 files; 0 errors, 0 warnings"
cp -r records "$TMP/before"

# records_kept NAME: the record files as they were, and no journal.
records_kept() {
  if diff -r records "$TMP/before" >/dev/null; then passed=$((passed + 1)); else fail "$1: the records changed"; fi
  [[ ! -e records/.plan-journal ]] && passed=$((passed + 1)) || fail "$1: a journal was left"
}

# Filled to the last page (dd stops at the first write that finds none).
dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null
same "the disk is full" "$(df --output=avail -B1 "$DISK" | tail -n 1 | tr -d ' ')" 0

run record jobs.urban_new 6 --date 2019-04-30 --by 人社局
same "record, no room for the journal: exit" "$RC" 1
same "record, no room for the journal: message" "$ERR" \
  'plan: records/.plan-journal: cannot write: No space left on device; nothing was written'
run --lang zh record jobs.urban_new 6 --date 2019-04-30 --by 人社局
same "record, no room for the journal: message in Chinese" "$ERR" \
  'plan: records/.plan-journal: 无法写入：磁盘已满；未写入任何内容'
records_kept "record, no room for the journal"

# log.json is written a batch at a time into its temporary file.
for out in out.xlsx out.csv out.html log.json; do
  case $out in
    out.xlsx) run status --format xlsx --output "$out" ;;
    out.csv) run status --format csv --output "$out" ;;
    out.html) run report --output "$out" ;;
    log.json) run log --output "$out" ;;
  esac
  same "$out on a full disk: exit" "$RC" 1
  same "$out on a full disk: message" "$ERR" "plan: $out: cannot write: No space left on device"
  same "$out on a full disk: no file left" "$(ls -A)" $'plans\nrecords'
done

# One page free: the journal takes it, 2018.rec's line fits in its page,
# 2019.rec's needs a page more and finds none. 2018.rec is cut back.
truncate -s -4096 "$DISK/filler"
printf '日期,指标,数值,填报单位\n2018-12-30,jobs.urban_new,7,人社局\n2019-04-30,jobs.urban_new,8,人社局\n' > "$TMP/in.csv"
run import "$TMP/in.csv"
same "import, no room for one file: exit" "$RC" 1
same "import, no room for one file: message" "$(head -n 1 <<<"$ERR")" \
  'plan: records/2019.rec: cannot append: No space left on device; nothing was written'
records_kept "import, no room for one file"

# Room again: the same import lands whole, and check reads it clean.
rm "$DISK/filler"
run import "$TMP/in.csv"
same "import with room: exit" "$RC" 0
same "import with room: 2018.rec" "$(tail -n 1 records/2018.rec)" '2018-12-30  jobs.urban_new  7  by=人社局'
same "import with room: 2019.rec" "$(tail -n 1 records/2019.rec)" '2019-04-30  jobs.urban_new  8  by=人社局'
same "import with room: 2019.rec grew by its line" "$(stat -c %s records/2019.rec)" $((4096 + 44))
run check
same "import with room: check" "$ERR" "plan: plans/x.toml: 3 indicators; records: 31 entries in 2 files; 0 errors, 0 warnings"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
