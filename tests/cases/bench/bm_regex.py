# Copied from /work/shared/bench/bm_regex.py with the default size reduced to 1
# (the benchmark's quick size) so it runs as a differential test case.
# Regular expressions as log and text processing uses them: search, match,
# findall, finditer with named groups, sub with a template and a function,
# split, IGNORECASE, lookahead, backreferences, alternation.
# Usage: bm_regex.py [size]
import re
import sys

WORDS = ["error", "warning", "info", "the", "the", "quick", "brown", "fox",
         "jumps", "over", "lazy", "dog", "Server", "client", "timeout"]


def make_text(n, seed):
    x = seed
    lines = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        w = [WORDS[(x >> k) % len(WORDS)] for k in range(0, 15, 3)]
        lines.append("2026-%02d-%02d %02d:%02d:%02d [%s] user%d@host%d.example.com "
                     "%s %s %s %dpx id=%d %s %s" % (
                         x % 12 + 1, x % 28 + 1, x % 24, x % 60, (x >> 5) % 60,
                         w[0].upper(), x % 997, x % 13, w[1], w[2], w[2] if x & 4 else w[3],
                         x % 500, i, w[3], w[4]))
    return "\n".join(lines)


EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
STAMP = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d) (?P<H>\d\d):(?P<M>\d\d)")
LEVEL = re.compile(r"\[(ERROR|WARNING)\]")
DOUBLE = re.compile(r"\b(\w+) \1\b")
PIXELS = re.compile(r"\d+(?=px)")
WORD = re.compile(r"\bserver\b|\bclient\b", re.IGNORECASE)
IDS = re.compile(r"id=(\d+)")
SPLIT = re.compile(r"[\s=@.\[\]]+")


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    total = 0
    for rep in range(size):
        text = make_text(3000, rep + 1)
        total += len(EMAIL.findall(text))
        for m in STAMP.finditer(text):
            total += int(m.group("m")) * 31 + int(m.group("d")) + m.start() % 7
        total += sum(1 for line in text.splitlines() if LEVEL.search(line))
        total += len(DOUBLE.findall(text)) * 3
        total += sum(int(p) for p in PIXELS.findall(text)) % 100003
        total += len(WORD.findall(text)) * 5
        masked = IDS.sub(lambda m: "id=" + str(int(m.group(1)) % 10), text)
        dated = STAMP.sub(r"\g<d>/\g<m>/\g<y> \g<H>h", masked)
        total += len(dated) + len(SPLIT.split(text[:20000]))
        total += sum(1 for line in text.splitlines() if re.match(r"2026-0[1-6]", line))
        total %= 1000000007
    print("checksum: %d" % total)


main()
