#!/usr/bin/env python3
# test-session.py — quit with Ctrl+Q before the autosave, start again.
#
# A reporter types a headline and quits at once, long before the autosave
# delay: Byline saves on the way out, exits cleanly, and the next start opens
# the same story again (the open drafts are remembered after a quit as after
# a crash).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

from byline_atspi import (Session, Tap, ctrl, find, focus, log, text_of, type_text, wait_for)

TEXT_ROLES = ('text', 'entry', 'paragraph', 'document text')
HEADLINE = 'Chợ phiên Tam Đường'
KEY_Q = 0x71


def main():
    tap = Tap(4)
    session = Session(sys.argv[1], settings_backend='keyfile')
    try:
        app = session.start()
        headline = find(app, 'Headline', TEXT_ROLES, timeout=20)
        focus(headline)
        type_text(HEADLINE)
        typed = time.time()
        ctrl(KEY_Q)
        code = session.wait_exit(timeout=20)
        log('quit %.1f s after the last key, exit status %d' % (time.time() - typed, code))
        tap.ok(code == 0, 'Ctrl+Q quits, with exit status 0')
        drafts = session.drafts_on_disk()
        tap.ok(len(drafts) == 1 and drafts[0]['headline'] == HEADLINE,
               'what was typed is on disk, though the autosave delay had not passed')

        app = session.start()
        headline = find(app, 'Headline', TEXT_ROLES, timeout=20)
        wait_for(lambda: text_of(headline) == HEADLINE, what='the story after the restart')
        tap.ok(text_of(headline) == HEADLINE, 'the next start opens the story again')
        tap.ok(len(session.drafts_on_disk()) == 1, 'and makes no second draft')
        session.kill()
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
