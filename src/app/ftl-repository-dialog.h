/* ftl-repository-dialog.h — the Training Data File Repository: the list of
 * training files, where they are created, imported, duplicated, renamed,
 * exported, deleted (with undo) and applied.
 *
 * Actions: "repository.new" shows the Create New File form,
 * "repository.create" creates the file named in it (then applies it and
 * closes), "repository.import" and "repository.undo-delete". Each row has
 * "row.apply", "row.duplicate", "row.rename", "row.delete" and "row.export".
 *
 * Signal "apply" (FtlDatasetFile *file): the student picked file for
 * training. Applying from a row or creating a file also closes the window;
 * undoing the deletion of the applied file applies it again.
 */
#pragma once

#include <adwaita.h>

#include "ftl-dataset-repository.h"

G_BEGIN_DECLS

#define FTL_TYPE_REPOSITORY_DIALOG (ftl_repository_dialog_get_type ())
G_DECLARE_FINAL_TYPE (FtlRepositoryDialog, ftl_repository_dialog, FTL, REPOSITORY_DIALOG, AdwWindow)

/* applied_file (may be NULL) is marked "In use" in the list. */
FtlRepositoryDialog *ftl_repository_dialog_new (FtlDatasetRepository *repository,
                                                FtlDatasetFile       *applied_file);

FtlDatasetFile      *ftl_repository_dialog_get_applied_file (FtlRepositoryDialog *self);
void                 ftl_repository_dialog_set_applied_file (FtlRepositoryDialog *self,
                                                             FtlDatasetFile      *file);

G_END_DECLS
