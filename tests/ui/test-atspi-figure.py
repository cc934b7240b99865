#!/usr/bin/env python3
# test-atspi-figure.py — a picture in the text clicked with the mouse, then
# typed over and deleted with the keyboard, the pointer still over it: as a
# reporter replaces a picture.  With the figure under the pointer taken out
# of the text from within the deletion, GTK looked for the text under the
# pointer in a layout half changed and Byline crashed (SIGSEGV).  Checks that
# the app lives on, that the text and the draft on disk say what was done,
# and that no GLib warning was written.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import struct
import sys
import time
import zlib

from gi.repository import Atspi

from byline_atspi import Session, Tap, ctrl, find, log, press, text_of, type_text, wait_for, SHIFT_MASK

KEY_RIGHT = 0xff53
KEY_DELETE = 0xffff
KEY_Z = 0x007a
TEXT_ROLES = ('text', 'entry', 'paragraph', 'document text')
FIGURE = 'Picture: No caption yet'


def write_png(path, width, height, rgb):
    """A plain picture, without a library."""
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)
    row = b'\x00' + bytes(rgb) * width
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n')
        f.write(chunk(b'IHDR', struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b'IDAT', zlib.compress(row * height)))
        f.write(chunk(b'IEND', b''))


def click_on(node):
    """A real click of the mouse's first button in the middle of @node,
    the pointer left there.  (GTK gives extents in the window: under Xvfb,
    with no window manager, the window is at the screen's top left.)"""
    component = node.get_component_iface()
    rect = Atspi.Component.get_extents(component, Atspi.CoordType.WINDOW)
    x, y = rect.x + rect.width // 2, rect.y + rect.height // 2
    log('clicking at %d, %d (%d × %d)' % (x, y, rect.width, rect.height))
    Atspi.generate_mouse_event(x, y, 'abs')
    time.sleep(0.3)
    Atspi.generate_mouse_event(x, y, 'b1c')
    time.sleep(0.5)


def shift(keysym):
    Atspi.generate_keyboard_event(SHIFT_MASK, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.SYM)
    Atspi.generate_keyboard_event(SHIFT_MASK, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    time.sleep(0.4)


def image_blocks(session):
    drafts = session.drafts_on_disk()
    return [b for d in drafts for b in d['body'] if b.get('type') == 'image'] if drafts else None


def main():
    tap = Tap(6)
    session = Session(sys.argv[1])
    try:
        story = os.path.join(session.home, 'story.html')
        write_png(os.path.join(session.home, 'cau.png'), 320, 200, (0x2b, 0x5a, 0x8a))
        with open(story, 'w', encoding='utf-8') as f:
            f.write('<h1>Cầu treo bị cuốn trôi</h1><p>Sáng nay, lũ về.</p>'
                    '<figure><img src="cau.png"></figure><p>Người dân đi vòng.</p>')
        app = session.start(story)
        body = find(app, 'Story body', TEXT_ROLES, timeout=20)
        wait_for(lambda: image_blocks(session), timeout=10, what='the imported draft with its picture')

        # Clicked, then selected with Shift+Right and typed over.
        click_on(find(app, FIGURE))
        shift(KEY_RIGHT)
        type_text('X')
        time.sleep(1.0)
        tap.ok(session.process.poll() is None, 'typing over a picture clicked in the text does not crash Byline')
        log('the text: %r' % text_of(body))
        tap.ok('X' in text_of(body), 'the letter typed is in the text')
        wait_for(lambda: image_blocks(session) == [], timeout=10, what='the draft on disk without the figure')
        tap.ok(True, 'the draft on disk has no figure left')

        # Undone, clicked again and deleted with the Delete key.
        ctrl(KEY_Z)
        wait_for(lambda: image_blocks(session), timeout=10, what='the figure back in the draft on disk')
        click_on(find(app, FIGURE))
        press(KEY_DELETE)
        time.sleep(1.0)
        tap.ok(session.process.poll() is None, 'Delete on a picture clicked in the text does not crash Byline')
        wait_for(lambda: image_blocks(session) == [], timeout=10, what='the draft on disk without the figure')
        tap.ok(True, 'deleted, the figure is gone from the draft on disk')
        warnings = session.warnings()
        for line in warnings:
            log(line)
        tap.ok(not warnings, 'no GLib warning or critical')
    finally:
        session.cleanup()
    return 0


if __name__ == '__main__':
    sys.exit(main())
