/* ftl-window.h — the lesson window: data │ hyperparameters + training │ chat. */
#pragma once

#include <adwaita.h>

#include "ftl-application.h"
#include "ftl-job.h"

G_BEGIN_DECLS

#define FTL_TYPE_WINDOW (ftl_window_get_type ())
G_DECLARE_FINAL_TYPE (FtlWindow, ftl_window, FTL, WINDOW, AdwApplicationWindow)

/* How long a job must have run (seconds) for its end to be worth a desktop
 * notification. */
#define FTL_WINDOW_NOTIFY_AFTER_SECONDS 10

FtlWindow *ftl_window_new                    (FtlApplication *application);

/* Imports files (as dropped on the window) into the training data repository
 * under new names where theirs are taken; only *.jsonl files are taken, and
 * each file refused gets a toast saying why. A single imported file is
 * applied. Returns how many were imported. */
guint      ftl_window_import_files           (FtlWindow      *self,
                                              GFile *const   *files,
                                              guint           n_files);

/* Whether the end of the job record describes gets a desktop notification:
 * it ran at least FTL_WINDOW_NOTIFY_AFTER_SECONDS and the window is not the
 * active one (there, a toast says it). */
gboolean   ftl_window_job_needs_notification (const FtlJob   *record,
                                              gboolean        window_active);

G_END_DECLS
