#!/usr/bin/env python3
# test-trash.py — the app empties the drafts' trash as Preferences says.
#
# Three drafts made and deleted with byline-cli, as a reporter's deletes
# would leave them: one deleted 12 days ago, one 5 days ago, one kept (not
# deleted, last changed 100 days ago). With "Keep deleted drafts" at 10
# days, the app started removes the first for good, a moment after it has
# started (BYLINE_TRASH_PURGE_DELAY shortens the minute it waits), and
# leaves the other two as they are. Then, through the accessibility tree as
# a person would, the one still in the trash is restored from the drafts
# library's Deleted Drafts page.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

from byline_atspi import Session, Tap, click, find, log, wait_for

BUTTON_ROLES = ('push button', 'toggle button', 'button')

DAY = 24 * 3600


def main():
    binary, cli = sys.argv[1], sys.argv[2]
    tap = Tap(6)
    session = Session(binary, settings_backend='keyfile')
    try:
        keyfile = os.path.join(session.env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile')
        os.makedirs(os.path.dirname(keyfile))
        with open(keyfile, 'w', encoding='utf-8') as f:
            f.write('[io/github/bylinenews/Byline]\ntrash-days=10\n')

        def new_draft(headline):
            out = subprocess.run([cli, 'new', '--headline', headline], env=session.env,
                                 check=True, capture_output=True, text=True)
            return out.stdout.strip()

        old, recent, kept = (new_draft(h) for h in ('Mưa lũ ở Nậm Nhùn', 'Đường lên Sìn Hồ',
                                                      'Chợ phiên Tam Đường'))
        for draft in (old, recent):
            subprocess.run([cli, 'delete', draft], env=session.env, check=True, capture_output=True)
        trash = os.path.join(session.drafts_folder(), '.trash')
        now = time.time()
        for path, days in ((os.path.join(trash, old), 12), (os.path.join(trash, recent), 5),
                           (os.path.join(session.drafts_folder(), kept), 100)):
            os.utime(path, (now - days * DAY, now - days * DAY))
        tap.ok(sorted(os.listdir(trash)) == sorted([old, recent]), 'two drafts in the trash')

        session.env['BYLINE_TRASH_PURGE_DELAY'] = '2'
        app = session.start()
        started = time.time()
        wait_for(lambda: not os.path.exists(os.path.join(trash, old)), timeout=30,
                 what='the draft deleted 12 days ago removed')
        log('removed %.1f s after the start' % (time.time() - started))
        tap.ok(not os.path.exists(os.path.join(trash, old)),
               'the draft deleted 12 days ago is removed for good (kept 10 days)')
        time.sleep(1)
        tap.ok(os.path.isdir(os.path.join(trash, recent)), 'the draft deleted 5 days ago stays in the trash')
        tap.ok(os.path.isfile(os.path.join(session.drafts_folder(), kept, 'draft.json')),
               'a draft not deleted is not touched, however old')

        window = find(app, roles=('frame', 'window'), timeout=20)
        click(find(window, 'Drafts', BUTTON_ROLES))
        click(find(app, 'Deleted', BUTTON_ROLES, timeout=10))
        restore = find(app, 'Restore “Đường lên Sìn Hồ”', BUTTON_ROLES, timeout=10)
        tap.ok(restore is not None, "the drafts library's Deleted Drafts page lists the one kept")
        click(restore)
        wait_for(lambda: os.path.isfile(os.path.join(session.drafts_folder(), recent, 'draft.json')),
                 what='the draft restored')
        tap.ok(not os.path.exists(os.path.join(trash, recent)), 'and Restore brings it back into the drafts')
        session.kill()
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
