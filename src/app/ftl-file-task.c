/* ftl-file-task.c — the file dialog, the worker thread and the messages. */
#include "ftl-file-task.h"

#include <adwaita.h>
#include <glib/gi18n.h>

typedef struct
{
  GtkWidget             *parent;
  char                  *started;
  char                *(*succeeded)    (const char *name);
  char                  *failed_heading;
  char                *(*failed_toast) (const char *message);
  FtlFileTaskWriteFunc   write;
  gpointer               data;
  GDestroyNotify         data_free;
  char                  *path;
} FileTask;

static void
file_task_free (FileTask *t)
{
  g_clear_object (&t->parent);
  g_free (t->started);
  g_free (t->failed_heading);
  if (t->data_free != NULL)
    t->data_free (t->data);
  g_free (t->path);
  g_free (t);
}

static void
show_toast (GtkWidget  *parent,
            const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);
  /* Toast titles are Pango markup; file names may hold '&' or '<'. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  /* A window closed meanwhile has nowhere to say it. */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

static void
show_error (GtkWidget  *parent,
            const char *heading,
            const char *body)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  AdwMessageDialog *dialog;

  if (!GTK_IS_WINDOW (root))
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FileTask *t = task_data;
  GError *error = NULL;

  if (t->write (t->path, t->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
written_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FileTask *t = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_filename_display_basename (t->path);

      text = t->succeeded (name);
    }
  else if (t->failed_heading != NULL)
    {
      show_error (t->parent, t->failed_heading, error->message);
      return;
    }
  else
    text = t->failed_toast (error->message);
  show_toast (t->parent, text);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             gpointer         user_data)
{
  FileTask *t = user_data;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      t->path = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (t->path == NULL)
    {
      file_task_free (t);
      return;
    }

  if (t->started != NULL)
    show_toast (t->parent, t->started);
  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_task_data (task, t, (GDestroyNotify) file_task_free);
  g_task_run_in_thread (task, write_thread);
}

void
ftl_file_task_run (GtkWidget             *parent,
                   const FtlFileTaskText *text,
                   FtlFileTaskWriteFunc   write,
                   gpointer               data,
                   GDestroyNotify         data_free)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  FileTask *t;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (text != NULL && write != NULL);
  g_return_if_fail (text->succeeded != NULL);
  g_return_if_fail (text->failed_heading != NULL || text->failed_toast != NULL);

  t = g_new0 (FileTask, 1);
  t->parent = g_object_ref (parent);
  t->started = g_strdup (text->started);
  t->succeeded = text->succeeded;
  t->failed_heading = g_strdup (text->failed_heading);
  t->failed_toast = text->failed_toast;
  t->write = write;
  t->data = data;
  t->data_free = data_free;

  root = gtk_widget_get_root (parent);
  chooser = gtk_file_chooser_native_new (text->title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), text->suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), t);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
