#!/usr/bin/env python3
"""drconsole's response parsers against botocore's, over every operation of every service model.

usage: check_parsers.py PARSE_DRIVER MODELS_DIR [RESPONSES_PER_OPERATION]

For each operation with an output, random outputs are generated from botocore's shapes and written as
the service would send them (query and ec2 XML with their wrappers and request ids, json, rest-json and
rest-xml with header, status-code and payload members). Both botocore (with the aws CLI's defaults:
timestamps and blobs as on the wire) and the driver parse them; the outputs must be equal. Error
responses of every protocol's forms are compared too (code, message, request id). Exit 77 without
botocore.
"""
import base64
import json
import random
import subprocess
import sys
from xml.sax.saxutils import escape, quoteattr

try:
    import botocore.loaders
    import botocore.model
    from botocore.parsers import ResponseParserFactory
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)

RNG = random.Random(11)
TEXT = list("abcXYZ09 -_.~/+=&<>'\":%é漢") + ["🚨"]
KNOWN = ("query", "ec2", "json", "rest-json", "rest-xml")


def text(lo=0, hi=10):
    return "".join(RNG.choice(TEXT) for _ in range(RNG.randint(lo, hi)))


def ident(x):
    return x


class Gen:
    """A random output value, and how each protocol writes it."""

    def __init__(self, protocol):
        self.protocol = protocol

    def value(self, shape, depth):
        t = shape.type_name
        if t == "structure":
            if getattr(shape, "is_document_type", False):
                return {"doc": [1, "x"]}
            if depth > 5:
                return {}
            out = {}
            names = [n for n, m in shape.members.items()
                     if not m.serialization.get("eventstream") and m.type_name != "structure" or True]
            if getattr(shape, "is_tagged_union", False):
                names = [RNG.choice(list(shape.members))] if shape.members else []
            used = set()  # two members on one XML name (S3's deprecated Event and Events) cannot both be sent
            for name in names:
                m = shape.members[name]
                if m.serialization.get("eventstream") or getattr(m, "is_event_stream", False):
                    continue
                xml_name = m.serialization.get("name", name)
                if m.type_name == "list" and m.serialization.get("flattened"):
                    xml_name = m.member.serialization.get("name", xml_name)
                if xml_name in used:
                    continue
                used.add(xml_name)
                if getattr(shape, "is_tagged_union", False) or RNG.random() < 0.6:
                    out[name] = self.value(m, depth + 1)
            return out
        if t == "list":
            return [self.value(shape.member, depth + 1) for _ in range(RNG.randint(0, 3 if depth < 5 else 0))]
        if t == "map":
            return {text(1, 6): self.value(shape.value, depth + 1) for _ in range(RNG.randint(0, 3 if depth < 5 else 0))}
        if t in ("integer", "long"):
            return RNG.randint(-1000, 10 ** 12)
        if t in ("float", "double"):
            return RNG.choice([0.5, 1.0, 123.456, 1e-05, 2.5e+20, -3.0])
        if t == "boolean":
            return RNG.random() < 0.5
        if t == "timestamp":
            if self.protocol in ("json", "rest-json") and not shape.serialization.get("timestampFormat"):
                return RNG.choice([1700000000, 1700000000.5, 1.7e9])
            return RNG.choice(["2024-05-06T07:08:09Z", "2024-05-06T07:08:09.123Z", "2024-05-06T07:08:09.123456+00:00"])
        if t == "blob":
            return base64.b64encode(text(0, 8).encode()).decode()
        if t == "string":
            return RNG.choice(shape.enum) if shape.enum else text()
        return None

    # -- XML ---------------------------------------------------------------------------------------
    def scalar_text(self, shape, v):
        if shape.type_name == "boolean":
            return "true" if v else "false"
        if shape.type_name in ("float", "double"):
            return repr(float(v))
        return str(v)

    def xml(self, shape, v, name):
        t = shape.type_name
        if t == "structure":
            attrs, inner = "", ""
            for mname, mv in v.items():
                m = shape.members[mname]
                loc = m.serialization.get("name", mname)
                if m.serialization.get("xmlAttribute"):
                    attrs += " %s=%s" % (loc, quoteattr(self.scalar_text(m, mv)))
                else:
                    inner += self.xml(m, mv, loc)
            return "<%s%s>%s</%s>" % (name, attrs, inner, name)
        if t == "list":
            member_name = shape.member.serialization.get("name", "member")
            if shape.serialization.get("flattened"):
                el = member_name if "name" in shape.member.serialization else name
                return "".join(self.xml(shape.member, e, el) for e in v)
            return "<%s>%s</%s>" % (name, "".join(self.xml(shape.member, e, member_name) for e in v), name)
        if t == "map":
            kn = shape.key.serialization.get("name", "key")
            vn = shape.value.serialization.get("name", "value")
            entries = ["%s%s" % (self.xml(shape.key, k, kn), self.xml(shape.value, val, vn)) for k, val in v.items()]
            if shape.serialization.get("flattened"):
                return "".join("<%s>%s</%s>" % (name, e, name) for e in entries)
            return "<%s>%s</%s>" % (name, "".join("<entry>%s</entry>" % e for e in entries), name)
        return "<%s>%s</%s>" % (name, escape(self.scalar_text(shape, v)), name)

    # -- JSON --------------------------------------------------------------------------------------
    def json(self, shape, v):
        t = shape.type_name
        if t == "structure" and not getattr(shape, "is_document_type", False):
            return {shape.members[k].serialization.get("name", k): self.json(shape.members[k], x) for k, x in v.items()}
        if t == "list":
            return [self.json(shape.member, e) for e in v]
        if t == "map":
            return {k: self.json(shape.value, x) for k, x in v.items()}
        return v


def xml_doc(root):
    # S3 declares the xsi prefix its Grantee's xsi:type attribute uses.
    return root.replace("<Root", '<Root xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', 1).encode()


def response(protocol, op, gen):
    shape = op.output_shape
    value = gen.value(shape, 0)
    headers, status, body = {"x-amzn-requestid": "req-123"}, 200, b""
    if protocol in ("query", "ec2"):
        inner = gen.xml(shape, value, "X")[3:-4]  # the members without a wrapper element
        if protocol == "query":
            wrapper = shape.serialization.get("resultWrapper", op.name + "Result")
            doc = "<%sResponse xmlns=\"urn:x\"><%s>%s</%s><ResponseMetadata><RequestId>req-9</RequestId>" \
                  "</ResponseMetadata></%sResponse>" % (op.name, wrapper, inner, wrapper, op.name)
        else:
            doc = "<%sResponse xmlns=\"urn:x\"><requestId>req-9</requestId>%s</%sResponse>" % (op.name, inner, op.name)
        body = doc.encode()
    elif protocol == "json":
        body = json.dumps(gen.json(shape, value)).encode()
    else:
        located, body_members = {}, {}
        for name, v in value.items():
            m = shape.members[name]
            loc = m.serialization.get("location")
            if loc == "header":
                hn = m.serialization.get("name", name)
                if m.type_name == "list":
                    if not v or any("," in str(x) or str(x) != str(x).strip() or str(x) == "" for x in v):
                        continue
                    headers[hn] = ",".join(gen.scalar_text(m.member, x) for x in v)
                elif m.serialization.get("jsonvalue"):
                    headers[hn] = base64.b64encode(json.dumps({"k": v}).encode()).decode()
                else:
                    s = gen.scalar_text(m, v)
                    if s != s.strip() or "\n" in s:
                        continue
                    headers[hn] = s
            elif loc == "headers":
                prefix = m.serialization.get("name", "")
                for k, x in v.items():
                    headers[(prefix + k.strip()).lower()] = str(x).strip()
            elif loc == "statusCode":
                status = RNG.choice([200, 201, 206])
            else:
                body_members[name] = v
        payload = shape.serialization.get("payload")
        if payload:
            pm = shape.members[payload]
            pv = value.get(payload)
            if pm.type_name in ("blob", "string"):
                body = (pv or "").encode() if isinstance(pv, str) else b""
            elif pv is not None and not pm.serialization.get("eventstream"):
                body = json.dumps(gen.json(pm, pv)).encode() if protocol == "rest-json" else xml_doc(gen.xml(pm, pv, "Root"))
        elif body_members:
            body = (json.dumps(gen.json(shape, body_members)).encode() if protocol == "rest-json"
                    else xml_doc(gen.xml(shape, body_members, "Root")))
    return status, headers, body


def error_cases(protocol):
    if protocol == "query":
        yield 400, {}, b"<ErrorResponse><Error><Type>Sender</Type><Code>DBInstanceNotFound</Code><Message>DBInstance x not found.</Message></Error><RequestId>r-1</RequestId></ErrorResponse>"
    if protocol == "ec2":
        yield 400, {}, b"<Response><Errors><Error><Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-1' does not exist</Message></Error></Errors><RequestID>r-2</RequestID></Response>"
    if protocol in ("json", "rest-json"):
        yield 400, {"x-amzn-requestid": "r-3"}, b'{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}'
        yield 400, {"x-amzn-requestid": "r-4", "x-amzn-query-error": "AWS.SimpleQueueService.NonExistentQueue;Sender"}, b'{"__type":"QueueDoesNotExist","message":"nope"}'
        yield 400, {}, b"not json at all"
    if protocol == "rest-json":
        yield 404, {"x-amzn-errortype": "ResourceNotFoundException:http://internal"}, b'{"Message":"Function not found"}'
        yield 409, {}, b'{"code":"ConflictException","message":"busy"}'
    if protocol == "rest-xml":
        yield 404, {"x-amz-request-id": "r-5"}, b"<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><BucketName>b</BucketName><RequestId>r-5</RequestId></Error>"
        yield 400, {}, b"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidInput</Code><Message>bad</Message></Error><RequestId>r-6</RequestId></ErrorResponse>"
        yield 404, {"x-amz-request-id": "r-7"}, b""
        yield 400, {}, b"<Error><Code>Broken"
    yield 503, {}, b""
    yield 502, {}, b"<html><body>Bad Gateway</body></html>"
    yield 429, {}, b""


def main():
    driver, models_dir = sys.argv[1], sys.argv[2]
    per_op = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    index = json.load(open(f"{models_dir}/services.json"))
    loader = botocore.loaders.Loader()
    factory = ResponseParserFactory()
    factory.set_parser_defaults(timestamp_parser=ident, blob_parser=ident)
    cases = []
    for cli, entry in sorted(index["services"].items()):
        api = loader.load_service_model(entry["service"], "service-2", entry["version"])
        svc = botocore.model.ServiceModel(api, entry["service"])
        protocol = next(p for p in api["metadata"].get("protocols", []) + [api["metadata"]["protocol"]] if p in KNOWN)
        gen = Gen(protocol)
        for op_name in svc.operation_names:
            op = svc.operation_model(op_name)
            if op.output_shape is None or op.has_event_stream_output:
                continue
            for _ in range(per_op):
                status, headers, body = response(protocol, op, gen)
                cases.append((cli, protocol, op, status, headers, body))
        some_op = svc.operation_model(svc.operation_names[0])
        for status, headers, body in error_cases(protocol):
            cases.append((cli, protocol, some_op, status, headers, body))
    feed = "".join(json.dumps({"service": c[0], "operation": c[2].name, "status": c[3],
                               "headers": list(c[4].items()), "body": c[5].decode("utf-8")}, ensure_ascii=False) + "\n"
                   for c in cases)
    run = subprocess.run([driver, models_dir], input=feed.encode(), capture_output=True, check=False)
    if run.returncode:
        print("driver failed:", run.stderr.decode(errors="replace"))
        return 1
    answers = [json.loads(l) for l in run.stdout.decode().splitlines()]
    if len(answers) != len(cases):
        print(f"driver answered {len(answers)} of {len(cases)}")
        return 1
    bad, errors_compared, botocore_unreadable, botocore_quirks = {}, 0, 0, 0
    for (cli, protocol, op, status, headers, body), mine in zip(cases, answers):
        parser = factory.create_parser(protocol)
        resp = {"status_code": status, "headers": headers, "body": body, "context": {}}
        try:
            ref = parser.parse(resp, op.output_shape if status < 300 else None)
        except Exception as e:  # noqa: BLE001
            if status < 300 and "failed" in mine:
                continue  # both refuse it
            if status >= 300:
                botocore_unreadable += 1  # botocore raises where drconsole falls back to the status line
                continue
            bad.setdefault(f"{cli} {op.name}", (f"botocore raised {e!r}; drconsole gave {str(mine)[:200]}", body))
            continue
        meta = ref.pop("ResponseMetadata", {})
        if status >= 300:
            errors_compared += 1
            want = {"code": ref["Error"].get("Code", ""), "message": ref["Error"].get("Message", ""),
                    "request_id": meta.get("RequestId", "")}
            if mine.get("error") != want:
                bad.setdefault(f"{cli} error {status}", (f"{mine.get('error')} != {want}", body))
            continue
        if "<Element " in json.dumps(ref, default=str):
            # botocore hands back raw XML elements where one element name serves two members (S3's
            # deprecated TopicConfiguration.Event beside Events); drconsole reads the first. Not comparable.
            botocore_quirks += 1
            continue
        if "failed" in mine:
            bad.setdefault(f"{cli} {op.name}", ("drconsole could not parse: " + mine["failed"], body))
        elif mine["output"] != ref:
            bad.setdefault(f"{cli} {op.name}", (f"{json.dumps(mine['output'])[:400]}\n  != {json.dumps(ref, default=str)[:400]}", body))
    for k, (why, body) in list(bad.items())[:8]:
        print(f"MISMATCH {k}: {why}\n  body: {body[:300]!r}\n")
    print(f"{len(cases) - errors_compared - botocore_unreadable - botocore_quirks} responses and {errors_compared} error responses "
          f"over {len(index['services'])} services parsed by both ({botocore_unreadable} error responses botocore "
          f"cannot read and {botocore_quirks} responses where botocore returns raw XML elements were skipped); "
          f"{len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
