#include "import/yaml_front_matter.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <exception>
#include <unordered_set>
#include <utility>

#include "core/utf8.hpp"

namespace octavo::import {

namespace {

// How messages name a YAML node that is not what a field wants.
std::string yaml_type_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return "text";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Undefined: break;
  }
  return "nothing";
}

class Reader {
 public:
  Reader(const std::vector<SourceLine>& lines, std::size_t first, const std::string& path, std::size_t max_value_bytes)
      : lines_(lines), fence_(first - 1), path_(path), max_value_bytes_(max_value_bytes) {}

  // yaml-cpp marks are 0-based and count bytes; the text it parsed has one empty line in place
  // of the opening fence, so its line n is lines_[fence_ + n].
  core::SourceLocation location(const YAML::Mark& mark) const {
    const std::size_t index = fence_ + static_cast<std::size_t>(std::max(mark.line, 0));
    if (index >= lines_.size()) return {path_, lines_[fence_].number, 1};
    const SourceLine& line = lines_[index];
    return {path_, line.number, core::column_at(line.text, static_cast<std::size_t>(std::max(mark.column, 0)))};
  }

  // Jekyll and Hugo themes write a person as a mapping (`author: {name: Ada, email: …}`): its
  // `name`, when that is a scalar, stands for it. An invalid node for anything else.
  static YAML::Node name_of(const YAML::Node& value) {
    if (value.IsMap()) {
      for (const auto& pair : value) {
        if (pair.first.IsScalar() && pair.first.Scalar() == "name" && pair.second.IsScalar()) return pair.second;
      }
    }
    return YAML::Node(YAML::NodeType::Undefined);
  }

  // A scalar or a list of scalars (a mapping with a name counts as its name), never deeper:
  // anything else is named, not walked.
  void read_value(const YAML::Node& value, FrontMatterEntry& entry) const {
    entry.found = yaml_type_name(value);
    std::size_t bytes = 0;
    const auto take = [&](const YAML::Node& scalar) {
      bytes += scalar.Scalar().size();
      if (bytes > max_value_bytes_) return false;
      entry.texts.push_back(scalar.Scalar());
      return true;
    };
    if (value.IsNull()) {
      entry.shape = FrontMatterShape::empty;
    } else if (value.IsScalar()) {
      entry.shape = take(value) ? FrontMatterShape::text : FrontMatterShape::other;
    } else if (value.IsSequence()) {
      entry.shape = FrontMatterShape::list;
      for (const YAML::Node& item : value) {
        if (item.IsNull()) continue;
        const YAML::Node scalar = item.IsScalar() ? item : name_of(item);
        if (!scalar) {
          entry.shape = FrontMatterShape::other;
          entry.found = "a list holding " + yaml_type_name(item);
          break;
        }
        if (!take(scalar)) {
          entry.shape = FrontMatterShape::other;
          break;
        }
      }
    } else if (const YAML::Node name = name_of(value)) {
      entry.shape = take(name) ? FrontMatterShape::text : FrontMatterShape::other;
    } else {
      entry.shape = FrontMatterShape::other;
    }
    if (bytes > max_value_bytes_) {
      entry.texts.clear();
      entry.found = "a value longer than " + std::to_string(max_value_bytes_) + " bytes";
    }
  }

 private:
  const std::vector<SourceLine>& lines_;
  std::size_t fence_;  // index of the opening fence line
  const std::string& path_;
  std::size_t max_value_bytes_;
};

}  // namespace

std::optional<YamlFrontMatter> read_yaml_front_matter(const std::vector<SourceLine>& lines, std::size_t first,
                                                      std::size_t end, const std::string& path,
                                                      const std::function<bool(std::string_view)>& wanted,
                                                      std::size_t max_value_bytes, core::DiagnosticSink& sink) {
  std::string text;
  for (std::size_t i = first; i < end; ++i) text += '\n' + lines[i].text;
  text += '\n';
  const Reader reader(lines, first, path, max_value_bytes);
  // yaml-cpp reports everything by throwing, from parsing and from reading nodes alike: the
  // whole reading stays inside this block, and only diagnostics leave it.
  try {
    const YAML::Node root = YAML::Load(text);
    YamlFrontMatter front;
    if (root.IsNull()) return front;
    if (!root.IsMap()) {
      front.is_mapping = false;
      front.found = yaml_type_name(root);
      return front;
    }
    std::unordered_set<std::string> read_keys;
    for (const auto& pair : root) {
      const YAML::Node& key = pair.first;
      if (!key.IsScalar()) {
        sink.warning(reader.location(key.Mark()), "expected a text key in the front matter, found " +
                                                      yaml_type_name(key) + "; the entry is ignored");
        continue;
      }
      FrontMatterEntry entry;
      entry.key = key.Scalar();
      entry.key_at = reader.location(key.Mark());
      entry.value_at = reader.location(pair.second.Mark());
      // An alias's mark is its anchor's, somewhere before: the key says better where it is.
      if (std::make_pair(pair.second.Mark().line, pair.second.Mark().column) <
          std::make_pair(key.Mark().line, key.Mark().column)) {
        entry.value_at = entry.key_at;
      }
      if (wanted(entry.key) && read_keys.insert(entry.key).second) reader.read_value(pair.second, entry);
      front.entries.push_back(std::move(entry));
    }
    return front;
  } catch (const YAML::DeepRecursion& error) {
    sink.error(reader.location(error.mark), "expected front matter nested less than " + std::to_string(error.depth()) +
                                                " levels deep, found deeper");
  } catch (const YAML::Exception& error) {
    sink.error(reader.location(error.mark), "yaml syntax error: " + error.msg);
  } catch (const std::exception& error) {
    sink.error({path, lines[first - 1].number, 1}, std::string("cannot read the front matter: ") + error.what());
  }
  return std::nullopt;
}

}  // namespace octavo::import
