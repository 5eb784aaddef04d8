#include "output_files.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <system_error>

#include "core/file_system.hpp"

namespace octavo {
namespace {

// A fixed table of C strings that a signal handler may read: it can only call async-signal-safe
// functions (POSIX.1-2017 §2.4.3), so no std::string and no allocation in the handler.
constexpr std::size_t max_temporaries = 8;
constexpr std::size_t max_path = 4096;
std::array<std::array<char, max_path>, max_temporaries> temporary_paths{};
std::array<std::atomic<bool>, max_temporaries> temporary_live{};

int register_temporary(const std::string& path) {
  if (path.size() >= max_path) return -1;
  for (std::size_t i = 0; i < max_temporaries; ++i) {
    if (!temporary_live[i].load()) {
      std::memcpy(temporary_paths[i].data(), path.c_str(), path.size() + 1);
      temporary_live[i].store(true);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void forget_temporary(const std::string& path) {
  for (std::size_t i = 0; i < max_temporaries; ++i) {
    if (temporary_live[i].load() && path == temporary_paths[i].data()) temporary_live[i].store(false);
  }
}

extern "C" void remove_temporaries_and_exit(int signal_number) {
  for (std::size_t i = 0; i < max_temporaries; ++i) {
    if (temporary_live[i].load()) unlink(temporary_paths[i].data());
  }
  _exit(128 + signal_number);
}

}  // namespace

void remove_temporaries_on_signal() {
  struct sigaction action {};
  action.sa_handler = remove_temporaries_and_exit;
  sigemptyset(&action.sa_mask);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaction(signal_number, &action, nullptr);
}

OutputFiles::OutputFiles() = default;

OutputFiles::~OutputFiles() {
  for (const Pending& file : pending_) {
    std::error_code ignored;
    std::filesystem::remove(file.temporary, ignored);
    forget_temporary(file.temporary);
  }
}

std::string OutputFiles::temporary_for(const std::string& target) {
  const std::filesystem::path path(target);
  // The process id keeps two concurrent builds into one folder from writing the same temporary.
  // Named parts: "." + a temporary std::string draws a false -Wrestrict from GCC 12 at -O3.
  const std::string file_name = path.filename().string();
  const std::string pid = std::to_string(getpid());
  const std::string temporary = (path.parent_path() / ("." + file_name + "." + pid + ".octavo-tmp")).string();
  register_temporary(temporary);
  pending_.push_back({temporary, target});
  return temporary;
}

bool OutputFiles::commit(core::DiagnosticSink& sink, std::vector<std::shared_ptr<const void>>* replaced) {
  // A folder in a target's place would make its rename fail after an earlier book had already been
  // replaced; refuse before renaming anything, so the books stay a matching pair.
  for (const Pending& file : pending_) {
    std::error_code ec;
    if (std::filesystem::is_directory(file.target, ec)) {
      sink.error({file.target, 0, 0}, "cannot replace the output file: a folder of that name is in the way");
      return false;
    }
  }
  while (!pending_.empty()) {
    const Pending file = pending_.front();
    if (replaced != nullptr) {
      // Opened before the rename unlinks it: the file lives on, unnamed, while this is held. Only a
      // saving of time: without memory to note it, the book is replaced all the same.
      if (std::shared_ptr<const void> held = core::hold_open(file.target)) {
        try {
          replaced->push_back(std::move(held));
        } catch (const std::bad_alloc&) {
        }
      }
    }
    std::error_code ec;
    std::filesystem::rename(file.temporary, file.target, ec);
    if (ec) {
      sink.error({file.target, 0, 0}, "cannot replace the output file: " + ec.message());
      return false;  // the destructor removes this and the remaining temporaries
    }
    forget_temporary(file.temporary);
    pending_.erase(pending_.begin());
  }
  return true;
}

}  // namespace octavo
