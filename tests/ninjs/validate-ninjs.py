#!/usr/bin/python3
# validate-ninjs.py — Byline's ninjs export against the official IPTC 2.2 schema
#
# Runs export-ninjs-samples (a few drafts exported as ninjs) into a temporary
# folder and validates every file with python3-jsonschema against
# tests/data/ninjs/schema/ninjs-schema_2.2.json (IPTC, MIT: see LICENSE there).
# JSON Schema leaves "format" unchecked unless asked, and Debian's jsonschema
# lacks the optional date-time checker, so the formats ninjs relies on are
# checked here too: RFC 3339 date-times and absolute URIs for identifiers.
#
# Usage: validate-ninjs.py EXPORT-HELPER DATA-FOLDER
#
# SPDX-License-Identifier: GPL-3.0-or-later

import copy
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema

DATE_TIME = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$')
ABSOLUTE_URI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$')
DATE_MEMBERS = ('firstcreated', 'versioncreated', 'contentcreated', 'embargoed', 'expires')


def format_errors(item, where='item'):
    """What JSON Schema's "date-time" and "uri" formats would refuse."""
    errors = []
    for name in DATE_MEMBERS:
        if name in item:
            value = item[name]
            if not DATE_TIME.match(value):
                errors.append(f'{where}/{name}: not an RFC 3339 date-time: {value!r}')
            else:
                try:
                    datetime.datetime.fromisoformat(value.replace('Z', '+00:00'))
                except ValueError as e:
                    errors.append(f'{where}/{name}: {e}')
    if 'uri' in item and not ABSOLUTE_URI.match(item['uri']):
        errors.append(f'{where}/uri: not an absolute URI: {item["uri"]!r}')
    for i, subject in enumerate(item.get('subjects', [])):
        if 'uri' in subject and not ABSOLUTE_URI.match(subject['uri']):
            errors.append(f'{where}/subjects/{i}/uri: not an absolute URI')
    for i, association in enumerate(item.get('associations', [])):
        errors += format_errors(association, f'{where}/associations/{i}')
    return errors


def main():
    if len(sys.argv) != 3:
        sys.exit('Usage: validate-ninjs.py EXPORT-HELPER DATA-FOLDER')
    helper, data = sys.argv[1], sys.argv[2]
    schema_path = os.path.join(data, 'ninjs', 'schema', 'ninjs-schema_2.2.json')
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)

    # The validator itself must be able to fail: a document without the
    # required uri and with a pubstatus outside the enumeration.
    broken = {'pubstatus': 'draft', 'headlines': [{'role': 'main'}]}
    if len(list(validator.iter_errors(broken))) < 3:
        sys.exit('the schema validator accepted a broken document')

    bad = 0
    with tempfile.TemporaryDirectory(prefix='byline-ninjs-') as out:
        subprocess.run([helper, out, data], check=True, stdout=subprocess.DEVNULL)
        names = sorted(n for n in os.listdir(out) if n.endswith('.json'))
        if len(names) < 5:
            sys.exit(f'the export helper wrote only {len(names)} files')
        for name in names:
            with open(os.path.join(out, name), encoding='utf-8') as f:
                item = json.load(f)
            errors = [f'at /{"/".join(map(str, e.path))}: {e.message[:200]}'
                      for e in validator.iter_errors(item)]
            errors += format_errors(item)
            # the same item with a wrong pubstatus must fail: the check is live
            mutated = copy.deepcopy(item)
            mutated['pubstatus'] = 'published'
            if validator.is_valid(mutated):
                errors.append('a wrong pubstatus went unnoticed')
            if errors:
                bad += 1
                print(f'not ok - {name}: INVALID ninjs 2.2')
                for error in errors[:20]:
                    print(f'#   {error}')
            else:
                print(f'ok - {name}: valid ninjs 2.2')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
