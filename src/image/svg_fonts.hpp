// The fonts an SVG's text is drawn with: librsvg lays text out with Pango, which asks fontconfig,
// and fontconfig is shown Octavo's own fonts folder and nothing else. The only user of fontconfig.
#pragma once

#include <optional>
#include <string>

namespace octavo::image {

/// Makes fontconfig, for the whole process, see only the fonts in `fonts_dir` — no system or user
/// fonts, no configuration files, no cache written anywhere — with every family an SVG names
/// mapped to one of them (svg_fonts.cpp says how). Call it before the first SVG is drawn: Pango
/// reads fontconfig's fonts when it first lays text out. The first call that succeeds wins; later
/// calls change nothing. Returns why not, with nothing changed, if fontconfig cannot be opened,
/// cannot make the configuration or finds no font in `fonts_dir`; nothing if it succeeded.
std::optional<std::string> use_only_fonts_in(const std::string& fonts_dir);

/// The file fontconfig picks for the family `family` (as `font-family="…"` names it), upright and
/// regular; empty if use_only_fonts_in has not succeeded or nothing matches.
std::string svg_font_file(const std::string& family);

}  // namespace octavo::image
