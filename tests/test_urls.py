"""join_url gives what urljoin gives, for every kind of base and reference."""

from itertools import product
from urllib.parse import urljoin

from supervision_site.core.urls import join_url

BASES = [
    "http://localhost/",
    "https://tyonohjaus.fi/",
    "https://tyonohjaus.fi/palvelut/ryhmatyonohjaus/",
    "https://user.github.io/site/en/services/",
    "https://tyonohjaus.fi/404.html",
    "https://tyonohjaus.fi",
    "https://tyonohjaus.fi/a/?q=1",
    "https://tyonohjaus.fi/#top/",
    "https://tyonohjaus.fi/a/../",
    "https://tyonohjaus.fi/a;p/",
    "/",
    "/en/",
    "",
]
REFERENCES = [
    "",
    "/",
    "palvelut/",
    "theme/css/site.0123456789.css",
    "/palvelut/ryhmatyonohjaus/",
    "/yhteystiedot/#lomake",
    "#lomake",
    "?palvelu=ryhma",
    "/a?q=1",
    "a#x",
    "/a/./b",
    "/a/../b",
    "a/../b",
    "../a",
    "./a",
    ".",
    "..",
    "a/..",
    ".well-known/x",
    "/.well-known/x",
    "//cdn.example/x",
    "/%C3%A4/",
    "a;b",
    "a\\b",
    "mailto:a@b.fi",
    "tel:112",
    "data:image/svg+xml,%3Csvg%3E",
    "https://tietosuoja.fi/en",
    "http:x",
]


def test_every_reference_resolves_as_urljoin_resolves_it():
    different = [
        (base, reference, join_url(base, reference), urljoin(base, reference))
        for base, reference in product(BASES, REFERENCES)
        if join_url(base, reference) != urljoin(base, reference)
    ]
    assert different == []
