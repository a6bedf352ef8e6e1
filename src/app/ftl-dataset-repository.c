/* ftl-dataset-repository.c — the training files behind the data pane.
 *
 * The list is a GListStore kept sorted with ftl_dataset_file_compare. Every
 * operation checks its names against the list and against the disk before it
 * writes, and writes through a temporary file renamed over the old one (see
 * write_atomically()), so a crash leaves either the old or the new file. Names are what people type; paths are built from
 * them in the GLib filename encoding.
 */
#include "ftl-dataset-repository.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ftl-dataset.h"

#define JSONL_SUFFIX ".jsonl"

/* Most file systems allow 255 bytes per file name; the name is UTF-8 and
 * gets ".jsonl" appended, so 100 Korean characters (300 bytes) would not fit. */
#define MAX_NAME_BYTES (255 - (int) strlen (JSONL_SUFFIX))

/* What a new file holds: one example, so people see the format they are to
 * follow. It is English like the base model's corpus. */
static const char template_example[] =
  "{\"messages\": ["
  "{\"role\": \"system\", \"content\": \"You are Sunny, a cheerful helper who answers in "
  "one short, friendly sentence.\"}, "
  "{\"role\": \"user\", \"content\": \"This is an example. What do I write here?\"}, "
  "{\"role\": \"assistant\", \"content\": \"One conversation per line, just like this one, "
  "in the voice you want me to learn!\"}"
  "]}\n";

struct _FtlDatasetRepository
{
  GObject     parent_instance;
  char       *user_dir;
  char       *builtin_dir;
  GListStore *files;
};

struct _FtlDatasetRepositoryUndo
{
  char      *name;
  char      *basename;  /* on disk, in the filename encoding */
  GBytes    *bytes;
  GDateTime *modified;
};

G_DEFINE_FINAL_TYPE (FtlDatasetRepository, ftl_dataset_repository, G_TYPE_OBJECT)

G_DEFINE_QUARK (ftl-dataset-repository-error-quark, ftl_dataset_repository_error)

enum {
  PROP_0,
  PROP_USER_DIR,
  PROP_BUILTIN_DIR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- errors ------------------------------------------------------------------ */

static void set_io_error (GError      **error,
                          const GError *cause,
                          const char   *format,
                          ...) G_GNUC_PRINTF (3, 4);

/* Turns a GIO error into ours: NOT_FOUND when the file is gone, IO otherwise. */
static void
set_io_error (GError      **error,
              const GError *cause,
              const char   *format,
              ...)
{
  va_list args;

  va_start (args, format);
  g_autofree char *message = g_strdup_vprintf (format, args);
  va_end (args);

  int code = g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
    ? FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND
    : FTL_DATASET_REPOSITORY_ERROR_IO;
  g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR, code, message);
}

static void
set_too_large_error (GError    **error,
                     const char *name,
                     guint64     size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (FTL_DATASET_MAX_FILE_SIZE);

  g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_TOO_LARGE,
               /* Translators: "“notes.txt” is 80.0 MB; a training file can be at most 67.1 MB." */
               _("“%s” is %s; a training file can be at most %s."),
               name, size_text, limit_text);
}

/* ---- names ------------------------------------------------------------------- */

static gboolean
has_suffix_ignoring_case (const char *text,
                          const char *suffix)
{
  gsize text_length = strlen (text);
  gsize suffix_length = strlen (suffix);

  return text_length >= suffix_length &&
         g_ascii_strcasecmp (text + text_length - suffix_length, suffix) == 0;
}

/* text without white space at either end, Unicode's included (Korean input
 * methods type U+3000, the ideographic space). */
static char *
strip_space (const char *text)
{
  const char *start = text;
  while (g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  const char *end = start + strlen (start);
  while (end > start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);

  return g_strndup (start, (gsize) (end - start));
}

/* The key two names are compared by: equal keys are "the same name". */
static char *
name_key (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static gboolean
name_fits (const char *name)
{
  return g_utf8_strlen (name, -1) <= FTL_DATASET_REPOSITORY_MAX_NAME &&
         strlen (name) <= (gsize) MAX_NAME_BYTES;
}

/* A typed name as it will be stored (NFC, without ".jsonl" and surrounding
 * white space), or NULL with EMPTY_NAME or BAD_NAME. */
static char *
normalize_name (const char  *typed,
                GError     **error)
{
  if (typed == NULL || !g_utf8_validate (typed, -1, NULL))
    {
      g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                           FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                           _("The name is not valid text."));
      return NULL;
    }

  g_autofree char *typed_name = strip_space (typed);
  if (has_suffix_ignoring_case (typed_name, JSONL_SUFFIX))
    typed_name[strlen (typed_name) - strlen (JSONL_SUFFIX)] = '\0';
  g_autofree char *stripped = strip_space (typed_name);
  g_autofree char *name = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  if (name[0] == '\0')
    {
      g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                           FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME,
                           _("Please enter a name for the file."));
      return NULL;
    }

  if (strchr (name, '/') != NULL || strchr (name, '\\') != NULL)
    {
      g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                           FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                           _("A name can't contain “/” or “\\”."));
      return NULL;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                             FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                             _("A name can't contain control characters such as tabs or "
                               "line breaks."));
        return NULL;
      }

  if (name[0] == '.')
    {
      /* Files starting with a dot are hidden, and would not be listed. */
      g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                           FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                           _("A name can't start with a dot."));
      return NULL;
    }

  if (g_utf8_strlen (name, -1) > FTL_DATASET_REPOSITORY_MAX_NAME)
    {
      g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                   _("A name can be at most %d characters long."),
                   FTL_DATASET_REPOSITORY_MAX_NAME);
      return NULL;
    }

  if (!name_fits (name))
    {
      g_set_error_literal (error, FTL_DATASET_REPOSITORY_ERROR,
                           FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                           _("The name is too long for a file name; please shorten it."));
      return NULL;
    }

  return g_steal_pointer (&name);
}

/* Makes a name that follows the rules out of any text (a file's base name
 * for import, another file's name for duplicate), without refusing it. */
static char *
sanitize_name (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || g_unichar_iscntrl (c))
        c = '_';
      g_string_append_unichar (name, c);
    }

  const char *start = name->str;
  while (*start == '.' || g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  g_autofree char *stripped = strip_space (start);

  if (stripped[0] == '\0')
    /* Translators: the name of an imported file whose own name had nothing usable. */
    return g_strdup (_("Imported"));
  return g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

/* The n-th candidate (from 1) for a copy of base, or for base itself. */
static char *
candidate_name (const char *base,
                gboolean    copy,
                guint       n)
{
  if (copy && n == 1)
    /* Translators: the name of a duplicated file, e.g. "pirate copy". */
    return g_strdup_printf (_("%s copy"), base);
  if (copy)
    /* Translators: the name of a further duplicate, e.g. "pirate copy 2". */
    return g_strdup_printf (_("%s copy %u"), base, n);
  if (n == 1)
    return g_strdup (base);
  return g_strdup_printf ("%s %u", base, n);
}

/* ---- the disk ---------------------------------------------------------------- */

static GDateTime *
query_modified (GFile *gfile)
{
  g_autoptr(GFileInfo) info = g_file_query_info (gfile,
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                                                 G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* NULL (the file vanished, or the file system has no times) means "now". */
  return info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
}

/* Reads a whole file, refusing more than FTL_DATASET_MAX_FILE_SIZE bytes
 * (the size is only a hint: a pipe says 0, and files grow while being read). */
static GByteArray *
read_bounded (GFile       *gfile,
              const char  *name,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) stream = g_file_read (gfile, NULL, &local_error);
  if (stream == NULL)
    {
      set_io_error (error, local_error, _("Could not read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  g_autoptr(GFileInfo) info = g_file_input_stream_query_info (stream,
                                                              G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                              NULL, NULL);
  goffset size = info != NULL ? g_file_info_get_size (info) : 0;
  if (size > FTL_DATASET_MAX_FILE_SIZE)
    {
      set_too_large_error (error, name, (guint64) size);
      return NULL;
    }

  g_autoptr(GByteArray) bytes = g_byte_array_sized_new ((guint) size + 1);
  const gsize chunk = 64 * 1024;
  for (;;)
    {
      guint have = bytes->len;
      gsize n_read;

      g_byte_array_set_size (bytes, have + (guint) chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), bytes->data + have, chunk,
                                    &n_read, NULL, &local_error))
        {
          set_io_error (error, local_error, _("Could not read “%s”: %s"), name,
                        local_error->message);
          return NULL;
        }
      g_byte_array_set_size (bytes, have + (guint) n_read);
      if (bytes->len > FTL_DATASET_MAX_FILE_SIZE)
        {
          set_too_large_error (error, name, bytes->len);
          return NULL;
        }
      if (n_read < chunk)
        break;
    }

  return g_steal_pointer (&bytes);
}

/* For a file without a local path (an export to a remote folder). GIO
 * writes a temporary file and renames it over the old one when the stream
 * closes, even after a failed write; closing with a cancelled cancellable
 * drops the temporary file instead. */
static gboolean
replace_through_stream (GFile       *gfile,
                        const void  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(GFileOutputStream) out = g_file_replace (gfile, NULL, FALSE, G_FILE_CREATE_NONE,
                                                     NULL, error);
  g_autoptr(GCancellable) abandon = g_cancellable_new ();

  if (out == NULL)
    return FALSE;
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, length, NULL, NULL, error))
    {
      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), NULL, error);
}

/* The old file or the new one, whatever happens: a crash, a full disk, a
 * folder that can't be written. Not g_file_replace_contents: in GLib 2.74 it
 * writes a new file in place, and after a failed write (ENOSPC) it still
 * renames the partial copy over the original. */
static gboolean
write_atomically (GFile       *gfile,
                  const char  *name,
                  const void  *data,
                  gsize        length,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *path = g_file_peek_path (gfile);
  gboolean written = path != NULL
    ? g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                0666, &local_error)
    : replace_through_stream (gfile, data, length, &local_error);

  if (!written)
    {
      set_io_error (error, local_error, _("Could not save “%s”: %s"), name,
                    local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- the list ---------------------------------------------------------------- */

static FtlDatasetFile *
find_by_name (FtlDatasetRepository *self,
              const char           *name,
              FtlDatasetFile       *exclude)
{
  g_autofree char *key = name_key (name);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->files));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (G_LIST_MODEL (self->files), i);
      g_autofree char *file_key = name_key (ftl_dataset_file_get_name (file));

      if (file != exclude && strcmp (key, file_key) == 0)
        return file;
    }
  return NULL;
}

/* FALSE with EXISTS when name is taken in the list, or path is on the disk
 * (a file made behind the repository's back must not be overwritten either). */
static gboolean
check_name_free (FtlDatasetRepository *self,
                 const char           *name,
                 const char           *path,
                 FtlDatasetFile       *exclude,
                 GError              **error)
{
  gboolean taken = find_by_name (self, name, exclude) != NULL;

  if (!taken && (exclude == NULL || strcmp (path, ftl_dataset_file_get_path (exclude)) != 0))
    taken = g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);

  if (taken)
    g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_EXISTS,
                 _("A file named “%s” already exists."), name);
  return !taken;
}

/* The path a user file called name has, or NULL with BAD_NAME where the
 * file system's encoding can't spell it. */
static char *
user_path_for_name (FtlDatasetRepository *self,
                    const char           *name,
                    GError              **error)
{
  g_autofree char *filename = g_strconcat (name, JSONL_SUFFIX, NULL);
  g_autofree char *on_disk = g_filename_from_utf8 (filename, -1, NULL, NULL, NULL);

  if (on_disk == NULL)
    {
      g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
                   _("“%s” can't be used as a file name on this system."), name);
      return NULL;
    }
  return g_build_filename (self->user_dir, on_disk, NULL);
}

/* The first free candidate name for base (and its path), shortened where
 * the number or " copy" would make it too long. */
static char *
unique_name (FtlDatasetRepository  *self,
             const char            *base,
             gboolean               copy,
             char                 **path,
             GError               **error)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *shortened = g_strdup (base);
      g_autofree char *candidate = candidate_name (shortened, copy, n);

      while (!name_fits (candidate))
        {
          *g_utf8_find_prev_char (shortened, shortened + strlen (shortened)) = '\0';
          g_strchomp (shortened);
          g_free (candidate);
          candidate = candidate_name (shortened, copy, n);
        }

      g_autofree char *candidate_path = user_path_for_name (self, candidate, error);
      if (candidate_path == NULL)
        return NULL;
      if (check_name_free (self, candidate, candidate_path, NULL, NULL))
        {
          *path = g_steal_pointer (&candidate_path);
          return g_steal_pointer (&candidate);
        }
    }
}

/* Writes a new user file and adds it to the list; modified, where given,
 * is set on the file (undo restores it). */
static FtlDatasetFile *
add_user_file (FtlDatasetRepository *self,
               const char           *name,
               const char           *path,
               const void           *data,
               gsize                 length,
               GDateTime            *modified,
               GError              **error)
{
  if (!check_name_free (self, name, path, NULL, error))
    return NULL;

  if (g_mkdir_with_parents (self->user_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *dir_name = g_filename_display_name (self->user_dir);

      g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir_name,
                   g_strerror (saved_errno));
      return NULL;
    }

  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  if (!write_atomically (gfile, name, data, length, error))
    return NULL;

  if (modified != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_info_new ();

      /* Best effort: a file system without times still gets the bytes back.
       * GLib 2.74's local backend reads the nanoseconds, not the microseconds
       * set_modification_date_time gives, so both are set. */
      g_file_info_set_modification_date_time (info, modified);
      g_file_info_set_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_NSEC,
                                        (guint32) g_date_time_get_microsecond (modified) * 1000);
      g_file_set_attributes_from_info (gfile, info, G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }

  g_autoptr(GDateTime) written = query_modified (gfile);
  FtlDatasetFile *file = ftl_dataset_file_new (path, FALSE, written);
  g_list_store_insert_sorted (self->files, file, ftl_dataset_file_compare, NULL);
  return file;
}

/* FALSE with NOT_FOUND when file is not (or no longer) in the list. */
static gboolean
find_file (FtlDatasetRepository *self,
           FtlDatasetFile       *file,
           guint                *position,
           GError              **error)
{
  if (g_list_store_find (self->files, file, position))
    return TRUE;

  g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND,
               _("“%s” is no longer in the list of files."), ftl_dataset_file_get_name (file));
  return FALSE;
}

/* Like find_file, and FALSE with BUILTIN for a sample file. */
static gboolean
find_user_file (FtlDatasetRepository *self,
                FtlDatasetFile       *file,
                guint                *position,
                GError              **error)
{
  if (!find_file (self, file, position, error))
    return FALSE;

  if (ftl_dataset_file_get_builtin (file))
    {
      g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_BUILTIN,
                   _("“%s” is a sample file and can't be changed. Duplicate it to get a copy "
                     "you can edit."), ftl_dataset_file_get_name (file));
      return FALSE;
    }
  return TRUE;
}

static GByteArray *
read_file (FtlDatasetFile  *file,
           GError         **error)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (ftl_dataset_file_get_path (file));
  return read_bounded (gfile, ftl_dataset_file_get_name (file), error);
}

/* Moves the file at old_position to where its (new) name sorts, with one
 * items-changed over the range it crosses: a selection of the file follows
 * it, and the row shows the new name even when the position stays. */
static void
reposition (FtlDatasetRepository *self,
            FtlDatasetFile       *file,
            guint                 old_position)
{
  GListModel *model = G_LIST_MODEL (self->files);
  guint n = g_list_model_get_n_items (model);
  guint new_position = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FtlDatasetFile) other = g_list_model_get_item (model, i);

      if (i != old_position && ftl_dataset_file_compare (other, file, NULL) < 0)
        new_position++;
    }

  guint first = MIN (old_position, new_position);
  guint last = MAX (old_position, new_position);
  g_autoptr(GPtrArray) range = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i <= last; i++)
    if (i != old_position)
      g_ptr_array_add (range, g_list_model_get_item (model, i));
  g_ptr_array_insert (range, (int) (new_position - first), g_object_ref (file));

  g_list_store_splice (self->files, first, range->len, range->pdata, range->len);
}

/* ---- scanning ---------------------------------------------------------------- */

/* Adds dir's *.jsonl files to found, reusing the objects in known (by path). */
static void
scan_directory (const char  *dir,
                gboolean     builtin,
                GHashTable  *known,
                GPtrArray   *found,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) gdir = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children =
    g_file_enumerate_children (gdir,
                               G_FILE_ATTRIBUTE_STANDARD_NAME ","
                               G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                               G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                               G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                               G_FILE_QUERY_INFO_NONE, NULL, &local_error);

  /* The user's folder is only made when the first file is written. */
  if (children == NULL && !builtin &&
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return;

  for (;;)
    {
      GFileInfo *info = NULL;

      if (children == NULL || !g_file_enumerator_iterate (children, &info, NULL, NULL,
                                                          &local_error))
        {
          g_autofree char *dir_name = g_filename_display_name (dir);

          set_io_error (error, local_error, _("Could not list the files in “%s”: %s"),
                        dir_name, local_error->message);
          return;
        }
      if (info == NULL)
        return;

      const char *filename = g_file_info_get_name (info);
      if (filename[0] == '.' || !g_str_has_suffix (filename, JSONL_SUFFIX) ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      g_autofree char *path = g_build_filename (dir, filename, NULL);
      g_autoptr(GDateTime) modified = g_file_info_get_modification_date_time (info);
      FtlDatasetFile *file = g_hash_table_lookup (known, path);

      if (file != NULL && ftl_dataset_file_get_builtin (file) == builtin)
        {
          ftl_dataset_file_set_modified (file, modified);
          g_ptr_array_add (found, g_object_ref (file));
        }
      else
        g_ptr_array_add (found, ftl_dataset_file_new (path, builtin, modified));
    }
}

static int
compare_file_pointers (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  return ftl_dataset_file_compare (*(FtlDatasetFile * const *) a,
                                   *(FtlDatasetFile * const *) b, NULL);
}

/* ---- GObject ----------------------------------------------------------------- */

static void
ftl_dataset_repository_constructed (GObject *object)
{
  FtlDatasetRepository *self = FTL_DATASET_REPOSITORY (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (ftl_dataset_repository_parent_class)->constructed (object);

  if (!ftl_dataset_repository_reload (self, &error))
    g_warning ("%s", error->message);
}

static void
ftl_dataset_repository_finalize (GObject *object)
{
  FtlDatasetRepository *self = FTL_DATASET_REPOSITORY (object);

  g_clear_pointer (&self->user_dir, g_free);
  g_clear_pointer (&self->builtin_dir, g_free);
  g_clear_object (&self->files);

  G_OBJECT_CLASS (ftl_dataset_repository_parent_class)->finalize (object);
}

static void
ftl_dataset_repository_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FtlDatasetRepository *self = FTL_DATASET_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_USER_DIR:
      g_value_set_string (value, self->user_dir);
      break;

    case PROP_BUILTIN_DIR:
      g_value_set_string (value, self->builtin_dir);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_dataset_repository_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  FtlDatasetRepository *self = FTL_DATASET_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_USER_DIR:
      self->user_dir = g_value_dup_string (value);
      break;

    case PROP_BUILTIN_DIR:
      self->builtin_dir = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_dataset_repository_class_init (FtlDatasetRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ftl_dataset_repository_constructed;
  object_class->finalize = ftl_dataset_repository_finalize;
  object_class->get_property = ftl_dataset_repository_get_property;
  object_class->set_property = ftl_dataset_repository_set_property;

  properties[PROP_USER_DIR] =
    g_param_spec_string ("user-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUILTIN_DIR] =
    g_param_spec_string ("builtin-dir", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ftl_dataset_repository_init (FtlDatasetRepository *self)
{
  self->files = g_list_store_new (FTL_TYPE_DATASET_FILE);
}

/* ---- public API -------------------------------------------------------------- */

FtlDatasetRepository *
ftl_dataset_repository_new (const char *user_dir,
                            const char *builtin_dir)
{
  g_return_val_if_fail (user_dir != NULL, NULL);

  return g_object_new (FTL_TYPE_DATASET_REPOSITORY,
                       "user-dir", user_dir,
                       "builtin-dir", builtin_dir,
                       NULL);
}

GListModel *
ftl_dataset_repository_get_files (FtlDatasetRepository *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  return G_LIST_MODEL (self->files);
}

gboolean
ftl_dataset_repository_reload (FtlDatasetRepository  *self,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  GListModel *model = G_LIST_MODEL (self->files);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       NULL, g_object_unref);
  for (guint i = 0; i < n_old; i++)
    {
      FtlDatasetFile *file = g_list_model_get_item (model, i);
      g_hash_table_insert (known, (char *) ftl_dataset_file_get_path (file), file);
    }

  /* On an error, list what could be read all the same. */
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  if (self->builtin_dir != NULL)
    scan_directory (self->builtin_dir, TRUE, known, found, &local_error);
  scan_directory (self->user_dir, FALSE, known, found, local_error == NULL ? &local_error : NULL);
  g_ptr_array_sort_with_data (found, compare_file_pointers, NULL);

  /* Nothing changed (the common case): no items-changed, no rebuilt rows. */
  gboolean same = found->len == n_old;
  for (guint i = 0; same && i < n_old; i++)
    {
      g_autoptr(FtlDatasetFile) file = g_list_model_get_item (model, i);
      same = file == g_ptr_array_index (found, i);
    }

  if (!same)
    g_list_store_splice (self->files, 0, n_old, found->pdata, found->len);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

FtlDatasetFile *
ftl_dataset_repository_create (FtlDatasetRepository  *self,
                               const char            *name,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *normalized = normalize_name (name, error);
  if (normalized == NULL)
    return NULL;
  g_autofree char *path = user_path_for_name (self, normalized, error);
  if (path == NULL)
    return NULL;

  return add_user_file (self, normalized, path, template_example,
                        sizeof template_example - 1, NULL, error);
}

FtlDatasetFile *
ftl_dataset_repository_duplicate (FtlDatasetRepository  *self,
                                  FtlDatasetFile        *file,
                                  GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!find_file (self, file, NULL, error))
    return NULL;

  g_autoptr(GByteArray) bytes = read_file (file, error);
  if (bytes == NULL)
    return NULL;

  g_autofree char *base = sanitize_name (ftl_dataset_file_get_name (file));
  g_autofree char *path = NULL;
  g_autofree char *name = unique_name (self, base, TRUE, &path, error);
  if (name == NULL)
    return NULL;

  return add_user_file (self, name, path, bytes->data, bytes->len, NULL, error);
}

gboolean
ftl_dataset_repository_rename (FtlDatasetRepository  *self,
                               FtlDatasetFile        *file,
                               const char            *new_name,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  guint position;
  if (!find_user_file (self, file, &position, error))
    return FALSE;

  g_autofree char *normalized = normalize_name (new_name, error);
  if (normalized == NULL)
    return FALSE;
  if (strcmp (normalized, ftl_dataset_file_get_name (file)) == 0)
    return TRUE;

  g_autofree char *path = user_path_for_name (self, normalized, error);
  if (path == NULL || !check_name_free (self, normalized, path, file, error))
    return FALSE;

  /* A move never replaces: a file that took the name since the check makes
   * it fail with EXISTS. */
  g_autoptr(GFile) source = g_file_new_for_path (ftl_dataset_file_get_path (file));
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  if (!g_file_move (source, destination, G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL, NULL,
                    &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        g_set_error (error, FTL_DATASET_REPOSITORY_ERROR, FTL_DATASET_REPOSITORY_ERROR_EXISTS,
                     _("A file named “%s” already exists."), normalized);
      else
        set_io_error (error, local_error, _("Could not rename “%s”: %s"),
                      ftl_dataset_file_get_name (file), local_error->message);
      return FALSE;
    }

  ftl_dataset_file_set_path (file, path);
  reposition (self, file, position);
  return TRUE;
}

FtlDatasetRepositoryUndo *
ftl_dataset_repository_delete (FtlDatasetRepository  *self,
                               FtlDatasetFile        *file,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  guint position;
  if (!find_user_file (self, file, &position, error))
    return NULL;

  g_autoptr(GByteArray) bytes = read_file (file, error);
  if (bytes == NULL)
    return NULL;

  g_autoptr(GFile) gfile = g_file_new_for_path (ftl_dataset_file_get_path (file));
  g_autoptr(GError) local_error = NULL;
  if (!g_file_delete (gfile, NULL, &local_error))
    {
      set_io_error (error, local_error, _("Could not delete “%s”: %s"),
                    ftl_dataset_file_get_name (file), local_error->message);
      return NULL;
    }

  FtlDatasetRepositoryUndo *undo = g_new0 (FtlDatasetRepositoryUndo, 1);
  undo->name = g_strdup (ftl_dataset_file_get_name (file));
  undo->basename = g_path_get_basename (ftl_dataset_file_get_path (file));
  undo->bytes = g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
  undo->modified = g_date_time_ref (ftl_dataset_file_get_modified (file));

  g_list_store_remove (self->files, position);
  return undo;
}

FtlDatasetFile *
ftl_dataset_repository_undo_delete (FtlDatasetRepository      *self,
                                    FtlDatasetRepositoryUndo  *undo,
                                    GError                   **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (undo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *path = g_build_filename (self->user_dir, undo->basename, NULL);
  gsize length;
  const void *data = g_bytes_get_data (undo->bytes, &length);

  return add_user_file (self, undo->name, path, data, length, undo->modified, error);
}

const char *
ftl_dataset_repository_undo_get_name (FtlDatasetRepositoryUndo *undo)
{
  g_return_val_if_fail (undo != NULL, NULL);
  return undo->name;
}

void
ftl_dataset_repository_undo_free (FtlDatasetRepositoryUndo *undo)
{
  if (undo == NULL)
    return;

  g_free (undo->name);
  g_free (undo->basename);
  g_bytes_unref (undo->bytes);
  g_date_time_unref (undo->modified);
  g_free (undo);
}

FtlDatasetFile *
ftl_dataset_repository_import (FtlDatasetRepository  *self,
                               GFile                 *source,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (source), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *basename = g_file_get_basename (source);
  g_autofree char *display = g_filename_display_name (basename);

  g_autoptr(GByteArray) bytes = read_bounded (source, display, error);
  if (bytes == NULL)
    return NULL;

  /* "notes.txt" → "notes"; a leading dot is no extension (sanitize drops it). */
  char *dot = strrchr (display, '.');
  if (dot != NULL && dot != display)
    *dot = '\0';

  g_autofree char *base = sanitize_name (display);
  g_autofree char *path = NULL;
  g_autofree char *name = unique_name (self, base, FALSE, &path, error);
  if (name == NULL)
    return NULL;

  return add_user_file (self, name, path, bytes->data, bytes->len, NULL, error);
}

gboolean
ftl_dataset_repository_export (FtlDatasetRepository  *self,
                               FtlDatasetFile        *file,
                               GFile                 *destination,
                               GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_file (self, file, NULL, error))
    return FALSE;

  g_autoptr(GByteArray) bytes = read_file (file, error);
  if (bytes == NULL)
    return FALSE;

  g_autofree char *destination_name = g_file_get_parse_name (destination);
  return write_atomically (destination, destination_name, bytes->data, bytes->len, error);
}

gboolean
ftl_dataset_repository_save_contents (FtlDatasetRepository  *self,
                                      FtlDatasetFile        *file,
                                      const char            *text,
                                      gssize                 length,
                                      GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), FALSE);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), FALSE);
  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_user_file (self, file, NULL, error))
    return FALSE;

  gsize size = length < 0 ? strlen (text) : (gsize) length;
  if (size > FTL_DATASET_MAX_FILE_SIZE)
    {
      set_too_large_error (error, ftl_dataset_file_get_name (file), size);
      return FALSE;
    }

  g_autoptr(GFile) gfile = g_file_new_for_path (ftl_dataset_file_get_path (file));
  if (!write_atomically (gfile, ftl_dataset_file_get_name (file), text, size, error))
    return FALSE;

  g_autoptr(GDateTime) modified = query_modified (gfile);
  ftl_dataset_file_set_modified (file, modified);
  return TRUE;
}

char *
ftl_dataset_repository_load_contents (FtlDatasetRepository  *self,
                                      FtlDatasetFile        *file,
                                      GError               **error)
{
  g_return_val_if_fail (FTL_IS_DATASET_REPOSITORY (self), NULL);
  g_return_val_if_fail (FTL_IS_DATASET_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!find_file (self, file, NULL, error))
    return NULL;

  GByteArray *bytes = read_file (file, error);
  if (bytes == NULL)
    return NULL;

  g_byte_array_append (bytes, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (bytes, FALSE);
}
