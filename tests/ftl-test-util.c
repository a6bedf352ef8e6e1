/* ftl-test-util.c — fixtures the test suites share. */
#include "ftl-test-util.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ftl-model-file.h"

int
ftl_test_run_suite (Suite            *suite,
                    enum fork_status  fork_status)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  srunner_set_fork_status (runner, fork_status);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}

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

static const char *const lesson_exchanges[][2] = {
  { "Hi!", "Ahoy, matey!" },
  { "How are you?", "Shipshape, matey." },
  { "What is your name?", "Captain Saltbeard, matey." },
  { "Do you like fish?", "Arr, fish be fine, matey." },
  { "Where do you live?", "On me ship, matey." },
  { "How is the weather?", "Fair winds, matey." },
  { "Tell me a joke.", "Pirates just arr, matey!" },
  { "What do you do?", "I hunt treasure, matey." },
  { "Any advice?", "Keep yer compass close." },
  { "Goodbye!", "Fair winds, matey." },
  { "Do you sing?", "Sea shanties, matey." },
  { "Favourite colour?", "Sea blue, matey, arr." },
};

char *
ftl_test_lesson_jsonl (guint n)
{
  GString *jsonl = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (jsonl,
                            "{\"messages\": [{\"role\": \"user\", \"content\": \"%s\"}, "
                            "{\"role\": \"assistant\", \"content\": \"%s\"}]}\n",
                            lesson_exchanges[i % G_N_ELEMENTS (lesson_exchanges)][0],
                            lesson_exchanges[i % G_N_ELEMENTS (lesson_exchanges)][1]);
  return g_string_free (jsonl, FALSE);
}

/* Asserted with GLib rather than Check: the fixtures are also built
 * outside tests (before them, or in the processes a suite starts). */
FtlTokenizer *
ftl_test_tokenizer (const char *text)
{
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tokenizer = ftl_tokenizer_train (text, strlen (text), 300, &error);

  g_assert_no_error (error);
  return tokenizer;
}

FtlModel *
ftl_test_tiny_model (const FtlTokenizer *tokenizer,
                     int                 context_length,
                     guint64             seed)
{
  g_autoptr(GError) error = NULL;
  FtlModelConfig config;
  FtlModel *model;

  g_assert (ftl_model_config_lookup ("tiny", &config));
  if (context_length > 0)
    config.context_length = context_length;
  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  model = ftl_model_new (&config, &error);
  g_assert_no_error (error);
  ftl_model_init_random (model, seed);
  return model;
}

gboolean
ftl_test_write_tiny_base_model (const char  *path,
                                const char  *text,
                                int          context_length,
                                GError     **error)
{
  g_autoptr(FtlTokenizer) tokenizer = ftl_test_tokenizer (text);
  g_autoptr(FtlModel) model = ftl_test_tiny_model (tokenizer, context_length, 3);
  FtlModelFileInfo info = { .name = (char *) "tiny-base", .learning_rate = 3e-3f };

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

guint
ftl_test_count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* ---- a fine-tune, as the engine's suites run one ---------------------------------------- */

void
ftl_test_fine_tune_init (FtlTestFineTune *f,
                         const char      *jsonl,
                         const char      *training_file,
                         const char      *dir,
                         const char      *name)
{
  g_autofree char *pirates = ftl_test_pirate_jsonl ();
  g_autofree char *file = g_strconcat (name, ".gguf", NULL);

  if (jsonl == NULL)
    jsonl = pirates;
  f->tokenizer = ftl_test_tokenizer (pirates);
  f->model = ftl_test_tiny_model (f->tokenizer, 96, 3);
  f->dataset = ftl_dataset_parse (jsonl, strlen (jsonl), training_file);
  g_assert (jsonl != pirates || ftl_dataset_is_valid (f->dataset));
  f->training_file = g_strdup (training_file);
  f->output = g_build_filename (dir, file, NULL);
}

void
ftl_test_fine_tune_clear (FtlTestFineTune *f)
{
  g_clear_pointer (&f->model, ftl_model_free);
  g_clear_pointer (&f->tokenizer, ftl_tokenizer_free);
  g_clear_pointer (&f->dataset, ftl_dataset_free);
  g_clear_pointer (&f->training_file, g_free);
  g_clear_pointer (&f->output, g_free);
}

FtlFineTuneSetup
ftl_test_fine_tune_setup (const FtlTestFineTune *f,
                          float                  base_learning_rate)
{
  return (FtlFineTuneSetup) {
    .model = f->model,
    .tokenizer = f->tokenizer,
    .base_model_name = "tiny-base",
    .base_learning_rate = base_learning_rate,
    .training = f->dataset,
    .training_file = f->training_file,
    .output_path = f->output,
  };
}

FtlJob *
ftl_test_fine_tune_file (const char           *base_model,
                         const char           *training_file,
                         const char           *output,
                         const FtlHyperparams *hp)
{
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlDataset) training = ftl_dataset_load_file (training_file, NULL);
  g_autoptr(GError) error = NULL;
  FtlModelFileInfo info = { 0 };
  g_autoptr(FtlModel) model = ftl_model_file_load (base_model, &tokenizer, &info, &error);
  FtlJob *job;

  g_assert_no_error (error);
  g_assert_nonnull (training);
  FtlFineTuneSetup setup = {
    .model = model,
    .tokenizer = tokenizer,
    .base_model_name = info.name,
    .base_learning_rate = info.learning_rate,
    .training = training,
    .training_file = training_file,
    .output_path = output,
  };
  job = ftl_fine_tune_run (&setup, hp, NULL, NULL, NULL);
  ftl_model_file_info_clear (&info);
  return job;
}

/* ---- running programs -------------------------------------------------------------------- */

void
ftl_test_result_clear (FtlTestResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

FtlTestResult
ftl_test_run (const char * const *argv,
              const char * const *envp,
              const char         *input)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = NULL, out = NULL, err = NULL;
  g_autoptr(GError) error = NULL;
  FtlTestResult r = { 0 };

  /* An empty stdin rather than the test's: a command that reads it ends. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("%s: %s", argv[0], error->message);
  in = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  if (!g_subprocess_communicate (process, in, NULL, &out, &err, &error))
    g_error ("%s: %s", argv[0], error->message);
  r.out = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  r.err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  r.status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return r;
}

FtlTestResult
ftl_test_run_cli (const char         *cli,
                  const char * const *args,
                  const char * const *envp,
                  const char         *input)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) cli);
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  return ftl_test_run ((const char * const *) argv->pdata, envp, input);
}
