#!/usr/bin/env bash
# The stress corpus (tests/e2e/corpora/stress plus the files made below): every kind of hostile
# input from issue 4. `octavo check` must report exactly stress_corpus.expected; the books must
# pass epubcheck and qpdf, hold nothing XML forbids, and keep the text.
# STRESS_UPDATE=1 rewrites stress_corpus.expected from the current output (review the diff).
source "$(dirname "$0")/lib.sh"
corpus=$WORK/stress
cp -r "$SOURCE_DIR/tests/e2e/corpora/stress" "$corpus"

# Raw bytes and huge files are made here rather than committed.
printf 'Stray \x80 byte, cut \xE2\x82 sequence, overlong \xC0\xAF slash.\nOverlong three-byte \xE0\x80\xAF, surrogate \xED\xA0\x80, and \xFF\xFE.\nA clean line.\n' >"$corpus/invalid-utf8.txt"
printf '\xEF\xBB\xBFLead in CRLF.\r\n- Part\r\nPart\r\nA line ending in a lone CR.\rAnother.\rLast, with no ending' >"$corpus/bom-crlf-cr.txt"
printf '\xEF\xBB\xBF' >"$corpus/bom-only.txt"
printf 'NUL\x00 here.\nC0 \x01\x07\x1B controls.\nDEL \x7F and C1 \xC2\x85 \xC2\x9B controls.\nNon-characters \xEF\xBF\xBE \xEF\xBF\xBF \xEF\xB7\x90 \xF0\x9F\xBF\xBE end.\nTab\tstays.\n' >"$corpus/controls.txt"
printf '# Controls\n\nNUL\x00 and \x01 in the file.\n\nEntities: &#0; &#1; &#x1B; &#x85; &#xFFFE; &#xFFFF; &#xD800; &#x110000; end.\n\n`code \x02` and [link \x03](https://example.org/\x04)\n' >"$corpus/controls.md"
{
  echo "An article with 400 sections."
  for i in $(seq 1 400); do echo "- Section $i"; done
  for i in $(seq 1 400); do echo "Section $i"; echo "Text of section $i."; done
} >"$corpus/headings-400.txt"
for i in $(seq 1 400); do printf '## Heading %d\n\nText %d.\n\n' "$i" "$i"; done >"$corpus/headings-400.md"
{ printf '%.0s> ' $(seq 1 500); echo "Deep inside 500 quotes."; } >"$corpus/nested-quotes.md"
for i in $(seq 0 499); do printf "%$((i * 2))s- level %d\n" "" "$i"; done >"$corpus/nested-lists.md"
# One line of 1 MiB: words, so that the line breaker has something to do.
awk 'BEGIN { s = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. "; while (length(o) < 1048576) o = o s
  print substr(o, 1, 1048576) }' >"$corpus/long-line.txt"
{ echo "Before the word."; printf 'x%.0s' $(seq 1 6000); echo; echo "After the word."; } >"$corpus/long-word.txt"
# Strings longer than libharu's 65,535 bytes, which failed the whole PDF: a heading of 38,500
# characters (its bookmark's UTF-16 title) and a web link's address of 70,000 bytes.
long_address=$(head -c 70000 /dev/zero | tr '\0' 'x')
{
  printf '# '
  for i in $(seq 1 3500); do printf 'heading%03d ' $((i % 1000)); done
  printf '\n\nText.\n\n[A long address](https://example.org/?q=%s)\n' "$long_address"
} >"$corpus/long-strings.md"
printf 'A name with &amp; and <angle> brackets.\n' >"$corpus/a & b <c>.txt"
printf 'Caf\xE9 \x93cr\xE8me\x94 \x96 \x80 5, na\xEFve.\nUndefined \x81 and \x8D bytes.\n' >"$corpus/windows-1252.txt"
printf '# Caf\xE9 fran\xE7ais\n\n\xC0 la cr\xE8me, \xA9 \xDF \xF1 \xFF.\n' >"$corpus/latin-1.md"

# 1. Every diagnostic, exactly: `check` reads and validates the whole corpus.
expected=$SOURCE_DIR/tests/e2e/stress_corpus.expected
"$OCTAVO" check "$corpus" --diagnostics=short 2>"$WORK/check.log" && pass "check succeeds with warnings only" || fail "check failed"
if [ "${STRESS_UPDATE:-}" = 1 ]; then cp "$WORK/check.log" "$expected"; fi
if diff -u "$expected" "$WORK/check.log"; then pass "the diagnostics are exactly stress_corpus.expected"; else fail "diagnostics differ"; fi
# Each kind is reported at path:line:col (stress_corpus.expected holds them all; these name the kinds).
for line in \
  "invalid-utf8.txt:1:7: warning: invalid UTF-8 replaced by U+FFFD" \
  "invalid-utf8.txt:2:21: warning: invalid UTF-8 replaced by U+FFFD" \
  "controls.txt:1:4: warning: removed a character that XML does not allow (U+0000)" \
  "controls.txt:2:4: warning: removed 3 characters that XML does not allow (first U+0001)" \
  "controls.txt:3:5: warning: removed 3 characters that XML does not allow (first U+007F)" \
  "controls.txt:4:16: warning: removed 4 characters that XML does not allow (first U+FFFE)" \
  "windows-1252.txt:2:11: warning: byte 0x81 is not defined in windows-1252; replaced by U+FFFD" \
  "empty.txt: warning: article is empty" "whitespace-only.txt: warning: article is empty" \
  "bom-only.txt: warning: article is empty"; do
  check "reported: $line" grep -qxF -- "$line" "$WORK/check.log"
done

# 2. The books: built, valid, and checked by tools we did not write.
out=$WORK/out
start=$SECONDS
build_corpus "$corpus" "$out" && pass "octavo builds the stress corpus" || fail "octavo build"
echo "build took $((SECONDS - start)) s"
grep -v -xF -f "$WORK/check.log" "$out.log" || true
check "the PDF's missing glyphs are reported, CJK and emoji included" \
  grep -qE '^scripts\.md:[0-9]+:[0-9]+: warning: .*U\+1F600.*U\+6F22' "$out.log"
java -jar /usr/share/java/epubcheck.jar "$out/stress.epub" >"$WORK/epubcheck.txt" 2>&1 || true
check "epubcheck: 0 fatals, 0 errors, 0 warnings" grep -qE '^Messages: 0 fatals / 0 errors / 0 warnings' "$WORK/epubcheck.txt"
grep -m20 -E 'ERROR|WARNING|FATAL' "$WORK/epubcheck.txt" || true
check "qpdf --check is clean" qpdf --check "$out/stress.pdf"
check "the long heading's bookmark is whole" grep -aqF "002000680065006100640069006E0067003500300030>" "$out/stress.pdf"
check "the long address is whole" grep -aqF "?q=$long_address)" "$out/stress.pdf"

# 3. Nothing XML forbids reached the EPUB: valid UTF-8, no forbidden character, no reference to one.
mkdir "$WORK/epub" && (cd "$WORK/epub" && unzip -q "$out/stress.epub")
xml_files=$(find "$WORK/epub" -name '*.xhtml' -o -name '*.opf' -o -name '*.ncx' -o -name '*.xml')
for f in $xml_files; do
  iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "invalid UTF-8 in ${f#$WORK/epub/}"
done
check "no character XML 1.0 forbids" bash -c "! LC_ALL=C.UTF-8 grep -aqP '[\x{0}-\x{8}\x{B}\x{C}\x{E}-\x{1F}\x{FFFE}\x{FFFF}]' $(echo $xml_files)"
check "no C1 control character" bash -c "! LC_ALL=C.UTF-8 grep -aqP '[\x{7F}-\x{9F}]' $(echo $xml_files)"
check "no reference to a forbidden character" bash -c \
  "! grep -aqiE '&#(0*([0-8]|1[124-9]|2[0-9]|3[01])|x0*([0-8bcef]|1[0-9a-f]|fff[ef]|d[89a-f][0-9a-f]{2}));' $(echo $xml_files)"

# 4. The text is preserved, as text: markup escaped (raw HTML read as HTML), every writing system kept.
# Combining marks are written as UTF-8 bytes: printf's \u escapes need a UTF-8 locale, and a
# fresh machine has none (LANG unset), where they come out as the six characters themselves.
combining=$(printf 'e\xcc\x81 a\xcc\x88 n\xcc\x88 and Z\xcc\xa4\xcd\x89\xcc\x88 and Vietnamese Ti\xe1\xba\xbfng Vi\xe1\xbb\x87t')
text=$WORK/epub_text.txt
cat $xml_files >"$text"
for phrase in '&lt;script&gt;alert(“x”)&lt;/script&gt;' '&amp;bogus;' ']]&gt; and &lt;![CDATA[ x ]]&gt;' \
  'Inline <strong>bold</strong> and evil are read as HTML.' \
  '漢字とかなの文章。中文文本。한국어 텍스트.' 'النص العربي من اليمين إلى اليسار.' 'हिन्दी पाठ.' '😀 🎉 👍🏽' \
  "$combining" 'Café “crème” – € 5, naïve.' 'Undefined � and � bytes.' \
  'À la crème, © ß ñ ÿ.' 'Café français' 'Lead in CRLF.' 'Last, with no ending' 'Deep inside 500 quotes.' 'level 499' \
  'A name with &amp;amp; and &lt;angle&gt; brackets.' 'Ünïcödé in the file name' 'Text of section 400.' 'Text 400.'; do
  check "the EPUB has: $phrase" grep -qF -- "$phrase" "$text"
done
check "raw HTML's script and handlers are not in the EPUB" bash -c "! grep -qE 'steal|onerror|alert\\(1\\)' $(echo $xml_files)"
check "the EPUB has no javascript: or data: link" bash -c "! grep -qE 'href=\"(javascript|data|vbscript):' $(echo $xml_files)"
check "the 6,000-character word is whole" grep -qE "x{6000}" "$text"
words=$(grep -o 'Lorem ipsum' "$corpus/long-line.txt" | wc -l)
check "all $words repetitions of the 1 MB line are in the EPUB" test "$(grep -o 'Lorem ipsum' "$text" | wc -l)" -eq "$words"
check "400 distinct heading ids in each 400-heading article" bash -c \
  "for f in \$(grep -l 'Text of section 400\|Text 400\.' $(echo $xml_files)); do test \$(grep -o '<h[2-6] id=\"[^\"]*\"' \$f | sort -u | wc -l) -eq 400 || exit 1; done"
pdftotext "$out/stress.pdf" - | tr '\n' ' ' | tr -s ' ' >"$WORK/pdf_text.txt"
for phrase in 'Café “crème” – € 5, naïve.' 'À la crème, © ß ñ ÿ.' '<script>alert(“x”)</script>' '&bogus;' 'Deep inside 500 quotes.'; do
  check "the PDF has: $phrase" grep -qF -- "$phrase" "$WORK/pdf_text.txt"
done

# 5. A binary file named .txt is an error, not an article of replacement characters.
mkdir "$WORK/binary"
head -c 4096 "$SOURCE_DIR/fonts/NotoSerif-Regular.ttf" >"$WORK/binary/font.txt"
echo "A real article." >"$WORK/binary/real.txt"
status=0
"$OCTAVO" check "$WORK/binary" --diagnostics=short 2>"$WORK/binary.log" || status=$?
check "a binary .txt fails the check with exit code 1" test "$status" -eq 1
check "the error names the file and what is wrong" grep -qxE \
  'font.txt: error: expected text, found binary data \([0-9]+ of 4096 bytes are control characters or invalid UTF-8\); the file is left out' \
  "$WORK/binary.log"
check "the binary file is the only error" test "$(grep -c ': error:' "$WORK/binary.log")" -eq 1
finish
