// Bytes written on another thread while the caller makes the next ones. The PDF is made to the
// last byte only at the end of a build, on one thread (libharu serializing the document), while
// the other cores have nothing left to do: the copy of each piece into the file (the system call,
// the kernel's copy into its cache) goes there instead.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/background_worker.hpp"

namespace octavo::core {

class WriteBehind {
 public:
  /// Hands what write() gathers to `write`, in order, in chunks of `chunk_size` bytes (the last
  /// may be shorter), on a thread of its own; at most `chunks_in_flight` chunks (at least 1) are
  /// held at once, so the memory stays bounded however much is written. `write` is called on that
  /// thread only, one chunk at a time; it returns false when the bytes could not be written.
  /// Without a thread to give, every chunk is written by the caller. Throws std::bad_alloc, as
  /// write() may, when memory runs out.
  explicit WriteBehind(std::function<bool(std::string_view)> write, std::size_t chunk_size = default_chunk_size,
                       std::size_t chunks_in_flight = default_chunks_in_flight);
  /// Waits for the chunks handed over; what is gathered and not handed over is dropped (call
  /// finish() to have it written).
  ~WriteBehind();
  WriteBehind(const WriteBehind&) = delete;
  WriteBehind& operator=(const WriteBehind&) = delete;

  /// Gathers `piece`; false once any write has failed (nothing more is then written), as far as
  /// the chunks written by now tell: a later failure is told by a later call or by finish().
  bool write(std::string_view piece);
  /// Writes what is gathered and waits until every chunk is written: false if any write failed
  /// (or threw, or could not be queued for want of memory). Throws nothing.
  bool finish();

  static constexpr std::size_t default_chunk_size = std::size_t{1} << 20;
  static constexpr std::size_t default_chunks_in_flight = 4;

 private:
  bool hand_over();           // the gathered chunk to the thread; false once a write failed
  void take_oldest();         // waits for the oldest chunk in flight and notes its outcome
  std::string spare_chunk();  // an empty chunk, in the memory of one written already if any

  std::function<bool(std::string_view)> write_;
  const std::size_t chunk_size_;
  const std::size_t chunks_in_flight_;
  std::string gathered_;
  bool failed_ = false;  // a write failed, as the caller knows
  // A write failed, as the thread knows: the chunks queued after it are not written.
  std::atomic<bool> write_failed_{false};
  bool threaded_ = false;  // false when the system gave no thread: the caller writes
  // Chunks written, their memory kept for the next ones (a fresh chunk is fresh pages to fault in).
  std::vector<std::string> spare_;
  // Returns each chunk back with its outcome. Declared last: destroyed first, it runs the chunks
  // still queued while write_ and the rest are alive.
  BackgroundWorker<std::pair<bool, std::string>> worker_;
};

}  // namespace octavo::core
