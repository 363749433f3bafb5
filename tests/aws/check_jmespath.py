#!/usr/bin/env python3
"""Compares drconsole's JMESPath (through the jmespath_eval driver) with the python `jmespath` package, the
implementation the aws CLI uses, on a large reproducible corpus: hand-written cases for every feature, random
expressions over random documents, and mutations of both (to exercise syntax errors).

A case matches when
  * python returns a JSON value and drconsole returns the same value, compared as parsed JSON *with types*:
    1 and 1.0 are different (python prints "1" and "1.0", and so does the aws CLI), True is not 1, and two
    floats are equal when python prints them the same (so -0.0 differs from 0.0, and NaN equals NaN);
  * python raises and drconsole reports an error of the corresponding kind (syntax, invalid-type,
    invalid-arity, unknown-function, invalid-value);
  * python returns something that is not JSON (an expression reference, `&x`, escaping into the result) and
    drconsole reports an error: such a result cannot be printed.

Object key order. nlohmann::json keeps object keys sorted, so `keys(@)`, `values(@)` and `*` list members
in key order, where python uses insertion order. The reference is run with that one difference modelled:
documents are given to it with sorted keys, and the objects it builds itself (JSON literals, multi-select
hashes, merge()) keep their keys sorted too. Nothing else about python's behaviour is changed.

Usage: check_jmespath.py <path to jmespath_eval>.  Exit 77 (skipped) when the jmespath module is absent.
"""
import json
import os
import random
import re
import subprocess
import sys

try:
    import jmespath
    from jmespath import exceptions, functions
except ImportError:
    print("the python jmespath package is not installed: nothing to compare against")
    sys.exit(77)

SEED = 20240611
RANDOM_CASES = 8000
MUTATIONS = 2500


# ---------------------------------------------------------------------------------------------------------
# The reference, with nlohmann::json's sorted object keys modelled.

def sorted_object(pairs):
    return dict(sorted(dict(pairs).items()))


def sort_keys_deep(value):
    if isinstance(value, dict):
        return {k: sort_keys_deep(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [sort_keys_deep(v) for v in value]
    return value


class OrderedDict(dict):
    """The dict class for multi-select hashes. Named so: jmespath's type table looks classes up by name."""

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value)
        items = sorted(dict.items(self))
        dict.clear(self)
        dict.update(self, items)


class SortedFunctions(functions.Functions):
    @functions.signature({"types": ["object"], "variadic": True})
    def _func_merge(self, *arguments):
        merged = {}
        for arg in arguments:
            merged.update(arg)
        return dict(sorted(merged.items()))


jmespath.lexer.loads = lambda text: json.loads(text, object_pairs_hook=sorted_object)
OPTIONS = jmespath.Options(dict_cls=OrderedDict, custom_functions=SortedFunctions())


def python_kind(exc):
    # ArityError derives from ParseError in python, so the order of these tests matters.
    if isinstance(exc, exceptions.UnknownFunctionError):
        return "unknown-function"
    if isinstance(exc, exceptions.ArityError):  # VariadictArityError too
        return "invalid-arity"
    if isinstance(exc, (exceptions.ParseError, exceptions.EmptyExpressionError)):
        return "syntax"  # LexerError and IncompleteExpressionError are ParseErrors
    if isinstance(exc, (exceptions.JMESPathTypeError, TypeError)):
        return "invalid-type"
    if isinstance(exc, RecursionError):
        return "any"
    if isinstance(exc, (ValueError, OverflowError)):
        return "invalid-value"
    return "any"


def reference(expr, data):
    """("result", value) / ("error", kind) / ("opaque", None) for a non-JSON result."""
    try:
        value = jmespath.compile(expr).search(data, options=OPTIONS)
    except Exception as exc:  # python raising anything is an error case, whatever its class
        return ("error", python_kind(exc))
    try:
        text = json.dumps(value)
    except (TypeError, ValueError):
        return ("opaque", None)
    return ("result", json.loads(text))  # plain dicts and lists, as the driver's answer will be read


def same(a, b):
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return repr(a) == repr(b)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


# ---------------------------------------------------------------------------------------------------------
# Hand-written cases: every feature, its edges, and python's quirks.

DOC = {
    "a": {"b": {"c": [1, 2, 3]}, "x": None, "e": [], "o": {}},
    "foo": [{"bar": 1, "baz": "x"}, {"bar": 2, "baz": "y"}, {"bar": None}, {"other": 4}, "str", 5],
    "nested": [[1, 2], [3, [4, 5]], 6, [], [[7]]],
    "people": [
        {"name": "bob", "age": 30, "tags": ["a", "b"]},
        {"name": "alice", "age": 25.5, "tags": []},
        {"name": "Émile", "age": 30, "tags": ["c"]},
        {"name": "zed", "age": None},
    ],
    "nums": [3, -1, 2.5, 0, 10, -7.25],
    "ints": [4, 8, 15, 16, 23, 42],
    "strs": ["b", "a", "B", "", "ä", "😀", "ab"],
    "mixed": [1, "a", None, True, [1], {"k": 1}],
    "with space": 1, "ünï": "code", "q\"uote": 2, "0": "zero",
    "t": True, "f": False, "n": None, "s": "héllo wörld", "empty": "", "zero": 0, "fl": 1.0,
    "big": 9223372036854775807, "neg": -9223372036854775808,
    "objs": {"x": {"v": 1}, "y": {"v": 2}, "z": {"w": 3}},
    "snapshots": [
        {"Id": "s1", "Status": "available", "Time": "2024-01-03"},
        {"Id": "s2", "Status": "creating", "Time": "2024-01-05"},
        {"Id": "s3", "Status": "available", "Time": "2024-01-04"},
    ],
}

CURATED_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "jmespath_curated.txt")


def curated_expressions():
    with open(CURATED_FILE, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip() and not line.startswith("# ")]


# Known, documented divergences: run against DOC and reported, but not failures. Each line: expression, why.
KNOWN_DIVERGENCES = [
    ("(&a) | [0]", "an expression reference used as input to anything but a field/index/slice is an error here"),
    ("(&a).[b]", "an expression reference used as input to anything but a field/index/slice is an error here"),
    ("length([&a])", "an expression reference inside a built list is an error here; python counts its object"),
    ("to_string(&a)", "python prints its object's repr (with a memory address); an error here"),
    ("ceil(`1e300`)", "python returns an exact integer beyond 2^64; here the nearest double"),
    ("to_number('123456789012345678901234567890')", "python keeps the big integer exact; here a double"),
    ("sum(`[18446744073709551615, 1]`)", "python keeps the big integer exact; here a double"),
    ("`1e400`", "python reads a literal number beyond double range as infinity; nlohmann refuses it, so the legacy rule makes it a string (or a syntax error inside an array)"),
    ("`NaN`", "python's json reads NaN/Infinity literals; here they fall back to the string \"NaN\""),
    ('"\\ud800"', "python accepts lone surrogate escapes; here they are a syntax error"),
    ("merge(`{}`, `[[\"k\", 1]]`)", "python feeds later merge() arguments to dict.update (lists of pairs work); here objects only"),
    ("to_number('\u0663')", "python's int() reads any Unicode decimal digit; here only ASCII digits"),
]

OVERFLOWING_NUMBER = re.compile(r"\d(?:\.\d*)?[eE]\+?(\d{3,})")


def known_divergence(expr, status, ours):
    """A generated case that hits one of the documented divergences above, or None."""
    if status == "result":
        for m in OVERFLOWING_NUMBER.finditer(expr):
            if int(m.group(1)) > 308:
                return "a literal number beyond double range"
    return None


# ---------------------------------------------------------------------------------------------------------
# Random documents and expressions.

KEYS = ["a", "b", "c", "foo", "bar", "baz", "with space", "ünï", "Z", "_k1"]
STRINGS = ["", "a", "b", "foo", "Foo", "héllo", "日本", "😀x", "10", "-3", "1.5", " 7 ", "1e3", "abc def",
           "null", "true", "a,b", "[1]", "ab"]
INTS = [0, 1, -1, 2, 3, 5, 10, -7, 42, 100, 2 ** 31, -(2 ** 40), 2 ** 60]
FLOATS = [0.5, -2.25, 1.0, 0.0, -0.0, 1e20, 1.5e-7, 0.1, 3.0, 1e300, 2.5, -1e-300, 123456.789]


def random_scalar(rng):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(INTS)
    if kind < 0.45:
        return rng.choice(FLOATS)
    if kind < 0.75:
        return rng.choice(STRINGS)
    if kind < 0.85:
        return rng.choice([True, False])
    return None


def random_value(rng, depth):
    if depth <= 0 or rng.random() < 0.3:
        return random_scalar(rng)
    if rng.random() < 0.5:
        return [random_value(rng, depth - 1) for _ in range(rng.randint(0, 5))]
    return {k: random_value(rng, depth - 1) for k in rng.sample(KEYS, rng.randint(0, 5))}


def random_document(rng):
    # Mostly objects with the usual keys, so that fields are found often enough to be interesting.
    doc = {k: random_value(rng, 3) for k in rng.sample(KEYS, rng.randint(5, len(KEYS)))}
    if rng.random() < 0.15:
        return random_value(rng, 4)
    return doc


def identifier(rng):
    k = rng.choice(KEYS + ["missing"])
    if k.isidentifier() and k.isascii() and rng.random() < 0.85:
        return k
    return json.dumps(k, ensure_ascii=rng.random() < 0.5)


def literal(rng):
    r = rng.random()
    if r < 0.6:
        return "`" + json.dumps(random_value(rng, 2), ensure_ascii=rng.random() < 0.5).replace("`", "\\`") + "`"
    if r < 0.9:
        return "'" + rng.choice(STRINGS).replace("'", "\\'") + "'"
    return "`" + rng.choice(["foo", "a b", " x", "1 2", "[1,"]) + "`"


def slice_text(rng):
    def part():
        return str(rng.randint(-6, 6)) if rng.random() < 0.6 else ""
    text = part() + ":" + part()
    if rng.random() < 0.5:
        step = rng.choice([1, 2, -1, -2, 3, -3, 0]) if rng.random() < 0.8 else ""
        text += ":" + str(step)
    return "[" + text + "]"


COMPARATORS = ["==", "!=", "<", "<=", ">", ">="]

# name -> generators for each argument (a list of "kinds")
FUNCTIONS = {
    "abs": ["num"], "avg": ["arr"], "ceil": ["num"], "floor": ["num"], "contains": ["any", "any"],
    "ends_with": ["str", "str"], "starts_with": ["str", "str"], "join": ["str", "arr"], "keys": ["obj"],
    "values": ["obj"], "length": ["any"], "map": ["ref", "arr"], "max": ["arr"], "min": ["arr"],
    "max_by": ["arr", "ref"], "min_by": ["arr", "ref"], "merge": ["obj", "hash"], "not_null": ["any", "any"],
    "reverse": ["any"], "sort": ["arr"], "sort_by": ["arr", "ref"], "sum": ["arr"], "to_array": ["any"],
    "to_string": ["any"], "to_number": ["any"], "type": ["any"],
}


class ExpressionGenerator:
    def __init__(self, rng):
        self.rng = rng

    def expr(self, depth):
        rng = self.rng
        if depth <= 0:
            return rng.choice([identifier(rng), identifier(rng), "@", literal(rng)])
        choice = rng.randrange(22)
        sub = lambda: self.expr(depth - 1)  # noqa: E731
        if choice == 0:
            return identifier(rng)
        if choice == 1:
            return sub() + "." + self.dot_rhs(depth - 1)
        if choice == 2:
            return sub() + "[" + str(rng.randint(-4, 4)) + "]"
        if choice == 3:
            return sub() + slice_text(rng)
        if choice == 4:
            return sub() + "[*]" + self.rhs(depth - 1)
        if choice == 5:
            return sub() + ".*" + self.rhs(depth - 1)
        if choice == 6:
            return sub() + "[]" + self.rhs(depth - 1)
        if choice == 7:
            return sub() + "[?" + self.condition(depth - 1) + "]" + self.rhs(depth - 1)
        if choice == 8:
            return "[" + ", ".join(sub() for _ in range(rng.randint(1, 3))) + "]"
        if choice == 9:
            return self.hash(depth - 1)
        if choice == 10:
            return sub() + " | " + sub()
        if choice == 11:
            return sub() + rng.choice([" || ", " && "]) + sub()
        if choice == 12:
            return "!" + sub()
        if choice == 13:
            return self.condition(depth - 1)
        if choice == 14:
            return "@"
        if choice == 15:
            return literal(rng)
        if choice in (16, 17, 18):
            return self.function(depth - 1)
        if choice == 19:
            return "(" + sub() + ")"
        if choice == 20:
            return rng.choice(["[*]", "*", "[]", "[?@]"]) + self.rhs(depth - 1)
        return "[" + str(rng.randint(-3, 3)) + "]"

    def rhs(self, depth):
        r = self.rng.random()
        if r < 0.5:
            return ""
        if r < 0.8:
            return "." + self.dot_rhs(depth)
        if r < 0.9:
            return "[" + str(self.rng.randint(-2, 2)) + "]"
        return slice_text(self.rng)

    def dot_rhs(self, depth):
        r = self.rng.random()
        if r < 0.6 or depth <= 0:
            return identifier(self.rng)
        if r < 0.75:
            return "[" + ", ".join(self.expr(depth - 1) for _ in range(self.rng.randint(1, 3))) + "]"
        if r < 0.85:
            return self.hash(depth - 1)
        if r < 0.9:
            return "*"
        return self.function(depth - 1)

    def hash(self, depth):
        n = self.rng.randint(1, 3)
        return "{" + ", ".join(identifier(self.rng) + ": " + self.expr(depth) for _ in range(n)) + "}"

    def condition(self, depth):
        rng = self.rng
        left = self.expr(max(depth - 1, 0))
        if rng.random() < 0.25:
            return left
        right = rng.choice([self.expr(max(depth - 1, 0)), literal(rng), "`" + str(rng.choice(INTS + FLOATS)) + "`"])
        return left + " " + rng.choice(COMPARATORS) + " " + right

    def function(self, depth):
        rng = self.rng
        name = rng.choice(sorted(FUNCTIONS))
        kinds = list(FUNCTIONS[name])
        if rng.random() < 0.05:  # the wrong number of arguments now and then
            kinds = kinds[:-1] if rng.random() < 0.5 else kinds + ["any"]
        if name in ("merge", "not_null"):
            kinds = kinds[:1] + kinds[1:] * rng.randint(0, 2)
        args = []
        for kind in kinds:
            if kind == "ref":
                args.append("&" + self.expr(max(depth - 1, 0)))
            elif kind == "hash":
                # merge() beyond its first argument gets objects: python feeds anything else to dict.update
                if rng.random() < 0.7:
                    args.append(self.hash(max(depth - 1, 0)))
                else:
                    obj = {k: random_scalar(rng) for k in rng.sample(KEYS, rng.randint(0, 3))}
                    args.append("`" + json.dumps(obj) + "`")
            elif kind == "arr" and rng.random() < 0.5:
                args.append(self.expr(max(depth - 1, 0)) + rng.choice(["[]", "[*]", ".*", ""]))
            else:
                args.append(self.expr(max(depth - 1, 0)))
        return name + "(" + ", ".join(args) + ")"


def mutate(rng, text):
    pieces = "[]{}()*.?@&|!<>=,:'`\"-0123456789abz \\"
    for _ in range(rng.randint(1, 3)):
        if not text:
            text = rng.choice(pieces)
            continue
        i = rng.randrange(len(text) + 1)
        op = rng.randrange(4)
        if op == 0:
            text = text[:i] + text[i + 1:]
        elif op == 1:
            text = text[:i] + rng.choice(pieces) + text[i:]
        elif op == 2:
            j = rng.randrange(len(text) + 1)
            a, b = min(i, j), max(i, j)
            text = text[:a] + text[a:b] * 2 + text[b:]
        else:
            text = text[:i] + rng.choice(["ü", "😀", "\t", "\n", "é"]) + text[i:]
    return text


def build_corpus():
    rng = random.Random(SEED)
    curated = curated_expressions()
    cases = [(line, DOC) for line in curated]
    for extra_doc in (None, [], {}, 1, "s", [1, [2, [3]]], {"a": None}):
        for expr in ("@", "a", "[0]", "[*]", "*", "[]", "[?@]", "length(@)", "{x: @}", "[@]", "!@", "@ == @"):
            cases.append((expr, extra_doc))
    documents = [random_document(rng) for _ in range(120)]
    gen = ExpressionGenerator(rng)
    generated = []
    for _ in range(RANDOM_CASES):
        expr = gen.expr(rng.randint(1, 4))
        generated.append(expr)
        cases.append((expr, rng.choice(documents)))
    sources = curated + generated
    for _ in range(MUTATIONS):
        cases.append((mutate(rng, rng.choice(sources)), rng.choice(documents + [DOC])))
    return [(e, sort_keys_deep(d)) for e, d in cases]


# ---------------------------------------------------------------------------------------------------------

def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    cases = build_corpus()
    known_start = len(cases)
    cases += [(expr, sort_keys_deep(DOC)) for expr, _ in KNOWN_DIVERGENCES]
    lines = "".join(json.dumps({"expr": e, "data": d}) + "\n" for e, d in cases)
    proc = subprocess.run([sys.argv[1]], input=lines.encode("utf-8"), capture_output=True, timeout=540)
    if proc.returncode != 0:
        print(f"jmespath_eval exited with {proc.returncode}: {proc.stderr.decode(errors='replace')[:2000]}")
        return 1
    answers = proc.stdout.decode("utf-8").splitlines()
    if len(answers) != len(cases):
        print(f"jmespath_eval answered {len(answers)} lines for {len(cases)} cases")
        return 1

    mismatches = []
    known = []
    counts = {"result": 0, "error": 0, "opaque": 0}
    for index, ((expr, data), answer) in enumerate(zip(cases, answers)):
        ours = json.loads(answer)
        status, expected = reference(expr, data)
        if index >= known_start:
            known.append((expr, KNOWN_DIVERGENCES[index - known_start][1], status, expected, ours))
            continue
        counts[status] += 1
        if status == "result":
            ok = "result" in ours and same(expected, ours["result"])
        elif status == "opaque":
            ok = "error" in ours
        else:
            ok = "error" in ours and (expected == "any" or ours["error"] == expected)
        if not ok:
            reason = known_divergence(expr, status, ours)
            if reason:
                known.append((expr, reason, status, expected, ours))
            else:
                mismatches.append((expr, data, status, expected, ours))

    print(f"known divergences ({len(known)}), not counted as failures:")
    for expr, reason, status, expected, ours in known:
        same_anyway = status == "result" and "result" in ours and same(expected, ours["result"])
        python_text = json.dumps(expected, ensure_ascii=False)[:60] if status != "opaque" else "(not JSON)"
        ours_text = json.dumps(ours.get("result", ours.get("error")), ensure_ascii=False)[:60]
        print(f"  {expr!r}: python {status} {python_text}; drconsole {ours_text}"
              f"{' (agrees after all)' if same_anyway else ''} -- {reason}")
    compared = known_start
    print(f"compared {compared} cases with python jmespath {jmespath.__version__}: "
          f"{counts['result']} results, {counts['error']} errors, {counts['opaque']} non-JSON results; "
          f"{len(mismatches)} mismatches")
    for expr, data, status, expected, ours in mismatches[:25]:
        print("-" * 100)
        print(f"expression: {expr!r}")
        print(f"data:       {json.dumps(data, ensure_ascii=False)[:400]}")
        print(f"python:     {status} {json.dumps(expected, ensure_ascii=False) if status != 'opaque' else ''}")
        print(f"drconsole:  {json.dumps(ours, ensure_ascii=False)}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
