"""Write ``.br`` and ``.gz`` copies beside every text file of the production site.

Hosts that serve precompressed files send these instead of compressing on each
request. pelican-precompress does the same but always at brotli's best quality
(11), about 20 ms a page, four times what plain Pelican spends building one;
``COMPRESS_BROTLI_QUALITY`` lets the site choose (5: under half a millisecond
a page, about 10 % larger). A copy is written only when it is smaller.
"""

import gzip

import brotli

from .files import files_under


def compressors(settings):
    """Return {suffix: function compressing bytes} for the copies to write."""
    quality = settings["COMPRESS_BROTLI_QUALITY"]
    return {
        ".br": lambda data: brotli.compress(
            data, mode=brotli.MODE_TEXT, quality=quality
        ),
        ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    }


def compress_tree(settings):
    """Write the compressed copies of every text file in the output; return how many."""
    ways = compressors(settings).items()
    written = 0
    for file in files_under(settings["OUTPUT_PATH"], settings["COMPRESS_EXTENSIONS"]):
        data = file.read_bytes()
        for suffix, compress in ways:
            packed, copy = compress(data), file.with_name(file.name + suffix)
            if len(packed) < len(data):
                copy.write_bytes(packed)
                written += 1
            else:  # never leave an older copy of other bytes beside the file
                copy.unlink(missing_ok=True)
    return written
