# Copied from /work/shared/bench/bm_json.py with the default size reduced to 1
# (the benchmark's quick size) so it runs as a differential test case.
# JSON encoding and decoding of a realistic document (records with nested
# lists and dicts, unicode text, floats, booleans, None), with the options
# people use: compact, indent + sort_keys, ensure_ascii off, and a round trip.
# Usage: bm_json.py [size]
import json
import sys

WORDS = ["alpha", "beta", "gamma", "delta", "\u00e9t\u00e9", "na\u00efve",
         "\u65e5\u672c", "quote\"d", "back\\slash", "tab\there", "line\nbreak",
         "emoji\U0001F600", "x" * 40]


def make_doc(n, seed):
    x = seed
    records = []
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        tags = [WORDS[(x >> k) % len(WORDS)] for k in range(0, 12, 3)]
        records.append({
            "id": i,
            "name": WORDS[x % len(WORDS)] + str(i),
            "score": (x % 100000) / 7.0,
            "ratio": x / 2147483647.0,
            "active": bool(x & 1),
            "parent": None if i % 5 == 0 else i // 2,
            "tags": tags,
            "point": {"x": x % 1000 - 500, "y": (x >> 10) % 1000 - 500,
                      "label": tags[0]},
            "history": [x % (j + 7) for j in range(8)],
        })
    return {"version": 3, "count": n, "records": records,
            "meta": {"source": "bench", "ok": True, "empty": [], "nothing": {}}}


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    total = 0
    for rep in range(size):
        doc = make_doc(400, rep + 1)
        compact = json.dumps(doc, separators=(",", ":"))
        pretty = json.dumps(doc, indent=2, sort_keys=True)
        utf8 = json.dumps(doc, ensure_ascii=False)
        back = json.loads(compact)
        again = json.loads(pretty)
        third = json.loads(utf8)
        if back != again or back != third:
            raise SystemExit("round trip mismatch")
        total += len(compact) + 3 * len(pretty) + 7 * len(utf8)
        total += compact.count("\\u") + pretty.count(": ") + utf8.count(",")
        total += sum(r["history"][3] for r in back["records"])
        total %= 1000000007
    print("checksum: %d" % total)


main()
