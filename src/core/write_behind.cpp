#include "core/write_behind.hpp"

#include <algorithm>
#include <utility>

namespace octavo::core {

WriteBehind::WriteBehind(std::function<bool(std::string_view)> write, std::size_t chunk_size,
                         std::size_t chunks_in_flight)
    : write_(std::move(write)),
      chunk_size_(std::max<std::size_t>(chunk_size, 1)),
      chunks_in_flight_(std::max<std::size_t>(chunks_in_flight, 1)) {
  // Without a thread, every chunk is written here, as it is handed over.
  threaded_ = worker_.start();
  spare_.reserve(chunks_in_flight_ + 1);
}

WriteBehind::~WriteBehind() = default;

std::string WriteBehind::spare_chunk() {
  if (spare_.empty()) return {};
  std::string chunk = std::move(spare_.back());
  spare_.pop_back();
  chunk.clear();
  return chunk;
}

void WriteBehind::take_oldest() {
  try {
    auto [written, chunk] = worker_.take_oldest();
    if (!written) failed_ = true;
    // Within the capacity reserved: keeping it allocates nothing.
    spare_.push_back(std::move(chunk));
  } catch (...) {  // the task catches what `write` throws; anything else counts as a failed write
    failed_ = true;
  }
}

bool WriteBehind::hand_over() {
  if (gathered_.empty() || failed_) return !failed_;
  while (!failed_ && (worker_.oldest_ready() || worker_.in_flight() >= chunks_in_flight_)) take_oldest();
  if (failed_) return false;
  if (threaded_) {
    auto task = [this, chunk = std::move(gathered_)]() mutable {
      bool written = false;
      try {
        written = !write_failed_ && write_(chunk);
      } catch (...) {  // as a write that failed: the chunks after it are not written
      }
      if (!written) write_failed_ = true;
      return std::pair<bool, std::string>(written, std::move(chunk));
    };
    gathered_ = spare_chunk();
    try {
      worker_.submit(std::move(task));
    } catch (...) {  // no memory to queue it: the chunk is lost, as a failed write loses it
      failed_ = true;
    }
    return !failed_;
  }
  failed_ = !write_(gathered_);
  gathered_.clear();
  return !failed_;
}

bool WriteBehind::write(std::string_view piece) {
  if (failed_) return false;
  while (!piece.empty()) {
    if (gathered_.capacity() < chunk_size_) gathered_.reserve(chunk_size_);
    const std::size_t room = chunk_size_ - std::min(gathered_.size(), chunk_size_);
    const std::size_t taken = std::min(room, piece.size());
    gathered_.append(piece.substr(0, taken));
    piece.remove_prefix(taken);
    if (gathered_.size() >= chunk_size_ && !hand_over()) return false;
  }
  return !failed_;
}

bool WriteBehind::finish() {
  hand_over();
  while (worker_.in_flight() > 0) take_oldest();
  return !failed_;
}

}  // namespace octavo::core
