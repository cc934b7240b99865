#!/usr/bin/env python3
# test-crash.py — kill -9 loses at most the autosave delay.
#
# A reporter types a story; Byline autosaves it (2 s after the last key);
# Byline is killed with SIGKILL; the next start opens the draft again, with
# the text in it.  Settings use the keyfile backend so that the list of open
# drafts, like the drafts, outlives the process.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import signal
import sys
import time

from byline_atspi import (Session, Tap, focus, find, has_focus, log, press, text_of, type_text, wait_for,
                          KEY_RETURN)

TEXT_ROLES = ('text', 'entry', 'paragraph', 'document text')
HEADLINE = 'Sạt lở ở Sìn Hồ'
BODY = 'Mưa lớn từ chiều qua làm sạt lở ba điểm trên tỉnh lộ 128.'
AUTOSAVE_DELAY = 2.0


def main():
    tap = Tap(5)
    session = Session(sys.argv[1], settings_backend='keyfile')
    try:
        app = session.start()
        headline = find(app, 'Headline', TEXT_ROLES, timeout=20)
        body = find(app, 'Story body', TEXT_ROLES)
        focus(headline)
        # Enter in the headline goes on to the lead, Enter in the empty lead to the body.
        type_text(HEADLINE, into=headline)
        press(KEY_RETURN)
        press(KEY_RETURN)
        wait_for(lambda: has_focus(body), what='the focus in the body')
        type_text(BODY, into=body)
        typed = time.time()

        def autosaved():
            drafts = session.drafts_on_disk()
            return (len(drafts) == 1 and drafts[0]['headline'] == HEADLINE
                    and any(block.get('text') == BODY for block in drafts[0]['body']))

        # Nothing was saved by hand: only the autosave can have written it.
        wait_for(autosaved, timeout=AUTOSAVE_DELAY * 10 + 5, what='the autosave')
        waited = time.time() - typed
        log('autosaved %.1f s after the last key' % waited)
        tap.ok(True, 'the story is on disk without saving by hand')
        tap.ok(waited <= AUTOSAVE_DELAY + 3.0, 'within the autosave delay (%.1f s)' % waited)

        session.kill(signal.SIGKILL)
        tap.ok(session.process.returncode == -signal.SIGKILL, 'killed with SIGKILL')

        # Started again as after a crash: no file given, the session comes back.
        app = session.start()
        headline = find(app, 'Headline', TEXT_ROLES, timeout=20)
        body = find(app, 'Story body', TEXT_ROLES, timeout=20)
        wait_for(lambda: text_of(headline) == HEADLINE, what='the headline after the restart')
        log('after restart:', text_of(headline), '|', text_of(body))
        tap.ok(text_of(headline) == HEADLINE, 'the headline is back after the restart')
        tap.ok(BODY in text_of(body), 'the body is back after the restart')
        session.kill(signal.SIGTERM)
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
