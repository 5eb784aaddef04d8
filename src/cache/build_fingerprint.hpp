// What every article's setting depends on besides its own inputs: Octavo's version, the program
// actually running with the libraries it links, and the fonts. Part of every cache key.
#pragma once

#include <string>
#include <string_view>

#include "fonts/font_set.hpp"

namespace octavo::cache {

/// `version`, then the executable and each shared library it links by path and identity
/// (core::file_identity): what a stream's deflated bytes depend on besides the stream (zlib's
/// build and the settings Octavo gives it). Libraries opened while the program runs (librsvg, libzip)
/// are left out: whether one is open yet depends on what the other threads have done, and none of
/// them takes part in what the cache keeps. Never fails: what cannot be looked at is written as "?".
std::string program_fingerprint(std::string_view version);

/// program_fingerprint(version) (a rebuilt octavo, or an upgraded HarfBuzz, libhyphen or ICU, may
/// set the same text differently, and then no earlier entry matches), then each face of `fonts` by its
/// file name, its path and FontSet::font_identity (taken before its bytes were read, so that a
/// font changed during a build is not recalled under its new identity). Never fails: what cannot
/// be looked at is written as "?".
std::string build_fingerprint(std::string_view version, const fonts::FontSet& fonts);

}  // namespace octavo::cache
