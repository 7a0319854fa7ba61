#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the golden files in tests/data/golden.

usage: scripts/fuzz-seeds.py OUTDIR   (writes OUTDIR/decoder, OUTDIR/router, OUTDIR/apply)

decoder: the golden files as they are, plus tests/data/fuzz/*.json.
apply:   a push body per golden record: the record created on the demo company's cm-sunshine,
         then updated, transitioned and commented on (docs/sync-protocol.md, "Push").
router:  those pushes as raw HTTP requests, plus every other route (pull, whoami, healthz,
         metrics, sign-in, PIN change, reports with an actor proof, attachment HEAD/PUT/GET),
         with the placeholders router_fuzz.cpp resolves (@staff, @s-1001, ...).
"""
import glob
import hashlib
import json
import os
import shutil
import sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = sys.argv[1]
for d in ("decoder", "router", "apply"):
    os.makedirs(os.path.join(out, d), exist_ok=True)

AT = "2026-03-05T02:00:00Z"
SERVER_FIELDS = {"type", "id", "created_at", "created_by", "origin_device", "state", "deadlines",
                 "history", "version", "updated_at"}


def whole(value):
    """Fractions become whole numbers: an operation with one cannot be signed (proof.h)."""
    if isinstance(value, float):
        return int(value)
    if isinstance(value, dict):
        return {k: whole(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole(v) for v in value]
    return value


ACTORS = {"staff": "s-1001", "supervisor": "s-2001", "kiosk": ""}


def write(kind, name, data):
    with open(os.path.join(out, kind, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def op(seq, kind, rtype, rid, hlc_n, actor, **payload):
    o = {"seq": seq, "kind": kind, "type": rtype, "id": rid, "hlc": "1772676000%03d.0000.fz" % hlc_n,
         "at": AT, "actor": actor}
    o.update(payload)
    return o


def http(method, target, device="@staff", body=b"", extra=()):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", "X-Courtyard-Schema: 2"]
    if device:
        lines.append(f"Authorization: Bearer {device}")
    lines += list(extra)
    if body or method in ("POST", "PUT"):
        lines.append("Content-Type: application/json")
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


golden = sorted(glob.glob(os.path.join(root, "tests/data/golden/*.json")))
for f in golden + sorted(glob.glob(os.path.join(root, "tests/data/fuzz/*.json"))):
    shutil.copy(f, os.path.join(out, "decoder", os.path.basename(f)))

pushes = []
for i, f in enumerate(g for g in golden if g.endswith(".in.json")):
    record = json.load(open(f))
    rtype = record.get("type")
    if not rtype:
        continue
    # The golden records name flats, campaigns and routes of another company: left out, and
    # the record moved to the demo company's cm-sunshine.
    body = {k: v for k, v in whole(record).items()
            if k not in SERVER_FIELDS and not (k.endswith("_id") and k != "community_id")}
    body["community_id"] = "cm-sunshine"
    for device, actor in ACTORS.items():
        rid = "fz-%s-%s" % (rtype, device)
        ops = [op(1, "create", rtype, rid, 1, actor=actor, body=body),
               op(2, "update", rtype, rid, 2, actor=actor, fields={"urgent": True, "category": "cleaning"}),
               op(3, "transition", rtype, rid, 3, actor=actor, action="accept", params={"reach": "community"}),
               op(4, "append", rtype, rid, 4, actor=actor, list="comments",
                  item={"id": "n-1", "at": AT, "author": actor, "text": "已处理"})]
        push = {"schema": 2, "device": device, "device_time": AT, "ops": ops}
        if device == "kiosk":
            push["ops"] = [dict(o, actor="") for o in ops[:1]]
        pushes.append(push)
        write("apply", f"{rtype}-{device}.json", json.dumps(push, ensure_ascii=False))
        write("router", f"push-{rtype}-{device}.http",
              http("POST", "/v1/sync/push", "@" + device, json.dumps(push, ensure_ascii=False).encode()))

# Beside the golden records (which carry decisions a new record may not), records as a device
# creates them, so the merge applies them and the later operations meet a stored record.
UNIT = "cm-sunshine-b1-1-502"
fresh = {
    "complaint": {"channel": "phone", "category": "repairs", "content": "楼道灯不亮", "unit_id": UNIT,
                  "received_at": AT},
    "suggestion": {"channel": "phone", "category": "landscaping", "content": "多放几张长椅", "unit_id": UNIT,
                   "received_at": AT},
    "rectification": {"source": "engineering", "area": "Lobby", "description": "地砖裂了"},
    "transfer_sheet": {"subject": "Leaking pipe", "reason": "needs the engineers", "from_department_id": "d-cs"},
    "notice": {"kind": "general", "title": "电梯保养", "body": "2号梯停运", "valid_from": AT,
               "valid_until": "2026-03-08T02:00:00Z"},
}
for rtype, body in fresh.items():
    body = dict(body, community_id="cm-sunshine")
    for device in ("staff", "supervisor"):
        actor = ACTORS[device]
        rid = "fz-new-%s-%s" % (rtype, device)
        ops = [op(1, "create", rtype, rid, 1, actor=actor, body=body),
               op(2, "update", rtype, rid, 2, actor=actor, fields={"urgent": True}),
               op(3, "append", rtype, rid, 3, actor=actor, list="comments",
                  item={"id": "n-1", "at": AT, "author": actor, "text": "已联系业主"})]
        push = {"schema": 2, "device": device, "device_time": AT, "ops": ops}
        write("apply", f"new-{rtype}-{device}.json", json.dumps(push, ensure_ascii=False))
        write("router", f"push-new-{rtype}-{device}.http",
              http("POST", "/v1/sync/push", "@" + device, json.dumps(push, ensure_ascii=False).encode()))

blob = b"not really a jpeg"
sha = hashlib.sha256(blob).hexdigest()
routes = {
    "healthz": http("GET", "/healthz", device=None),
    "metrics": http("GET", "/metrics", device=None),
    "whoami": http("GET", "/v1/whoami"),
    "pull-start": http("GET", "/v1/sync/pull?limit=50"),
    "pull-cursor": http("GET", "/v1/sync/pull?cursor=v1.0.0&limit=1000", "@manager"),
    "pull-kiosk": http("GET", "/v1/sync/pull", "@kiosk"),
    "sign-in": http("POST", "/v1/auth/sign-in", "@supervisor",
                    json.dumps({"schema": 2, "staff_number": "2002", "pin": "200200"}).encode()),
    "pin-change": http("POST", "/v1/auth/pin", "@staff",
                       json.dumps({"schema": 2, "staff_number": "1002", "pin": "100200", "new_pin": "555666"}).encode()),
    "reports": http("GET", "/v1/reports", "@manager", extra=["X-Courtyard-Actor: @s-3001"]),
    "report-monthly": http("GET", "/v1/reports/kpi?scope=community&id=cm-sunshine&period=2026-03", "@supervisor",
                           extra=["X-Courtyard-Actor: @s-2010"]),
    "blob-head": http("HEAD", f"/v1/blobs/{sha}"),
    "blob-put": http("PUT", f"/v1/blobs/{sha}?offset=0&total={len(blob)}", body=blob,
                     extra=["Content-Type: image/jpeg"]),
    "blob-get": http("GET", f"/v1/blobs/{sha}"),
    "chunked": ("POST /v1/sync/push HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer @staff\r\n"
                "X-Courtyard-Schema: 2\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n"),
}
for name, data in routes.items():
    write("router", name + ".http", data)
print(f"seeds: {len(os.listdir(os.path.join(out, 'decoder')))} decoder, "
      f"{len(os.listdir(os.path.join(out, 'router')))} router, {len(os.listdir(os.path.join(out, 'apply')))} apply")
