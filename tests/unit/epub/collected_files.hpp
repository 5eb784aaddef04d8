// The EPUB writer's files collected in archive order, uncompressed, for the tests that read them
// (the writer itself hands each file on as it is made and keeps none).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "epub/epub_writer.hpp"

namespace test {

struct EpubFile {
  std::string path;
  std::string content;
};

inline std::vector<EpubFile> epub_files(const octavo::model::Book& book, const octavo::epub::EpubOptions& options) {
  std::vector<EpubFile> files;
  octavo::epub::epub_files(book, options, [&files](const std::string& path, std::string_view bytes) {
    files.push_back({path, std::string(bytes)});
  });
  return files;
}

}  // namespace test
