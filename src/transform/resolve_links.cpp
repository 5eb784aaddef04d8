#include "transform/resolve_links.hpp"

#include <cassert>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/github_slug.hpp"
#include "core/ordered_pool.hpp"
#include "core/unicode.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "model/inline.hpp"

namespace octavo::transform {
namespace {

// Articles a thread reads ahead of the book's order: each is a few microseconds' work, so a long
// window keeps the threads from waiting on the one that takes the results.
constexpr std::size_t articles_ahead_per_job = 32;

// Namespaces in XML 1.0 §3 (NCName) with XML 1.0 fifth edition §2.3 (NameStartChar, NameChar),
// less ':'. epubcheck validates XHTML ids as XML names, so a GitHub id such as "1-intro" (a
// digit first) or one holding "ª" cannot be written as it is.
bool is_name_start(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) || (c >= 0x2070 && c <= 0x218F) ||
         (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_name_char(char32_t c) {
  return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

std::string xml_id(std::string_view name) {
  std::string id;
  std::size_t pos = 0;
  while (pos < name.size()) {
    const std::size_t start = pos;
    const char32_t c = core::decode_utf8(name, pos);
    if (id.empty() && !is_name_start(c)) id = "s-";
    if (is_name_char(c) && c != core::replacement_character) {
      id.append(name, start, pos - start);
    } else {
      id += '_';
    }
  }
  return id.empty() ? "section" : id;
}

// Smart punctuation made "–" and "—" of the "--" and "---" an author typed; GitHub saw those.
std::string with_typed_dashes(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = pos;
    const char32_t c = core::decode_utf8(text, pos);
    if (c == 0x2013) {
      out += "--";
    } else if (c == 0x2014) {
      out += "---";
    } else {
      out.append(text, start, pos - start);
    }
  }
  return out;
}

// Visits blocks in document order (pre-order) with an explicit stack: nesting depth comes from the
// input and must not overflow the call stack.
template <typename Visit>
void for_each_block(std::vector<model::Block>& blocks, const Visit& visit) {
  std::vector<std::pair<std::vector<model::Block>*, std::size_t>> pending{{&blocks, 0}};
  while (!pending.empty()) {
    auto& [list, next] = pending.back();
    if (next == list->size()) {
      pending.pop_back();
      continue;
    }
    model::Block& block = (*list)[next++];
    visit(block);
    if (!block.children.empty()) pending.emplace_back(&block.children, 0);
  }
}

// Every block of the article: its own, then its footnotes'.
template <typename Visit>
void for_each_article_block(model::Article& article, const Visit& visit) {
  for_each_block(article.blocks, visit);
  for (model::Footnote& note : article.footnotes) for_each_block(note.blocks, visit);
}

// Visits every inline of `inlines`, nested ones included, in document order.
template <typename Visit>
void for_each_inline(std::vector<model::Inline>& inlines, const Visit& visit) {
  std::vector<std::pair<std::vector<model::Inline>*, std::size_t>> pending{{&inlines, 0}};
  while (!pending.empty()) {
    auto& [list, next] = pending.back();
    if (next == list->size()) {
      pending.pop_back();
      continue;
    }
    model::Inline& run = (*list)[next++];
    visit(run);
    if (!run.children.empty()) pending.emplace_back(&run.children, 0);
  }
}

// The ids of one article, as they are claimed.
class ArticleIds {
 public:
  explicit ArticleIds(model::ArticleAnchors& anchors) : anchors_(anchors) {}

  // An id the writers give something of their own; links may lead to it.
  void reserve(const std::string& id) {
    anchors_.ids.insert(id);
    name(id, id);
  }

  // An id the writers write that no anchor may take and no link leads to by name (the footnotes'
  // and their references': the writers link those themselves).
  void keep_out(const std::string& id) { anchors_.ids.insert(id); }

  // The id written for `proposed`: made a valid XML ID, then unique in the article.
  std::string claim(std::string_view proposed) {
    const std::string base = xml_id(proposed);
    std::string id = base;
    for (int suffix = 2; anchors_.ids.contains(id); ++suffix) {
      id = base + "-" + std::to_string(suffix);
    }
    anchors_.ids.insert(id);
    return id;
  }

  // The first anchor to take a name keeps it, as a browser scrolls to the first element of an id.
  void name(const std::string& name, const std::string& id) {
    if (!name.empty()) anchors_.names.emplace(name, id);
  }

 private:
  model::ArticleAnchors& anchors_;
};

void collect_anchors(model::Article& article, model::ArticleAnchors& anchors) {
  ArticleIds ids(anchors);
  ids.reserve(article.id);
  ids.reserve(model::source_note_id(article));
  for (const model::Footnote& note : article.footnotes) ids.keep_out(note.id);
  for_each_article_block(article, [&](model::Block& block) {
    for_each_inline(block.inlines, [&](model::Inline& run) {
      if (run.kind == model::InlineKind::footnote_ref && !run.id.empty()) ids.keep_out(run.id);
    });
  });

  // GitHub numbers repeated headings in document order; the typed-dash names are numbered apart.
  core::GithubSlugger as_read;
  core::GithubSlugger as_typed;
  // The headings that became the article's title (or its part's) came first on GitHub.
  for (const std::string& text : article.taken_headings) {
    ids.name(as_read.slug(text), article.id);
    ids.name(as_typed.slug(with_typed_dashes(text)), article.id);
  }
  for_each_article_block(article, [&](model::Block& block) {
    if (block.kind == model::BlockKind::heading) {
      const std::string text = model::plain_text(block.inlines);
      const std::string github = as_read.slug(text);
      const std::string typed = as_typed.slug(with_typed_dashes(text));
      const std::string own = block.id;
      block.id = ids.claim(own.empty() ? github : own);
      for (const std::string& name : {own, github, typed, block.id}) ids.name(name, block.id);
    } else if (!block.id.empty()) {
      const std::string own = block.id;
      block.id = ids.claim(own);
      ids.name(own, block.id);
      ids.name(block.id, block.id);
    }
    for_each_inline(block.inlines, [&](model::Inline& run) {
      if (run.kind != model::InlineKind::anchor || run.id.empty()) return;
      const std::string own = run.id;
      run.id = ids.claim(own);
      ids.name(own, run.id);
      ids.name(run.id, run.id);
    });
  });
}

// The id `fragment` (after '#') names in an article: as written, percent-decoded ("#%D0%B2…"
// for a Cyrillic heading), or in lower case (GitHub's pages try that too); nullptr if none.
const std::string* find_anchor(const model::ArticleAnchors& anchors, std::string_view fragment) {
  const std::string decoded = core::percent_decode(fragment);
  for (const std::string& name : {std::string(fragment), decoded, core::lower_case(decoded)}) {
    if (const auto found = anchors.names.find(name); found != anchors.names.end()) return &found->second;
  }
  return nullptr;
}

class LinkResolver {
 public:
  explicit LinkResolver(const model::Book& book) : book_(book) {
    for (const model::Article& article : book.articles) by_file_.emplace(article.provenance.file, &article);
  }

  // Rewrites the links of `article`, reporting to `sink`; a link that leads nowhere gives way to
  // its children. Reads only the book's anchors and files, so articles may be resolved at once.
  void resolve(model::Article& article, core::DiagnosticSink& sink) const {
    for_each_article_block(article, [&](model::Block& block) {
      std::vector<std::vector<model::Inline>*> pending{&block.inlines};
      while (!pending.empty()) {
        std::vector<model::Inline>& list = *pending.back();
        pending.pop_back();
        for (std::size_t i = 0; i < list.size();) {
          if (list[i].kind == model::InlineKind::link && !resolve_link(article, list[i], sink)) {
            std::vector<model::Inline> children = std::move(list[i].children);
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(children.begin()),
                        std::make_move_iterator(children.end()));
            continue;  // the children take its place, and are looked at in turn
          }
          ++i;
        }
        for (model::Inline& run : list) {
          if (!run.children.empty()) pending.push_back(&run.children);
        }
      }
    });
  }

 private:
  // False when the link must give way to its text.
  bool resolve_link(const model::Article& article, model::Inline& link, core::DiagnosticSink& sink) const {
    const std::string& target = link.target;
    if (!link.target_article.empty() || core::has_scheme_or_host(target)) return true;
    const std::size_t hash = target.find('#');
    const std::string file = target.substr(0, hash);
    const std::string fragment = hash == std::string::npos ? std::string() : target.substr(hash + 1);
    const model::Article* to = &article;
    if (!file.empty()) {
      to = find_article(file);
      if (to == nullptr) {
        sink.warning(link.location, "link to '" + target + "' leads to no article of the book; kept as text");
        return false;
      }
    }
    const model::ArticleAnchors& anchors = book_.anchors.articles.at(to->id);
    const std::string* id = fragment.empty() ? nullptr : find_anchor(anchors, fragment);
    if (id == nullptr && file.empty()) {
      sink.warning(link.location, "link to '#" + fragment + "' points at no heading in this article; kept as text");
      return false;
    }
    if (id == nullptr && !fragment.empty()) {
      sink.warning(link.location, "link to '" + target + "' points at no heading in '" + file +
                                      "'; it leads to the start of the article");
    }
    link.target_article = to->id;
    // The article's own id is its start: "" says so without a fragment.
    link.target = id == nullptr || *id == to->id ? std::string() : "#" + *id;
    return true;
  }

  // The article at `file` (relative to the corpus); failing that, as documentation generators
  // (Sphinx with MyST, MkDocs, Hugo) let a link name a page: without its extension
  // ("getting-started") or as a folder ("guide/", "guide"), which means its index or README.
  // nullptr when none of these is in the book.
  const model::Article* find_article(const std::string& file) const {
    static constexpr std::string_view extensions[] = {".md", ".markdown", ".html", ".htm", ".xhtml", ".txt"};
    static constexpr std::string_view indexes[] = {"index.md", "README.md", "_index.md", "index.html"};
    if (const auto found = by_file_.find(file); found != by_file_.end()) return found->second;
    const bool folder = file.ends_with('/');
    const std::string stem = folder ? file.substr(0, file.size() - 1) : file;
    const std::size_t name = stem.rfind('/') + 1;  // npos + 1 is 0
    if (!folder && stem.find('.', name) == std::string::npos) {
      for (std::string_view extension : extensions) {
        if (const auto found = by_file_.find(stem + std::string(extension)); found != by_file_.end())
          return found->second;
      }
    }
    if (folder || stem.find('.', name) == std::string::npos) {
      for (std::string_view index : indexes) {
        const std::string path = stem.empty() ? std::string(index) : stem + "/" + std::string(index);
        if (const auto found = by_file_.find(path); found != by_file_.end()) return found->second;
      }
    }
    return nullptr;
  }

  const model::Book& book_;
  std::unordered_map<std::string, const model::Article*> by_file_;
};

}  // namespace

void resolve_links(model::Book& book, core::DiagnosticSink& sink, std::size_t jobs) {
  book.anchors = {};
  // Every article's anchors first: a link may lead forward to an article not yet seen. An
  // article's anchors and links are its own (article ids are unique: assign_ids), so articles are
  // read on `jobs` threads, and their anchors and warnings taken in the book's order: the same
  // table and the same diagnostics whatever the threads.
  const std::size_t count = book.articles.size();
  {
    core::OrderedPool<model::ArticleAnchors> collected(jobs, count, jobs * articles_ahead_per_job,
                                                       [&book](std::size_t a) {
                                                         model::ArticleAnchors anchors;
                                                         collect_anchors(book.articles[a], anchors);
                                                         return anchors;
                                                       });
    for (const model::Article& article : book.articles) {
      [[maybe_unused]] const bool first = book.anchors.articles.emplace(article.id, collected.take()).second;
      assert(first);  // ids are unique (assign_ids), so no article's anchors meet another's
    }
  }
  const LinkResolver resolver(book);
  core::OrderedPool<core::DiagnosticList> resolved(jobs, count, jobs * articles_ahead_per_job,
                                                   [&book, &resolver](std::size_t a) {
                                                     core::DiagnosticList warnings;
                                                     resolver.resolve(book.articles[a], warnings);
                                                     return warnings;
                                                   });
  for (std::size_t a = 0; a < count; ++a) resolved.take().report_to(sink);
}

}  // namespace octavo::transform
