#include "fonts/harfbuzz_font.hpp"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <array>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text_hash.hpp"
#include "core/thread_memo.hpp"
#include "core/utf8.hpp"

namespace octavo::fonts {

namespace {

template <auto destroy>
struct Destroy {
  template <typename T>
  void operator()(T* object) const {
    destroy(object);
  }
};
using Blob = std::unique_ptr<hb_blob_t, Destroy<hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, Destroy<hb_face_destroy>>;
using Font = std::unique_ptr<hb_font_t, Destroy<hb_font_destroy>>;
using Input = std::unique_ptr<hb_subset_input_t, Destroy<hb_subset_input_destroy>>;
using Buffer = std::unique_ptr<hb_buffer_t, Destroy<hb_buffer_destroy>>;
struct FreeMemory {
  void operator()(void* memory) const { std::free(memory); }
};

// Kerning only. Ligatures would replace characters by glyphs the PDF's one-glyph-per-CID text
// cannot draw and extractors could not read back; liga, clig and dlig are off, and any other
// substitution makes kerning() give up on that text.
constexpr hb_feature_t shaping_features[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END}};

// Spaces of any width: layout's glue sits there, and kerning never crosses it.
bool is_space(char32_t code_point) {
  return code_point == 0x20 || code_point == 0xA0 || (code_point >= 0x2000 && code_point <= 0x200B) ||
         code_point == 0x202F || code_point == 0x205F || code_point == 0x3000;
}

// Tables a PDF viewer never reads: glyph substitution and positioning happen before drawing
// (PDF 32000-1 §9.9 lists what a TrueType program in a PDF needs). Dropping GSUB also keeps
// ligature and alternate glyphs out of the closure: about a third fewer glyphs for Noto Serif.
constexpr hb_tag_t dropped_tables[] = {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
                                       HB_TAG('G', 'D', 'E', 'F')};

}  // namespace

std::optional<FontSubset> subset_font(std::string_view font_bytes, const std::set<char32_t>& code_points) {
  // HB_MEMORY_MODE_READONLY: HarfBuzz reads `font_bytes` in place and copies nothing.
  const Blob blob(hb_blob_create_or_fail(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                                         HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  if (!blob) return std::nullopt;
  const Face face(hb_face_create(blob.get(), 0));
  if (hb_face_get_glyph_count(face.get()) == 0) return std::nullopt;

  const Input input(hb_subset_input_create_or_fail());
  if (!input) return std::nullopt;
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (const char32_t code_point : code_points) {
    // The PDF fonts' codes name BMP characters only (pdf/font_codes.hpp).
    if (code_point <= 0xFFFF) hb_set_add(unicodes, code_point);
  }
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const hb_tag_t tag : dropped_tables) hb_set_add(drop, tag);
  // Without TrueType hinting instructions the program is about half the size. Viewers render
  // PDF text unhinted or auto-hinted at screen sizes, and print does not need hints.
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

  const Face subset(hb_subset_or_fail(face.get(), input.get()));
  if (!subset) return std::nullopt;
  const Blob subset_blob(hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(subset_blob.get(), &length);
  if (data == nullptr || length == 0) return std::nullopt;

  FontSubset out;
  out.program.assign(data, length);
  // The subset's own cmap says where each kept character went; .notdef (0) means not kept.
  const Font font(hb_font_create(subset.get()));
  for (const char32_t code_point : code_points) {
    hb_codepoint_t glyph = 0;
    if (code_point <= 0xFFFF && hb_font_get_nominal_glyph(font.get(), code_point, &glyph) && glyph != 0) {
      out.glyphs.emplace(code_point, static_cast<std::uint16_t>(glyph));
    }
  }
  return out;
}

// Each thread's copy of the kerning it asked each of the last eight faces for (a book's fonts
// are fewer): a look-up there takes no lock. Layout's threads asked the shared table below for
// every word they measured, and waiting on its lock took about 3 % of a first build's time. Full,
// the eight hold about 10 MB a thread (measured with 8,192 words of 4 to 11 letters a face).
constexpr std::size_t thread_kerning_each = 8192;
thread_local core::ThreadMemo<std::vector<FontKern>, 8> thread_kerning(thread_kerning_each);

struct HarfBuzzFont::State {
  Blob blob;
  Face face;
  Font font;
  long units_per_em = 1000;
  // The vertical metrics, read at load: layout asks them for every line, and reading a table
  // makes HarfBuzz allocate a blob for it.
  int ascent = 0;
  int descent = 0;
  int x_height = 0;
  // Per BMP code point, the advance + 1; 0 until first asked (256 KB). Each entry is only ever
  // set to the one advance HarfBuzz gives, so threads that race on it need no more than relaxed
  // atomic access. Allocated zeroed by calloc, which takes fresh pages from the system for a
  // block this large: only the pages of code points asked about are ever touched, where filling
  // the whole table with -1 touched all 64 pages of each of the six faces at every start.
  std::unique_ptr<std::int32_t[], FreeMemory> advances;
  // Shaping every word of a 1,000-article book again on each layout pass is slow; a word's
  // kerning depends on the word alone, so remembering it cannot change the output. Looked up by
  // string_view (TextHash is transparent), so a lookup allocates nothing. In shards by the text's
  // hash, each with its own lock: with one lock for the whole map, layout's threads met on it
  // hundreds of times a build of 500 articles (516 futex calls), each meeting a sleep and a wake.
  // Each shard keeps at most its share of max_remembered_kerning, and is emptied when it holds it.
  struct alignas(64) KerningShard {  // a cache line of its own: threads on two shards do not meet
    std::unordered_map<std::string, std::vector<FontKern>, core::TextHash, std::equal_to<>> kerning;
    std::mutex mutex;  // guards `kerning`; shaping happens outside it
  };
  static constexpr std::size_t kerning_shard_count = 16;
  static_assert(max_remembered_kerning % kerning_shard_count == 0);
  mutable std::array<KerningShard, kerning_shard_count> kerning_shards;
  KerningShard& kerning_shard(std::string_view text) const {
    return kerning_shards[core::TextHash{}(text) % kerning_shard_count];
  }
  std::uint64_t memo_source = core::new_memo_source();  // names the font in thread_kerning
};

HarfBuzzFont::HarfBuzzFont(std::unique_ptr<State> state) : state_(std::move(state)) {}

HarfBuzzFont::~HarfBuzzFont() = default;

std::unique_ptr<HarfBuzzFont> HarfBuzzFont::load(std::string_view font_bytes) {
  auto state = std::make_unique<State>();
  state->blob.reset(hb_blob_create_or_fail(font_bytes.data(), static_cast<unsigned>(font_bytes.size()),
                                           HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  if (!state->blob) return nullptr;
  state->face.reset(hb_face_create(state->blob.get(), 0));
  if (hb_face_get_glyph_count(state->face.get()) == 0) return nullptr;
  state->units_per_em = hb_face_get_upem(state->face.get());
  state->font.reset(hb_font_create(state->face.get()));
  // Font units, unscaled: the integer values of hmtx and hhea, converted below as libharu does.
  hb_font_set_scale(state->font.get(), static_cast<int>(state->units_per_em), static_cast<int>(state->units_per_em));
  // Set up once, then only read: HarfBuzz lets several threads shape with an immutable font.
  hb_font_make_immutable(state->font.get());
  // Shaping takes the default language, which HarfBuzz makes on first use and publishes with its
  // own atomics. That is safe, but ThreadSanitizer cannot see atomics inside an uninstrumented
  // libharfbuzz and reports a race between layout's threads: made here, before any of them.
  hb_language_get_default();
  state->advances.reset(static_cast<std::int32_t*>(std::calloc(0x10000, sizeof(std::int32_t))));
  if (!state->advances) return nullptr;
  std::unique_ptr<HarfBuzzFont> font(new HarfBuzzFont(std::move(state)));
  for (char32_t ascii = 0; ascii < font->ascii_advances_.size(); ++ascii) {
    font->ascii_advances_[ascii] = font->advance(ascii);
  }
  State& loaded = *font->state_;
  loaded.ascent = font->hhea_value(4);
  loaded.descent = font->hhea_value(6);
  hb_position_t x_height = 0;
  // OS/2's sxHeight (version 2 and later); a font without it has none to give.
  if (hb_ot_metrics_get_position(loaded.font.get(), HB_OT_METRICS_TAG_X_HEIGHT, &x_height)) {
    loaded.x_height = static_cast<int>(x_height * 1000 / loaded.units_per_em);
  }
  return font;
}

std::vector<FontKern> HarfBuzzFont::kerning(std::string_view text) const { return kerning_here(text); }

const std::vector<FontKern>& HarfBuzzFont::kerning_here(std::string_view text) const {
  if (const std::vector<FontKern>* kerns = thread_kerning.find(state_->memo_source, text)) return *kerns;
  return thread_kerning.keep(state_->memo_source, text, shared_kerning(text));
}

std::vector<FontKern> HarfBuzzFont::shared_kerning(std::string_view text) const {
  State::KerningShard& shard = state_->kerning_shard(text);
  {
    const std::lock_guard lock(shard.mutex);
    const auto remembered = shard.kerning.find(text);
    if (remembered != shard.kerning.end()) return remembered->second;
  }
  std::vector<FontKern> kerns = shape_kerning(text);
  const std::lock_guard lock(shard.mutex);
  // A bound on memory, whatever the vocabulary: forgetting costs only shaping again.
  if (shard.kerning.size() >= max_remembered_kerning / State::kerning_shard_count) shard.kerning.clear();
  // Another thread may have shaped the same text meanwhile, to the same kerning.
  shard.kerning.try_emplace(std::string(text), kerns);
  return kerns;
}

std::vector<FontKern> HarfBuzzFont::shape_kerning(std::string_view text) const {
  // One buffer per thread, reused: cleared before each use.
  thread_local const Buffer shaping_buffer(hb_buffer_create());
  hb_buffer_t* buffer = shaping_buffer.get();
  hb_buffer_clear_contents(buffer);
  hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buffer);
  if (hb_buffer_get_direction(buffer) != HB_DIRECTION_LTR) return {};
  hb_shape(state_->font.get(), buffer, shaping_features, std::size(shaping_features));
  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer, nullptr);

  std::vector<FontKern> found;
  std::size_t characters = 0;
  for (std::size_t pos = 0; pos < text.size(); ++characters) core::decode_utf8(text, pos);
  if (count != characters) return {};
  // Clusters are byte offsets into `text` (hb_buffer_add_utf8), one glyph per character here.
  bool previous_space = true;
  for (unsigned i = 0; i < count; ++i) {
    std::size_t pos = infos[i].cluster;
    const char32_t code_point = core::decode_utf8(text, pos);
    const hb_glyph_position_t& position = positions[i];
    if (infos[i].codepoint != glyph(code_point) || position.x_offset != 0 || position.y_offset != 0 ||
        position.y_advance != 0)
      return {};
    const bool space = is_space(code_point);
    // The adjustment HarfBuzz adds to glyph i - 1's advance sits before character i.
    if (i > 0 && !space && !previous_space) {
      const hb_position_t nominal = hb_font_get_glyph_h_advance(state_->font.get(), infos[i - 1].codepoint);
      const hb_position_t delta = positions[i - 1].x_advance - nominal;
      if (delta != 0) {
        // Rounded to the whole 1/1000 em that a TJ array writes, so measured equals drawn.
        const long amount =
            std::lround(static_cast<double>(delta) * 1000.0 / static_cast<double>(state_->units_per_em));
        if (amount != 0) found.push_back({infos[i].cluster, amount});
      }
    }
    previous_space = space;
  }
  return found;
}

std::size_t HarfBuzzFont::remembered_kerning() const {
  std::size_t count = 0;
  for (State::KerningShard& shard : state_->kerning_shards) {
    const std::lock_guard lock(shard.mutex);
    count += shard.kerning.size();
  }
  return count;
}

std::uint32_t HarfBuzzFont::glyph(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(state_->font.get(), code_point, &glyph)) return 0;
  return glyph;
}

long HarfBuzzFont::advance(char32_t code_point) const {
  const bool in_bmp = code_point <= 0xFFFF;
  if (in_bmp) {
    const std::int32_t known = std::atomic_ref(state_->advances[code_point]).load(std::memory_order_relaxed);
    if (known > 0) return known - 1;
  }
  const hb_position_t units = hb_font_get_glyph_h_advance(state_->font.get(), glyph(code_point));
  // libharu: advance_width * 1000 / units_per_em in unsigned integers (hpdf_fontdef_tt.c).
  const long width = static_cast<long>(units) * 1000 / state_->units_per_em;
  if (in_bmp) {
    std::atomic_ref(state_->advances[code_point])
        .store(static_cast<std::int32_t>(width + 1), std::memory_order_relaxed);
  }
  return width;
}

// hhea's ascender (offset 4) or descender (offset 6), an int16 in font units, in 1/1000 em
// truncated towards zero as libharu computes them (hpdf_fontdef_tt.c, ParseHhea). Read from the
// table itself: hb_font_get_h_extents may prefer the OS/2 values.
int HarfBuzzFont::hhea_value(std::size_t offset) const {
  const Blob table(hb_face_reference_table(state_->face.get(), HB_TAG('h', 'h', 'e', 'a')));
  unsigned length = 0;
  const char* data = hb_blob_get_data(table.get(), &length);
  if (data == nullptr || length < offset + 2) return 0;
  const auto units = static_cast<std::int16_t>((static_cast<unsigned char>(data[offset]) << 8) |
                                               static_cast<unsigned char>(data[offset + 1]));
  return static_cast<int>(units * 1000 / state_->units_per_em);
}

int HarfBuzzFont::ascent() const { return state_->ascent; }

int HarfBuzzFont::descent() const { return state_->descent; }

int HarfBuzzFont::x_height() const { return state_->x_height; }

}  // namespace octavo::fonts
