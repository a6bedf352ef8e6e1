/* test-model-reference.c — the model against PyTorch.
 *
 * tests/reference/qwen2-tiny.json holds the weights of a tiny Qwen2-style
 * model and the logits, per-position losses, loss and gradients PyTorch
 * autograd computes for them in float64 (tests/reference/make-reference.py
 * writes it). We load the weights by tensor name, run the engine in float32
 * and compare.
 *
 * Tolerance: each array (the logits, the losses, one gradient tensor) must
 * match within |got − want| ≤ 1e-4 · max|want| over that array. The same
 * model run by PyTorch in float32 stays within 3e-6 · max|want| of the
 * float64 values, so this leaves a 30× margin for another summation order,
 * while a real mistake (a wrong RoPE pairing, a missing bias, a mask off by
 * one) moves values by percents. Scaling by the array's largest value rather
 * than by each element keeps the check meaningful for tensors with small
 * gradients (e.g. the last layer's k bias, ~0.04).
 *
 * Usage: test-model-reference [FIXTURE]
 * FIXTURE (or else $FTL_TEST_DATA_DIR) is the JSON file itself, or a
 * directory holding reference/qwen2-tiny.json (the tests/ source directory)
 * or tests/reference/qwen2-tiny.json (the project source directory).
 */
#include <check.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "ftl-model.h"
#include "ftl-test-util.h"

#define TOLERANCE 1e-4

/* Parsed in main() before the suite runs; Check's forked test processes
 * inherit it. */
static JsonParser *fixture_parser;

static JsonObject *
fixture (void)
{
  return json_node_get_object (json_parser_get_root (fixture_parser));
}

static JsonArray *
fixture_array (const char *member)
{
  return json_object_get_array_member (fixture (), member);
}

static int
fixture_int (const char *member)
{
  return (int) json_object_get_int_member (fixture (), member);
}

static int *
fixture_ints (const char *member)
{
  JsonArray *array = fixture_array (member);
  guint n = json_array_get_length (array);
  int *values = g_new (int, n);

  for (guint i = 0; i < n; i++)
    values[i] = (int) json_array_get_int_element (array, i);
  return values;
}

static FtlModelConfig
fixture_config (void)
{
  JsonObject *c = json_object_get_object_member (fixture (), "config");

  return (FtlModelConfig) {
    .vocab_size = (int) json_object_get_int_member (c, "vocab_size"),
    .context_length = (int) json_object_get_int_member (c, "context_length"),
    .d_model = (int) json_object_get_int_member (c, "d_model"),
    .n_layers = (int) json_object_get_int_member (c, "n_layers"),
    .n_heads = (int) json_object_get_int_member (c, "n_heads"),
    .n_kv_heads = (int) json_object_get_int_member (c, "n_kv_heads"),
    .d_ffn = (int) json_object_get_int_member (c, "d_ffn"),
    .rope_theta = (float) json_object_get_double_member (c, "rope_theta"),
    .norm_eps = (float) json_object_get_double_member (c, "norm_eps"),
  };
}

/* A model holding the fixture's weights; every model tensor must be in the
 * fixture with the right number of values. */
static FtlModel *
model_from_fixture (void)
{
  FtlModelConfig config = fixture_config ();
  g_autoptr (GError) error = NULL;
  FtlModel *model = ftl_model_new (&config, &error);
  JsonObject *tensors = json_object_get_object_member (fixture (), "tensors");

  ck_assert_msg (model != NULL, "ftl_model_new: %s", error ? error->message : "?");
  float *params = ftl_model_get_params (model);
  for (int t = 0; t < ftl_model_get_n_tensors (model); t++)
    {
      const FtlTensorInfo *info = ftl_model_get_tensor (model, t);
      ck_assert_msg (json_object_has_member (tensors, info->name),
                     "model tensor %s is not in the fixture", info->name);
      JsonArray *values = json_object_get_array_member (tensors, info->name);
      ck_assert_uint_eq (json_array_get_length (values), info->size);
      for (gsize i = 0; i < info->size; i++)
        params[info->offset + i] = (float) json_array_get_double_element (values, i);
    }
  return model;
}

/* Compares got[n] with the float64 reference, reports the largest error and
 * fails past TOLERANCE · max|want|. */
static void
assert_close (const char *what,
              const float *got,
              JsonArray   *want,
              gsize        n)
{
  double scale = 0.0, max_err = 0.0;
  gsize worst = 0;

  ck_assert_uint_eq (json_array_get_length (want), n);
  for (gsize i = 0; i < n; i++)
    scale = fmax (scale, fabs (json_array_get_double_element (want, i)));
  for (gsize i = 0; i < n; i++)
    {
      double err = fabs (got[i] - json_array_get_double_element (want, i));
      if (isnan (err))
        err = INFINITY;
      if (err > max_err)
        {
          max_err = err;
          worst = i;
        }
    }
  printf ("%-26s max |got − want| %.2e = %.2e · max|want| (%.3g)\n",
          what, max_err, max_err / scale, scale);
  ck_assert_msg (max_err <= TOLERANCE * scale,
                 "%s[%zu]: got %.9g, want %.9g (tolerance %.0e · %.3g)",
                 what, worst, (double) got[worst],
                 json_array_get_double_element (want, worst), TOLERANCE, scale);
}

/* Runs forward with the fixture's targets and mask, returning the loss. */
static float
forward_with_targets (FtlModel *model)
{
  g_autofree int *tokens = fixture_ints ("tokens");
  g_autofree int *targets = fixture_ints ("targets");
  JsonArray *mask_array = fixture_array ("mask");
  guint n = json_array_get_length (mask_array);
  g_autofree float *mask = g_new (float, n);

  ck_assert_uint_eq (n, fixture_int ("B") * fixture_int ("T"));
  for (guint i = 0; i < n; i++)
    mask[i] = (float) json_array_get_double_element (mask_array, i);
  return ftl_model_forward (model, tokens, targets, mask, fixture_int ("B"), fixture_int ("T"));
}

/* Compares every gradient tensor with the fixture, multiplied by factor
 * (the number of accumulated backward passes). */
static void
assert_grads (FtlModel *model,
              float     factor)
{
  JsonObject *grads = json_object_get_object_member (fixture (), "grads");
  float *g = ftl_model_get_grads (model);

  ck_assert_ptr_nonnull (g);
  for (int t = 0; t < ftl_model_get_n_tensors (model); t++)
    {
      const FtlTensorInfo *info = ftl_model_get_tensor (model, t);
      g_autofree float *scaled = g_new (float, info->size);
      ck_assert_msg (json_object_has_member (grads, info->name),
                     "no reference gradient for %s", info->name);
      for (gsize i = 0; i < info->size; i++)
        scaled[i] = g[info->offset + i] / factor;
      assert_close (info->name, scaled,
                    json_object_get_array_member (grads, info->name), info->size);
    }
}

START_TEST (test_tensor_names)
{
  g_autoptr (FtlModel) model = model_from_fixture ();
  const char *sections[] = { "tensors", "grads" };
  gsize total = 0;

  /* model_from_fixture() found every model tensor in the fixture; here the
   * other way round, and the tensors must tile the parameter buffer. */
  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      JsonObject *section = json_object_get_object_member (fixture (), sections[s]);
      g_autoptr (GList) names = json_object_get_members (section);
      for (GList *l = names; l != NULL; l = l->next)
        {
          const FtlTensorInfo *info = ftl_model_find_tensor (model, l->data);
          ck_assert_msg (info != NULL, "fixture %s has %s, the model does not",
                         sections[s], (const char *) l->data);
          ck_assert_str_eq (info->name, l->data);
          ck_assert_uint_eq (json_array_get_length (json_object_get_array_member (section, l->data)),
                             info->size);
        }
      ck_assert_int_eq (g_list_length (names), ftl_model_get_n_tensors (model));
    }
  for (int t = 0; t < ftl_model_get_n_tensors (model); t++)
    total += ftl_model_get_tensor (model, t)->size;
  ck_assert_uint_eq (total, ftl_model_get_n_params (model));
}
END_TEST

START_TEST (test_logits)
{
  g_autoptr (FtlModel) model = model_from_fixture ();
  g_autofree int *tokens = fixture_ints ("tokens");
  int B = fixture_int ("B"), T = fixture_int ("T");

  ftl_model_forward (model, tokens, NULL, NULL, B, T);
  assert_close ("logits", ftl_model_get_logits (model), fixture_array ("logits"),
                (gsize) B * T * fixture_config ().vocab_size);
}
END_TEST

START_TEST (test_loss)
{
  g_autoptr (FtlModel) model = model_from_fixture ();
  float loss = forward_with_targets (model);
  JsonArray *want = json_array_new ();

  json_array_add_double_element (want, json_object_get_double_member (fixture (), "loss"));
  assert_close ("loss", &loss, want, 1);
  json_array_unref (want);
  assert_close ("losses", ftl_model_get_losses (model), fixture_array ("losses"),
                (gsize) fixture_int ("B") * fixture_int ("T"));
}
END_TEST

START_TEST (test_grads)
{
  g_autoptr (FtlModel) model = model_from_fixture ();

  ftl_model_zero_grad (model);
  forward_with_targets (model);
  ftl_model_backward (model);
  assert_grads (model, 1.0f);
}
END_TEST

/* backward accumulates; zero_grad clears. */
START_TEST (test_grads_accumulate)
{
  g_autoptr (FtlModel) model = model_from_fixture ();
  gsize n = ftl_model_get_n_params (model);

  forward_with_targets (model);
  ftl_model_backward (model);
  ftl_model_zero_grad (model);
  for (gsize i = 0; i < n; i++)
    ck_assert_msg (ftl_model_get_grads (model)[i] == 0.0f, "grad %zu not cleared", i);

  for (int pass = 0; pass < 2; pass++)
    {
      forward_with_targets (model);
      ftl_model_backward (model);
    }
  assert_grads (model, 2.0f);
}
END_TEST

static char *
find_fixture (const char *base)
{
  const char *candidates[] = { "reference/qwen2-tiny.json", "tests/reference/qwen2-tiny.json" };

  if (g_file_test (base, G_FILE_TEST_IS_REGULAR))
    return g_strdup (base);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = g_build_filename (base, candidates[i], NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&path);
    }
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const char *base = argc > 1 ? argv[1] : g_getenv ("FTL_TEST_DATA_DIR");
  g_autofree char *path = base ? find_fixture (base) : NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (path == NULL)
    {
      fprintf (stderr, "usage: %s FIXTURE-OR-DIR (or set FTL_TEST_DATA_DIR); "
               "no qwen2-tiny.json found%s%s\n",
               argv[0], base ? " under " : "", base ? base : "");
      return EXIT_FAILURE;
    }
  fixture_parser = json_parser_new ();
  if (!json_parser_load_from_file (fixture_parser, path, &error))
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      return EXIT_FAILURE;
    }

  Suite *suite = suite_create ("model-reference");
  TCase *tc = tcase_create ("pytorch");
  tcase_add_test (tc, test_tensor_names);
  tcase_add_test (tc, test_logits);
  tcase_add_test (tc, test_loss);
  tcase_add_test (tc, test_grads);
  tcase_add_test (tc, test_grads_accumulate);
  suite_add_tcase (suite, tc);

  status = ftl_test_run_suite (suite, CK_FORK_GETENV);
  g_object_unref (fixture_parser);
  return status;
}
