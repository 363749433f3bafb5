#!/usr/bin/env python3
"""drconsole's request serializers against botocore's, over every operation of every service model.

usage: check_serializers.py SERIALIZE_DRIVER MODELS_DIR [INPUTS_PER_OPERATION]

For each operation drconsole has a model for, random inputs are generated from botocore's own shapes
(required members always, optional ones at random; strings with spaces, unicode and reserved characters;
numbers, booleans, timestamps in several notations, blobs, maps, nested lists), serialized by botocore
(the protocol drconsole chose for the service) and by the driver, and compared: method, path, query
pairs, headers and body (JSON and XML parsed, form fields in order). Exit 77 without botocore.
"""
import json
import random
import subprocess
import sys
from urllib.parse import parse_qsl, urlsplit, unquote

try:
    import botocore.loaders
    import botocore.model
    import botocore.serialize
    from botocore.awsrequest import AWSRequest, prepare_request_dict
    from xml.etree import ElementTree
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)

RNG = random.Random(7)
TEXT = list("abcXYZ09 -_.~/+=&?:%é漢") + ["🚨", "a b"]
PROTOCOL_NAMES = {"query": "query", "ec2": "ec2", "json": "json", "rest-json": "rest-json", "rest-xml": "rest-xml"}


def text(lo=1, hi=10):
    return "".join(RNG.choice(TEXT) for _ in range(RNG.randint(lo, hi)))


def timestamp():
    return RNG.choice([
        "2024-%02d-%02dT%02d:%02d:%02dZ" % (RNG.randint(1, 12), RNG.randint(1, 28), RNG.randint(0, 23),
                                            RNG.randint(0, 59), RNG.randint(0, 59)),
        "2025-06-01T12:30:45.123456Z", "2025-06-01", "2025-06-01T12:30:45+02:00", 1700000000, "1700000000",
    ])


def value(shape, depth, path_label=False):
    t = shape.type_name
    if t == "structure":
        if getattr(shape, "is_document_type", False):
            return {"k": [1, "two", {"three": True}]}
        out = {}
        if depth > 4:
            return out
        required = set(shape.required_members)
        for name, m in shape.members.items():
            if name in required or RNG.random() < 0.4:
                if m.type_name == "structure" and getattr(m, "is_event_stream", False):
                    continue
                if m.serialization.get("hostLabel"):
                    out[name] = "".join(RNG.choice("abc123-") for _ in range(6))
                    continue
                out[name] = value(m, depth + 1, m.serialization.get("location") == "uri")
        if getattr(shape, "is_tagged_union", False) and out:
            k = RNG.choice(list(out))
            out = {k: out[k]}
        return out
    if t == "list":
        if depth > 5:
            return []
        return [value(shape.member, depth + 1) for _ in range(RNG.randint(0, 3))]
    if t == "map":
        if depth > 5:
            return {}
        return {text(1, 5): value(shape.value, depth + 1) for _ in range(RNG.randint(0, 3))}
    if t in ("integer", "long"):
        return RNG.randint(-5, 100000)
    if t in ("float", "double"):
        return RNG.choice([0.5, 1.0, 1e-05, 123.456, 1e16, 2.5e-7, 100000.0, 3.0])
    if t == "boolean":
        return RNG.random() < 0.5
    if t == "timestamp":
        return timestamp()
    if t == "blob":
        return text(0, 12)
    if t == "string":
        if shape.enum:
            return RNG.choice(shape.enum)
        return text(1, 8) if not path_label else text(1, 8).strip("/") or "x"
    return None


def botocore_request(protocol, op_model, params):
    serializer = botocore.serialize.create_serializer(protocol, include_validation=False)
    d = serializer.serialize_to_request(params, op_model)
    prepare_request_dict(d, endpoint_url="https://example.amazonaws.com")
    req = AWSRequest(method=d["method"], url=d["url"], data=d["body"], headers=d["headers"]).prepare()
    parts = urlsplit(req.url)
    body = req.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return {
        "method": req.method, "path": parts.path, "query": parse_qsl(parts.query, keep_blank_values=True),
        "headers": {k.lower(): v for k, v in req.headers.items() if k.lower() not in ("content-length", "user-agent")},
        "body": body, "host_prefix": d.get("host_prefix") or "",
    }


def canonical_xml(b):
    return ElementTree.canonicalize(b.decode("utf-8")) if b else ""


def streaming_payload(op):
    shape = op.input_shape
    payload = shape.serialization.get("payload") if shape is not None else None
    return payload is not None and shape.members[payload].type_name in ("blob", "string")


def body_form(protocol, headers, op):
    if streaming_payload(op):
        return "raw"
    if protocol in ("query", "ec2"):
        return "form"
    if protocol == "json":
        return "json"
    ct = headers.get("content-type", "")
    return "json" if ct == "application/json" else "xml" if protocol == "rest-xml" else "raw"


def compare(protocol, op, ref, mine):
    if mine.get("error"):
        return "drconsole refused it: " + mine["error"]
    if mine["method"] != ref["method"]:
        return f"method {mine['method']} != {ref['method']}"
    if mine["path"] != ref["path"]:
        return f"path {mine['path']!r} != {ref['path']!r}"
    ours_q = [(k, v) for k, v in mine["query"]]
    if sorted(ours_q) != sorted(ref["query"]):
        return f"query {ours_q!r} != {ref['query']!r}"
    # Content-Length is the HTTP layer's to set, from the body it sends.
    ours_h = {k.lower(): v for k, v in mine["headers"] if k.lower() != "content-length"}
    if ours_h != ref["headers"]:
        return f"headers {ours_h!r} != {ref['headers']!r}"
    if mine["host_prefix"] != ref["host_prefix"]:
        return f"host prefix {mine['host_prefix']!r} != {ref['host_prefix']!r}"
    mb = mine["body"].encode("utf-8")
    kind = body_form(protocol, ref["headers"], op)
    try:
        if kind == "form":
            same = parse_qsl(mb.decode(), keep_blank_values=True) == parse_qsl(ref["body"].decode(), keep_blank_values=True)
        elif kind == "json":
            same = (json.loads(mb) if mb else None) == (json.loads(ref["body"]) if ref["body"] else None)
        elif kind == "xml":
            same = canonical_xml(mb) == canonical_xml(ref["body"])
        else:
            same = mb == ref["body"]
    except Exception as e:  # noqa: BLE001
        return f"body cannot be compared ({e}): {mb[:200]!r} vs {ref['body'][:200]!r}"
    if not same:
        return f"body {mb[:400]!r} != {ref['body'][:400]!r}"
    return None


def main():
    driver, models_dir = sys.argv[1], sys.argv[2]
    per_op = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    index = json.load(open(f"{models_dir}/services.json"))
    loader = botocore.loaders.Loader()
    cases = []
    for cli, entry in sorted(index["services"].items()):
        api = loader.load_service_model(entry["service"], "service-2", entry["version"])
        svc = botocore.model.ServiceModel(api, entry["service"])
        offered = api["metadata"].get("protocols", []) + [api["metadata"]["protocol"]]
        protocol = next(p for p in offered if p in PROTOCOL_NAMES)
        for op_name in svc.operation_names:
            op = svc.operation_model(op_name)
            if op.input_shape is None:
                inputs = [{}]
            else:
                inputs = [value(op.input_shape, 0) for _ in range(per_op)]
            for params in inputs:
                cases.append((cli, protocol, op, params))
    feed = "".join(json.dumps({"service": c[0], "operation": c[2].name, "params": c[3]}, ensure_ascii=False) + "\n"
                   for c in cases)
    run = subprocess.run([driver, models_dir], input=feed.encode(), capture_output=True, check=False)
    if run.returncode:
        print("driver failed:", run.stderr.decode(errors="replace"))
        return 1
    answers = [json.loads(l) for l in run.stdout.decode().splitlines()]
    if len(answers) != len(cases):
        print(f"driver answered {len(answers)} of {len(cases)}")
        return 1
    bad = {}
    botocore_refused = 0
    for (cli, protocol, op, params), mine in zip(cases, answers):
        try:
            ref = botocore_request(protocol, op, params)
        except Exception:  # noqa: BLE001 - an input botocore itself cannot serialize is not a comparison
            botocore_refused += 1
            continue
        why = compare(protocol, op, ref, mine)
        if why:
            bad.setdefault(f"{cli} {op.name}", (why, params))
    compared = len(cases) - botocore_refused
    for k, (why, params) in list(bad.items())[:8]:
        print(f"MISMATCH {k}: {why}\n  input: {json.dumps(params, ensure_ascii=False)[:600]}\n")
    ops = len({(c[0], c[2].name) for c in cases})
    print(f"{compared} requests over {ops} operations of {len(index['services'])} services compared with botocore "
          f"({botocore_refused} inputs botocore could not serialize were skipped); {len(bad)} operations differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
