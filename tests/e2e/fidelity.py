#!/usr/bin/env python3
"""Fidelity of Octavo's books to their corpus, measured against pandoc's reading of the same files.

For each article (found through the "Corpus file" field of its EPUB source note) the reference is
what pandoc reads from the file (`-f gfm` for Markdown, `-f html` for HTML, the raw text for .txt):
its words in order, and its tables, notes, images, links and headings. The script then reports

- EPUB word match: words of the reference (its body, then its notes, each in order, since
  books set notes apart) found in order (longest common subsequence, by `diff`)
  in the article's XHTML, its endnotes included and its source note excluded;
- PDF word match: the same for the whole book's `pdftotext` output against every reference in
  reading order;
- element counts kept of those pandoc finds (tables, notes, images, links, headings);
- markup shown as text: tag-like text ("<div", "</p>") in the EPUB outside code.

Usage: fidelity.py BOOK.epub BOOK.pdf CORPUS_DIR [--min-epub 99.5] [--min-pdf 99] [--json] [--warnings LOG]
Exits 1 when a minimum is not met, when an element count falls short of pandoc's by more than the
warnings in LOG report (unless --counts-report-only), or when markup shows as text that pandoc
does not read as text too. Only the standard library, pandoc,
pdftotext and diff are used.
"""

import argparse
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB_NS = "{http://www.idpf.org/2007/ops}"
WORD = re.compile(r"\w+", re.UNICODE)
# Tag-like text of HTML's own elements ("<div", "</p>", "<img src=…>") or a comment: markup that a
# book should have interpreted. "<year>" in a licence text is text, not markup.
HTML_TAGS = ("a abbr address article aside b blockquote body br center cite code col colgroup dd del details "
             "dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr html i iframe img "
             "ins kbd li main mark nav object ol p picture pre q s samp script section small source span "
             "strike strong style sub summary sup table tbody td tfoot th thead tr tt u ul video").split()
TAG_AS_TEXT = re.compile(r"<!--|</?(?:" + "|".join(HTML_TAGS) + r")(?:\s[^<>]*)?/?>", re.IGNORECASE)
LEFT_OUT_ELEMENTS = re.compile(r"<(button|form|iframe|object|select|textarea)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    return WORD.findall(text)


class HtmlText(html.parser.HTMLParser):
    """Text and counted elements of raw HTML, as a browser would show it (no script, style, comments)."""

    HIDDEN = {"script", "style", "template", "iframe", "object", "noscript", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0
        self.counts = {"table": 0, "image": 0, "link": 0, "heading": 0}

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attrs = dict(attrs)
        if tag == "table":
            self.counts["table"] += 1
        elif tag == "img":
            # Octavo works offline: only local images can be kept (a remote one is reported).
            if not REMOTE.match(attrs.get("src") or ""):
                self.counts["image"] += 1
        elif tag == "a" and attrs.get("href"):
            self.counts["link"] += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self.counts["heading"] += 1
        if tag in ("br", "p", "div", "li", "td", "th", "tr"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden > 0:
            self.hidden -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(raw):
    parser = HtmlText()
    parser.feed(raw)
    parser.close()
    return "".join(parser.parts), parser.counts


class PandocReference:
    """Walks pandoc's JSON AST in document order, collecting text and counting elements."""

    def __init__(self):
        self.parts = []
        self.in_link = 0
        self.notes = []  # each distinct note's text, in order of first reference
        self.text = []  # what a reader sees as prose (not code): tag-like text here is the author's
        self.counts = {"table": 0, "note": 0, "image": 0, "link": 0, "heading": 0}

    def raw(self, fmt, text):
        if fmt.lower() != "html":
            return
        shown, counts = html_text(text)
        self.parts.append(" " + shown + " ")
        self.text.append(" " + shown + " ")
        for key, value in counts.items():
            self.counts[key] += value

    def walk(self, node):
        if isinstance(node, list):
            for item in node:
                self.walk(item)
            return
        if not isinstance(node, dict) or "t" not in node:
            return
        kind, content = node["t"], node.get("c")
        if kind == "Str":
            self.parts.append(content)
            self.text.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            self.parts.append(" ")
            self.text.append(" ")
        elif kind == "Code":
            self.parts.append(" " + content[1] + " ")
        elif kind == "CodeBlock":
            self.parts.append("\n" + content[1] + "\n")
        elif kind in ("RawBlock", "RawInline"):
            self.raw(content[0], content[1])
        elif kind == "Math":
            self.parts.append(" " + content[1] + " ")
        else:
            if kind == "Table":
                self.counts["table"] += 1
            elif kind == "Image" and not REMOTE.match(content[2][0]):
                self.counts["image"] += 1
            elif kind == "Link" and not self.in_link:
                # pandoc's autolink extension also links an address written as a link's text: one
                # link to a reader (HTML has no nested links)
                self.counts["link"] += 1
            elif kind == "Header":
                self.counts["heading"] += 1
            if kind in ("Para", "Plain", "Header", "Div", "BlockQuote"):
                self.parts.append(" ")
            if kind == "Image":
                # alt text (content[1]) counts as words the reader gets; the target does not
                self.walk(content[1])
                return
            if kind == "Note":
                # Books set notes apart (EPUB endnotes, PDF footnotes); pandoc repeats a note's
                # text at every reference to it, a book prints it once.
                self.counts["note"] += 1
                inner = PandocReference()
                inner.walk(content)
                text = "".join(inner.parts)
                if text not in self.notes:
                    self.notes.append(text)
                    for key, value in inner.counts.items():
                        self.counts[key] += value
                return
            if kind == "Link":
                self.in_link += 1
                self.walk(content[1])
                self.in_link -= 1
                return
            self.walk(content)
            self.parts.append(" ")


def front_matter_end(text):
    """Index after a leading YAML (---) or TOML (+++) front matter block, else 0."""
    for fence in ("---", "+++"):
        if text.startswith(fence + "\n") or text.startswith(fence + "\r\n"):
            lines = text.splitlines(keepends=True)
            offset = len(lines[0])
            for line in lines[1:]:
                offset += len(line)
                if line.strip() in (fence, "...") and (fence == "---" or line.strip() == fence):
                    return offset
    return 0


def reference(path):
    with open(path, "rb") as f:
        raw = f.read().decode("utf-8", errors="replace")
    lower = path.lower()
    if lower.endswith(".txt"):
        return words(raw), [], {"table": 0, "note": 0, "image": 0, "link": 0, "heading": 0}, TAG_AS_TEXT.findall(raw)
    if lower.endswith((".html", ".htm", ".xhtml")):
        # Controls and embedded programs are left out of a book, each kind with a warning
        # (src/import/html_blocks.cpp); pandoc keeps a button's label as text.
        fmt, text = "html", LEFT_OUT_ELEMENTS.sub(" ", raw)
    else:
        fmt, text = "gfm", raw[front_matter_end(raw):]
    result = subprocess.run(["pandoc", "-f", fmt, "-t", "json"], input=text.encode("utf-8"),
                            capture_output=True, check=True)
    ast = json.loads(result.stdout)
    ref = PandocReference()
    ref.walk(ast["blocks"])
    return (words("".join(ref.parts)), words(" ".join(ref.notes)), ref.counts,
            TAG_AS_TEXT.findall("".join(ref.text)))


def in_order_matches(reference_words, book_words):
    """Length of a longest common subsequence, as GNU diff finds it on one word per line."""
    if not reference_words:
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        with open(a, "w", encoding="utf-8") as f:
            f.write("\n".join(reference_words) + "\n")
        with open(b, "w", encoding="utf-8") as f:
            f.write("\n".join(book_words) + "\n")
        out = subprocess.run(["diff", "--speed-large-files", a, b], capture_output=True, text=True).stdout
    deleted = sum(1 for line in out.splitlines() if line.startswith("< "))
    return len(reference_words) - deleted


def list_number(kind, n):
    """An ordered list item's number as a browser shows it for <ol type=kind>: 1, a, A, i, I."""
    if kind in ("a", "A") and n > 0:
        letters = ""
        while n > 0:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if kind == "A" else letters
    if kind in ("i", "I") and 0 < n < 4000:
        numerals = ""
        for value, symbol in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                              (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
            while n >= value:
                numerals += symbol
                n -= value
        return numerals.upper() if kind == "I" else numerals
    return str(n)


def element_text(element, skip):
    """Text of an XHTML element in document order, skipping subtrees for which skip(e) is true.
    An ordered list's item numbers are words the reader sees (a plain-text article writes them)."""
    parts = []

    def visit(e):
        if skip(e):
            if e.tail:
                parts.append(e.tail)
            return
        if e.text:
            parts.append(e.text)
        number = int(e.get("start") or 1) if e.tag == XHTML + "ol" else None
        for child in e:
            if number is not None and child.tag == XHTML + "li":
                parts.append(" " + list_number(e.get("type") or "1", number) + " ")
                number += 1
            visit(child)
        parts.append(" ")
        if e.tail:
            parts.append(e.tail)

    visit(element)
    return "".join(parts)


def epub_articles(epub_path):
    """For each article XHTML: (corpus file, words, counts, markup-as-text snippets)."""
    articles = []
    with zipfile.ZipFile(epub_path) as book:
        for name in sorted(book.namelist()):
            if not name.endswith(".xhtml"):
                continue
            root = ET.fromstring(book.read(name))
            note = None
            for section in root.iter(XHTML + "section"):
                if "source-note" in (section.get("class") or "").split():
                    note = section
            if note is None:
                continue
            corpus_file = None
            cells = [element_text(e, lambda _: False).strip() for e in note.iter() if e.tag in (XHTML + "dd", XHTML + "td")]
            labels = [element_text(e, lambda _: False).strip() for e in note.iter() if e.tag in (XHTML + "dt", XHTML + "th")]
            for label, value in zip(labels, cells):
                if label.rstrip(":") == "Corpus file":
                    corpus_file = value
            article = next(s for s in root.iter(XHTML + "section") if "article" in (s.get("class") or "").split())

            def skip(e):
                if e is note:
                    return True
                role = e.get("role") or ""
                return role == "doc-backlink"

            def skip_for_markup(e):
                return skip(e) or e.tag in (XHTML + "pre", XHTML + "code", XHTML + "kbd")

            text = element_text(article, skip)
            # The article's own title (h1) is generated from the heading pandoc reads as the
            # first Header, so it stays in the compared text.
            counts = {"table": 0, "note": 0, "image": 0, "link": 0, "heading": 0}
            for e in article.iter():
                if any(e is n for n in note.iter()):
                    continue
                tag = e.tag.replace(XHTML, "")
                role = e.get("role") or ""
                if tag == "table":
                    counts["table"] += 1
                elif tag == "img":
                    counts["image"] += 1
                elif tag == "a" and e.get("href") is not None:
                    if role == "doc-noteref" or e.get(EPUB_NS + "type") == "noteref":
                        counts["note"] += 1
                    elif role != "doc-backlink":
                        counts["link"] += 1
                elif re.fullmatch(r"h[1-6]", tag):
                    counts["heading"] += 1
            shown = TAG_AS_TEXT.findall(element_text(article, skip_for_markup))
            articles.append((corpus_file, words(text), counts, shown))
    return articles


# The warnings that say an element of a kind was not kept as such (src/import, transform/resolve_links).
LOSS_WARNINGS = {
    "link": re.compile(r"^(?:link to '|expected an http)"),
    "image": re.compile(r"^(?:image |cannot read image|remote image)"),
}
DIAGNOSTIC = re.compile(r"^(.+?):\d+:\d+: warning: (.*)$")


def reported_losses(log_path):
    """(corpus file, kind) → how many warnings say an element of that kind was not kept."""
    counts = {}
    with open(log_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            match = DIAGNOSTIC.match(line.rstrip("\n"))
            if not match:
                continue
            for kind, pattern in LOSS_WARNINGS.items():
                if pattern.match(match.group(2)):
                    key = (match.group(1), kind)
                    counts[key] = counts.get(key, 0) + 1
    return counts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("epub")
    parser.add_argument("pdf")
    parser.add_argument("corpus")
    parser.add_argument("--min-epub", type=float, default=99.5)
    parser.add_argument("--min-pdf", type=float, default=99.0)
    parser.add_argument("--counts-report-only", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--warnings", help="octavo's diagnostics (--diagnostics=short): an element not kept "
                        "counts as reported when a warning about its kind names its file")
    args = parser.parse_args()
    reported = reported_losses(args.warnings) if args.warnings else {}

    articles = epub_articles(args.epub)
    total_ref = total_epub = 0
    all_ref_body, all_ref_notes = [], []
    totals = {key: [0, 0, 0] for key in ("table", "note", "image", "link", "heading")}  # kept, pandoc's, reported
    markup = []
    failures = []
    rows = []
    for corpus_file, book_words, counts, shown in articles:
        if corpus_file is None:
            failures.append("an article's source note names no corpus file")
            continue
        body_words, note_words, ref_counts, ref_shown = reference(os.path.join(args.corpus, corpus_file))
        # The body in order, and the notes in order, wherever the book sets them.
        matched = in_order_matches(body_words, book_words) + in_order_matches(note_words, book_words)
        ref_words = body_words + note_words
        all_ref_body.append(body_words)
        all_ref_notes.append(note_words)
        total_ref += len(ref_words)
        total_epub += matched
        for key in totals:
            totals[key][0] += counts.get(key, 0)
            totals[key][1] += ref_counts.get(key, 0)
            totals[key][2] += min(reported.get((corpus_file, key), 0),
                                  max(0, ref_counts.get(key, 0) - counts.get(key, 0)))
        # Tag-like text the author wrote as text ("Returns: <Object>") is not markup shown.
        remaining = list(ref_shown)
        for snippet in shown:
            if snippet in remaining:
                remaining.remove(snippet)
            else:
                markup.append((corpus_file, snippet))
        share = 100.0 * matched / len(ref_words) if ref_words else 100.0
        rows.append((corpus_file, len(ref_words), share, counts, ref_counts))

    pdf_text = subprocess.run(["pdftotext", "-enc", "UTF-8", args.pdf, "-"], capture_output=True, check=True,
                              text=True).stdout
    pdf_words = words(pdf_text)
    pdf_matched = in_order_matches([w for ws in all_ref_body for w in ws], pdf_words) + in_order_matches(
        [w for ws in all_ref_notes for w in ws], pdf_words)
    epub_share = 100.0 * total_epub / total_ref if total_ref else 100.0
    pdf_share = 100.0 * pdf_matched / total_ref if total_ref else 100.0

    report = {
        "articles": len(rows),
        "words": total_ref,
        "epub_word_match": round(epub_share, 3),
        "pdf_word_match": round(pdf_share, 3),
        "kept_of_pandoc": {key: f"{v[0]}/{v[1]}" for key, v in totals.items()},
        "reported_not_kept": {key: v[2] for key, v in totals.items()},
        "markup_as_text": len(markup),
    }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for corpus_file, n, share, counts, ref_counts in rows:
            short = [f"{k} {counts[k]}/{ref_counts[k]}" for k in totals if ref_counts.get(k) or counts.get(k)]
            print(f"  {corpus_file}: {n} words, EPUB {share:.2f} %; " + ", ".join(short))
        print(f"articles {report['articles']}, words {total_ref}: EPUB {epub_share:.2f} %, PDF {pdf_share:.2f} %")
        print("kept of pandoc's: " + ", ".join(f"{k}s {v}" + (f" (+{totals[k][2]} reported)" if totals[k][2] else "")
                                               for k, v in report["kept_of_pandoc"].items()))
        print(f"markup shown as text: {len(markup)}")
        for corpus_file, snippet in markup[:10]:
            print(f"  {corpus_file}: {snippet!r}")

    if epub_share < args.min_epub:
        failures.append(f"EPUB word match {epub_share:.2f} % < {args.min_epub} %")
    if pdf_share < args.min_pdf:
        failures.append(f"PDF word match {pdf_share:.2f} % < {args.min_pdf} %")
    if markup:
        failures.append(f"{len(markup)} pieces of markup shown as text")
    if not args.counts_report_only:
        for key, (ours, theirs, warned) in totals.items():
            if ours + warned < theirs:
                failures.append(f"{key}s: {ours} kept and {warned} reported of pandoc's {theirs}")
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
