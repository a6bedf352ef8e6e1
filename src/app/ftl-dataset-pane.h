/* ftl-dataset-pane.h — step 1 of the lesson: pick the training file
 * ("Select Data" → the Training Data File Repository → Apply), look at it as
 * conversations or edit its JSONL, and see whether it can be trained on.
 *
 * Actions (for buttons and the window's shortcuts): "dataset.select" opens
 * the repository, "dataset.new-file" opens it at its Create New File form,
 * "dataset.duplicate" copies the applied sample into an
 * editable file and applies the copy, "dataset.go-to-line" (int32) shows a
 * line in the JSONL editor.
 *
 * Properties: "applied-file" (FtlDatasetFile or NULL), "valid", "n-examples",
 * "total-tokens" (Σ min(tokens, context) over the valid examples, 0 until a
 * tokenizer is set), "problem" (one sentence why the file can't be trained
 * on, or NULL) — all read-only and notifying — and "n-epochs" (0 = auto),
 * which only changes the billed tokens shown.
 *
 * Edits are saved atomically 300 ms after the last keystroke, when the
 * editor loses the focus, before another file is applied and on dispose.
 */
#pragma once

#include <gtk/gtk.h>

#include "ftl-dataset-file.h"
#include "ftl-dataset-repository.h"
#include "ftl-tokenizer.h"

G_BEGIN_DECLS

#define FTL_TYPE_DATASET_PANE (ftl_dataset_pane_get_type ())
G_DECLARE_FINAL_TYPE (FtlDatasetPane, ftl_dataset_pane, FTL, DATASET_PANE, GtkWidget)

GtkWidget      *ftl_dataset_pane_new               (void);

/* Unapplies the current file (saving it first). */
void            ftl_dataset_pane_set_repository    (FtlDatasetPane       *self,
                                                    FtlDatasetRepository *repository);
FtlDatasetRepository *
                ftl_dataset_pane_get_repository    (FtlDatasetPane       *self);

/* The base model's tokenizer, for the token statistics; NULL for none. The
 * pane borrows it: set NULL (or another) before freeing it. */
void            ftl_dataset_pane_set_tokenizer     (FtlDatasetPane       *self,
                                                    const FtlTokenizer   *tokenizer,
                                                    int                   context_length);

/* Applies the repository's file at path (e.g. the one remembered in
 * GSettings). FALSE, changing nothing, when the repository has no such file. */
gboolean        ftl_dataset_pane_apply_path        (FtlDatasetPane       *self,
                                                    const char           *path);

/* Applies file (one of the repository's), or none with NULL. */
void            ftl_dataset_pane_apply_file        (FtlDatasetPane       *self,
                                                    FtlDatasetFile       *file);

/* Saves pending edits now, e.g. before training reads the file; FALSE when
 * the save failed (the pane shows why). */
gboolean        ftl_dataset_pane_flush             (FtlDatasetPane       *self);

FtlDatasetFile *ftl_dataset_pane_get_applied_file  (FtlDatasetPane       *self);
gboolean        ftl_dataset_pane_get_valid         (FtlDatasetPane       *self);
guint           ftl_dataset_pane_get_n_examples    (FtlDatasetPane       *self);
guint64         ftl_dataset_pane_get_total_tokens  (FtlDatasetPane       *self);
const char     *ftl_dataset_pane_get_problem       (FtlDatasetPane       *self);

int             ftl_dataset_pane_get_n_epochs      (FtlDatasetPane       *self);
void            ftl_dataset_pane_set_n_epochs      (FtlDatasetPane       *self,
                                                    int                   n_epochs);

G_END_DECLS
