#include <doctest/doctest.h>

#include "epub/package_document.hpp"
#include "epub_test_book.hpp"

using namespace octavo;

namespace {

const std::vector<epub::PackageItem> items = {
    {"nav", "nav.xhtml", "application/xhtml+xml", "nav", false},
    {"ncx", "toc.ncx", "application/x-dtbncx+xml", "", false},
    {"title-page", "text/title.xhtml", "application/xhtml+xml", "", true},
    {"article-a01-tea", "text/a01-tea.xhtml", "application/xhtml+xml", "", true},
};

}  // namespace

TEST_SUITE("epub.package_document") {
  TEST_CASE("package element: EPUB 3, unique identifier, language") {
    const std::string opf = epub::package_document(test::metadata(), items);
    CHECK(opf.find("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" unique-identifier=\"book-id\" "
                   "xml:lang=\"en-GB\">") != std::string::npos);
  }

  TEST_CASE("metadata: identifier, titles, creators with roles, language, publisher, dates, accessibility") {
    CHECK(test::excerpt(epub::package_document(test::metadata(), items), "<metadata", "</metadata>") ==
          "<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
          "<dc:identifier id=\"book-id\">urn:uuid:12345678-1234-5678-9abc-123456789abc</dc:identifier>\n"
          "<dc:title id=\"title\">Leaves</dc:title>\n"
          "<meta refines=\"#title\" property=\"title-type\">main</meta>\n"
          "<dc:title id=\"subtitle\">A reader</dc:title>\n"
          "<meta refines=\"#subtitle\" property=\"title-type\">subtitle</meta>\n"
          "<dc:creator id=\"creator-1\">Ann Author</dc:creator>\n"
          "<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">aut</meta>\n"
          "<dc:creator id=\"editor\">Ed Itor</dc:creator>\n"
          "<meta refines=\"#editor\" property=\"role\" scheme=\"marc:relators\">edt</meta>\n"
          "<dc:language>en-GB</dc:language>\n"
          "<dc:publisher>Octavo Press</dc:publisher>\n"
          "<dc:date>2024-05-01</dc:date>\n"
          "<meta property=\"dcterms:modified\">2024-05-01T00:00:00Z</meta>\n"
          "<meta property=\"schema:accessMode\">textual</meta>\n"
          "<meta property=\"schema:accessModeSufficient\">textual</meta>\n"
          "<meta property=\"schema:accessibilityFeature\">structuralNavigation</meta>\n"
          "<meta property=\"schema:accessibilityFeature\">tableOfContents</meta>\n"
          "<meta property=\"schema:accessibilityFeature\">readingOrder</meta>\n"
          "<meta property=\"schema:accessibilityHazard\">none</meta>\n"
          "<meta property=\"schema:accessibilitySummary\">" +
              std::string(epub::accessibility_summary) +
              "</meta>\n"
              "<meta name=\"generator\" content=\"Octavo 0.1.0\"/>\n"
              "</metadata>");
  }

  TEST_CASE("empty optional fields are left out; conformance is never claimed") {
    model::Metadata metadata = test::metadata();
    metadata.subtitle.clear();
    metadata.authors = {"", "B"};
    metadata.editor.clear();
    metadata.publisher.clear();
    metadata.date.clear();
    const std::string opf = epub::package_document(metadata, items);
    CHECK(opf.find("subtitle") == std::string::npos);
    CHECK(opf.find("<dc:creator id=\"creator-1\">B</dc:creator>") != std::string::npos);
    CHECK(opf.find("creator-2") == std::string::npos);
    CHECK(opf.find("edt") == std::string::npos);
    CHECK(opf.find("dc:publisher") == std::string::npos);
    CHECK(opf.find("dc:date") == std::string::npos);
    CHECK(opf.find("conformsTo") == std::string::npos);
  }

  TEST_CASE("manifest lists every item; the spine lists the spine items in order, with the NCX as toc") {
    const std::string opf = epub::package_document(test::metadata(), items);
    CHECK(test::excerpt(opf, "<manifest>", "</spine>") ==
          "<manifest>\n"
          "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n"
          "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n"
          "<item id=\"title-page\" href=\"text/title.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "<item id=\"article-a01-tea\" href=\"text/a01-tea.xhtml\" media-type=\"application/xhtml+xml\"/>\n"
          "</manifest>\n"
          "<spine toc=\"ncx\">\n"
          "<itemref idref=\"title-page\"/>\n"
          "<itemref idref=\"article-a01-tea\"/>\n"
          "</spine>");
  }

  TEST_CASE("hostile metadata is escaped; a blank title falls back to Untitled") {
    model::Metadata metadata = test::metadata();
    metadata.title = std::string(1, '\x01');
    metadata.publisher = test::hostile;
    const std::string opf = epub::package_document(metadata, items);
    CHECK(opf.find("<dc:title id=\"title\">Untitled</dc:title>") != std::string::npos);
    CHECK(opf.find("<dc:publisher>&lt;script&gt;x&lt;/script&gt; &amp; ]]&gt;  .</dc:publisher>") != std::string::npos);
  }
}
