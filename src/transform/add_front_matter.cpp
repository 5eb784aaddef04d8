#include "transform/add_front_matter.hpp"

#include <string_view>

#include "model/inline.hpp"

namespace octavo::transform {

const char* const default_disclaimer_text =
    "The articles in this book have not been reviewed. No editor, fact-checker or subject-matter expert has "
    "checked them, and they may be incomplete, out of date or simply wrong.\n"
    "\n"
    "Nothing in this book is professional advice \u2014 medical, legal, financial or otherwise. Claims about "
    "health, substances, doses or treatments in particular have not been verified: ask a qualified professional "
    "before acting on anything you read here.\n"
    "\n"
    "Each article ends with a source note that says where it came from, and the Sources appendix lists the full "
    "provenance of every article.";

namespace {

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty()) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
    } else {
      if (!current.empty()) current += ' ';
      current += line;
    }
    start = end + 1;
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

}  // namespace

void add_front_matter(model::Book& book) {
  model::Section& disclaimer = book.disclaimer;
  disclaimer.id = model::disclaimer_id;
  disclaimer.title = disclaimer_title;
  disclaimer.blocks.clear();
  // Both branches as string_view: a mixed ternary would make a temporary std::string.
  const std::string_view wording =
      book.disclaimer_text.empty() ? std::string_view(default_disclaimer_text) : std::string_view(book.disclaimer_text);
  for (std::string& paragraph : split_paragraphs(wording)) {
    disclaimer.blocks.push_back(model::paragraph_block({model::text_inline(std::move(paragraph))}));
  }
  const std::size_t count = book.articles.size();
  disclaimer.blocks.push_back(model::paragraph_block({model::text_inline(
      "This book was compiled by Octavo from the corpus \u201c" + book.metadata.corpus_name + "\u201d (" +
      std::to_string(count) + (count == 1 ? " article" : " articles") + "), exactly as found there.")}));
}

}  // namespace octavo::transform
