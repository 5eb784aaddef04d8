#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "core/diagnostics.hpp"
#include "core/sha256.hpp"
#include "import/choose_titles.hpp"
#include "import/text_article.hpp"
#include "model/dump.hpp"

using namespace octavo;

namespace {

struct Read {
  model::Article article;
  std::string blocks;       // dump_blocks of the article
  std::string diagnostics;  // every diagnostic, formatted
};

Read read_txt(std::string_view bytes) {
  core::DiagnosticList diagnostics;
  Read read{import::read_text_article("a.txt", bytes, diagnostics), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "a.txt");
  read.diagnostics = diagnostics.to_string();
  return read;
}

// The article read, then its title chosen as the corpus chooses it (import/choose_titles.hpp),
// with `listed_title` as book.toml's.
Read titled_txt(std::string_view bytes, const std::string& listed_title = "") {
  core::DiagnosticList diagnostics;
  model::Book book;
  book.articles.push_back(import::read_text_article("a.txt", bytes, diagnostics));
  import::TitleSources sources;
  sources.articles.push_back({listed_title, {"book.toml", 2, 9}});
  import::choose_titles(book, sources, diagnostics);
  Read read{std::move(book.articles.front()), "", ""};
  read.blocks = model::dump_blocks(read.article.blocks, "a.txt");
  read.diagnostics = diagnostics.to_string();
  return read;
}

// A paragraph on one line, as word processors save text and the seeds are written: 30 words
// after `first`, 240 columns or more.
std::string long_line(const std::string& first) {
  std::string line = first;
  for (int i = 0; i < 30; ++i) line += " several";
  return line + ".";
}

}  // namespace

TEST_SUITE("import.text_article") {
  TEST_CASE("a seed-like article: summary, lead, outline linked to its headings by GitHub's ids, sections") {
    const Read read = read_txt(
        "Kratom's summary line.\n"
        "A second lead line.\n"
        "- Kratom's Role\n"
        "- Dosing -- Safely\n"
        "Kratom's Role\n"
        "Body of the first section.\n"
        "Dosing -- Safely\n"
        "Body of the second.");
    CHECK(read.blocks ==
          "paragraph role=summary @1:1\n"
          "  text \"Kratom’s summary line.\"\n"
          "paragraph @2:1\n"
          "  text \"A second lead line.\"\n"
          "bullet_list role=outline @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:3\n"
          "      link \"#kratoms-role\"\n"
          "        text \"Kratom’s Role\"\n"
          "  list_item @4:1\n"
          "    paragraph @4:3\n"
          "      link \"#dosing--safely\"\n"
          "        text \"Dosing – Safely\"\n"
          "heading level=1 @5:1\n"
          "  text \"Kratom’s Role\"\n"
          "paragraph @6:1\n"
          "  text \"Body of the first section.\"\n"
          "heading level=1 @7:1\n"
          "  text \"Dosing – Safely\"\n"
          "paragraph @8:1\n"
          "  text \"Body of the second.\"\n");
    CHECK(read.diagnostics == "");
    CHECK(read.article.title == "");  // chosen for the whole corpus: import/choose_titles.hpp
    CHECK(read.article.location.path == "a.txt");
    CHECK(read.article.location.line == 1);
    CHECK(read.article.location.column == 1);
  }

  TEST_CASE("provenance has the file and the SHA-256 of its exact bytes; ids and counts stay empty") {
    const std::string bytes = "\xEF\xBB\xBFLine\r\n";
    const Read read = read_txt(bytes);
    CHECK(read.article.provenance.file == "a.txt");
    CHECK(read.article.provenance.sha256 == core::sha256_hex(bytes));
    CHECK(read.article.id.empty());
    CHECK(read.article.provenance.word_count == 0);
    CHECK(read.article.source_note.fields.empty());
  }

  TEST_CASE("an outline line matches mixed straight and curly apostrophes after smartening") {
    const Read read = read_txt("Lead.\n- It's here\nIt’s here\nText.\n");
    CHECK(read.blocks.find("link \"#its-here\"") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @3:1") != std::string::npos);
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("each outline entry takes the first equal line after the previous heading") {
    const Read read = read_txt(
        "Lead.\n- A\n- B\n- A\n"
        "B\n"  // before heading A: stays a paragraph
        "A\nB\nA\n");
    CHECK(read.blocks.find("paragraph @5:1\n  text \"B\"\n") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @6:1") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @7:1") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @8:1") != std::string::npos);
    CHECK(read.blocks.find("link \"#a\"") != std::string::npos);
    CHECK(read.blocks.find("link \"#b\"") != std::string::npos);
    CHECK(read.blocks.find("link \"#a-1\"") != std::string::npos);  // GitHub numbers a repeat from 1
  }

  TEST_CASE("an outline entry with no heading is kept as plain text, with a warning") {
    const Read read = read_txt("Lead.\n- Present\n- Missing\nPresent\nBody.\n");
    CHECK(read.blocks.find("  list_item @3:1\n"
                           "    paragraph @3:3\n"
                           "      text \"Missing\"\n") != std::string::npos);
    CHECK(read.diagnostics ==
          "a.txt:3:3: warning: outline entry 'Missing' has no matching heading; it is kept as plain text\n");
  }

  TEST_CASE("seed-form text with no outline is all body paragraphs, one a line") {
    // Lines longer than hard-wrapped text's (over 100 columns) mark the seeds' form.
    const std::string one(101, 'a');
    const Read read = read_txt(one + "\nTwo.\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"" + one + "\"\nparagraph @2:1\n  text \"Two.\"\n");
  }

  TEST_CASE("an article may start with its outline") {
    const Read read = read_txt("- Only\nOnly\nBody.");
    CHECK(read.blocks.starts_with("bullet_list role=outline @1:1\n"));
    CHECK(read.blocks.find("role=summary") == std::string::npos);
  }

  TEST_CASE("CRLF, lone CR, a BOM, blank lines, tabs, outer spaces and no final newline") {
    const Read read = read_txt(
        "\xEF\xBB\xBF"
        "First.\r\n\r\n  Indented\tline  \rLast");
    CHECK(read.blocks ==
          "paragraph @1:1\n  text \"First.\"\n"
          "paragraph @3:3\n  text \"Indented line\"\n  soft_break\n  text \"Last\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("invalid UTF-8 is replaced and reported once per line") {
    const Read read = read_txt("ok\nbad \xC3 and \xFF\n");
    CHECK(read.blocks.find("text \"bad \xEF\xBF\xBD and \xEF\xBF\xBD\"") != std::string::npos);
    CHECK(read.diagnostics == "a.txt:2:5: warning: invalid UTF-8 replaced by U+FFFD\n");
  }

  TEST_CASE("characters XML forbids are removed with a warning at their position") {
    const Read read = read_txt(std::string("a\x00z\nfine\x0B", 9));
    CHECK(read.blocks == "paragraph @1:1\n  text \"az\"\n  soft_break\n  text \"fine\"\n");
    CHECK(read.diagnostics ==
          "a.txt:1:2: warning: removed a character that XML does not allow (U+0000)\n"
          "a.txt:2:5: warning: removed a character that XML does not allow (U+000B)\n");
  }

  TEST_CASE("smart punctuation on every line, the rest of the text exact") {
    const Read read = read_txt("He said \"don't\" -- twice... 7-hydroxy x ’kept’\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"He said “don’t” – twice… 7-hydroxy x ’kept’\"\n");
  }

  TEST_CASE("an empty or blank file is an article with no blocks and a warning") {
    CHECK(read_txt("").blocks == "");
    CHECK(read_txt("").diagnostics == "a.txt: warning: article is empty\n");
    const Read blank = read_txt(" \t\r\n\n  ");
    CHECK(blank.article.blocks.empty());
    CHECK(blank.diagnostics == "a.txt: warning: article is empty\n");
  }

  TEST_CASE("every inline carries its line and column") {
    const Read read = read_txt("Lead.\n  - Entry\n  Entry\n");
    const model::Block& outline = read.article.blocks[1];
    const model::Inline& link = outline.children[0].children[0].inlines[0];
    CHECK(link.location.line == 2);
    CHECK(link.location.column == 5);
    CHECK(link.children[0].location.column == 5);
    CHECK(read.article.blocks[2].inlines[0].location.line == 3);
    CHECK(read.article.blocks[2].inlines[0].location.column == 3);
  }
}

// Hard-wrapped text: paragraphs separated by blank lines (import/wrapped_text). Headings get their
// ids from transform::resolve_links, as every reader's do: tests/unit/pipeline/plain_text_test.cpp.
TEST_SUITE("import.text_article.wrapped") {
  TEST_CASE("a blank line separates paragraphs; the lines of one are joined, each run at its line") {
    const Read read = read_txt("A paragraph wrapped\nover two lines.\n\nA second one, also\nwrapped, ends here.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"A paragraph wrapped\"\n"
          "  soft_break\n"
          "  text \"over two lines.\"\n"
          "paragraph @4:1\n"
          "  text \"A second one, also\"\n"
          "  soft_break\n"
          "  text \"wrapped, ends here.\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a file of one paragraph and no blank line is one paragraph") {
    CHECK(read_txt("Just one paragraph\nwrapped over\nthree lines.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"Just one paragraph\"\n"
          "  soft_break\n"
          "  text \"wrapped over\"\n"
          "  soft_break\n"
          "  text \"three lines.\"\n");
  }

  TEST_CASE("in hard-wrapped text a paragraph on one line stands alone, and so do the lines beside it") {
    // As a word processor saves text: a paragraph a line, a heading among them, blank lines only
    // here and there. Joined, the run's paragraphs and the heading would be one paragraph.
    const std::string one = long_line("One");
    const std::string two = long_line("Two");
    const std::string three = long_line("Three");
    const Read read = read_txt("Opening paragraph\nwrapped by hand.\n\n" + one + "\n" + two + "\nA Heading Between\n" +
                               three + "\n\nLast.\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n  text \"Opening paragraph\"\n  soft_break\n  text \"wrapped by hand.\"\n"
          "paragraph @4:1\n  text \"" +
              one +
              "\"\n"
              "paragraph @5:1\n  text \"" +
              two +
              "\"\n"
              "paragraph @6:1\n  text \"A Heading Between\"\n"
              "paragraph @7:1\n  text \"" +
              three +
              "\"\n"
              "paragraph @9:1\n  text \"Last.\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a run with any line but paragraphs on one line and short titles is left as it is") {
    // A line that goes on with a long one (a paragraph wrapped, then edited by hand), a lead-in, a
    // list's item and its continuation, a definition's term: the long line is theirs.
    const std::string long_one = long_line("Long");
    for (const std::string& around :
         {"This paragraph was wrapped at seventy-two columns and then one of its lines\n" + long_one + "\n",
          "Notes:\n" + long_one + "\n", "* " + long_one + "\n  (Someone Somewhere)\n",
          "1.4. \"Covered Software\"\nmeans" + long_one.substr(4) + "\n"}) {
      CAPTURE(around);
      const Read read = read_txt("Before.\n\n" + around + "\nAfter.\n");
      CHECK(read.blocks.find("paragraph @4:") == std::string::npos);  // line 4 goes on with line 3
      CHECK(read.blocks.find("list_item @4:") == std::string::npos);
    }
  }

  TEST_CASE("a wrapped paragraph with a long address on one of its lines stays one paragraph") {
    const std::string address = "https://example.org/" + std::string(110, 'a');
    const Read read = read_txt("The text is at\n" + address + "\nand also at " + address + " here.\n\nNext.\n");
    CHECK(read.blocks == "paragraph @1:1\n  text \"The text is at\"\n  soft_break\n  text \"" + address +
                             "\"\n  soft_break\n  text \"and also at " + address +
                             " here.\"\n"
                             "paragraph @5:1\n  text \"Next.\"\n");
  }

  TEST_CASE("lines in columns wider than hard-wrapped text stay preformatted") {
    std::string table;
    for (int row = 0; row < 3; ++row) {
      for (int cell = 0; cell < 12; ++cell) table += "cell" + std::to_string(row) + std::string(6, ' ');
      table += "end\n";
    }
    const Read read = read_txt("Before.\n\n" + table + "\nAfter.\n");
    CHECK(read.blocks.find("code_block @3:1\n") != std::string::npos);
    CHECK(read.blocks.find("paragraph @4:1") == std::string::npos);
  }

  TEST_CASE("text wrapped wider than 100 columns keeps its paragraphs, though some lines end a sentence") {
    for (const std::size_t width : {110, 120, 132}) {
      CAPTURE(width);
      // Lines filled to within a word of `width`, as fmt fills them (the next line's first word
      // would not fit); every third ends a sentence, and the next goes on with the paragraph.
      std::string paragraph;
      for (int line = 0; line < 9; ++line) {
        std::string text = line % 3 == 1 ? "Then" : "more";
        while (text.size() + 1 + 9 <= width) text += " wordy";
        if (line % 3 == 0) text += ".";
        paragraph += text + "\n";
      }
      paragraph.replace(paragraph.size() - 1, 1, ".\n");
      const Read read = read_txt(paragraph + "\n" + paragraph);
      CHECK(read.blocks.starts_with("paragraph @1:1\n"));
      CHECK(read.blocks.find("paragraph @11:1\n") != std::string::npos);
      CHECK(read.blocks.find("paragraph @", 1) == read.blocks.find("paragraph @11:1\n"));  // two, no more
      CHECK(read.blocks.rfind("paragraph @") == read.blocks.find("paragraph @11:1\n"));
    }
  }

  TEST_CASE("files a first reading of paragraph lines got wrong read as hard-wrapped text still") {
    // Reviewers' cases, from Debian's documentation: a two-line paragraph wrapped at 109 columns
    // whose first line ends a sentence (e2fsprogs' NEWS); an indented paragraph wrapped at 115
    // with a line ending in ':' (coreutils' NEWS); a FAQ and a README whose contents lists recur
    // as headings, with long list items or two long paragraphs side by side.
    const Read two_lines = read_txt(R"(News

E2fsck now supports the extended option "-E journal_only", which causes it to only do a journal replay.
This is useful for scripts that want to first replay the journal and then check to see if it contains errors.

End.
)");
    CHECK(two_lines.blocks.find("paragraph @3:1\n") != std::string::npos);
    CHECK(two_lines.blocks.find("paragraph @4:1") == std::string::npos);
    const Read colon = read_txt(R"(Title

  fts-using tools (rm, du, chmod, chgrp, chown, chcon) no longer use memory proportional to the number of entries
  in each directory they process.  Before, rm -rf 4-million-entry-directory would consume about 1GiB of memory.
  Now, it uses less than 30MB, no matter how many entries there are.  [this bug was inherent in the use of fts:
  thus, for rm the bug was introduced in coreutils-8.0.  The prior implementation of rm did not use as much memory.
  du, chmod, chgrp and chown started using fts in 6.0.  chcon was added in coreutils-6.9.91 with fts support.  ]

End.
)");
    CHECK(colon.blocks.find("paragraph @3:3\n") != std::string::npos);
    CHECK(colon.blocks.find("paragraph @6:3") == std::string::npos);
    const Read faq = read_txt(R"(FAQ

  - Install
  - Usage

Install

There are two drawbacks:

  - there is no try/catch block in each assert so if an expression is thrown the whole test case ends (but is still caught and reported).
  - when an assert fails and a debugger is present the framework will break inside a doctest function so you go one level up the stack.

Usage

Missing:

  - matchers
  - benchmarks

The end.
)");
    CHECK(faq.blocks.find("role=outline") == std::string::npos);
    CHECK(faq.blocks.find("role=summary") == std::string::npos);
    CHECK(faq.blocks.find("bullet_list @10:3\n") != std::string::npos);
    const Read readme = read_txt(R"(Octavo
======

Contents:

- Install
- Usage

This tool converts a folder of plain text articles into a book, and it keeps the structure of each article as it was written.
It runs offline, needs no network access at all, and writes both an EPUB file and a PDF file from the very same sources.

Install
-------

Install the package with your system's package manager, or build it from the sources with CMake as described below in detail.

    cmake -S . -B build
    cmake --build build

Usage
-----

Run it:

    octavo build corpus

* one
* two
)");
    CHECK(readme.blocks.starts_with("heading level=1 @1:1\n  text \"Octavo\"\n"));
    CHECK(readme.blocks.find("role=outline") == std::string::npos);
    CHECK(readme.blocks.find("code_block @17:5\n") != std::string::npos);
    CHECK(readme.blocks.find("text \"======") == std::string::npos);
  }

  TEST_CASE("a paragraph wrapped at 72 columns with one long line, and a README that opens as a seed, read as before") {
    // A fourth reviewer's cases: the lines of a paragraph wrapped short are no titles, so the long
    // line edited into it stays in it (in English, with a capital after the break, and in French,
    // after a lower-case é); a README with a long description and a contents list has wrapped
    // paragraphs, which no seed has.
    const Read commit = read_txt(R"(Fix crash on startup

When the configuration file is missing the daemon dereferences a null
pointer before it gets a chance to print an error. This is what
I saw in the core dump from the reporter's machine and what I could reproduce locally with an empty home directory, so the fix checks the pointer and prints the usual message instead, and then some more words are added here so that the line is clearly longer than two hundred characters.

Closes: #1234
)");
    CHECK(commit.blocks.find("paragraph @3:1\n") != std::string::npos);
    CHECK(commit.blocks.find("paragraph @5:1") == std::string::npos);
    const Read french = read_txt(R"(Bonjour,

Merci pour votre message. Nous avons bien reçu votre dossier et
étudierons votre demande dans les meilleurs délais, en tenant compte de l'ensemble des pièces justificatives que vous nous avez transmises le mois dernier par courrier recommandé, ainsi que les documents complémentaires demandés par notre service juridique.

Cordialement,
Le service client
)");
    CHECK(french.blocks.find("paragraph @3:1\n") != std::string::npos);
    CHECK(french.blocks.find("paragraph @4:1") == std::string::npos);
    const Read readme = read_txt(
        R"(Frobnicator is a small command line tool that takes a directory of configuration files, checks each of them against the schema that ships with the package, and reports every problem it finds with its file, line and column so that an editor can jump to it.
- Installation
- Usage
- License

Installation

Run the installer from the top of the source tree. It copies the
binary to /usr/local/bin and the schema to /usr/local/share, and it
asks before overwriting anything that is already there.

Usage

Give it a directory. It prints one line per problem and exits with
a non-zero status when it found any, so it can run in CI.

License

MIT.
)");
    CHECK(readme.blocks.find("role=outline") == std::string::npos);
    CHECK(readme.blocks.find("paragraph @8:1\n") != std::string::npos);
    CHECK(readme.blocks.find("paragraph @9:1") == std::string::npos);
  }

  TEST_CASE("a fenced block whose command is as wide as a paragraph on one line stays preformatted") {
    // The command ends as a sentence does: only the fence, drawn, keeps the run preformatted.
    const std::string command = "cmake -S . -B build " + long_line("-DVALUE=on");
    const Read fenced = read_txt("Build it:\n\n```sh\n" + command + "\n```\n\nAfter.\n");
    CHECK(fenced.blocks.find("code_block @3:1\n") != std::string::npos);
  }

  TEST_CASE("short lines keep their breaks beside paragraphs on one line: the text's width is read as it is") {
    const std::string lines = long_line("One") + "\n" + long_line("Two") + "\n" + long_line("Three") + "\n";
    const Read read = read_txt(lines + "\nAnn Author\nBob Builder\nCat Coder\n\n" + lines);
    CHECK(read.blocks.find("text \"Ann Author\"\n  hard_break\n  text \"Bob Builder\"\n  hard_break\n") !=
          std::string::npos);
    CHECK(read.blocks.find("paragraph @3:1\n  text \"Three") != std::string::npos);
  }

  TEST_CASE("a framed box wider than hard-wrapped text is an aside still") {
    const std::string inside = long_line("Inside");
    const std::string edge = "+" + std::string(inside.size() + 2, '-') + "+";
    const Read read =
        read_txt("Before.\n\n" + edge + "\n| " + inside + " |\n| " + inside + " |\n" + edge + "\n\nAfter.\n");
    CHECK(read.blocks.find("aside @3:1\n") != std::string::npos);
    CHECK(read.blocks.find("text \"|") == std::string::npos);
    CHECK(read.blocks.find("text \"+") == std::string::npos);
  }

  TEST_CASE("a seed's form with paragraphs added after blank lines keeps its outline and its headings") {
    // The heading's apostrophe is curly, the outline's straight: they match as the seeds' reader
    // matches them, smartened.
    const std::string summary = long_line("Summary");
    const std::string first = long_line("First");
    const std::string second = long_line("Second");
    const std::string added = long_line("Added");
    const Read read = read_txt(summary + "\n- Kratom's Role\n- Dosing\nKratom’s Role\n" + first + "\n\nDosing\n\n" +
                               second + "\n\n" + added + "\n");
    CHECK(read.blocks == "paragraph role=summary @1:1\n  text \"" + summary +
                             "\"\n"
                             "bullet_list role=outline @2:1\n"
                             "  list_item @2:1\n    paragraph @2:3\n      link \"#kratoms-role\"\n"
                             "        text \"Kratom’s Role\"\n"
                             "  list_item @3:1\n    paragraph @3:3\n      link \"#dosing\"\n        text \"Dosing\"\n"
                             "heading level=1 @4:1\n  text \"Kratom’s Role\"\n"
                             "paragraph @5:1\n  text \"" +
                             first +
                             "\"\n"
                             "heading level=1 @7:1\n  text \"Dosing\"\n"
                             "paragraph @9:1\n  text \"" +
                             second +
                             "\"\n"
                             "paragraph @11:1\n  text \"" +
                             added + "\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("a seed's outline is matched smartened, as the seeds' reader matches it") {
    // Only the apostrophe's heading could match: straight in the outline and curly below, or the
    // other way round.
    const std::string first = long_line("First");
    for (const auto& [entry, heading] : {std::pair<std::string, std::string>{"Kratom's Role", "Kratom’s Role"},
                                         std::pair<std::string, std::string>{"Kratom’s Role", "Kratom's Role"}}) {
      CAPTURE(entry);
      const Read read = read_txt(long_line("Summary") + "\n- " + entry + "\n" + heading + "\n" + first + "\n" + first +
                                 "\n\n" + long_line("Added") + "\n");
      CHECK(read.blocks.find("bullet_list role=outline @2:1\n") != std::string::npos);
      CHECK(read.blocks.find("heading level=1 @3:1\n") != std::string::npos);
    }
  }

  TEST_CASE("a contents list that recurs as headings, beside one long line of code, stays hard-wrapped") {
    // No paragraph line: the long line is indented code, and one alone in its run would not do.
    const std::string command = "    cmake -S . -B build " + long_line("-DVALUE=on");
    const Read read = read_txt("Contents:\n\n- Install\n- Use\n\nInstall\n=======\n\nRun:\n" + command + "\n\n" +
                               long_line("Alone") + "\n\nUse\n===\n\nIt works.\n");
    CHECK(read.blocks.find("heading level=1 @6:1\n  text \"Install\"\n") != std::string::npos);
    CHECK(read.blocks.find("heading level=1 @14:1\n  text \"Use\"\n") != std::string::npos);
    CHECK(read.blocks.find("role=outline") == std::string::npos);
  }

  TEST_CASE("a hard-wrapped file whose contents list recurs as headings stays hard-wrapped") {
    // The seeds' outline without paragraphs on lines of their own: the underline is a heading's.
    const Read read = read_txt("Contents:\n\n- Install\n- Use\n\nInstall\n=======\n\nRun it.\n");
    CHECK(read.blocks.find("heading level=1 @6:1\n  text \"Install\"\n") != std::string::npos);
    CHECK(read.blocks.find("=====") == std::string::npos);
    CHECK(read.blocks.find("role=outline") == std::string::npos);
  }

  TEST_CASE("a line ending in a hyphen joins the next without a space; a spaced dash does not") {
    CHECK(read_txt("A well-\nknown rule -\nand a dash--\nhere; a 7-\n8 range.\n\nEnd.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"A well-\"\n"
          "  text \"known rule -\"\n"
          "  soft_break\n"
          "  text \"and a dash–\"\n"
          "  text \"here; a 7-\"\n"
          "  text \"8 range.\"\n"
          "paragraph @7:1\n"
          "  text \"End.\"\n");
  }

  TEST_CASE("a line ending in U+2010 HYPHEN, as groff writes hyphens, joins the next as '-' does") {
    CHECK(read_txt("A well\u2010\nknown rule \u2010\nhere.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"A well\u2010\"\n"
          "  text \"known rule \u2010\"\n"
          "  soft_break\n"
          "  text \"here.\"\n");
  }

  TEST_CASE("where every U+2010 ends a line, they are groff's hyphenation: removed as the lines join") {
    // man apropos on Debian: its own hyphens are ASCII, groff's hyphenation U+2010.
    CHECK(read_txt("a de\u2010\nscription, colon-delimited, a bound\u2010\naries.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"a de\"\n"
          "  text \"scription, colon-delimited, a bound\"\n"
          "  text \"aries.\"\n");
    // One U+2010 inside a line: they are the words' own hyphens, all kept.
    CHECK(read_txt("a well\u2010\nknown and well\u2010meant rule.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"a well\u2010\"\n"
          "  text \"known and well\u2010meant rule.\"\n");
  }

  TEST_CASE("CRLF, tabs on 8-column stops, trailing spaces; runs of spaces in prose become one") {
    const Read read = read_txt(
        "First line  here.\r\n\r\n  Indented\tline  \r\nwith trailing spaces   \r\n\r\n\tTabbed\tcode\r\n\t  more\r\n");
    CHECK(read.blocks ==
          "paragraph @1:1\n"
          "  text \"First line here.\"\n"
          "paragraph @3:3\n"
          "  text \"Indented line\"\n"
          "  soft_break\n"
          "  text \"with trailing spaces\"\n"
          "code_block @6:2\n"
          "  text \"Tabbed  code\\n  more\"\n");
    CHECK(read.diagnostics == "");
  }

  TEST_CASE("text indented four columns is preformatted, across blank lines, relative indents kept") {
    CHECK(read_txt("Type this:\n\n    make\n      install\n\n    check\n\nDone.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"Type this:\"\n"
          "code_block @3:5\n"
          "  text \"make\\n  install\\n\\ncheck\"\n"
          "paragraph @8:1\n"
          "  text \"Done.\"\n");
  }

  TEST_CASE("prose indented four columns or a tab is an indented block of paragraphs, not preformatted") {
    // The Artistic License's definitions: tab-indented, hard-wrapped, one paragraph each.
    const std::string definitions =
        "Definitions:\n\n"
        "\t\"Package\" refers to the collection of files distributed by the\n"
        "\tCopyright Holder, and derivatives of that collection of files\n"
        "\tcreated through textual modification.\n\n"
        "\t\"You\" is you, if you're thinking about copying or distributing\n"
        "\tthis Package.\n\n"
        "1. You may make and give away verbatim copies of the source form.\n";
    CHECK(read_txt(definitions).blocks ==
          "paragraph @1:1\n"
          "  text \"Definitions:\"\n"
          "block_quote @3:2\n"
          "  paragraph @3:2\n"
          "    text \"\xE2\x80\x9CPackage\xE2\x80\x9D refers to the collection of files distributed by the\"\n"
          "    soft_break\n"
          "    text \"Copyright Holder, and derivatives of that collection of files\"\n"
          "    soft_break\n"
          "    text \"created through textual modification.\"\n"
          "  paragraph @7:2\n"
          "    text \"\xE2\x80\x9CYou\xE2\x80\x9D is you, if you\xE2\x80\x99re thinking about copying or "
          "distributing\"\n"
          "    soft_break\n"
          "    text \"this Package.\"\n"
          "ordered_list start=1 @10:1\n"
          "  list_item @10:1\n"
          "    paragraph @10:4\n"
          "      text \"You may make and give away verbatim copies of the source form.\"\n");
    // One indented sentence of five words or more is prose too.
    CHECK(read_txt("Note:\n\n    The original name of this program was different.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"Note:\"\n"
          "block_quote @3:5\n"
          "  paragraph @3:5\n"
          "    text \"The original name of this program was different.\"\n");
  }

  TEST_CASE("indented lines stay preformatted unless every paragraph of them reads as wrapped prose") {
    const auto first_block = [](const std::string& indented) {
      const std::string blocks = read_txt("Before.\n\n" + indented + "\nAfter.\n").blocks;
      const std::size_t start = blocks.find('\n', blocks.find('\n') + 1) + 1;
      return blocks.substr(start, blocks.find(' ', start) - start);
    };
    const std::string wrapped = "    The value of the setting is read from the file at startup\n";
    // Prose wrapped to the width, as a contrast to each case below.
    CHECK(first_block(wrapped + "    and kept for the whole session.\n") == "block_quote");
    // A character of code or of a notice's placeholder.
    CHECK(first_block(wrapped + "    and kept as timeout = 30 for the session.\n") == "code_block");
    CHECK(first_block("    <one line to give the program's name and a brief idea of what it does>\n"
                      "    Copyright (C) <year>  <name of author>.\n") == "code_block");
    // Short lines, as code and verse have.
    CHECK(first_block("    Make the thing first.\n    Then install it.\n") == "code_block");
    // A line further in than the paragraph's first.
    CHECK(first_block(wrapped + "      and kept for the whole session.\n") == "code_block");
    // No sentence's end.
    CHECK(first_block(wrapped + "    and kept for the whole session\n") == "code_block");
    // A line starting as a list's or a diagram's would.
    CHECK(first_block(wrapped + "    - and kept for the whole session.\n") == "code_block");
    // A sentence of fewer than five words.
    CHECK(first_block("    Run it twice.\n") == "code_block");
    // A command whose quoted argument or call ends the line, though it has five words.
    CHECK(first_block("    git commit -m \"Fix the typo in the manual\"\n") == "code_block");
    CHECK(first_block("    print(\"Hello, world, from the example\")\n") == "code_block");
    // A sentence inside quotation marks or brackets is prose.
    CHECK(first_block("    (This line is a sentence of its own.)\n") == "block_quote");
    // Verse: lines that end before two thirds of the usual 72 columns keep their breaks.
    CHECK(first_block("    But thy eternal summer shall not fade,\n"
                      "    Nor lose possession of that fair thou ow'st;\n"
                      "    Nor shall death brag thou wander'st in his shade,\n"
                      "    When in eternal lines to time thou grow'st:\n") == "code_block");
    // One paragraph of the run that is not prose keeps the whole run preformatted.
    CHECK(first_block(wrapped + "    and kept for the whole session.\n\n    make install\n") == "code_block");
  }

  TEST_CASE("lines in columns and ASCII art are preformatted; prose with double spaces is not") {
    CHECK(
        read_txt("Sizes:\n\nName      Size   Kind\nfoo.txt   12     text\nbar.png   3400   image\n\nAfter.\n").blocks ==
        "paragraph @1:1\n"
        "  text \"Sizes:\"\n"
        "code_block @3:1\n"
        "  text \"Name      Size   Kind\\nfoo.txt   12     text\\nbar.png   3400   image\"\n"
        "paragraph @7:1\n"
        "  text \"After.\"\n");
    CHECK(read_txt("A box:\n\n+--+   /\\\n|  |  /  \\\n+--+ /____\\\n\nAfter.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"A box:\"\n"
          "code_block @3:1\n"
          "  text \"+--+   /\\\\\\n|  |  /  \\\\\\n+--+ /____\\\\\"\n"
          "paragraph @7:1\n"
          "  text \"After.\"\n");
    // Two spaces after each sentence, lined up in three lines by chance: still prose.
    CHECK(read_txt("One two.  Three four five six.\nSeven e.  Nine ten eleven twelve.\nSixteen.  Fourteen "
                   "fifteen.\n\nEnd.\n")
              .blocks.starts_with("paragraph @1:1\n  text \"One two. Three four five six.\"\n"));
  }

  TEST_CASE("a line underlined with = or - is a heading of level 1 or 2") {
    CHECK(read_txt("Title of It\n===========\n\nText.\n\nA Section\n---------\nMore text\non two lines.\n").blocks ==
          "heading level=1 @1:1\n"
          "  text \"Title of It\"\n"
          "paragraph @4:1\n"
          "  text \"Text.\"\n"
          "heading level=2 @6:1\n"
          "  text \"A Section\"\n"
          "paragraph @8:1\n"
          "  text \"More text\"\n"
          "  soft_break\n"
          "  text \"on two lines.\"\n");
    // An underline much shorter or longer than its text is not one.
    CHECK(read_txt("A longer line of text\n---\n\nEnd.\n").blocks.find("heading") == std::string::npos);
  }

  TEST_CASE("a line in capitals or naming an appendix, standing alone, is a heading; so is the first line") {
    CHECK(read_txt("Creative Commons Legal Code\n\nSome text in a paragraph\nwrapped onto lines.\n\nTERMS AND "
                   "CONDITIONS\n\nText.\n\nAPPENDIX: How to apply.\n\nText.\n")
              .blocks ==
          "heading level=1 @1:1\n"
          "  text \"Creative Commons Legal Code\"\n"
          "paragraph @3:1\n"
          "  text \"Some text in a paragraph\"\n"
          "  soft_break\n"
          "  text \"wrapped onto lines.\"\n"
          "heading level=1 @6:1\n"
          "  text \"TERMS AND CONDITIONS\"\n"
          "paragraph @8:1\n"
          "  text \"Text.\"\n"
          "heading level=1 @10:1\n"
          "  text \"APPENDIX: How to apply.\"\n"
          "paragraph @12:1\n"
          "  text \"Text.\"\n");
    // A sentence standing alone, in capitals or first, is a paragraph.
    CHECK(read_txt("It begins.\n\nTHIS IS SHOUTED.\n\nEnd.\n").blocks.find("heading") == std::string::npos);
  }

  TEST_CASE(
      "centred lines are headings (the lines under the first, a centred paragraph); numbered "
      "sections standing alone are headings a level down, a numbered item with indented text is not") {
    const Read read = read_txt(
        "                         A CENTRED TITLE\n"
        "                      Version 1, a subtitle\n"
        "\n"
        "  A first paragraph of text, wrapped at the usual width for plain\n"
        "text, so that the reader learns where the lines end and how wide\n"
        "the text is when it is full, which tells centred lines apart.\n"
        "\n"
        "                            Preamble\n"
        "\n"
        "  Another paragraph that is wrapped like the first one, at the same\n"
        "width, with enough lines to measure the width of the text here.\n"
        "\n"
        "  0. Definitions.\n"
        "\n"
        "  \"This\" refers to the thing.\n"
        "\n"
        "  1. Source Code.\n"
        "\n"
        "  The source code is the form for making changes.\n"
        "\n"
        "   2. Not a heading but an item whose text\n"
        "      goes on indented to its text.\n");
    CHECK(read.blocks ==
          "heading level=1 @1:26\n"
          "  text \"A CENTRED TITLE\"\n"
          "paragraph align=center @2:23\n"
          "  text \"Version 1, a subtitle\"\n"
          "paragraph @4:3\n"
          "  text \"A first paragraph of text, wrapped at the usual width for plain\"\n"
          "  soft_break\n"
          "  text \"text, so that the reader learns where the lines end and how wide\"\n"
          "  soft_break\n"
          "  text \"the text is when it is full, which tells centred lines apart.\"\n"
          "heading level=1 @8:29\n"
          "  text \"Preamble\"\n"
          "paragraph @10:3\n"
          "  text \"Another paragraph that is wrapped like the first one, at the same\"\n"
          "  soft_break\n"
          "  text \"width, with enough lines to measure the width of the text here.\"\n"
          "heading level=2 @13:3\n"
          "  text \"0. Definitions.\"\n"
          "paragraph @15:3\n"
          "  text \"“This” refers to the thing.\"\n"
          "heading level=2 @17:3\n"
          "  text \"1. Source Code.\"\n"
          "paragraph @19:3\n"
          "  text \"The source code is the form for making changes.\"\n"
          "ordered_list start=2 @21:4\n"
          "  list_item @21:4\n"
          "    paragraph @21:7\n"
          "      text \"Not a heading but an item whose text\"\n"
          "      soft_break\n"
          "      text \"goes on indented to its text.\"\n");
  }

  TEST_CASE("one numbered line followed by prose is a list item, not a section heading") {
    CHECK(read_txt("Start here.\n\n1. Preheat the Oven\n\nThen wait.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"Start here.\"\n"
          "ordered_list start=1 @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:4\n"
          "      text \"Preheat the Oven\"\n"
          "paragraph @5:1\n"
          "  text \"Then wait.\"\n");
  }

  TEST_CASE("*, - and • runs are bullet lists; continuation lines belong to the item") {
    CHECK(read_txt("Intro paragraph here.\n\n* one\n* two wraps\n  onto a second line\n\n- dash item\n\n\u2022 bullet "
                   "item\n\u2022 second\n")
              .blocks ==
          "paragraph @1:1\n"
          "  text \"Intro paragraph here.\"\n"
          "bullet_list @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:3\n"
          "      text \"one\"\n"
          "  list_item @4:1\n"
          "    paragraph @4:3\n"
          "      text \"two wraps\"\n"
          "      soft_break\n"
          "      text \"onto a second line\"\n"
          "bullet_list @7:1\n"
          "  list_item @7:1\n"
          "    paragraph @7:3\n"
          "      text \"dash item\"\n"
          "bullet_list @9:1\n"
          "  list_item @9:1\n"
          "    paragraph @9:5\n"
          "      text \"bullet item\"\n"
          "  list_item @10:1\n"
          "    paragraph @10:5\n"
          "      text \"second\"\n");
  }

  TEST_CASE("1. and 1) runs are ordered lists with their start; text indented to the item is its own") {
    CHECK(read_txt("Steps:\n\n3. third\n\n4) a new list\n5) fifth\n\n   more of the fifth\n\nAfter.\n").blocks ==
          "paragraph @1:1\n"
          "  text \"Steps:\"\n"
          "ordered_list start=3 @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:4\n"
          "      text \"third\"\n"
          "ordered_list start=4 @5:1\n"
          "  list_item @5:1\n"
          "    paragraph @5:4\n"
          "      text \"a new list\"\n"
          "  list_item @6:1\n"
          "    paragraph @6:4\n"
          "      text \"fifth\"\n"
          "    paragraph @8:4\n"
          "      text \"more of the fifth\"\n"
          "paragraph @10:1\n"
          "  text \"After.\"\n");
  }

  TEST_CASE("a list indented past an item's marker is nested in it") {
    CHECK(read_txt("- a\n  - nested one\n  - nested two\n- b\n\nEnd of list.\n").blocks ==
          "bullet_list @1:1\n"
          "  list_item @1:1\n"
          "    paragraph @1:3\n"
          "      text \"a\"\n"
          "    bullet_list @2:3\n"
          "      list_item @2:3\n"
          "        paragraph @2:5\n"
          "          text \"nested one\"\n"
          "      list_item @3:3\n"
          "        paragraph @3:5\n"
          "          text \"nested two\"\n"
          "  list_item @4:1\n"
          "    paragraph @4:3\n"
          "      text \"b\"\n"
          "paragraph @6:1\n"
          "  text \"End of list.\"\n");
  }

  TEST_CASE(
      "lettered items are lists, nested under the GPL's numbered items; '7.' inside a sentence "
      "starts nothing") {
    CHECK(read_txt("  2. You may modify it, provided that you\nmeet all of these conditions:\n\n    a) first "
                   "condition, and section\n    7.  This stays in the item.\n\n    b) second condition.\n\nThese "
                   "requirements apply.\n")
              .blocks ==
          "ordered_list start=2 @1:3\n"
          "  list_item @1:3\n"
          "    paragraph @1:6\n"
          "      text \"You may modify it, provided that you\"\n"
          "      soft_break\n"
          "      text \"meet all of these conditions:\"\n"
          "    ordered_list start=1 numbering=lower_alpha @4:5\n"
          "      list_item @4:5\n"
          "        paragraph @4:8\n"
          "          text \"first condition, and section\"\n"
          "          soft_break\n"
          "          text \"7. This stays in the item.\"\n"
          "      list_item @7:5\n"
          "        paragraph @7:8\n"
          "          text \"second condition.\"\n"
          "paragraph @9:1\n"
          "  text \"These requirements apply.\"\n");
  }

  TEST_CASE(
      "roman numerals aligned on their right are one list; capitals number A., B.; an initial "
      "starts no list") {
    CHECK(read_txt("1. Rights include:\n\n  i. one;\n ii. two;\niii. three.\n2. Waiver.\n").blocks ==
          "ordered_list start=1 @1:1\n"
          "  list_item @1:1\n"
          "    paragraph @1:4\n"
          "      text \"Rights include:\"\n"
          "    ordered_list start=1 numbering=lower_roman @3:3\n"
          "      list_item @3:3\n"
          "        paragraph @3:6\n"
          "          text \"one;\"\n"
          "      list_item @4:2\n"
          "        paragraph @4:6\n"
          "          text \"two;\"\n"
          "      list_item @5:1\n"
          "        paragraph @5:6\n"
          "          text \"three.\"\n"
          "  list_item @6:1\n"
          "    paragraph @6:4\n"
          "      text \"Waiver.\"\n");
    CHECK(read_txt("Do these things:\n\nA. Use a title\n   distinct from others.\nB. List the authors.\n\nJ. Smith "
                   "wrote this line\nas a paragraph.\n")
              .blocks ==
          "paragraph @1:1\n"
          "  text \"Do these things:\"\n"
          "ordered_list start=1 numbering=upper_alpha @3:1\n"
          "  list_item @3:1\n"
          "    paragraph @3:4\n"
          "      text \"Use a title\"\n"
          "      soft_break\n"
          "      text \"distinct from others.\"\n"
          "  list_item @5:1\n"
          "    paragraph @5:4\n"
          "      text \"List the authors.\"\n"
          "paragraph @7:1\n"
          "  text \"J. Smith wrote this line\"\n"
          "  soft_break\n"
          "  text \"as a paragraph.\"\n");
  }

  TEST_CASE("a list of two or more items may follow a line ending in ':' without a blank line") {
    CHECK(read_txt("The conditions are met:\n1. first\n2. second\n\nTwo steps:\n(1) assert it, and (2) offer\nthe "
                   "license.\n")
              .blocks ==
          "paragraph @1:1\n"
          "  text \"The conditions are met:\"\n"
          "ordered_list start=1 @2:1\n"
          "  list_item @2:1\n"
          "    paragraph @2:4\n"
          "      text \"first\"\n"
          "  list_item @3:1\n"
          "    paragraph @3:4\n"
          "      text \"second\"\n"
          "paragraph @5:1\n"
          "  text \"Two steps:\"\n"
          "  soft_break\n"
          "  text \"(1) assert it, and (2) offer\"\n"
          "  soft_break\n"
          "  text \"the license.\"\n");
  }

  TEST_CASE("a framed box is an aside read as text of its own; a line of dashes alone is a rule") {
    CHECK(read_txt("Text before the box, wrapped.\n\n********************\n*                  *\n*  6. Disclaimer   "
                   "*\n*  -------------   *\n*                  *\n*  Provided as is, *\n*  without any     *\n*  "
                   "warranty.       *\n*                  *\n********************\n\n-----\n\nText after.\n")
              .blocks ==
          "paragraph @1:1\n"
          "  text \"Text before the box, wrapped.\"\n"
          "aside @3:1\n"
          "  heading level=2 @5:4\n"
          "    text \"6. Disclaimer\"\n"
          "  paragraph @8:4\n"
          "    text \"Provided as is,\"\n"
          "    soft_break\n"
          "    text \"without any\"\n"
          "    soft_break\n"
          "    text \"warranty.\"\n"
          "thematic_break @14:1\n"
          "paragraph @16:1\n"
          "  text \"Text after.\"\n");
  }

  TEST_CASE("three or more short lines broken on purpose keep their breaks") {
    const Read read = read_txt(
        "A letter begins with the address of the person it is written to, and\n"
        "then the text follows, wrapped to the usual width of a plain-text file\n"
        "like this one, so that the width of the text can be measured here.\n"
        "\n"
        "Jane Doe\n12 Long Street\nSpringfield\n"
        "\n"
        "The rest of the letter goes on, wrapped at the same width as before,\n"
        "and it ends with a line.\n");
    CHECK(read.blocks.find("paragraph @5:1\n"
                           "  text \"Jane Doe\"\n"
                           "  hard_break\n"
                           "  text \"12 Long Street\"\n"
                           "  hard_break\n"
                           "  text \"Springfield\"\n") != std::string::npos);
    CHECK(read.blocks.find("soft_break") != std::string::npos);
  }

  TEST_CASE("a file mixing styles: setext title, paragraphs, a list, preformatted text") {
    const std::string mixed =
        "Mixed Styles\n============\n\nA paragraph\nwrapped here.\n\n- item one\n- item two\n\nThen:\n\n    code "
        "line\n\nA paragraph at last.\n";
    // With no title in book.toml the opening heading is the title, and leaves the text.
    const Read titled = titled_txt(mixed);
    CHECK(titled.article.title == "Mixed Styles");
    CHECK(titled.blocks.starts_with("paragraph @4:1\n"));
    CHECK(titled.diagnostics == "");
    CHECK(titled_txt(mixed, "Listed").blocks.starts_with("heading level=1 @1:1\n  text \"Mixed Styles\"\n"));
    CHECK(read_txt(mixed).blocks ==
          "heading level=1 @1:1\n"
          "  text \"Mixed Styles\"\n"
          "paragraph @4:1\n"
          "  text \"A paragraph\"\n"
          "  soft_break\n"
          "  text \"wrapped here.\"\n"
          "bullet_list @7:1\n"
          "  list_item @7:1\n"
          "    paragraph @7:3\n"
          "      text \"item one\"\n"
          "  list_item @8:1\n"
          "    paragraph @8:3\n"
          "      text \"item two\"\n"
          "paragraph @10:1\n"
          "  text \"Then:\"\n"
          "code_block @12:5\n"
          "  text \"code line\"\n"
          "paragraph @14:1\n"
          "  text \"A paragraph at last.\"\n");
  }

  TEST_CASE(
      "a man page saved as text: headings left of a body indented as one, the body's paragraphs and "
      "tagged paragraphs read as prose; an example indented in a description stays preformatted") {
    // The head and foot stand alone and are read as before; "   Exit status", between the
    // headings' column and the body's, is a heading a level down.
    const std::string man =
        "LS(1)                    User Commands                    LS(1)\n"
        "\n"
        "NAME\n"
        "       ls - list directory contents\n"
        "\n"
        "DESCRIPTION\n"
        "       List information about the files, the current directory by\n"
        "       default, sorted by name.\n"
        "\n"
        "       Mandatory arguments to long options are mandatory for short\n"
        "       options too.\n"
        "\n"
        "OPTIONS\n"
        "       -a, --all\n"
        "              do not ignore entries starting with a dot\n"
        "\n"
        "              A second paragraph of the description.\n"
        "\n"
        "       -W, --warn=WHAT\n"
        "              warn about WHAT, one of:\n"
        "\n"
        "              dev    developer warnings\n"
        "\n"
        "              deprecated\n"
        "                     deprecated macros and functions\n"
        "\n"
        "       -l     use a long listing format\n"
        "\n"
        "              For example:\n"
        "\n"
        "                  ls -l /tmp\n"
        "\n"
        "   Exit status\n"
        "       0 if all went well.\n"
        "\n"
        "GNU coreutils 9.1        September 2022                   LS(1)\n";
    CHECK(read_txt(man).blocks ==
          "heading level=1 @1:1\n"
          "  text \"LS(1) User Commands LS(1)\"\n"
          "heading level=1 @3:1\n"
          "  text \"NAME\"\n"
          "paragraph @4:8\n"
          "  text \"ls - list directory contents\"\n"
          "heading level=1 @6:1\n"
          "  text \"DESCRIPTION\"\n"
          "paragraph @7:8\n"
          "  text \"List information about the files, the current directory by\"\n"
          "  soft_break\n"
          "  text \"default, sorted by name.\"\n"
          "paragraph @10:8\n"
          "  text \"Mandatory arguments to long options are mandatory for short\"\n"
          "  soft_break\n"
          "  text \"options too.\"\n"
          "heading level=1 @13:1\n"
          "  text \"OPTIONS\"\n"
          "paragraph role=term @14:8\n"
          "  strong\n"
          "    text \"-a, --all\"\n"
          "block_quote @15:15\n"
          "  paragraph @15:15\n"
          "    text \"do not ignore entries starting with a dot\"\n"
          "  paragraph @17:15\n"
          "    text \"A second paragraph of the description.\"\n"
          "paragraph role=term @19:8\n"
          "  strong\n"
          "    text \"-W, --warn=WHAT\"\n"
          "block_quote @20:15\n"
          "  paragraph @20:15\n"
          "    text \"warn about WHAT, one of:\"\n"
          "  paragraph role=term @22:15\n"
          "    strong\n"
          "      text \"dev\"\n"
          "  block_quote @22:22\n"
          "    paragraph @22:22\n"
          "      text \"developer warnings\"\n"
          "  paragraph role=term @24:15\n"
          "    strong\n"
          "      text \"deprecated\"\n"
          "  block_quote @25:22\n"
          "    paragraph @25:22\n"
          "      text \"deprecated macros and functions\"\n"
          "paragraph role=term @27:8\n"
          "  strong\n"
          "    text \"-l\"\n"
          "block_quote @27:15\n"
          "  paragraph @27:15\n"
          "    text \"use a long listing format\"\n"
          "  paragraph @29:15\n"
          "    text \"For example:\"\n"
          "  code_block @31:19\n"
          "    text \"ls -l /tmp\"\n"
          "heading level=2 @33:4\n"
          "  text \"Exit status\"\n"
          "paragraph @34:8\n"
          "  text \"0 if all went well.\"\n"
          "paragraph @36:1\n"
          "  text \"GNU coreutils 9.1 September 2022 LS(1)\"\n");
  }

  TEST_CASE("an RFC: headings at the left, its opening lines spread across the page, its body indented") {
    const std::string rfc =
        "Network Working Group                                        J. Doe\n"
        "Request for Comments: 9999                                  Example\n"
        "\n"
        "Abstract\n"
        "\n"
        "   This document describes the example protocol, whose text is\n"
        "   wrapped at the width of the page.\n"
        "\n"
        "1.  Introduction\n"
        "\n"
        "   The example protocol carries examples from one place to another\n"
        "   and back.\n"
        "\n"
        "1.1.  Terminology\n"
        "\n"
        "   The key words are to be read as described.\n"
        "\n"
        "Doe                          Informational                 [Page 1]\n";
    CHECK(read_txt(rfc).blocks ==
          "paragraph @1:1\n"
          "  text \"Network Working Group J. Doe\"\n"
          "  soft_break\n"
          "  text \"Request for Comments: 9999 Example\"\n"
          "heading level=1 @4:1\n"
          "  text \"Abstract\"\n"
          "paragraph @6:4\n"
          "  text \"This document describes the example protocol, whose text is\"\n"
          "  soft_break\n"
          "  text \"wrapped at the width of the page.\"\n"
          "heading level=2 @9:1\n"
          "  text \"1. Introduction\"\n"
          "paragraph @11:4\n"
          "  text \"The example protocol carries examples from one place to another\"\n"
          "  soft_break\n"
          "  text \"and back.\"\n"
          "heading level=3 @14:1\n"
          "  text \"1.1. Terminology\"\n"
          "paragraph @16:4\n"
          "  text \"The key words are to be read as described.\"\n"
          "paragraph @18:1\n"
          "  text \"Doe Informational [Page 1]\"\n");
  }

  TEST_CASE("a licence with prose at the left and a notice indented under a heading keeps the notice preformatted") {
    // "Preamble" and "How to Apply" have indented text after them, but the prose beside them at
    // the left is no heading: the notice is indented beyond the document's margin.
    const std::string licence =
        "Preamble\n"
        "\n"
        "This licence is wrapped at the width\n"
        "of the page, as licences are.\n"
        "\n"
        "How to Apply\n"
        "\n"
        "    <one line to give the program's name>\n"
        "    Copyright (C) <year>  <name of author>\n";
    CHECK(read_txt(licence).blocks ==
          "heading level=1 @1:1\n"
          "  text \"Preamble\"\n"
          "paragraph @3:1\n"
          "  text \"This licence is wrapped at the width\"\n"
          "  soft_break\n"
          "  text \"of the page, as licences are.\"\n"
          "paragraph @6:1\n"
          "  text \"How to Apply\"\n"
          "code_block @8:5\n"
          "  text \"<one line to give the program's name>\\nCopyright (C) <year>  <name of author>\"\n");
  }

  TEST_CASE("nesting deeper than the reader follows is read as text, without running out of stack") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "- ";
    deep += "x\n\nEnd.\n";
    const Read read = read_txt(deep);
    CHECK(read.blocks.ends_with("paragraph @3:1\n  text \"End.\"\n"));
    // Tags under tags in a man page's shape, each description two columns further in: each is a
    // tag and its indented description down to the depth the reader follows, and the rest one
    // paragraph.
    std::string tags = "NAME\n  x\n\nTAGS\n";
    for (int i = 1; i < 30; ++i) tags += std::string(static_cast<std::size_t>(2 * i), ' ') + "t\n";
    tags += "\nEND\n  y\n";
    const std::string blocks = read_txt(tags).blocks;
    const auto count = [&blocks](std::string_view what) {
      std::size_t found = 0;
      for (std::size_t at = blocks.find(what); at != std::string::npos; at = blocks.find(what, at + 1)) ++found;
      return found;
    };
    CHECK(count("block_quote @") == 16);
    CHECK(blocks.find("block_quote @21:35\n" + std::string(32, ' ') + "paragraph @21:35\n" + std::string(34, ' ') +
                      "text \"t\"\n" + std::string(34, ' ') + "soft_break\n") != std::string::npos);
    CHECK(blocks.ends_with("heading level=1 @35:1\n  text \"END\"\nparagraph @36:3\n  text \"y\"\n"));
  }
}
