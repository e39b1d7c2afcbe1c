#!/usr/bin/env python3
"""Record botocore's paginator behaviour for the paginate package's tests.

Rerun from the repository root with:

    python3 scripts/record_paginate.py

It needs python3 with botocore installed (the checked-in cases were recorded
with botocore 1.43.11) and no network access. It rewrites
paginate/testdata/botocore_cases.json, which `go test ./paginate/` replays
without Python:

  * "layouts": the fake services the cases run against.
  * "cases": botocore.paginate.PageIterator driven over a grid of fake
    services (page layouts) x MaxItems x PageSize x StartingToken. Each case
    holds every request's kwargs, every yielded page, the final resume_token
    and the exception raised, if any.
  * "parse": PageIterator._parse_starting_token on hand-written and
    pseudo-random starting tokens.
  * "encode": TokenEncoder.encode on dictionaries of string tokens.
  * "encode_json": TokenEncoder.encode on dictionaries of tokens that are
    other values (numbers, lists, dicts, bytes), written as type-tagged
    trees (see tree()).
  * "json_layouts" and "json_cases": like "layouts" and "cases", for fake
    services whose tokens are such values (DynamoDB's LastEvaluatedKey is a
    dict that may hold bytes; S3 ListParts' marker is an int).

The output is deterministic: rerunning with the same botocore version gives
the same bytes.
"""

import base64
import json
import os
import random
import sys

import botocore
import jmespath
from botocore.paginate import PageIterator, TokenEncoder

OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..",
    "paginate",
    "testdata",
    "botocore_cases.json",
)

RESULT_KEY = "Items"
LIMIT_KEY = "MaxResults"
MORE_KEY = "IsTruncated"
UNKNOWN_ITEMS = ["unknown"]

MAX_ITEMS = [None, 1, 2, 3, 4, 5, 7, 100]
PAGE_SIZES = [None, 2]


def page(request, items, nxt, more=None):
    return {"request": request, "items": items, "next": nxt, "more": more}


def items(prefix, n):
    return [f"{prefix}{i}" for i in range(n)]


ONE = ["NextToken"]
TWO_IN = ["Marker", "KeyMarker"]
TWO_OUT = ["NextMarker", "NextKeyMarker"]

# Each layout is a fake service: the page it serves is chosen by the values
# of the input tokens in the request. A request matching no page gets one
# item, "unknown", and no next token.
LAYOUTS = [
    {
        "name": "one_page",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [page([None], items("a", 3), [None])],
    },
    {
        "name": "three_pages",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 2), ["tok1"]),
            page(["tok1"], items("b", 3), ["tok2"]),
            page(["tok2"], items("c", 1), [None]),
        ],
    },
    {
        "name": "empty_middle",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 2), ["tok1"]),
            page(["tok1"], [], ["tok2"]),
            page(["tok2"], None, ["tok3"]),
            page(["tok3"], items("d", 3), [None]),
        ],
    },
    {
        "name": "empty_string_end",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 2), ["tok1"]),
            page(["tok1"], items("b", 2), [""]),
        ],
    },
    {
        "name": "repeat_token",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 2), ["tok1"]),
            page(["tok1"], items("b", 1), ["tok1"]),
        ],
    },
    {
        "name": "five_of_four",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 4), ["tok1"]),
            page(["tok1"], items("b", 4), ["tok2"]),
            page(["tok2"], items("c", 4), ["tok3"]),
            page(["tok3"], items("d", 4), ["tok4"]),
            page(["tok4"], items("e", 4), [None]),
        ],
    },
    {
        "name": "first_empty",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], [], ["tok1"]),
            page(["tok1"], items("b", 3), [None]),
        ],
    },
    {
        "name": "none_string_token",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [page([None], items("a", 2), ["None"])],
    },
    {
        "name": "non_ascii_tokens",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "pages": [
            page([None], items("a", 3), ["t\u00f6k<1>&"]),
            page(["t\u00f6k<1>&"], items("b", 3), ["\U0001f600\"\\/\n"]),
            page(["\U0001f600\"\\/\n"], items("c", 2), [None]),
        ],
    },
    {
        "name": "more_results",
        "input_tokens": ONE,
        "output_tokens": ONE,
        "more_results": True,
        "pages": [
            page([None], items("a", 2), ["tok1"], True),
            page(["tok1"], items("b", 3), ["tok2"], True),
            page(["tok2"], items("c", 2), ["tok3"], False),
        ],
    },
    {
        "name": "two_tokens",
        "input_tokens": TWO_IN,
        "output_tokens": TWO_OUT,
        "pages": [
            page([None, None], items("a", 2), ["m1", "k1"]),
            page(["m1", "k1"], items("b", 1), ["m2", None]),
            page(["m2", None], items("c", 3), [None, "k3"]),
            page([None, "k3"], items("d", 2), [None, None]),
        ],
    },
]


def b64(text):
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def sprinkle(token, junk):
    """Insert characters outside the base64 alphabet between every 4."""
    return junk.join(token[i : i + 4] for i in range(0, len(token), 4))


# Starting tokens that exercise the decoder's fallbacks and odd values.
ODD_TOKENS_ONE = [
    "tok1___x",
    "tok1___ 2 ",
    "tok1___+1",
    "tok1___1_0",
    "tok1___\u0661",
    "tok1___-1",
    "tok1___",
    "None___1",
    "None",
    "a___b___c",
    "___1",
    sprinkle(b64('{"NextToken": "tok1", "boto_truncate_amount": 1}'), "\n"),
    sprinkle(b64('{"NextToken": "tok1", "boto_truncate_amount": 2}'), "!-_."),
    b64('{"NextToken": "tok1", "boto_truncate_amount": 1}').rstrip("="),
    b64('{"NextToken": "tok1", "boto_truncate_amount": 1}') + "==junk",
    b64('{"boto_truncate_amount": 1}'),
    b64("{}"),
    b64('{"NextToken": null, "boto_truncate_amount": 2}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": null}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": true}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": 1.5}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": -1}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": 99}'),
    b64('{"NextToken": "tok1", "boto_truncate_amount": 1, "NextToken": "tok2"}'),
    b64('{"NextToken": "None", "boto_truncate_amount": 1}'),
    b64('{"NextToken": "tok\\u0031", "boto_encoded_keys": [], "boto_truncate_amount": 1}'),
    b64('{"NextToken": "tok1", "boto_encoded_keys": null}'),
    b64(' \t{ "NextToken" :"tok2" ,"boto_truncate_amount":0}\r\n'),
    b64('["tok1"]'),
    b64('"tok1"'),
    b64("7"),
    b64("{\"NextToken\": \"tok1\"} x"),
    b64('{"NextToken": "tok1", "boto_encoded_keys": 0}'),
    b64(
        '{"NextToken": "tok1", "boto_truncate_amount": "Mg==", '
        '"boto_encoded_keys": [["boto_truncate_amount"]]}'
    ),
]

# Starting tokens only recorded at the parse level: botocore would send a
# bytes token, which a real client's parameter validation rejects.
PARSE_ONLY_TOKENS = [
    b64('{"NextToken": "tok1", "boto_encoded_keys": [["NextToken"]]}'),
    b64('{"NextToken": "dG9rMQ==", "boto_encoded_keys": [["NextToken"]]}'),
    b64('{"NextToken": ["dG9rMQ=="], "boto_encoded_keys": [["NextToken", 0]]}'),
    b64('{"NextToken": "tok1", "x": "Zm9v", "boto_encoded_keys": {"x": 1}}'),
]

ODD_TOKENS_TWO = [
    "m1",
    "m1___k1",
    "m1___k1___1",
    "m2___None___2",
    "None___k3___0",
    "None___k3___1",
    "a___b___c___d",
    b64('{"KeyMarker": "k1", "Marker": "m1", "boto_truncate_amount": 0}'),
    b64('{"boto_truncate_amount": 1, "KeyMarker": null, "Marker": "m2"}'),
    b64('{"Marker": "m1", "boto_truncate_amount": 1}'),
    b64('{"Marker": "m1"}'),
]


class Fake:
    def __init__(self, layout):
        self.layout = layout
        self.calls = []

    def __call__(self, **kwargs):
        self.calls.append(dict(kwargs))
        key = [kwargs.get(name) for name in self.layout["input_tokens"]]
        for p in self.layout["pages"]:
            if p["request"] == key:
                return self.response(p)
        return {RESULT_KEY: list(UNKNOWN_ITEMS)}

    def response(self, p):
        resp = {}
        if p["items"] is not None:
            resp[RESULT_KEY] = list(p["items"])
        for name, value in zip(self.layout["output_tokens"], p["next"]):
            if value is not None:
                resp[name] = value
        if self.layout.get("more_results"):
            resp[MORE_KEY] = p["more"]
        return resp


def page_iterator(layout, method, max_items, starting_token, page_size):
    more = layout.get("more_results")
    return PageIterator(
        method,
        list(layout["input_tokens"]),
        [jmespath.compile(t) for t in layout["output_tokens"]],
        jmespath.compile(MORE_KEY) if more else None,
        [jmespath.compile(RESULT_KEY)],
        [],
        LIMIT_KEY,
        max_items,
        starting_token,
        page_size,
        {},
    )


def error_record(exc):
    return {"type": type(exc).__name__, "message": str(exc)}


def run_case(layout, max_items, page_size, starting_token):
    fake = Fake(layout)
    it = page_iterator(layout, fake, max_items, starting_token, page_size)
    pages = []
    error = None
    try:
        for resp in it:
            pages.append(
                {
                    "items": resp.get(RESULT_KEY),
                    "next": [resp.get(t) for t in layout["output_tokens"]],
                }
            )
    except Exception as exc:  # recorded, replayed by the Go tests
        error = error_record(exc)
    return {
        "layout": layout["name"],
        "max_items": max_items,
        "page_size": page_size,
        "starting_token": starting_token,
        "requests": fake.calls,
        "pages": pages,
        "resume_token": it.resume_token,
        "error": error,
    }


def resume_closure(layout, depth=2):
    """Resume tokens produced by runs of layout, and by runs resumed from them."""
    seen = set()
    frontier = [None]
    for _ in range(depth):
        nxt = []
        for start in frontier:
            for max_items in MAX_ITEMS:
                case = run_case(layout, max_items, None, start)
                tok = case["resume_token"]
                if tok is not None and tok not in seen:
                    seen.add(tok)
                    nxt.append(tok)
        frontier = sorted(nxt)
    return sorted(seen)


def starting_tokens(layout):
    toks = [None] + resume_closure(layout)
    if layout["input_tokens"] == ONE:
        toks += ["tok2", "tok1___1"]
        if layout["name"] == "three_pages":
            toks += ODD_TOKENS_ONE
    else:
        toks += ODD_TOKENS_TWO
    out = []
    for t in toks:
        if t not in out:
            out.append(t)
    return out


def record_cases():
    cases = []
    for layout in LAYOUTS:
        for start in starting_tokens(layout):
            for max_items in MAX_ITEMS:
                for page_size in PAGE_SIZES:
                    cases.append(run_case(layout, max_items, page_size, start))
    cases.sort(
        key=lambda c: (
            c["layout"],
            json.dumps(c["starting_token"]),
            -1 if c["max_items"] is None else c["max_items"],
            -1 if c["page_size"] is None else c["page_size"],
        )
    )
    return cases


def tagged(value):
    """A JSON-safe, type-tagged form of a decoded token value.

    "repr" is Python's repr() of the value; "tree" is the whole value in the
    form of tree().
    """
    out = {"kind": type(value).__name__, "repr": repr(value), "tree": tree(value)}
    if value is None:
        out["kind"] = "null"
    elif isinstance(value, (bool, str)):
        out["value"] = value
    elif isinstance(value, int):
        out["value"] = str(value)
    return out


def tree(value):
    """A token value as JSON, every node tagged with its Python type.

    None is null; a str is {"s": v}, a bool {"b": v}, an int {"i": "digits"},
    a float {"f": repr}, bytes {"y": base64}, a list {"l": [nodes]} and a
    dict {"d": [[key, node], ...]} in its order.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, float):
        return {"f": repr(value)}
    if isinstance(value, str):
        return {"s": value}
    if isinstance(value, bytes):
        return {"y": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list):
        return {"l": [tree(v) for v in value]}
    if isinstance(value, dict):
        return {"d": [[k, tree(v)] for k, v in value.items()]}
    raise TypeError(type(value))


def parse_one(input_tokens, token):
    it = PageIterator(
        None, list(input_tokens), [], None, [], [], None, None, token, None, {}
    )
    try:
        next_token, index = it._parse_starting_token()
    except Exception as exc:
        return {"error": error_record(exc)}
    # What a resume token built from this starting token would be.
    try:
        resume = TokenEncoder().encode(dict(next_token, boto_truncate_amount=7))
    except Exception as exc:
        resume = {"error": error_record(exc)}
    return {
        "pairs": [[k, tagged(v)] for k, v in next_token.items()],
        "index": tagged(index),
        "resume": resume,
    }


def random_tokens(rng, n):
    json_pieces = [
        '{"NextToken": "tok1"}',
        '{"NextToken": "tok1", "boto_truncate_amount": 3}',
        '{"Marker": "m", "KeyMarker": null, "boto_truncate_amount": 1}',
        '{"KeyMarker": "k", "Marker": "m"}',
        '{"NextToken": "\\u00e9\\ud83d\\ude00\\ud800x"}',
        '{"NextToken": "\\ud83d\\n\\ud83d\\ud83d\\ude00\\udc00"}',
        '{"NextToken": "\\ud83d\\u12"}',
        '{"NextToken": "\\ud83d\\x"}',
        '{"NextToken": "\\ud83d\\"}',
        '{"NextToken": "a", "boto_truncate_amount": 1E+2}',
        '{"NextToken": "a", "boto_truncate_amount": 1e}',
        '{"NextToken": "a", "boto_truncate_amount": [1]}',
        '{"NextToken": "a", "boto_truncate_amount": "1"}',
        '{"NextToken": "a", "boto_truncate_amount": {}}',
        '{"NextToken": "a"}  ',
        '{"NextToken": "a"}\x0b',
        '{ }',
        '{"":""}',
        '[[[[[]]]]]',
        '{"NextToken": "a", "x": [[], {}, [1, [2, {"y": null}]]]}',
        '{"NextToken": 5}',
        '{"NextToken": [1, {"a": [true, false, null]}]}',
        '{"NextToken": "a", "boto_truncate_amount": 1e2}',
        '{"NextToken": "a", "boto_truncate_amount": NaN}',
        '{"NextToken": "a", "boto_truncate_amount": -Infinity}',
        '{"NextToken": "a", "boto_truncate_amount": 123456789012345678901234567890}',
        '{"NextToken": "a", "boto_truncate_amount": -0}',
        '{"NextToken": "a\\tb\\"c\\\\d\\/e\\bf\\fg\\nh\\ri"}',
        '{"NextToken": "\u00e9\u4e16"}',
        '{"NextToken": "tok1",}',
        '{"NextToken": "tok1" "x": 1}',
        '{NextToken: "tok1"}',
        '{"NextToken": "a\x01"}',
        '{"NextToken": "\\x41"}',
        '{"NextToken": "\\u12G4"}',
        '{"NextToken": 01}',
        '{"NextToken": 1.}',
        '{"NextToken": -}',
        '{"NextToken": tru}',
        "{}",
        "[]",
        " {\"NextToken\":\"q\"}\n",
        "\ufeff{}",
        '{"boto_encoded_keys": [], "NextToken": "x"}',
        '{"boto_encoded_keys": "", "NextToken": "x"}',
        '{"boto_encoded_keys": {}, "NextToken": "x"}',
        '{"boto_encoded_keys": false, "NextToken": "x"}',
        '{"boto_encoded_keys": 1.5, "NextToken": "x"}',
        '{"a": 1, "a": 2, "NextToken": "z", "a": "3"}',
        '{"NextToken": "None", "boto_truncate_amount": false}',
        "null",
        "true",
        '"s"',
        "1.5",
        "NaN",
    ]
    dep_pieces = [
        "tok",
        "None",
        "___",
        "_",
        "1",
        "0",
        " ",
        "-",
        "+",
        "\u0663",
        "\u00a0",
        "\x1c",
        "\x0b",
        "x",
        "\uff11",
        "\U0001d7ce",
        "\u00b2",
    ]
    junk = "\n !-_.=*\u00e9"
    out = []
    for _ in range(n):
        kind = rng.randrange(5)
        if kind == 0:
            out.append(b64(rng.choice(json_pieces)))
        elif kind == 1:
            tok = b64(rng.choice(json_pieces))
            chars = list(tok)
            for _ in range(rng.randrange(1, 4)):
                op = rng.randrange(3)
                pos = rng.randrange(len(chars) + 1)
                if op == 0:
                    chars.insert(pos, rng.choice(junk))
                elif op == 1 and chars:
                    del chars[min(pos, len(chars) - 1)]
                else:
                    chars.insert(pos, "=")
            out.append("".join(chars))
        elif kind == 2:
            out.append(
                "".join(rng.choice(dep_pieces) for _ in range(rng.randrange(1, 7)))
            )
        elif kind == 3:
            alphabet = (
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
            )
            out.append(
                "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 13)))
            )
        else:
            out.append(b64(rng.choice(json_pieces))[: rng.randrange(1, 30)])
    return out


def structured_tokens(rng, n):
    """Resume-token-like JSON texts, some slightly broken, base64-encoded.

    They exercise the JSON grammar, duplicate keys, the truncate amount and
    TokenDecoder's boto_encoded_keys handling.
    """
    scalars = [
        '"tok1"', '"None"', '""', "null", "true", "false", "0", "-0", "12",
        "1.5", "1e3", "-1", "NaN", "Infinity", "-Infinity", '"\\u00e9"',
        '"\\ud83d\\ude00"', '"\\ud800"', '"a\\tb"', '"\u00e9"',
        "99999999999999999999999", '"Zm9v"', '"dG9rMQ=="', '"!"', '"YQ"',
        '[["NextToken"]]', '["NextToken"]', '[["x", 0]]', '[["x", -1]]',
        '[["x", 5]]', '[["KeyMarker"], ["Marker"]]', '"x"', "[[]]",
        '[["boto_truncate_amount"]]', '[["NextToken", 0]]', '[["x", "a"]]',
        '[["x", true]]',
    ]
    keys = [
        '"NextToken"', '"Marker"', '"KeyMarker"', '"boto_truncate_amount"',
        '"boto_encoded_keys"', '"x"', '"Next\\u0054oken"',
    ]

    def value(depth):
        k = rng.randrange(12)
        if k < 4 or depth > 3:
            return rng.choice(scalars)
        if k < 7:
            return "[" + ", ".join(value(depth + 1) for _ in range(rng.randrange(3))) + "]"
        return obj(depth + 1)

    def obj(depth):
        members = (
            rng.choice(keys) + rng.choice([": ", ":", " : "]) + value(depth + 1)
            for _ in range(rng.randrange(4))
        )
        return "{" + ", ".join(members) + "}"

    def mutate(text):
        chars = list(text)
        for _ in range(rng.randrange(3)):
            op, pos = rng.randrange(3), rng.randrange(len(chars) + 1)
            if op == 0:
                chars.insert(pos, rng.choice('{}[]",: \t\n\r\x0b\\ue0-+.x\x01'))
            elif chars:
                pos = min(pos, len(chars) - 1)
                if op == 1:
                    del chars[pos]
                else:
                    chars[pos] = rng.choice('{}[]",:\\ 0')
        return "".join(chars)

    out = []
    for _ in range(n):
        text = obj(0) if rng.random() < 0.8 else value(0)
        if rng.random() < 0.5:
            text = mutate(text)
        if rng.random() < 0.3:
            text = rng.choice([" ", "\n", "", "\t"]) + text + rng.choice([" ", "\n", "", "\r\n", "\x0c"])
        out.append(b64(text))
    return out


def record_parse():
    rng = random.Random(20240611)
    tokens = []
    for layout in LAYOUTS:
        for t in starting_tokens(layout):
            if t is not None:
                tokens.append(t)
    tokens += ODD_TOKENS_ONE + ODD_TOKENS_TWO + PARSE_ONLY_TOKENS
    tokens += random_tokens(rng, 600)
    uniq = sorted(set(tokens))
    structured = sorted(set(structured_tokens(rng, 500)) - set(uniq))
    rows = []
    for inputs in (ONE, TWO_IN):
        for t in uniq:
            row = {"input_tokens": inputs, "token": t}
            row.update(parse_one(inputs, t))
            rows.append(row)
    for t in structured:
        row = {"input_tokens": ONE, "token": t}
        row.update(parse_one(ONE, t))
        rows.append(row)
    return rows


def record_encode():
    values = [
        None,
        "",
        "tok1",
        "None",
        "<a href='x'>&amp;</a>",
        "caf\u00e9 \u4e16\u754c",
        "\U0001f600 \U00010348",
        'quote" back\\ slash/',
        "\x00\x01\x08\x09\x0a\x0b\x0c\x0d\x1f\x7f\x80\u2028\u2029",
        "\ufeff\uffff",
    ]
    rows = []
    for v in values:
        for trunc in (None, 0, 3, -2, 12345678901):
            token = {"NextToken": v}
            if trunc is not None:
                token["boto_truncate_amount"] = trunc
            rows.append(
                {
                    "keys": ["NextToken"],
                    "values": [v],
                    "truncate": trunc,
                    "token": TokenEncoder().encode(token),
                }
            )
    for a, b in ((None, "k1"), ("m1", None), ("\u00e9", "<&>"), (None, None)):
        token = {"Marker": a, "KeyMarker": b, "boto_truncate_amount": 1}
        rows.append(
            {
                "keys": ["Marker", "KeyMarker"],
                "values": [a, b],
                "truncate": 1,
                "token": TokenEncoder().encode(token),
            }
        )
    return rows


def record_encode_json():
    values = [
        7,
        -12345678901,
        1.5,
        1e16,
        0.0001,
        1e-05,
        100.0,
        True,
        ["a", 1, None, [b"\x00"]],
        {"pk": {"S": "caf\u00e9"}, "sk": {"N": "12"}},
        {"zz": {"S": "h1"}, "aa": {"S": "r1"}},
        {"pk": {"B": b"\x00\xff<&>"}, "sk": {"B": b"abc"}},
        {"a": [{"b": b"x"}, {"c": [b"", b"yz"]}]},
        b"raw bytes",
        {"nested": {"deeper": {"list": [1, 2.25, "three", False, None]}}},
        {},
        [],
    ]
    rows = []
    for v in values:
        for trunc in (None, 3):
            token = {"ExclusiveStartKey": v}
            if trunc is not None:
                token["boto_truncate_amount"] = trunc
            rows.append(
                {
                    "keys": ["ExclusiveStartKey"],
                    "values": [tree(v)],
                    "truncate": trunc,
                    "token": TokenEncoder().encode(token),
                }
            )
    token = {"Marker": {"k": b"\x01"}, "KeyMarker": 5, "boto_truncate_amount": 1}
    rows.append(
        {
            "keys": ["Marker", "KeyMarker"],
            "values": [tree(token["Marker"]), tree(5)],
            "truncate": 1,
            "token": TokenEncoder().encode(token),
        }
    )
    return rows


# Fake services whose tokens are not strings. Keys of these layouts' pages
# are matched on the request's token values.
JSON_LAYOUTS = [
    {
        "name": "dict_tokens",
        "input_tokens": ["ExclusiveStartKey"],
        "output_tokens": ["LastEvaluatedKey"],
        "pages": [
            page([None], items("a", 3), [{"pk": {"S": "a2"}, "sk": {"N": "2"}}]),
            page(
                [{"pk": {"S": "a2"}, "sk": {"N": "2"}}],
                items("b", 3),
                [{"zz": {"S": "b\u00e9<&>"}, "aa": {"B": b"\x00\xff"}}],
            ),
            page(
                [{"zz": {"S": "b\u00e9<&>"}, "aa": {"B": b"\x00\xff"}}],
                items("c", 2),
                [{}],
            ),
        ],
    },
    {
        "name": "int_tokens",
        "input_tokens": ["PartNumberMarker"],
        "output_tokens": ["NextPartNumberMarker"],
        "pages": [
            page([None], items("a", 2), [2]),
            page([2], items("b", 2), [4]),
            page([4], items("c", 1), [0]),
        ],
    },
]


class JSONFake(Fake):
    """A Fake whose requests are recorded as trees."""

    def __call__(self, **kwargs):
        out = super().__call__(**kwargs)
        self.calls[-1] = {k: tree(v) for k, v in self.calls[-1].items()}
        return out


def run_json_case(layout, max_items, page_size, starting_token):
    fake = JSONFake(layout)
    it = page_iterator(layout, fake, max_items, starting_token, page_size)
    pages = []
    error = None
    try:
        for resp in it:
            pages.append(
                {
                    "items": resp.get(RESULT_KEY),
                    "next": [tree(resp.get(t)) for t in layout["output_tokens"]],
                }
            )
    except Exception as exc:  # recorded, replayed by the Go tests
        error = error_record(exc)
    return {
        "layout": layout["name"],
        "max_items": max_items,
        "page_size": page_size,
        "starting_token": starting_token,
        "requests": fake.calls,
        "pages": pages,
        "resume_token": it.resume_token,
        "error": error,
    }


def record_json_cases():
    cases = []
    for layout in JSON_LAYOUTS:
        starts = [None]
        for start in list(starts):
            for max_items in MAX_ITEMS:
                tok = run_json_case(layout, max_items, None, start)["resume_token"]
                if tok is not None and tok not in starts:
                    starts.append(tok)
        for start in list(starts[1:]):
            for max_items in MAX_ITEMS:
                tok = run_json_case(layout, max_items, None, start)["resume_token"]
                if tok is not None and tok not in starts:
                    starts.append(tok)
        for start in starts:
            for max_items in MAX_ITEMS:
                for page_size in PAGE_SIZES:
                    cases.append(run_json_case(layout, max_items, page_size, start))
    return cases


def json_layouts():
    """JSON_LAYOUTS with their tokens as trees."""
    out = []
    for layout in JSON_LAYOUTS:
        layout = dict(layout)
        layout["pages"] = [
            dict(
                p,
                request=[tree(v) for v in p["request"]],
                next=[tree(v) for v in p["next"]],
            )
            for p in layout["pages"]
        ]
        out.append(layout)
    return out


def main():
    data = {
        "encode_json": record_encode_json(),
        "json_cases": record_json_cases(),
        "json_layouts": json_layouts(),
        "botocore_version": botocore.__version__,
        "cases": record_cases(),
        "layouts": LAYOUTS,
        "parse": record_parse(),
        "encode": record_encode(),
    }
    lines = ["{"]
    keys = sorted(data)
    for i, key in enumerate(keys):
        value = data[key]
        end = "," if i < len(keys) - 1 else ""
        if isinstance(value, list):
            lines.append(json.dumps(key) + ": [")
            for j, row in enumerate(value):
                sep = "," if j < len(value) - 1 else ""
                lines.append(
                    json.dumps(row, sort_keys=True, separators=(",", ":")) + sep
                )
            lines.append("]" + end)
        else:
            lines.append(json.dumps(key) + ": " + json.dumps(value) + end)
    lines.append("}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(
        f"wrote {len(data['cases'])} cases, {len(data['parse'])} parse rows, "
        f"{len(data['encode'])} encode rows, {len(data['encode_json'])} encode_json rows, "
        f"{len(data['json_cases'])} json cases to {os.path.relpath(OUT)}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
