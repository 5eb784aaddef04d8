// SHA-256 (FIPS 180-4), used for the source notes' file digests and the stable book identifier.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace octavo::core {

/// A SHA-256 digest: what the caches keep bytes under (a stream's compressed bytes under a digest of
/// what they were made from, a set article under article_key).
using StreamDigest = std::array<std::uint8_t, 32>;

/// The 32-byte digest of `bytes`.
std::array<std::uint8_t, 32> sha256(std::string_view bytes);

/// The digest as 64 lower-case hexadecimal digits.
std::string sha256_hex(std::string_view bytes);

namespace testing {
/// For tests: sha256 computed without the processor's SHA extensions, which sha256 uses where
/// the processor has them.
std::array<std::uint8_t, 32> sha256_portable(std::string_view bytes);
}  // namespace testing

}  // namespace octavo::core
