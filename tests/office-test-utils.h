/* office-test-utils.h — what the tests of the documents' readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-test-utils.h"
#include "byline-body.h"

G_BEGIN_DECLS

/* Word's runs and fields, for documents written in the tests as XML. */
#define P(runs)        "<w:p>" runs "</w:p>"
#define RUN(text)      "<w:r><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define BOLD(text)     "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" text "</w:t></w:r>"
#define BEGIN          "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
#define INSTR(text)    "<w:r><w:instrText xml:space=\"preserve\">" text "</w:instrText></w:r>"
#define SEPARATE       "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
#define END            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"

/* The document tests/data/@name read, its format checked by its suffix. */
BylineArticle *office_import            (const char      *name,
                                         GError         **error);
/* Block @index of @body is of @kind, with @text unless NULL. */
void           office_assert_block      (BylineBody      *body,
                                         guint            index,
                                         BylineBlockKind  kind,
                                         const char      *text);
/* tests/data/@name damaged 300 times, up to @most bytes at once: each
 * read a story or an error, a story's pictures files that exist.  How
 * many were read. */
guint          office_mutate            (const char      *name,
                                         guint            most);
/* A .docx of only word/document.xml: a headline, a lead, @paragraphs and
 * a byline; its body is @paragraphs. */
BylineArticle *office_import_paragraphs (const char      *paragraphs);
guint          office_count_spans       (BylineBody      *body,
                                         guint            index,
                                         BylineSpanKind   kind);
/* Block @index has one span of @kind, over @text after @before. */
void           office_assert_span       (BylineBody      *body,
                                         guint            index,
                                         BylineSpanKind   kind,
                                         const char      *before,
                                         const char      *text,
                                         const char      *href);

G_END_DECLS
