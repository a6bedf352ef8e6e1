/* ftl-report-export.c — the file dialog, the worker thread and the toasts
 * around ftl_report_write(). */
#include "ftl-report-export.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ftl-report.h"

/* The same size for every report, whatever the window's. */
#define PLOT_WIDTH  960
#define PLOT_HEIGHT 480

typedef struct
{
  GtkWidget *parent;
  char      *record_path;
  GBytes    *plot_png;
  double     smoothing;
  char      *base_model;
  char      *output_path;
} Export;

static void
export_free (Export *e)
{
  g_clear_object (&e->parent);
  g_free (e->record_path);
  g_clear_pointer (&e->plot_png, g_bytes_unref);
  g_free (e->base_model);
  g_free (e->output_path);
  g_free (e);
}

static void
show_toast (GtkWidget  *parent,
            const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  /* A window closed meanwhile has nowhere to say it. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Export *e = task_data;
  GError *error = NULL;

  if (ftl_report_write (e->record_path, e->plot_png, e->smoothing, e->base_model,
                        e->output_path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Export *e = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_basename (e->output_path);

      /* Translators: %s is a file name. */
      text = g_strdup_printf (_("Report saved as “%s”"), name);
    }
  else
    text = g_strdup_printf (_("Could not export the report: %s"), error->message);
  show_toast (e->parent, text);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  Export *e = user_data;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      e->output_path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (e->output_path == NULL)
    {
      export_free (e);
      return;
    }

  show_toast (e->parent, _("Making the report: the base and the tuned model answer a few prompts first…"));
  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_task_data (task, e, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, write_thread);
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
  GtkFileChooserNative *chooser;
  GtkRoot *root;
  Export *e;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (record_path != NULL && base_model != NULL);
  g_return_if_fail (FTL_IS_LOSS_PLOT (plot));

  e = g_new0 (Export, 1);
  e->parent = g_object_ref (parent);
  e->record_path = g_strdup (record_path);
  e->base_model = g_strdup (base_model);
  g_object_get (plot, "smoothing", &e->smoothing, NULL);
  /* A report without its picture is still a report. */
  e->plot_png = ftl_loss_plot_render_png (plot, PLOT_WIDTH, PLOT_HEIGHT, &error);
  if (e->plot_png == NULL)
    g_warning ("The loss plot could not be rendered for the report: %s", error->message);

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (_("Export Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered for a run report; %s is the run's name. */
  file_name = g_strdup_printf (_("report-%s.html"), name != NULL ? name : "run");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
