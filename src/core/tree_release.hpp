// Destroying a tree without recursion. A node that owns its children in a std::vector is
// destroyed recursively by default, one stack frame per level: a 50,000-deep quote would
// overflow the stack. Trees whose depth comes from input release their children with this.
#pragma once

#include <utility>
#include <vector>

namespace octavo::core {

/// Empties `children` (the member `member` of a node) breadth-first into a work list, so that
/// every node is destroyed after its own children were moved out: no recursion at any depth.
template <typename Node>
void release_children_iteratively(std::vector<Node>& children, std::vector<Node> Node::*member) {
  if (children.empty()) return;
  std::vector<Node> pending = std::move(children);
  children.clear();
  while (!pending.empty()) {
    Node node = std::move(pending.back());
    pending.pop_back();
    std::vector<Node>& grandchildren = node.*member;
    for (Node& child : grandchildren) pending.push_back(std::move(child));
    grandchildren.clear();
  }  // each `node` dies here with no children left
}

}  // namespace octavo::core
