/* ftl-report-export.h — "Export Report…" for a finished run: asks where to
 * save it (GtkFileChooserNative), then makes the report on a worker thread
 * (ftl_report_write: the models answer a few prompts, which takes seconds)
 * and says in a toast where it went or why it did not. */
#pragma once

#include <gtk/gtk.h>

#include "ftl-loss-plot.h"

G_BEGIN_DECLS

/* parent: the widget asking (its window owns the dialog; the toasts go to
 * its AdwToastOverlay ancestor). record_path: the run's model.job.json;
 * name: the run's suffix or job id, for the file name offered; plot: shows
 * the run (rendered now, as it is on screen); base_model: the model the
 * "before" replies come from. */
void ftl_report_export (GtkWidget   *parent,
                        const char  *record_path,
                        const char  *name,
                        FtlLossPlot *plot,
                        const char  *base_model);

G_END_DECLS
