#include <doctest/doctest.h>
#include <pthread.h>

#include "model/block.hpp"
#include "model/inline.hpp"

using namespace octavo;

namespace {

// Runs `body` on a thread with a small stack, so that recursion as deep as the tree would
// overflow it for certain (an 8 MB main stack can hide it).
constexpr std::size_t small_stack = 256 * 1024;

void* build_and_destroy_deep_quote(void*) {
  model::Block root = model::paragraph_block({model::text_inline("core")});
  for (int i = 0; i < 50000; ++i) {
    model::Block quote;
    quote.kind = model::BlockKind::block_quote;
    quote.children.push_back(std::move(root));
    root = std::move(quote);
  }
  return nullptr;  // `root` is destroyed here, 50,000 levels deep
}

bool run_on_small_stack(void* (*body)(void*)) {
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, small_stack);
  pthread_t thread;
  const bool started = pthread_create(&thread, &attributes, body, nullptr) == 0;
  pthread_attr_destroy(&attributes);
  return started && pthread_join(thread, nullptr) == 0;
}

}  // namespace

TEST_SUITE("model.tree_release") {
  TEST_CASE("a 50,000-deep block tree is destroyed on a 256 KB stack: no recursion") {
    CHECK(run_on_small_stack(build_and_destroy_deep_quote));
  }

  TEST_CASE("copies and moves keep the whole tree") {
    model::Block quote;
    quote.kind = model::BlockKind::block_quote;
    quote.children.push_back(model::paragraph_block({model::text_inline("kept")}));
    const model::Block copy = quote;
    const model::Block moved = std::move(quote);
    REQUIRE(copy.children.size() == 1);
    CHECK(model::plain_text(copy.children[0].inlines) == "kept");
    CHECK(model::plain_text(moved.children[0].inlines) == "kept");
  }
}
