#!/usr/bin/env bash
# `cmake --install` gives a self-contained Octavo: the binary, share/octavo/{fonts,styles} and the
# man page. Installed into a temporary prefix and run from / with an empty environment, it builds
# corpus/ into the same books as the build tree's octavo; moved elsewhere, it still finds its data.
# Arguments after lib.sh's two: the build tree to install from, and the cmake to install with.
source "$(dirname "$0")/lib.sh"
BUILD_DIR=$3
CMAKE=${4:-cmake}
prefix=$WORK/prefix
# Empty but for PATH, and the sanitizers' options when a sanitized build is tested (they are the
# test harness's, not the user's: without them LeakSanitizer reports fontconfig's and libhyphen's
# own leaks that tests/lsan.supp suppresses).
bare_env=(env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin)
for option in ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS; do
  if [ -n "${!option:-}" ]; then bare_env+=("$option=${!option}"); fi
done
bare_env_text=$(printf '%q ' "${bare_env[@]}")  # for the command lines given to bash -c

check "cmake --install into a temporary prefix" bash -c "'$CMAKE' --install '$BUILD_DIR' --prefix '$prefix' >'$WORK/install.log'"
check "bin/octavo is installed" test -x "$prefix/bin/octavo"
check "share/octavo/fonts holds every font and licence" diff -r "$SOURCE_DIR/fonts" "$prefix/share/octavo/fonts"
check "share/octavo/styles holds every style, not the README's preview" \
  diff -r -x preview "$SOURCE_DIR/styles" "$prefix/share/octavo/styles"
check "styles/preview is not installed" test ! -e "$prefix/share/octavo/styles/preview"
check "the man page is share/man/man1/octavo.1" cmp "$SOURCE_DIR/src/octavo.1" "$prefix/share/man/man1/octavo.1"

# The books the build tree's octavo makes (its data from the source tree), to compare with.
mkdir "$WORK/expected"
(unset OCTAVO_DATA_DIR && "$OCTAVO" build "$SOURCE_DIR/corpus" -o "$WORK/expected" -q)
books=(kratom-pain-and-sleep.epub kratom-pain-and-sleep.pdf)

# same_books DIR: DIR holds exactly the expected books, byte for byte.
same_books() {
  local book
  for book in "${books[@]}"; do cmp "$WORK/expected/$book" "$1/$book" || return 1; done
  test "$(ls -A "$1" | grep -cvx .octavo-cache)" -eq "${#books[@]}"
}

check "the installed octavo prints its version" bash -c \
  "cd / && test \"\$($bare_env_text '$prefix/bin/octavo' --version)\" = \"\$('$OCTAVO' --version)\""
check "the installed octavo builds corpus/ from / with an empty environment" bash -c \
  "cd / && $bare_env_text '$prefix/bin/octavo' build '$SOURCE_DIR/corpus' -o '$WORK/installed' -q"
check "its books are those of the build tree's octavo" same_books "$WORK/installed"

# Moved elsewhere, the installation still works, and it reads its own data: without its default
# style it fails, rather than falling back on the source tree it was built from.
mv "$prefix" "$WORK/moved"
check "a moved installation builds corpus/ from another folder" bash -c \
  "cd '$WORK' && $bare_env_text '$WORK/moved/bin/octavo' build '$SOURCE_DIR/corpus' -o '$WORK/moved-out' -q"
check "into the same books" same_books "$WORK/moved-out"
rm "$WORK/moved/share/octavo/styles/a5.toml"
check "without its default style the installed octavo fails (exit 1)" \
  expect_exit 1 "${bare_env[@]}" "$WORK/moved/bin/octavo" check "$SOURCE_DIR/corpus"
check "naming the style file of the installation" \
  grep -qE "^$WORK/moved/[a-z./]*share/octavo/styles/a5\.toml: error: cannot read the default style" "$WORK/stderr"
finish
