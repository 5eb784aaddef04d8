// A shared library opened while Octavo runs (dlopen) rather than linked, so that its loading cost
// is paid only by the books that need it, and the functions taken from it.
#pragma once

#include <cstring>
#include <string>

namespace octavo::core {

/// One library, opened at construction and never closed (its functions stay valid for the
/// process). Every failure is kept in `problem`, the first one only, worded for a message:
/// "libfontconfig.so.1: cannot open shared object file: No such file or directory", or
/// "no FcFontMatch in libfontconfig.so.1". Several libraries may share one `problem`.
class RuntimeLibrary {
 public:
  RuntimeLibrary(std::string soname, std::string& problem);
  RuntimeLibrary(const RuntimeLibrary&) = delete;
  RuntimeLibrary& operator=(const RuntimeLibrary&) = delete;

  /// Sets `function` to the library's function `name`; leaves it null, and records the problem,
  /// if the library was not opened or has no such function.
  template <typename Function>
  void bind(Function*& function, const char* name) const {
    void* found = symbol(name);
    // dlsym gives an object pointer; its bytes are the function's address (POSIX dlsym).
    static_assert(sizeof found == sizeof function);
    std::memcpy(&function, &found, sizeof found);
  }

 private:
  void* symbol(const char* name) const;

  std::string soname_;
  std::string& problem_;
  void* handle_ = nullptr;
};

}  // namespace octavo::core
