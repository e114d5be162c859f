"""Regular expressions: a backtracking matcher for the common syntax of
CPython's re module (pyrite; str patterns, bytes via latin-1)."""

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern",
           "Match", "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE",
           "LOCALE", "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG",
           "RegexFlag"]


class RegexFlag(int):
    """Flag bits; repr like re.IGNORECASE|re.MULTILINE."""
    _names = {}

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __repr__(self):
        value = int(self)
        names = []
        for bit, name in sorted(RegexFlag._names.items()):
            if value & bit:
                names.append('re.' + name)
                value &= ~bit
        if value or not names:
            names.append(hex(value) if names else '0')
        return '|'.join(names) if int(self) else 're.NOFLAG'

    __str__ = __repr__


NOFLAG = RegexFlag(0)
A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
T = TEMPLATE = RegexFlag(1)
RegexFlag._names = {2: 'IGNORECASE', 4: 'LOCALE', 8: 'MULTILINE', 16: 'DOTALL',
                    32: 'UNICODE', 64: 'VERBOSE', 256: 'ASCII', 1: 'TEMPLATE'}
_FLAG_LETTERS = {'a': 256, 'i': 2, 'L': 4, 'm': 8, 's': 16, 'u': 32, 'x': 64}


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str) and '\n' in pattern:
                self.lineno = pattern.count('\n', 0, pos) + 1
                self.colno = pos - pattern.rfind('\n', 0, pos)
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        super().__init__(msg)


################################################################################
# Parser: pattern string -> node tuples
################################################################################

_CLASS_ESCAPES = 'dDwWsS'
_SIMPLE_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v',
                   'a': '\a', '\\': '\\'}
_SPECIAL = '.^$*+?{}[]\\|()'


class _Parser:
    def __init__(self, pattern, flags):
        self.p = pattern
        self.i = 0
        self.flags = flags
        self.ngroups = 0
        self.names = {}
        self.open_groups = []

    def error(self, msg, pos=None):
        return error(msg, self.p, self.i if pos is None else pos)

    def peek(self):
        return self.p[self.i] if self.i < len(self.p) else None

    def parse(self):
        node = self.parse_alt()
        if self.i < len(self.p):
            if self.p[self.i] == ')':
                raise self.error('unbalanced parenthesis')
            raise self.error('unexpected end of pattern')
        return node

    def skip_verbose(self):
        if not self.flags & 64:
            return
        p = self.p
        while self.i < len(p):
            c = p[self.i]
            if c in ' \t\n\r\f\v':
                self.i += 1
            elif c == '#':
                while self.i < len(p) and p[self.i] != '\n':
                    self.i += 1
            else:
                break

    def parse_alt(self):
        branches = [self.parse_seq()]
        while self.peek() == '|':
            self.i += 1
            branches.append(self.parse_seq())
        return branches[0] if len(branches) == 1 else ('alt', branches)

    def parse_seq(self):
        items = []
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None or c in '|)':
                break
            start = self.i
            atom = self.parse_atom()
            if atom is None:
                continue
            atom = self.parse_quant(atom, start)
            items.append(atom)
        return ('seq', items)

    def parse_quant(self, atom, start):
        while True:
            self.skip_verbose()
            c = self.peek()
            if c is None:
                return atom
            qpos = self.i
            if c == '*':
                lo, hi = 0, None
                self.i += 1
            elif c == '+':
                lo, hi = 1, None
                self.i += 1
            elif c == '?':
                lo, hi = 0, 1
                self.i += 1
            elif c == '{':
                r = self.parse_brace()
                if r is None:
                    return atom
                lo, hi = r
            else:
                return atom
            if atom[0] in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb'):
                raise self.error('nothing to repeat', qpos)
            if atom[0] == 'rep':
                raise self.error('multiple repeat', qpos)
            greedy = True
            possessive = False
            if self.peek() == '?':
                self.i += 1
                greedy = False
            elif self.peek() == '+':
                self.i += 1
                possessive = True
            atom = ('rep', atom, lo, hi, greedy)
            if possessive:
                atom = ('atomic', atom)

    def parse_brace(self):
        p = self.p
        j = p.find('}', self.i)
        if j < 0:
            return None
        body = p[self.i + 1:j]
        if ',' in body:
            a, b = body.split(',', 1)
        else:
            a = b = body
        if not (a.isdigit() or a == '') or not (b.isdigit() or b == ''):
            return None
        if not body or body == ',':
            return None
        lo = int(a) if a else 0
        hi = int(b) if b else None
        if hi is not None and hi < lo:
            raise self.error('min repeat greater than max repeat', self.i + 1)
        self.i = j + 1
        return lo, hi

    def parse_atom(self):
        p = self.p
        c = p[self.i]
        if c == '(':
            return self.parse_group()
        if c == '[':
            return self.parse_set()
        if c == '.':
            self.i += 1
            return ('any',)
        if c == '^':
            self.i += 1
            return ('bol',)
        if c == '$':
            self.i += 1
            return ('eol',)
        if c == '\\':
            return self.parse_escape()
        if c in '*+?':
            raise self.error('nothing to repeat')
        if c == '{' and self.parse_brace_peek():
            raise self.error('nothing to repeat')
        self.i += 1
        return ('lit', c)

    def parse_brace_peek(self):
        save = self.i
        try:
            return self.parse_brace() is not None
        finally:
            self.i = save

    def parse_group(self):
        p = self.p
        start = self.i
        self.i += 1
        capture = True
        name = None
        if p.startswith('?', self.i):
            self.i += 1
            c = self.peek()
            if c == ':':
                self.i += 1
                capture = False
            elif c == 'P' and p.startswith('P<', self.i):
                j = p.find('>', self.i)
                if j < 0:
                    raise self.error('missing >, unterminated name', self.i + 2)
                name = p[self.i + 2:j]
                if not name.isidentifier():
                    raise self.error('bad character in group name %r' % name, self.i + 2)
                if name in self.names:
                    raise self.error('redefinition of group name %r as group %d; was group %d'
                                     % (name, self.ngroups + 1, self.names[name]), self.i + 2)
                self.i = j + 1
            elif c == 'P' and p.startswith('P=', self.i):
                j = p.find(')', self.i)
                if j < 0:
                    raise self.error('missing ), unterminated name', self.i + 2)
                name = p[self.i + 2:j]
                if name not in self.names:
                    raise self.error('unknown group name %r' % name, self.i + 2)
                self.i = j + 1
                return ('backref', self.names[name])
            elif c in ('=', '!'):
                self.i += 1
                body = self.parse_alt()
                self.expect_close(start)
                return ('look', True, c == '!', body, 0)
            elif c == '<' and p[self.i + 1:self.i + 2] in ('=', '!'):
                neg = p[self.i + 1] == '!'
                self.i += 2
                body = self.parse_alt()
                self.expect_close(start)
                width = _fixed_width(body)
                if width is None:
                    raise self.error('look-behind requires fixed-width pattern', start)
                return ('look', False, neg, body, width)
            elif c == '#':
                j = p.find(')', self.i)
                if j < 0:
                    raise self.error('missing ), unterminated comment', start)
                self.i = j + 1
                return None
            elif c == '>':
                self.i += 1
                body = self.parse_alt()
                self.expect_close(start)
                return ('atomic', body)
            elif c is not None and (c in _FLAG_LETTERS or c == '-'):
                return self.parse_flags(start)
            else:
                raise self.error('unknown extension ?' + (c or ''), start + 1)
        if capture:
            self.ngroups += 1
            idx = self.ngroups
            if name is not None:
                self.names[name] = idx
            self.open_groups.append(idx)
            body = self.parse_alt()
            self.expect_close(start)
            self.open_groups.pop()
            return ('group', idx, body)
        body = self.parse_alt()
        self.expect_close(start)
        return ('group', None, body)

    def parse_flags(self, start):
        p = self.p
        on = 0
        off = 0
        neg = False
        while self.i < len(p) and p[self.i] not in ':)':
            c = p[self.i]
            if c == '-':
                neg = True
            elif c in _FLAG_LETTERS:
                if neg:
                    off |= _FLAG_LETTERS[c]
                else:
                    on |= _FLAG_LETTERS[c]
            else:
                raise self.error('unknown flag', self.i)
            self.i += 1
        if self.i >= len(p):
            raise self.error('missing -, : or )', self.i)
        if p[self.i] == ')':
            self.i += 1
            if start != 0:
                raise self.error('global flags not at the start of the expression', start)
            self.flags |= on
            return None
        self.i += 1
        saved = self.flags
        self.flags = (self.flags | on) & ~off
        body = self.parse_alt()
        flags = self.flags
        self.flags = saved
        self.expect_close(start)
        return ('flags', flags, body)

    def expect_close(self, start):
        if self.peek() != ')':
            raise self.error('missing ), unterminated subpattern', start)
        self.i += 1

    def parse_escape(self):
        p = self.p
        start = self.i
        self.i += 1
        if self.i >= len(p):
            raise self.error('bad escape (end of pattern)', start)
        c = p[self.i]
        self.i += 1
        if c in _CLASS_ESCAPES:
            return ('set', False, [c], self.flags)
        if c == 'b':
            return ('wordb',)
        if c == 'B':
            return ('nwordb',)
        if c == 'A':
            return ('begin',)
        if c == 'Z':
            return ('end',)
        if c.isdigit():
            if c == '0':
                return ('lit', self.parse_octal(c))
            j = self.i
            while j < len(p) and p[j].isdigit() and j - start < 3:
                j += 1
            num = int(p[start + 1:j])
            self.i = j
            if num > self.ngroups or num in self.open_groups:
                if num in self.open_groups:
                    raise self.error('cannot refer to an open group', start)
                raise self.error('invalid group reference %d' % num, start + 1)
            return ('backref', num)
        return ('lit', self.simple_escape(c, start))

    def parse_octal(self, first):
        p = self.p
        digits = first
        while len(digits) < 3 and self.i < len(p) and p[self.i] in '01234567':
            digits += p[self.i]
            self.i += 1
        return chr(int(digits, 8))

    def simple_escape(self, c, start):
        p = self.p
        if c in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[c]
        if c in ('x', 'u', 'U'):
            n = {'x': 2, 'u': 4, 'U': 8}[c]
            digits = p[self.i:self.i + n]
            if len(digits) != n or any(d not in '0123456789abcdefABCDEF' for d in digits):
                raise self.error('incomplete escape \\%s%s' % (c, digits), start)
            self.i += n
            return chr(int(digits, 16))
        if c == 'N' and p.startswith('{', self.i):
            raise self.error('bad escape \\N', start)
        if c.isalnum():
            raise self.error('bad escape \\%s' % c, start)
        return c

    def parse_set(self):
        p = self.p
        start = self.i
        self.i += 1
        negate = False
        if self.peek() == '^':
            negate = True
            self.i += 1
        items = []
        first = True
        while True:
            if self.i >= len(p):
                raise self.error('unterminated character set', start)
            c = p[self.i]
            if c == ']' and not first:
                self.i += 1
                break
            first = False
            if c == '\\':
                esc_start = self.i
                self.i += 1
                if self.i >= len(p):
                    raise self.error('unterminated character set', start)
                e = p[self.i]
                self.i += 1
                if e in _CLASS_ESCAPES:
                    items.append(e)
                    continue
                if e == 'b':
                    lo = '\b'
                elif e.isdigit():
                    if e in '01234567':
                        lo = self.parse_octal(e)
                    else:
                        raise self.error('bad escape \\%s' % e, esc_start)
                else:
                    lo = self.simple_escape(e, esc_start)
            else:
                lo = c
                self.i += 1
            if p.startswith('-', self.i) and self.i + 1 < len(p) and p[self.i + 1] != ']':
                range_start = self.i - 1
                self.i += 1
                hc = p[self.i]
                if hc == '\\':
                    esc_start = self.i
                    self.i += 2
                    e = p[self.i - 1]
                    if e in _CLASS_ESCAPES:
                        raise self.error('bad character range %s-\\%s' % (lo, e), range_start)
                    hi = self.simple_escape(e, esc_start)
                else:
                    hi = hc
                    self.i += 1
                if ord(hi) < ord(lo):
                    raise self.error('bad character range %s-%s' % (lo, hi), range_start)
                items.append((lo, hi))
            else:
                items.append((lo, lo))
        return ('set', negate, items, self.flags)


def _fixed_width(node):
    kind = node[0]
    if kind in ('lit', 'any', 'set'):
        return 1
    if kind == 'seq':
        total = 0
        for n in node[1]:
            w = _fixed_width(n)
            if w is None:
                return None
            total += w
        return total
    if kind == 'alt':
        widths = {_fixed_width(n) for n in node[1]}
        return widths.pop() if len(widths) == 1 else None
    if kind in ('group', 'flags'):
        return _fixed_width(node[2])
    if kind == 'rep':
        w = _fixed_width(node[1])
        if w is not None and node[2] == node[3]:
            return w * node[2]
        return None
    if kind in ('bol', 'eol', 'begin', 'end', 'wordb', 'nwordb', 'look'):
        return 0
    return None


################################################################################
# Compiler: node tuples -> matcher closures m(ctx, i, k)
################################################################################

class _Ctx:
    __slots__ = ('s', 'end', 'groups', 'start')

    def __init__(self, s, end, ngroups, start):
        self.s = s
        self.end = end
        self.groups = [None] * (ngroups + 1)
        self.start = start


def _is_word(ch, ascii_only):
    if ascii_only:
        return ch.isascii() and (ch.isalnum() or ch == '_')
    return ch.isalnum() or ch == '_'


def _class_test(code, ascii_only):
    if code == 'd':
        if ascii_only:
            return lambda ch: '0' <= ch <= '9'
        return str.isdecimal
    if code == 'w':
        return lambda ch: _is_word(ch, ascii_only)
    if code == 's':
        if ascii_only:
            return lambda ch: ch in ' \t\n\r\f\v'
        return str.isspace
    inner = _class_test(code.lower(), ascii_only)
    return lambda ch: not inner(ch)


def _char_pred(node, flags):
    """A predicate ch -> bool for single-character nodes, else None."""
    kind = node[0]
    if kind == 'lit':
        c = node[1]
        if flags & 2 and c.lower() != c.upper():
            low = c.lower()
            return lambda ch: ch.lower() == low
        return c.__eq__
    if kind == 'any':
        if flags & 16:
            return lambda ch: True
        return lambda ch: ch != '\n'
    if kind == 'set':
        negate, items, set_flags = node[1], node[2], node[3]
        ascii_only = bool(set_flags & 256)
        icase = bool(set_flags & 2)
        chars = set()
        ranges = []
        tests = []
        for item in items:
            if isinstance(item, str):
                tests.append(_class_test(item, ascii_only))
            elif item[0] == item[1]:
                chars.add(item[0])
                if icase:
                    chars.add(item[0].lower())
                    chars.add(item[0].upper())
            else:
                ranges.append((item[0], item[1]))

        def member(ch):
            if ch in chars:
                return True
            for lo, hi in ranges:
                if lo <= ch <= hi:
                    return True
                if icase and (lo <= ch.lower() <= hi or lo <= ch.upper() <= hi):
                    return True
            for t in tests:
                if t(ch):
                    return True
            return False
        if negate:
            return lambda ch: not member(ch)
        return member
    return None


def _compile(node, flags):
    kind = node[0]
    pred = _char_pred(node, flags)
    if pred is not None:
        def m_char(ctx, i, k):
            if i < ctx.end and pred(ctx.s[i]):
                return k(ctx, i + 1)
            return None
        return m_char
    if kind == 'seq':
        items = _merge_literals(node[1], flags)
        if not items:
            return lambda ctx, i, k: k(ctx, i)
        ms = [_compile(n, flags) for n in items]
        m = ms[-1]
        for prev in reversed(ms[:-1]):
            m = _seq2(prev, m)
        return m
    if kind == 'str':
        text = node[1]
        n = len(text)

        def m_str(ctx, i, k):
            if ctx.s.startswith(text, i) and i + n <= ctx.end:
                return k(ctx, i + n)
            return None
        return m_str
    if kind == 'alt':
        ms = [_compile(n, flags) for n in node[1]]

        def m_alt(ctx, i, k):
            for m in ms:
                r = m(ctx, i, k)
                if r is not None:
                    return r
            return None
        return m_alt
    if kind == 'group':
        idx = node[1]
        body = _compile(node[2], flags)
        if idx is None:
            return body

        def m_group(ctx, i, k):
            def close(c, j):
                saved = c.groups[idx]
                c.groups[idx] = (i, j)
                r = k(c, j)
                if r is None:
                    c.groups[idx] = saved
                return r
            return body(ctx, i, close)
        return m_group
    if kind == 'flags':
        return _compile(node[2], node[1])
    if kind == 'rep':
        return _compile_rep(node, flags)
    if kind == 'atomic':
        body = _compile(node[1], flags)

        def m_atomic(ctx, i, k):
            j = body(ctx, i, lambda c, j: j)
            if j is None:
                return None
            return k(ctx, j)
        return m_atomic
    if kind == 'bol':
        if flags & 8:
            return lambda ctx, i, k: k(ctx, i) if i == 0 or ctx.s[i - 1] == '\n' else None
        return lambda ctx, i, k: k(ctx, i) if i == 0 else None
    if kind == 'eol':
        if flags & 8:
            return lambda ctx, i, k: (k(ctx, i) if i == ctx.end or ctx.s[i] == '\n'
                                      else None)
        return lambda ctx, i, k: (k(ctx, i) if i == ctx.end or
                                  (i == ctx.end - 1 and ctx.s[i] == '\n') else None)
    if kind == 'begin':
        return lambda ctx, i, k: k(ctx, i) if i == 0 else None
    if kind == 'end':
        return lambda ctx, i, k: k(ctx, i) if i == ctx.end else None
    if kind in ('wordb', 'nwordb'):
        ascii_only = bool(flags & 256)
        want = kind == 'wordb'

        def m_boundary(ctx, i, k):
            before = i > 0 and _is_word(ctx.s[i - 1], ascii_only)
            after = i < ctx.end and _is_word(ctx.s[i], ascii_only)
            if (before != after) == want:
                return k(ctx, i)
            return None
        return m_boundary
    if kind == 'backref':
        idx = node[1]
        icase = bool(flags & 2)

        def m_backref(ctx, i, k):
            g = ctx.groups[idx]
            if g is None:
                return None
            text = ctx.s[g[0]:g[1]]
            seg = ctx.s[i:i + len(text)]
            if i + len(text) > ctx.end:
                return None
            if seg == text or (icase and seg.lower() == text.lower()):
                return k(ctx, i + len(text))
            return None
        return m_backref
    if kind == 'look':
        ahead, negate, body_node, width = node[1], node[2], node[3], node[4]
        body = _compile(body_node, flags)

        def m_look(ctx, i, k):
            if ahead:
                r = body(ctx, i, lambda c, j: j)
            elif i - width < 0:
                r = None
            else:
                r = body(ctx, i - width, lambda c, j: j if j == i else None)
            if (r is None) == negate:
                return k(ctx, i)
            return None
        return m_look
    raise error('internal error: unknown node %r' % (kind,))


def _seq2(a, b):
    return lambda ctx, i, k: a(ctx, i, lambda c, j: b(c, j, k))


def _merge_literals(items, flags):
    if flags & 2:
        return items
    out = []
    for n in items:
        if n[0] == 'lit' and out and out[-1][0] in ('lit', 'str'):
            out[-1] = ('str', out[-1][1] + n[1])
        else:
            out.append(n)
    return out


def _compile_rep(node, flags):
    body_node, lo, hi, greedy = node[1], node[2], node[3], node[4]
    pred = _char_pred(body_node, flags)
    if pred is not None:
        def m_run(ctx, i, k):
            s = ctx.s
            limit = ctx.end if hi is None else min(ctx.end, i + hi)
            j = i
            while j < limit and pred(s[j]):
                j += 1
            count = j - i
            if count < lo:
                return None
            if greedy:
                for n in range(count, lo - 1, -1):
                    r = k(ctx, i + n)
                    if r is not None:
                        return r
            else:
                for n in range(lo, count + 1):
                    r = k(ctx, i + n)
                    if r is not None:
                        return r
            return None
        return m_run
    body = _compile(body_node, flags)

    def m_rep(ctx, i, k):
        def attempt(c, j, count):
            def more(c2, j2):
                if j2 == j and count >= lo:
                    return None
                return attempt(c2, j2, count + 1)
            if greedy:
                if hi is None or count < hi:
                    r = body(c, j, more)
                    if r is not None:
                        return r
                if count >= lo:
                    return k(c, j)
                return None
            if count >= lo:
                r = k(c, j)
                if r is not None:
                    return r
            if hi is None or count < hi:
                return body(c, j, more)
            return None
        return attempt(ctx, i, 0)
    return m_rep


################################################################################
# Pattern and Match objects
################################################################################

class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        self.pattern = pattern
        self._bytes = isinstance(pattern, (bytes, bytearray))
        text = pattern.decode('latin-1') if self._bytes else pattern
        if not self._bytes and not flags & 256:
            flags |= 32
        parser = _Parser(text, flags)
        tree = parser.parse()
        flags = parser.flags
        if self._bytes:
            flags |= 256
        self.flags = flags
        self.groups = parser.ngroups
        self.groupindex = dict(parser.names)
        self._m = _compile(tree, flags)
        self._prefix = _literal_prefix(tree) if not flags & 2 else ''

    def __repr__(self):
        flags = self.flags
        if not self._bytes:
            flags &= ~32
        else:
            flags &= ~256
        text = repr(self.pattern)
        if flags:
            return 're.compile(%s, %r)' % (text, RegexFlag(flags))
        return 're.compile(%s)' % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def _text(self, string):
        if self._bytes:
            if isinstance(string, str):
                raise TypeError('cannot use a bytes pattern on a string-like object')
            return bytes(string).decode('latin-1')
        if not isinstance(string, str):
            raise TypeError('cannot use a string pattern on a bytes-like object')
        return string

    def _run(self, s, original, pos, endpos, mode, forbid_empty_at=-1):
        n = len(s)
        if endpos is None or endpos > n:
            endpos = n
        if pos < 0:
            pos = 0
        m = self._m
        if mode == 'full':
            final = lambda c, j: j if j == c.end else None
        elif forbid_empty_at >= 0:
            final = lambda c, j: None if j == forbid_empty_at == c.start else j
        else:
            final = lambda c, j: j
        starts = [pos] if mode != 'search' else range(pos, endpos + 1)
        prefix = self._prefix
        for start in starts:
            if prefix and mode == 'search':
                found = s.find(prefix, start, endpos)
                if found < 0:
                    return None
                if found != start:
                    continue
            ctx = _Ctx(s, endpos, self.groups, start)
            j = m(ctx, start, final)
            if j is not None:
                ctx.groups[0] = (start, j)
                return Match(self, original, s, ctx.groups, pos, endpos)
        return None

    def match(self, string, pos=0, endpos=None):
        return self._run(self._text(string), string, pos, endpos, 'match')

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(self._text(string), string, pos, endpos, 'full')

    def search(self, string, pos=0, endpos=None):
        return self._run(self._text(string), string, pos, endpos, 'search')

    def finditer(self, string, pos=0, endpos=None):
        s = self._text(string)
        end = len(s) if endpos is None else min(endpos, len(s))
        forbid = -1
        while pos <= end:
            # After an empty match at p, the next match may start at p but
            # must not be empty there.
            m = self._run(s, string, pos, end, 'search', forbid)
            if m is None:
                return
            yield m
            a, b = m.span()
            pos = b
            forbid = b if a == b else -1

    def findall(self, string, pos=0, endpos=None):
        result = []
        for m in self.finditer(string, pos, endpos):
            if self.groups == 0:
                result.append(m.group(0))
            elif self.groups == 1:
                result.append(m.group(1) if m.group(1) is not None else m._empty())
            else:
                result.append(tuple(g if g is not None else m._empty()
                                    for g in m.groups()))
        return result

    def split(self, string, maxsplit=0):
        result = []
        last = 0
        count = 0
        for m in self.finditer(string):
            if maxsplit and count >= maxsplit:
                break
            a, b = m.span()
            result.append(string[last:a])
            result.extend(m.groups())
            last = b
            count += 1
        result.append(string[last:])
        return result

    def subn(self, repl, string, count=0):
        if callable(repl):
            func = repl
        else:
            template = _parse_template(repl, self)
            func = lambda m: _expand(m, template)
        pieces = []
        last = 0
        n = 0
        for m in self.finditer(string):
            if count and n >= count:
                break
            a, b = m.span()
            pieces.append(string[last:a])
            pieces.append(func(m))
            last = b
            n += 1
        pieces.append(string[last:])
        empty = string[:0]
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError('Pattern.scanner')

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _literal_prefix(tree):
    if tree[0] != 'seq':
        return ''
    out = ''
    for n in tree[1]:
        if n[0] == 'lit':
            out += n[1]
        else:
            break
    return out


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, original, text, groups, pos, endpos):
        self.re = pattern
        self.string = original
        self._text = text
        self._spans = groups
        self.pos = pos
        self.endpos = endpos

    def _conv(self, piece):
        if self.re._bytes:
            return piece.encode('latin-1')
        return piece

    def _empty(self):
        return b'' if self.re._bytes else ''

    def _index(self, g):
        if isinstance(g, str):
            try:
                return self.re.groupindex[g]
            except KeyError:
                raise IndexError('no such group') from None
        try:
            g = g.__index__()
        except AttributeError:
            raise IndexError('no such group') from None
        if not 0 <= g <= self.re.groups:
            raise IndexError('no such group')
        return g

    def _group(self, g):
        span = self._spans[self._index(g)]
        if span is None:
            return None
        return self._conv(self._text[span[0]:span[1]])

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(default if self._spans[i] is None else self._group(i)
                     for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: (default if self._spans[i] is None else self._group(i))
                for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        span = self._spans[self._index(group)]
        return -1 if span is None else span[0]

    def end(self, group=0):
        span = self._spans[self._index(group)]
        return -1 if span is None else span[1]

    def span(self, group=0):
        span = self._spans[self._index(group)]
        return (-1, -1) if span is None else span

    @property
    def regs(self):
        return tuple(self.span(i) for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            span = self._spans[i]
            if span is not None and span[1] >= best_end:
                if best is None or span[1] > best_end or True:
                    best, best_end = i, span[1]
        return best

    @property
    def lastgroup(self):
        idx = self.lastindex
        for name, i in self.re.groupindex.items():
            if i == idx:
                return name
        return None

    def expand(self, template):
        return _expand(self, _parse_template(template, self.re))

    def __repr__(self):
        return '<re.Match object; span=%r, match=%r>' % (self.span(), self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _parse_template(repl, pattern):
    """Split a replacement template into literal strings and group indexes."""
    is_bytes = isinstance(repl, (bytes, bytearray))
    text = repl.decode('latin-1') if is_bytes else repl
    parts = []
    lit = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            raise error('bad escape (end of pattern)', text, i - 1)
        c = text[i]
        if c == 'g':
            j = text.find('>', i)
            if not text.startswith('<', i + 1) or j < 0:
                raise error('missing <' if not text.startswith('<', i + 1)
                            else 'missing >, unterminated name', text, i + 1)
            name = text[i + 2:j]
            if name.isdigit():
                idx = int(name)
                if idx > pattern.groups:
                    raise error('invalid group reference %d' % idx, text, i + 2)
            elif name in pattern.groupindex:
                idx = pattern.groupindex[name]
            else:
                if not name.isidentifier():
                    raise error('bad character in group name %r' % name, text, i + 2)
                raise IndexError('unknown group name %r' % name)
            parts.append(''.join(lit))
            lit = []
            parts.append(idx)
            i = j + 1
        elif c.isdigit():
            j = i
            while j < n and j - i < 2 and text[j].isdigit():
                j += 1
            if c == '0' or (j - i == 2 and text[i:j + 1].isdigit() and len(text[i:j + 1]) == 3
                            and all(d in '01234567' for d in text[i:j + 1])):
                k = i
                while k < n and k - i < 3 and text[k] in '01234567':
                    k += 1
                lit.append(chr(int(text[i:k], 8)))
                i = k
                continue
            idx = int(text[i:j])
            if idx > pattern.groups:
                raise error('invalid group reference %d' % idx, text, i)
            parts.append(''.join(lit))
            lit = []
            parts.append(idx)
            i = j
        elif c in _SIMPLE_ESCAPES:
            lit.append(_SIMPLE_ESCAPES[c])
            i += 1
        elif c.isalpha():
            raise error('bad escape \\%s' % c, text, i - 1)
        else:
            lit.append('\\' + c)
            i += 1
    parts.append(''.join(lit))
    return parts, is_bytes


def _expand(m, template):
    parts, is_bytes = template
    out = []
    for p in parts:
        if isinstance(p, int):
            g = m.group(p)
            if g is not None:
                out.append(g.decode('latin-1') if isinstance(g, bytes) else g)
        else:
            out.append(p)
    result = ''.join(out)
    return result.encode('latin-1') if is_bytes else result


################################################################################
# Module-level functions
################################################################################

_cache = {}
_MAXCACHE = 512


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError('cannot process flags argument with a compiled pattern')
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError('first argument must be string or compiled pattern')
    key = (type(pattern), pattern, int(flags))
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, int(flags))
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def purge():
    _cache.clear()


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


_special_chars = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return pattern.translate(_special_chars)
    return pattern.decode('latin-1').translate(_special_chars).encode('latin-1')
