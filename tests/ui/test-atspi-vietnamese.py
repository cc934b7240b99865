#!/usr/bin/env python3
# test-atspi-vietnamese.py — the real program under LANG=vi_VN.UTF-8, read
# through the accessibility tree as a screen reader would: after F8 opens the
# preflight checklist, no accessible name or description of anything showing
# holds a word of the English interface (the words of po/vi.po's msgids that
# no translation uses), apart from names that stay as they are.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys
import time

from byline_atspi import Session, Tap, find, log, name_of, press, role_name, walk

from gi.repository import Atspi  # noqa: E402  (after byline_atspi has required 2.0)

KEY_F8 = 0xffc5
ALLOWED = {'byline', 'ninjs', 'html', 'json', 'url', 'gmt', 'png', 'jpeg', 'jpg', 'iptc',
           'english', 'ctrl', 'shift', 'alt', 'tab', 'enter', 'esc', 'del', 'home', 'end'}


def words(text):
    return {w for w in re.findall(r'[^\W\d_]+', text.lower()) if len(w) >= 3}


def english_words(po_path):
    """Words of the msgids, less every word a translation uses."""
    english, vietnamese = set(), set()
    in_msgid = False
    with open(po_path, encoding='utf-8') as po:
        for line in po:
            if line.startswith('#'):
                continue
            if line.startswith('msgid'):
                in_msgid = True
            elif line.startswith('msgstr') or line.startswith('msgctxt'):
                in_msgid = False
            elif not line.startswith('"'):
                continue
            match = re.search(r'"(.*)"', line)
            if match:
                (english if in_msgid else vietnamese).update(words(match.group(1)))
    return english - vietnamese - ALLOWED


def showing(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.SHOWING)
    except Exception:
        return False


def main():
    binary, localedir = sys.argv[1], sys.argv[2]
    po_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'po', 'vi.po')
    tap = Tap(3)
    english = english_words(po_path)
    log('%d words of the English interface' % len(english))
    session = Session(binary)
    session.env.update({'LANG': 'vi_VN.UTF-8', 'LC_ALL': 'vi_VN.UTF-8', 'LANGUAGE': 'vi',
                        'BYLINE_LOCALEDIR': localedir})
    try:
        app = session.start()
        window = find(app, roles=('frame', 'window'), timeout=20)
        find(window, 'Tít', None, timeout=10)
        tap.ok(True, 'the window is in Vietnamese: the headline field is "Tít"')

        press(KEY_F8)
        find(window, 'Kiểm tra trước khi gửi', None, timeout=10)
        find(window, 'Bài chưa có tít', None, timeout=10)
        tap.ok(True, 'F8 opens the checklist, in Vietnamese, with the findings of the empty story')

        problems, seen = [], 0
        for node in walk(window):
            if not showing(node):
                continue
            for what, text in (('name', name_of(node)), ('description', node.get_description() or '')):
                if not text:
                    continue
                seen += 1
                found = words(text) & english
                if found:
                    problems.append('%s %s %r [%s]' % (role_name(node), what, text, ', '.join(sorted(found))))
        log('%d names and descriptions read' % seen)
        for problem in problems:
            log('English:', problem)
        tap.ok(seen > 40 and not problems, 'no English in the accessible names and descriptions')
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
