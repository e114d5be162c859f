# Copied from /work/shared/bench/bm_strings.py with the default size reduced to 3000
# (the benchmark's quick size) so it runs as a differential test case.
# String work: building strings piecewise and with join, slicing (with
# steps and negative indices), split/join, str methods (upper, lower,
# replace, find, count, startswith, strip, ...), %-formatting, str.format,
# simple f-strings, ord/chr, and some non-ASCII text.
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "ze", "qu",
             "xi", "ha", "\u00e9t", "\u00fcr", "\u03c9n", "sh"]


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_word(rng):
    parts = []
    for _ in range(1 + rng.next(3)):
        parts.append(SYLLABLES[rng.next(len(SYLLABLES))])
    return "".join(parts)


def make_line(rng, words):
    return " ".join([make_word(rng) for _ in range(words)])


def poly_hash(s, h):
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def caesar(s, shift):
    out = []
    for ch in s:
        o = ord(ch)
        if 97 <= o <= 122:
            out.append(chr((o - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)


def process_line(line, i):
    words = line.split()
    total = len(words)
    title = line.title()
    upper = line.upper()
    total += upper.count("KA") + title.count("Lo") + line.find("su") + line.rfind("ta")
    rev = line[::-1]
    total += len(rev[2:-2:3]) + (1 if line[:2] == rev[-1:-3:-1][::-1] else 0)
    swapped = line.replace("ka", "KA").replace(" ", "_", 3)
    total += swapped.index("_") if "_" in swapped else -1
    stripped = ("  " + line + "\t\n").strip()
    total += len(stripped) - len(line)
    total += sum([1 for w in words if w.startswith("ka") or w.endswith("ri")])
    total += sum([1 for w in words if w.isalpha()]) + len(max(words, key=len))
    parts = line.partition(" ")
    total += len(parts[0]) * 3 + len(parts[2])
    csv = ",".join([w.lower() for w in words[:8]])
    total += len(csv.split(",")) + csv.count(",")
    record = "%d:%s:%05d|" % (i, words[0], total % 100000)
    record += "{}-{}".format(len(words), words[-1])
    record += f"[{i % 7}:{words[len(words) // 2]}]"
    record += caesar(words[0], i % 26).center(12, "*") + words[1].zfill(10)
    return record, total


def main(n):
    rng = Rng(42)
    h = 7
    total = 0
    acc = ""
    lines = []
    for i in range(n):
        line = make_line(rng, 12 + i % 9)
        record, t = process_line(line, i)
        total += t
        acc += record[:6]
        if len(acc) > 2000:
            h = poly_hash(acc, h)
            acc = acc[1000:]
        lines.append(record)
    text = "\n".join(lines)
    h = poly_hash(text[::97], h)
    h = poly_hash(acc, h)
    joined_len = len(text)
    back = text.split("\n")
    total += len(back) + joined_len + text.count("ka") + text.count("\u03c9")
    total += sum([len(x) for x in text.splitlines() if "qu" in x])
    print("checksum: " + str(total) + "-" + str(h))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
