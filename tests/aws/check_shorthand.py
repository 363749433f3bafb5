#!/usr/bin/env python3
"""drconsole's shorthand parser against awscli's ShorthandParser on curated and random inputs.
usage: check_shorthand.py SHORTHAND_DRIVER [COUNT]. Exit 77 without awscli."""
import json
import random
import subprocess
import sys

try:
    from awscli.shorthand import ShorthandParser, ShorthandParseError
except ImportError:
    print("awscli is not importable: skipped")
    sys.exit(77)

CURATED = [
    "Key=Purpose,Value=dr", "Name=engine,Values=postgres,aurora-postgresql", "MinCapacity=0.5,MaxCapacity=1.0",
    "a=b,c", "a=b,c=d", "a=[b,c],d=e", "a={b=c,d=[e,f]}", "a='x,y',b=\"q\\\"uote\"", "a=x\\,y", "a= spaced value ",
    "a=", "a=b,", "a", "=b", "a=b,a=c", "a=[b,[c,d]]", "a={b={c=d}}", "Key=Name,Value=db-ü-漢", "a=b c", "a=1,2,3",
    "a='unterminated", "a=[b,c", "a={b=c", "a=b,,c", "Tags=[{Key=a,Value=b},{Key=c,Value=d}]", "a=@b", "a@=b",
    "a=b\tc", "Key=x:y/z,Value=#1", "a=*,b=!",
]
ALPHABET = list("ab=,[]{}'\"\\ :#/.-_1é") + ["Key", "Value", "=["]


def main():
    driver = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    rng = random.Random(5)
    inputs = list(CURATED)
    for _ in range(count):
        inputs.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 14))))
    feed = "".join(json.dumps(s) + "\n" for s in inputs)
    run = subprocess.run([driver], input=feed.encode(), capture_output=True, check=True)
    answers = [json.loads(l) for l in run.stdout.decode().splitlines()]
    bad = 0
    for text, mine in zip(inputs, answers):
        try:
            ref = {"value": ShorthandParser().parse(text)}
        except ShorthandParseError:
            ref = {"error": True}
        except Exception:  # noqa: BLE001 - awscli itself crashing on an input: not a comparison
            continue
        same = ("error" in ref and "error" in mine) or ref.get("value") == mine.get("value")
        if not same:
            bad += 1
            if bad <= 10:
                print(f"MISMATCH {text!r}: drconsole {mine} vs awscli {ref}")
    print(f"{len(inputs)} shorthand inputs compared with awscli; {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
