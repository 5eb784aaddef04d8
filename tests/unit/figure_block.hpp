// A figure block as import makes one, for the writer and layout tests.
#pragma once

#include <memory>
#include <string>

#include "core/image_info.hpp"
#include "core/sha256.hpp"
#include "model/block.hpp"

namespace test {

/// A figure showing `bytes` (a PNG, JPEG or GIF, or SVG text) as `path`, `width` x `height` pixels.
inline octavo::model::Block figure(const std::string& path, const std::string& bytes, std::string alt, int width,
                                   int height) {
  octavo::model::Image image;
  image.path = path;
  image.alt = std::move(alt);
  if (octavo::core::looks_like_markup(bytes)) {
    image.info.format = octavo::core::ImageFormat::svg;
  } else {
    image.info = *octavo::core::sniff_image(bytes).info;
  }
  image.info.width = width;
  image.info.height = height;
  image.sha256 = octavo::core::sha256_hex(bytes);
  image.bytes = std::make_shared<const std::string>(bytes);
  image.location = {"a.md", 3, 1};
  octavo::model::Block block;
  block.kind = octavo::model::BlockKind::figure;
  block.location = image.location;
  block.images.push_back(std::make_shared<const octavo::model::Image>(std::move(image)));
  return block;
}

}  // namespace test
