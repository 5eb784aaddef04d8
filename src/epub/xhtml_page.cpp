#include "epub/xhtml_page.hpp"

#include "epub/visible_label.hpp"

namespace octavo::epub {

std::string xhtml_page(const std::string& title, const std::string& language, const std::string& stylesheet_href,
                       std::vector<XmlNode> body_content) {
  // HTML requires lang and xml:lang to agree when both are present; readers use either.
  XmlNode html = xml_block("html", {{"xmlns", "http://www.w3.org/1999/xhtml"},
                                    {"xmlns:epub", "http://www.idpf.org/2007/ops"},
                                    {"lang", language},
                                    {"xml:lang", language}});
  html.append(
      xml_block("head", {},
                {xml_element("meta", {{"charset", "utf-8"}}),
                 xml_element("title", {}, xml_children(xml_text(visible_label(title, "Untitled")))),
                 xml_element("link", {{"rel", "stylesheet"}, {"type", "text/css"}, {"href", stylesheet_href}})}));
  html.append(xml_block("body", {}, std::move(body_content)));
  return xml_document(html, "html");
}

}  // namespace octavo::epub
