#!/usr/bin/env bash
# Benchmark, not a test (ctest never runs it): builds both books from corpora of N articles that all
# differ, beside pandoc on the same text and, optionally, another octavo binary; prints a table.
#
# Usage: tests/bench/run.sh [options] [N …]          (default sizes: 5 500 1000 10000)
#   --build DIR         the build folder whose octavo is measured (default: build/)
#   --form txt|md|both  which articles Octavo reads (default txt; see "Corpora" below)
#   --pandoc-max N      run pandoc only up to N articles (default 500: it takes about a minute there)
#   --baseline PATH     also time this octavo binary on the same .txt corpora, e.g. the build before
#                       a change; --baseline-max N limits it to sizes up to N (default 1000)
#   --rebuild-at N      at N articles (default 1000, 0 for none), edit article N/2 twice, each time
#                       rebuilding into the same output folder (where the build cache lives), then
#                       building the edited corpus cold and comparing the books' bytes: first a
#                       sentence is added to its first paragraph (no page count changes), then its
#                       paragraphs are added again with their words reversed (it takes more pages,
#                       and every later page moves)
#                       and last the first edit under `octavo watch`, saved and undone a second
#                       apart, timed by its status lines, the books compared with a cold build's
#   --runs K            builds per size above --hyperfine-max, interleaved with the baseline's,
#                       and rebuilds per edit at --rebuild-at, each with a cold build of the edited
#                       corpus; the median wall and CPU time are printed (default 1)
#   --hyperfine-max N   sizes up to N are timed with hyperfine: 3 warm-up runs, then at least 20
#                       (default 50)
#   --pause S           wait S seconds before each build timed with GNU time, those of sizes above
#                       --hyperfine-max (default 0: back to back). On the development VM the memory
#                       a build frees is handed back to the hypervisor a few seconds later, and a
#                       build after a pause pays for fresh memory that one run right after another
#                       does not: at 500 articles 0.60–0.65 s against 0.52–0.55 s (2026-12-05).
#                       10 measures a first build after a pause
#   --markdown FILE     also write the table as Markdown (for README's Performance section)
#   --keep DIR          keep the generated corpora and books in DIR (default: a temporary folder)
#
# Corpora. Article i is seed i mod 5 of corpus/ (the five real articles, in the seeds' form: one
# paragraph a line, an outline of "- " lines, headings equal to outline entries). Articles 0–4 are
# the seeds as they are, so 5 articles is corpus/ itself (the .txt form builds corpus/ directly).
# From article 5 on, the words of every line are shuffled by a generator seeded with the article's
# index (Park–Miller, x ← 16807·x mod 2³¹−1: exact in any awk's doubles, so every awk makes the
# same corpus): paragraphs, the summary, the title, and each outline entry with its heading (one
# permutation for both, so the heading still matches its entry). A shuffled line never starts with
# an ASCII word that is not a letter or a quote ("-", "2.", "(a)"), so it cannot become a list item.
# No two paragraphs of a corpus are alike (the generator counts repeats and the bench stops on
# one): a cache keyed on text finds nothing to reuse, while the words, their lengths and their
# hyphenation stay those of real text.
#   txt: the seeds' form, which the baseline (an older octavo) reads too and which issue 10's "before"
#        figures were measured on; the default, so figures stay comparable.
#   md:  the same text as Markdown, closer to real use: lead paragraphs (the first with a footnote),
#        the outline as a list, "##" headings, and a four-row table after the first section's
#        first paragraph. Builds the Markdown reader, tables and notes as well.
#   tests/e2e/corpora/real/ is not used: its pages differ in size and kind, so N of them could not
#   grow evenly, and pandoc would read their HTML and links differently from Octavo.
# pandoc reads one Markdown file, the concatenation of the articles in the same order, each under a
# "#" title with "##" sections (footnote labels made unique), for the md form with the same table and
# note. Its EPUB is `pandoc book.md -o book.epub`, its PDF `pandoc book.md --pdf-engine=pdflatex -o
# book.pdf` (no --toc, which would cost pdfLaTeX another pass, although Octavo's PDF has contents).
#
# Needs GNU time (/usr/bin/time), awk, hyperfine, and for the pandoc columns pandoc with texlive
# (texlive-latex-base, texlive-latex-recommended, texlive-fonts-recommended, lmodern). Times are
# wall time, CPU is user + system (pandoc's includes pdfLaTeX's); the load column is the 1-minute
# load average before the size's first build, since the machine may be shared.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=$here/build form=txt pandoc_max=500 baseline="" baseline_max=1000 rebuild_at=1000 runs=1
hyperfine_max=50 markdown="" keep="" pause=0
sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --form) form=$2; shift 2 ;;
    --pandoc-max) pandoc_max=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --baseline-max) baseline_max=$2; shift 2 ;;
    --rebuild-at) rebuild_at=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --hyperfine-max) hyperfine_max=$2; shift 2 ;;
    --pause) pause=$2; shift 2 ;;
    --markdown) markdown=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(5 500 1000 10000)
case $form in txt) forms=(txt) ;; md) forms=(md) ;; both) forms=(txt md) ;;
  *) echo "run.sh: --form is txt, md or both, not $form" >&2; exit 2 ;; esac
[[ $pause =~ ^[0-9]+$ ]] || { echo "run.sh: --pause takes whole seconds, not $pause" >&2; exit 2; }
octavo=$build/octavo
[ -x "$octavo" ] || { echo "run.sh: no octavo at $octavo (build first, or --build DIR)" >&2; exit 2; }
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "run.sh: no baseline at $baseline" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
if [ -n "$keep" ]; then work=$keep; mkdir -p "$work"; else
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
work=$(cd "$work" && pwd)
if [ -n "$markdown" ]; then
  : >"$markdown"; markdown=$(cd "$(dirname "$markdown")" && pwd)/$(basename "$markdown")
fi
log() { printf '%s\n' "$*" >&2; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# generate N FORM DIR: DIR/corpus (book.toml and the articles) and DIR/book.md for pandoc.
generate() {
  mkdir -p "$3/corpus"
  awk -v n="$1" -v form="$2" -v dir="$3" '
    function next_random() { rng = (rng * 16807) % 2147483647; return rng }
    function shuffle(line,    w, k, j, r, t, out) {  # Fisher–Yates over the words
      k = split(line, w, " ")
      for (j = k; j > 1; j--) { r = 1 + next_random() % j; t = w[j]; w[j] = w[r]; w[r] = t }
      if (w[1] ~ /^[ -~]/ && w[1] !~ /^[A-Za-z"]/)  # "-", "2." or "(a)" would start a list
        for (j = 2; j <= k; j++) if (w[j] ~ /^[A-Za-z]/) { t = w[1]; w[1] = w[j]; w[j] = t; break }
      out = w[1]
      for (j = 2; j <= k; j++) out = out " " w[j]
      return out
    }
    function md(s) { gsub(/[\\`*_\[\]<>#|~$^]/, "\\\\&", s); return s }
    function toml(s) { gsub(/[\\"]/, "\\\\&", s); return s }
    FILENAME ~ /book\.toml$/ {
      if ($1 == "file") { f = $0; sub(/^[^"]*"/, "", f); sub(/".*/, "", f) }
      if ($1 == "title" && f != "") { t = $0; sub(/^[^"]*"/, "", t); sub(/"[^"]*$/, "", t); title[f] = t }
      next
    }
    FNR == 1 { seeds++; f = FILENAME; sub(/.*\//, "", f); seed_title[seeds - 1] = title[f] }
    { lines[seeds - 1, ++count[seeds - 1]] = $0 }
    END {
      pandoc = dir "/book.md"
      printf "%% Benchmark of %d articles\n\n", n > pandoc
      toml_file = dir "/corpus/book.toml"
      printf "title = \"Benchmark of %d articles\"\ndate = \"2026-01-01\"\nslug = \"bench\"\n", n > toml_file
      for (i = 0; i < n; i++) {
        s = i % seeds; shuffled = i >= seeds
        rng = 1 + (i * 7919 + 12345) % 2147483646
        for (j = 0; j < 8; j++) next_random()
        t = seed_title[s]
        if (shuffled) t = shuffle(t) " " i
        name = sprintf("article-%05d.%s", i, form)
        printf "\n[[articles]]\nfile = \"%s\"\ntitle = \"%s\"\n", name, toml(t) >> toml_file
        split("", heading); in_outline = 0; after_outline = 0; paragraphs = 0; sections = 0
        text = ""; chunk = ""; note = ""
        for (j = 1; j <= count[s]; j++) {
          line = lines[s, j]
          if (!after_outline && line ~ /^- /) {
            in_outline = 1; entry = substr(line, 3)
            heading[entry] = shuffled ? shuffle(entry) : entry
            text = text "- " heading[entry] "\n"
            chunk = chunk (chunk ~ /\n- [^\n]*\n$/ ? "" : "\n") "- " md(heading[entry]) "\n"
            continue
          }
          if (in_outline) { in_outline = 0; after_outline = 1 }
          if (after_outline && line in heading) {
            text = text heading[line] "\n"; chunk = chunk "\n## " md(heading[line]) "\n"
            sections++; continue
          }
          if (shuffled) line = shuffle(line)
          if (line in seen) repeats++
          seen[line] = 1
          text = text line "\n"; paragraphs++
          para = md(line)
          if (form == "md" && paragraphs == 1) {
            split(line, w, " ")
            note = sprintf("[^n%d]: %s %s %s %s %s.", i, md(w[1]), md(w[2]), md(w[3]), md(w[4]), md(w[5]))
            para = para sprintf("[^n%d]", i)
          }
          chunk = chunk "\n" para "\n"
          if (form == "md" && sections == 1 && !table_done) {
            split(line, w, " ")
            chunk = chunk "\n| Term | Letters | Place |\n|:--|--:|--:|\n"
            for (k = 1; k <= 4; k++) chunk = chunk sprintf("| %s | %d | %d |\n", md(w[k]), length(w[k]), k)
            table_done = 1
          }
        }
        table_done = 0
        if (note != "") chunk = chunk "\n" note "\n"
        file = dir "/corpus/" name
        printf "%s", (form == "md" ? substr(chunk, 2) : text) > file
        close(file)
        printf "# %s\n%s\n", md(t), chunk > pandoc
      }
      close(toml_file)
      if (repeats) { printf "generator: %d paragraphs repeat\n", repeats > "/dev/stderr"; exit 1 }
    }' "$here/corpus/book.toml" "$here"/corpus/*.txt
}

# timed OUT CMD…: runs CMD under GNU time with a fresh OUT; prints "wall peak_kb cpu".
timed() {
  local out=$1; shift
  rm -rf "$out"
  if ! /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >"$work/cmd.log" 2>&1; then
    log "failed: $* (see $work/cmd.log)"; tail -5 "$work/cmd.log" >&2; return 1
  fi
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$work/time"
}
median() {  # of the numbers on stdin, one a line
  sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
hyperfine_mean() {  # hyperfine_mean CSV NAME: "mean sd cpu min" of that command, from its CSV
  awk -F, -v name="$2" '$1 == name { printf "%.4f %.4f %.4f %.4f\n", $2, $3, $5 + $6, $7 }' "$1"
}
ratio() {  # ratio A B [DECIMALS]: "A/B×", or — when either is missing
  awk -v a="$1" -v b="$2" -v d="${3:-1}" \
    'BEGIN { if (a == "" || b == "" || b == 0) print "—"; else printf "%.*f×\n", d, a / b }'
}
fmt_time() {  # seconds as "85 ms" or "2.50 s"
  awk -v t="$1" \
    'BEGIN { if (t == "") print "—"; else if (t < 1) printf "%.0f ms\n", t * 1000; else printf "%.2f s\n", t }'
}
mib() {  # KiB as "22 MiB" or "3.10 GiB"
  awk -v k="$1" 'BEGIN { if (k == "") print "—"; else if (k >= 1048576) printf "%.2f GiB\n", k / 1048576;
                         else printf "%.0f MiB\n", k / 1024 }'
}

# sentence_changed FILE: FILE with one sentence added to its first paragraph of over 100 bytes
# (no heading, table or list line): an edit that moves no page.
sentence_changed() {
  awk '!done && length($0) > 100 && $0 !~ /^[-|#]/ { sub(/[.]?$/, ". One sentence changed."); done = 1 }
       { print }' "$1"
}

header=(articles form load "Octavo, both books" "CPU" "per article" "peak RSS" "pandoc EPUB" "pandoc PDF"
  "pandoc ÷ Octavo, wall (CPU)" "baseline" "Octavo ÷ baseline, wall (CPU)")
rows=() rebuild_rows=()
row() {  # prints one row as text and keeps it for the Markdown table
  local IFS='|'; rows+=("$*")
  printf '%-6s %-4s %-5s %-32s %-7s %-11s %-9s %-11s %-11s %-16s %-9s %s\n' "$@"
}
printf '%-6s %-4s %-5s %-32s %-7s %-11s %-9s %-11s %-11s %-16s %-9s %s\n' "${header[@]}"

for n in "${sizes[@]}"; do
  for f in "${forms[@]}"; do
    dir=$work/$f-$n
    log "== $n articles, $f: generating"
    [ -f "$dir/book.md" ] || generate "$n" "$f" "$dir"
    corpus=$dir/corpus
    [ "$f" = txt ] && [ "$n" = 5 ] && corpus=$here/corpus  # 5 articles is corpus/ itself
    use_baseline=""
    [ -n "$baseline" ] && [ "$f" = txt ] && [ "$n" -le "$baseline_max" ] && use_baseline=1
    load=$(load1)
    octavo_cmd=("$octavo" build "$corpus" -o "$dir/out" --format all -q)
    baseline_cmd=("$baseline" build "$corpus" -o "$dir/out-baseline" --format all -q)
    wall="" sd="" cpu="" fastest="" base="" base_cpu=""
    if [ "$n" -le "$hyperfine_max" ]; then
      log "== octavo${use_baseline:+ and baseline}: hyperfine"
      args=(-N --warmup 3 --min-runs 20 --style basic --export-csv "$dir/hyperfine.csv"
        --prepare "rm -rf $dir/out $dir/out-baseline" -n octavo "${octavo_cmd[*]}")
      [ -z "$use_baseline" ] || args+=(-n baseline "${baseline_cmd[*]}")
      hyperfine "${args[@]}" >&2
      read -r wall sd cpu fastest < <(hyperfine_mean "$dir/hyperfine.csv" octavo)
      [ -z "$use_baseline" ] || read -r base _ base_cpu _ < <(hyperfine_mean "$dir/hyperfine.csv" baseline)
      read -r _ rss _ < <(timed "$dir/out" "${octavo_cmd[@]}")
    else
      : >"$dir/octavo.runs"; : >"$dir/baseline.runs"
      run_octavo() {
        log "== octavo, run $((r + 1)) of $runs"
        sleep "$pause"
        timed "$dir/out" "${octavo_cmd[@]}" >>"$dir/octavo.runs"
      }
      run_baseline() {
        log "== baseline, run $((r + 1)) of $runs"
        sleep "$pause"
        timed "$dir/out-baseline" "${baseline_cmd[@]}" >>"$dir/baseline.runs"
      }
      for ((r = 0; r < runs; r++)); do
        # Which of the two goes first alternates: of two builds run back to back here, the second
        # was the faster in 23 and 24 of 30 pairs, whichever binary it was (2026-12-05).
        if [ -z "$use_baseline" ]; then
          run_octavo
        elif ((r % 2 == 0)); then
          run_octavo
          run_baseline
        else
          run_baseline
          run_octavo
        fi
      done
      wall=$(cut -d' ' -f1 "$dir/octavo.runs" | median)
      cpu=$(cut -d' ' -f3 "$dir/octavo.runs" | median)
      rss=$(cut -d' ' -f2 "$dir/octavo.runs" | sort -n | tail -1)
      if [ -n "$use_baseline" ]; then
        base=$(cut -d' ' -f1 "$dir/baseline.runs" | median)
        base_cpu=$(cut -d' ' -f3 "$dir/baseline.runs" | median)
      fi
    fi
    pandoc_epub="" pandoc_pdf="" epub_cpu="" pdf_cpu=""
    if [ "$n" -le "$pandoc_max" ]; then
      if [ "$n" -le "$hyperfine_max" ]; then
        log "== pandoc: hyperfine"
        (cd "$dir" && hyperfine -N --warmup 1 --runs 5 --style basic --export-csv pandoc.csv \
          -n epub "pandoc book.md -o book.epub" \
          -n pdf "pandoc book.md --pdf-engine=pdflatex -o book.pdf") >&2
        read -r pandoc_epub _ epub_cpu _ < <(hyperfine_mean "$dir/pandoc.csv" epub)
        read -r pandoc_pdf _ pdf_cpu _ < <(hyperfine_mean "$dir/pandoc.csv" pdf)
      else
        log "== pandoc EPUB, then PDF through pdfLaTeX"
        read -r pandoc_epub _ epub_cpu < <(cd "$dir" && timed "$dir/book.epub" pandoc book.md -o book.epub)
        read -r pandoc_pdf _ pdf_cpu < <(cd "$dir" &&
          timed "$dir/book.pdf" pandoc book.md --pdf-engine=pdflatex -o book.pdf)
      fi
    fi
    sum() { awk -v a="$1" -v b="$2" 'BEGIN { if (a != "" && b != "") print a + b }'; }
    pandoc_total=$(sum "$pandoc_epub" "$pandoc_pdf") pandoc_cpu=$(sum "$epub_cpu" "$pdf_cpu")
    versus=$(ratio "$pandoc_total" "$wall")
    [ "$versus" = — ] || versus="$versus ($(ratio "$pandoc_cpu" "$cpu") CPU)"
    against=$(ratio "$wall" "$base" 2)
    [ "$against" = — ] || against="$against ($(ratio "$cpu" "$base_cpu" 2) CPU)"
    octavo_cell=$(fmt_time "$wall")
    [ -z "$sd" ] || octavo_cell="$octavo_cell ± $(fmt_time "$sd"), fastest $(fmt_time "$fastest")"
    [ "$runs" -le 1 ] || [ -n "$sd" ] || octavo_cell="$octavo_cell (median of $runs)"
    per=$(awk -v w="$wall" -v n="$n" 'BEGIN { printf "%.1f ms\n", w / n * 1000 }')
    row "$n" "$f" "$load" "$octavo_cell" "$(fmt_time "$cpu")" "$per" "$(mib "$rss")" \
      "$(fmt_time "$pandoc_epub")" "$(fmt_time "$pandoc_pdf")" "$versus" \
      "$(fmt_time "$base")" "$against"

    if [ "$n" = "$rebuild_at" ]; then
      # Two edits of the middle article, each rebuilt into the folder of the build before (where a
      # cache would be), then built cold for bytes and time: first one sentence changes, which
      # leaves every page count as it was; then the article's paragraphs are added again with their
      # words reversed (new text, not a repeat), so that it takes more pages and every later page
      # moves (its number, and whether it is a recto or a verso).
      log "== rebuild after one edit"
      rm -rf "$dir/edited" && cp -r "$dir/corpus" "$dir/edited"  # --keep reuses the corpus
      corpus=$dir/edited octavo_cmd=("$octavo" build "$dir/edited" -o "$dir/out" --format all -q)
      timed "$dir/out" "${octavo_cmd[@]}" >/dev/null
      article=$(printf '%s/article-%05d.%s' "$corpus" $((n / 2)) "$f")
      cp "$article" "$article.original"  # the watch below edits the article as it was
      for edit in "one sentence" "pages added"; do
        cold_load=$(load1)
        cp "$article" "$article.before"
        if [ "$edit" = "one sentence" ]; then
          sentence_changed "$article.before" >"$article.edited"
        else
          awk '{ print } length($0) > 100 && $0 !~ /^[-|#]/ {
                 line = ""; for (w = NF; w >= 1; w--) line = line (w < NF ? " " : "") $w; added[++count] = line }
               END { for (i = 1; i <= count; i++) printf "\n%s\n", added[i] }' "$article.before" >"$article.edited"
        fi
        # Each of the --runs rebuilds starts from the cache of a build of the article before the
        # edit (rebuilt, untimed, between two timed rebuilds), and the cold builds of the edited
        # corpus alternate with them: one rebuild's time spread over a quarter of its median here
        # (2026-12-05), so a single one could not show a step of a few percent.
        : >"$work/rebuilds"; : >"$work/colds"
        for ((r = 0; r < runs; r++)); do
          if ((r > 0)); then
            cp "$article.before" "$article"
            "${octavo_cmd[@]}" >/dev/null 2>&1
          fi
          cp "$article.edited" "$article"
          /usr/bin/time -f "%e" -o "$work/time" "${octavo_cmd[@]}"
          cat "$work/time" >>"$work/rebuilds"
          timed "$dir/out-cold" "$octavo" build "$corpus" -o "$dir/out-cold" --format all -q >>"$work/colds"
        done
        rm -f "$article.before" "$article.edited"
        again=$(median <"$work/rebuilds")
        cold=$(cut -d' ' -f1 "$work/colds" | median)
        same=yes
        for book in "$dir"/out-cold/*; do cmp -s "$book" "$dir/out/$(basename "$book")" || same=no; done
        share=$(awk -v a="$again" -v c="$cold" 'BEGIN { printf "%.0f %%\n", a / c * 100 }')
        [ "$runs" -le 1 ] || edit="$edit (medians of $runs)"
        rebuild_rows+=("$n|$f|$edit|$cold_load|$(fmt_time "$again")|$(fmt_time "$cold")|$share|$same")
        log "rebuild after $edit: $(fmt_time "$again"), cold $(fmt_time "$cold"), identical: $same"
      done

      # The same sentence under `octavo watch`, whose process outlives its builds: changed and
      # changed back, one save a second, 2K-1 saves (K = --runs, at least 5) so that the last
      # leaves it changed; each rebuild's time is its status line's. Then a cold build of that
      # text, for bytes and the share.
      log "== rebuild under octavo watch"
      mv "$article.original" "$article"
      cp "$article" "$article.before"
      sentence_changed "$article.before" >"$article.edited"
      watch_load=$(load1) saves=$((runs > 5 ? runs : 5))
      rm -rf "$dir/out-watch"
      # The watcher's lines come through a pipe the bench reads with the shell's own `read`: polling
      # its log (a grep a twentieth of a second) forked processes beside the build, and made the
      # rebuilds of 1,000 articles 0.33 s instead of 0.28 s.
      rm -f "$work/watch.fifo" "$work/watch.log" && mkfifo "$work/watch.fifo"
      exec 3<>"$work/watch.fifo"
      "$octavo" watch "$corpus" -o "$dir/out-watch" --format all >/dev/null 2>"$work/watch.fifo" &
      watcher=$!
      # Whatever ends the bench from here on ends the watcher too (with --keep nothing else would).
      trap 'kill -KILL "$watcher" 2>/dev/null; [ -n "$keep" ] || rm -rf "$work"' EXIT
      # watch_line REGEX: reads the watcher's lines into its log until one matches REGEX; stops the
      # bench with the log when none does within 120 s.
      watch_line() {
        local line
        while IFS= read -r -t 120 line <&3; do
          printf '%s\n' "$line" >>"$work/watch.log"
          [[ $line =~ $1 ]] && return 0
        done
        log "octavo watch: no line '$1' within 120 s; its log:"; cat "$work/watch.log" >&2; exit 1
      }
      watch_line '^octavo: watching '
      for ((s = 1; s <= 2 * saves - 1; s++)); do
        if ((s % 2)); then cp "$article.edited" "$article"; else cp "$article.before" "$article"; fi
        watch_line '^octavo: rebuilt in '
        sleep 1
      done
      kill -INT "$watcher" || true
      wait "$watcher" || { log "octavo watch ended with a failure; its log:"; cat "$work/watch.log" >&2; exit 1; }
      exec 3<&-
      trap '[ -n "$keep" ] || rm -rf "$work"' EXIT
      again=$(grep -oE '^octavo: rebuilt in [0-9.]+' "$work/watch.log" | awk '{ print $4 }' | median)
      cold=$(timed "$dir/out-cold" "$octavo" build "$corpus" -o "$dir/out-cold" --format all -q | cut -d' ' -f1)
      same=yes
      for book in "$dir"/out-cold/*; do cmp -s "$book" "$dir/out-watch/$(basename "$book")" || same=no; done
      rm -f "$article.before" "$article.edited"
      share=$(awk -v a="$again" -v c="$cold" 'BEGIN { printf "%.0f %%\n", a / c * 100 }')
      edit="one sentence, under watch (median of $((2 * saves - 1)) saves)"
      rebuild_rows+=("$n|$f|$edit|$watch_load|$(fmt_time "$again")|$(fmt_time "$cold")|$share|$same")
      log "rebuild under watch: $(fmt_time "$again"), cold $(fmt_time "$cold"), identical: $same"
    fi
  done
done

for r in "${rebuild_rows[@]}"; do
  IFS='|' read -r n f edit l again cold share same <<<"$r"
  printf 'rebuild after an edit, %s (%s %s, load %s): %s, cold build %s, %s of cold; %s: %s\n' \
    "$edit" "$n" "$f" "$l" "$again" "$cold" "$share" "books identical to cold" "$same"
done

md_row() {  # md_row FIELD… or one "a|b|c" row: prints it as a Markdown table row
  local IFS='|' line
  line="$*"
  printf '| %s |\n' "${line//|/ | }"
}
if [ -n "$markdown" ]; then
  {
    printf '%s, commit %s, %s cores (%s)\n\n' "$(date -u +%Y-%m-%d)" \
      "$(git -C "$here" describe --always --dirty 2>/dev/null || echo unknown)" "$(nproc)" \
      "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    md_row "${header[@]}"
    printf '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n'
    for r in "${rows[@]}"; do md_row "$r"; done
    if [ ${#rebuild_rows[@]} -gt 0 ]; then
      printf '\n'
      md_row "rebuild after an edit" form edit load rebuild "cold build" "rebuild ÷ cold" "identical to cold"
      printf '|---:|---|---|---:|---:|---:|---:|---|\n'
      for r in "${rebuild_rows[@]}"; do md_row "$r"; done
    fi
  } >"$markdown"
  log "Markdown table written to $markdown"
fi
