#!/usr/bin/env python3
# check-metainfo.py METAINFO SRCDIR APP_ID VERSION GETTEXT_PACKAGE
#
# What appstreamcli cannot know about Byline's metainfo: that it names this app,
# that its newest release is the project's version (the version lives in
# meson.build; the metainfo only records it), that every screenshot it shows is
# one of docs/screenshots/, and that its translations were merged in.
import os
import sys
import xml.etree.ElementTree as ET

metainfo, srcdir, app_id, version, domain = sys.argv[1:6]
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
SCREENSHOT_BASE = 'https://raw.githubusercontent.com/bylinenews/byline/main/'
failures = []


def check(condition, message):
    print(('ok   ' if condition else 'FAIL ') + message)
    if not condition:
        failures.append(message)


root = ET.parse(metainfo).getroot()
check(root.findtext('id') == app_id, f'the component id is {app_id}')
check(root.find('launchable').text == app_id + '.desktop', 'it launches the app\'s desktop file')
check(root.findtext('translation') == domain, f'its translation domain is {domain}')

releases = root.findall('releases/release')
check(bool(releases), 'it has releases')
if releases:
    check(releases[0].get('version') == version,
          f'the newest release is the project version {version} '
          f'(found {releases[0].get("version")})')
    dates = [r.get('date') for r in releases]
    check(dates == sorted(dates, reverse=True), 'releases are newest first')

images = [i.text.strip() for i in root.findall('screenshots/screenshot/image')]
check(bool(images), 'it shows screenshots')
for url in images:
    check(url.startswith(SCREENSHOT_BASE + 'docs/screenshots/'),
          f'{url} is in docs/screenshots/ of the repository')
    path = os.path.join(srcdir, url[len(SCREENSHOT_BASE):])
    check(os.path.isfile(path), f'{os.path.relpath(path, srcdir)} exists')

linguas = os.path.join(srcdir, 'po', 'LINGUAS')
langs = []
if os.path.exists(linguas):
    for line in open(linguas, encoding='utf-8'):
        langs += line.split('#')[0].split()


def translated_in(po, msgid):
    """Whether PO has a finished (not fuzzy, not empty) translation of MSGID."""
    for entry in open(po, encoding='utf-8').read().split('\n\n'):
        lines = entry.splitlines()
        if f'msgid "{msgid}"' in lines and '#, fuzzy' not in entry:
            strs = [l for l in lines if l.startswith('msgstr ')]
            return bool(strs) and strs[0] != 'msgstr ""'
    return False


summary = root.findtext('summary')
for lang in langs:
    po = os.path.join(srcdir, 'po', lang + '.po')
    if os.path.exists(po) and translated_in(po, summary):
        merged = [s for s in root.findall('summary') if s.get(XML_LANG) == lang]
        check(bool(merged), f'the summary\'s {lang} translation is merged in')

sys.exit(1 if failures else 0)
