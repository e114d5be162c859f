"""JSON token scanner (pyrite): the scanner is native, in `_json`."""

from _json import make_scanner as c_make_scanner

__all__ = ['make_scanner']

make_scanner = c_make_scanner
