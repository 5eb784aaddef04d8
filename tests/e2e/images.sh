#!/usr/bin/env bash
# Markdown images: local PNG and JPEG files are embedded in both books (once each), a remote
# image is not fetched, and paths that leave the corpus, file: URLs, missing files and non-images
# are errors at the image's line:col. (GIF, SVG and site paths: site_images.sh.)
source "$(dirname "$0")/lib.sh"
out=$WORK/out
corpus="$SOURCE_DIR/tests/e2e/corpora/images"
build_corpus "$corpus" "$out" && pass "octavo builds the corpus with images" || fail "octavo build"
cat "$out.log"
check "the remote image is a warning at its line:col, and the only diagnostic" diff <(printf '%s\n' \
  "pictures.md:13:18: warning: remote image 'https://example.org/map.png' is not fetched (Octavo works offline); the alt text stands in") <(grep -v '^octavo: wrote' "$out.log")

java -jar /usr/share/java/epubcheck.jar "$out/images.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
grep -E 'ERROR|WARNING' "$WORK/epubcheck.txt" || true
mkdir "$WORK/x" && (cd "$WORK/x" && unzip -q "$out/images.epub")
png_name=$(sha256sum "$corpus/figures/hill.png" | cut -c1-16).png
jpg_name=$(sha256sum "$corpus/sun.jpg" | cut -c1-16).jpg
check "the EPUB holds exactly the two images" test "$(ls "$WORK/x/EPUB/images" | sort | tr '\n' ' ')" = "$(printf '%s\n' "$png_name" "$jpg_name" | sort | tr '\n' ' ')"
check "the EPUB's PNG is the corpus file" cmp "$WORK/x/EPUB/images/$png_name" "$corpus/figures/hill.png"
check "the EPUB's JPEG is the corpus file" cmp "$WORK/x/EPUB/images/$jpg_name" "$corpus/sun.jpg"
check "the manifest lists the PNG" grep -qF "href=\"images/$png_name\" media-type=\"image/png\"" "$WORK/x/EPUB/package.opf"
check "the manifest lists the JPEG" grep -qF "href=\"images/$jpg_name\" media-type=\"image/jpeg\"" "$WORK/x/EPUB/package.opf"
check "the article shows the hill with its alt text" grep -qF "<img src=\"../images/$png_name\" alt=\"A green hill under a blue sky\"/>" "$WORK/x/EPUB/text/"*.xhtml
check "the remote image's alt text stands in" grep -qF "The forecast map Forecast map is not fetched." "$WORK/x/EPUB/text/"*.xhtml

check "qpdf --check is clean" qpdf --check "$out/images.pdf"
pdfimages -list "$out/images.pdf" >"$WORK/images.txt"
cat "$WORK/images.txt"
check "the PDF embeds two image objects" test "$(awk 'NR > 2 && $3 == "image"' "$WORK/images.txt" | awk '{print $11}' | sort -u | wc -l)" -eq 2
check "the PDF draws the hill twice and the sun once" test "$(awk 'NR > 2 && $3 == "image"' "$WORK/images.txt" | wc -l)" -eq 3
check "the PNG is 160 x 90 in the PDF" grep -qE '^ +[0-9]+ +[0-9]+ image +160 +90 +rgb' "$WORK/images.txt"
check "the JPEG passes through as DCT" grep -qE '^ +[0-9]+ +[0-9]+ image +64 +64 +rgb +3 +8 +jpeg' "$WORK/images.txt"
pdftotext "$out/images.pdf" "$WORK/text.txt" 2>"$WORK/err.txt"
check "pdftotext prints no warning" test ! -s "$WORK/err.txt"
tr '\n' ' ' <"$WORK/text.txt" | tr -s ' ' >"$WORK/joined.txt"
for phrase in "A green hill under a blue sky" "A yellow sun on a dark sky" "The sun came out at noon and stayed." \
  "The forecast map Forecast map is not fetched."; do
  check "the PDF text has \"$phrase\"" grep -qF -- "$phrase" "$WORK/joined.txt"
done

build_corpus "$corpus" "$WORK/again" 2>/dev/null || fail "second build"
check "a second build gives a byte-identical EPUB" cmp "$out/images.epub" "$WORK/again/images.epub"
check "a second build gives a byte-identical PDF" cmp "$out/images.pdf" "$WORK/again/images.pdf"

# A corpus with every kind of refused image: each one an error at its line:col, nothing written.
bad=$WORK/bad
cp -r "$corpus" "$bad"
printf 'not a picture\n' >"$bad/notes.png"
printf 'outside\n' >"$WORK/outside.png"
ln -s ../outside.png "$bad/link-out.png"
cat >"$bad/refused.md" <<'MD'
# Refused

![up](../outside.png)
![abs](/etc/hostname)
![file](file:///etc/hostname)
![link](link-out.png)
![gone](missing.jpg)
![text](notes.png)
MD
status=0
"$OCTAVO" check "$bad" --diagnostics=short 2>"$WORK/bad.log" || status=$?
cat "$WORK/bad.log"
check "octavo check exits 1" test "$status" -eq 1
check "every refused image is an error at its line:col" diff <(grep -v "^pictures.md" "$WORK/bad.log") <(printf '%s\n' \
  "link-out.png: warning: symbolic link to outside the corpus; it is not followed" \
  "refused.md:3:1: error: expected an image path inside the corpus, found '../outside.png', which leaves it; the alt text stands in" \
  "refused.md:4:1: error: image '/etc/hostname' not found; the alt text stands in" \
  "refused.md:5:1: error: expected an image path inside the corpus, found 'file:///etc/hostname', a file: URL; the alt text stands in" \
  "refused.md:6:1: error: expected an image path inside the corpus, found 'link-out.png', a link to outside it; the alt text stands in" \
  "refused.md:7:1: error: image 'missing.jpg' not found; the alt text stands in" \
  "refused.md:8:1: error: expected a PNG, JPEG, GIF or SVG image in 'notes.png', found neither; the alt text stands in")
mkdir -p "$WORK/bad-out"
"$OCTAVO" build "$bad" -o "$WORK/bad-out" 2>/dev/null && fail "octavo build of the refused corpus succeeded" || pass "octavo build fails"
check "no book is written" test -z "$(ls "$WORK/bad-out")"
finish
