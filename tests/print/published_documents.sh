#!/usr/bin/env bash
# Every PDF of the example places, as hwbgen prints it: tagged, titled, in English, A4, a page
# count in the expected range, every font embedded, the same running header and "Page n of N"
# on every page; the plan on one landscape sheet; seed 004's commitments in the whole strategy,
# whose contents page gives the page each part starts on; and a second build gives the same bytes.
#   published_documents.sh HWBGEN PROJECT_ROOT
set -euo pipefail
hwbgen=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$hwbgen" build --quiet --no-search --root "$root" --out "$work/one"
"$hwbgen" build --quiet --no-search --root "$root" --out "$work/two"
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# name: the least and most pages expected
declare -A range=(
  [strategy.pdf]="10 120" [plan-on-a-page.pdf]="1 1" [easy-read.pdf]="3 60"
  [annual-report.pdf]="2 60" [board-paper.pdf]="1 40"
)
mapfile -t pdfs < <(cd "$work/one" && find . -name '*.pdf' | sort)
echo "${#pdfs[@]} PDFs"
# Both places: a strategy and a plan each; Leicestershire an Easy Read, an annual report and two
# board papers.
[ "${#pdfs[@]}" -eq 8 ] || fail "expected 8 PDFs, found ${#pdfs[@]}"
for pdf in "${pdfs[@]}"; do
  file="$work/one/$pdf"
  info=$(pdfinfo "$file")
  pages=$(awk '/^Pages:/ {print $2}' <<< "$info")
  read -r width height < <(awk '/^Page size:/ {print $3, $5}' <<< "$info")
  title=$(sed -n 's/^Title: *//p' <<< "$info")
  echo "$pdf: $pages page(s), $width x $height pt, \"$title\""
  grep -q '^Tagged: *yes' <<< "$info" || fail "$pdf is not tagged"
  [ -n "$title" ] || fail "$pdf has no title"
  qpdf --show-object=trailer "$file" > /dev/null
  qpdf --qdf --object-streams=disable "$file" "$work/qdf.pdf"
  grep -aq '/Lang (en-GB)' "$work/qdf.pdf" || fail "$pdf has no language"
  grep -aq '/Outlines' "$work/qdf.pdf" || fail "$pdf has no bookmark outline"
  if grep -aq '/URI (file:' "$work/qdf.pdf"; then fail "$pdf links to a local file"; fi
  read -r least most <<< "${range[$(basename "$pdf")]}"
  ((pages >= least && pages <= most)) || fail "$pdf has $pages pages, expected $least to $most"
  if [ "$(basename "$pdf")" = plan-on-a-page.pdf ]; then
    awk -v w="$width" -v h="$height" 'BEGIN {exit !(w > 841 && w < 843 && h > 594 && h < 596)}' ||
      fail "$pdf is not landscape A4"
  else
    awk -v w="$width" -v h="$height" 'BEGIN {exit !(w > 594 && w < 596 && h > 841 && h < 843)}' ||
      fail "$pdf is not portrait A4"
  fi
  # pdffonts: column "emb" is the fifth from the end.
  if pdffonts "$file" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit !bad}'; then
    fail "$pdf has a font that is not embedded"
  fi
  cmp -s "$file" "$work/two/$pdf" || fail "$pdf differs between two builds"
  # The running header (the document's title) is the first line of every page; the footer
  # numbers the pages.
  header=$(pdftotext -f 1 -l 1 "$file" - | head -1)
  [ -n "$header" ] || fail "$pdf has no running header"
  for ((page = 1; page <= pages; page++)); do
    text=$(pdftotext -f "$page" -l "$page" "$file" -)
    [ "$(head -1 <<< "$text")" = "$header" ] || fail "$pdf page $page lacks the running header \"$header\""
    grep -qF "Page $page of $pages" <<< "$text" || fail "$pdf page $page lacks \"Page $page of $pages\""
  done
done

# Seed 004's commitments, as the example content words them, are all in the strategy's text.
text=$(pdftotext "$work/one/leicestershire/strategy/strategy.pdf" - | tr -s ' \n' ' ')
found=0
while IFS= read -r commitment; do
  words=$(tr -s ' \n' ' ' <<< "$commitment" | cut -c1-40)
  found=$((found + 1))
  grep -qF -- "$words" <<< "$text" || fail "strategy.pdf lacks the commitment \"$words...\""
done < <(sed -n 's/^ *text: *"\(.*\)" *$/\1/p' "$root"/content/leicestershire/sections/*.yaml)
echo "$found commitments looked for in strategy.pdf"

# The contents page: each entry's number is the page its part starts on (the part's title is
# on that page).
for place in leicestershire leicester; do
  strategy="$work/one/$place/strategy/strategy.pdf"
  entries=0
  while IFS=$'\t' read -r title page; do
    entries=$((entries + 1))
    pdftotext -f "$page" -l "$page" "$strategy" - | tr -s ' \n' ' ' | grep -qF -- "$title" ||
      fail "$place strategy.pdf: the contents put \"$title\" on page $page, but it is not there"
  done < <(pdftotext -layout -f 1 -l 2 "$strategy" - |
    sed -n 's/^ *[0-9][0-9]*\. \(.*[^ ]\)  *\([0-9][0-9]*\) *$/\1\t\2/p')
  echo "$place strategy.pdf: $entries contents entries checked against their pages"
  ((entries >= 10)) || fail "$place strategy.pdf: found only $entries numbered contents entries"
done
((found >= 30)) || fail "found only $found commitments in the content"
exit $failed
