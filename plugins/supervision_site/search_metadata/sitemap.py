"""Write the sitemap of every indexable page, with its language versions."""

from operator import itemgetter
from pathlib import Path

from lxml import etree

from supervision_site.site_links.links import build_page_links

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def build_sitemap_entries(pages, settings, last_modified):
    """Return one entry per page: its URL, last change and language versions."""
    entries = []
    for page in pages:
        links = build_page_links(page, settings)
        entries.append(
            {
                "loc": links["canonical"],
                "lastmod": last_modified[page.source_path],
                "alternates": [*links["alternates"], ("x-default", links["x_default"])],
            }
        )
    return sorted(entries, key=itemgetter("loc"))


def build_sitemap(entries):
    """Return the sitemap document of the entries as an XML tree."""
    urlset = etree.Element(
        f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS}
    )
    for entry in entries:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = entry["loc"]
        etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry["lastmod"]
        for lang, href in entry["alternates"]:
            etree.SubElement(
                url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=lang, href=href
            )
    return etree.ElementTree(urlset)


def write_sitemap(entries, output_path):
    """Write sitemap.xml at the root of the output folder."""
    build_sitemap(entries).write(
        str(Path(output_path, "sitemap.xml")),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
    )
