#!/usr/bin/env python3
"""Copies a ledger with some of its variety taken out, to measure what that
variety costs plan per line (bench/README.md, "What the lines' variety costs").

    python3 bench/flatten.py tags IN_DIR OUT_DIR
    python3 bench/flatten.py all  IN_DIR OUT_DIR

Every .rec file below IN_DIR is copied to the same path below OUT_DIR, its
comment and blank lines as they are. Entry lines (DATE  ID  VALUE  TAGS, as
bench/gen_ledger.py writes them) are changed:

  tags  every entry of a file gets the tags of the file's first entry, so
        that the tags are the same text on every line; dates, ids and values
        are kept.
  all   every entry of a file becomes the file's first entry with a whole
        number for a value, with its own value where that is a whole number:
        one date, one id and one tag text a file, and values of the same shape.

What is left varies only as the plan's reading of it needs: the output is
meant to be read with `plan status`, not compared with the input's figures.
"""
import os
import sys


def entry(line):
    """(date, id, value, tags) of an entry line, or None for a comment or a
    blank line."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    parts = line.split("  ", 3)
    return parts + [""] * (4 - len(parts))


def whole(value):
    return value.isdigit()


def flatten(mode, src, dst):
    lines = open(src, encoding="utf-8").read().splitlines()
    entries = [e for e in map(entry, lines) if e]
    first = entries[0] if entries else None
    if mode == "all":
        first = next((e for e in entries if whole(e[2])), None)
    with open(dst, "w", encoding="utf-8") as out:
        for line in lines:
            e = entry(line)
            if e is None or first is None:
                out.write(line + "\n")
                continue
            if mode == "tags":
                e[3] = first[3]
            else:
                e = [first[0], first[1], e[2] if whole(e[2]) else first[2], first[3]]
            out.write("  ".join(x for x in e if x) + "\n")


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("tags", "all"):
        sys.exit(__doc__)
    mode, src_dir, dst_dir = sys.argv[1:]
    for root, _, names in os.walk(src_dir):
        for name in names:
            if not name.endswith(".rec"):
                continue
            src = os.path.join(root, name)
            dst = os.path.join(dst_dir, os.path.relpath(src, src_dir))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            flatten(mode, src, dst)


if __name__ == "__main__":
    main()
