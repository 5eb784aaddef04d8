#!/usr/bin/env bash
# DAISY Ace reports no violation in corpus/'s EPUB nor in the EPUB of every kind (every_kind_epub).
# Skipped, with a message and exit code 77, when Ace, Node.js or chromium is missing (lib.sh).
source "$(dirname "$0")/lib.sh"
KINDS=$(realpath "$3")
if why=$(ace_missing); then echo "SKIP: $why — DAISY Ace not run (see tests/e2e/lib.sh)"; exit 77; fi

build_corpus "$SOURCE_DIR/corpus" "$WORK/out" --format epub || { cat "$WORK/out.log"; fail "octavo build corpus"; finish; }
"$KINDS" "$SOURCE_DIR" "$WORK/every-kind.epub" || { fail "every_kind_epub wrote no book"; finish; }
check "Ace: no violation in the corpus EPUB" ace_check corpus "$WORK/out/kratom-pain-and-sleep.epub"
check "Ace: no violation in the every-kind EPUB" ace_check every-kind "$WORK/every-kind.epub"
finish
