from .links import register

__all__ = ["register"]
