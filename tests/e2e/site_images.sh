#!/usr/bin/env bash
# Images as sites and documentation bring them (tests/e2e/corpora/site): SVG (a graphviz diagram
# with its DOCTYPE and a <switch> by language, a plain badge, a hostile file), GIF (animated and
# still), a PNG with alpha, 16-bit and interlaced PNGs, '%20' paths, '/assets/…' paths and a
# '?raw=true' suffix. Both books hold every picture; epubcheck, qpdf and pdfimages judge them;
# nothing outside the corpus is ever read; the books do not depend on the locale. A saved HTML page's
# data: URL pictures get the same checks. DAISY Ace checks both EPUBs where it is installed.
source "$(dirname "$0")/lib.sh"
corpus=$WORK/site  # a copy: the test puts files beside it and inside it
cp -r "$SOURCE_DIR/tests/e2e/corpora/site" "$corpus"
out=$WORK/out
build_corpus "$corpus" "$out" && pass "octavo builds the corpus" || fail "octavo build"
cat "$out.log"
check "the exact warnings, and nothing else" diff <(grep -v '^octavo: wrote' "$out.log") <(printf '%s\n' \
  "post.md:14:1: warning: dropped from the SVG 'assets/hostile.svg': its scripts; its <foreignObject> content (HTML, which the PDF cannot draw); references to outside it: 'https://example.org/theme.css', 'file:///etc/passwd', '/etc/passwd', 'file:///etc/hostname' and 2 more" \
  "  hint: both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the corpus, so put pictures inside the SVG as data: URLs" \
  "post.md:10:1: warning: the PDF shows only the first of the 3 frames of the animated GIF 'assets/anim.gif'")
"$OCTAVO" check "$corpus" --diagnostics=short 2>"$WORK/check.log" || fail "octavo check"
check "octavo check gives the SVG's warning too" grep -qF "post.md:14:1: warning: dropped from the SVG 'assets/hostile.svg'" "$WORK/check.log"

# A page saved whole (SingleFile) holds its pictures as data: URLs: they get a file's checks, and
# the SVG a file's cleaning and warning.
saved=$WORK/saved
mkdir "$saved"
svg64=$(printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20" onload="alert(1)"><script>fetch("https://example.org/")</script><rect width="40" height="20" fill="#08f"/></svg>' | base64 -w0)
gif64=R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7
printf '<html><head><title>Saved page</title></head><body>\n<p>Two pictures.</p>\n<figure><img src="data:image/svg+xml;base64,%s" alt="An inline SVG"><figcaption>An inline SVG</figcaption></figure>\n<p><img src="data:image/gif;base64,%s" alt="An inline GIF"></p>\n</body></html>\n' "$svg64" "$gif64" >"$saved/saved.html"
# Markdown may hold one too, here an SVG written with %-escapes instead of base64.
printf '# Inline\n\n![A green square](data:image/svg+xml,%%3Csvg%%20xmlns=%%22http://www.w3.org/2000/svg%%22%%20viewBox=%%220%%200%%2010%%2010%%22%%3E%%3Crect%%20width=%%2210%%22%%20height=%%2210%%22%%20fill=%%22%%230a0%%22/%%3E%%3C/svg%%3E)\n' >"$saved/inline.md"
build_corpus "$saved" "$WORK/saved-out" && pass "octavo builds the saved page" || fail "octavo build of the saved page"
check "the data: SVG gets the file's warning" diff <(grep -v '^octavo: wrote' "$WORK/saved-out.log") <(printf '%s\n' \
  "saved.html:3:9: warning: dropped from the SVG 'data:image/svg+xml;base64,…': its scripts" \
  "  hint: both books keep the rest of the picture; Octavo runs no scripts and reads nothing outside the corpus, so put pictures inside the SVG as data: URLs")
mkdir "$WORK/saved-x" && (cd "$WORK/saved-x" && unzip -q "$WORK/saved-out/saved.epub")
check "the saved page's EPUB holds the two SVGs and the GIF" test "$(ls "$WORK/saved-x/EPUB/images" | sed 's/.*\.//' | sort | tr '\n' ,)" = "gif,svg,svg,"
check "the Markdown data: SVG is in the EPUB as written" grep -qF '<rect width="10" height="10" fill="#0a0"/>' "$WORK/saved-x/EPUB/images/"*.svg
check "the data: SVG in the EPUB has no script" bash -c "! grep -qiE 'script|onload|example.org' '$WORK/saved-x/EPUB/images/'*.svg"
check "the saved page's PDF passes qpdf --check" qpdf --check "$WORK/saved-out/saved.pdf"
check "the saved page's PDF draws the three pictures" test "$(pdfimages -list "$WORK/saved-out/saved.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" -eq 3

# EPUB: every picture, GIF and SVG as EPUB core media types; epubcheck accepts the cleaned SVGs.
check "epubcheck: 0 fatals, 0 errors, 0 warnings, for both books" \
  epubcheck_books "$WORK/epubcheck.txt" "$out/site.epub" "$WORK/saved-out/saved.epub"
check "epubcheck: 0 infos, for both books" test "$(grep -c '^Messages: .* / 0 infos' "$WORK/epubcheck.txt")" -eq 2
grep -E 'ERROR|WARNING' "$WORK/epubcheck.txt" || true
if ace_why=$(ace_missing); then
  echo "skip: $ace_why — DAISY Ace not run (see tests/e2e/lib.sh)"
else
  check "DAISY Ace finds no violation in the site's EPUB" ace_check site "$out/site.epub"
  check "DAISY Ace finds no violation in the saved page's EPUB" ace_check saved "$WORK/saved-out/saved.epub"
fi
mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/site.epub")
images=$WORK/x/EPUB/images
check "the EPUB holds 8 pictures: 3 SVG, 2 GIF, 3 PNG" test "$(ls "$images" | sed 's/.*\.//' | sort | uniq -c | tr -s ' ' | tr '\n' ,)" = " 2 gif, 3 png, 3 svg,"
named() { echo "$images/$(sha256sum "$1" | cut -c1-16).${1##*.}"; }
check "the animated GIF is the corpus file, every frame" cmp "$(named "$corpus/assets/anim.gif")" "$corpus/assets/anim.gif"
check "the PNG with alpha is the corpus file" cmp "$(named "$corpus/assets/my figure.png")" "$corpus/assets/my figure.png"
check "a clean SVG is the corpus file" cmp "$(named "$corpus/assets/plain.svg")" "$corpus/assets/plain.svg"
check "the manifest gives SVG and GIF their media types" \
  test "$(grep -oE 'media-type="image/(svg\+xml|gif)"' "$WORK/x/EPUB/package.opf" | sort | uniq -c | tr -s ' ' | tr '\n' ,)" = " 2 media-type=\"image/gif\", 3 media-type=\"image/svg+xml\","
hostile=$(grep -l 'class="a"' "$images"/*.svg)
check "the hostile SVG keeps its picture" grep -qF '<rect class="a" x="10" y="10" width="100" height="40"/>' "$hostile"
for word in passwd hostname secret script example.org foreignObject DOCTYPE ENTITY onload; do
  check "the hostile SVG in the EPUB has no '$word'" bash -c "! grep -qi '$word' '$hostile'"
done
diagram=$(grep -l 'graphviz' "$images"/*.svg)
check "the diagram lost its DOCTYPE only" bash -c "! grep -q DOCTYPE '$diagram' && grep -q schreiben '$diagram' && grep -q 'systemLanguage=\"de\"' '$diagram'"
check "the article shows each of its 9 pictures" test "$(cat "$WORK/x/EPUB/text/"*.xhtml | grep -c '<img src="../images/')" -eq 9

# PDF: every picture drawn, soft masks Flate-compressed with predictors, SVG at 300 dpi.
check "qpdf --check is clean" qpdf --check "$out/site.pdf"
pdfimages -list "$out/site.pdf" >"$WORK/images.txt"
cat "$WORK/images.txt"
rows() { awk -v type="$1" 'NR > 2 && $3 == type' "$WORK/images.txt"; }
check "the PDF draws 9 pictures (the disc twice)" test "$(rows image | wc -l)" -eq 9
check "from 8 image objects" test "$(rows image | awk '{print $11}' | sort -u | wc -l)" -eq 8
check "the 16-bit PNG is drawn with 8-bit samples" grep -qE '^ +[0-9]+ +[0-9]+ image +40 +20 +rgb +3 +8 ' "$WORK/images.txt"
check "the interlaced PNG is drawn" grep -qE '^ +[0-9]+ +[0-9]+ image +33 +17 +gray +1 +8 ' "$WORK/images.txt"
check "the animated GIF's first frame is drawn, opaque" grep -qE '^ +[0-9]+ +[0-9]+ image +40 +30 +rgb +3 +8 ' "$WORK/images.txt"
check "the diagram SVG is drawn at 300 dpi" grep -qE '^ +[0-9]+ +[0-9]+ image +859 +484 +rgb +3 +8 +image +no +[0-9]+ +0 +300 +300 ' "$WORK/images.txt"
check "the PNG's alpha is a soft mask" grep -qE '^ +[0-9]+ +[0-9]+ smask +600 +400 +gray +1 +8 ' "$WORK/images.txt"
check "the disc's soft mask is compressed to under 5 % (libharu stored 100 %)" \
  test "$(rows smask | awk '$4 == 600 {sub("%", "", $16); print ($16 + 0 < 5)}' | sort -u)" = 1
check "every soft mask of more than 10,000 pixels is compressed to under 5 %" \
  test "$(rows smask | awk '$4 * $5 > 10000 {sub("%", "", $16); if ($16 + 0 >= 5) print}' | wc -l)" -eq 0
check "all 13 image and soft mask streams use PNG predictors" \
  test "$(grep -a -c '/Predictor 15' "$out/site.pdf")" -eq 13
pdftotext "$out/site.pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
for caption in "A flow from read to write" "A translucent disc" "A moving pattern" "An SVG that tries to reach outside" \
  "An interlaced checkerboard"; do
  check "the PDF has the caption \"$caption\"" grep -qF -- "$caption" "$WORK/text.txt"
done

# Determinism: again, and under another language and locale (librsvg follows LANGUAGE in <switch>).
build_corpus "$corpus" "$WORK/again" 2>/dev/null || fail "second build"
check "a second build gives a byte-identical EPUB" cmp "$out/site.epub" "$WORK/again/site.epub"
check "a second build gives a byte-identical PDF" cmp "$out/site.pdf" "$WORK/again/site.pdf"
LANGUAGE=de LANG=de_DE.UTF-8 LC_ALL=C.UTF-8 TZ=Asia/Tokyo build_corpus "$corpus" "$WORK/german" 2>/dev/null || fail "German build"
check "LANGUAGE=de gives a byte-identical PDF" cmp "$out/site.pdf" "$WORK/german/site.pdf"

# Nothing outside the SVG is read: with the files it names put in place (beside the corpus, and
# beside the SVG, where librsvg would look with a base URL), both books are byte-identical.
cp "$corpus/assets/my figure.png" "$WORK/secret.png"
cp "$corpus/assets/my figure.png" "$corpus/assets/secret.png"
build_corpus "$corpus" "$WORK/baited" 2>/dev/null || fail "build with the bait in place"
check "with the bait in place the EPUB is byte-identical" cmp "$out/site.epub" "$WORK/baited/site.epub"
check "with the bait in place the PDF is byte-identical" cmp "$out/site.pdf" "$WORK/baited/site.pdf"
rm "$corpus/assets/secret.png"
if command -v strace >/dev/null; then
  # LeakSanitizer cannot run under ptrace, so a sanitized build checks leaks in the runs above only.
  ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" strace -f -e trace=open,openat -o "$WORK/trace.txt" "$OCTAVO" build "$corpus" -o "$WORK/traced" -q 2>/dev/null || fail "traced build"
  check "the build never opens /etc/passwd, /etc/hostname or secret.png" bash -c "! grep -E 'etc/passwd|etc/hostname|secret\.png' '$WORK/trace.txt'"
else
  echo "skip: strace is not installed, so the files the build opens are not traced"
fi

# Hostile sizes are refused from the header or bounded: a 50000 x 50000 PNG is an error; a GIF
# bomb (16384 x 16384 pixels from a few bytes) is left out of the PDF before it is decoded; an SVG
# declaring 100000 x 100000 pixels is drawn at print size.
bomb=$WORK/bomb
mkdir "$bomb"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\xc3\x50\x00\x00\xc3\x50\x08\x02\x00\x00\x00\x8d\x2b\xde\x6d\x00\x00\x00\x00IEND\xaeB`\x82' >"$bomb/huge.png"
printf '# Huge\n\n![huge](huge.png)\n' >"$bomb/huge.md"
expect_exit 1 "$OCTAVO" build "$bomb" -o "$WORK/bomb-out" --diagnostics=short && pass "a 50000 x 50000 PNG fails the build" || fail "exit code"
check "the huge PNG is an error from its header" diff "$WORK/stderr" <(printf '%s\n' \
  "huge.md:3:1: error: expected a PNG, JPEG, GIF or SVG image in 'huge.png', found a PNG image of 50000 x 50000 pixels, larger than the 16384 pixels a side that Octavo decodes; the alt text stands in")
rm "$bomb/huge.png" "$bomb/huge.md"
{ printf 'GIF89a\x00\x40\x00\x40\x00\x00\x00'; printf ',\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;'; } >"$bomb/bomb.gif"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"><rect width="100%%" height="100%%" fill="#08f"/></svg>' >"$bomb/wide.svg"
printf '# Bombs\n\n![bomb](bomb.gif)\n\n![wide](wide.svg)\n' >"$bomb/bombs.md"
# Under 500 MB of address space: decoding the GIF would take 1 GB. A build that draws SVG maps
# some 350 to 420 MB of it without the GIF (measured with lower limits): librsvg and the thirty-odd
# libraries it opens, ICU's 30 MB of tables twice (octavo links its own copy, libxml2 loads the
# shared one), thread stacks and the allocator's reservations. (AddressSanitizer reserves
# terabytes of address space, so a sanitizer build runs without the limit.)
limit=500000
if [[ $(ldd "$OCTAVO") == *libasan* ]]; then
  limit=unlimited
  echo "skip: the memory limit, under AddressSanitizer"
fi
(ulimit -v "$limit" && "$OCTAVO" build "$bomb" -o "$WORK/bomb-out" --diagnostics=short 2>"$WORK/bomb.log") ||
  fail "build of the bombs within $limit KB of address space"
check "the GIF bomb is left out of the PDF with a warning" diff <(grep -v '^octavo: wrote' "$WORK/bomb.log") <(printf '%s\n' \
  "bombs.md:3:1: warning: the PDF cannot show 'bomb.gif', a GIF of 16384 x 16384 pixels, more than the 24000000 pixels Octavo decodes at once; an empty frame and the caption stand in" \
  "  hint: save it as a PNG, or with fewer pixels")
check "the 100000-pixel SVG is drawn at print size" grep -qE ' image +[0-9]{3,4} +[0-9]{3,4} +rgb' <(pdfimages -list "$WORK/bomb-out/bomb.pdf")
finish
