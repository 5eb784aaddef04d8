#include "compile.hpp"

#include <filesystem>
#include <future>
#include <optional>
#include <system_error>

#include "cache/build_fingerprint.hpp"
#include "cache/deflate_pack.hpp"
#include "cache/entry_pack.hpp"
#include "cache/entry_store.hpp"
#include "cache/layout_cache.hpp"
#include "core/file_system.hpp"
#include "core/fixed_clock.hpp"
#include "epub/epub_writer.hpp"
#include "fonts/font_set.hpp"
#include "import/corpus.hpp"
#include "layout/lay_out_book.hpp"
#include "layout/text_to_set.hpp"
#include "output_files.hpp"
#include "pdf/pdf_writer.hpp"
#include "side_by_side.hpp"
#include "style/hyphenation_patterns.hpp"
#include "style/read_page_style.hpp"
#include "transform/apply_transforms.hpp"

namespace octavo {
namespace {

namespace fs = std::filesystem;

// Writers report at the path they write to, which is a temporary name; the user knows the target.
class TargetPathSink final : public core::DiagnosticSink {
 public:
  TargetPathSink(core::DiagnosticSink& next, std::string temporary, std::string target)
      : next_(next), temporary_(std::move(temporary)), target_(std::move(target)) {}
  void report(core::Diagnostic diagnostic) override {
    if (diagnostic.location.path == temporary_) diagnostic.location.path = target_;
    next_.report(std::move(diagnostic));
  }

 private:
  core::DiagnosticSink& next_;
  std::string temporary_;
  std::string target_;
};

// Diagnostics and the progress line share stderr: the line goes away before each diagnostic is
// printed, and the next report draws it again below.
class HideProgressSink final : public core::DiagnosticSink {
 public:
  HideProgressSink(core::DiagnosticSink& next, core::Progress& progress) : next_(next), progress_(progress) {}
  void report(core::Diagnostic diagnostic) override {
    progress_.hide();
    next_.report(std::move(diagnostic));
  }

 private:
  core::DiagnosticSink& next_;
  core::Progress& progress_;
};

// Hides the progress line however compile returns, so that what the caller prints next (the
// books written) starts on a clean line.
class HideProgressOnExit {
 public:
  explicit HideProgressOnExit(core::Progress& progress) : progress_(progress) {}
  ~HideProgressOnExit() { progress_.hide(); }
  HideProgressOnExit(const HideProgressOnExit&) = delete;
  HideProgressOnExit& operator=(const HideProgressOnExit&) = delete;

 private:
  core::Progress& progress_;
};

bool is_inside(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(inner, ec);
  const fs::path b = fs::weakly_canonical(outer, ec);
  auto [mismatch, rest] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return mismatch == b.end();
}

// Debian's libhyphen pattern files (packages hyphen-en-us, hyphen-de, …; .ci/packages.txt).
constexpr const char* hyphenation_patterns_dir = "/usr/share/hyphen";

// The book's hyphenation patterns loaded on a thread of their own, with the diagnostics loading
// them reported.
struct LoadedHyphenators {
  layout::Hyphenators hyphenators;
  core::DiagnosticList diagnostics;
};

// Loading the patterns is the longest step before layout (libhyphen takes 16 ms over en-US's
// file, 2.6 s over German's whole), and needs only the languages of the book and of its articles
// and the words it sets, for which they are loaded (layout::text_to_set): it runs beside the
// EPUB, the fonts and the PDF writer's setup. Its warnings are held and reported where the PDF's
// setup reported them before, so that the diagnostics come out in the same order whatever the
// threads do. (A run that stops before the PDF waits for it.) Patterns whose file an earlier build
// of the process loaded from the same bytes are taken from `loaded_before`, if given, not loaded
// again (`octavo watch`).
std::future<LoadedHyphenators> start_loading_hyphenators(const model::Book& book,
                                                         style::LoadedPatterns* loaded_before) {
  std::vector<style::ArticleLanguage> article_languages;
  for (const model::Article& article : book.articles) article_languages.push_back({article.language, article.location});
  // The book is only read meanwhile, and outlives the future. Its text is gathered only for a
  // large pattern file (German's), once.
  const auto load = [&book, article_languages, loaded_before] {
    LoadedHyphenators loaded;
    std::optional<std::string> text;
    const auto text_to_set = [&]() -> const std::string& {
      if (!text) text = layout::text_to_set(book);
      return *text;
    };
    loaded.hyphenators = style::load_hyphenators(
        book.metadata.language, article_languages, core::DiskFileSystem(hyphenation_patterns_dir),
        hyphenation_patterns_dir, loaded.diagnostics, text_to_set, loaded_before);
    return loaded;
  };
  // Deferred to get() where the system gives no thread. `load` goes as an lvalue: libstdc++'s
  // std::async hands its callable to the thread it tries first and then to the deferred state, so
  // a temporary would reach the latter moved from, with no article languages left.
  return std::async(std::launch::async | std::launch::deferred, load);
}

// Opens the deflate memo `name` of the cache in the output folder (OUT/.octavo-cache/deflated/)
// into `pack`, unless the build goes without its cache.
void open_deflate_pack(std::optional<cache::DeflatePack>& pack, const CompileOptions& options, const char* name,
                       std::string fingerprint) {
  if (!options.cache) return;
  const fs::path cache_root = fs::path(options.output_dir) / cache::cache_folder_name;
  pack.emplace(cache_root.string(), (cache_root / "deflated").string(), name, std::move(fingerprint));
}

// What the PDF's writing holds until the book is saved, most of its memory: the fonts, the writer
// (libharu's document) and the build cache's packs. One object on the heap, left over to the
// caller (CompileResult::left_over) rather than freed block by block here: 8 ms of a 500 ms
// rebuild of 1,000 articles, and the packs' 6 ms more.
// Members are destroyed in reverse order, and each refers only to those declared before it.
struct PdfWriting {
  PdfWriting(const std::string& fonts_dir, core::DiagnosticSink& sink) : font_set(fonts_dir, sink) {}
  // The fonts, loaded once: layout measures with them and the PDF embeds the very same files, so
  // measuring and drawing agree.
  const fonts::FontSet font_set;
  std::optional<cache::DeflatePack> pages_deflated;
  std::optional<pdf::PdfPageWriter> writer;
  std::optional<cache::EntryPack> set_articles;
  std::optional<cache::LayoutCache> layout_cache;
};

bool write_pdf_book(const model::Book& book, const model::ArticleDigests& digests, const layout::PageStyle& style,
                    const CompileOptions& options, std::future<LoadedHyphenators>& loading, const std::string& path,
                    core::DiagnosticSink& sink, core::Progress& progress, CompileResult& result) {
  const auto writing = std::make_shared<PdfWriting>((fs::path(options.data_dir) / "fonts").string(), sink);
  const fonts::FontSet& font_set = writing->font_set;
  if (!font_set.ok()) return false;
  // Pages drawn and compressed by an earlier build into this output folder, recalled when laid out
  // alike; how a page is drawn depends on the fonts too.
  const std::string fingerprint = options.cache ? cache::build_fingerprint(options.version, font_set) : "";
  std::optional<cache::DeflatePack>& pages_deflated = writing->pages_deflated;
  open_deflate_pack(pages_deflated, options, "pdf.pack", fingerprint);
  // Each page is drawn into the PDF as soon as layout has set it, and dropped; with more than one
  // job its content is compressed beside the drawing of the next.
  pdf::PdfPageWriter& writer = writing->writer.emplace(font_set, book.metadata.language, sink, options.jobs,
                                                       pages_deflated ? &*pages_deflated : nullptr);
  // Hyphenation patterns are data, chosen by the book's and the articles' languages (loaded
  // meanwhile).
  LoadedHyphenators loaded = loading.get();
  loaded.diagnostics.report_to(sink);
  const layout::Hyphenators& hyphenators = loaded.hyphenators;
  // Articles set by an earlier build into this output folder are taken from its cache when
  // nothing they depend on changed (cache/article_key.hpp), on the same threads.
  std::optional<cache::EntryPack>& set_articles = writing->set_articles;
  std::optional<cache::LayoutCache>& layout_cache = writing->layout_cache;
  if (options.cache) {
    const fs::path cache_root = fs::path(options.output_dir) / cache::cache_folder_name;
    set_articles.emplace(cache_root.string(), "layout.pack", fingerprint);
    layout_cache.emplace(*set_articles, fingerprint, digests);
  }
  // Articles are set on options.jobs threads; the book is the same whatever their number.
  const layout::BookEnd end = layout::lay_out_book(book, font_set.metrics(), style, hyphenators, writer, sink, progress,
                                                   options.jobs, layout_cache ? &*layout_cache : nullptr);
  if (options.stats) result.stats = layout::format_stats(end.stats);
  // Every article of the book was looked up: the next layout pack names them, and no entry of an
  // older version of an article, or of one gone. Its commit appends the entries written to the
  // pack, or copies the entries read into a new one (megabytes for a long book), so with more
  // than one job it runs beside the PDF's end, on a core layout no longer uses; its entries stand
  // whether or not the PDF is written.
  std::future<bool> articles_kept;
  if (set_articles) {
    articles_kept = std::async(options.jobs > 1 ? std::launch::async | std::launch::deferred : std::launch::deferred,
                               [&set_articles] { return set_articles->commit(); });
  }
  const bool saved = pdf::save_pdf(writer, end, path, sink, progress);
  if (articles_kept.valid()) articles_kept.get();
  if (!saved) return false;
  // Every page was compressed or recalled by now (save_pdf waits for them).
  if (pages_deflated) pages_deflated->commit();
  // The cache refers to this build's digests, which end with compile(); the rest is left over.
  layout_cache.reset();
  result.left_over.push_back(writing);
  return true;
}

}  // namespace

std::string default_output_dir(const std::string& corpus_dir) {
  std::error_code ec;
  const fs::path here = fs::current_path(ec);  // fails when the working folder has been removed
  if (ec || !is_inside(here, corpus_dir)) return "out";
  const fs::path corpus = fs::weakly_canonical(corpus_dir, ec);
  return (corpus.parent_path() / (corpus.filename().string() + "-out")).string();
}

CompileResult compile(const CompileOptions& options, core::DiagnosticSink& outer_sink, core::Progress& progress,
                      KeptBetweenBuilds* kept) {
  const HideProgressOnExit hide_progress(progress);
  HideProgressSink hiding_sink(outer_sink, progress);
  core::CountingSink sink(hiding_sink);
  CompileResult result;
  const auto failed = [&] { return sink.errors() > 0 || (options.strict && sink.warnings() > 0); };

  std::error_code ec;
  if (!fs::is_directory(options.corpus_dir, ec)) {
    sink.error({options.corpus_dir, 0, 0}, "corpus folder not found");
    result.exit_code = 1;
    return result;
  }

  // 1. Import: book.toml and every article into the document model.
  const core::DiskFileSystem corpus(options.corpus_dir);
  // On the heap, so that a process that ends with the build can keep the book to its exit.
  const auto read = std::make_shared<import::Corpus>(
      import::read_corpus(corpus, sink, progress, options.jobs, kept != nullptr ? &kept->text_articles : nullptr));
  model::Book& book = read->book;
  // The page style book.toml chooses (styles/a5.toml by default), checked even by `check`.
  const fs::path styles_dir = fs::path(options.data_dir) / "styles";
  const std::optional<layout::PageStyle> page_style =
      style::read_page_style(read->style, core::DiskFileSystem(styles_dir.string()), styles_dir.string(), sink);

  // 2. Transforms: metadata defaults, ids, source notes, the disclaimer, the contents.
  const std::optional<core::Timestamp> epoch = core::source_date_epoch(options.source_date_epoch.c_str());
  if (!options.source_date_epoch.empty() && !epoch) {
    sink.warning({}, "SOURCE_DATE_EPOCH is not a number of seconds; ignored",
                 "for example SOURCE_DATE_EPOCH=1700000000");
  }
  transform::apply_transforms(book, {epoch, "Octavo " + options.version}, sink, options.jobs);
  // The patterns are loaded for the words the transforms have added too (the disclaimer, the
  // source notes).
  std::future<LoadedHyphenators> hyphenators;
  if (options.formats != Formats::epub && !options.check_only && !failed()) {
    hyphenators = start_loading_hyphenators(book, kept != nullptr ? &kept->patterns : nullptr);
  }

  if (failed() || options.check_only) {
    result.exit_code = failed() ? 1 : 0;
    return result;
  }
  const bool wants_epub = options.formats != Formats::pdf;
  const bool wants_pdf = options.formats != Formats::epub && page_style;

  if (!options.output_dir.empty() && is_inside(options.output_dir, options.corpus_dir)) {
    sink.error({options.output_dir, 0, 0}, "the output folder is inside the corpus; Octavo never writes into a corpus",
               "pass another folder with -o");
    result.exit_code = 1;
    return result;
  }
  fs::create_directories(options.output_dir, ec);
  if (ec) {
    sink.error({options.output_dir, 0, 0}, "cannot create the output folder: " + ec.message());
    result.exit_code = 1;
    return result;
  }

  // 3. Writers, each into a temporary file; both are renamed into place only if both succeed.
  // With both books, the EPUB is written on a second thread while layout and the PDF run on this
  // one: both only read the book. Their diagnostics come out as if the EPUB had been written first.
  OutputFiles outputs;
  const fs::path base = fs::path(options.output_dir) / book.metadata.slug;
  const std::string epub_target = base.string() + ".epub";
  const std::string pdf_target = base.string() + ".pdf";
  std::optional<std::string> stylesheet;
  if (wants_epub) {
    const std::string stylesheet_path = (fs::path(options.data_dir) / "styles" / "epub.css").string();
    stylesheet = core::read_whole_file(stylesheet_path);
    if (!stylesheet) sink.error({stylesheet_path, 0, 0}, "cannot read the stylesheet");
  }
  const std::string epub_temporary = wants_epub ? outputs.temporary_for(epub_target) : std::string();
  const std::string pdf_temporary = wants_pdf ? outputs.temporary_for(pdf_target) : std::string();
  // Both writers key their cached articles from one digest of each, made by whichever asks first.
  const model::ArticleDigests digests(book.articles);
  const auto write_epub_book = [&](core::DiagnosticSink& to, core::Progress& shown) {
    TargetPathSink writer_sink(to, epub_temporary, epub_target);
    // Files deflated by an earlier build into this output folder are recalled, not deflated again.
    std::optional<cache::DeflatePack> files_deflated;
    open_deflate_pack(files_deflated, options, "epub.pack", cache::program_fingerprint(options.version));
    const bool written = epub::write_epub(book, {*stylesheet, files_deflated ? &*files_deflated : nullptr, &digests},
                                          epub_temporary, writer_sink, shown);
    if (written && files_deflated) files_deflated->commit();
    return written;
  };
  const auto write_pdf = [&](core::DiagnosticSink& to, core::Progress& shown) {
    TargetPathSink writer_sink(to, pdf_temporary, pdf_target);
    return write_pdf_book(book, digests, *page_style, options, hyphenators, pdf_temporary, writer_sink, shown, result);
  };
  if (wants_epub && stylesheet && wants_pdf) {
    // The terminal line follows the PDF, the longer of the two; the EPUB thread shows nothing.
    const SideBySide written = run_side_by_side(
        [&](core::DiagnosticSink& to) { return write_epub_book(to, core::no_progress()); },
        [&](core::DiagnosticSink& to) { return write_pdf(to, progress); }, sink, [&] { return !failed(); });
    if (written.first) result.written.push_back(epub_target);
    if (written.second) result.written.push_back(pdf_target);
  } else {
    if (wants_epub && stylesheet && write_epub_book(sink, progress)) result.written.push_back(epub_target);
    if (wants_pdf && !failed() && write_pdf(sink, progress)) result.written.push_back(pdf_target);
  }

  if (failed() || !outputs.commit(sink, &result.left_over)) {
    result.written.clear();
    result.exit_code = 1;
  }
  // The book's model, some 5 ms to free at 1,000 articles.
  result.left_over.push_back(read);
  return result;
}

}  // namespace octavo
