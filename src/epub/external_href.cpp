#include "epub/external_href.hpp"

#include "core/url.hpp"

namespace octavo::epub {

std::string external_href(std::string_view target) {
  // The same test and encoding as the PDF's link annotations, so a link is in both books or neither.
  return core::is_web_or_mail_url(target) ? core::encode_url(target) : std::string();
}

}  // namespace octavo::epub
