#!/usr/bin/env bash
# The man page, src/octavo.1: groff and mandoc render it without a warning, and it documents every
# command and option that `octavo --help` shows, and the same version, so the two cannot drift.
source "$(dirname "$0")/lib.sh"
page=$SOURCE_DIR/src/octavo.1

# silent COMMAND…: COMMAND succeeds and prints nothing at all; what it printed goes to stderr.
silent() { local said; said=$("$@" 2>&1) && test -z "$said" || { echo "$said" >&2; false; }; }

for tool in groff mandoc; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (.ci/packages.txt lists its package)"
done
# -ww: every groff warning; -z: lay out, print nothing. -Tutf8 and -Tascii are what man(1) uses.
check "groff -man -Tutf8 renders it with no warning" silent groff -man -Tutf8 -ww -z "$page"
check "groff -man -Tascii renders it with no warning" silent groff -man -Tascii -ww -z "$page"
check "mandoc -Tlint finds nothing, style included" silent mandoc -Tlint "$page"

# The page as a reader sees it, as plain text, without hyphenation so that no option is cut.
groff -man -Tascii -rHY=0 -P-cbou "$page" >"$WORK/page.txt" 2>/dev/null

"$OCTAVO" --help >"$WORK/help.txt"
# Commands: the word after "octavo" in the usage lines, and the entries of a "Commands:" list.
{
  grep -oE 'octavo [a-z]+' "$WORK/help.txt" | cut -d' ' -f2
  sed -n '/^Commands:/,/^$/p' "$WORK/help.txt" | sed -nE 's/^  ([a-z]+)( .*)?$/\1/p'
} | sort -u >"$WORK/commands.txt"
# Options: those in the usage lines, and the names that start an entry of the options list (up to
# the gap before its description). A short option is one letter; -oDIR is -o with its value.
option_names() {
  grep -oE -- '(^|[][ ,|])(--[a-zA-Z][a-zA-Z-]*|-[a-zA-Z])([^a-zA-Z-]|$)' | sed -E 's/^[][ ,|]?(--?[a-zA-Z-]+).*/\1/'
}
{
  grep -E 'octavo ' "$WORK/help.txt" | option_names
  sed -nE 's/^ +(-.*)$/\1/p' "$WORK/help.txt" | sed -E 's/   +.*//' | option_names
} | sort -u >"$WORK/options.txt"
echo "--help shows commands: $(tr '\n' ' ' <"$WORK/commands.txt")"
echo "--help shows options: $(tr '\n' ' ' <"$WORK/options.txt")"
check "--help shows the build and check commands (the parsing above still works)" \
  bash -c "grep -qx build '$WORK/commands.txt' && grep -qx check '$WORK/commands.txt'"
check "--help shows the output, format and help options (the parsing above still works)" \
  bash -c "grep -qx -- --output '$WORK/options.txt' && grep -qx -- --format '$WORK/options.txt' && grep -qx -- -h '$WORK/options.txt'"
while read -r command; do
  check "the man page shows 'octavo $command' and describes '$command'" \
    bash -c "grep -qE '(^| )octavo $command( |$)' '$WORK/page.txt' && grep -qE '^ {7}$command( |$)' '$WORK/page.txt'"
done <"$WORK/commands.txt"
while read -r option; do
  check "the man page documents $option" grep -qE -- "(^|[^a-zA-Z-])$option([^a-zA-Z-]|$)" "$WORK/page.txt"
done <"$WORK/options.txt"

version=$("$OCTAVO" --version | sed -n 's/^octavo //p')
check "the man page is of version $version" grep -qE "^\.TH OCTAVO 1 [0-9]{4}-[0-9]{2}-[0-9]{2} \"Octavo $version\"" "$page"
finish
