#!/usr/bin/env python3
"""Write the corpus fixture: every boto3 paginator page, and botocore's truth.

Usage:
    python3 scripts/corpus.py [OUT_DIR]

OUT_DIR defaults to internal/corpus/testdata. Two files are written there:

pages.tar.gz
    Every paginator reference page boto3's documentation build writes, at
    <service>/paginator/<Name>.rst, and each service's paginators-1.json
    entries at <service>/paginators.json: the specs folder a user would
    have if they dropped in every page with its override.

truth.json.gz
    botocore's models, reduced to what each page should say: for every
    paginator, the request members the page shows (without the input tokens
    and limit key), the response members (without the output tokens), the
    paginators.json entry, and every shape those members reach, with its
    kind, enum values, members and required flags.

Both are deterministic: the same boto3 gives the same bytes. Needs boto3
(pinned: 1.43.11) and makes no network calls.
"""
import gzip
import io
import json
import os
import re
import sys
import shutil
import tarfile
import tempfile

import boto3
import botocore
import botocore.exceptions
from botocore.docs.bcdoc.restdoc import DocumentStructure
from botocore.docs.paginator import PaginatorDocumenter

BOTO3 = "1.43.11"

# botocore's type names, reduced to the kinds a page can tell apart.
KINDS = {
    "string": "string",
    "integer": "integer",
    "long": "integer",
    "float": "float",
    "double": "float",
    "boolean": "boolean",
    "timestamp": "timestamp",
    "blob": "blob",
    "structure": "structure",
    "list": "list",
    "map": "map",
}


def names(v):
    if v is None:
        return []
    return list(v) if isinstance(v, list) else [v]


def documented(html):
    """Reports whether a description has any text, as the page would show it."""
    return bool(re.sub(r"<[^>]*>", "", html).strip())


class Shapes:
    """Collects the shapes a service's paginators reach, by name."""

    def __init__(self):
        self.shapes = {}

    def add(self, shape):
        if shape.name in self.shapes:
            return shape.name
        kind = KINDS[shape.type_name]
        out = {"kind": kind}
        self.shapes[shape.name] = out
        if kind == "string" and shape.enum:
            out["kind"] = "enum"
            out["enum"] = list(shape.enum)
        elif kind == "structure":
            if shape.is_document_type:
                out["kind"] = "document"
            else:
                if shape.is_tagged_union:
                    out["union"] = True
                out["members"] = self.members(shape, ())
        elif kind == "list":
            out["member"] = self.add(shape.member)
        elif kind == "map":
            out["key"] = self.add(shape.key)
            out["value"] = self.add(shape.value)
        return shape.name

    def members(self, shape, hidden):
        required = set(shape.required_members)
        out = []
        for name, member in shape.members.items():
            if name in hidden:
                continue
            out.append([name, self.add(member), name in required, documented(member.documentation)])
        return out


def truth(session, service):
    model = session._session.get_service_model(service)
    config = session._session.get_paginator_model(service)._paginator_config
    shapes = Shapes()
    paginators = {}
    for name in sorted(config):
        cfg = config[name]
        op = model.operation_model(name)
        hidden_in = set(names(cfg["input_token"])) | set(names(cfg.get("limit_key")))
        hidden_out = set(names(cfg["output_token"]))
        entry = {"config": cfg, "input": [], "output": []}
        # The top-level shapes are named too: boto3 prints a member that
        # refers back to one of them as recursive.
        if op.input_shape:
            entry["inputShape"] = op.input_shape.name
            entry["input"] = shapes.members(op.input_shape, hidden_in)
        if op.output_shape:
            entry["outputShape"] = op.output_shape.name
            entry["output"] = shapes.members(op.output_shape, hidden_out)
        paginators[name] = entry
    return {
        "paginators": paginators,
        "shapes": dict(sorted(shapes.shapes.items())),
    }


def add_file(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o644
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


def gzipped(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as f:
        f.write(data)
    return buf.getvalue()


def main(argv):
    out = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "internal", "corpus", "testdata")
    if boto3.__version__ != BOTO3:
        print(f"boto3 is {boto3.__version__}; the corpus is pinned to {BOTO3}", file=sys.stderr)
        return 1
    session = boto3.session.Session(region_name="us-east-1")
    tmp = tempfile.mkdtemp()
    files = {}
    services = {}
    for service in session.get_available_services():
        try:
            pmodel = session._session.get_paginator_model(service)
        except botocore.exceptions.UnknownServiceError:
            continue  # boto3 lists a service botocore has no model for
        if not pmodel._paginator_config:
            continue
        client = session.client(service, aws_access_key_id="x", aws_secret_access_key="x")
        PaginatorDocumenter(client, pmodel, tmp).document_paginators(DocumentStructure("x", target="html"))
        folder = os.path.join(tmp, service, "paginator")
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), "rb") as f:
                files[f"{service}/paginator/{name}"] = f.read()
        entries = {"pagination": dict(sorted(pmodel._paginator_config.items()))}
        files[f"{service}/paginators.json"] = (json.dumps(entries, indent=2, sort_keys=True) + "\n").encode()
        services[service] = truth(session, service)
        services[service]["client"] = client.__class__.__name__
        # The service's ID, which names its aws-sdk-go-v2 package, and its
        # protocol: for tests that measure the bridges to that SDK.
        services[service]["serviceId"] = client.meta.service_model.metadata.get("serviceId", "")
        services[service]["protocol"] = client.meta.service_model.protocol

    shutil.rmtree(tmp)
    tbuf = io.BytesIO()
    with tarfile.open(fileobj=tbuf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(files):
            add_file(tar, name, files[name])
    doc = {"boto3": boto3.__version__, "botocore": botocore.__version__, "services": services}
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "pages.tar.gz"), "wb") as f:
        f.write(gzipped(tbuf.getvalue()))
    with open(os.path.join(out, "truth.json.gz"), "wb") as f:
        f.write(gzipped((json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n").encode()))
    pages = sum(1 for n in files if n.endswith(".rst"))
    print(f"{pages} pages, {len(services)} services written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
