#include "model/dump.hpp"

#include <cstdio>
#include <string_view>

namespace octavo::model {

namespace {

// Quotes a string so that a dump stays one node per line: escapes for the quote, the backslash
// and every ASCII control character; other UTF-8 is kept as it is, for readability.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (byte < 0x20 || byte == 0x7F) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned>(byte));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

const char* kind_name(BlockKind kind) {
  switch (kind) {
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::heading: return "heading";
    case BlockKind::bullet_list: return "bullet_list";
    case BlockKind::ordered_list: return "ordered_list";
    case BlockKind::list_item: return "list_item";
    case BlockKind::block_quote: return "block_quote";
    case BlockKind::code_block: return "code_block";
    case BlockKind::thematic_break: return "thematic_break";
    case BlockKind::figure: return "figure";
    case BlockKind::table: return "table";
    case BlockKind::table_row: return "table_row";
    case BlockKind::table_cell: return "table_cell";
    case BlockKind::aside: return "aside";
    case BlockKind::details: return "details";
    case BlockKind::division: return "division";
  }
  return "?";
}

const char* numbering_name(ListNumbering numbering) {
  switch (numbering) {
    case ListNumbering::decimal: return "decimal";
    case ListNumbering::lower_alpha: return "lower_alpha";
    case ListNumbering::upper_alpha: return "upper_alpha";
    case ListNumbering::lower_roman: return "lower_roman";
    case ListNumbering::upper_roman: return "upper_roman";
  }
  return "?";
}

const char* align_name(Align align) {
  switch (align) {
    case Align::none: return "none";
    case Align::left: return "left";
    case Align::center: return "center";
    case Align::right: return "right";
  }
  return "?";
}

const char* kind_name(InlineKind kind) {
  switch (kind) {
    case InlineKind::text: return "text";
    case InlineKind::emphasis: return "emphasis";
    case InlineKind::strong: return "strong";
    case InlineKind::code: return "code";
    case InlineKind::link: return "link";
    case InlineKind::soft_break: return "soft_break";
    case InlineKind::hard_break: return "hard_break";
    case InlineKind::strikethrough: return "strikethrough";
    case InlineKind::superscript: return "superscript";
    case InlineKind::subscript: return "subscript";
    case InlineKind::keyboard: return "keyboard";
    case InlineKind::footnote_ref: return "footnote_ref";
    case InlineKind::anchor: return "anchor";
  }
  return "?";
}

class Dumper {
 public:
  std::string take() { return std::move(out_); }

  void book(const Book& book) {
    line(0, "book");
    metadata(book.metadata);
    line(1, "disclaimer_text " + quoted(book.disclaimer_text));
    line(1, "disclaimer id=" + quoted(book.disclaimer.id) + " title=" + quoted(book.disclaimer.title));
    blocks(2, book.disclaimer.blocks, "");
    line(1, "contents");
    for (const ContentsEntry& entry : book.contents) contents(2, entry);
    for (const Part& each : book.parts) part(1, each);
    for (const Article& each : book.articles) article(1, each);
  }

  void part(int depth, const Part& p) {
    line(depth, "part id=" + quoted(p.id) + " title=" + quoted(p.title) + " folder=" + quoted(p.folder) +
                    " parent=" + index(p.parent) + " articles=" + std::to_string(p.first_article) + "+" +
                    std::to_string(p.article_count) + " " + location(p.location, ""));
  }

  void article(int depth, const Article& a) {
    std::string head = "article id=" + quoted(a.id) + " title=" + quoted(a.title);
    if (!a.language.empty()) head += " lang=" + quoted(a.language);
    if (a.part != no_part) head += " part=" + std::to_string(a.part);
    line(depth, head + " " + location(a.location, ""));
    for (const std::string& taken : a.taken_headings) line(depth + 1, "taken_heading " + quoted(taken));
    const Provenance& p = a.provenance;
    line(depth + 1, "provenance file=" + quoted(p.file) + " source=" + quoted(p.source) +
                        " retrieved=" + quoted(p.retrieved) + " author=" + quoted(p.author));
    if (!p.date.empty() || !p.description.empty())
      line(depth + 2, "date=" + quoted(p.date) + " description=" + quoted(p.description));
    line(depth + 2, "sha256 " + quoted(p.sha256) + " words=" + std::to_string(p.word_count));
    line(depth + 1, "source_note");
    for (const NoteField& field : a.source_note.fields) {
      line(depth + 2, "field " + quoted(field.label) + " " + quoted(field.value) +
                          (field.href.empty() ? "" : " href=" + quoted(field.href)));
    }
    line(depth + 1, "blocks");
    blocks(depth + 2, a.blocks, a.location.path);
    if (a.footnotes.empty()) return;
    line(depth + 1, "footnotes");
    for (const Footnote& note : a.footnotes) {
      line(depth + 2, "footnote id=" + quoted(note.id) + " label=" + quoted(note.label) + " " +
                          location(note.location, a.location.path));
      blocks(depth + 3, note.blocks, a.location.path);
    }
  }

  void blocks(int depth, const std::vector<Block>& list, std::string_view path) {
    for (const Block& b : list) block(depth, b, path);
  }

 private:
  void line(int depth, std::string_view text) {
    out_.append(static_cast<std::size_t>(depth) * 2, ' ');
    out_ += text;
    out_ += '\n';
  }

  void metadata(const Metadata& m) {
    line(1, "metadata");
    line(2, "title " + quoted(m.title));
    line(2, "subtitle " + quoted(m.subtitle));
    std::string authors = "authors [";
    for (std::size_t i = 0; i < m.authors.size(); ++i) authors += (i > 0 ? ", " : "") + quoted(m.authors[i]);
    line(2, authors + "]");
    line(2, "editor " + quoted(m.editor));
    line(2, "language " + quoted(m.language));
    line(2, "publisher " + quoted(m.publisher));
    line(2, "date " + quoted(m.date));
    line(2, "modified " + quoted(m.modified));
    line(2, "identifier " + quoted(m.identifier));
    line(2, "slug " + quoted(m.slug));
    line(2, "corpus_name " + quoted(m.corpus_name));
    line(2, "generator " + quoted(m.generator));
  }

  static std::string index(std::size_t i) { return i == no_part ? "none" : std::to_string(i); }

  void contents(int depth, const ContentsEntry& entry) {
    if (!entry.part_id.empty()) {
      line(depth, "entry " + quoted(entry.title) + " part=" + quoted(entry.part_id));
    } else {
      line(depth,
           "entry " + quoted(entry.title) + " article=" + quoted(entry.article_id) + " anchor=" + quoted(entry.anchor));
    }
    for (const ContentsEntry& child : entry.children) contents(depth + 1, child);
  }

  // "@3:1", or "@other.txt:3:1" when the node is not in the file its article came from; "@?"
  // when the location is unknown.
  static std::string location(const core::SourceLocation& at, std::string_view context_path) {
    if (at.line <= 0) return at.path.empty() ? "@?" : "@" + at.path;
    std::string out = "@";
    if (at.path != context_path) out += at.path + ":";
    return out + std::to_string(at.line) + ":" + std::to_string(at.column);
  }

  void block(int depth, const Block& b, std::string_view path) {
    std::string head = kind_name(b.kind);
    if (b.role == BlockRole::summary) head += " role=summary";
    if (b.role == BlockRole::outline) head += " role=outline";
    if (b.role == BlockRole::header) head += " role=header";
    if (b.role == BlockRole::term) head += " role=term";
    if (b.kind == BlockKind::heading) head += " level=" + std::to_string(b.level);
    if (b.kind == BlockKind::ordered_list) head += " start=" + std::to_string(b.start);
    if (b.numbering != ListNumbering::decimal) head += std::string(" numbering=") + numbering_name(b.numbering);
    if (b.align != Align::none) head += std::string(" align=") + align_name(b.align);
    if (b.colspan != 1) head += " colspan=" + std::to_string(b.colspan);
    if (b.rowspan != 1) head += " rowspan=" + std::to_string(b.rowspan);
    if (b.task != TaskState::none) head += b.task == TaskState::done ? " task=done" : " task=open";
    if (!b.id.empty()) head += " id=" + quoted(b.id);
    line(depth, head + " " + location(b.location, path));
    if (b.kind == BlockKind::code_block || !b.text.empty()) line(depth + 1, "text " + quoted(b.text));
    for (const std::shared_ptr<const Image>& each : b.images) image(depth + 1, *each);
    for (const Inline& run : b.inlines) inline_node(depth + 1, run);
    blocks(depth + 1, b.children, path);
  }

  void image(int depth, const Image& i) {
    line(depth, "image " + quoted(i.path) + " " + media_type(i) + " " + std::to_string(i.info.width) + "x" +
                    std::to_string(i.info.height) + " bytes=" + std::to_string(i.bytes ? i.bytes->size() : 0) +
                    " alt=" + quoted(i.alt));
  }

  void inline_node(int depth, const Inline& run) {
    std::string head = kind_name(run.kind);
    if (run.kind == InlineKind::text || run.kind == InlineKind::code || !run.text.empty())
      head += " " + quoted(run.text);
    if (run.kind == InlineKind::link || !run.target.empty()) head += " " + quoted(run.target);
    if (!run.target_article.empty()) head += " article=" + quoted(run.target_article);
    if (!run.id.empty()) head += " id=" + quoted(run.id);
    line(depth, head);
    for (const Inline& child : run.children) inline_node(depth + 1, child);
  }

  std::string out_;
};

}  // namespace

std::string dump_book(const Book& book) {
  Dumper dumper;
  dumper.book(book);
  return dumper.take();
}

std::string dump_article(const Article& article) {
  Dumper dumper;
  dumper.article(0, article);
  return dumper.take();
}

std::string dump_blocks(const std::vector<Block>& blocks, std::string_view path) {
  Dumper dumper;
  dumper.blocks(0, blocks, path);
  return dumper.take();
}

}  // namespace octavo::model
