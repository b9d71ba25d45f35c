from .plugin import DEFAULTS, PREFIX, register

__all__ = ["DEFAULTS", "PREFIX", "register"]
