/* ftl-cli-export.c — `export`: rewrite a model file, e.g. as F16 for
 * llama.cpp, renamed, or with another base learning rate. */
#include <stdio.h>

#include "ftl-cli.h"

int
ftl_cli_export (int    argc,
                char **argv)
{
  g_autofree char *model_path = NULL, *output = NULL, *name = NULL;
  double learning_rate = 0.0;
  gboolean f16 = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  FtlModelFileInfo info = { 0 };
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, "The model to export (GGUF)", "FILE" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write it (GGUF)", "FILE" },
    { "f16", 0, 0, G_OPTION_ARG_NONE, &f16, "Store matrices as 16-bit floats (half the size)", NULL },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, "Set the model's name", "NAME" },
    { "learning-rate", 0, 0, G_OPTION_ARG_DOUBLE, &learning_rate,
      "Set the base learning rate that fine-tuning multiplies", "LR" },
    { NULL }
  };
  int status = 0;

  g_option_context_set_summary (context,
                                "Writes a model file again, laid out as llama.cpp's qwen2 models so "
                                "llama.cpp-based tools run it, optionally as F16, renamed, or with "
                                "another base learning rate.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (model_path == NULL || output == NULL)
    {
      fprintf (stderr, "%s: --model and --output are required\n", argv[0]);
      return 2;
    }
  if (learning_rate < 0 || learning_rate >= 1)
    {
      fprintf (stderr, "%s: --learning-rate must be above 0 and below 1\n", argv[0]);
      return 2;
    }

  model = ftl_model_file_load (model_path, &tokenizer, &info, &error);
  if (model == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  if (name != NULL)
    {
      g_free (info.name);
      info.name = g_strdup (name);
    }
  if (learning_rate > 0)
    info.learning_rate = (float) learning_rate;
  if (!ftl_model_file_save (output, model, tokenizer, &info, f16 ? FTL_GGML_TYPE_F16 : FTL_GGML_TYPE_F32,
                            &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      status = 1;
    }
  else
    printf ("Saved %s (%s, base learning rate %g)\n", output, info.name, info.learning_rate);
  ftl_model_file_info_clear (&info);
  return status;
}
