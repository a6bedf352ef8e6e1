/* test-eval.c — the reply metrics of `finetune-lab-cli eval`. */
#include <check.h>
#include <glib/gstdio.h>

#include "ftl-eval.h"
#include "ftl-test-util.h"

START_TEST (test_markers)
{
  const char *markers[] = { "arr", "matey", "shiver me timbers", "ya know", NULL };

  ck_assert (ftl_eval_has_marker ("Arr, that be true.", markers));
  ck_assert (ftl_eval_has_marker ("Ahoy, MATEY!", markers));
  ck_assert (ftl_eval_has_marker ("Well, shiver me timbers.", markers));
  ck_assert (ftl_eval_has_marker ("It's cold, ya know?", markers));
  /* Inside other words it does not count. */
  ck_assert (!ftl_eval_has_marker ("Carry the bag to the car.", markers));
  ck_assert (!ftl_eval_has_marker ("Our mateys arrived.", markers));
  /* An apostrophe is not a letter: "matey's" carries the marker. */
  ck_assert (ftl_eval_has_marker ("The matey's hat.", markers));
  ck_assert (!ftl_eval_has_marker ("Start the engine.", markers));
  ck_assert (!ftl_eval_has_marker ("", markers));
}
END_TEST

START_TEST (test_repetition)
{
  ck_assert_double_eq (ftl_eval_repeated_ngram_rate ("The cat sat on the mat."), 0.0);
  ck_assert_double_eq (ftl_eval_repeated_ngram_rate ("Too short."), 0.0);
  /* "a b c a b c": 3-grams abc bca cab abc → one of four repeats. */
  ck_assert_double_eq_tol (ftl_eval_repeated_ngram_rate ("a b c a b c"), 0.25, 1e-12);
  ck_assert (ftl_eval_repeated_ngram_rate ("go go go go go go go go go go") > 0.8);
}
END_TEST

START_TEST (test_words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ftl-eval-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "words", NULL);
  g_autoptr(FtlWordList) words = NULL;
  guint n, known;

  g_file_set_contents (path, "the\ncat\nsat\nit\nTalking\n\n  mat \n", -1, &error);
  words = ftl_word_list_load (path, &error);
  g_assert_no_error (error);

  ftl_eval_count_words (words, "The cat sat on the mat!", &n, &known);
  ck_assert_uint_eq (n, 6);
  ck_assert_uint_eq (known, 5);  /* all but "on" */
  /* Case, curly apostrophes and contractions through their stem. */
  ftl_eval_count_words (words, "It’ll be talking, 'cat'.", &n, &known);
  ck_assert_uint_eq (n, 4);
  ck_assert_uint_eq (known, 3);  /* it'll, talking, cat */
  ftl_eval_count_words (words, "123 ... !!", &n, &known);
  ck_assert_uint_eq (n, 0);
  /* Invalid UTF-8 in a reply is survived, not trusted. */
  ftl_eval_count_words (words, "cat \xff\xfe sat", &n, &known);
  ck_assert_uint_eq (known, 2);

  ck_assert_ptr_null (ftl_word_list_load ("/nonexistent/words", NULL));
  g_unlink (path);
  g_rmdir (dir);
}
END_TEST

int
main (void)
{
  Suite *s = suite_create ("eval");
  TCase *tc = tcase_create ("metrics");

  tcase_add_test (tc, test_markers);
  tcase_add_test (tc, test_repetition);
  tcase_add_test (tc, test_words);
  suite_add_tcase (s, tc);
  return ftl_test_run_suite (s, CK_FORK_GETENV);
}
