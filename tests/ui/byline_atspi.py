# byline_atspi.py — driving Byline through the accessibility tree, as a person
# (or a screen reader user) would: find controls by role and name, click them,
# type with synthesized key presses.  Shared by the AT-SPI tests.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

KEY_RETURN = 0xff0d
KEY_ESCAPE = 0xff1b
SHIFT_MASK = 1 << 0
CONTROL_MASK = 1 << 2


def log(*args):
    # Every line a TAP comment, also those of a multi-line text.
    text = ' '.join(str(a) for a in args)
    for line in text.splitlines() or ['']:
        print('#', line, flush=True)


class Session:
    """A private HOME with its own drafts and settings, and the app run in it."""

    def __init__(self, binary, settings_backend='keyfile'):
        self.binary = binary
        self.home = tempfile.mkdtemp(prefix='byline-atspi-')
        self.env = dict(os.environ)
        for var, sub in (('HOME', 'home'), ('XDG_DATA_HOME', 'data'),
                         ('XDG_CONFIG_HOME', 'config'), ('XDG_CACHE_HOME', 'cache'),
                         ('XDG_STATE_HOME', 'state')):
            path = os.path.join(self.home, sub)
            os.makedirs(path, exist_ok=True)
            self.env[var] = path
        self.env['GSETTINGS_BACKEND'] = settings_backend
        self.env.pop('GTK_A11Y', None)
        self.env.pop('NO_AT_BRIDGE', None)
        # Its own name on the bus, so that no other Byline answers instead.
        self.app_id = 'io.github.bylinenews.Byline.Test%d' % os.getpid()
        self.process = None

    def start(self, *args):
        # What the app writes to stderr is kept, for warnings() and the log.
        self.stderr = open(os.path.join(self.home, 'stderr.log'), 'a+', encoding='utf-8')
        self.process = subprocess.Popen(
            [self.binary, '--gapplication-app-id=' + self.app_id] + list(args),
            env=self.env, stderr=self.stderr)
        return self.find_app()

    def warnings(self):
        """GLib's warnings and criticals the app has written so far."""
        with open(os.path.join(self.home, 'stderr.log'), encoding='utf-8', errors='replace') as f:
            return [line.rstrip() for line in f if '-WARNING **' in line or '-CRITICAL **' in line]

    def kill(self, sig=signal.SIGKILL):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=10)

    def wait_exit(self, timeout=10):
        return self.process.wait(timeout=timeout)

    def find_app(self, timeout=20):
        pid = self.process.pid
        end = time.time() + timeout
        while time.time() < end:
            if self.process.poll() is not None:
                raise AssertionError('byline exited with %d' % self.process.returncode)
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                try:
                    if app is not None and app.get_process_id() == pid and app.get_child_count() > 0:
                        return app
                except gi.repository.GLib.Error:
                    continue
            time.sleep(0.2)
        raise AssertionError('byline did not appear in the accessibility tree')

    def drafts_folder(self):
        return os.path.join(self.env['XDG_DATA_HOME'], 'byline', 'drafts')

    def drafts_on_disk(self):
        drafts = []
        for path in glob.glob(os.path.join(self.drafts_folder(), '*', 'draft.json')):
            with open(path, encoding='utf-8') as f:
                drafts.append(json.load(f))
        return drafts

    def cleanup(self):
        self.kill()
        path = os.path.join(self.home, 'stderr.log')
        if os.path.exists(path):
            with open(path, encoding='utf-8', errors='replace') as f:
                sys.stderr.write(f.read())
        subprocess.run(['rm', '-rf', self.home], check=False)


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    try:
        n = node.get_child_count()
    except gi.repository.GLib.Error:
        return
    for i in range(n):
        try:
            child = node.get_child_at_index(i)
        except gi.repository.GLib.Error:
            continue
        yield from walk(child, depth + 1, max_depth)


def role_name(node):
    try:
        return node.get_role_name()
    except gi.repository.GLib.Error:
        return ''


def name_of(node):
    try:
        return node.get_name() or ''
    except gi.repository.GLib.Error:
        return ''


def find(root, name=None, roles=None, timeout=10, showing=True):
    end = time.time() + timeout
    while True:
        for node in walk(root):
            if name is not None and name_of(node) != name:
                continue
            if roles is not None and role_name(node) not in roles:
                continue
            if showing:
                try:
                    if not node.get_state_set().contains(Atspi.StateType.SHOWING):
                        continue
                except gi.repository.GLib.Error:
                    continue
            return node
        if time.time() > end:
            raise AssertionError('no %s named %r' % (roles, name))
        time.sleep(0.2)


def click(node):
    """Activates a button the way assistive technologies do: its first action."""
    action = node.get_action_iface()
    if action is None or Atspi.Action.get_n_actions(action) == 0:
        raise AssertionError('%s %r has no action' % (role_name(node), name_of(node)))
    Atspi.Action.do_action(action, 0)
    time.sleep(0.5)


def has_focus(node):
    return node.get_state_set().contains(Atspi.StateType.FOCUSED)


def focus(node):
    """Makes sure the keyboard focus is in a control.  GTK 4 does not move the
    focus on request (Component.GrabFocus), so this asks, then checks that the
    application put the focus there itself."""
    component = node.get_component_iface()
    try:
        if component is not None:
            Atspi.Component.grab_focus(component)
    except gi.repository.GLib.Error:
        pass
    wait_for(lambda: has_focus(node), timeout=5, what='the focus in %r' % name_of(node))


def press(keysym):
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    time.sleep(0.1)


def type_text(text, into=None):
    """Types @text key by key; a newline is the Return key.

    With @into, the text control being typed at the end of, each character
    with no key of its own is checked to have arrived, and typed again if it
    did not.  AT-SPI types those (ê, ộ, đ…) through a keycode it remaps for
    the moment, and now and then the application reads that key under
    another mapping (in about one run of four, the "ã" of "xã" after "quyền"
    was lost, with the application's main loop never stalled over 40 ms):
    the registry's race, not the application's.  Each retry is logged."""
    typed = text_of(into) if into is not None else ''
    for line_number, line in enumerate(text.split('\n')):
        if line_number > 0:
            press(KEY_RETURN)
            typed += '\n'
        for char in line:
            typed += char
            for attempt in range(3):
                Atspi.generate_keyboard_event(0, char, Atspi.KeySynthType.STRING)
                # The app must read a remapped key before the mapping is given back.
                time.sleep(0.02 if ord(char) < 0x80 else 0.15)
                if into is None or ord(char) < 0x80 or arrived(into, typed):
                    break
                log('%r did not arrive (AT-SPI\'s remapped key); typed again' % char)
    time.sleep(0.3)


def arrived(node, text, timeout=1.0):
    """Whether @node's text comes to be @text within @timeout seconds."""
    end = time.time() + timeout
    while time.time() < end:
        if text_of(node) == text:
            return True
        time.sleep(0.02)
    return False


def ctrl(keysym, mask=0):
    # PRESS and RELEASE take keycodes; locking the modifier takes a mask.
    Atspi.generate_keyboard_event(CONTROL_MASK | mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(CONTROL_MASK | mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(0.4)


def text_of(node):
    text = node.get_text_iface() if hasattr(node, 'get_text_iface') else None
    if text is None:
        text = node
    count = Atspi.Text.get_character_count(text)
    return Atspi.Text.get_text(text, 0, count)


def wait_for(predicate, timeout=10, what='condition'):
    end = time.time() + timeout
    while time.time() < end:
        try:
            if predicate():
                return
        except (AssertionError, KeyError, IndexError, gi.repository.GLib.Error):
            pass
        time.sleep(0.2)
    raise AssertionError('timed out waiting for ' + what)


class Tap:
    """Just enough TAP for meson."""

    def __init__(self, plan):
        self.n = 0
        print('TAP version 13')
        print('1..%d' % plan, flush=True)

    def ok(self, condition, description):
        self.n += 1
        print('%s %d - %s' % ('ok' if condition else 'not ok', self.n, description), flush=True)
        if not condition:
            sys.exit(1)
