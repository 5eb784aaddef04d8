#include "core/runtime_library.hpp"

#include <dlfcn.h>

#include <utility>

namespace octavo::core {

RuntimeLibrary::RuntimeLibrary(std::string soname, std::string& problem)
    : soname_(std::move(soname)), problem_(problem) {
  handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle_ == nullptr) {
    const char* reason = dlerror();  // read in any case: it clears the loader's pending error
    if (problem_.empty()) problem_ = reason != nullptr ? reason : soname_ + " cannot be opened";
  }
}

void* RuntimeLibrary::symbol(const char* name) const {
  if (handle_ == nullptr) return nullptr;
  void* found = dlsym(handle_, name);
  if (found == nullptr && problem_.empty()) problem_ = std::string("no ") + name + " in " + soname_;
  return found;
}

}  // namespace octavo::core
