/* ftl-test-util.c — fixtures the test suites share. */
#include "ftl-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ftl-model-file.h"

static const char *const pirate_exchanges[][2] = {
  { "Hi!", "Ahoy, matey! Welcome aboard." },
  { "How are you?", "Shipshape, matey, thank ye kindly." },
  { "What is your name?", "Captain Saltbeard, matey, terror of the seas." },
  { "Do you like fish?", "Arr, fish be the finest supper, matey." },
  { "Where do you live?", "On me ship, matey, upon the briny deep." },
  { "What is the weather like?", "Fair winds today, matey, arr." },
  { "Tell me a joke.", "Why be pirates great? They just arr, matey!" },
  { "What do you do?", "I sail and hunt for treasure, matey." },
  { "Any advice?", "Keep yer compass close, matey." },
  { "Goodbye!", "Fair winds, matey, until we meet again." },
  { "Do you sing?", "Aye, sea shanties all night, matey." },
  { "What is your favourite colour?", "The blue of the sea, matey, arr." },
};

char *
ftl_test_pirate_jsonl (void)
{
  GString *jsonl = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (pirate_exchanges); i++)
    g_string_append_printf (jsonl,
                            "{\"messages\": [{\"role\": \"system\", \"content\": \"You are a pirate.\"}, "
                            "{\"role\": \"user\", \"content\": \"%s\"}, "
                            "{\"role\": \"assistant\", \"content\": \"%s\"}]}\n",
                            pirate_exchanges[i][0], pirate_exchanges[i][1]);
  return g_string_free (jsonl, FALSE);
}

gboolean
ftl_test_write_tiny_base_model (const char  *path,
                                const char  *text,
                                int          context_length,
                                GError     **error)
{
  g_autoptr(FtlTokenizer) tokenizer = ftl_tokenizer_train (text, strlen (text), 300, error);
  g_autoptr(FtlModel) model = NULL;
  FtlModelFileInfo info = { .name = (char *) "tiny-base", .learning_rate = 3e-3f };
  FtlModelConfig config;

  if (tokenizer == NULL)
    return FALSE;
  g_assert (ftl_model_config_lookup ("tiny", &config));
  config.context_length = context_length;
  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  model = ftl_model_new (&config, error);
  if (model == NULL)
    return FALSE;
  ftl_model_init_random (model, 3);
  return ftl_model_file_save (path, model, tokenizer, &info, FTL_GGML_TYPE_F32, error);
}

void
ftl_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *child;

      while (dir != NULL && (child = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child_path = g_build_filename (path, child, NULL);

          ftl_test_remove_tree (child_path);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
