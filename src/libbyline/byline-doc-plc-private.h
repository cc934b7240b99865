/* byline-doc-plc-private.h — a PLC of a Word 97 document ([MS-DOC] 2.2.2)
 *
 * A PLC is n + 1 CPs (or FCs), then n entries of a fixed size: the piece
 * table, the FKPs' PlcBte, the shapes' PlcfSpaMom, the text boxes'
 * PlcftxbxTxt.  These say how many entries @lcb bytes hold and where each
 * is; a length that cannot be a PLC is none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-le-private.h"

G_BEGIN_DECLS

/* How many entries of @entry_size bytes a PLC of @lcb bytes has, into
 * *@n; FALSE when @lcb cannot be one. */
static inline gboolean
_byline_doc_plc_count (gsize    lcb,
                       gsize    entry_size,
                       guint32 *n)
{
  if (lcb < 4 || (lcb - 4) % (4 + entry_size) != 0)
    return FALSE;
  *n = (guint32) ((lcb - 4) / (4 + entry_size));
  return TRUE;
}

/* Its @i-th CP (0 to n). */
static inline guint32
_byline_doc_plc_cp (const guint8 *plc,
                    guint32       i)
{
  return _byline_le32 (plc + (gsize) i * 4);
}

/* Its @i-th entry (0 to n - 1). */
static inline const guint8 *
_byline_doc_plc_entry (const guint8 *plc,
                       guint32       n,
                       guint32       i,
                       gsize         entry_size)
{
  return plc + ((gsize) n + 1) * 4 + (gsize) i * entry_size;
}

G_END_DECLS
