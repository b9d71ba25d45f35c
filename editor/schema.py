"""The build's field table and parsers, as the editor uses them.

The one place the editor imports the services plugin from: point these imports
elsewhere when the plugins move.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from build_problems import Problem, at_field
from services.display import format_text, labels, load_translations
from services.merge import PageFacts, merge_service
from services.parsers import (
    CONTRACT,
    FORMAT_EXAMPLES,
    INTERVAL,
    PROCESS,
    SERVICE_FIELDS,
    SESSION,
    FrontMatterError,
    parse_format,
)
from services.schema import check_page, field_name

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
    "load_translations",
    "merge_service",
    "parse_format",
]
