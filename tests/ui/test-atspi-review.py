#!/usr/bin/env python3
# test-atspi-review.py — the editor's review queue, driven through the
# accessibility tree against the real program, by the keyboard: a reporter
# submits a story with a note (byline-cli) to byline-newsroom-server; the
# editor's Byline shows the Review Queue button, Ctrl+Shift+R opens the
# queue, which lists the story with its note, typing searches it, Enter
# brings the story found into the
# window with the review bar and the note, and Ctrl+Shift+Enter then Enter
# publishes it — checked in the server's own store.  Tokens live in a private
# gnome-keyring-daemon.
#
# argv: byline, byline-cli, byline-newsroom-server, the draft to submit (a folder)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

from byline_atspi import (KEY_RETURN, SHIFT_MASK, Session, Tap, ctrl, find, log, name_of, press, role_name,
                          text_of, type_text, wait_for, walk)

BUTTON_ROLES = ('push button', 'toggle button', 'button')
REPORTER = 'Tòa soạn — phóng viên'
EDITOR = 'Tòa soạn — biên tập'
KEYRING_PASSWORD = 'atspi-review'
NOTE = 'Ảnh 2 em bổ sung nguồn sau; số hộ đã xác minh với xã.'
KEY_R = 0x072


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def start_keyring(folder):
    env = dict(os.environ)
    env['HOME'] = folder
    env['XDG_DATA_HOME'] = os.path.join(folder, 'data')
    env['XDG_RUNTIME_DIR'] = os.path.join(folder, 'run')
    os.makedirs(env['XDG_RUNTIME_DIR'], mode=0o700, exist_ok=True)
    daemon = subprocess.Popen(['gnome-keyring-daemon', '--foreground', '--unlock', '--components=secrets'],
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    daemon.stdin.write(KEYRING_PASSWORD.encode())
    daemon.stdin.close()
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)

    def owner_pid():
        try:
            reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                                  'GetConnectionUnixProcessID', GLib.Variant('(s)', ('org.freedesktop.secrets',)),
                                  GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None)
        except GLib.Error:
            return None
        return reply.unpack()[0]

    wait_for(lambda: owner_pid() is not None or daemon.poll() is not None, timeout=15,
             what='gnome-keyring-daemon on the session bus')
    # This keyring, unlocked with the password given, and no other: one the
    # bus started on its own would be locked and wait for a prompt.
    if owner_pid() != daemon.pid:
        raise AssertionError('org.freedesktop.secrets belongs to process %s, not to the keyring started '
                             'here (%d)' % (owner_pid(), daemon.pid))
    return daemon


def cli(cli_binary, env, *args, secret=None):
    run_env = dict(env)
    if secret is not None:
        run_env['BYLINE_SECRET'] = secret
    result = subprocess.run([cli_binary] + list(args), env=run_env, capture_output=True, text=True, timeout=60)
    log('byline-cli', args[0], args[1] if len(args) > 1 else '', '→', result.returncode,
        result.stdout.strip(), result.stderr.strip())
    if result.returncode != 0:
        raise AssertionError('byline-cli %s failed' % ' '.join(args[:2]))
    return result.stdout


def main():
    byline, cli_binary, server_binary, draft_folder = sys.argv[1:5]
    tap = Tap(7)
    work = tempfile.mkdtemp(prefix='byline-atspi-review-')
    data = os.path.join(work, 'newsroom')
    port = free_port()
    url = 'http://127.0.0.1:%d' % port
    server = subprocess.Popen([server_binary, '--port', str(port), '--data', data], stdout=subprocess.DEVNULL)
    keyring = None
    editor = Session(byline)
    reporter = Session(byline)
    try:
        keyring = start_keyring(os.path.join(work, 'keyring'))
        wait_for(lambda: os.path.exists(os.path.join(data, 'users.json')), what='the server')
        with open(os.path.join(data, 'users.json'), encoding='utf-8') as f:
            users = {u['user']: u for u in json.load(f)['users']}

        # The reporter submits the story from the command line.
        with open(os.path.join(draft_folder, 'draft.json'), encoding='utf-8') as f:
            draft = json.load(f)
        story_id, headline = draft['id'], draft['headline']
        shutil.copytree(draft_folder, os.path.join(reporter.drafts_folder(), story_id))
        wait_for(lambda: socket.create_connection(('127.0.0.1', port), timeout=1).close() is None,
                 what='the server listening')
        cli(cli_binary, reporter.env, 'account', 'add', REPORTER, '--kind', 'newsroom', '--url', url,
            secret=users['huong']['token'])
        cli(cli_binary, reporter.env, 'review', 'submit', story_id, '--to', REPORTER, '--note', NOTE)
        meta_path = os.path.join(data, 'items', story_id + '.meta.json')

        def server_status():
            with open(meta_path, encoding='utf-8') as f:
                return json.load(f).get('status')

        tap.ok(server_status() == 'submitted', 'the reporter submitted the story')

        # The editor's Byline.
        cli(cli_binary, editor.env, 'account', 'add', EDITOR, '--kind', 'newsroom', '--url', url,
            secret=users['quy']['token'])
        app = editor.start()
        window = find(app, roles=('frame', 'window'), timeout=20)
        queue_button = find(window, 'Review queue', BUTTON_ROLES, timeout=20)
        tap.ok(True, 'an editor has the Review Queue button')

        # From here on, the keyboard only: the queue, a story, publish.
        ctrl(KEY_R, SHIFT_MASK)
        try:
            find(app, 'Open “%s”' % headline, BUTTON_ROLES, timeout=20)
        except AssertionError:
            log('showing:', [(role_name(n), name_of(n)) for n in walk(app) if name_of(n)])
            raise
        notes = [name_of(n) for n in walk(app) if NOTE in name_of(n)]
        log('queue, with the note:', notes)
        tap.ok(len(notes) > 0, 'Ctrl+Shift+R opens the queue; the story is listed with its note')

        # Typing on the story's row searches the queue, spaces and all (a
        # space activated the row and opened the story, and the rest of the
        # words went into its text); Enter opens the story found.
        type_text('nam nhun')
        search = find(app, 'Search the stories', ('text', 'entry'), timeout=5)
        log('search:', repr(text_of(search)))
        tap.ok(text_of(search) == 'nam nhun' and find(app, 'Open “%s”' % headline, BUTTON_ROLES, timeout=5),
               'typing in the queue searches it, without diacritics, and keeps the story listed')
        press(KEY_RETURN)
        wait_for(lambda: headline in name_of(window), timeout=20, what='the story in the window')
        find(window, 'Note with the story: ' + NOTE, timeout=10)
        tap.ok(True, 'Enter brings the story into the window, with the reporter\'s note above it')

        find(window, 'Publish', BUTTON_ROLES, timeout=10)
        find(window, 'Return to Reporter…', BUTTON_ROLES, timeout=5)
        log('review bar:', [name_of(n) for n in walk(window)
                            if role_name(n) in BUTTON_ROLES and name_of(n) in
                            ('Publish', 'Schedule…', 'Return to Reporter…')])
        tap.ok(True, 'the review bar offers Publish, Schedule… and Return to Reporter…')

        # Ctrl+Shift+Enter publishes, asked first (the same keys submit one's
        # own story): nothing goes before Enter says so.
        ctrl(KEY_RETURN, SHIFT_MASK)
        find(app, 'Publish Now?', timeout=10)
        time.sleep(1)
        asked = server_status() == 'submitted'
        press(KEY_RETURN)
        wait_for(lambda: server_status() == 'published', timeout=20, what='the story published on the server')
        log('on the server:', server_status())
        tap.ok(asked and server_status() == 'published',
               'Ctrl+Shift+Enter asks, and Enter publishes it on the server')
    finally:
        editor.cleanup()
        reporter.cleanup()
        server.terminate()
        server.wait(timeout=10)
        if keyring is not None:
            keyring.terminate()
            keyring.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
