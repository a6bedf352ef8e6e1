/* ftl-dataset-repository.h — the training files the app offers: read-only
 * samples shipped with it, then the user's own files, kept in one directory.
 *
 * Every operation is synchronous (files are at most FTL_DATASET_MAX_FILE_SIZE
 * and local), every write is atomic (a temporary file renamed over the old
 * one: the old or the new version, never a mix, also when the disk is full),
 * and no operation overwrites a file in the repository by accident. The
 * list model follows each change with items-changed; a file keeps its
 * FtlDatasetFile object when it is renamed or saved (its "name", "path" and
 * "modified" notify instead).
 */
#pragma once

#include <gio/gio.h>

#include "ftl-dataset-file.h"

G_BEGIN_DECLS

#define FTL_DATASET_REPOSITORY_ERROR (ftl_dataset_repository_error_quark ())

typedef enum
{
  FTL_DATASET_REPOSITORY_ERROR_EMPTY_NAME,
  FTL_DATASET_REPOSITORY_ERROR_BAD_NAME,
  FTL_DATASET_REPOSITORY_ERROR_EXISTS,
  FTL_DATASET_REPOSITORY_ERROR_BUILTIN,
  FTL_DATASET_REPOSITORY_ERROR_NOT_FOUND,
  FTL_DATASET_REPOSITORY_ERROR_TOO_LARGE,  /* over FTL_DATASET_MAX_FILE_SIZE */
  FTL_DATASET_REPOSITORY_ERROR_IO,
} FtlDatasetRepositoryError;

/* The longest name accepted, in characters (without ".jsonl"). */
#define FTL_DATASET_REPOSITORY_MAX_NAME 100

GQuark ftl_dataset_repository_error_quark (void);

#define FTL_TYPE_DATASET_REPOSITORY (ftl_dataset_repository_get_type ())
G_DECLARE_FINAL_TYPE (FtlDatasetRepository, ftl_dataset_repository, FTL, DATASET_REPOSITORY, GObject)

/* What a delete keeps so that it can be undone: the name and the bytes. */
typedef struct _FtlDatasetRepositoryUndo FtlDatasetRepositoryUndo;

/* user_dir: the user's files, created (0700) when the first file is written;
 * builtin_dir: the samples (only *.jsonl are listed), or NULL for none.
 * Scans both; a directory that can't be read is reported with g_warning. */
FtlDatasetRepository *ftl_dataset_repository_new        (const char            *user_dir,
                                                         const char            *builtin_dir);

/* A GListModel of FtlDatasetFile: built-in files first, then the user's files,
 * each group by name, case-insensitively. Owned by the repository. */
GListModel           *ftl_dataset_repository_get_files  (FtlDatasetRepository  *self);

/* Rescans both directories (files changed behind the repository's back).
 * Objects of files still there are kept. A missing user_dir is not an error. */
gboolean              ftl_dataset_repository_reload     (FtlDatasetRepository  *self,
                                                         GError               **error);

/* Name rules for create and rename: the name may end in ".jsonl"; surrounding
 * white space is dropped; not empty, no '/', '\\' or control characters, no
 * leading '.', at most FTL_DATASET_REPOSITORY_MAX_NAME characters, and not the
 * name of another file, built-ins included, ignoring case. */

/* A new user file holding one example that shows the format. (transfer full) */
FtlDatasetFile       *ftl_dataset_repository_create     (FtlDatasetRepository  *self,
                                                         const char            *name,
                                                         GError               **error);

/* A copy of any file as a user file "NAME copy", "NAME copy 2", … (transfer full) */
FtlDatasetFile       *ftl_dataset_repository_duplicate  (FtlDatasetRepository  *self,
                                                         FtlDatasetFile        *file,
                                                         GError               **error);

/* User files only. Renaming to the same name, or changing only its case, works. */
gboolean              ftl_dataset_repository_rename     (FtlDatasetRepository  *self,
                                                         FtlDatasetFile        *file,
                                                         const char            *new_name,
                                                         GError               **error);

/* Deletes a user file and returns what undo_delete needs (free it with
 * ftl_dataset_repository_undo_free), or NULL with error. */
FtlDatasetRepositoryUndo *
                      ftl_dataset_repository_delete     (FtlDatasetRepository  *self,
                                                         FtlDatasetFile        *file,
                                                         GError               **error);

/* Restores the deleted file with its name and bytes, unless that name was
 * taken meanwhile (EXISTS). (transfer full) */
FtlDatasetFile       *ftl_dataset_repository_undo_delete (FtlDatasetRepository     *self,
                                                          FtlDatasetRepositoryUndo *undo,
                                                          GError                  **error);

const char           *ftl_dataset_repository_undo_get_name (FtlDatasetRepositoryUndo *undo);
void                  ftl_dataset_repository_undo_free     (FtlDatasetRepositoryUndo *undo);

/* Copies source in as a user file named after it ("data.txt" → "data", then
 * "data 2", …). The contents are not validated; files over
 * FTL_DATASET_MAX_FILE_SIZE are refused (TOO_LARGE). (transfer full) */
FtlDatasetFile       *ftl_dataset_repository_import     (FtlDatasetRepository  *self,
                                                         GFile                 *source,
                                                         GError               **error);

/* Writes the file's bytes to destination, replacing it atomically. */
gboolean              ftl_dataset_repository_export     (FtlDatasetRepository  *self,
                                                         FtlDatasetFile        *file,
                                                         GFile                 *destination,
                                                         GError               **error);

/* The editor's save: replaces a user file's contents atomically (length -1:
 * NUL-terminated). Emits no items-changed; the file's "modified" notifies. */
gboolean              ftl_dataset_repository_save_contents (FtlDatasetRepository  *self,
                                                            FtlDatasetFile        *file,
                                                            const char            *text,
                                                            gssize                 length,
                                                            GError               **error);

/* The file's contents, NUL-terminated (the bytes as they are: the editor
 * checks them). Files over FTL_DATASET_MAX_FILE_SIZE are refused (TOO_LARGE). */
char                 *ftl_dataset_repository_load_contents (FtlDatasetRepository  *self,
                                                            FtlDatasetFile        *file,
                                                            GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FtlDatasetRepositoryUndo, ftl_dataset_repository_undo_free)

G_END_DECLS
