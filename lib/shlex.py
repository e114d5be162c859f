"""Shell-like splitting and quoting (pyrite): split, quote, join."""

__all__ = ["split", "quote", "join"]

_safe_chars = frozenset('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
                        '0123456789@%+=:,./-_')


def quote(s):
    """Return a shell-escaped version of the string s."""
    if not s:
        return "''"
    if all(c in _safe_chars for c in s):
        return s
    return "'" + s.replace("'", "'\"'\"'") + "'"


def join(split_command):
    """Return a shell-escaped string from split_command."""
    return ' '.join(quote(arg) for arg in split_command)


def split(s, comments=False, posix=True):
    """Split the string s using shell-like syntax (POSIX rules)."""
    if s is None:
        raise ValueError('s argument must not be None')
    words = []
    word = []
    in_word = False
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in ' \t\r\n':
            if in_word:
                words.append(''.join(word))
                word = []
                in_word = False
            i += 1
        elif comments and c == '#' and not in_word:
            while i < n and s[i] != '\n':
                i += 1
        elif c == "'":
            in_word = True
            j = s.find("'", i + 1)
            if j < 0:
                raise ValueError('No closing quotation')
            word.append(s[i + 1:j])
            i = j + 1
        elif c == '"':
            in_word = True
            i += 1
            while True:
                if i >= n:
                    raise ValueError('No closing quotation')
                c = s[i]
                if c == '"':
                    i += 1
                    break
                if c == '\\' and i + 1 < n and s[i + 1] in '$`"\\\n':
                    word.append(s[i + 1])
                    i += 2
                else:
                    word.append(c)
                    i += 1
        elif c == '\\':
            in_word = True
            if i + 1 >= n:
                raise ValueError('No escaped character')
            word.append(s[i + 1])
            i += 2
        else:
            in_word = True
            word.append(c)
            i += 1
    if in_word:
        words.append(''.join(word))
    return words
