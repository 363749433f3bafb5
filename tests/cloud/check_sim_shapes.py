#!/usr/bin/env python3
"""Checks SimCloud's answers against the botocore service models on this machine: every field must be a
member of the operation's output shape, with the model's type. Exit 77 (skipped) when botocore is absent."""
import datetime
import json
import subprocess
import sys

try:
    import botocore.session
except ImportError:
    print("botocore is not installed: the shape check needs it (it ships with this machine kind's Python)")
    sys.exit(77)

session = botocore.session.get_session()
models = {}
errors = []
checked = 0


def check(value, shape, path):
    global checked
    checked += 1
    t = shape.type_name
    if t == "structure":
        if not isinstance(value, dict):
            return errors.append(f"{path}: expected an object for {shape.name}")
        for key, v in value.items():
            if key not in shape.members:
                errors.append(f"{path}.{key}: not a member of {shape.name}")
            else:
                check(v, shape.members[key], f"{path}.{key}")
    elif t == "list":
        if not isinstance(value, list):
            return errors.append(f"{path}: expected a list ({shape.name})")
        for i, v in enumerate(value):
            check(v, shape.member, f"{path}[{i}]")
    elif t == "map":
        if not isinstance(value, dict):
            errors.append(f"{path}: expected a map ({shape.name})")
    elif t == "string":
        if not isinstance(value, str):
            errors.append(f"{path}: expected a string, got {type(value).__name__}")
    elif t in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            errors.append(f"{path}: expected an integer, got {type(value).__name__}")
    elif t in ("double", "float"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            errors.append(f"{path}: expected a number")
    elif t == "boolean":
        if not isinstance(value, bool):
            errors.append(f"{path}: expected true/false, got {type(value).__name__}")
    elif t == "timestamp":
        try:
            datetime.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            errors.append(f"{path}: not an ISO-8601 timestamp: {value!r}")
    else:
        errors.append(f"{path}: unexpected model type {t}")


def main():
    dump, world = sys.argv[1], sys.argv[2]
    out = subprocess.run([dump, world], capture_output=True, text=True, check=True).stdout
    operations = set()
    for line in out.splitlines():
        rec = json.loads(line)
        svc = rec["service"]
        if svc not in models:
            models[svc] = session.get_service_model(svc)
        op = models[svc].operation_model(rec["operation"])
        operations.add(f"{svc}:{rec['operation']}")
        check(rec["output"], op.output_shape, f"{svc}:{rec['operation']}")
    if len(operations) < 6:
        errors.append(f"only {len(operations)} operations were dumped: {sorted(operations)}")
    for e in errors:
        print("shape mismatch:", e)
    print(f"{len(operations)} operations, {checked} values checked against botocore, {len(errors)} mismatches")
    print(f"{1 if not errors else 0} passed, {1 if errors else 0} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
