#!/usr/bin/env bash
# The plan on a page of every example place prints on exactly one landscape A4 sheet with
# Chromium's default print settings, with no text smaller than 8 pt.
#   plan_on_a_page.sh HWBGEN PROJECT_ROOT
set -euo pipefail
hwbgen=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$hwbgen" build --quiet --root "$root" --out "$work/site"
failed=0
checked=0
for place in "$work"/site/*/; do
  [ -f "${place}plan-on-a-page/index.html" ] || continue  # site/assets/ holds the system page's stylesheet
  name=$(basename "$place")
  pdf="$work/$name.pdf"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --print-to-pdf="$pdf" \
    "file://${place}plan-on-a-page/index.html" 2>/dev/null
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  read -r width height < <(pdfinfo "$pdf" | awk '/^Page size:/ {print $3, $5}')
  # pdftotext -bbox gives each word's box; its height is the type size in points.
  smallest=$(pdftotext -bbox "$pdf" - | awk -F'"' '/<word / {h = $8 - $4; if (min == "" || h < min) min = h} END {print min}')
  checked=$((checked + 1))
  echo "$name: $pages page(s), ${width} x ${height} pt, smallest text ${smallest} pt"
  if [ "$pages" != 1 ]; then echo "FAIL: $name's plan on a page prints on $pages pages"; failed=1; fi
  if ! awk -v w="$width" -v h="$height" 'BEGIN {exit !(w > 841 && w < 843 && h > 594 && h < 596)}'; then
    echo "FAIL: $name's plan on a page is not landscape A4"; failed=1
  fi
  if ! awk -v s="$smallest" 'BEGIN {exit !(s >= 8)}'; then
    echo "FAIL: $name's plan on a page has text under 8 pt"; failed=1
  fi
done
# One plan per place under content/, so a build that wrote elsewhere cannot pass having printed none.
places=$(find "$root/content" -mindepth 2 -maxdepth 2 -name place.yaml | wc -l)
if [ "$checked" != "$places" ] || [ "$places" = 0 ]; then
  echo "FAIL: printed $checked plans on a page for $places places"; failed=1
fi
exit $failed
