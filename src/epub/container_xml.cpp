#include "epub/container_xml.hpp"

#include "epub/xml_document.hpp"

namespace octavo::epub {

std::string container_xml(const std::string& package_path) {
  XmlNode rootfile =
      xml_element("rootfile", {{"full-path", package_path}, {"media-type", "application/oebps-package+xml"}});
  return xml_document(xml_block("container",
                                {{"version", "1.0"}, {"xmlns", "urn:oasis:names:tc:opendocument:xmlns:container"}},
                                {xml_block("rootfiles", {}, xml_children(std::move(rootfile)))}));
}

}  // namespace octavo::epub
