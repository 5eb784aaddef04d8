#!/usr/bin/env bash
# SVG text is drawn with Octavo's own fonts (fonts/) and no other: the PDF is the same byte for byte
# when fontconfig's environment offers another font under the SVG's family name, in another folder,
# with its own cache folder, or under another language; nothing is written to a font cache; and the
# text is really drawn (the PDF differs from one whose SVG has no text).
source "$(dirname "$0")/lib.sh"

# make_corpus DIR TEXT: a book of one picture, an SVG saying TEXT in Arial (which Octavo does not ship).
make_corpus() {
  mkdir -p "$1"
  printf 'title = "SVG text"\nauthor = "Test"\nlanguage = "en"\n' >"$1/book.toml"
  printf '# Pictures\n\n![A greeting](hello.svg)\n' >"$1/a.md"
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60"><text x="10" y="40" font-family="Arial" font-size="30">%s</text></svg>\n' "$2" >"$1/hello.svg"
}
make_corpus "$WORK/hello" Hello
make_corpus "$WORK/blank" ""

# Another font (a copy of our monospace, a face Arial never maps to) offered as Arial, in a folder
# of its own, with a cache folder fontconfig would write to.
mkdir -p "$WORK/intruder" "$WORK/home" "$WORK/cache"
cp "$SOURCE_DIR/fonts/NotoSansMono-Regular.ttf" "$WORK/intruder/Arial.ttf"
cat >"$WORK/intruder.conf" <<CONF
<?xml version="1.0"?>
<fontconfig>
  <dir>$WORK/intruder</dir>
  <cachedir>$WORK/cache/fontconfig</cachedir>
  <alias binding="strong"><family>Arial</family><prefer><family>Noto Sans Mono</family></prefer></alias>
</fontconfig>
CONF

build_corpus "$WORK/hello" "$WORK/plain" && pass "octavo builds the book" || fail "octavo build"
HOME="$WORK/home" XDG_CACHE_HOME="$WORK/cache" FONTCONFIG_FILE="$WORK/intruder.conf" \
  build_corpus "$WORK/hello" "$WORK/intruded" && pass "octavo builds it beside another Arial" || fail "octavo build beside another Arial"
HOME="$WORK/home" FONTCONFIG_FILE=/nonexistent/fonts.conf FONTCONFIG_PATH=/nonexistent FONTCONFIG_SYSROOT="$WORK/intruder" \
  LANG=ja_JP.UTF-8 FC_LANG=ja \
  build_corpus "$WORK/hello" "$WORK/elsewhere" && pass "octavo builds it without a fontconfig file, in another sysroot, in Japanese" \
  || fail "octavo build without a fontconfig file"
build_corpus "$WORK/blank" "$WORK/blank-out" && pass "octavo builds the book without text" || fail "octavo build without text"

check "another Arial beside ours changes no byte of the PDF" cmp "$WORK/plain/svg-text.pdf" "$WORK/intruded/svg-text.pdf"
check "no fontconfig file, another sysroot and another language change no byte of the PDF" \
  cmp "$WORK/plain/svg-text.pdf" "$WORK/elsewhere/svg-text.pdf"
check "the text is drawn: the PDF differs from the one without text" \
  bash -c "! cmp -s '$WORK/plain/svg-text.pdf' '$WORK/blank-out/svg-text.pdf'"
check "the picture is in the PDF" test "$(pdfimages -list "$WORK/plain/svg-text.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)" -eq 1
check "nothing is written to a font cache or HOME" test -z "$(find "$WORK/cache" "$WORK/home" -mindepth 1)"
for run in plain intruded elsewhere blank-out; do
  check "fontconfig says nothing ($run)" diff <(grep -v '^octavo: wrote' "$WORK/$run.log") /dev/null
done
check "the PDF passes qpdf --check" qpdf --check "$WORK/plain/svg-text.pdf"
finish
