/* ftl-dataset-file.h — one training file of the repository, as a list-model item. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define FTL_TYPE_DATASET_FILE (ftl_dataset_file_get_type ())
G_DECLARE_FINAL_TYPE (FtlDatasetFile, ftl_dataset_file, FTL, DATASET_FILE, GObject)

/* path is a filename in the GLib filename encoding; "name" is derived from it
 * (the display name without ".jsonl"). modified may be NULL (then: now). */
FtlDatasetFile *ftl_dataset_file_new          (const char     *path,
                                               gboolean        builtin,
                                               GDateTime      *modified);

const char     *ftl_dataset_file_get_name     (FtlDatasetFile *self);
const char     *ftl_dataset_file_get_path     (FtlDatasetFile *self);
gboolean        ftl_dataset_file_get_builtin  (FtlDatasetFile *self);
GDateTime      *ftl_dataset_file_get_modified (FtlDatasetFile *self);

/* The repository's order: built-in files first, then by name, case-insensitively
 * (a GCompareDataFunc for g_list_store_insert_sorted). */
int             ftl_dataset_file_compare      (gconstpointer   a,
                                               gconstpointer   b,
                                               gpointer        user_data);

/* For FtlDatasetRepository, which keeps the same object when a file is renamed
 * or saved, so views and the editor holding it follow along. */
void            ftl_dataset_file_set_path     (FtlDatasetFile *self,
                                               const char     *path);
void            ftl_dataset_file_set_modified (FtlDatasetFile *self,
                                               GDateTime      *modified);

G_END_DECLS
