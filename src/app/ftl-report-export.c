/* ftl-report-export.c — what "Export Report…" writes (ftl_report_write())
 * and says; ftl-file-task.c asks where and runs it. */
#include "ftl-report-export.h"

#include <glib/gi18n.h>

#include "ftl-file-task.h"
#include "ftl-report.h"

/* The same size for every report, whatever the window's. */
#define PLOT_WIDTH  960
#define PLOT_HEIGHT 480

typedef struct
{
  char   *record_path;
  GBytes *plot_png;
  double  smoothing;
  char   *base_model;
} ReportExport;

static void
report_export_free (ReportExport *e)
{
  g_free (e->record_path);
  g_clear_pointer (&e->plot_png, g_bytes_unref);
  g_free (e->base_model);
  g_free (e);
}

static gboolean
write_report (const char    *path,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  ReportExport *e = data;

  return ftl_report_write (e->record_path, e->plot_png, e->smoothing, e->base_model, path, cancellable, error);
}

static char *
report_saved (const char *name)
{
  /* Translators: %s is a file name. */
  return g_strdup_printf (_("Report saved as “%s”"), name);
}

static char *
report_failed (const char *message)
{
  return g_strdup_printf (_("Could not export the report: %s"), message);
}

void
ftl_report_export (GtkWidget   *parent,
                   const char  *record_path,
                   const char  *name,
                   FtlLossPlot *plot,
                   const char  *base_model)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file_name = NULL;
  ReportExport *e;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (record_path != NULL && base_model != NULL);
  g_return_if_fail (FTL_IS_LOSS_PLOT (plot));

  e = g_new0 (ReportExport, 1);
  e->record_path = g_strdup (record_path);
  e->base_model = g_strdup (base_model);
  g_object_get (plot, "smoothing", &e->smoothing, NULL);
  /* A report without its picture is still a report. */
  e->plot_png = ftl_loss_plot_render_png (plot, PLOT_WIDTH, PLOT_HEIGHT, &error);
  if (e->plot_png == NULL)
    g_warning ("The loss plot could not be rendered for the report: %s", error->message);

  /* Translators: the file name offered for a run report; %s is the run's name. */
  file_name = g_strdup_printf (_("report-%s.html"), name != NULL ? name : "run");
  FtlFileTaskText text = {
    .title = _("Export Report"),
    .suggested_name = file_name,
    .started = _("Making the report: the base and the tuned model answer a few prompts first…"),
    .succeeded = report_saved,
    .failed_toast = report_failed,
  };
  ftl_file_task_run (parent, &text, write_report, e, (GDestroyNotify) report_export_free);
}
