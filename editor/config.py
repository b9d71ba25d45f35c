"""The editor's configuration, built from the build's field table and the settings.

``build_config`` returns what the editor page loads: Decap CMS's own
configuration (``cms``) and what our part of the page needs (``site``).
"""

import os
from pathlib import Path

from .content import pages_by_key, service_folder
from .fields import build_page_fields, build_service_fields
from .owner_facts import build_owner_facts
from .schema import language_name, site_languages, theme_catalog

EDITOR_PATH = "/admin/"
OWNER_SETTINGS = "pelicanconf.py"  # the owner's facts are its first block
CHECK_PATH = EDITOR_PATH + "check"
NEW_SERVICE_PATH = EDITOR_PATH + "new-service"
# Services are listed in their Order first.
ORDERED = [{"field": "order", "label": "Järjestys", "default_sort": True}, "title"]
EDITOR_LANG = "fi"  # the owner's language: labels, help and the catalog of labels


def build_collection(name, label, folder, fields, sortable):
    """Return one folder of pages as an editor collection, in our file format."""
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "extension": "md",
        "format": "pelican",
        "create": False,
        "delete": False,
        "identifier_field": "title",
        "summary": "{{title}}",
        "sortable_fields": sortable,
        "fields": fields,
    }


def build_collections(root, settings):
    """Return the service pages and the other pages of every language."""
    languages = site_languages(settings)
    labels = theme_catalog(settings, EDITOR_LANG)
    content = Path(settings["PATH"])
    collections = []
    for lang in languages:
        name = language_name(lang, EDITOR_LANG)
        services = service_folder(content, lang)
        if services is not None:
            collections.append(
                build_collection(
                    f"{lang}-services",
                    f"Palvelut ({name})",
                    services.relative_to(root).as_posix(),
                    build_service_fields(labels, lang, with_facts=lang == languages[0]),
                    ORDERED if lang == languages[0] else ["title"],
                )
            )
        collections.append(
            build_collection(
                f"{lang}-pages",
                f"Muut sivut ({name})",
                (content / lang).relative_to(root).as_posix(),
                build_page_fields(labels),
                ["title"],
            )
        )
    return collections


def build_local_backend(backend_url):
    """Return the local backend: decap-server writing the files of this project."""
    return {"name": "proxy", "proxy_url": f"{backend_url}/api/v1", "branch": "main"}


def build_config(root, settings, backend, pages, local=True):
    """Return the editor's configuration.

    ``backend`` is Decap's backend entry; ``pages`` maps each content file to
    its address on the site, as the last build wrote it. Only the local editor
    has the build's checks and "new service" (the preview server answers them).
    """
    languages = site_languages(settings)
    content = os.path.relpath(settings["PATH"], root)
    cms = {
        "load_config_file": False,
        "locale": EDITOR_LANG,
        "backend": backend,
        "media_folder": f"{content}/images",
        "public_folder": "/images",
        "publish_mode": "simple",
        "collections": build_collections(root, settings),
    }
    site = {
        "local": local,
        "languages": [
            {
                "lang": lang,
                "name": language_name(lang, EDITOR_LANG),
                "collections": [f"{lang}-services", f"{lang}-pages"],
            }
            for lang in languages
        ],
        "check_url": CHECK_PATH if local else None,
        "new_service_url": NEW_SERVICE_PATH if local else None,
        "pages": pages,
        "translations": pages_by_key(root / settings["PATH"], languages),
        "settings_file": OWNER_SETTINGS,
        "owner_facts": build_owner_facts(root / OWNER_SETTINGS, settings),
    }
    return {"cms": cms, "site": site}
