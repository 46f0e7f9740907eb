#!/usr/bin/python3
"""Checks lerbrief's YAML files against the JSON Schemas in docs/schema.

  schema_check.py validate SCHEMA_DIR FILE...
      Validates each file against the schema its name calls for (document.yaml,
      intro.yaml, phases.yaml, action-areas.yaml, glossary.yaml,
      resources.yaml, lers-explained.yaml, corrections.yaml, event.yaml (--event-file), stakeholders/*.yaml; *.yaml in a layouts/ folder or
      named *layout*.yaml: the layout schema). Other files are an error.
  schema_check.py fields SCHEMA_DIR DUMP
      DUMP has one line per mapping the loader read: file, path, the keys it
      accepts there (tab-separated, keys comma-separated). Every key must be a
      property of the schema at that place and every property a key; and every
      object of the schemas must have been read (so the dump covers them all).

Prints `file: error: …` lines and exits 1 on any problem. Test-only
(tests/load/schema_test.cpp); uses Debian's python3-jsonschema and python3-yaml.
"""
import json
import os
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    """YAML as lerbrief reads it: dates stay text (as in YAML 1.2)."""


Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

CONTENT = {"document.yaml": "document", "intro.yaml": "intro", "phases.yaml": "phases",
           "action-areas.yaml": "action-areas", "glossary.yaml": "glossary", "resources.yaml": "resources",
           "lers-explained.yaml": "lers-explained", "corrections.yaml": "corrections", "event.yaml": "event"}
# Objects the loader reads without Fields (so they are not in a dump).
NOT_FIELDS = {("layout", "breaks")}


def kind_of(path):
    name = os.path.basename(path)
    parent = os.path.basename(os.path.dirname(os.path.abspath(path)))
    if parent == "stakeholders":
        return "stakeholder"
    if parent == "layouts" or "layout" in name:
        return "layout"
    return CONTENT.get(name)


def load_schema(schema_dir, kind):
    with open(os.path.join(schema_dir, kind + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


def validate(schema_dir, files):
    problems = 0
    for path in files:
        kind = kind_of(path)
        if kind is None:
            print(f"{path}: error: no schema for this file")
            problems += 1
            continue
        schema = load_schema(schema_dir, kind)
        jsonschema.Draft7Validator.check_schema(schema)
        with open(path, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=Loader)
        v = jsonschema.Draft7Validator(schema)
        for e in sorted(v.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
            where = ".".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"{path}: error: {where}: {e.message} [{kind}.schema.json]")
            problems += 1
    return problems


def resolve(schema, node):
    """Follows $ref and the allOf/anyOf wrappers to the object schema, if any."""
    while True:
        if "$ref" in node:
            node = schema["definitions"][node["$ref"].split("/")[-1]]
        elif "allOf" in node:
            node = node["allOf"][0]
        elif "anyOf" in node:
            objs = [a for a in node["anyOf"] if resolve(schema, a).get("type") == "object"]
            if not objs:
                return node
            node = objs[0]
        else:
            return node


def at_path(schema, path):
    node = resolve(schema, schema)
    for part in [p for p in path.split(".") if p]:
        name, items = (part[:-2], True) if part.endswith("[]") else (part, False)
        props = node.get("properties", {})
        if name in props:
            node = resolve(schema, props[name])
        elif isinstance(node.get("additionalProperties"), dict):
            node = resolve(schema, node["additionalProperties"])
        else:
            return None
        if items:
            node = resolve(schema, node.get("items", {}))
    return node


def generic_path(schema, path):
    """styles.body → styles.*: free-named keys as object_paths() names them."""
    node, out = resolve(schema, schema), []
    for part in [p for p in path.split(".") if p]:
        name, items = (part[:-2], True) if part.endswith("[]") else (part, False)
        props = node.get("properties", {})
        if name in props:
            node, word = resolve(schema, props[name]), name
        else:
            node, word = resolve(schema, node.get("additionalProperties", {})), "*"
        if items:
            node, word = resolve(schema, node.get("items", {})), word + "[]"
        out.append(word)
    return ".".join(out)


def object_paths(schema, node, path, out):
    node = resolve(schema, node)
    if node.get("type") == "array":
        return object_paths(schema, node.get("items", {}), path + "[]", out)
    if "properties" in node:
        out.add(path)
        for k, sub in node["properties"].items():
            object_paths(schema, sub, (path + "." if path else "") + k, out)
    elif isinstance(node.get("additionalProperties"), dict):
        object_paths(schema, node["additionalProperties"], (path + "." if path else "") + "*", out)


def fields(schema_dir, dump):
    problems = 0
    seen = {}
    with open(dump, encoding="utf-8") as f:
        for line in f:
            file, path, keys = line.rstrip("\n").split("\t")
            kind = kind_of(file)
            if kind is None:
                continue
            path = re.sub(r"\[\d+\]", "[]", path)
            schema = load_schema(schema_dir, kind)
            node = at_path(schema, path)
            if node is None or "properties" not in node:
                print(f"{file}: error: the loader reads a mapping at '{path or '(top)'}' that "
                      f"{kind}.schema.json does not describe")
                problems += 1
                continue
            known, props = set(keys.split(",")) - {""}, set(node["properties"])
            for k in sorted(known - props):
                print(f"{file}: error: the loader accepts '{k}' at '{path or '(top)'}' but {kind}.schema.json has no such property")
                problems += 1
            for k in sorted(props - known):
                print(f"{file}: error: {kind}.schema.json has '{k}' at '{path or '(top)'}' but the loader does not accept it")
                problems += 1
            seen.setdefault(kind, set()).add(generic_path(schema, path))
    for kind in sorted(seen):
        paths = set()
        object_paths(load_schema(schema_dir, kind), load_schema(schema_dir, kind), "", paths)
        for p in sorted(paths - seen[kind]):
            if (kind, p) not in NOT_FIELDS:
                print(f"{kind}.schema.json: error: no file read by the test has the mapping '{p or '(top)'}': "
                      f"add it to the fixture so the loader's keys there are compared")
                problems += 1
    return problems


def main(argv):
    if len(argv) < 4 or argv[1] not in ("validate", "fields"):
        print(__doc__, file=sys.stderr)
        return 2
    n = validate(argv[2], argv[3:]) if argv[1] == "validate" else fields(argv[2], argv[3])
    print(f"{'ok' if n == 0 else str(n) + ' problems'}")
    return 1 if n else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
