/* test-training.c — the model trains, remembers, generates and saves:
 * AdamW arithmetic and schedule, overfitting a short text then reciting it,
 * KV-cached inference equal to the full forward, determinism, GGUF files. */
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ftl-generate.h"
#include "ftl-model-file.h"
#include "ftl-optimizer.h"
#include "ftl-trainer.h"
#include "ftl-test-util.h"

static const char text[] =
  "Step one, initialization: start from the weights and biases of the previous model. "
  "Step two, forward propagation: the model reads an example and makes a prediction. "
  "Step three, loss: compare the prediction with the answer.";

static FtlModel *
tiny_model (guint64 seed)
{
  FtlModelConfig config;
  FtlModel *model;

  ck_assert (ftl_model_config_lookup ("tiny", &config));
  model = ftl_model_new (&config, NULL);
  ck_assert_ptr_nonnull (model);
  ftl_model_init_random (model, seed);
  return model;
}

START_TEST (test_schedule)
{
  FtlAdamWConfig c;

  ftl_adamw_config_init (&c, 1e-3f, 1000);
  ck_assert_int_eq (c.warmup_steps, 100);
  /* Linear warmup reaches the peak at the end of warmup … */
  ck_assert_float_eq_tol (ftl_adamw_learning_rate (&c, 0), 1e-5f, 1e-9f);
  ck_assert_float_eq_tol (ftl_adamw_learning_rate (&c, 99), 1e-3f, 1e-9f);
  /* … then decays monotonically to min_lr_ratio of it. */
  for (int s = 100; s < 1000; s++)
    ck_assert (ftl_adamw_learning_rate (&c, s + 1) <= ftl_adamw_learning_rate (&c, s));
  ck_assert_float_eq_tol (ftl_adamw_learning_rate (&c, 1000), 1e-4f, 1e-9f);
  ck_assert_float_eq_tol (ftl_adamw_learning_rate (&c, 550), 5.5e-4f, 1e-7f);
}
END_TEST

/* AdamW's first step moves each parameter by lr·(g/(|g|+ε) + wd·θ·decay):
 * check it, the clipping statistics, and that norms and biases are not decayed. */
START_TEST (test_adamw_first_step)
{
  g_autoptr(FtlModel) model = tiny_model (7);
  g_autoptr(FtlModel) before = ftl_model_copy (model);
  float *p = ftl_model_get_params (model);
  float *g = ftl_model_get_grads (model);
  const float *p0 = ftl_model_get_params (before);
  gsize n = ftl_model_get_n_params (model);
  FtlAdamWConfig c;
  FtlStepStats stats;
  double norm2 = 0.0;

  for (gsize i = 0; i < n; i++)
    {
      g[i] = (float) sin ((double) i) * 0.5f;
      norm2 += (double) g[i] * g[i];
    }
  ftl_adamw_config_init (&c, 1e-2f, 10);
  c.warmup_steps = 1;
  g_autoptr(FtlOptimizer) opt = ftl_optimizer_new (model, &c);
  ftl_optimizer_step (opt, model, &stats);

  ck_assert_float_eq_tol (stats.grad_norm, sqrt (norm2), 1e-3 * sqrt (norm2));
  ck_assert_float_eq_tol (stats.learning_rate, 1e-2f, 1e-9f);
  ck_assert_int_eq (ftl_optimizer_get_step (opt), 1);
  for (int t = 0; t < ftl_model_get_n_tensors (model); t++)
    {
      const FtlTensorInfo *info = ftl_model_get_tensor (model, t);
      float decay = (info->kind == FTL_TENSOR_WEIGHT || info->kind == FTL_TENSOR_EMBEDDING) ? 1.f : 0.f;

      for (gsize j = 0; j < info->size; j += 97)
        {
          gsize i = info->offset + j;
          /* Clipping rescales g, which Adam's first step cancels out. */
          float gc = g[i] * MIN (1.f, c.grad_clip / stats.grad_norm);
          float expected = p0[i] - 1e-2f * (gc / (fabsf (gc) + c.eps) + c.weight_decay * decay * p0[i]);

          ck_assert_msg (fabsf (p[i] - expected) <= 1e-6f + 1e-5f * fabsf (expected),
                         "%s[%zu]: %g, expected %g", info->name, j, p[i], expected);
        }
    }
}
END_TEST

/* The masked loss is the mean over the trained positions only. */
START_TEST (test_masked_loss)
{
  g_autoptr(FtlModel) model = tiny_model (3);
  int tokens[16], targets[16];
  float mask[16];
  double sum = 0.0;
  int count = 0;

  for (int i = 0; i < 16; i++)
    {
      tokens[i] = (i * 37) % 300;
      targets[i] = (i * 11 + 5) % 300;
      mask[i] = (i % 3 == 0) ? 1.f : 0.f;
    }
  float loss = ftl_model_forward (model, tokens, targets, mask, 2, 8);
  const float *losses = ftl_model_get_losses (model);

  for (int i = 0; i < 16; i++)
    {
      if (mask[i] == 0.f)
        ck_assert_float_eq (losses[i], 0.f);
      else
        {
          sum += losses[i];
          count++;
        }
    }
  ck_assert_float_eq_tol (loss, sum / count, 1e-5);
  /* A random model is close to uniform: loss ≈ ln V. */
  ck_assert_float_eq_tol (loss, logf (320.f), 0.5f);
}
END_TEST

static FtlTokenizer *
text_tokenizer (void)
{
  g_autoptr(GError) error = NULL;
  FtlTokenizer *tokenizer = ftl_tokenizer_train (text, sizeof text - 1, 320, &error);

  g_assert_no_error (error);
  return tokenizer;
}

/* Trains a fresh tiny model on the text and returns its final loss. */
static float
overfit (FtlModel     *model,
         GArray       *stream,
         int           steps)
{
  const int B = 8, T = 32;
  FtlAdamWConfig c;
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  int inputs[8 * 32], targets[8 * 32];
  float loss = 0.f;

  ftl_adamw_config_init (&c, 3e-3f, steps);
  c.weight_decay = 0.f;
  g_autoptr(FtlOptimizer) opt = ftl_optimizer_new (model, &c);
  for (int s = 0; s < steps; s++)
    {
      ftl_sample_text_batch ((const int *) stream->data, stream->len, B, T, rand, inputs, targets);
      loss = ftl_train_step (model, opt, inputs, targets, NULL, B, T, NULL, NULL);
      ck_assert (isfinite (loss));
    }
  return loss;
}

/* Memorisation: the loss on the text falls below 0.05 nats per token, and
 * greedy decoding from its first four tokens recites the next 40 exactly. */
START_TEST (test_overfit_and_recite)
{
  g_autoptr(FtlTokenizer) tokenizer = text_tokenizer ();
  g_autoptr(GArray) stream = ftl_tokenizer_encode (tokenizer, text, -1, FALSE);
  FtlModelConfig config;

  ck_assert (ftl_model_config_lookup ("tiny", &config));
  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  g_autoptr(FtlModel) model = ftl_model_new (&config, NULL);
  ftl_model_init_random (model, 1);

  float first = ftl_model_forward (model, (const int *) stream->data, (const int *) stream->data + 1,
                                   NULL, 1, 32);
  float last = overfit (model, stream, 300);
  ck_assert_msg (last < 0.05f, "loss %g after 300 steps (started at %g)", last, first);

  FtlSamplingParams greedy;
  ftl_sampling_params_init (&greedy);
  greedy.temperature = 0.f;
  greedy.max_tokens = 40;
  ck_assert_uint_ge (stream->len, 44);
  g_autoptr(GArray) out = ftl_generate (model, (const int *) stream->data, 4, NULL, 0, &greedy,
                                        NULL, NULL, NULL, NULL);
  ck_assert_uint_eq (out->len, 40);
  for (int i = 0; i < 40; i++)
    ck_assert_int_eq (g_array_index (out, int, i), g_array_index (stream, int, 4 + i));
}
END_TEST

/* Training twice with the same seed gives bit-identical weights. */
START_TEST (test_deterministic)
{
  g_autoptr(FtlTokenizer) tokenizer = text_tokenizer ();
  g_autoptr(GArray) stream = ftl_tokenizer_encode (tokenizer, text, -1, FALSE);
  g_autoptr(FtlModel) a = tiny_model (11);
  g_autoptr(FtlModel) b = tiny_model (11);

  overfit (a, stream, 20);
  overfit (b, stream, 20);
  ck_assert (memcmp (ftl_model_get_params (a), ftl_model_get_params (b),
                     ftl_model_get_n_params (a) * sizeof (float)) == 0);
}
END_TEST

/* The KV-cached forward (prompt in one go, then token by token) gives the
 * same next-token logits as the full training forward. */
START_TEST (test_kv_cache_matches_forward)
{
  g_autoptr(FtlModel) model = tiny_model (5);
  const FtlModelConfig *c = ftl_model_get_config (model);
  int tokens[40];
  g_autoptr(FtlKVCache) cache = ftl_kv_cache_new (model);

  for (int i = 0; i < 40; i++)
    tokens[i] = (i * 53 + 7) % c->vocab_size;
  ftl_model_forward (model, tokens, NULL, NULL, 1, 40);
  const float *full = ftl_model_get_logits (model);

  const float *cached = ftl_model_forward_cached (model, cache, tokens, 25);
  for (int t = 25; t <= 40; t++)
    {
      for (int v = 0; v < c->vocab_size; v++)
        ck_assert_float_eq_tol (cached[v], full[(gsize) (t - 1) * c->vocab_size + v], 1e-4);
      if (t < 40)
        cached = ftl_model_forward_cached (model, cache, &tokens[t], 1);
    }
  ck_assert_int_eq (ftl_kv_cache_get_length (cache), 40);

  /* Past the context the cache refuses rather than overflowing. */
  int filler[64] = { 0 };
  ck_assert_ptr_null (ftl_model_forward_cached (model, cache, filler, c->context_length - 40 + 1));
}
END_TEST

START_TEST (test_model_file_round_trip)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ftl-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "model.gguf", NULL);
  g_autofree char *path16 = g_build_filename (dir, "model-f16.gguf", NULL);
  g_autoptr(FtlTokenizer) tokenizer = text_tokenizer ();
  FtlModelConfig config;
  FtlModelFileInfo info = { .name = (char *) "round-trip", .learning_rate = 3e-4f };
  FtlModelFileInfo read_info = { 0 };
  g_autoptr(FtlTokenizer) read_tokenizer = NULL;

  ck_assert (ftl_model_config_lookup ("tiny", &config));
  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  g_autoptr(FtlModel) model = ftl_model_new (&config, NULL);
  ftl_model_init_random (model, 9);

  ck_assert_msg (ftl_model_file_save (path, model, tokenizer, &info, FTL_GGML_TYPE_F32, &error),
                 "%s", error ? error->message : "");
  g_autoptr(FtlModel) loaded = ftl_model_file_load (path, &read_tokenizer, &read_info, &error);
  ck_assert_msg (loaded != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (read_info.name, "round-trip");
  ck_assert_float_eq (read_info.learning_rate, 3e-4f);
  ck_assert (memcmp (ftl_model_get_config (loaded), &config, sizeof config) == 0);
  ck_assert (memcmp (ftl_model_get_params (loaded), ftl_model_get_params (model),
                     ftl_model_get_n_params (model) * sizeof (float)) == 0);
  g_autoptr(GArray) a = ftl_tokenizer_encode (tokenizer, text, -1, FALSE);
  g_autoptr(GArray) b = ftl_tokenizer_encode (read_tokenizer, text, -1, FALSE);
  ck_assert_uint_eq (a->len, b->len);
  ck_assert (memcmp (a->data, b->data, a->len * sizeof (int)) == 0);
  ftl_model_file_info_clear (&read_info);

  /* F16 keeps every matrix within half-precision rounding, vectors exactly. */
  ck_assert (ftl_model_file_save (path16, model, tokenizer, &info, FTL_GGML_TYPE_F16, &error));
  g_autoptr(FtlModel) half = ftl_model_file_load (path16, NULL, NULL, &error);
  ck_assert_ptr_nonnull (half);
  for (gsize i = 0; i < ftl_model_get_n_params (model); i++)
    {
      float x = ftl_model_get_params (model)[i], y = ftl_model_get_params (half)[i];
      ck_assert_float_le (fabsf (x - y), fabsf (x) * (1.f / 1024) + 1e-7f);
    }

  /* A file that is not there names itself. */
  g_autofree char *missing = g_build_filename (dir, "missing.gguf", NULL);
  g_clear_error (&error);
  ck_assert_ptr_null (ftl_model_file_load (missing, NULL, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "missing.gguf"));

  /* A valid GGUF of another architecture is refused with the reason. */
  g_autoptr(FtlGgufWriter) w = ftl_gguf_writer_new ();
  g_autofree char *llama = g_build_filename (dir, "llama.gguf", NULL);
  ftl_gguf_writer_add_string (w, "general.architecture", "llama");
  ck_assert (ftl_gguf_writer_write (w, llama, NULL));
  g_clear_error (&error);
  ck_assert_ptr_null (ftl_model_file_load (llama, NULL, NULL, &error));
  ck_assert_ptr_nonnull (strstr (error->message, "llama"));

  g_unlink (path);
  g_unlink (path16);
  g_unlink (llama);
  g_rmdir (dir);
}
END_TEST

/* A qwen2 GGUF with config's keys, the vocabulary of tokenizer (its first
 * n_tokens tokens) and no tensors, in memory. */
static GBytes *
config_only_gguf (const FtlModelConfig *config,
                  const FtlTokenizer   *tokenizer,
                  int                   n_tokens)
{
  g_autoptr(FtlGgufWriter) w = ftl_gguf_writer_new ();
  int n_merges = ftl_tokenizer_get_n_merges (tokenizer);
  g_autofree const char **tokens = g_new (const char *, n_tokens);
  g_autofree const char **merges = g_new (const char *, n_merges);

  for (int i = 0; i < n_tokens; i++)
    tokens[i] = ftl_tokenizer_get_token_text (tokenizer, i);
  for (int i = 0; i < n_merges; i++)
    merges[i] = ftl_tokenizer_get_merge (tokenizer, i);
  ftl_gguf_writer_add_string (w, "general.architecture", "qwen2");
  ftl_gguf_writer_add_uint32 (w, "qwen2.context_length", config->context_length);
  ftl_gguf_writer_add_uint32 (w, "qwen2.embedding_length", config->d_model);
  ftl_gguf_writer_add_uint32 (w, "qwen2.block_count", config->n_layers);
  ftl_gguf_writer_add_uint32 (w, "qwen2.feed_forward_length", config->d_ffn);
  ftl_gguf_writer_add_uint32 (w, "qwen2.attention.head_count", config->n_heads);
  ftl_gguf_writer_add_uint32 (w, "qwen2.attention.head_count_kv", config->n_kv_heads);
  ftl_gguf_writer_add_float32 (w, "qwen2.rope.freq_base", config->rope_theta);
  ftl_gguf_writer_add_float32 (w, "qwen2.attention.layer_norm_rms_epsilon", config->norm_eps);
  ftl_gguf_writer_add_string (w, "tokenizer.ggml.model", "gpt2");
  ftl_gguf_writer_add_string_array (w, "tokenizer.ggml.tokens", tokens, n_tokens);
  ftl_gguf_writer_add_string_array (w, "tokenizer.ggml.merges", merges, n_merges);
  return ftl_gguf_writer_to_bytes (w);
}

/* A small file must not make the loader allocate a big model, and a model
 * must have the chat tokens (found by fuzzing, tests/fuzz/). */
START_TEST (test_model_file_hostile)
{
  g_autoptr(FtlTokenizer) tokenizer = text_tokenizer ();
  int n_vocab = ftl_tokenizer_get_vocab_size (tokenizer);
  g_autoptr(GError) error = NULL;
  FtlModelConfig config;

  /* Near the largest model the engine accepts (3.8 billion parameters,
   * 15 GB): refused from the tensors the file lacks, before allocating. */
  ck_assert (ftl_model_config_lookup ("tiny", &config));
  config.d_model = 16384;
  config.n_layers = 2;
  config.n_heads = 1;
  config.n_kv_heads = 1;
  config.d_ffn = 16384;
  config.context_length = 65536;
  config.vocab_size = n_vocab;
  ck_assert (ftl_model_config_validate (&config, NULL));
  g_autoptr(GBytes) big = config_only_gguf (&config, tokenizer, n_vocab);
  g_autofree char *needed = g_strdup_printf ("The tensors hold 0 values, but a model of this "
                                             "configuration has %" G_GSIZE_FORMAT " parameters",
                                             ftl_model_config_n_params (&config));
  ck_assert_ptr_null (ftl_model_file_load_bytes (big, "big.gguf", NULL, NULL, &error));
  ck_assert_msg (g_str_has_prefix (error->message, "big.gguf: ") &&
                 strstr (error->message, needed) != NULL, "%s", error->message);
  g_clear_error (&error);

  /* A trained vocabulary ends with the three chat tokens. */
  ck_assert (ftl_tokenizer_is_special (tokenizer, n_vocab - 2));
  g_autoptr(GBytes) plain = config_only_gguf (&config, tokenizer, n_vocab - 2);
  ck_assert_ptr_null (ftl_model_file_load_bytes (plain, "plain.gguf", NULL, NULL, &error));
  ck_assert_msg (strstr (error->message, "lacks the token “<|im_start|>”") != NULL, "%s",
                 error->message);
}
END_TEST

static Suite *
training_suite (void)
{
  Suite *s = suite_create ("training");
  TCase *tc = tcase_create ("core");

  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_schedule);
  tcase_add_test (tc, test_adamw_first_step);
  tcase_add_test (tc, test_masked_loss);
  tcase_add_test (tc, test_overfit_and_recite);
  tcase_add_test (tc, test_deterministic);
  tcase_add_test (tc, test_kv_cache_matches_forward);
  tcase_add_test (tc, test_model_file_round_trip);
  tcase_add_test (tc, test_model_file_hostile);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return ftl_test_run_suite (training_suite (), CK_FORK_GETENV);
}
