#include "transform/write_source_notes.hpp"

#include <string_view>

#include "core/ordered_pool.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "model/inline.hpp"

namespace octavo::transform {
namespace {

// Articles a thread counts ahead of the book's order: each is a few microseconds' work, so a long
// window keeps the threads from waiting on the one that takes the counts.
constexpr std::size_t articles_counted_ahead_per_job = 32;

std::size_t count_article_words(const model::Article& article) {
  std::size_t words = 0;
  std::vector<const model::Block*> pending;
  // The notes are the article's text too; the order does not matter for a count.
  for (const model::Footnote& note : article.footnotes) {
    for (const model::Block& block : note.blocks) pending.push_back(&block);
  }
  for (auto it = article.blocks.rbegin(); it != article.blocks.rend(); ++it) pending.push_back(&*it);
  while (!pending.empty()) {
    const model::Block* block = pending.back();
    pending.pop_back();
    // The outline repeats the section headings; counting it would count those words twice.
    if (block->role == model::BlockRole::outline) continue;
    words += core::count_words(model::plain_text(block->inlines)) + core::count_words(block->text);
    for (auto it = block->children.rbegin(); it != block->children.rend(); ++it) pending.push_back(&*it);
  }
  return words;
}

}  // namespace

void write_source_notes(model::Book& book, std::size_t jobs) {
  // Counting the words is most of the work, one article at a time: on `jobs` threads, taken in
  // the book's order.
  core::OrderedPool<std::size_t> counted(jobs, book.articles.size(), jobs * articles_counted_ahead_per_job,
                                         [&book](std::size_t a) { return count_article_words(book.articles[a]); });
  for (model::Article& article : book.articles) {
    model::Provenance& from = article.provenance;
    from.word_count = counted.take();
    std::vector<model::NoteField> fields;
    // A source with white space or markup characters is free text that merely starts with a URL.
    const bool linkable =
        core::is_web_or_mail_url(from.source) && from.source.find_first_of(" \t\"<>") == std::string::npos;
    fields.push_back({"Source", from.source.empty() ? not_recorded : from.source, linkable ? from.source : ""});
    fields.push_back({"Retrieved", from.retrieved.empty() ? not_recorded : from.retrieved, ""});
    if (!from.author.empty()) fields.push_back({"Author", from.author, ""});
    // What the article says of itself (front matter), printed only when it says it.
    if (!from.date.empty()) fields.push_back({"Published", from.date, ""});
    if (!from.description.empty()) fields.push_back({"Summary", from.description, ""});
    fields.push_back({"Corpus file", from.file, ""});
    fields.push_back({"SHA-256", from.sha256, ""});
    fields.push_back({"Words", std::to_string(from.word_count), ""});
    fields.push_back({"Review status", review_status_unreviewed, ""});
    article.source_note.fields = std::move(fields);
  }
}

}  // namespace octavo::transform
