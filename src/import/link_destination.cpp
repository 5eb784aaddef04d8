#include "import/link_destination.hpp"

#include <optional>

#include "core/file_system.hpp"
#include "core/url.hpp"

namespace octavo::import {
namespace {

constexpr const char* text_stays = "; the link text is kept without the link";

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

}  // namespace

LinkDestination read_link_destination(std::string_view destination, const std::string& article_path) {
  const std::string written(destination);
  if ((destination.size() > 1 && destination.front() == '#') || core::is_web_or_mail_url(destination)) {
    return {written, ""};
  }
  if (destination.empty() || destination == "#" || core::has_scheme_or_host(destination)) {
    return {"", "expected an http, https, mailto, #anchor or relative link, found '" + written + "'" + text_stays};
  }
  const std::size_t hash = destination.find('#');
  const std::string_view fragment = hash == std::string_view::npos ? std::string_view() : destination.substr(hash);
  std::string_view path = destination.substr(0, hash);
  path = path.substr(0, path.find('?'));
  if (path.empty()) {  // "?x#y": this very article
    return fragment.size() > 1 ? LinkDestination{std::string(fragment), ""}
                               : LinkDestination{"", "link to '" + written + "' leads nowhere" + text_stays};
  }
  // A site's absolute path ("/docs/ch2.md") is read from the corpus root, which is where such a
  // site's files were written from.
  const std::string decoded = core::percent_decode(path);
  const std::string joined = decoded.front() == '/' ? decoded.substr(1) : folder_of(article_path) + decoded;
  const std::optional<std::string> inside = core::lexically_inside(joined);
  if (!inside || decoded.find('\0') != std::string::npos) {
    return {"", "link to '" + written + "' leads out of the corpus" + text_stays};
  }
  return {*inside + std::string(fragment), ""};
}

}  // namespace octavo::import
