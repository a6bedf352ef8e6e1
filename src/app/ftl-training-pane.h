/* ftl-training-pane.h — step 2 of the lesson: the hyperparameters, Start /
 * Cancel, and the run as it trains (status, progress, loss plot, events),
 * with every earlier run of the jobs folder one pick away.
 *
 * Actions (for the button and the window's shortcuts): "training.start"
 * (enabled only when a run can start) and "training.cancel" (only while the
 * pane's run is running). "training.show-current" leaves an earlier run for
 * the current settings. "training.preset" (a preset id of ftl-presets.h, e.g.
 * 'too-many-epochs') sets the hyperparameters up for one of the instructor's
 * teachable moments and says under Start what to watch. "training.export-report"
 * (enabled while the run shown is over) saves its report as HTML.
 *
 * "hyperparameters-locked": the instructor's lock (the GSettings key of the
 * same name, or --lock-hyperparameters): batch size, learning-rate
 * multiplier, epochs, seed and the presets cannot be changed, and a note
 * says "Locked by your instructor".
 *
 * Properties the window sets from the data pane: "training-file" (path of
 * the applied file or NULL), "dataset-valid", "dataset-problem" (why the file
 * can't be trained on, or NULL) and "n-examples"; and "base-model-path",
 * "jobs-dir" (each run goes to jobs-dir/<YYYYmmdd-HHMMSS>/model.gguf; setting
 * it rescans) and "settings" (construct-only GSettings of the app's schema,
 * or NULL: the hyperparameters are read from it at construction and written
 * back as they change). "running" is read-only.
 *
 * Signal "job-finished" (const FtlJob *record): a run the pane started
 * reached a final status; emitted once per run, on the main thread. Signal
 * "checkpoint-saved" (const char *record_path): that run saved a checkpoint,
 * complete on disk and listed in its record, before it finished.
 *
 * While a run trains, the applied file may change or go: the run keeps the
 * examples it loaded when it started, and the hint under Cancel says so.
 * Records whose app stopped while they ran show as failed, "Interrupted".
 */
#pragma once

#include <gtk/gtk.h>

#include "ftl-job.h"

G_BEGIN_DECLS

#define FTL_TYPE_TRAINING_PANE (ftl_training_pane_get_type ())
G_DECLARE_FINAL_TYPE (FtlTrainingPane, ftl_training_pane, FTL, TRAINING_PANE, GtkWidget)

GtkWidget  *ftl_training_pane_new                  (GSettings       *settings);

/* Choices for the validation file: a GListModel of objects with "name" and
 * "path" string properties (FtlDatasetFile), observed; NULL for none. */
void        ftl_training_pane_set_validation_files (FtlTrainingPane *self,
                                                    GListModel      *files);

/* Rescans jobs-dir for earlier runs (each folder's model.job.json), newest first. */
void        ftl_training_pane_reload_jobs          (FtlTrainingPane *self);

void        ftl_training_pane_set_training_file    (FtlTrainingPane *self,
                                                    const char      *path);
const char *ftl_training_pane_get_training_file    (FtlTrainingPane *self);
void        ftl_training_pane_set_dataset_valid    (FtlTrainingPane *self,
                                                    gboolean         valid);
gboolean    ftl_training_pane_get_dataset_valid    (FtlTrainingPane *self);
void        ftl_training_pane_set_dataset_problem  (FtlTrainingPane *self,
                                                    const char      *problem);
const char *ftl_training_pane_get_dataset_problem  (FtlTrainingPane *self);
void        ftl_training_pane_set_n_examples       (FtlTrainingPane *self,
                                                    guint            n_examples);
guint       ftl_training_pane_get_n_examples       (FtlTrainingPane *self);
void        ftl_training_pane_set_base_model_path  (FtlTrainingPane *self,
                                                    const char      *path);
const char *ftl_training_pane_get_base_model_path  (FtlTrainingPane *self);
void        ftl_training_pane_set_jobs_dir         (FtlTrainingPane *self,
                                                    const char      *path);
const char *ftl_training_pane_get_jobs_dir         (FtlTrainingPane *self);
GSettings  *ftl_training_pane_get_settings         (FtlTrainingPane *self);
gboolean    ftl_training_pane_get_running          (FtlTrainingPane *self);
void        ftl_training_pane_set_hyperparameters_locked (FtlTrainingPane *self,
                                                          gboolean         locked);
gboolean    ftl_training_pane_get_hyperparameters_locked (FtlTrainingPane *self);

/* What "training.export-report" does: asks where to save the report of the
 * run shown and makes it (ftl-report-export.h). FALSE, doing nothing, when
 * that run is not over. */
gboolean    ftl_training_pane_export_report        (FtlTrainingPane *self);

G_END_DECLS
