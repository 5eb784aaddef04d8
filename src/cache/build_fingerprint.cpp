#include "cache/build_fingerprint.hpp"

#include <link.h>
#include <sys/stat.h>

#include "core/sha256.hpp"
#include "fonts/font_face.hpp"

namespace octavo::cache {
namespace {

// A file's identity without reading it: a binary or library of tens of megabytes would cost more
// to hash than a warm build saves. Any reinstall or relink changes its size or time.
std::string file_stamp(const char* path) {
  struct stat info {};
  if (::stat(path, &info) != 0) return std::string(path) + " ?\n";
  return std::string(path) + " " + std::to_string(info.st_size) + " " + std::to_string(info.st_mtim.tv_sec) + "." +
         std::to_string(info.st_mtim.tv_nsec) + "\n";
}

// Every object the dynamic linker has loaded, in its load order: the executable first (its
// name is empty there, so /proc/self/exe stands for it), then the libraries.
int add_loaded_object(dl_phdr_info* object, std::size_t, void* out) {
  const char* name = object->dlpi_name;
  *static_cast<std::string*>(out) += file_stamp(name != nullptr && *name != '\0' ? name : "/proc/self/exe");
  return 0;
}

}  // namespace

std::string program_fingerprint(std::string_view version) {
  std::string out = "octavo ";
  out += version;
  out += '\n';
  dl_iterate_phdr(add_loaded_object, &out);
  return out;
}

std::string build_fingerprint(std::string_view version, const fonts::FontSet& fonts) {
  std::string out = program_fingerprint(version);
  for (const fonts::FontFace face : fonts::all_faces) {
    // Appended piece by piece: GCC 12 at -O2 and above reports a false -Wrestrict on
    // `" " + string + "\n"` here, and the Release build must print no warning.
    out += fonts::font_file_name(face);
    out += ' ';
    out += core::sha256_hex(fonts.font_bytes(face));
    out += '\n';
  }
  return out;
}

}  // namespace octavo::cache
