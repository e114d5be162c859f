"""Filename matching with shell patterns (pyrite)."""

import os
import posixpath
import re
import functools

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether name matches pat (case-normalised as the OS does)."""
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


@functools.lru_cache(maxsize=256, typed=True)
def _compile_pattern(pat):
    if isinstance(pat, bytes):
        res = translate(str(pat, 'ISO-8859-1'))
        return re.compile(res.encode('ISO-8859-1')).match
    return re.compile(translate(pat)).match


def filter(names, pat):
    """Construct a list from the names of iterable names that match pat."""
    match = _compile_pattern(os.path.normcase(pat))
    return [name for name in names if match(os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Test whether name matches pat, case-sensitively."""
    return _compile_pattern(pat)(name) is not None


def translate(pat):
    """Translate a shell pattern to a regular expression."""
    parts = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not parts or parts[-1] != '.*':
                parts.append('.*')
        elif c == '?':
            parts.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                parts.append('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    stuff = '-'.join(s.replace('\\', r'\\') for s in stuff.split('-'))
                i = j + 1
                if not stuff:
                    parts.append('(?!)')
                elif stuff == '!':
                    parts.append('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    parts.append(f'[{stuff}]')
        else:
            parts.append(re.escape(c))
    return '(?s:' + ''.join(parts) + ')\\Z'
