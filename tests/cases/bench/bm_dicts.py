# Copied from /work/shared/bench/bm_dicts.py with the default size reduced to 4
# (the benchmark's quick size) so it runs as a differential test case.
# Dict-heavy work: word counting, bigram dict-of-dicts, inverted index,
# dict.get/setdefault/pop/update/items/keys/values, comprehensions,
# int and tuple keys, deletion and re-insertion, membership tests.
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


def make_vocab(rng, size):
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = []
    seen = set()
    while len(vocab) < size:
        w = "".join([letters[rng.next(26)] for _ in range(2 + rng.next(6))])
        if w not in seen:
            seen.add(w)
            vocab.append(w)
    return vocab


def make_text(rng, vocab, nwords):
    out = []
    v = len(vocab)
    for _ in range(nwords):
        # skewed distribution: small indices are much more common
        a = rng.next(v)
        b = rng.next(v)
        out.append(vocab[a if a < b else b])
    return out


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def bigrams(words):
    table = {}
    prev = words[0]
    for w in words[1:]:
        inner = table.get(prev)
        if inner is None:
            inner = {}
            table[prev] = inner
        if w in inner:
            inner[w] += 1
        else:
            inner[w] = 1
        prev = w
    return table


def inverted_index(words, chunk):
    index = {}
    for pos in range(0, len(words), chunk):
        doc = pos // chunk
        for w in words[pos:pos + chunk]:
            index.setdefault(w, set()).add(doc)
    return index


def run_round(rng, vocab, nwords):
    words = make_text(rng, vocab, nwords)
    counts = count_words(words)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    check = sum([c * (i + 1) for i, (w, c) in enumerate(top)])
    check += len(counts) + sum(counts.values())
    table = bigrams(words)
    best = 0
    for first, inner in table.items():
        for second, c in inner.items():
            if c > best:
                best = c
    check += best + sum([len(inner) for inner in table.values()])
    index = inverted_index(words, 50)
    check += sum([len(docs) for docs in index.values()])
    common = {w: c for w, c in counts.items() if c > 20}
    rare = {w for w, c in counts.items() if c == 1}
    check += len(common) * 3 + len(rare)
    # positional dict with tuple keys, then deletions and updates
    grid = {}
    for i, w in enumerate(words[:2000]):
        grid[(i % 40, i // 40)] = len(w)
    for key in list(grid.keys()):
        if (key[0] + key[1]) % 3 == 0:
            del grid[key]
    grid.update({(k, k): k for k in range(40)})
    check += sum(grid.values()) + len(grid)
    check += grid.pop((1, 1), 0) + grid.pop((-1, -1), 5)
    # int keys, counting collisions of a simple hash
    buckets = {}
    for w in words:
        h = 0
        for ch in w:
            h = (h * 31 + ord(ch)) % 1021
        buckets[h] = buckets.get(h, 0) + 1
    check += max(buckets.values()) + len(buckets)
    merged = dict(counts)
    merged.update(common)
    for w in list(merged)[::3]:
        merged.pop(w)
    check += len(merged)
    return check


def main(n):
    rng = Rng(7)
    vocab = make_vocab(rng, 3000)
    total = 0
    for r in range(n):
        total = (total * 1000003 + run_round(rng, vocab, 12000)) % 1000000007
    print("checksum: " + str(total))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4)
