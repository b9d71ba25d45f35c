"""The build's field table and parsers, as the editor uses them.

The one place the editor imports the build's plugins from.
"""

from supervision_site.core.front_matter import read_front_matter
from supervision_site.core.languages import catalog as theme_catalog
from supervision_site.core.languages import language_name, site_languages
from supervision_site.core.problems import Problem, at_field
from supervision_site.core.setting_lines import read_setting_lines
from supervision_site.service_facts.display import format_text, labels
from supervision_site.service_facts.merge import PageFacts, merge_service
from supervision_site.service_facts.parsers import (
    CONTRACT,
    FORMAT_EXAMPLES,
    INTERVAL,
    PROCESS,
    SERVICE_FIELDS,
    SESSION,
    FrontMatterError,
    parse_format,
)
from supervision_site.service_facts.schema import check_page, field_name

# The length-of-time fields and what each accepts (its examples among them).
DURATION_SPECS = {
    "session": SESSION,
    "interval": INTERVAL,
    "contract": CONTRACT,
    "process": PROCESS,
}

__all__ = [
    "DURATION_SPECS",
    "FORMAT_EXAMPLES",
    "SERVICE_FIELDS",
    "FrontMatterError",
    "PageFacts",
    "Problem",
    "at_field",
    "check_page",
    "field_name",
    "format_text",
    "labels",
    "language_name",
    "merge_service",
    "parse_format",
    "read_front_matter",
    "read_setting_lines",
    "site_languages",
    "theme_catalog",
]
