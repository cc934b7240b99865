#!/usr/bin/env python3
# test-atspi-flow.py — a reporter's first story, driven through the
# accessibility tree: type the headline, lead and body with the keyboard,
# save with Ctrl+S, check the draft on disk, look through the drafts
# library, choose a category through the rows' own actions, type tags with a
# comma between them, submit the story for review with Ctrl+Shift+Enter from
# the body, quit, having written no GLib warning.  Also
# checks that every control (buttons, fields, lists, choices…) of the window,
# the drafts library, the checklist and Preferences has an accessible name.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys
import time

from gi.repository import Atspi

from byline_atspi import (Session, Tap, click, focus, ctrl, find, has_focus, log, name_of, press,
                          role_name, text_of, type_text, wait_for, walk, KEY_ESCAPE, KEY_RETURN, SHIFT_MASK)

TEXT_ROLES = ('text', 'entry', 'paragraph', 'document text')
BUTTON_ROLES = ('push button', 'toggle button', 'button')
KEY_F8 = 0xffc5
KEY_TAB = 0xff09
# What a person can operate: each needs a name a screen reader can say.
CONTROL_ROLES = BUTTON_ROLES + ('check box', 'radio button', 'switch', 'text', 'entry', 'password text',
                                'combo box', 'spin button', 'slider', 'link', 'menu item', 'check menu item',
                                'radio menu item', 'toggle menu item', 'search box', 'list box', 'list', 'tree',
                                'table', 'tab', 'page tab')

HEADLINE = 'Lũ quét ở Mường Tè'
LEAD = 'Đêm qua, lũ quét đã cuốn trôi hai cây cầu treo.'
BODY = ['Chính quyền xã đã sơ tán 40 hộ dân.', 'Không có thiệt hại về người.']
CATEGORY = 'Xã hội'
# Typed with a comma between them, and Enter; plain letters: AT-SPI types
# them without remapping a key, so none is lost.
TAGS = ['Muong Te', 'lu quet']


def unnamed_controls(root):
    """What a person can operate under @root and a screen reader cannot name,
    each with where it is (roles and names up to @root) and its first children."""
    unnamed = []
    for node in walk(root):
        if role_name(node) in CONTROL_ROLES and not name_of(node):
            path, up = [], node
            while up is not None and up != root:
                path.append('%s “%s”' % (role_name(up), name_of(up)))
                up = up.get_parent()
            # Inside a combo box is the combo box's own make (AdwComboRow's
            # list of the current choice): a screen reader speaks the box.
            if any(part.startswith('combo box ') for part in path[1:]):
                continue
            kids = [name_of(node.get_child_at_index(i)) for i in range(min(node.get_child_count(), 3))]
            unnamed.append(' < '.join(path) + ' with %s' % kids)
    return unnamed


def main():
    tap = Tap(14)
    session = Session(sys.argv[1])
    try:
        app = session.start()
        window = find(app, roles=('frame', 'window'), timeout=20)
        tap.ok(True, 'the window is in the accessibility tree')

        headline = find(app, 'Headline', TEXT_ROLES)
        lead = find(app, 'Lead', TEXT_ROLES)
        body = find(app, 'Story body', TEXT_ROLES)
        # A new story starts with the cursor in the headline.
        focus(headline)
        # Enter in the headline goes on to the lead, Enter at its end to the body.
        type_text(HEADLINE, into=headline)
        press(KEY_RETURN)
        wait_for(lambda: has_focus(lead), what='the focus in the lead')
        type_text(LEAD, into=lead)
        press(KEY_RETURN)
        wait_for(lambda: has_focus(body), what='the focus in the body')
        type_text('\n'.join(BODY), into=body)
        wait_for(lambda: text_of(headline) == HEADLINE, what='the headline')
        log('headline:', text_of(headline))
        log('lead:', text_of(lead))
        log('body:', text_of(body))
        tap.ok(text_of(lead) == LEAD and text_of(body) == '\n'.join(BODY),
               'headline, lead and body typed with the keyboard')

        ctrl(ord('s'))

        def saved():
            drafts = session.drafts_on_disk()
            return len(drafts) == 1 and drafts[0]['headline'] == HEADLINE

        wait_for(saved, what='the draft on disk')
        draft = session.drafts_on_disk()[0]
        texts = [block.get('text') for block in draft['body']]
        log('on disk:', draft['headline'], '|', draft['lead'], '|', texts)
        tap.ok(draft['lead'] == LEAD and texts == BODY, 'the draft on disk is what was typed')

        wait_for(lambda: HEADLINE in name_of(window), what='the window title')
        find(window, 'Saved', roles=('label',))
        tap.ok(True, 'the window shows the headline and that it is saved')

        unnamed = unnamed_controls(window)
        log('controls without a name:', unnamed)
        tap.ok(not unnamed, 'every control of the window has an accessible name')

        click(find(window, 'Drafts', BUTTON_ROLES))
        find(app, 'Search drafts', None, timeout=10)
        row = find(app, HEADLINE, None, timeout=10)
        tap.ok(row is not None, 'the drafts library lists the story')
        unnamed = unnamed_controls(window)
        log('controls without a name, with the drafts library open:', unnamed)
        tap.ok(not unnamed, 'every control of the drafts library has an accessible name')
        press(KEY_ESCAPE)
        time.sleep(0.5)

        # The details are beside the text in a wide window; their button hides them.
        find(app, 'Dateline', None, timeout=10)
        toggle = find(window, 'Show details', BUTTON_ROLES)

        def pressed():
            return toggle.get_state_set().contains(Atspi.StateType.PRESSED)

        shown = pressed()
        click(toggle)
        wait_for(lambda: pressed() != shown, what='the details to hide')
        click(toggle)
        wait_for(lambda: pressed() == shown, what='the details to come back')
        tap.ok(shown, 'the details sidebar is shown, hides and comes back')

        # A choice row opens its list by its action, and a choice is made by
        # its own: what a switch device or a screen reader's "activate" does.
        click(find(window, 'Category', ('combo box',)))
        click(find(app, CATEGORY, ('list item',), timeout=10))

        def category_saved():
            drafts = session.drafts_on_disk()
            return len(drafts) == 1 and drafts[0].get('category') == CATEGORY

        # Saved by the autosave (2 s after the change).
        wait_for(category_saved, timeout=15, what='the category on disk')
        tap.ok(True, 'a category chosen through the accessibility tree is saved')

        # Tags: a comma makes a chip, as Enter does.
        # Reached with Tab from the category, as a person would (GTK does not
        # move the focus when asked through the accessibility tree).
        tags = find(window, 'Add a tag', TEXT_ROLES, showing=False)
        for _ in range(6):
            if has_focus(tags):
                break
            press(KEY_TAB)
        wait_for(lambda: has_focus(tags), timeout=5, what='the focus in the tags')
        type_text(', '.join(TAGS) + '\n')

        def tags_saved():
            drafts = session.drafts_on_disk()
            return len(drafts) == 1 and drafts[0].get('tags') == TAGS

        wait_for(tags_saved, timeout=15, what='the tags on disk')
        tap.ok(text_of(tags) == '', 'tags typed with a comma between them are saved, the field emptied')

        # The checklist (F8) and Preferences (Ctrl+,): every control named there too.
        press(KEY_F8)
        find(window, 'Preflight Checks', None, timeout=10)
        unnamed = unnamed_controls(window)
        log('controls without a name, with the checklist open:', unnamed)
        press(KEY_F8)
        ctrl(ord(','))
        find(app, 'Default byline', None, timeout=10)
        unnamed += unnamed_controls(window)
        log('controls without a name, in Preferences too:', unnamed)
        tap.ok(not unnamed, 'every control of the checklist and of Preferences has an accessible name')
        press(KEY_ESCAPE)
        time.sleep(0.5)

        # Submitted for review from the body: the shortcut, not a new line
        # (the text view would take Enter with any modifier).
        # (The find bar, put away, gives the keyboard back to the body.)
        ctrl(ord('f'))
        press(KEY_ESCAPE)
        wait_for(lambda: has_focus(body), what='the focus back in the body')
        ctrl(KEY_RETURN, SHIFT_MASK)

        def submitted():
            drafts = session.drafts_on_disk()
            return len(drafts) == 1 and drafts[0].get('status') == 'submitted'

        wait_for(submitted, timeout=15, what='the story submitted')
        log('body after Ctrl+Shift+Enter:', repr(text_of(body)))
        tap.ok(text_of(body) == '\n'.join(BODY), 'Ctrl+Shift+Enter in the body submits the story for review')

        ctrl(ord('q'))
        tap.ok(session.wait_exit(timeout=15) == 0, 'Ctrl+Q quits')
        warnings = session.warnings()
        log('warnings:', warnings)
        tap.ok(not warnings, 'the whole flow wrote no GLib warning or critical')
    finally:
        session.cleanup()


if __name__ == '__main__':
    main()
