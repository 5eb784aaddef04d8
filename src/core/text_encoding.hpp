// The encodings an article file may be declared in (book.toml `encoding`), and their decoding
// to UTF-8 before the article readers see the bytes. UTF-8 itself is repaired later, line by line.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace octavo::core {

enum class TextEncoding { utf8, windows_1252, latin_1 };

/// The encoding a label names: "utf-8", "windows-1252" or "cp1252", "latin-1" or "iso-8859-1", in
/// any case; nullopt for any other label.
std::optional<TextEncoding> text_encoding_named(std::string_view label);

/// The canonical label of `encoding`: "utf-8", "windows-1252" or "latin-1".
std::string_view text_encoding_label(TextEncoding encoding);

/// Decodes `bytes` to UTF-8, one character per byte (for utf8 the bytes come back unchanged).
/// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: each becomes U+FFFD and is
/// passed to `on_undefined(byte_offset)`. Latin-1 defines every byte (0x80–0x9F are the C1
/// control characters U+0080–U+009F).
std::string decode_to_utf8(std::string_view bytes, TextEncoding encoding,
                           const std::function<void(std::size_t byte_offset)>& on_undefined = {});

}  // namespace octavo::core
