"""The typed facts of a service: immutable records built from its front matter."""

from dataclasses import dataclass

FORMATS = ("individual", "group")
ISO8601_DESIGNATORS = {"minute": "PT{}M", "week": "P{}W", "month": "P{}M"}
DAYS_PER_WEEK = 7


def iso_number(value):
    """Return a number as ISO-8601 writes it: ``90``, ``1.5``."""
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Range:
    """A length of time from ``low`` to ``high`` (alternatives when ``either``)."""

    low: float
    high: float
    unit: str  # "minute", "week" or "month"
    either: bool = False

    @property
    def iso8601(self):
        """Return the ISO-8601 duration of the lower bound: ``PT90M``, ``P4W``."""
        return ISO8601_DESIGNATORS[self.unit].format(iso_number(self.low))

    @property
    def iso8601_high(self):
        """Return the ISO-8601 duration of the upper bound."""
        return ISO8601_DESIGNATORS[self.unit].format(iso_number(self.high))

    @property
    def html_duration(self):
        """Return the lower bound as an HTML ``<time datetime>``, or None.

        HTML accepts only fixed durations (days, hours, minutes), so weeks
        become days and months, whose length varies, have none.
        """
        if self.unit == "minute":
            return self.iso8601
        if self.unit == "week":
            return f"P{iso_number(self.low * DAYS_PER_WEEK)}D"
        return None


@dataclass(frozen=True)
class ServiceRecord:
    """The facts of one service, shared by all its language versions."""

    key: str
    order: int
    formats: tuple[str, ...]
    session: Range | None = None
    interval: Range | None = None
    contract: Range | None = None
    process: Range | None = None
