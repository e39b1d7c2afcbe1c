#!/usr/bin/env python3
"""Call operations and walk paginators with boto3, for Go tests.

Go tests run it as a subprocess (internal/moto's Boto3): it reads one JSON
document on stdin, runs its commands in order in this one process, and
writes one JSON document on stdout:

    python3 scripts/boto3_driver.py < commands.json > results.json

Input:

    {"endpoint": "http://127.0.0.1:PORT", "region": "us-east-1",
     "commands": [COMMAND, ...]}

A COMMAND is one of

    {"call": {"service": "dynamodb", "operation": "PutItem",
              "params": {...}}}
    {"paginate": {"service": "dynamodb", "paginator": "Scan",
                  "params": {...},
                  "config": {"MaxItems": 3, "PageSize": 2,
                             "StartingToken": "..."}}}

"service" is botocore's service name; "operation" and "paginator" are API
operation names, as in the service model and paginators.json. "params" and
"config" (boto3's PaginationConfig) may be left out. Anywhere in "params",
{"__bytes__": "<base64>"} stands for bytes and {"__datetime__": "<ISO 8601>"}
for a datetime (UTC where it names no offset).

Output: {"results": [RESULT, ...]}, one RESULT for each COMMAND, in order.
A call gives

    {"ok": RESPONSE}

A walk gives

    {"pages": [PAGE, ...], "items": [ITEM, ...], "result_key": "Items",
     "resume_token": "..." or null, "requests": N}

"result_key" is the paginator's first result key, a JMESPath expression;
"items" are what it finds in each page, a list's elements or a single value
(nothing where it finds nothing). "resume_token" is the PageIterator's
resume_token once the walk is over, null where it ran to the end.
"requests" counts the HTTP requests the walk sent.

A command that fails in botocore gives

    {"error": {"type": "ClientError", "code": "ValidationException",
               "message": "...", "status": 400}}

"type" is the exception's class name; "code", "message" and "status" (the
HTTP status) come from the service's error response, where there was one:
otherwise "code" is "", "message" the exception's text and "status" is
left out. A StartingToken or MaxItems that botocore cannot parse fails the
walk with type "ValueError". A walk that fails also gives "pages", "items",
"result_key", "resume_token" and "requests" as far as it got.

Every RESPONSE, PAGE and ITEM is normalised: objects keep their keys but
lose those whose value is null, "", [] or {} once normalised (recursively);
ResponseMetadata is dropped from responses and pages; datetimes become
"YYYY-MM-DDTHH:MM:SS.mmmZ" in UTC, milliseconds truncated; bytes (and a
streaming body, read whole) become standard base64; an integral Decimal an
integer, another Decimal a float; NaN and infinities the strings "NaN",
"Infinity" and "-Infinity"; a set a list sorted by its elements' JSON.
The output is compact JSON in UTF-8 on one line, its object keys sorted.

Clients use the dummy credentials "testing", the endpoint given and no
retries (one attempt per request); one client per service serves every
command. Variables that start with AWS_ and proxy variables are removed
from the environment first, so that nothing outside the input changes what
botocore does.

A malformed input, or an operation or paginator name that the service
does not have, exits with status 2, and a Python without boto3 with status
3, each with a message on stderr and nothing on stdout. Nothing but the
output document goes to stdout.
"""

import base64
import datetime
import decimal
import json
import math
import os
import sys

try:
    # botocore reads the environment when a session is made, not on import.
    import boto3
    import jmespath
    from botocore.config import Config
    from botocore.exceptions import BotoCoreError, ClientError
    from botocore.response import StreamingBody
except ImportError as e:
    MISSING = e
else:
    MISSING = None

EXIT_USAGE = 2
EXIT_NO_BOTO3 = 3


class UsageError(Exception):
    """The input asks for something the driver cannot do."""


def clean_environment():
    """Remove what would make botocore depend on more than the input."""
    for name in list(os.environ):
        if name.startswith("AWS_") or name.lower() in (
            "http_proxy",
            "https_proxy",
            "all_proxy",
            "no_proxy",
        ):
            del os.environ[name]
    os.environ["AWS_CONFIG_FILE"] = os.devnull
    os.environ["AWS_SHARED_CREDENTIALS_FILE"] = os.devnull
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"


def decode_params(value, where):
    """Turn the tagged forms of bytes and datetimes into Python values."""
    if isinstance(value, dict):
        if len(value) == 1 and "__bytes__" in value:
            try:
                return base64.b64decode(value["__bytes__"], validate=True)
            except (TypeError, ValueError) as e:
                raise UsageError(f"{where}: __bytes__: {e}") from None
        if len(value) == 1 and "__datetime__" in value:
            return parse_datetime(value["__datetime__"], where)
        return {k: decode_params(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, list):
        return [decode_params(v, f"{where}[{i}]") for i, v in enumerate(value)]
    return value


def parse_datetime(text, where):
    """Parse an ISO 8601 datetime; one without an offset is in UTC."""
    if not isinstance(text, str):
        raise UsageError(f"{where}: __datetime__ is not a string")
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        value = datetime.datetime.fromisoformat(text)
    except ValueError as e:
        raise UsageError(f"{where}: __datetime__: {e}") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value


def is_empty(value):
    """Report whether normalisation drops value from an object."""
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def normalise(value):
    """Return value as the JSON the output holds for it."""
    if isinstance(value, StreamingBody):
        value = value.read()
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = normalise(item)
            if not is_empty(item):
                out[key] = item
        return out
    if isinstance(value, (list, tuple)):
        return [normalise(item) for item in value]
    if isinstance(value, (set, frozenset)):
        items = [normalise(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            return normalise(float(value))
        if value == value.to_integral_value():
            return int(value)
        return float(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    raise TypeError(f"cannot normalise a value of type {type(value).__name__}")


def format_datetime(value):
    """Format a datetime as YYYY-MM-DDTHH:MM:SS.mmmZ in UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    value = value.astimezone(datetime.timezone.utc)
    return (
        f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
        f"T{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
        f".{value.microsecond // 1000:03d}Z"
    )


def error_result(e):
    """Describe an exception that botocore raised."""
    if isinstance(e, ClientError):
        error = e.response.get("Error", {})
        out = {
            "type": type(e).__name__,
            "code": str(error.get("Code", "")),
            "message": str(error.get("Message", "")),
        }
        status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
        if status is not None:
            out["status"] = status
        return out
    return {"type": type(e).__name__, "code": "", "message": str(e)}


class Driver:
    """Runs commands against one endpoint, with one client per service."""

    def __init__(self, endpoint, region):
        self.endpoint = endpoint
        self.session = boto3.session.Session(
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name=region,
        )
        # botocore's max_attempts counts retries after the first attempt;
        # total_max_attempts counts every attempt.
        self.config = Config(retries={"total_max_attempts": 1})
        self.clients = {}
        self.requests = 0

    def client(self, service):
        """Return the client of service, made on first use."""
        if service not in self.clients:
            client = self.session.client(
                service, endpoint_url=self.endpoint, config=self.config
            )
            client.meta.events.register("before-send", self.count_request)
            self.clients[service] = client
        return self.clients[service]

    def count_request(self, **kwargs):
        """Count an HTTP request about to be sent; send it unchanged."""
        self.requests += 1

    def method_name(self, client, operation, where):
        """Return the client's method name for an API operation name."""
        for method, api in client.meta.method_to_api_mapping.items():
            if api == operation:
                return method
        raise UsageError(
            f"{where}: {client.meta.service_model.service_name} "
            f"has no operation {operation!r}"
        )

    def run(self, command, where):
        """Run one command and return its result."""
        if not isinstance(command, dict) or len(command) != 1:
            raise UsageError(f"{where}: want an object with one key, call or paginate")
        kind, body = next(iter(command.items()))
        if kind not in ("call", "paginate"):
            raise UsageError(f"{where}: unknown command {kind!r}")
        if not isinstance(body, dict):
            raise UsageError(f"{where}.{kind}: want an object")
        where = f"{where}.{kind}"
        service = required_string(body, "service", where)
        params = body.get("params", {})
        if not isinstance(params, dict):
            raise UsageError(f"{where}.params: want an object")
        params = decode_params(params, f"{where}.params")
        if kind == "call":
            operation = required_string(body, "operation", where)
            try:
                client = self.client(service)
                method = getattr(client, self.method_name(client, operation, where))
                response = method(**params)
                response.pop("ResponseMetadata", None)
                # Reads a streaming body, which may fail.
                return {"ok": normalise(response)}
            except (BotoCoreError, ClientError) as e:
                return {"error": error_result(e)}
        name = required_string(body, "paginator", where)
        config = body.get("config", {})
        if not isinstance(config, dict):
            raise UsageError(f"{where}.config: want an object")
        return self.paginate(service, name, params, config, where)

    def paginate(self, service, name, params, config, where):
        """Walk one of boto3's paginators and return what it yielded."""
        result = {
            "pages": [],
            "items": [],
            "result_key": None,
            "resume_token": None,
            "requests": 0,
        }
        start = self.requests
        iterator = None
        try:
            client = self.client(service)
            paginator = client.get_paginator(self.method_name(client, name, where))
            result_key = paginator._pagination_cfg.get("result_key")
            if isinstance(result_key, list):
                result_key = result_key[0]
            result["result_key"] = result_key
            search = jmespath.compile(result_key).search if result_key else None
            iterator = paginator.paginate(**params, PaginationConfig=config)
            for page in iterator:
                page = dict(page)
                page.pop("ResponseMetadata", None)
                found = search(page) if search else None
                if isinstance(found, list):
                    result["items"].extend(normalise(item) for item in found)
                elif found is not None:
                    result["items"].append(normalise(found))
                result["pages"].append(normalise(page))
        except (BotoCoreError, ClientError, ValueError) as e:
            # botocore rejects a bad StartingToken or MaxItems with a ValueError.
            result["error"] = error_result(e)
        if iterator is not None:
            result["resume_token"] = iterator.resume_token
        result["requests"] = self.requests - start
        return result


def required_string(body, key, where):
    """Return body[key], which must be a non-empty string."""
    value = body.get(key)
    if not isinstance(value, str) or not value:
        raise UsageError(f"{where}.{key}: want a non-empty string")
    return value


def main():
    """Read the input, run its commands and write the output."""
    out = sys.stdout
    sys.stdout = sys.stderr  # only the output document goes to stdout
    try:
        doc = json.load(sys.stdin)
    except ValueError as e:
        raise UsageError(f"stdin: {e}") from None
    if not isinstance(doc, dict):
        raise UsageError("stdin: want an object")
    endpoint = required_string(doc, "endpoint", "input")
    region = required_string(doc, "region", "input")
    commands = doc.get("commands")
    if not isinstance(commands, list):
        raise UsageError("input.commands: want a list")

    if MISSING is not None:
        print(f"boto3_driver: {MISSING}", file=sys.stderr)
        return EXIT_NO_BOTO3
    clean_environment()

    driver = Driver(endpoint, region)
    results = [
        driver.run(command, f"commands[{i}]") for i, command in enumerate(commands)
    ]
    text = json.dumps(
        {"results": results},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        allow_nan=False,
    )
    out.buffer.write(text.encode("utf-8") + b"\n")
    out.flush()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except UsageError as e:
        print(f"boto3_driver: {e}", file=sys.stderr)
        sys.exit(EXIT_USAGE)
