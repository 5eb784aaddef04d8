#!/usr/bin/env bash
# Each C library is touched by one adapter file (STYLE.md): no other file under src/ includes its
# headers. Fails naming each file that does. Usage: adapters.sh SOURCE_DIR
set -uo pipefail
cd "$1/src" || exit 2
failures=0

# adapter LIBRARY ALLOWED_FILE HEADER_REGEX: only ALLOWED_FILE may include a header matching the
# regex (an extended regex for the name between the <> or "" of an #include).
adapter() {
  local library=$1 allowed=$2 headers=$3 file
  local found=0
  while IFS= read -r file; do
    [ -z "$file" ] && continue
    if [ "$file" = "$allowed" ]; then
      found=1
    else
      echo "FAIL: $file includes $library, which only $allowed may touch" >&2
      failures=$((failures + 1))
    fi
  done < <(grep -rlE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($headers)[>\"]" --include='*.[ch]pp' . |
    sed 's#^\./##' | sort)
  if [ "$found" -eq 0 ]; then
    echo "FAIL: $allowed no longer includes $library: update this test" >&2
    failures=$((failures + 1))
  else
    echo "ok: only $allowed includes $library"
  fi
}

adapter HarfBuzz fonts/harfbuzz_font.cpp '(harfbuzz/)?hb(-[a-z]+)?\.h'
adapter libharu pdf/haru_document.cpp 'hpdf(_[a-z]+)?\.h'
adapter libpng core/png_data.cpp 'png\.h'
adapter ICU core/unicode.cpp 'unicode/[a-z0-9]+\.h'
adapter libzip epub/zip_container.cpp 'zip\.h'
adapter zlib core/deflate.cpp 'zlib\.h'
adapter libdeflate core/whole_deflate.cpp 'libdeflate\.h'
adapter gumbo import/html_tree.cpp 'gumbo\.h'
adapter cmark-gfm import/markdown_article.cpp 'cmark[-a-z/]*\.h'
adapter libhyphen layout/hyphenator.cpp 'hyphen\.h'
adapter fontconfig image/svg_fonts.cpp 'fontconfig/[a-z]+\.h'
adapter pugixml image/svg_document.cpp 'pugixml\.hpp'
adapter librsvg image/rasterise_image.cpp 'librsvg/rsvg\.h'
adapter cairo image/rasterise_image.cpp 'cairo(-[a-z]+)?\.h'
adapter gdk-pixbuf image/rasterise_image.cpp 'gdk-pixbuf/gdk-pixbuf\.h'
adapter inotify watch/folder_watcher.cpp 'sys/inotify\.h'
adapter signalfd watch/stop_signals.cpp 'sys/signalfd\.h'
adapter mimalloc heap_pages.cpp 'mimalloc[-a-z]*\.h'
adapter 'the run-time loader (dlopen)' core/runtime_library.cpp 'dlfcn\.h'

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
