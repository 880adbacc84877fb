#!/bin/bash
# Renders the HTML digest of the shipped project (plans/ + records/) the way
# people see it, so that anyone can look: the weekly and the monthly digest,
# in English and Chinese, as a browser shows them at 1280 px (desktop) and
# 390 px (phone), with the <style> block stripped (web mail), and printed to
# A4 PDF with every page rasterised. It builds nothing.
#
#   tools/screenshots.sh [-p PLAN] [-w YYYY-Www] [-m YYYY-MM] OUTDIR
#
# PLAN defaults to build/plan. Needs Debian's chromium and fonts-noto-cjk,
# pdftoppm (poppler-utils), and /usr/bin/python3 with python3-pil to cut the
# full-page shots into screen-sized PNGs (without it, one tall PNG each).
# Writes OUTDIR/NAME.html, NAME-1280-N.png, NAME-390-N.png,
# NAME-nostyle-N.png, NAME.pdf and NAME-page-N.png for each NAME in
# week-en, week-zh, month-en, month-zh.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
plan=$root/build/plan
week=2019-W26
month=2019-06
while getopts p:w:m: opt; do
  case $opt in
    p) plan=$OPTARG ;;
    w) week=$OPTARG ;;
    m) month=$OPTARG ;;
    *) echo "usage: $0 [-p PLAN] [-w YYYY-Www] [-m YYYY-MM] OUTDIR" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: $0 [-p PLAN] [-w YYYY-Www] [-m YYYY-MM] OUTDIR" >&2; exit 2; }
[ -x "$plan" ] || { echo "$0: no plan executable at $plan (build it, or give -p)" >&2; exit 2; }
command -v chromium >/dev/null || { echo "$0: needs chromium (apt-get install chromium fonts-noto-cjk)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "$0: needs pdftoppm (apt-get install poppler-utils)" >&2; exit 2; }
mkdir -p "$1"
out=$(cd "$1" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2>/dev/null
}

# A full-page shot: a window taller than any digest, then cut at the end of
# the page and into screens of SCREEN px.
shoot() {  # HTML PNG-PREFIX WIDTH SCREEN
  chrome --window-size="$3,16000" --screenshot="$2.png" "file://$1" >/dev/null
  if /usr/bin/python3 -c 'import PIL' 2>/dev/null; then
    /usr/bin/python3 - "$2" "$4" <<'EOF'
import sys
from PIL import Image
prefix, screen = sys.argv[1], int(sys.argv[2])
img = Image.open(prefix + ".png").convert("RGB")
w, h = img.size
px = img.load()
background = px[0, h - 1]
end = h
while end > 1 and all(px[x, end - 1] == background for x in range(0, w, 4)):
    end -= 1
if end == h:
    print(f"{prefix}: the page is longer than {h} px; the shots stop there", file=sys.stderr)
for i, top in enumerate(range(0, end, screen), 1):
    img.crop((0, top, w, min(top + screen, end))).save(f"{prefix}-{i}.png")
EOF
    rm "$2.png"
  fi
}

cd "$root"
for kind in week month; do
  if [ $kind = week ]; then label=(--week "$week"); else label=(--month "$month"); fi
  for lang in en zh; do
    name=$kind-$lang
    html=$out/$name.html
    # Exit 3 (--fail-on) is not used here; 0 is the only success.
    "$plan" report "${label[@]}" --lang "$lang" --format html --output "$html"
    shoot "$html" "$out/$name-1280" 1280 900
    shoot "$html" "$out/$name-390" 390 844
    sed '/<style>/,/<\/style>/d' "$html" >"$out/$name-nostyle.html"
    shoot "$out/$name-nostyle.html" "$out/$name-nostyle" 1280 900
    chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "file://$html" >/dev/null
    rm -f "$out/$name-page"-*.png
    pdftoppm -png -r 60 "$out/$name.pdf" "$out/$name-page"
    shots=("$out/$name"-*.png)
    echo "$name: ${#shots[@]} images"
  done
done
