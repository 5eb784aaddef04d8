#include "layout/destination_table.hpp"

#include <cassert>

namespace octavo::layout {

DestinationNumber DestinationTable::number(const std::string& name) {
  const auto [entry, added] = numbers_.try_emplace(name, names_.size());
  if (added) {
    names_.push_back(&entry->first);
    places_.push_back(0);
  }
  return entry->second;
}

std::optional<DestinationNumber> DestinationTable::find(const std::string& name) const {
  const auto found = numbers_.find(name);
  if (found == numbers_.end()) return std::nullopt;
  return found->second;
}

const std::string& DestinationTable::name(DestinationNumber number) const {
  assert(number < names_.size());
  return *names_[number];
}

void DestinationTable::place(DestinationNumber number, std::size_t body_page) {
  assert(number < places_.size());
  if (places_[number] == 0) places_[number] = 1 + body_page;
}

bool DestinationTable::placed(DestinationNumber number) const {
  return number < places_.size() && places_[number] != 0;
}

std::optional<std::size_t> DestinationTable::body_page(DestinationNumber number) const {
  if (number >= places_.size() || places_[number] <= 1) return std::nullopt;
  return places_[number] - 1;
}

std::optional<std::size_t> DestinationTable::body_page(const std::string& name) const {
  const std::optional<DestinationNumber> number = find(name);
  if (!number) return std::nullopt;
  return body_page(*number);
}

void number_destinations(Page& page, DestinationTable& table) {
  for (Anchor& anchor : page.anchors) anchor.number = table.number(anchor.name);
  for (LinkArea& link : page.links) {
    if (!link.destination.empty()) link.number = table.number(link.destination);
  }
}

void number_destinations(std::vector<OutlineEntry>& entries, DestinationTable& table) {
  for (OutlineEntry& entry : entries) {
    entry.number = table.number(entry.destination);
    number_destinations(entry.children, table);
  }
}

}  // namespace octavo::layout
