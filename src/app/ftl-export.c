/* ftl-export.c — what the exports write (ftl_model_file_save(),
 * ftl_openai_export()) and say; ftl-file-task.c asks where and runs them. */
#include "ftl-export.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ftl-file-task.h"
#include "ftl-model-file.h"
#include "ftl-openai-export.h"

/* ---- the model ---------------------------------------------------------------------- */

static gboolean
write_model (const char    *path,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const char *model_path = data;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  gboolean ok;

  model = ftl_model_file_load (model_path, &tokenizer, &info, error);
  ok = model != NULL && ftl_model_file_save (path, model, tokenizer, &info, FTL_GGML_TYPE_F32, error);
  ftl_model_file_info_clear (&info);
  return ok;
}

static char *
model_saved (const char *name)
{
  /* Translators: %s is a file name. */
  return g_strdup_printf (_("Model saved as “%s”: llama.cpp-based tools run it"), name);
}

/* ---- for OpenAI ----------------------------------------------------------------------- */

typedef struct
{
  char           *training;
  char           *validation;  /* or NULL */
  FtlHyperparams  hp;
} OpenAIExport;

static void
openai_export_free (OpenAIExport *e)
{
  g_free (e->training);
  g_free (e->validation);
  ftl_hyperparams_clear (&e->hp);
  g_free (e);
}

static gboolean
write_openai (const char    *path,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OpenAIExport *e = data;

  return ftl_openai_export (path, e->training, e->validation, &e->hp, NULL, error);
}

static char *
openai_exported (const char *name)
{
  /* Translators: %s is the name of the folder the files went into. */
  return g_strdup_printf (_("Exported for OpenAI into “%s”: its README.txt says how to start the job"), name);
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
  FtlFileTaskText text = {
    .title = _("Export Model"),
    .suggested_name = file_name,
    .succeeded = model_saved,
    .failed_heading = _("Could Not Export the Model"),
  };

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (model_path != NULL);

  ftl_file_task_run (parent, &text, write_model, g_strdup (model_path), g_free);
}

void
ftl_export_openai (GtkWidget            *parent,
                   const char           *training_file,
                   const char           *validation_file,
                   const FtlHyperparams *hp)
{
  g_autofree char *base = NULL;
  g_autofree char *folder_name = NULL;
  OpenAIExport *e;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (training_file != NULL && hp != NULL);

  base = g_path_get_basename (training_file);
  if (g_str_has_suffix (base, ".jsonl"))
    base[strlen (base) - strlen (".jsonl")] = '\0';
  /* Translators: the folder name offered for an export for OpenAI; %s is
   * the training file's name. Keep it free of spaces: it is typed in a shell. */
  folder_name = g_strdup_printf (_("%s-for-openai"), base);

  e = g_new0 (OpenAIExport, 1);
  e->training = g_strdup (training_file);
  e->validation = g_strdup (validation_file);
  e->hp = *hp;
  e->hp.suffix = g_strdup (hp->suffix);

  FtlFileTaskText text = {
    .title = _("Export for OpenAI"),
    .suggested_name = folder_name,
    .succeeded = openai_exported,
    .failed_heading = _("Could Not Export for OpenAI"),
  };
  ftl_file_task_run (parent, &text, write_openai, e, (GDestroyNotify) openai_export_free);
}
