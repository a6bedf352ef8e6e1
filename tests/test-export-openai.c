/* test-export-openai.c — the export for OpenAI's fine-tuning service: the
 * request body for given hyperparameters (auto kept as "auto", a random seed
 * and no suffix left out), its JSON text, the folder ftl_openai_export()
 * writes, what it refuses (invalid files, names taken, bad hyperparameters)
 * without writing or overwriting anything, and `finetune-lab-cli export
 * --openai` as a user runs it. argv[1] is the CLI binary. */
#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ftl-openai-export.h"
#include "ftl-test-util.h"

static const char *cli_path;
static char *work_dir;
static char *training_path;    /* the pirate fixture: valid */
static char *validation_path;  /* a copy of it */
static char *broken_path;      /* line 3 has a role OpenAI does not know */

static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);
  g_auto(GStrv) parts = g_strsplit (lines[2], "\"role\": \"user\"", 2);
  g_autofree char *broken = NULL;

  work_dir = g_dir_make_tmp ("ftl-export-openai-XXXXXX", &error);
  ck_assert_ptr_nonnull (work_dir);
  training_path = g_build_filename (work_dir, "pirate.jsonl", NULL);
  validation_path = g_build_filename (work_dir, "pirate-validation.jsonl", NULL);
  broken_path = g_build_filename (work_dir, "broken.jsonl", NULL);
  ck_assert (g_file_set_contents (training_path, jsonl, -1, &error));
  ck_assert (g_file_set_contents (validation_path, jsonl, -1, &error));

  ck_assert_ptr_nonnull (parts[1]);
  g_free (lines[2]);
  lines[2] = g_strjoinv ("\"role\": \"robot\"", parts);
  broken = g_strjoinv ("\n", lines);
  ck_assert (g_file_set_contents (broken_path, broken, -1, &error));
}

static void
teardown (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&training_path, g_free);
  g_clear_pointer (&validation_path, g_free);
  g_clear_pointer (&broken_path, g_free);
}

static JsonObject *
hyperparameters_of (JsonObject *request)
{
  JsonObject *method = json_object_get_object_member (request, "method");

  ck_assert_ptr_nonnull (method);
  ck_assert_str_eq (json_object_get_string_member (method, "type"), "supervised");
  return json_object_get_object_member (json_object_get_object_member (method, "supervised"),
                                        "hyperparameters");
}

START_TEST (test_request_auto)
{
  FtlHyperparams hp;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *request, *h;

  ftl_hyperparams_init (&hp);
  node = ftl_openai_job_request (&hp, NULL, "file-abc123", NULL);
  request = json_node_get_object (node);

  ck_assert_str_eq (json_object_get_string_member (request, "model"), FTL_OPENAI_DEFAULT_MODEL);
  ck_assert_str_eq (json_object_get_string_member (request, "training_file"), "file-abc123");
  /* Left out, not null: OpenAI then picks a seed and names the model itself. */
  ck_assert (!json_object_has_member (request, "validation_file"));
  ck_assert (!json_object_has_member (request, "seed"));
  ck_assert (!json_object_has_member (request, "suffix"));
  ck_assert (!json_object_has_member (request, "hyperparameters"));
  ck_assert_uint_eq (json_object_get_size (request), 3);

  h = hyperparameters_of (request);
  ck_assert_ptr_nonnull (h);
  ck_assert_uint_eq (json_object_get_size (h), 3);
  ck_assert_str_eq (json_object_get_string_member (h, "n_epochs"), "auto");
  ck_assert_str_eq (json_object_get_string_member (h, "batch_size"), "auto");
  ck_assert_str_eq (json_object_get_string_member (h, "learning_rate_multiplier"), "auto");
}
END_TEST

START_TEST (test_request_numbers)
{
  FtlHyperparams hp;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *request, *h;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = 4;
  hp.batch_size = 8;
  hp.learning_rate_multiplier = 1.8;
  hp.seed = 0;
  hp.suffix = g_strdup ("pirate-v2");
  node = ftl_openai_job_request (&hp, "gpt-4.1-nano-2025-04-14", "file-t", "file-v");
  request = json_node_get_object (node);

  ck_assert_str_eq (json_object_get_string_member (request, "model"), "gpt-4.1-nano-2025-04-14");
  ck_assert_str_eq (json_object_get_string_member (request, "validation_file"), "file-v");
  ck_assert_str_eq (json_object_get_string_member (request, "suffix"), "pirate-v2");
  /* Seed 0 is a seed, not "none". */
  ck_assert_int_eq (json_node_get_value_type (json_object_get_member (request, "seed")), G_TYPE_INT64);
  ck_assert_int_eq (json_object_get_int_member (request, "seed"), 0);

  h = hyperparameters_of (request);
  ck_assert_int_eq (json_node_get_value_type (json_object_get_member (h, "n_epochs")), G_TYPE_INT64);
  ck_assert_int_eq (json_object_get_int_member (h, "n_epochs"), 4);
  ck_assert_int_eq (json_object_get_int_member (h, "batch_size"), 8);
  ck_assert_int_eq (json_node_get_value_type (json_object_get_member (h, "learning_rate_multiplier")),
                    G_TYPE_DOUBLE);
  ck_assert_double_eq (json_object_get_double_member (h, "learning_rate_multiplier"), 1.8);
  ftl_hyperparams_clear (&hp);
}
END_TEST

START_TEST (test_request_text)
{
  FtlHyperparams hp;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ftl_hyperparams_init (&hp);
  hp.learning_rate_multiplier = 0.1;
  hp.seed = 2147483647;
  hp.suffix = g_strdup ("a_b");
  node = ftl_openai_job_request (&hp, NULL, FTL_OPENAI_TRAINING_FILE_ID, NULL);
  text = ftl_openai_job_request_to_data (node);

  /* As people write it, and as it reads back. */
  ck_assert_ptr_nonnull (strstr (text, "\"learning_rate_multiplier\": 0.1\n"));
  ck_assert_ptr_nonnull (strstr (text, "\"n_epochs\": \"auto\",\n"));
  ck_assert_ptr_nonnull (strstr (text, "\"seed\": 2147483647,\n"));
  ck_assert_ptr_nonnull (strstr (text, "\"training_file\": \"" FTL_OPENAI_TRAINING_FILE_ID "\",\n"));
  ck_assert (g_str_has_prefix (text, "{\n  \"model\": \""));
  ck_assert (g_str_has_suffix (text, "\n}\n"));
  parsed = json_from_string (text, &error);
  ck_assert_ptr_null (error);
  ck_assert (json_node_equal (parsed, node));

  /* A value that needs all 17 digits keeps them. */
  hp.learning_rate_multiplier = 1.0 / 3.0;
  g_clear_pointer (&node, json_node_unref);
  g_clear_pointer (&parsed, json_node_unref);
  g_clear_pointer (&text, g_free);
  node = ftl_openai_job_request (&hp, NULL, FTL_OPENAI_TRAINING_FILE_ID, NULL);
  text = ftl_openai_job_request_to_data (node);
  parsed = json_from_string (text, &error);
  ck_assert_ptr_null (error);
  ck_assert (json_node_equal (parsed, node));
  ftl_hyperparams_clear (&hp);
}
END_TEST

static char *
read_file (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

START_TEST (test_export_folder)
{
  g_autofree char *dir = g_build_filename (work_dir, "for-openai", "new", NULL);
  g_autofree char *original = NULL, *copy = NULL, *validation = NULL, *request_text = NULL, *readme = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) written = NULL, expected = NULL;
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = 3;
  hp.learning_rate_multiplier = 2;
  hp.suffix = g_strdup ("saltbeard");
  ck_assert_msg (ftl_openai_export (dir, training_path, validation_path, &hp, NULL, &error),
                 "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (ftl_test_count_files (dir), 4);

  g_file_get_contents (training_path, &original, NULL, NULL);
  copy = read_file (dir, FTL_OPENAI_TRAINING_NAME);
  ck_assert_str_eq (copy, original);
  validation = read_file (dir, FTL_OPENAI_VALIDATION_NAME);
  ck_assert_str_eq (validation, original);

  request_text = read_file (dir, FTL_OPENAI_REQUEST_NAME);
  written = json_from_string (request_text, &error);
  ck_assert_ptr_null (error);
  expected = ftl_openai_job_request (&hp, FTL_OPENAI_DEFAULT_MODEL, FTL_OPENAI_TRAINING_FILE_ID,
                                     FTL_OPENAI_VALIDATION_FILE_ID);
  ck_assert (json_node_equal (written, expected));
  ck_assert_ptr_nonnull (strstr (request_text, "\"learning_rate_multiplier\": 2\n"));

  /* The steps a student follows: upload both files, put the ids in, create the job. */
  readme = read_file (dir, FTL_OPENAI_README_NAME);
  ck_assert_ptr_nonnull (strstr (readme, "-F file=@" FTL_OPENAI_TRAINING_NAME));
  ck_assert_ptr_nonnull (strstr (readme, "-F file=@" FTL_OPENAI_VALIDATION_NAME));
  ck_assert_ptr_nonnull (strstr (readme, FTL_OPENAI_VALIDATION_FILE_ID));
  ck_assert_ptr_nonnull (strstr (readme, "-d @" FTL_OPENAI_REQUEST_NAME));
  ck_assert_ptr_nonnull (strstr (readme, "/v1/fine_tuning/jobs"));
  ck_assert_ptr_nonnull (strstr (readme, FTL_OPENAI_DEFAULT_MODEL));
  ck_assert_ptr_nonnull (strstr (readme, "saltbeard"));
  ftl_hyperparams_clear (&hp);
}
END_TEST

START_TEST (test_export_without_validation)
{
  g_autofree char *dir = g_build_filename (work_dir, "plain", NULL);
  g_autofree char *readme = NULL, *request_text = NULL;
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  ck_assert (ftl_openai_export (dir, training_path, NULL, &hp, "gpt-4o-2024-08-06", &error));
  ck_assert_uint_eq (ftl_test_count_files (dir), 3);
  readme = read_file (dir, FTL_OPENAI_README_NAME);
  ck_assert_ptr_null (strstr (readme, FTL_OPENAI_VALIDATION_NAME));
  ck_assert_ptr_null (strstr (readme, FTL_OPENAI_VALIDATION_FILE_ID));
  request_text = read_file (dir, FTL_OPENAI_REQUEST_NAME);
  ck_assert_ptr_nonnull (strstr (request_text, "\"model\": \"gpt-4o-2024-08-06\""));
  ck_assert_ptr_null (strstr (request_text, "validation_file"));
}
END_TEST

START_TEST (test_export_refuses_invalid_file)
{
  g_autofree char *dir = g_build_filename (work_dir, "invalid", NULL);
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  ck_assert (!ftl_openai_export (dir, broken_path, NULL, &hp, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA));
  /* The line and OpenAI's name for the problem. */
  ck_assert_msg (strstr (error->message, "broken.jsonl:3: unrecognized_role") != NULL, "%s", error->message);
  ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A broken validation file stops it too, before anything is written. */
  ck_assert (!ftl_openai_export (dir, training_path, broken_path, &hp, NULL, &error));
  ck_assert_msg (strstr (error->message, ":3: unrecognized_role") != NULL, "%s", error->message);
  ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A file that isn't there. */
  {
    g_autofree char *missing = g_build_filename (work_dir, "missing.jsonl", NULL);

    ck_assert (!ftl_openai_export (dir, missing, NULL, &hp, NULL, &error));
    ck_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
               g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
    ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
  }
}
END_TEST

START_TEST (test_export_refuses_bad_settings)
{
  g_autofree char *dir = g_build_filename (work_dir, "settings", NULL);
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  hp.batch_size = 300;
  ck_assert (!ftl_openai_export (dir, training_path, NULL, &hp, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT));
  ck_assert_ptr_nonnull (strstr (error->message, "batch_size"));
  g_clear_error (&error);

  hp.batch_size = FTL_HYPERPARAM_AUTO;
  hp.suffix = g_strdup ("no spaces");
  ck_assert (!ftl_openai_export (dir, training_path, NULL, &hp, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "suffix"));
  g_clear_error (&error);
  g_clear_pointer (&hp.suffix, g_free);

  ck_assert (!ftl_openai_export (dir, training_path, NULL, &hp, "gpt 4o\n", &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT));
  ck_assert (!ftl_openai_export (dir, training_path, NULL, &hp, "", NULL));
  ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_export_never_overwrites)
{
  g_autofree char *dir = g_build_filename (work_dir, "taken", NULL);
  g_autofree char *notes = g_build_filename (dir, FTL_OPENAI_README_NAME, NULL);
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  FtlHyperparams hp;

  ftl_hyperparams_init (&hp);
  ck_assert_int_eq (g_mkdir_with_parents (dir, 0755), 0);
  ck_assert (g_file_set_contents (notes, "my own notes", -1, NULL));

  ck_assert (!ftl_openai_export (dir, training_path, NULL, &hp, NULL, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS));
  ck_assert_ptr_nonnull (strstr (error->message, FTL_OPENAI_README_NAME));
  /* Checked before writing: the student's file is as it was, nothing was added. */
  kept = read_file (dir, FTL_OPENAI_README_NAME);
  ck_assert_str_eq (kept, "my own notes");
  ck_assert_uint_eq (ftl_test_count_files (dir), 1);
}
END_TEST

/* ---- the CLI ------------------------------------------------------------------------ */

static FtlTestResult
run_cli (const char * const *args)
{
  return ftl_test_run_cli (cli_path, args, NULL, NULL);
}

START_TEST (test_cli_export_openai)
{
  g_autofree char *dir = g_build_filename (work_dir, "cli", NULL);
  g_autofree char *request_text = NULL, *copy = NULL, *original = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *request, *h;
  FtlTestResult r;

  r = run_cli ((const char *[]) { "export", "--openai", "--training-file", training_path,
                                  "--validation-file", validation_path, "--n-epochs", "2",
                                  "--batch-size", "auto", "--learning-rate-multiplier", "0.5",
                                  "--seed", "7", "--suffix", "rosie", "--output", dir, NULL });
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.out, FTL_OPENAI_REQUEST_NAME));
  ftl_test_result_clear (&r);

  g_file_get_contents (training_path, &original, NULL, NULL);
  copy = read_file (dir, FTL_OPENAI_TRAINING_NAME);
  ck_assert_str_eq (copy, original);
  ck_assert_uint_eq (ftl_test_count_files (dir), 4);
  request_text = read_file (dir, FTL_OPENAI_REQUEST_NAME);
  written = json_from_string (request_text, &error);
  ck_assert_ptr_null (error);
  request = json_node_get_object (written);
  ck_assert_str_eq (json_object_get_string_member (request, "model"), FTL_OPENAI_DEFAULT_MODEL);
  ck_assert_str_eq (json_object_get_string_member (request, "training_file"), FTL_OPENAI_TRAINING_FILE_ID);
  ck_assert_str_eq (json_object_get_string_member (request, "validation_file"), FTL_OPENAI_VALIDATION_FILE_ID);
  ck_assert_str_eq (json_object_get_string_member (request, "suffix"), "rosie");
  ck_assert_int_eq (json_object_get_int_member (request, "seed"), 7);
  h = hyperparameters_of (request);
  ck_assert_int_eq (json_object_get_int_member (h, "n_epochs"), 2);
  ck_assert_str_eq (json_object_get_string_member (h, "batch_size"), "auto");
  ck_assert_double_eq (json_object_get_double_member (h, "learning_rate_multiplier"), 0.5);

  /* Again into the same folder: refused, the files kept. */
  r = run_cli ((const char *[]) { "export", "--openai", "--training-file", broken_path, "--output", dir, NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_msg (strstr (r.err, "broken.jsonl:3: unrecognized_role") != NULL, "%s", r.err);
  ftl_test_result_clear (&r);
  r = run_cli ((const char *[]) { "export", "--openai", "--training-file", training_path, "--output", dir, NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "already exists"));
  ftl_test_result_clear (&r);
  g_clear_pointer (&copy, g_free);
  copy = read_file (dir, FTL_OPENAI_TRAINING_NAME);
  ck_assert_str_eq (copy, original);
}
END_TEST

START_TEST (test_cli_export_openai_usage)
{
  g_autofree char *dir = g_build_filename (work_dir, "usage", NULL);
  FtlTestResult r;

  r = run_cli ((const char *[]) { "export", "--openai", "--output", dir, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "--training-file"));
  ftl_test_result_clear (&r);

  r = run_cli ((const char *[]) { "export", "--openai", "--training-file", training_path,
                                  "--n-epochs", "lots", "--output", dir, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "n_epochs"));
  ftl_test_result_clear (&r);

  r = run_cli ((const char *[]) { "export", "--openai", "--training-file", training_path,
                                  "--learning-rate-multiplier", "11", "--output", dir, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "learning_rate_multiplier"));
  ftl_test_result_clear (&r);

  /* Hyperparameters belong to --openai; a model file export has none. */
  r = run_cli ((const char *[]) { "export", "--model", training_path, "--n-epochs", "3", "--output", dir, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "--openai"));
  ftl_test_result_clear (&r);

  r = run_cli ((const char *[]) { "export", "--help", NULL });
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "--openai"));
  ftl_test_result_clear (&r);
  ck_assert (!g_file_test (dir, G_FILE_TEST_EXISTS));
}
END_TEST

int
main (int    argc,
      char **argv)
{
  Suite *s = suite_create ("export-openai");
  TCase *request = tcase_create ("request");
  TCase *folder = tcase_create ("folder");
  TCase *cli = tcase_create ("cli");

  if (argc != 2)
    g_error ("usage: %s PATH-TO-finetune-lab-cli", argv[0]);
  cli_path = argv[1];

  tcase_add_test (request, test_request_auto);
  tcase_add_test (request, test_request_numbers);
  tcase_add_test (request, test_request_text);
  suite_add_tcase (s, request);

  tcase_add_checked_fixture (folder, setup, teardown);
  tcase_add_test (folder, test_export_folder);
  tcase_add_test (folder, test_export_without_validation);
  tcase_add_test (folder, test_export_refuses_invalid_file);
  tcase_add_test (folder, test_export_refuses_bad_settings);
  tcase_add_test (folder, test_export_never_overwrites);
  suite_add_tcase (s, folder);

  tcase_set_timeout (cli, 120);
  tcase_add_checked_fixture (cli, setup, teardown);
  tcase_add_test (cli, test_cli_export_openai);
  tcase_add_test (cli, test_cli_export_openai_usage);
  suite_add_tcase (s, cli);

  /* GSubprocess relies on GLib's worker thread, which a fork() of Check's
   * would leave behind: run the tests in this process. */
  return ftl_test_run_suite (s, CK_NOFORK);
}
