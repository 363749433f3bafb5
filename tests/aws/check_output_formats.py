#!/usr/bin/env python3
"""drconsole's table and YAML formatters against the aws CLI's own, over many random values.

usage: check_output_formats.py OUTPUT_DRIVER [COUNT]

Random responses: objects of scalars, of lists and of objects, lists of objects with differing keys, lists
of scalars and of lists, mixed shapes the table cannot lay out, and strings full of what YAML must quote or
escape (indicators, ': ', ' #', leading and trailing spaces, line breaks, tabs, controls, BOM, NEL, line
separator, é, 日, emoji, 'true', 'null', '123', '0x1', '2026-01-01', long runs that wrap), and some 5000
strings close to what YAML 1.2 reads as a number, boolean, null or timestamp. The table side is
awscli's TableFormatter (at 50, 80 and 200 columns, and coloured through colorama's autoreset wrapper as
the CLI's standard output is); the YAML side is ruamel.yaml set up as the aws CLI v2's YAMLDumper (the
installed v1 has no YAML output). Exit 77 without awscli; the YAML half is skipped, and says so, without
ruamel.yaml (Debian: python3-ruamel.yaml).
"""
import argparse
import io
import json
import random
import subprocess
import sys

try:
    import awscli.table
    import colorama
    from awscli.formatter import TableFormatter
except ImportError:
    print("awscli is not importable: skipped")
    sys.exit(77)
try:
    from ruamel.yaml import YAML
except ImportError:
    sys.path.append("/usr/lib/python3/dist-packages")  # where Debian's python3-ruamel.yaml lives
    try:
        from ruamel.yaml import YAML
    except ImportError:
        YAML = None
if YAML is not None and YAML(typ="safe").Emitter.__name__ != "CEmitter":
    YAML = None  # the pure-Python emitter is not what the CLI writes with (it uses libyaml through the C extension)

RNG = random.Random(20261124)
ATOMS = ["a", "b", " ", " ", ":", "#", "-", "?", "'", '"', "\\", "\n", "\t", "é", "日", "😀", "0", "1", ".", "e",
         "true", "null", "~", ",", "[", "{", "&", "*", "!", "|", ">", "%", "@", "`", "\r", "\u2028", "\u0085", "\ufeff",
         "\x01", "\u00a0", "x" * 30, "word ", "yes", "2026-01-01", "12:30", "0x1", "+", "<<", "="]
KEYS = ["Name", "Id", "Tags", "Value", "State", "Key", "Size"]


def text():
    return "".join(RNG.choice(ATOMS) for _ in range(RNG.choice([0, 1, 1, 2, 3, 5, 8, 20, 40])))


def scalar():
    r = RNG.random()
    if r < 0.55:
        return text()
    if r < 0.65:
        return RNG.randint(-10**6, 10**12)
    if r < 0.75:
        return RNG.choice([0.5, 1e20, -0.0, 1.5e-7, 123.456, 3.0])
    if r < 0.85:
        return RNG.choice([True, False])
    return None


def any_value(depth=0):
    r = RNG.random()
    if depth > 3 or r < 0.4:
        return scalar()
    if r < 0.7:
        return {(text() if RNG.random() < 0.5 else RNG.choice(KEYS)): any_value(depth + 1) for _ in range(RNG.randint(0, 4))}
    return [any_value(depth + 1) for _ in range(RNG.randint(0, 4))]


def response(depth=0):  # shaped more like what services answer, which the table mostly lays out
    r = RNG.random()
    if depth > 3 or r < 0.3:
        return scalar() if RNG.random() < 0.7 else RNG.choice(["x", "longer value here", "é日"])
    if r < 0.65:
        return {RNG.choice(KEYS) + RNG.choice(["", "2", "X"]): response(depth + 1) for _ in range(RNG.randint(1, 5))}
    if RNG.random() < 0.6:
        return [{RNG.choice(KEYS[:4]): response(depth + 2) for _ in range(RNG.randint(1, 3))} for _ in range(RNG.randint(1, 3))]
    return [response(depth + 1) for _ in range(RNG.randint(1, 3))]


def cli_table(value, width, colour):
    awscli.table.determine_terminal_width = lambda default_width=80: width
    formatter = TableFormatter(argparse.Namespace(color="on" if colour else "off", query=None))
    colorama.deinit()  # ColorizedStyler wrapped sys.stdout; the wrapper is rebuilt around the buffer below
    buffer = io.StringIO()
    stream = colorama.AnsiToWin32(buffer, convert=False, strip=False, autoreset=True).stream if colour else buffer
    try:
        formatter._format_response("Op", value, stream)  # after --query, as the CLI calls it
    except Exception as e:  # noqa: BLE001 - the CLI prints any failure's message
        return {"error": str(e)}
    return {"text": buffer.getvalue()}


def cli_yaml(value):
    if value == {}:
        return ""
    if value is None or isinstance(value, (bool, int, float, str)):
        return json.dumps(value, ensure_ascii=False) + "\n"
    yaml = YAML(typ="safe")
    yaml.encoding = None
    yaml.representer.default_flow_style = False
    out = io.StringIO()
    yaml.dump(value, out)
    return out.getvalue()


def resolver_probes():
    """Strings near YAML 1.2's numbers, null, booleans and timestamps, where quoting is decided."""
    atoms = list("0123456789_.-+eEoxbTtZ: \tnaifINF~<=!&*") + ["inf", "nan", "NaN", "2026-01-01", "2026-1-1", "12:30:45",
                                                                 "true", "null"]
    probes = {"".join(RNG.choice(atoms) for _ in range(RNG.randint(0, 7))) for _ in range(5000)}
    for sign in ("", "-", "+"):
        probes.update(sign + n for n in ("0", "12", "_", "_1", "0b1", "0o7", "0x1F", "0xg", "1.", ".5", ".5e+3", ".5e3",
                                         "1e5", "1E-5", "1.5e", ".inf", ".nan", "1_0", "0o", "0x", "08", "1__"))
    probes.update(["2026-01-01T12:00:00Z", "2026-01-01t12:00:00.5 +01:00", "2026-01-01 12:00:00 Z", "2026-01-01T12:00:00 ",
                   "2026-01-01T12:00:00+01:0", "2026-01-01  12:00:00.123-5", "2026-001-01", "2026-01-01T1:00"])
    return sorted(probes)


def main():
    driver, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
    cases = []
    for i in range(count):
        value = response() if i % 4 else any_value()
        cases.append(({"format": "table", "value": value, "width": RNG.choice([50, 80, 200]), "colour": i % 10 == 0},
                      None))
    if YAML is not None:
        for _ in range(count):
            cases.append(({"format": "yaml", "value": any_value()}, None))
            cases.append(({"format": "yaml-stream", "value": any_value()}, None))
        cases += [({"format": "yaml", "value": {"k": probe}}, None) for probe in resolver_probes()]
    expected = []
    for case, _ in cases:
        if case["format"] == "table":
            expected.append(cli_table(case["value"], case["width"], case["colour"]))
        else:
            value = case["value"] if case["format"] == "yaml" else [case["value"]]
            expected.append({"text": cli_yaml(value)})
    p = subprocess.run([driver], input="".join(json.dumps(c) + "\n" for c, _ in cases), capture_output=True,
                       text=True, check=False)
    got = [json.loads(line) for line in p.stdout.split("\n") if line]
    if p.returncode != 0 or len(got) != len(cases):
        print(f"the driver failed (status {p.returncode}, {len(got)} of {len(cases)} answers): {p.stderr[:500]}")
        return 1
    failures = [(c, e, g) for (c, _), e, g in zip(cases, expected, got) if e != g]
    for c, e, g in failures[:5]:
        print(f"FAIL {json.dumps(c, ensure_ascii=False)[:600]}\n  aws CLI:   {json.dumps(e)[:800]}\n  drconsole: {json.dumps(g)[:800]}")
    if YAML is None:
        print("YAML skipped: ruamel.yaml with its C emitter is not importable (Debian: python3-ruamel.yaml"
              " python3-ruamel.yaml.clib)")
    print(f"{len(cases)} values formatted by the aws CLI's formatters and drconsole's; {len(cases) - len(failures)} identical")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
