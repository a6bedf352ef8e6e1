/* ftl-export.c — the file dialogs, the worker thread and the messages
 * around ftl_model_file_save() and ftl_openai_export(). */
#include "ftl-export.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ftl-model-file.h"
#include "ftl-openai-export.h"

typedef struct
{
  GtkWidget      *parent;
  gboolean        openai;
  char           *source;      /* the model, or the training file */
  char           *validation;  /* openai: the validation file, or NULL */
  FtlHyperparams  hp;          /* openai */
  char           *output;      /* the file, or the folder */
} Export;

static void
export_free (Export *e)
{
  g_clear_object (&e->parent);
  g_free (e->source);
  g_free (e->validation);
  ftl_hyperparams_clear (&e->hp);
  g_free (e->output);
  g_free (e);
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

/* Errors may list a file's problems line by line: more than a toast holds. */
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
  Export *e = task_data;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  GError *error = NULL;
  gboolean ok;

  if (e->openai)
    ok = ftl_openai_export (e->output, e->source, e->validation, &e->hp, NULL, &error);
  else
    {
      model = ftl_model_file_load (e->source, &tokenizer, &info, &error);
      ok = model != NULL && ftl_model_file_save (e->output, model, tokenizer, &info, FTL_GGML_TYPE_F32, &error);
      ftl_model_file_info_clear (&info);
    }
  if (ok)
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
  g_autofree char *name = g_filename_display_basename (e->output);
  g_autofree char *text = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_error (e->parent, e->openai ? _("Could Not Export for OpenAI") : _("Could Not Export the Model"),
                error->message);
  else
    {
      if (e->openai)
        /* Translators: %s is the name of the folder the files went into. */
        text = g_strdup_printf (_("Exported for OpenAI into “%s”: its README.txt says how to start the job"),
                                name);
      else
        /* Translators: %s is a file name. */
        text = g_strdup_printf (_("Model saved as “%s”: llama.cpp-based tools run it"), name);
      show_toast (e->parent, text);
    }
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

      e->output = file != NULL ? g_file_get_path (file) : NULL;
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (e->output == NULL)
    {
      export_free (e);
      return;
    }

  task = g_task_new (NULL, NULL, written_cb, NULL);
  g_task_set_task_data (task, e, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, write_thread);
}

static void
ask_where (Export     *e,
           const char *title,
           const char *suggested_name)
{
  GtkRoot *root = gtk_widget_get_root (e->parent);
  GtkFileChooserNative *chooser;

  /* Save, even for the folder: the student names a new one, so the export
   * never mixes with files already there. */
  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* name, made safe as part of a file name. */
static char *
file_name_part (const char *name)
{
  char *part = g_strdup (name != NULL && name[0] != '\0' ? name : "model");

  g_strdelimit (part, "/\\:*?\"<>|", '-');
  return part;
}

void
ftl_export_model (GtkWidget  *parent,
                  const char *model_path,
                  const char *name)
{
  g_autofree char *part = file_name_part (name);
  g_autofree char *file_name = g_str_has_suffix (part, ".gguf") ? g_strdup (part)
                                                                 : g_strdup_printf ("%s.gguf", part);
  Export *e;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (model_path != NULL);

  e = g_new0 (Export, 1);
  e->parent = g_object_ref (parent);
  e->source = g_strdup (model_path);
  ftl_hyperparams_init (&e->hp);
  ask_where (e, _("Export Model"), file_name);
}

void
ftl_export_openai (GtkWidget            *parent,
                   const char           *training_file,
                   const char           *validation_file,
                   const FtlHyperparams *hp)
{
  g_autofree char *base = NULL;
  g_autofree char *folder_name = NULL;
  Export *e;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (training_file != NULL && hp != NULL);

  base = g_path_get_basename (training_file);
  if (g_str_has_suffix (base, ".jsonl"))
    base[strlen (base) - strlen (".jsonl")] = '\0';
  /* Translators: the folder name offered for an export for OpenAI; %s is
   * the training file's name. Keep it free of spaces: it is typed in a shell. */
  folder_name = g_strdup_printf (_("%s-for-openai"), base);

  e = g_new0 (Export, 1);
  e->parent = g_object_ref (parent);
  e->openai = TRUE;
  e->source = g_strdup (training_file);
  e->validation = g_strdup (validation_file);
  e->hp = *hp;
  e->hp.suffix = g_strdup (hp->suffix);
  ask_where (e, _("Export for OpenAI"), folder_name);
}
