// META-INF/container.xml (EPUB 3.3 §4.2.6.3.1): tells a reading system where the package
// document is. The first file a reading system reads after the mimetype.
#pragma once

#include <string>

namespace octavo::epub {

/// container.xml naming one rootfile, `package_path` (relative to the container root).
std::string container_xml(const std::string& package_path);

}  // namespace octavo::epub
