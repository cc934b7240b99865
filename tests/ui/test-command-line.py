#!/usr/bin/env python3
# test-command-line.py — files and --new given to the program, as a file
# manager or a terminal gives them.
#
# An HTML page given at start is imported as a new draft and shown; a ninjs
# item given to a second `byline` while the first runs goes to the first one
# (a single instance), in a window of its own; `--new` opens a new story; a
# file that is neither leaves the drafts as they were and opens no window.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import time

from byline_atspi import (Session, Tap, find, log, text_of, wait_for)

TEXT_ROLES = ('text', 'entry', 'paragraph', 'document text')


def windows(app):
    count = 0
    for i in range(app.get_child_count()):
        child = app.get_child_at_index(i)
        if child is not None and child.get_role_name() in ('frame', 'window'):
            count += 1
    return count


def main():
    binary, data = sys.argv[1], sys.argv[2]
    html = os.path.join(data, 'html', 'article.html')
    ninjs = os.path.join(data, 'cli', 'item-ninjs1.json')
    neither = os.path.join(data, 'cli', 'neither.json')
    docx = os.path.join(data, 'docx', 'mua-lu.docx')
    tap = Tap(10)
    session = Session(binary, settings_backend='memory')

    def again(*args):
        # A second `byline`: it hands its arguments to the first and exits.
        return subprocess.run([binary, '--gapplication-app-id=' + session.app_id] + list(args),
                              env=session.env, timeout=30, capture_output=True, text=True)

    try:
        app = session.start(html)
        wait_for(lambda: len(session.drafts_on_disk()) == 1, timeout=20, what='the imported page')
        imported = session.drafts_on_disk()[0]
        log('imported:', imported['headline'])
        tap.ok(imported['headline'].startswith('Nậm Nhùn') and len(imported['body']) > 1,
               'the HTML page is a new draft, with its headline and body')
        headline = find(app, 'Headline', TEXT_ROLES, timeout=20)
        wait_for(lambda: text_of(headline) == imported['headline'], what='the headline shown')
        tap.ok(text_of(headline) == imported['headline'], 'the window shows the imported story')

        second = again(ninjs)
        log('second byline exited with', second.returncode, second.stderr.strip())
        tap.ok(second.returncode == 0, 'a second byline with a ninjs file exits at once')
        wait_for(lambda: len(session.drafts_on_disk()) == 2, timeout=20, what='the ninjs draft')
        wait_for(lambda: windows(app) == 2, timeout=20, what='a second window')
        tap.ok(windows(app) == 2 and session.process.poll() is None,
               'the first byline imported it, in a window of its own')

        third = again('--new')
        tap.ok(third.returncode == 0, 'byline --new exits at once')
        wait_for(lambda: windows(app) == 3, timeout=20, what='a third window')
        tap.ok(windows(app) == 3, '--new opened a new story in the running byline')

        # A JSON file that is not ninjs: an error, no draft, no window.
        fourth = again(neither)
        tap.ok(fourth.returncode == 0, 'byline with a file it cannot import exits')
        time.sleep(2)
        drafts = session.drafts_on_disk()
        log('drafts', len(drafts), 'windows', windows(app), 'running', session.process.poll() is None)
        tap.ok(len(drafts) == 2 and windows(app) == 3 and session.process.poll() is None,
               'nothing imported from it, no window opened, byline still running')

        # The same with a text file after it, while a story being written is
        # in front: a new window for the text, and the error there, not
        # behind it in the story's window.
        # (The --new window, still empty, takes the ninjs item.)
        again(ninjs)
        wait_for(lambda: len(session.drafts_on_disk()) == 3, timeout=20, what='the ninjs draft again')
        story = os.path.join(session.home, 'lai-chau.txt')
        with open(story, 'w', encoding='utf-8') as f:
            f.write('Lai Châu: sạt lở trên quốc lộ 4D\n\nXe qua lại khó khăn.\n')
        fifth = again(neither, story)
        tap_ok = fifth.returncode == 0
        wait_for(lambda: windows(app) == 4, timeout=20, what='a fourth window')
        story_frame = None

        def story_shown():
            nonlocal story_frame
            for i in range(app.get_child_count()):
                frame = app.get_child_at_index(i)
                headline = find(frame, 'Headline', TEXT_ROLES, timeout=5, showing=False)
                if text_of(headline) == 'Lai Châu: sạt lở trên quốc lộ 4D':
                    story_frame = frame
                    return True
            return False

        wait_for(story_shown, timeout=20, what='the text file in a window')
        message = 'neither.json is JSON, but neither a Byline draft nor a ninjs item'
        found = None
        try:
            found = find(story_frame, message, ('label',), timeout=10, showing=False)
        except AssertionError:
            pass
        tap.ok(tap_ok and found is not None,
               'a file it cannot import, given with a good one: the error shows in the good one\'s window')

        # A Word document, as a file manager's Open With gives it: read in a
        # thread by the running byline, a window of its own.
        drafts_before = len(session.drafts_on_disk())
        sixth = again(docx)
        wait_for(lambda: len(session.drafts_on_disk()) == drafts_before + 1, timeout=20, what='the Word draft')
        word = [d for d in session.drafts_on_disk() if d['headline'] == 'Mưa lũ gây sạt lở ở Mường Tè']

        def word_shown():
            for i in range(app.get_child_count()):
                headline = find(app.get_child_at_index(i), 'Headline', TEXT_ROLES, timeout=5, showing=False)
                if text_of(headline) == 'Mưa lũ gây sạt lở ở Mường Tè':
                    return True
            return False

        wait_for(word_shown, timeout=20, what='the Word document in a window')
        tap.ok(sixth.returncode == 0 and len(word) == 1 and len(word[0]['images']) == 1,
               'a Word document opens as a story, with its picture')
        session.kill()
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
