#include "import/choose_titles.hpp"

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "core/unicode.hpp"
#include "core/utf8.hpp"
#include "import/file_names.hpp"
#include "model/inline.hpp"

namespace octavo::import {
namespace {

constexpr std::size_t none = static_cast<std::size_t>(-1);

std::string trimmed(std::string text) {
  const std::size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\n");
  return text.substr(first, last - first + 1);
}

std::string heading_text(const model::Block& heading) { return trimmed(model::plain_text(heading.inlines)); }

// Text between the links of a line of links: spaces and separators such as "|", "·" or "–".
bool is_separator_text(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const char32_t c = core::decode_utf8(text, pos);
    const bool ascii_punctuation =
        c < 0x80 && c > ' ' && !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
    if (c != ' ' && c != '\t' && !ascii_punctuation && c != 0xB7 && c != 0x2022 && c != 0x2013 && c != 0x2014) {
      return false;
    }
  }
  return true;
}

// What may stand above an article's title without being its text: pictures, and lines of badges
// or links (a badge whose image is remote has left its alt text inside the link).
bool is_decoration(const model::Block& block) {
  switch (block.kind) {
    case model::BlockKind::figure: return true;
    case model::BlockKind::paragraph:
      for (const model::Inline& run : block.inlines) {
        switch (run.kind) {
          case model::InlineKind::link:
          case model::InlineKind::soft_break:
          case model::InlineKind::hard_break:
          case model::InlineKind::anchor: break;
          case model::InlineKind::text:
            if (!is_separator_text(run.text)) return false;
            break;
          default: return false;
        }
      }
      return true;
    case model::BlockKind::division:
      for (const model::Block& child : block.children) {
        if (!is_decoration(child)) return false;
      }
      return true;
    default: return false;
  }
}

// True when a footnote reference is among `inlines`, at any depth (without recursion).
bool refers_to_a_note(const std::vector<model::Inline>& inlines) {
  std::vector<const model::Inline*> pending;
  for (const model::Inline& run : inlines) pending.push_back(&run);
  while (!pending.empty()) {
    const model::Inline* run = pending.back();
    pending.pop_back();
    if (run->kind == model::InlineKind::footnote_ref) return true;
    for (const model::Inline& child : run->children) pending.push_back(&child);
  }
  return false;
}

// The index of the heading that opens `blocks` from `from` on, past decoration; none if the
// text begins first. A heading that refers to a footnote opens nothing: taken away as a title,
// it would leave its note with no reference.
std::size_t opening_heading(const std::vector<model::Block>& blocks, std::size_t from) {
  for (std::size_t i = from; i < blocks.size(); ++i) {
    if (blocks[i].kind == model::BlockKind::heading) {
      return heading_text(blocks[i]).empty() || refers_to_a_note(blocks[i].inlines) ? none : i;
    }
    if (!is_decoration(blocks[i])) return none;
  }
  return none;
}

// A leading heading titles the article when it stands above every later one; a level-1 heading
// always did (articles often use level 1 for their sections too).
bool heads_article(const std::vector<model::Block>& blocks, std::size_t index) {
  const int level = blocks[index].level;
  if (level <= 1) return true;
  for (std::size_t i = index + 1; i < blocks.size(); ++i) {
    if (blocks[i].kind == model::BlockKind::heading && blocks[i].level <= level) return false;
  }
  return true;
}

bool same_title(const std::string& a, const std::string& b) {
  return core::lower_case(trimmed(a)) == core::lower_case(trimmed(b));
}

// Document order with an explicit stack (nesting depth comes from the input). Each heading's new
// level is one below the nearest earlier heading of a lower source level: the stack holds the
// source levels of the headings that enclose the current one.
void close_up_heading_levels(std::vector<model::Block>& blocks) {
  std::vector<int> enclosing;
  std::vector<std::pair<std::vector<model::Block>*, std::size_t>> pending{{&blocks, 0}};
  while (!pending.empty()) {
    auto& [list, next] = pending.back();
    if (next == list->size()) {
      pending.pop_back();
      continue;
    }
    model::Block& block = (*list)[next++];
    if (block.kind == model::BlockKind::heading) {
      while (!enclosing.empty() && enclosing.back() >= block.level) enclosing.pop_back();
      enclosing.push_back(block.level);
      block.level = static_cast<int>(enclosing.size());
    }
    if (!block.children.empty()) pending.emplace_back(&block.children, 0);
  }
}

struct Series {
  std::string title;
  core::SourceLocation location;
};

// The heading every article of one folder opens with, when there are at least two and each has
// its own heading after it; nullopt otherwise.
std::optional<Series> series_heading(const model::Book& book, const std::vector<std::size_t>& members) {
  if (members.size() < 2) return std::nullopt;
  std::optional<Series> series;
  for (const std::size_t index : members) {
    const std::vector<model::Block>& blocks = book.articles[index].blocks;
    const std::size_t first = opening_heading(blocks, 0);
    if (first == none || opening_heading(blocks, first + 1) == none) return std::nullopt;
    const std::string text = heading_text(blocks[first]);
    if (!series) {
      series = Series{text, blocks[first].location};
    } else if (series->title != text) {
      return std::nullopt;
    }
  }
  return series;
}

void choose_article_title(model::Article& article, const GivenTitle& listed, bool in_series,
                          core::DiagnosticSink& sink) {
  std::vector<model::Block>& blocks = article.blocks;
  std::size_t opening = opening_heading(blocks, 0);
  if (in_series) {
    article.taken_headings.push_back(heading_text(blocks[opening]));
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(opening));
    opening = opening_heading(blocks, opening);
  }
  const std::string heading = opening == none ? std::string() : heading_text(blocks[opening]);
  article.title = trimmed(std::move(article.title));
  bool remove_heading = false;
  const bool given = !article.title.empty() || !listed.title.empty();
  if (!article.title.empty()) {
    if (!listed.title.empty() && listed.title != article.title) {
      sink.warning(listed.location, "the title in book.toml is not used: the front matter of '" +
                                        article.provenance.file + "' gives '" + article.title + "'");
    }
  } else if (!listed.title.empty()) {
    article.title = listed.title;
  } else if (opening != none && (in_series || heads_article(blocks, opening))) {
    article.title = heading;
    remove_heading = true;
  } else {
    article.title = file_stem(article.provenance.file);
    sink.warning({article.provenance.file, 0, 0},
                 "no title in front matter, book.toml or an opening heading; using the file name");
  }
  // A heading that repeats the title would print it twice.
  if (opening != none && (remove_heading || (given && same_title(heading, article.title)))) {
    article.taken_headings.push_back(heading);
    blocks.erase(blocks.begin() + static_cast<std::ptrdiff_t>(opening));
  }
  close_up_heading_levels(blocks);
}

}  // namespace

void choose_titles(model::Book& book, const TitleSources& sources, core::DiagnosticSink& sink) {
  // The articles directly in each folder: those of each part, and those of the root (no_part).
  std::map<std::size_t, std::vector<std::size_t>> folders;
  for (std::size_t i = 0; i < book.articles.size(); ++i) folders[book.articles[i].part].push_back(i);
  std::map<std::size_t, Series> series;
  for (const auto& [part, members] : folders) {
    if (std::optional<Series> found = series_heading(book, members)) series.emplace(part, std::move(*found));
  }

  const GivenTitle not_given;
  for (std::size_t i = 0; i < book.articles.size(); ++i) {
    model::Article& article = book.articles[i];
    choose_article_title(article, i < sources.articles.size() ? sources.articles[i] : not_given,
                         series.contains(article.part), sink);
  }

  if (const auto root = series.find(model::no_part); root != series.end() && !sources.book_title_given) {
    book.metadata.title = root->second.title;
  }
  for (std::size_t k = 0; k < book.parts.size(); ++k) {
    model::Part& part = book.parts[k];
    const auto listed = sources.parts.find(part.folder);
    const auto readme = sources.readmes.find(part.folder);
    const auto shared = series.find(k);
    if (listed != sources.parts.end()) {
      part.title = listed->second.title;
      part.location = listed->second.location;
    } else if (readme != sources.readmes.end()) {
      part.title = readme->second.title;
      part.location = readme->second.location;
    } else if (shared != series.end()) {
      part.title = shared->second.title;
      part.location = shared->second.location;
    } else {
      part.title = title_from_folder_name(part.folder);
      sink.warning({part.folder, 0, 0},
                   "no title for this folder's part in book.toml, a README or a heading its articles share; "
                   "using '" +
                       part.title + "', made from its name");
    }
  }
  for (const auto& [folder, listed] : sources.parts) {
    bool found = false;
    for (const model::Part& part : book.parts) found = found || part.folder == folder;
    if (!found) sink.error(listed.location, "expected a folder holding articles of the book, found '" + folder + "'");
  }
}

}  // namespace octavo::import
