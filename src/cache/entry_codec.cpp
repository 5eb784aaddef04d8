#include "cache/entry_codec.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "core/byte_stream.hpp"
#include "model/walk.hpp"

namespace octavo::cache {
namespace {

// The first bytes of every entry, then the format's number: bumped whenever the encoding below
// changes, so that an entry written by another version of this code is a miss, not a misreading.
constexpr std::string_view magic = "octavo layout entry\n";
// 2: the key as its 32 bytes, no checksum; 3: the lines after the diagnostics, as one string, and
// the article's cut after them; 4: a run's flags byte says whether a word space comes before it.
constexpr std::uint64_t format_version = 4;

// Lines hold notes and shared heads, which hold lines: deeper than this is no entry we wrote
// (a footnote's lines hold no notes, and a head's no head), and the reader's stack stays small.
constexpr int max_nesting = 8;

// A run repeats its line's size, baseline and rise from the run before it in almost every case:
// flags say which are the same (bit for bit), so that most runs are a flags byte, x and the text.
// The flags byte also holds the face and whether a word space comes before the run.
constexpr std::uint8_t face_bits = 0x07;
constexpr std::uint8_t same_size = 0x08;
constexpr std::uint8_t same_baseline = 0x10;
constexpr std::uint8_t same_rise = 0x20;
constexpr std::uint8_t has_kerns = 0x40;
constexpr std::uint8_t after_word_space = 0x80;

// A repeated head: none, one that follows (its lines), or the n-th written before (n + 2).
constexpr std::uint64_t no_head = 0;
constexpr std::uint64_t new_head = 1;

bool same_bits(core::Pt a, core::Pt b) {
  return std::bit_cast<std::uint64_t>(a.value) == std::bit_cast<std::uint64_t>(b.value);
}

struct RunState {
  core::Pt size, baseline, rise;
};

// A line's links and anchors, and those of a page cut from lines, written and read alike.
void put_links(core::ByteWriter& out, const std::vector<layout::LinkArea>& links) {
  out.unsigned_number(links.size());
  for (const layout::LinkArea& link : links) {
    const auto& [left, top, right, bottom, destination, uri, number] = link;
    static_cast<void>(number);  // not kept: given where the pages are handed over, in each build
    for (const core::Pt value : {left, top, right, bottom}) out.real(value.value);
    out.string(destination);
    out.string(uri);
  }
}

std::vector<layout::LinkArea> take_links(core::ByteReader& in) {
  std::vector<layout::LinkArea> links;
  const std::size_t count = in.count(34);  // four lengths and two strings at least
  for (std::size_t i = 0; i < count && !in.failed(); ++i) {
    layout::LinkArea link;
    for (core::Pt* value : {&link.left, &link.top, &link.right, &link.bottom}) *value = core::Pt(in.real());
    link.destination = in.string();
    link.uri = in.string();
    links.push_back(std::move(link));
  }
  return links;
}

void put_anchors(core::ByteWriter& out, const std::vector<layout::Anchor>& anchors) {
  out.unsigned_number(anchors.size());
  for (const layout::Anchor& anchor : anchors) {
    const auto& [name, y, number] = anchor;
    static_cast<void>(number);  // as a link's
    out.string(name);
    out.real(y.value);
  }
}

std::vector<layout::Anchor> take_anchors(core::ByteReader& in) {
  std::vector<layout::Anchor> anchors;
  const std::size_t count = in.count(9);  // a string and a length at least
  for (std::size_t i = 0; i < count && !in.failed(); ++i) {
    layout::Anchor anchor;
    anchor.name = in.string();
    anchor.y = core::Pt(in.real());
    anchors.push_back(std::move(anchor));
  }
  return anchors;
}

class Encoder {
 public:
  explicit Encoder(core::ByteWriter& out) : out_(out) {}

  void lines(const std::vector<layout::FlowLine>& list) {
    out_.unsigned_number(list.size());
    for (const layout::FlowLine& line : list) this->line(line);
  }

 private:
  void length(core::Pt value) { out_.real(value.value); }

  void location(const core::SourceLocation& at) {
    const auto& [path, line, column] = at;
    out_.string(path);
    out_.signed_number(line);
    out_.signed_number(column);
  }

  void run(const layout::TextRun& text_run) {
    const auto& [face, size, x, baseline, text, kerns, rise, after_space] = text_run;
    std::uint8_t flags = static_cast<std::uint8_t>(face);
    if (same_bits(size, previous_.size)) flags |= same_size;
    if (same_bits(baseline, previous_.baseline)) flags |= same_baseline;
    if (same_bits(rise, previous_.rise)) flags |= same_rise;
    if (!kerns.empty()) flags |= has_kerns;
    if (after_space) flags |= after_word_space;
    out_.byte(flags);
    if ((flags & same_size) == 0) length(size);
    if ((flags & same_baseline) == 0) length(baseline);
    if ((flags & same_rise) == 0) length(rise);
    previous_ = {size, baseline, rise};
    length(x);
    out_.string(text);
    if (kerns.empty()) return;
    out_.unsigned_number(kerns.size());
    for (const fonts::Kern& kern : kerns) {
      const auto& [offset, amount] = kern;
      out_.unsigned_number(offset);
      length(amount);
    }
  }

  void image(const layout::ImageBox& box) {
    [[maybe_unused]] const auto& [key, name, info, bytes, at, x, y, width, height] = box;  // bytes: from the model
    out_.string(key);
    out_.string(name);
    const auto& [format, pixel_width, pixel_height, bit_depth, components, interlaced, progressive, frames] = info;
    out_.unsigned_number(static_cast<std::uint64_t>(format));
    for (const int number : {pixel_width, pixel_height, bit_depth, components, frames}) out_.signed_number(number);
    out_.boolean(interlaced);
    out_.boolean(progressive);
    location(at);
    for (const core::Pt value : {x, y, width, height}) length(value);
  }

  void facts(const layout::LineFacts& line_facts) {
    const auto& [text, justified, hyphenated, overfull, heading, opens_paragraph, closes_paragraph, ratio] = line_facts;
    const bool has_ratio = std::bit_cast<std::uint64_t>(ratio) != 0;
    std::uint8_t bits = 0;
    int bit = 0;
    for (const bool fact :
         {text, justified, hyphenated, overfull, heading, opens_paragraph, closes_paragraph, has_ratio}) {
      if (fact) bits = static_cast<std::uint8_t>(bits | (1u << bit));
      ++bit;
    }
    out_.byte(bits);
    if (has_ratio) out_.real(ratio);
  }

  void line(const layout::FlowLine& flow_line) {
    const auto& [space_before, height, baseline, runs, rules, links, anchors, images, keep, break_before, line_facts,
                 note_refs, notes, repeated_head] = flow_line;
    length(space_before);
    length(height);
    length(baseline);
    out_.unsigned_number(runs.size());
    for (const layout::TextRun& each : runs) run(each);
    out_.unsigned_number(rules.size());
    for (const layout::Rule& rule : rules) {
      const auto& [x1, y1, x2, y2, thickness] = rule;
      for (const core::Pt value : {x1, y1, x2, y2, thickness}) length(value);
    }
    put_links(out_, links);
    put_anchors(out_, anchors);
    out_.unsigned_number(images.size());
    for (const layout::ImageBox& box : images) image(box);
    out_.unsigned_number(static_cast<std::uint64_t>(keep));
    out_.boolean(break_before);
    facts(line_facts);
    out_.unsigned_number(note_refs.size());
    for (const layout::NoteRef& ref : note_refs) {
      const auto& [note, anchor] = ref;
      out_.string(note);
      out_.string(anchor);
    }
    out_.unsigned_number(notes.size());
    for (const layout::FlowNote& note : notes) {
      const auto& [note_lines] = note;
      lines(note_lines);
    }
    head(repeated_head);
  }

  void head(const std::shared_ptr<const std::vector<layout::FlowLine>>& shared) {
    if (!shared) {
      out_.unsigned_number(no_head);
      return;
    }
    if (const auto seen = heads_.find(shared.get()); seen != heads_.end()) {
      out_.unsigned_number(seen->second + 2);
      return;
    }
    out_.unsigned_number(new_head);
    lines(*shared);
    // Numbered once written, in the order the decoder finishes reading them.
    heads_.emplace(shared.get(), heads_.size());
  }

  core::ByteWriter& out_;
  RunState previous_;
  std::map<const std::vector<layout::FlowLine>*, std::uint64_t> heads_;
};

// The article's pictures by digest, each file's bytes once, for the boxes an entry shows.
std::map<std::string, std::shared_ptr<const std::string>> image_bytes_of(const model::Article& article) {
  std::map<std::string, std::shared_ptr<const std::string>> bytes;
  const auto collect = [&](const std::vector<model::Block>& blocks) {
    model::Walker walk(blocks);
    while (walk.next()) {
      if (!walk.entering() || walk.block() == nullptr) continue;
      for (const auto& image : walk.block()->images) bytes.emplace(image->sha256, image->bytes);
    }
  };
  collect(article.blocks);
  for (const model::Footnote& note : article.footnotes) collect(note.blocks);
  return bytes;
}

class Decoder {
 public:
  // `article` holds the bytes of the pictures the entry shows.
  Decoder(core::ByteReader& in, const model::Article& article) : in_(in), article_(article) {}

  std::vector<layout::FlowLine> lines(int depth = 0) {
    std::vector<layout::FlowLine> list;
    if (depth > max_nesting) {
      in_.fail();
      return list;
    }
    // A line takes at least one byte for each of its fourteen members.
    const std::size_t count = in_.count(14);
    list.reserve(count);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) list.push_back(line(depth));
    return list;
  }

 private:
  core::Pt length() { return core::Pt(in_.real()); }

  core::SourceLocation location() {
    core::SourceLocation at;
    at.path = in_.string();
    at.line = static_cast<int>(in_.signed_number());
    at.column = static_cast<int>(in_.signed_number());
    return at;
  }

  layout::TextRun run() {
    layout::TextRun text_run;
    const std::uint8_t flags = in_.byte();
    if (static_cast<std::size_t>(flags & face_bits) >= fonts::face_count) in_.fail();
    text_run.face = static_cast<fonts::FontFace>(flags & face_bits);
    text_run.after_word_space = (flags & after_word_space) != 0;
    text_run.size = (flags & same_size) != 0 ? previous_.size : length();
    text_run.baseline = (flags & same_baseline) != 0 ? previous_.baseline : length();
    text_run.rise = (flags & same_rise) != 0 ? previous_.rise : length();
    previous_ = {text_run.size, text_run.baseline, text_run.rise};
    text_run.x = length();
    text_run.text = in_.string();
    if ((flags & has_kerns) == 0) return text_run;
    const std::size_t count = in_.count(9);
    if (count == 0) in_.fail();  // written only when there are some
    text_run.kerns.reserve(count);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) {
      fonts::Kern kern;
      kern.offset = static_cast<std::size_t>(in_.unsigned_number());
      kern.amount = length();
      text_run.kerns.push_back(kern);
    }
    return text_run;
  }

  layout::ImageBox image() {
    layout::ImageBox box;
    box.key = in_.string();
    box.name = in_.string();
    box.info.format = static_cast<core::ImageFormat>(in_.at_most(static_cast<std::uint64_t>(core::ImageFormat::svg)));
    for (int* number :
         {&box.info.width, &box.info.height, &box.info.bit_depth, &box.info.components, &box.info.frames}) {
      *number = static_cast<int>(in_.signed_number());
    }
    box.info.interlaced = in_.boolean();
    box.info.progressive = in_.boolean();
    box.location = location();
    for (core::Pt* value : {&box.x, &box.y, &box.width, &box.height}) *value = length();
    // The bytes are the model's: an entry whose picture the article no longer shows is no entry.
    // The article's pictures are gathered at the first box, not for every entry: most show none.
    if (!image_bytes_) image_bytes_ = image_bytes_of(article_);
    if (const auto found = image_bytes_->find(box.key); found != image_bytes_->end()) {
      box.bytes = found->second;
    } else {
      in_.fail();
    }
    return box;
  }

  layout::LineFacts facts() {
    layout::LineFacts line_facts;
    const std::uint8_t bits = in_.byte();
    int bit = 0;
    for (bool* fact : {&line_facts.text, &line_facts.justified, &line_facts.hyphenated, &line_facts.overfull,
                       &line_facts.heading, &line_facts.opens_paragraph, &line_facts.closes_paragraph}) {
      *fact = (bits >> bit++) & 1;
    }
    if ((bits >> bit) & 1) {
      line_facts.ratio = in_.real();
      if (std::bit_cast<std::uint64_t>(line_facts.ratio) == 0) in_.fail();  // written only when not +0
    }
    return line_facts;
  }

  layout::FlowLine line(int depth) {
    layout::FlowLine flow_line;
    flow_line.space_before = length();
    flow_line.height = length();
    flow_line.baseline = length();
    // Every item takes at least one byte, so a count is checked against the bytes left.
    std::size_t count = in_.count(2);
    flow_line.runs.reserve(count);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) flow_line.runs.push_back(run());
    count = in_.count(40);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) {
      layout::Rule rule;
      for (core::Pt* value : {&rule.x1, &rule.y1, &rule.x2, &rule.y2, &rule.thickness}) *value = length();
      flow_line.rules.push_back(rule);
    }
    flow_line.links = take_links(in_);
    flow_line.anchors = take_anchors(in_);
    count = in_.count(40);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) flow_line.images.push_back(image());
    flow_line.keep = static_cast<layout::Keep>(in_.at_most(static_cast<std::uint64_t>(layout::Keep::strong)));
    flow_line.break_before = in_.boolean();
    flow_line.facts = facts();
    count = in_.count(2);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) {
      layout::NoteRef ref;
      ref.note = in_.string();
      ref.anchor = in_.string();
      flow_line.note_refs.push_back(std::move(ref));
    }
    count = in_.count(1);
    for (std::size_t i = 0; i < count && !in_.failed(); ++i) flow_line.notes.push_back({lines(depth + 1)});
    flow_line.repeated_head = head(depth);
    return flow_line;
  }

  std::shared_ptr<const std::vector<layout::FlowLine>> head(int depth) {
    const std::uint64_t tag = in_.unsigned_number();
    if (in_.failed() || tag == no_head) return nullptr;
    if (tag == new_head) {
      auto shared = std::make_shared<const std::vector<layout::FlowLine>>(lines(depth + 1));
      heads_.push_back(shared);
      return shared;
    }
    if (tag - 2 >= heads_.size()) {
      in_.fail();
      return nullptr;
    }
    return heads_[tag - 2];
  }

  core::ByteReader& in_;
  const model::Article& article_;
  std::optional<std::map<std::string, std::shared_ptr<const std::string>>> image_bytes_;
  RunState previous_;
  std::vector<std::shared_ptr<const std::vector<layout::FlowLine>>> heads_;
};

void put_location(core::ByteWriter& out, const core::SourceLocation& at) {
  out.string(at.path);
  out.signed_number(at.line);
  out.signed_number(at.column);
}

core::SourceLocation take_location(core::ByteReader& in) {
  core::SourceLocation at;
  at.path = in.string();
  at.line = static_cast<int>(in.signed_number());
  at.column = static_cast<int>(in.signed_number());
  return at;
}

void put_stats(core::ByteWriter& out, const layout::LayoutStats& stats) {
  // The counts of articles are lay_out_book's, not the cut's.
  const auto& [articles, articles_set, pages, lines, hyphenated_lines, longest_hyphen_run, justified_lines, ratio_sum,
               worst_stretch, worst_shrink, overfull_lines, orphans, widows, headings_at_foot] = stats;
  static_cast<void>(articles);
  static_cast<void>(articles_set);
  for (const std::size_t count : {pages, lines, hyphenated_lines, longest_hyphen_run, justified_lines}) {
    out.unsigned_number(count);
  }
  for (const double ratio : {ratio_sum, worst_stretch, worst_shrink}) out.real(ratio);
  for (const std::size_t count : {overfull_lines, orphans, widows, headings_at_foot}) out.unsigned_number(count);
}

layout::LayoutStats take_stats(core::ByteReader& in) {
  layout::LayoutStats stats;
  for (std::size_t* count :
       {&stats.pages, &stats.lines, &stats.hyphenated_lines, &stats.longest_hyphen_run, &stats.justified_lines}) {
    *count = static_cast<std::size_t>(in.unsigned_number());
  }
  for (double* ratio : {&stats.ratio_sum, &stats.worst_stretch, &stats.worst_shrink}) *ratio = in.real();
  for (std::size_t* count : {&stats.overfull_lines, &stats.orphans, &stats.widows, &stats.headings_at_foot}) {
    *count = static_cast<std::size_t>(in.unsigned_number());
  }
  return stats;
}

// A page of a cut can be kept without its body when the page sink prepared it (a digest and the
// text it shows) and nothing else but its body needs drawing: no picture (its bytes are the
// model's), and nothing placed on it yet (its side, its furniture).
bool keepable(const layout::Page& page) {
  return page.body_digest && page.body_text && page.images.empty() && page.text_left.value == 0 &&
         page.furniture.runs.empty() && page.furniture.rules.empty() && !page.kept_body;
}

void put_page(core::ByteWriter& out, const layout::Page& page) {
  [[maybe_unused]] const auto& [width, height, runs, rules, links, anchors, images, text_left, furniture, body_digest,
                                body_text, kept_body] = page;  // runs, rules: the body, which the digest names
  out.real(width.value);
  out.real(height.value);
  out.raw(*body_digest);
  out.unsigned_number(body_text->characters.size());
  for (const layout::ShownCharacter& shown : body_text->characters) {
    out.byte(static_cast<std::uint8_t>(shown.face));
    out.unsigned_number(shown.code_point);
  }
  out.unsigned_number(body_text->faces.size());
  for (const layout::ShownFace& face : body_text->faces) {
    out.byte(static_cast<std::uint8_t>(face.face));
    out.unsigned_number(face.characters_before_end);
  }
  put_links(out, links);
  put_anchors(out, anchors);
}

fonts::FontFace take_face(core::ByteReader& in) {
  return static_cast<fonts::FontFace>(in.at_most(fonts::face_count - 1));
}

layout::Page take_page(core::ByteReader& in) {
  layout::Page page;
  page.width = core::Pt(in.real());
  page.height = core::Pt(in.real());
  core::StreamDigest digest{};
  for (std::uint8_t& byte : digest) byte = in.byte();
  page.body_digest = digest;
  layout::ShownText text;
  // A character takes at least two bytes, a face two.
  std::size_t count = in.count(2);
  text.characters.reserve(count);
  for (std::size_t i = 0; i < count && !in.failed(); ++i) {
    const fonts::FontFace face = take_face(in);
    text.characters.push_back({face, static_cast<char32_t>(in.at_most(0x10FFFF))});
  }
  count = in.count(2);
  for (std::size_t i = 0; i < count && !in.failed(); ++i) {
    const fonts::FontFace face = take_face(in);
    text.faces.push_back({face, static_cast<std::size_t>(in.at_most(text.characters.size()))});
  }
  page.body_text = std::move(text);
  page.links = take_links(in);
  page.anchors = take_anchors(in);
  return page;
}

// What an entry holds before its lines, as written: its key, the diagnostics, the missing
// characters and where the first was missed. Nullopt when the header is not this format's.
struct WrittenHead {
  core::StreamDigest key{};
  std::vector<core::Diagnostic> diagnostics;
  std::vector<char32_t> missing;
  core::SourceLocation first_missing;
};

std::optional<WrittenHead> read_head(core::ByteReader& in) {
  if (in.string_view() != magic || in.unsigned_number() != format_version) return std::nullopt;
  WrittenHead head;
  for (std::uint8_t& byte : head.key) byte = in.byte();
  const std::size_t diagnostics = in.count(4);
  for (std::size_t i = 0; i < diagnostics && !in.failed(); ++i) {
    core::Diagnostic diagnostic;
    diagnostic.severity = static_cast<core::Severity>(in.at_most(static_cast<std::uint64_t>(core::Severity::error)));
    diagnostic.location = take_location(in);
    diagnostic.message = in.string();
    diagnostic.hint = in.string();
    head.diagnostics.push_back(std::move(diagnostic));
  }
  head.missing.resize(in.count(1));
  for (char32_t& code_point : head.missing) code_point = static_cast<char32_t>(in.at_most(0x10FFFF));
  head.first_missing = take_location(in);
  if (in.failed()) return std::nullopt;
  return head;
}

// The diagnostics and missing characters of an entry written for `key` (read_head), the latter
// noted in `missing`; nullopt for another key.
struct EntryHead {
  core::DiagnosticList diagnostics;
  fonts::GlyphCoverage missing;
};

std::optional<EntryHead> take_head(core::ByteReader& in, const core::StreamDigest& key, fonts::GlyphCoverage missing) {
  std::optional<WrittenHead> written = read_head(in);
  if (!written || written->key != key) return std::nullopt;
  EntryHead head{{}, std::move(missing)};
  for (core::Diagnostic& diagnostic : written->diagnostics) head.diagnostics.report(std::move(diagnostic));
  for (const char32_t code_point : written->missing) head.missing.note_missing(code_point, written->first_missing);
  return head;
}

// The cut after an entry's lines, if it has one: its pages and figures.
std::optional<std::pair<std::vector<layout::Page>, layout::LayoutStats>> take_cut(core::ByteReader& in) {
  if (!in.boolean()) return std::nullopt;
  // A page takes 50 bytes at least, but a Page several hundred: pages are made as they are read,
  // so that a damaged count costs no more memory than the bytes behind it.
  const std::size_t count = in.count(50);
  std::vector<layout::Page> pages;
  for (std::size_t i = 0; i < count && !in.failed(); ++i) pages.push_back(take_page(in));
  layout::LayoutStats stats = take_stats(in);
  if (in.failed()) return std::nullopt;
  return std::pair{std::move(pages), stats};
}

}  // namespace

std::string encode_entry(const layout::SetArticle& set, const core::StreamDigest& key) {
  core::ByteWriter out;
  out.string(magic);
  out.unsigned_number(format_version);
  out.raw(key);
  const std::vector<core::Diagnostic>& diagnostics = set.diagnostics.all();
  out.unsigned_number(diagnostics.size());
  for (const core::Diagnostic& diagnostic : diagnostics) {
    const auto& [severity, location, message, hint] = diagnostic;
    out.unsigned_number(static_cast<std::uint64_t>(severity));
    put_location(out, location);
    out.string(message);
    out.string(hint);
  }
  const std::vector<char32_t>& missing = set.missing.noted();
  out.unsigned_number(missing.size());
  for (const char32_t code_point : missing) out.unsigned_number(code_point);
  put_location(out, set.missing.noted_location());
  // The lines as one string, so that a reader of the cut after them steps over them.
  core::ByteWriter lines;
  Encoder(lines).lines(set.lines);
  out.string(lines.bytes());
  out.boolean(false);  // no cut (add_cut)
  return out.take();
}

bool add_cut(std::string& entry, const layout::CutArticle& cut) {
  // Only to an entry encode_entry wrote: its lines, then the one byte that says it has no cut.
  core::ByteReader in(entry);
  if (!read_head(in)) return false;
  in.string_view();  // the lines
  if (in.failed() || in.left() != 1 || in.boolean()) return false;
  if (!std::all_of(cut.pages.begin(), cut.pages.end(), keepable)) return false;
  core::ByteWriter out;
  out.boolean(true);
  out.unsigned_number(cut.pages.size());
  for (const layout::Page& page : cut.pages) put_page(out, page);
  put_stats(out, cut.stats);
  entry.pop_back();
  entry += out.bytes();
  return true;
}

std::optional<layout::SetArticle> decode_entry(std::string_view bytes, const core::StreamDigest& key,
                                               const model::Article& article, fonts::GlyphCoverage missing) {
  core::ByteReader in(bytes);
  std::optional<EntryHead> head = take_head(in, key, std::move(missing));
  if (!head) return std::nullopt;
  core::ByteReader lines_in(in.string_view());
  layout::SetArticle set{Decoder(lines_in, article).lines(), std::move(head->diagnostics), std::move(head->missing)};
  if (lines_in.failed() || !lines_in.at_end()) return std::nullopt;
  take_cut(in);  // read for its bounds only
  if (in.failed() || !in.at_end()) return std::nullopt;
  return set;
}

std::optional<layout::CutArticle> decode_cut(std::string_view bytes, const core::StreamDigest& key,
                                             fonts::GlyphCoverage missing) {
  core::ByteReader in(bytes);
  std::optional<EntryHead> head = take_head(in, key, std::move(missing));
  if (!head) return std::nullopt;
  in.string_view();  // the lines
  auto cut = take_cut(in);
  if (!cut || in.failed() || !in.at_end()) return std::nullopt;
  return layout::CutArticle{std::move(cut->first), std::move(head->diagnostics), std::move(head->missing), cut->second};
}

}  // namespace octavo::cache
