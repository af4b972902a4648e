#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every key of the (configured) GSettings schema has a summary and a
description, numbers have a range, and the schema's id and path are the
app id's. glib-compile-schemas checks defaults against ranges and choices."""
import sys
import xml.etree.ElementTree as ET

NUMERIC = set("ynqiuxtd")
path = sys.argv[1]
problems = []
root = ET.parse(path).getroot()
schemas = root.findall("schema")
if not schemas:
    problems.append(f"{path}: no <schema>")
for schema in schemas:
    sid = schema.get("id", "")
    spath = schema.get("path", "")
    want = "/" + sid.replace(".", "/") + "/"
    if spath and spath != want:
        problems.append(f"{path}: schema {sid}: path {spath} is not {want}")
    for key in schema.findall("key"):
        name = key.get("name")
        where = f"{path}: schema {sid}, key {name}"
        for field in ("summary", "description"):
            el = key.find(field)
            if el is None or not (el.text or "").strip():
                problems.append(f"{where}: no <{field}>")
        ktype = key.get("type", "")
        if ktype in NUMERIC and key.find("range") is None:
            problems.append(f"{where}: a number without <range>")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
