/* test-cli.c — finetune-lab-cli as a user runs it: train a model on a text,
 * chat with it from arguments and from stdin, generate, and get clear errors
 * and exit codes for bad input. argv[1] is the path of the CLI binary. */
#include <check.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

static const char *cli_path;
static char *work_dir;
static char *model_path;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_free (r->out);
  g_free (r->err);
}

/* Runs the CLI with argv (NULL-terminated, without the program) and input on stdin. */
static Result
run_cli (const char        *input,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  Result r = { 0 };

  g_ptr_array_add (argv, (gpointer) cli_path);
  for (int i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  /* Bytes, not UTF-8: a model may stream any bytes, and that is not an error. */
  g_autoptr(GBytes) in = g_bytes_new (input != NULL ? input : "", input != NULL ? strlen (input) : 0);
  g_autoptr(GBytes) out = NULL, err = NULL;
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);
  r.out = g_strndup (g_bytes_get_data (out, NULL), g_bytes_get_size (out));
  r.err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  r.status = g_subprocess_get_exit_status (process);
  return r;
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
  static const char * const exchanges[][2] = {
    { "Hello!", "Hi there, how are you today?" },
    { "What is your favourite food?", "I like warm bread with butter and a bowl of tomato soup." },
    { "How is the weather?", "It is sunny and mild, a good day for a walk in the park." },
    { "Do you have a hobby?", "I enjoy reading books, painting pictures and playing chess." },
    { "Where should I travel?", "Visit the mountains in summer or the seaside in spring." },
  };
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
  Result r = run_cli (NULL, (const char *[]) { "train", "--text", text_path, "--config", "tiny",
                                               "--steps", "40", "--batch-size", "4", "--context", "32",
                                               "--output", model_path, NULL });
  if (r.status != 0)
    g_error ("train failed (%d): %s%s", r.status, r.out, r.err);
  g_assert_true (strstr (r.out, "step    40/40") != NULL);
  result_clear (&r);
}

static void
teardown_model (void)
{
  g_autofree char *text_path = g_build_filename (work_dir, "text.txt", NULL);

  g_unlink (text_path);
  g_unlink (model_path);
  g_rmdir (work_dir);
  g_clear_pointer (&model_path, g_free);
  g_clear_pointer (&work_dir, g_free);
}

START_TEST (test_help)
{
  Result r = run_cli (NULL, (const char *[]) { "--help", NULL });

  ck_assert_int_eq (r.status, 0);
  for (const char *c = "train\0generate\0chat\0bench\0demo\0"; *c; c += strlen (c) + 1)
    ck_assert_msg (strstr (r.out, c) != NULL, "--help does not list %s", c);
  result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "chat", "--help", NULL });
  ck_assert_int_eq (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.out, "--temperature"));
  ck_assert_ptr_nonnull (strstr (r.out, "--system"));
  result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "frobnicate", NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "unknown command"));
  result_clear (&r);
}
END_TEST

START_TEST (test_chat_prompt)
{
  Result r = run_cli (NULL, (const char *[]) { "chat", "--model", model_path, "--temperature", "0",
                                               "--max-tokens", "12", "Hello!", NULL });

  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert (g_str_has_suffix (r.out, "\n"));
  ck_assert_uint_gt (strlen (r.out), 1);
  result_clear (&r);
}
END_TEST

/* Without PROMPT: one reply line per input line, and the same seed gives the
 * same replies. */
START_TEST (test_chat_stdin)
{
  const char *args[] = { "chat", "--model", model_path, "--seed", "3", "--max-tokens", "10",
                         "--system", "Be brief.", NULL };
  Result a = run_cli ("Hello!\nHow are you?\nBye\n", args);
  Result b = run_cli ("Hello!\nHow are you?\nBye\n", args);
  g_auto(GStrv) lines = NULL;

  ck_assert_msg (a.status == 0, "%s", a.err);
  lines = g_strsplit (a.out, "\n", -1);
  ck_assert_uint_eq (g_strv_length (lines), 4);  /* three replies and the empty tail */
  ck_assert_str_eq (lines[3], "");
  ck_assert_str_eq (a.out, b.out);
  result_clear (&a);
  result_clear (&b);
}
END_TEST

START_TEST (test_generate)
{
  Result r = run_cli (NULL, (const char *[]) { "generate", "--model", model_path, "--temperature", "0",
                                               "--max-tokens", "8", "<|im_start|>user\n", NULL });

  ck_assert_msg (r.status == 0, "%s", r.err);
  ck_assert_uint_gt (strlen (r.out), 1);
  result_clear (&r);
}
END_TEST

START_TEST (test_errors)
{
  g_autofree char *bogus = g_build_filename (work_dir, "bogus.gguf", NULL);
  Result r;

  /* A missing model names the file. */
  r = run_cli (NULL, (const char *[]) { "chat", "--model", "/nonexistent/m.gguf", "hi", NULL });
  ck_assert_int_ne (r.status, 0);
  ck_assert_ptr_nonnull (strstr (r.err, "/nonexistent/m.gguf"));
  result_clear (&r);

  /* A file that is not GGUF is refused, not crashed on. */
  g_file_set_contents (bogus, "not a model at all", -1, NULL);
  r = run_cli (NULL, (const char *[]) { "chat", "--model", bogus, "hi", NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "bogus.gguf"));
  result_clear (&r);
  g_unlink (bogus);

  /* Out-of-range options are usage errors. */
  r = run_cli (NULL, (const char *[]) { "chat", "--model", model_path, "--top-p", "0", "hi", NULL });
  ck_assert_int_eq (r.status, 1);
  ck_assert_ptr_nonnull (strstr (r.err, "--top-p"));
  result_clear (&r);

  r = run_cli (NULL, (const char *[]) { "train", "--text", "/nonexistent.txt", "--output", bogus, NULL });
  ck_assert_int_eq (r.status, 2);
  ck_assert_ptr_nonnull (strstr (r.err, "nonexistent.txt"));
  result_clear (&r);
}
END_TEST

int
main (int    argc,
      char **argv)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("commands");
  SRunner *runner;
  int failed;

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
  suite_add_tcase (s, tc);

  runner = srunner_create (s);
  /* GSubprocess relies on GLib's worker thread, which a fork() of Check's
   * would leave behind: run the tests in this process. */
  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
