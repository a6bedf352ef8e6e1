/* test-cli.c — finetune-lab-cli as a user runs it: train a model on a text,
 * chat with it from arguments and from stdin, generate, validate a chat file,
 * show its tokens, fine-tune with the JSON event stream, read the results, and
 * get clear errors and exit codes for bad input. argv[1] is the CLI binary. */
#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ftl-test-util.h"

static const char * const exchanges[][2] = {
  { "Hello!", "Hi there, how are you today?" },
  { "What is your favourite food?", "I like warm bread with butter and a bowl of tomato soup." },
  { "How is the weather?", "It is sunny and mild, a good day for a walk in the park." },
  { "Do you have a hobby?", "I enjoy reading books, painting pictures and playing chess." },
  { "Where should I travel?", "Visit the mountains in summer or the seaside in spring." },
};

static const char *cli_path;
static char *work_dir;
static char *model_path;
static char *jsonl_path;

/* Runs the CLI with args (NULL-terminated, without the program) and input
 * on stdin. */
static FtlTestResult
run_cli (const char         *input,
         const char * const *args)
{
  return ftl_test_run_cli (cli_path, args, NULL, input);
}

/* A tiny model trained once for the whole suite. */
static void
setup_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text_path = NULL;
  GString *text = g_string_new (NULL);

  work_dir = g_dir_make_tmp ("ftl-cli-XXXXXX", &error);
  g_assert_no_error (error);
  for (int i = 0; i < 8; i++)
    for (gsize e = 0; e < G_N_ELEMENTS (exchanges); e++)
      g_string_append_printf (text, "<|im_start|>user\n%s<|im_end|>\n"
                                    "<|im_start|>assistant\n%s<|im_end|>\n",
                              exchanges[e][0], exchanges[e][1]);
  text_path = g_build_filename (work_dir, "text.txt", NULL);
  g_file_set_contents (text_path, text->str, -1, &error);
  g_assert_no_error (error);
  g_string_free (text, TRUE);

  model_path = g_build_filename (work_dir, "model.gguf", NULL);
  FtlTestResult r = run_cli (NULL, (const char *[]) { "train", "--text", text_path, "--config", "tiny",
                                                     "--steps", "40", "--batch-size", "4", "--context", "32",
                                                     "--output", model_path, NULL });
  if (r.status != 0)
    g_error ("train failed (%d): %s%s", r.status, r.out, r.err);
  g_assert_true (strstr (r.out, "step    40/40") != NULL);
  ftl_test_result_clear (&r);

  /* Twelve chat examples short enough for the tiny model's context. */
  GString *jsonl = g_string_new (NULL);
  for (int i = 0; i < 12; i++)
    g_string_append_printf (jsonl, "{\"messages\": [{\"role\": \"user\", \"content\": \"%s\"}, "
                                   "{\"role\": \"assistant\", \"content\": \"%s\"}]}\n",
                            exchanges[i % G_N_ELEMENTS (exchanges)][0],
                            exchanges[i % G_N_ELEMENTS (exchanges)][1]);
  jsonl_path = g_build_filename (work_dir, "chat.jsonl", NULL);
  g_file_set_contents (jsonl_path, jsonl->str, -1, &error);
  g_assert_no_error (error);
  g_string_free (jsonl, TRUE);
}

static void
teardown_model (void)
{
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&jsonl_path, g_free);
  g_clear_pointer (&model_path, g_free);
  g_clear_pointer (&work_dir, g_free);
}

START_TEST (test_help)
{
  FtlTestResult r = run_cli (NULL, (const char *[]) { "--help", NULL });

  ck_assert_int_eq (r.status, 0);
  for (const char *c = "train\0generate\0chat\0bench\0demo\0"; *c; c += strlen (c) + 1)
    ck_assert_msg (strstr (r.out, c) != NULL, "--help does not list %s", c);
  ftl_test_result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "chat", "--help", NULL });
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "--temperature"));
  ck_assert_ptr_nonnull (strstr (r.out, "--system"));
  ftl_test_result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "frobnicate", NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "unknown command"));
  ftl_test_result_clear (&r);
}
END_TEST

START_TEST (test_chat_prompt)
{
  FtlTestResult r = run_cli (NULL, (const char *[]) { "chat", "--model", model_path, "--temperature", "0",
                                                     "--max-tokens", "12", "Hello!", NULL });

  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert (g_str_has_suffix (r.out, "\n"));
  ck_assert_uint_gt (strlen (r.out), 1);
  ftl_test_result_clear (&r);
}
END_TEST

/* Without PROMPT: one reply line per input line, and the same seed gives the
 * same replies. */
START_TEST (test_chat_stdin)
{
  const char *args[] = { "chat", "--model", model_path, "--seed", "3", "--max-tokens", "10",
                         "--system", "Be brief.", NULL };
  FtlTestResult a = run_cli ("Hello!\nHow are you?\nBye\n", args);
  FtlTestResult b = run_cli ("Hello!\nHow are you?\nBye\n", args);
  g_auto(GStrv) lines = NULL;

  ck_assert_msg (a.status == 0, "%s", a.err);
  lines = g_strsplit (a.out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 4);  /* three replies and the empty tail */
  ck_assert_str_eq (lines[3], "");
  ck_assert_str_eq (a.out, b.out);
  ftl_test_result_clear (&a);
  ftl_test_result_clear (&b);
}
END_TEST

START_TEST (test_generate)
{
  FtlTestResult r = run_cli (NULL, (const char *[]) { "generate", "--model", model_path, "--temperature", "0",
                                                     "--max-tokens", "8", "<|im_start|>user\n", NULL });

  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_uint_gt (strlen (r.out), 1);
  ftl_test_result_clear (&r);
}
END_TEST

START_TEST (test_errors)
{
  g_autofree char *bogus = g_build_filename (work_dir, "bogus.gguf", NULL);
  FtlTestResult r;

  /* A missing model names the file. */
  r = run_cli (NULL, (const char *[]) { "chat", "--model", "/nonexistent/m.gguf", "hi", NULL });
  ck_assert_int_ne (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "/nonexistent/m.gguf"));
  ftl_test_result_clear (&r);

  /* A file that is not GGUF is refused, not crashed on. */
  g_file_set_contents (bogus, "not a model at all", -1, NULL);
  r = run_cli (NULL, (const char *[]) { "chat", "--model", bogus, "hi", NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "bogus.gguf"));
  ftl_test_result_clear (&r);
  g_unlink (bogus);

  /* Out-of-range options are usage errors. */
  r = run_cli (NULL, (const char *[]) { "chat", "--model", model_path, "--top-p", "0", "hi", NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "--top-p"));
  ftl_test_result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "train", "--text", "/nonexistent.txt", "--output", bogus, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "nonexistent.txt"));
  ftl_test_result_clear (&r);
}
END_TEST


START_TEST (test_validate)
{
  g_autofree char *broken = g_build_filename (g_getenv ("FTL_TEST_DATA_DIR"), "..", "data", "datasets",
                                              "broken-example.jsonl", NULL);
  FtlTestResult r;

  r = run_cli (NULL, (const char *[]) { "validate", "--model", model_path, jsonl_path, NULL });
  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_ptr_nonnull (strstr (r.out, "valid"));
  ck_assert_ptr_nonnull (strstr (r.out, "billed tokens"));
  ck_assert_ptr_nonnull (strstr (r.out, "tokens per example"));
  ftl_test_result_clear (&r);

  /* Every problem as FILE:LINE: code: message, and exit status 1. */
  r = run_cli (NULL, (const char *[]) { "validate", "--model", model_path, broken, NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "broken-example.jsonl:4: data_type: "));
  ck_assert_ptr_nonnull (strstr (r.err, "broken-example.jsonl:9: unrecognized_role: "));
  ck_assert_ptr_nonnull (strstr (r.out, "INVALID"));
  ftl_test_result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "validate", "/nonexistent.jsonl", NULL });
  ck_assert_int_eq (r.status, 2);
  ftl_test_result_clear (&r);
}
END_TEST

START_TEST (test_tokens)
{
  FtlTestResult r = run_cli (NULL, (const char *[]) { "tokens", "--model", model_path, "--line", "2",
                                                     jsonl_path, NULL });
  g_auto(GStrv) lines = NULL;
  int trained = 0;

  ck_assert_msg (r.status == 0, "%s", r.err);
  lines = g_strsplit (r.out, "\n", -1);
  ck_assert_ptr_nonnull (strstr (lines[0], "chat.jsonl:2: "));
  ck_assert_ptr_nonnull (strstr (r.out, "<|im_start|>"));
  for (int i = 1; lines[i] != NULL; i++)
    trained += lines[i][0] == '+';
  /* The assistant's words and its closing <|im_end|> are trained, nothing else. */
  ck_assert_int_gt (trained, 1);
  ck_assert_int_lt (trained, (int) g_strv_length (lines) - 2);
  ftl_test_result_clear (&r);
}
END_TEST

/* `train --json`: one JSON object per line, events in order, the job last. */
START_TEST (test_train_json_stream)
{
  g_autofree char *output = g_build_filename (work_dir, "tuned.gguf", NULL);
  g_autofree char *job_path = g_build_filename (work_dir, "tuned.job.json", NULL);
  FtlTestResult r = run_cli (NULL, (const char *[]) { "train", "--training-file", jsonl_path, "--model", model_path,
                                                     "--n-epochs", "2", "--batch-size", "4", "--seed", "5",
                                                     "--suffix", "test", "--output", output, "--json", NULL });
  g_auto(GStrv) lines = NULL;
  guint n;
  int last_step = 0, n_metrics = 0;

  ck_assert_msg (r.status == 0, "%s%s", r.out, r.err);
  lines = g_strsplit (r.out, "\n", -1);
  n = g_strv_length (lines);
  ck_assert_str_eq (lines[n - 1], "");
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *o;

      ck_assert_msg (json_parser_load_from_data (parser, lines[i], -1, &error), "line %u: %s", i, lines[i]);
      o = json_node_get_object (json_parser_get_root (parser));
      if (i + 2 < n)
        {
          ck_assert_str_eq (json_object_get_string_member (o, "object"), "fine_tuning.job.event");
          if (g_str_equal (json_object_get_string_member (o, "type"), "metrics"))
            {
              JsonObject *data = json_object_get_object_member (o, "data");
              int step = (int) json_object_get_int_member (data, "step");

              ck_assert_int_eq (step, last_step + 1);
              ck_assert (json_object_has_member (data, "train_loss"));
              ck_assert (json_object_has_member (data, "train_mean_token_accuracy"));
              ck_assert_int_eq (json_object_get_int_member (data, "total_steps"), 6);
              last_step = step;
              n_metrics++;
            }
        }
      else
        {
          JsonObject *hp = json_object_get_object_member (o, "hyperparameters");

          ck_assert_str_eq (json_object_get_string_member (o, "object"), "fine_tuning.job");
          ck_assert_str_eq (json_object_get_string_member (o, "status"), "succeeded");
          ck_assert (g_str_has_prefix (json_object_get_string_member (o, "fine_tuned_model"), "ft:"));
          ck_assert_int_eq (json_object_get_int_member (hp, "n_epochs"), 2);
          ck_assert_int_eq (json_object_get_int_member (hp, "batch_size"), 4);
        }
    }
  ck_assert_int_eq (n_metrics, 6);
  ck_assert (g_str_has_prefix (lines[0], "{\"object\":\"fine_tuning.job.event\""));
  ck_assert_ptr_nonnull (strstr (lines[0], "Validating training file"));
  ftl_test_result_clear (&r);

  /* The results CSV of the job just run. */
  r = run_cli (NULL, (const char *[]) { "results", job_path, NULL });
  ck_assert_int_eq (r.status, 0);
  ck_assert (g_str_has_prefix (r.out, "step,train_loss,train_accuracy,valid_loss,valid_mean_token_accuracy\n1,"));
  ftl_test_result_clear (&r);

  /* The tuned model chats. */
  r = run_cli (NULL, (const char *[]) { "chat", "--model", output, "--max-tokens", "5", "Hello!", NULL });
  ck_assert_int_eq (r.status, 0);
  ftl_test_result_clear (&r);
}
END_TEST

START_TEST (test_train_bad_hyperparameters)
{
  g_autofree char *output = g_build_filename (work_dir, "never.gguf", NULL);
  FtlTestResult r = run_cli (NULL, (const char *[]) { "train", "--training-file", jsonl_path, "--model", model_path,
                                                     "--n-epochs", "99", "--output", output, NULL });

  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "n_epochs"));
  ck_assert (!g_file_test (output, G_FILE_TEST_EXISTS));
  ftl_test_result_clear (&r);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("commands");

  if (argc != 2)
    g_error ("usage: %s PATH-TO-finetune-lab-cli", argv[0]);
  cli_path = argv[1];

  tcase_set_timeout (tc, 120);
  tcase_add_unchecked_fixture (tc, setup_model, teardown_model);
  tcase_add_test (tc, test_help);
  tcase_add_test (tc, test_chat_prompt);
  tcase_add_test (tc, test_chat_stdin);
  tcase_add_test (tc, test_generate);
  tcase_add_test (tc, test_errors);
  tcase_add_test (tc, test_validate);
  tcase_add_test (tc, test_tokens);
  tcase_add_test (tc, test_train_json_stream);
  tcase_add_test (tc, test_train_bad_hyperparameters);
  suite_add_tcase (s, tc);

  /* GSubprocess relies on GLib's worker thread, which a fork() of Check's
   * would leave behind: run the tests in this process. */
  return ftl_test_run_suite (s, CK_NOFORK);
}
