#!/usr/bin/env python3
"""Write boto3 paginator reference pages, as boto3's documentation build does.

Usage:
    python3 scripts/boto3_pages.py OUT_DIR [SERVICE[/PAGINATOR] ...]

With no SERVICE, every service that has paginators is written (the whole
corpus: 3,112 pages for 338 services with boto3 1.43.11, in about a minute).
Pages land at OUT_DIR/<service>/paginator/<Name>.rst, the layout pagegen's
specs/ folder uses, so `python3 scripts/boto3_pages.py specs ssm/DescribeSessions`
adds one page. Beside them, OUT_DIR/<service>/paginators.json gets botocore's
entries for the pages written (the entries of botocore's
data/<service>/<api-version>/paginators-1.json), added to those the file
already has: pagegen reads the pagination members from them where a page's
conventions cannot tell. Needs boto3; makes no network calls.
"""
import json
import os
import sys

import boto3
import botocore.exceptions
from botocore.docs.bcdoc.restdoc import DocumentStructure
from botocore.docs.paginator import PaginatorDocumenter


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out, wanted = argv[1], argv[2:]
    session = boto3.session.Session(region_name="us-east-1")
    services = sorted({w.split("/")[0] for w in wanted}) or session.get_available_services()
    written = 0
    for service in services:
        try:
            model = session._session.get_paginator_model(service)
        except botocore.exceptions.UnknownServiceError:
            continue  # boto3 lists a service botocore has no model for
        if not model._paginator_config:
            continue
        client = session.client(service, aws_access_key_id="x", aws_secret_access_key="x")
        names = [w.split("/", 1)[1] for w in wanted if w.startswith(service + "/")]
        if names:
            # Document only the named paginators.
            model._paginator_config = {n: model._paginator_config[n] for n in names}
        PaginatorDocumenter(client, model, out).document_paginators(DocumentStructure("x", target="html"))
        write_entries(os.path.join(out, service, "paginators.json"), model._paginator_config)
        written += len(model._paginator_config)
    print(f"{written} pages written under {out}", file=sys.stderr)
    return 0


def write_entries(path, entries):
    """Adds botocore's paginator entries to the paginators.json at path."""
    merged = {"pagination": {}}
    if os.path.exists(path):
        with open(path) as f:
            merged = json.load(f)
    merged.setdefault("pagination", {}).update(entries)
    with open(path, "w") as f:
        f.write(json.dumps(merged, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
