# Copied from /work/shared/bench/bm_exceptions.py with the default size reduced to 15000
# (the benchmark's quick size) so it runs as a differential test case.
# Exceptions raised and caught in loops: custom exception hierarchies,
# raise across several frames, try/except/else/finally, re-raise,
# raise ... from, exception attributes and args, built-in errors from
# operations (KeyError, IndexError, ZeroDivisionError, ValueError,
# AttributeError, TypeError), context managers whose __exit__ suppresses.
import sys


class AppError(Exception):
    pass


class ParseError(AppError):
    def __init__(self, line, reason):
        super().__init__(line, reason)
        self.line = line
        self.reason = reason


class LimitError(AppError):
    code = 7


class Retry(Exception):
    def __init__(self, attempt):
        self.attempt = attempt


def parse_field(text, line):
    if not text:
        raise ParseError(line, "empty")
    if text[0] == "-":
        raise ValueError("negative")
    value = int(text)
    if value > 900:
        raise LimitError("too big", value)
    return value


def parse_record(fields, line):
    total = 0
    for f in fields:
        total += parse_field(f, line)
    return total


def deep(n, k):
    if n == 0:
        if k % 3 == 0:
            raise Retry(k)
        return k
    return deep(n - 1, k) + 1


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = 0

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        if kind is not None and issubclass(kind, self.kinds):
            self.caught += 1
            return True
        return False


def builtin_errors(i, table, items):
    hits = 0
    try:
        hits += table[i % 50]
    except KeyError:
        hits += 1
    try:
        hits += items[i % 40]
    except IndexError:
        hits += 2
    try:
        hits += 100 // (i % 5)
    except ZeroDivisionError:
        hits += 3
    try:
        hits += int("x" + str(i)) if i % 4 == 0 else int(str(i))
    except ValueError:
        hits += 4
    try:
        hits += (None if i % 6 == 0 else items).count(1)
    except AttributeError:
        hits += 5
    try:
        hits += len(i) if i % 7 == 0 else 1
    except TypeError:
        hits += 6
    return hits


def main(n):
    check = 0
    suppress = Suppress(LimitError, KeyError)
    table = {k: k * 2 for k in range(0, 50, 3)}
    items = list(range(25))
    finally_runs = 0
    for i in range(n):
        fields = [str((i * 37 + j * 11) % 1000) for j in range(4)]
        if i % 11 == 0:
            fields[2] = ""
        if i % 13 == 0:
            fields[1] = "-" + fields[1]
        try:
            value = parse_record(fields, i)
        except ParseError as e:
            check += e.line % 100 + len(e.reason) + len(e.args)
        except LimitError as e:
            check += e.code + e.args[1] % 10
        except ValueError as e:
            check += len(str(e))
        else:
            check += value % 1000
        finally:
            finally_runs += 1
        try:
            try:
                check += deep(10, i)
            except Retry as r:
                if r.attempt % 2 == 0:
                    raise
                check += 2
        except Retry as r:
            check += 3
        try:
            try:
                {}["missing" + str(i % 3)]
            except KeyError as e:
                raise AppError("wrapped") from e
        except AppError as e:
            check += 1 if isinstance(e.__cause__, KeyError) else 0
        with suppress:
            if i % 2 == 0:
                raise LimitError("limit")
            check += 1
        check += builtin_errors(i, table, items)
        check %= 1000000007
    check += suppress.caught + finally_runs
    print("checksum: " + str(check))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15000)
