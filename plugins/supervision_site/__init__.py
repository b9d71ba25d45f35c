"""The site's Pelican plugins: a small core and one sub-package per job.

See docs/architecture.md for what each job reads and writes, and when.
"""
