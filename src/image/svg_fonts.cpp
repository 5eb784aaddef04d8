#include "image/svg_fonts.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "core/runtime_library.hpp"

namespace octavo::image {

namespace {

// The generic families (CSS Fonts 3 §3.1.1) and the names SVG authors write most, mapped to the
// fonts Octavo ships: serif → Noto Serif, monospace → Noto Sans Mono, sans-serif → DejaVu Sans.
// Every family first gets sans-serif appended (fontconfig's own 49-sansserif.conf does the same),
// so a name we do not know (Arial, Helvetica, Verdana, …) falls to DejaVu Sans: most SVG text is
// labels in diagrams, written in a sans. librsvg's default family, "Times New Roman", is named here
// so that text without font-family is serif, as in a browser. Aliases are fontconfig match rules,
// applied in the order written: the appended sans-serif must come before its alias.
constexpr const char* family_rules = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <match target="pattern">
    <edit name="family" mode="append_last"><string>sans-serif</string></edit>
  </match>
  <alias binding="same"><family>Times New Roman</family><accept><family>serif</family></accept></alias>
  <alias binding="same"><family>Times</family><accept><family>serif</family></accept></alias>
  <alias binding="same"><family>Georgia</family><accept><family>serif</family></accept></alias>
  <alias binding="same"><family>Courier New</family><accept><family>monospace</family></accept></alias>
  <alias binding="same"><family>Courier</family><accept><family>monospace</family></accept></alias>
  <alias binding="same"><family>Consolas</family><accept><family>monospace</family></accept></alias>
  <alias binding="same"><family>Menlo</family><accept><family>monospace</family></accept></alias>
  <alias binding="same"><family>serif</family><prefer><family>Noto Serif</family></prefer></alias>
  <alias binding="same"><family>monospace</family><prefer><family>Noto Sans Mono</family></prefer></alias>
  <alias binding="same"><family>sans-serif</family><prefer><family>DejaVu Sans</family></prefer></alias>
</fontconfig>
)";

// fontconfig is opened the first time an SVG needs it (dlopen), not linked, for the reason
// rasterise_image.cpp opens librsvg so (librsvg's own Pango uses this same loaded library).
struct Fontconfig {
  decltype(&::FcConfigCreate) FcConfigCreate = nullptr;
  decltype(&::FcConfigDestroy) FcConfigDestroy = nullptr;
  decltype(&::FcConfigSetSysRoot) FcConfigSetSysRoot = nullptr;
  decltype(&::FcConfigParseAndLoadFromMemory) FcConfigParseAndLoadFromMemory = nullptr;
  decltype(&::FcConfigBuildFonts) FcConfigBuildFonts = nullptr;
  decltype(&::FcConfigAppFontAddFile) FcConfigAppFontAddFile = nullptr;
  decltype(&::FcConfigGetFonts) FcConfigGetFonts = nullptr;
  decltype(&::FcConfigSetCurrent) FcConfigSetCurrent = nullptr;
  decltype(&::FcConfigSubstitute) FcConfigSubstitute = nullptr;
  decltype(&::FcDefaultSubstitute) FcDefaultSubstitute = nullptr;
  decltype(&::FcFontMatch) FcFontMatch = nullptr;
  decltype(&::FcPatternCreate) FcPatternCreate = nullptr;
  decltype(&::FcPatternDestroy) FcPatternDestroy = nullptr;
  decltype(&::FcPatternAddString) FcPatternAddString = nullptr;
  decltype(&::FcPatternGetString) FcPatternGetString = nullptr;
  std::string problem;  ///< why fontconfig cannot be used; empty if it can
};

Fontconfig open_fontconfig() {
  Fontconfig fc;
  const core::RuntimeLibrary library("libfontconfig.so.1", fc.problem);
  library.bind(fc.FcConfigCreate, "FcConfigCreate");
  library.bind(fc.FcConfigDestroy, "FcConfigDestroy");
  library.bind(fc.FcConfigSetSysRoot, "FcConfigSetSysRoot");
  library.bind(fc.FcConfigParseAndLoadFromMemory, "FcConfigParseAndLoadFromMemory");
  library.bind(fc.FcConfigBuildFonts, "FcConfigBuildFonts");
  library.bind(fc.FcConfigAppFontAddFile, "FcConfigAppFontAddFile");
  library.bind(fc.FcConfigGetFonts, "FcConfigGetFonts");
  library.bind(fc.FcConfigSetCurrent, "FcConfigSetCurrent");
  library.bind(fc.FcConfigSubstitute, "FcConfigSubstitute");
  library.bind(fc.FcDefaultSubstitute, "FcDefaultSubstitute");
  library.bind(fc.FcFontMatch, "FcFontMatch");
  library.bind(fc.FcPatternCreate, "FcPatternCreate");
  library.bind(fc.FcPatternDestroy, "FcPatternDestroy");
  library.bind(fc.FcPatternAddString, "FcPatternAddString");
  library.bind(fc.FcPatternGetString, "FcPatternGetString");
  return fc;
}

// fontconfig, opened at the first call (thread-safe: a function-local static); `problem` says
// why if it cannot be.
const Fontconfig& fontconfig() {
  static const Fontconfig opened = open_fontconfig();
  return opened;
}

struct ConfigDestroy {
  void operator()(FcConfig* config) const { fontconfig().FcConfigDestroy(config); }
};
struct PatternDestroy {
  void operator()(FcPattern* pattern) const { fontconfig().FcPatternDestroy(pattern); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDestroy>;

std::mutex installed_mutex;
bool installed = false;  // guarded by installed_mutex

const FcChar8* fc_text(const std::string& text) { return reinterpret_cast<const FcChar8*>(text.c_str()); }

// The font files in `dir`, in name order, so that fontconfig meets them in the same order on every
// machine (directory order is the file system's).
std::vector<std::string> font_files(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string extension = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (extension == ".ttf" || extension == ".otf"))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::optional<std::string> use_only_fonts_in(const std::string& fonts_dir) {
  const std::lock_guard<std::mutex> lock(installed_mutex);
  if (installed) return std::nullopt;
  const Fontconfig& fc = fontconfig();
  if (!fc.problem.empty()) return fc.problem;
  // A configuration of our own, never fontconfig's default: FcInitLoadConfig would read
  // FONTCONFIG_FILE or /etc/fonts/fonts.conf (the system's and the user's fonts, their rules) and
  // write caches under $HOME. This one has no font folders, no cache folders and no files; the
  // font files are added one by one (FcConfigAppFontAddFile) rather than as a folder, because
  // FcConfigAppFontAddDir tries to write the folder's cache and, finding no cache folder, prints
  // "Fontconfig error: No writable cache directories".
  const std::unique_ptr<FcConfig, ConfigDestroy> config(fc.FcConfigCreate());
  if (!config) return "it cannot make a configuration";
  fc.FcConfigSetSysRoot(config.get(), nullptr);  // FcConfigCreate takes FONTCONFIG_SYSROOT from the environment
  if (fc.FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(family_rules), FcTrue) !=
          FcTrue ||
      fc.FcConfigBuildFonts(config.get()) != FcTrue) {
    return "it refuses Octavo's configuration";
  }
  for (const std::string& file : font_files(fonts_dir)) {
    if (fc.FcConfigAppFontAddFile(config.get(), fc_text(file)) != FcTrue) return "it cannot read '" + file + "'";
  }
  const FcFontSet* fonts = fc.FcConfigGetFonts(config.get(), FcSetApplication);
  if (fonts == nullptr || fonts->nfont == 0) return "the folder has no font file it can read";
  // Current for the whole process: Pango's font maps (one a thread) read the current configuration's
  // fonts when they first lay text out, and its FcInit keeps a configuration already current.
  if (fc.FcConfigSetCurrent(config.get()) != FcTrue) return "it cannot make Octavo's configuration current";
  installed = true;
  return std::nullopt;  // FcConfigSetCurrent holds its own reference
}

std::string svg_font_file(const std::string& family) {
  {
    const std::lock_guard<std::mutex> lock(installed_mutex);
    if (!installed) return {};
  }
  const Fontconfig& fc = fontconfig();
  const Pattern pattern(fc.FcPatternCreate());
  if (!pattern) return {};
  fc.FcPatternAddString(pattern.get(), FC_FAMILY, fc_text(family));
  fc.FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
  fc.FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  const Pattern match(fc.FcFontMatch(nullptr, pattern.get(), &result));
  FcChar8* file = nullptr;
  if (!match || fc.FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return {};
  return reinterpret_cast<const char*>(file);
}

}  // namespace octavo::image
