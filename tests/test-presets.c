/* test-presets.c — the instructor's presets: what each resolves to for the
 * lesson's file, that they leave the student's seed and suffix alone, the
 * sample's validation split, and that "Learning rate too high" really makes
 * the built-in base model diverge on the lesson's data. */
#include <check.h>
#include <string.h>

#include "ftl-data.h"
#include "ftl-dataset.h"
#include "ftl-model-file.h"
#include "ftl-presets.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

static char *
sample_path (const char *file)
{
  const char *dir = g_getenv ("FTL_TEST_DATA_DIR");

  return g_build_filename (dir != NULL ? dir : "tests", "..", "data", "datasets", file, NULL);
}

START_TEST (test_ids)
{
  for (int i = 0; i < FTL_N_PRESETS; i++)
    {
      FtlPreset preset;

      ck_assert (ftl_preset_from_id (ftl_preset_to_id (i), &preset));
      ck_assert_int_eq (preset, i);
    }
  FtlPreset preset = FTL_PRESET_TOO_FEW_EPOCHS;
  ck_assert (!ftl_preset_from_id ("too-much-fun", &preset));
  ck_assert (!ftl_preset_from_id (NULL, &preset));
  ck_assert_int_eq (preset, FTL_PRESET_TOO_FEW_EPOCHS);
  ck_assert_str_eq (ftl_preset_to_id (FTL_PRESET_LEARNING_RATE_TOO_HIGH), "learning-rate-too-high");
}
END_TEST

/* For the lesson's 71 examples: auto gives 3 epochs, batch size 1 and a
 * multiplier of 0.05; each preset changes what its lesson is about. */
START_TEST (test_resolved_for_the_lesson)
{
  static const struct { FtlPreset preset; int epochs, batch; double lrm; gboolean validation; } cases[] = {
    { FTL_PRESET_LESSON_DEFAULT, 3, 1, 0.05, FALSE },
    { FTL_PRESET_LEARNING_RATE_TOO_HIGH, 3, 1, 5.0, FALSE },
    { FTL_PRESET_TOO_MANY_EPOCHS, 10, 1, 0.05, TRUE },
    { FTL_PRESET_TOO_FEW_EPOCHS, 1, 1, 0.02, FALSE },
  };
  g_autofree char *path = sample_path ("new-york-woman.jsonl");
  g_autoptr(FtlDataset) lesson = ftl_dataset_load_file (path, NULL);

  ck_assert_ptr_nonnull (lesson);
  ck_assert_uint_eq (ftl_dataset_get_n_examples (lesson), 71);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      FtlHyperparams hp;

      /* Whatever was set before: the preset decides all three. */
      ftl_hyperparams_init (&hp);
      hp.n_epochs = 7;
      hp.batch_size = 4;
      hp.learning_rate_multiplier = 0.3;
      hp.seed = 1234;
      hp.suffix = g_strdup ("rosie");

      ftl_preset_apply (cases[i].preset, &hp);
      ck_assert (ftl_hyperparams_validate (&hp, NULL));
      ftl_hyperparams_resolve (&hp, ftl_dataset_get_n_examples (lesson));
      ck_assert_int_eq (hp.n_epochs, cases[i].epochs);
      ck_assert_int_eq (hp.batch_size, cases[i].batch);
      ck_assert_double_eq_tol (hp.learning_rate_multiplier, cases[i].lrm, 1e-12);
      ck_assert_int_eq (hp.seed, 1234);
      ck_assert_str_eq (hp.suffix, "rosie");
      ck_assert_int_eq (ftl_preset_wants_validation (cases[i].preset), cases[i].validation);
      ftl_hyperparams_clear (&hp);
    }

  /* The default is all auto, so it follows the file's size. */
  FtlHyperparams hp;
  ftl_hyperparams_init (&hp);
  hp.n_epochs = 7;
  ftl_preset_apply (FTL_PRESET_LESSON_DEFAULT, &hp);
  ck_assert_int_eq (hp.n_epochs, FTL_HYPERPARAM_AUTO);
  ck_assert_int_eq (hp.batch_size, FTL_HYPERPARAM_AUTO);
  ck_assert (hp.learning_rate_multiplier == FTL_HYPERPARAM_AUTO);
}
END_TEST

START_TEST (test_validation_name)
{
  g_autofree char *a = ftl_preset_validation_name ("/some/where/new-york-woman.jsonl");
  g_autofree char *b = ftl_preset_validation_name ("notes");
  g_autofree char *c = ftl_preset_validation_name ("my lesson.jsonl");

  ck_assert_str_eq (a, "new-york-woman.validation.jsonl");
  ck_assert_str_eq (b, "notes.validation.jsonl");
  ck_assert_str_eq (c, "my lesson.validation.jsonl");
}
END_TEST

/* The lesson's sample has a validation split: valid, and held out — none of
 * its prompts is one the model trains on. */
START_TEST (test_sample_validation_split)
{
  g_autofree char *training_path = sample_path ("new-york-woman.jsonl");
  g_autofree char *name = ftl_preset_validation_name (training_path);
  g_autofree char *validation_path = sample_path (name);
  g_autoptr(FtlDataset) training = ftl_dataset_load_file (training_path, NULL);
  g_autoptr(FtlDataset) validation = ftl_dataset_load_file (validation_path, NULL);
  g_autoptr(GHashTable) trained = g_hash_table_new (g_str_hash, g_str_equal);

  ck_assert_ptr_nonnull (validation);
  ck_assert (ftl_dataset_is_valid (validation));
  ck_assert_uint_eq (ftl_dataset_get_n_examples (validation), 20);

  for (guint i = 0; i < ftl_dataset_get_n_examples (training); i++)
    {
      int n = 0;
      const FtlChatMessage *m = ftl_dataset_get_example (training, i, &n, NULL);

      for (int k = 0; k < n; k++)
        if (m[k].role == FTL_ROLE_USER)
          g_hash_table_add (trained, (gpointer) m[k].content);
    }
  for (guint i = 0; i < ftl_dataset_get_n_examples (validation); i++)
    {
      int n = 0;
      const FtlChatMessage *m = ftl_dataset_get_example (validation, i, &n, NULL);

      for (int k = 0; k < n; k++)
        ck_assert_msg (m[k].role != FTL_ROLE_USER || !g_hash_table_contains (trained, m[k].content),
                       "validation prompt “%s” is a training prompt", m[k].content);
    }
}
END_TEST

/* The built-in base model on the lesson's file with "Learning rate too
 * high": the trainer's divergence check fails the job with its advice. */
START_TEST (test_learning_rate_too_high_diverges)
{
  g_autofree char *model_path = ftl_data_find_base_model ();
  g_autofree char *training_path = sample_path ("new-york-woman.jsonl");
  g_autofree char *dir = g_dir_make_tmp ("ftl-presets-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "model.gguf", NULL);
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  ftl_preset_apply (FTL_PRESET_LEARNING_RATE_TOO_HIGH, &hp);
  hp.seed = 1;
  g_autoptr(FtlJob) job = ftl_test_fine_tune_file (model_path, training_path, output, &hp);

  ck_assert_int_eq (job->status, FTL_JOB_FAILED);
  ck_assert_str_eq (job->error_code, "training_diverged");
  ck_assert_ptr_nonnull (strstr (job->error_message, "learning rate is too high"));
  /* It fails within the first epoch: quickly, and before any checkpoint. */
  ck_assert_uint_gt (job->metrics->len, 3);
  ck_assert_uint_lt (job->metrics->len, 71);
  ck_assert_uint_eq (job->checkpoints->len, 0);

  ftl_test_remove_tree (dir);
}
END_TEST

static Suite *
presets_suite (void)
{
  Suite *s = suite_create ("presets");
  TCase *tc = tcase_create ("presets");

  tcase_add_test (tc, test_ids);
  tcase_add_test (tc, test_resolved_for_the_lesson);
  tcase_add_test (tc, test_validation_name);
  tcase_add_test (tc, test_sample_validation_split);
  tcase_add_test (tc, test_learning_rate_too_high_diverges);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return ftl_test_run_suite (presets_suite (), CK_FORK_GETENV);
}
