/* byline-draft-store-files.c
 *
 * The POSIX side of the draft store: what GIO does not say about durability
 * (fsync of a folder, flock, rename without replacing) and the streaming copy
 * of pictures into a draft by content.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Byline"

/* renameat2() and RENAME_NOREPLACE */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "byline-article.h"
#include "byline-draft-store-private.h"
#include "byline-error.h"
#include "byline-image.h"
#include "byline-image-info.h"
#include "byline-image-heif-private.h"

/* How long a save waits for another process's save of the same draft. */
#define LOCK_WAIT_USEC   (5 * G_USEC_PER_SEC)
#define COPY_CHUNK_SIZE  (256 * 1024)

gboolean
_byline_draft_id_is_valid (const char *id)
{
  /* Ids come from the command line and from files: a UUID cannot name "..",
   * a separator or a hidden folder. */
  return id != NULL && g_uuid_string_is_valid (id);
}

gboolean
_byline_sha256_is_valid (const char *sha256)
{
  return sha256 != NULL
         && strlen (sha256) == 64
         && strspn (sha256, "0123456789abcdefABCDEF") == 64;
}

gboolean
_byline_file_stamp_get (const char      *path,
                        BylineFileStamp *stamp)
{
  struct stat st;

  if (stat (path, &st) != 0)
    return FALSE;
  stamp->size = st.st_size;
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  stamp->inode = st.st_ino;
  return TRUE;
}

gboolean
_byline_file_stamp_equal (const BylineFileStamp *a,
                          const BylineFileStamp *b)
{
  return a->size == b->size && a->mtime_ns == b->mtime_ns && a->inode == b->inode;
}

static int
error_code_for_errno (int errsv)
{
  switch (errsv)
    {
    case ENOENT:
    case ENOTDIR:
      return BYLINE_ERROR_NOT_FOUND;
    case EEXIST:
    case ENOTEMPTY:
      return BYLINE_ERROR_CONFLICT;
    case ENOSPC:
    case EDQUOT:
      return BYLINE_ERROR_NO_SPACE;
    case EACCES:
    case EPERM:
    case EROFS:
      return BYLINE_ERROR_NOT_WRITABLE;
    default:
      return BYLINE_ERROR_FAILED;
    }
}

/* @format: a translated message with “%s” for the path, then %s for the reason. */
static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *message = g_strdup_printf (format, path, g_strerror (errsv));

  g_set_error_literal (error, BYLINE_ERROR, error_code_for_errno (errsv), message);
  return FALSE;
}

static gboolean
set_error_from_glib (GError **error,
                     GError  *glib_error)
{
  int code = BYLINE_ERROR_FAILED;

  if (g_error_matches (glib_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
      || g_error_matches (glib_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    code = BYLINE_ERROR_NOT_FOUND;
  else if (g_error_matches (glib_error, G_FILE_ERROR, G_FILE_ERROR_NOSPC)
           || g_error_matches (glib_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    code = BYLINE_ERROR_NO_SPACE;
  else if (g_error_matches (glib_error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
           || g_error_matches (glib_error, G_FILE_ERROR, G_FILE_ERROR_PERM)
           || g_error_matches (glib_error, G_FILE_ERROR, G_FILE_ERROR_ROFS)
           || g_error_matches (glib_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED)
           || g_error_matches (glib_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    code = BYLINE_ERROR_NOT_WRITABLE;
  g_set_error_literal (error, BYLINE_ERROR, code, glib_error->message);
  return FALSE;
}

gboolean
_byline_make_folder (const char  *path,
                     GError     **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    return set_errno_error (error, errno, _("Could not create the folder “%s”: %s"), path);
  return TRUE;
}

gboolean
_byline_fsync_folder (const char  *path,
                      GError     **error)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int errsv;

  if (fd < 0)
    return set_errno_error (error, errno, _("Could not open the folder “%s”: %s"), path);
  /* A rename is durable only once the folder holding it is. */
  if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
    {
      errsv = errno;
      close (fd);
      return set_errno_error (error, errsv, _("Could not write the folder “%s” to disk: %s"), path);
    }
  close (fd);
  return TRUE;
}

gboolean
_byline_write_file_atomic (const char  *path,
                           const char  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    return set_error_from_glib (error, local_error);
  return TRUE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      length -= written;
    }
  return TRUE;
}

gboolean
_byline_write_file_unsynced (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (path, ".XXXXXX", NULL);
  int fd, errsv;

  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, _("Could not create “%s”: %s"), tmp_path);
  if (!write_all (fd, (const guint8 *) data, length))
    {
      errsv = errno;
      close (fd);
      g_unlink (tmp_path);
      return set_errno_error (error, errsv, _("Could not write “%s”: %s"), tmp_path);
    }
  if (close (fd) != 0 || rename (tmp_path, path) != 0)
    {
      errsv = errno;
      g_unlink (tmp_path);
      return set_errno_error (error, errsv, _("Could not write “%s”: %s"), path);
    }
  return TRUE;
}

gboolean
_byline_load_file (const char  *path,
                   GBytes     **bytes,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    return set_error_from_glib (error, local_error);
  *bytes = g_bytes_new_take (contents, length);
  return TRUE;
}

gboolean
_byline_rename_no_replace (const char  *from,
                           const char  *to,
                           GError     **error)
{
  if (renameat2 (AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
    return TRUE;

  /* Filesystems without RENAME_NOREPLACE: check, then rename.  Callers hold
   * the store's locks, so only a program ignoring them can slip in between. */
  if (errno == EINVAL || errno == ENOSYS)
    {
      if (g_file_test (to, G_FILE_TEST_EXISTS))
        return set_errno_error (error, EEXIST, _("Could not move to “%s”: %s"), to);
      if (rename (from, to) == 0)
        return TRUE;
    }
  return set_errno_error (error, errno, _("Could not move “%s”: %s"), from);
}

gboolean
_byline_remove_tree (const char  *path,
                     GError     **error)
{
  struct stat st;

  if (lstat (path, &st) != 0)
    return errno == ENOENT ? TRUE : set_errno_error (error, errno, _("Could not remove “%s”: %s"), path);

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!_byline_remove_tree (child, error))
            return FALSE;
        }
      if (rmdir (path) != 0)
        return set_errno_error (error, errno, _("Could not remove “%s”: %s"), path);
    }
  else if (unlink (path) != 0)
    return set_errno_error (error, errno, _("Could not remove “%s”: %s"), path);

  return TRUE;
}

/* --------------------------------------------------------------- locking */

int
_byline_draft_lock (const char  *draft_dir,
                    const char  *id,
                    gboolean     wait,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (draft_dir, "lock", NULL);
  gint64 deadline = g_get_monotonic_time () + LOCK_WAIT_USEC;
  struct stat held, current;
  int fd;

  fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not open the lock file “%s”: %s"), path);
      return -1;
    }

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EINTR)
        continue;
      if (errno != EWOULDBLOCK || !wait || g_get_monotonic_time () > deadline)
        {
          close (fd);
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_LOCKED,
                       _("Draft %s is being saved by another program (%s is locked); try again"),
                       id, path);
          return -1;
        }
      g_usleep (10 * 1000);
    }

  /* Deleting moves the folder while holding the lock; if that happened while
   * we waited, the path no longer leads to the file we hold. */
  if (fstat (fd, &held) != 0 || stat (path, &current) != 0
      || held.st_ino != current.st_ino || held.st_dev != current.st_dev)
    {
      close (fd);
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_CONFLICT,
                   _("Draft %s was moved to the trash while waiting to save it"), id);
      return -1;
    }

  return fd;
}

void
_byline_draft_unlock (int fd)
{
  if (fd >= 0)
    close (fd);  /* releases the flock */
}

/* ------------------------------------------------------- temporary files */

static gboolean
is_final_name (const char *name,
               gsize       length)
{
  gsize digits = 0;

  if ((length == strlen ("draft.json") && strncmp (name, "draft.json", length) == 0)
      || (length == strlen ("summary.json") && strncmp (name, "summary.json", length) == 0)
      || (length == strlen ("import") && strncmp (name, "import", length) == 0))
    return TRUE;

  /* history/<revision>.json */
  while (digits < length && g_ascii_isdigit (name[digits]))
    digits++;
  if (digits > 0 && length - digits == 5 && strncmp (name + digits, ".json", 5) == 0)
    return TRUE;

  /* media/<sha256>.<ext> */
  if (length > 65 && name[64] == '.')
    {
      g_autofree char *sha = g_strndup (name, 64);

      if (!_byline_sha256_is_valid (sha))
        return FALSE;
      for (gsize i = 65; i < length; i++)
        if (!g_ascii_islower (name[i]))
          return FALSE;
      return TRUE;
    }

  return FALSE;
}

static gboolean
is_temporary_name (const char *name)
{
  gsize length = strlen (name);

  /* g_file_set_contents() and g_mkstemp() write "<name>.XXXXXX". */
  if (length < 8 || name[length - 7] != '.')
    return FALSE;
  for (gsize i = length - 6; i < length; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return is_final_name (name, length - 7);
}

static void
remove_temporaries_in (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!is_temporary_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_debug ("Removing %s, left by an interrupted save", path);
          g_unlink (path);
        }
    }
}

void
_byline_draft_remove_temporaries (const char *draft_dir)
{
  g_autofree char *history = g_build_filename (draft_dir, "history", NULL);
  g_autofree char *media = g_build_filename (draft_dir, "media", NULL);

  remove_temporaries_in (draft_dir);
  remove_temporaries_in (history);
  remove_temporaries_in (media);
}

/* ------------------------------------------------ pictures measured again */

/* The first @length bytes of @path (fewer if it is shorter). */
static GByteArray *
read_head (const char *path,
           gsize       length)
{
  g_autoptr(GByteArray) head = g_byte_array_sized_new (length);
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return NULL;
  g_byte_array_set_size (head, length);
  for (gsize done = 0; done < length;)
    {
      gssize n = read (fd, head->data + done, length - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          g_byte_array_set_size (head, done);
          break;
        }
      done += n;
    }
  close (fd);
  return g_steal_pointer (&head);
}

/* A draft of format 1.0 may give a phone's upright photo the size it is
 * stored at, a landscape one (Byline read no EXIF orientation then), and
 * every view and export would lay it out so.  Its JPEGs are measured again
 * from their headers: the size they show at, whatever the draft says
 * (a draft saved since has it already; nothing changes then).  Saved so
 * at the next save, as format 1.1. */
void
_byline_draft_measure_pictures (BylineArticle *article)
{
  for (guint i = 0; i < byline_article_get_n_images (article); i++)
    {
      BylineImage *image = byline_article_get_image (article, i);
      GFile *file = byline_image_get_file (image);
      g_autoptr(GByteArray) head = NULL;
      guint width, height;

      if (file == NULL || g_strcmp0 (byline_image_get_media_type (image), "image/jpeg") != 0)
        continue;
      /* The size comes after the APPn segments: most often in the first
       * 64 KiB, else within BYLINE_IMAGE_INFO_HEAD_SIZE. */
      head = read_head (g_file_peek_path (file), 64 * 1024);
      if (head != NULL && !byline_image_info_sniff (head->data, head->len, NULL, &width, &height)
          && head->len == 64 * 1024)
        {
          g_byte_array_unref (head);
          head = read_head (g_file_peek_path (file), BYLINE_IMAGE_INFO_HEAD_SIZE);
        }
      if (head == NULL || !byline_image_info_sniff (head->data, head->len, NULL, &width, &height))
        continue;
      if (width != byline_image_get_width (image) || height != byline_image_get_height (image))
        byline_image_set_size (image, width, height);
    }
}

/* ----------------------------------------------------------- media copies */

void
_byline_media_copy_clear (BylineMediaCopy *copy)
{
  if (copy->tmp_path != NULL)
    g_unlink (copy->tmp_path);
  g_clear_pointer (&copy->tmp_path, g_free);
  g_clear_pointer (&copy->sha256, g_free);
}

/* Whether @head is a picture Byline takes, or (*@convert) one it makes a
 * JPEG of (an iPhone's HEIC, an AVIF: byline-image-heif.c). */
static gboolean
sniff_head (BylineMediaCopy  *copy,
            GByteArray       *head,
            const char       *name,
            gboolean         *convert,
            GError          **error)
{
  *convert = FALSE;
  if (!byline_image_info_sniff (head->data, head->len,
                                &copy->media_type, &copy->width, &copy->height))
    {
      static const char *kinds[] = {
        [BYLINE_IMAGE_OTHER_AVIF] = "AVIF", [BYLINE_IMAGE_OTHER_TIFF] = "TIFF",
        [BYLINE_IMAGE_OTHER_BMP] = "BMP", [BYLINE_IMAGE_OTHER_PSD] = "Photoshop (PSD)",
      };
      BylineImageOther other = byline_image_info_other (head->data, head->len);

      if (_byline_image_heif_can_convert (other))
        {
          *convert = TRUE;
          return TRUE;
        }
      if (other == BYLINE_IMAGE_OTHER_HEIC)
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                     _("“%s” is an iPhone photo in HEIC, which Byline does not take: send it as a JPEG "
                       "(on the iPhone: Settings ▸ Camera ▸ Formats ▸ Most Compatible)"), name);
      else if (other != BYLINE_IMAGE_OTHER_NONE)
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                     _("“%s” is a picture in %s, which Byline does not take: save it as a JPEG or PNG"),
                     name, kinds[other]);
      else
        g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                     _("“%s” is not a JPEG, PNG, GIF or WebP picture"), name);
      return FALSE;
    }
  return TRUE;
}

/* The HEIF picture @whole (the file, read) written to @fd as a JPEG in its
 * place, its SHA-256 in a new *@checksum. */
static gboolean
write_converted (BylineMediaCopy  *copy,
                 GByteArray       *whole,
                 const char       *name,
                 int               fd,
                 GChecksum       **checksum,
                 GError          **error)
{
  g_autoptr(GBytes) jpeg = _byline_image_heif_to_jpeg (whole->data, whole->len, name,
                                                       &copy->width, &copy->height, error);
  const guint8 *data;
  gsize length;

  if (jpeg == NULL)
    return FALSE;
  data = g_bytes_get_data (jpeg, &length);
  /* What was copied before it was known to be one goes. */
  if (ftruncate (fd, 0) != 0 || lseek (fd, 0, SEEK_SET) != 0 || !write_all (fd, data, length))
    return set_errno_error (error, errno, _("Could not write “%s”: %s"), copy->tmp_path);
  g_checksum_free (*checksum);
  *checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (*checksum, data, length);
  copy->media_type = "image/jpeg";
  copy->converted = TRUE;
  return TRUE;
}

gboolean
_byline_media_copy_in (GFile            *source,
                       const char       *media_dir,
                       gboolean          sniff,
                       BylineMediaCopy  *copy,
                       GError          **error)
{
  /* By its name, not its path: the messages are read where the person just
   * chose, dropped or named the file. */
  g_autofree char *name = g_file_get_basename (source);
  g_autofree char *template = g_build_filename (media_dir, "import.XXXXXX", NULL);
  g_autofree guint8 *buffer = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GByteArray) head = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean convert = FALSE;
  gint64 total = 0;
  int fd;

  g_return_val_if_fail (copy->tmp_path == NULL, FALSE);

  in = g_file_read (source, NULL, &local_error);
  if (in == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNSUPPORTED_FORMAT,
                       _("“%s” is a folder, not a picture"), name);
          return FALSE;
        }
      return set_error_from_glib (error, local_error);
    }

  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    return set_errno_error (error, errno, _("Could not create a file in “%s”: %s"), media_dir);
  copy->tmp_path = g_steal_pointer (&template);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (COPY_CHUNK_SIZE);
  if (sniff)
    head = g_byte_array_new ();

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, COPY_CHUNK_SIZE,
                                      NULL, &local_error);

      if (n < 0)
        {
          close (fd);
          return set_error_from_glib (error, local_error);
        }
      if (n == 0)
        break;

      total += n;
      if (total > BYLINE_DRAFT_MEDIA_MAX_SIZE)
        {
          close (fd);
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_TOO_LARGE,
                       _("“%s” is larger than %d MiB"), name,
                       (int) (BYLINE_DRAFT_MEDIA_MAX_SIZE / (1024 * 1024)));
          return FALSE;
        }

      g_checksum_update (checksum, buffer, n);

      /* Refuse a non-picture before copying all of it; one to convert is
       * read whole, then converted. */
      if (head != NULL)
        {
          g_byte_array_append (head, buffer, n);
          if (convert)
            continue;
          if (head->len >= BYLINE_IMAGE_INFO_HEAD_SIZE)
            {
              if (!sniff_head (copy, head, name, &convert, error))
                {
                  close (fd);
                  return FALSE;
                }
              if (convert)
                continue;
              g_clear_pointer (&head, g_byte_array_unref);
            }
        }

      if (!write_all (fd, buffer, n))
        {
          int errsv = errno;

          close (fd);
          return set_errno_error (error, errsv, _("Could not write “%s”: %s"), copy->tmp_path);
        }
    }

  if (head != NULL && !convert && !sniff_head (copy, head, name, &convert, error))
    {
      close (fd);
      return FALSE;
    }
  if (convert && !write_converted (copy, head, name, fd, &checksum, error))
    {
      close (fd);
      return FALSE;
    }

  if (fsync (fd) != 0)
    {
      int errsv = errno;

      close (fd);
      return set_errno_error (error, errsv, _("Could not write “%s”: %s"), copy->tmp_path);
    }
  if (close (fd) != 0)
    return set_errno_error (error, errno, _("Could not write “%s”: %s"), copy->tmp_path);

  copy->sha256 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

gboolean
_byline_media_copy_commit (BylineMediaCopy  *copy,
                           const char       *final_path,
                           GError          **error)
{
  g_return_val_if_fail (copy->tmp_path != NULL, FALSE);

  /* Named by content: a file already there holds the same bytes. */
  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (copy->tmp_path);
      g_clear_pointer (&copy->tmp_path, g_free);
      return TRUE;
    }

  if (g_rename (copy->tmp_path, final_path) != 0)
    return set_errno_error (error, errno, _("Could not move a picture to “%s”: %s"), final_path);
  g_clear_pointer (&copy->tmp_path, g_free);
  return TRUE;
}
