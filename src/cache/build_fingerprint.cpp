#include "cache/build_fingerprint.hpp"

#include <link.h>
#include <sys/stat.h>

#include <cassert>

#include "core/file_identity.hpp"
#include "fonts/font_face.hpp"

namespace octavo::cache {
namespace {

// A file by its path and identity (core::file_identity): a binary or library of tens of megabytes
// would cost more to hash than a warm build saves.
std::string file_stamp(const char* path) {
  struct stat info {};
  if (::stat(path, &info) != 0) return std::string(path) + " ?\n";
  return std::string(path) + " " + core::file_identity(info) + "\n";
}

int count_object(dl_phdr_info*, std::size_t, void* count) {
  ++*static_cast<std::size_t*>(count);
  return 0;
}

// How many objects the dynamic linker had loaded when this program's static objects were made:
// every library it links, and none it opens later (core::RuntimeLibrary). dl_iterate_phdr lists
// objects in load order, so those are the list's first ones, whatever was opened since.
std::size_t count_linked_objects() {
  std::size_t count = 0;
  dl_iterate_phdr(count_object, &count);
  return count;
}
const std::size_t linked_objects = count_linked_objects();

struct Stamps {
  std::string& out;
  std::size_t left;
};

// The objects linked at start, in load order: the executable first (its name is empty there, so
// /proc/self/exe stands for it), then the libraries.
int add_linked_object(dl_phdr_info* object, std::size_t, void* stamps) {
  Stamps& to = *static_cast<Stamps*>(stamps);
  if (to.left == 0) return 1;  // stops the walk
  --to.left;
  const char* name = object->dlpi_name;
  to.out += file_stamp(name != nullptr && *name != '\0' ? name : "/proc/self/exe");
  return 0;
}

}  // namespace

std::string program_fingerprint(std::string_view version) {
  // Zero only if asked before this file's static objects were made (from another's).
  assert(linked_objects > 0);
  std::string out = "octavo ";
  out += version;
  out += '\n';
  Stamps stamps{out, linked_objects};
  dl_iterate_phdr(add_linked_object, &stamps);
  return out;
}

std::string build_fingerprint(std::string_view version, const fonts::FontSet& fonts) {
  std::string out = program_fingerprint(version);
  for (const fonts::FontFace face : fonts::all_faces) {
    // Appended piece by piece: GCC 12 at -O2 and above reports a false -Wrestrict on
    // `" " + string + "\n"` here, and the Release build must print no warning.
    out += fonts::font_file_name(face);
    out += ' ';
    out += fonts.font_path(face);
    out += ' ';
    out += fonts.font_identity(face);
    out += '\n';
  }
  return out;
}

}  // namespace octavo::cache
