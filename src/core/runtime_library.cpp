#include "core/runtime_library.hpp"

#include <dlfcn.h>

namespace octavo::core {

RuntimeLibrary::RuntimeLibrary(const char* soname, std::string& problem) : soname_(soname), problem_(problem) {
  handle_ = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr && problem_.empty()) {
    const char* reason = dlerror();
    problem_ = reason != nullptr ? reason : std::string(soname) + " cannot be opened";
  }
}

void* RuntimeLibrary::symbol(const char* name) const {
  if (handle_ == nullptr) return nullptr;
  void* found = dlsym(handle_, name);
  if (found == nullptr && problem_.empty()) problem_ = std::string("no ") + name + " in " + soname_;
  return found;
}

}  // namespace octavo::core
