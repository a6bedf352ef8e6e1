/* ftl-cli-bench.c — `bench`: training and generation throughput for a named
 * model shape, optionally side by side with PyTorch. */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <omp.h>
#include <stdio.h>

#include "ftl-cli.h"
#include "ftl-generate.h"
#include "ftl-trainer.h"

typedef struct
{
  double train_tokens_per_s;
  double train_gflops;
  double gen_tokens_per_s;
} BenchResult;

/* FLOPs per trained token, as PaLM counts them (and tools/bench-pytorch.py):
 * 6 per parameter (forward 2, backward 4) plus attention's 12·L·D·T. */
static double
train_flops_per_token (const FtlModel *model,
                       int             T)
{
  const FtlModelConfig *c = ftl_model_get_config (model);

  return 6.0 * ftl_model_get_n_params (model) + 12.0 * c->n_layers * c->d_model * T;
}

static void
bench_engine (FtlModel    *model,
              int          B,
              int          steps,
              BenchResult *result)
{
  const FtlModelConfig *c = ftl_model_get_config (model);
  int T = c->context_length;
  gsize N = (gsize) B * T;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree int *inputs = g_new (int, N);
  g_autofree int *targets = g_new (int, N);
  FtlAdamWConfig adamw;
  g_autoptr(FtlOptimizer) optimizer = NULL;
  FtlSamplingParams greedy;
  int prompt[16];
  const int warmup = 2, gen_tokens = 200;

  for (gsize i = 0; i < N; i++)
    {
      inputs[i] = g_rand_int_range (rand, 0, c->vocab_size);
      targets[i] = g_rand_int_range (rand, 0, c->vocab_size);
    }
  ftl_adamw_config_init (&adamw, 1e-4f, warmup + steps);
  optimizer = ftl_optimizer_new (model, &adamw);

  for (int i = 0; i < warmup; i++)
    ftl_train_step (model, optimizer, inputs, targets, NULL, B, T, NULL, NULL);
  gint64 start = g_get_monotonic_time ();
  for (int i = 0; i < steps; i++)
    ftl_train_step (model, optimizer, inputs, targets, NULL, B, T, NULL, NULL);
  double seconds = (g_get_monotonic_time () - start) / 1e6;
  result->train_tokens_per_s = steps * N / seconds;
  result->train_gflops = result->train_tokens_per_s * train_flops_per_token (model, T) / 1e9;

  /* Generation: batch 1, greedy, KV cache, a 16-token prompt, no stop token. */
  for (int i = 0; i < 16; i++)
    prompt[i] = inputs[i];
  ftl_sampling_params_init (&greedy);
  greedy.temperature = 0.f;
  greedy.max_tokens = gen_tokens;
  g_autoptr(GArray) warm = ftl_generate (model, prompt, 16, NULL, 0, &greedy, NULL, NULL, NULL, NULL);
  start = g_get_monotonic_time ();
  g_autoptr(GArray) out = ftl_generate (model, prompt, 16, NULL, 0, &greedy, NULL, NULL, NULL, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  result->gen_tokens_per_s = out->len / seconds;
}

/* The cores' fp32 FMA peak: twelve independent chains of 16-wide fused
 * multiply-adds per thread, long enough to hide their latency. Built for the
 * widest vectors the CPU has, so the figure says what any fp32 code here could
 * reach at best. */
typedef float FtlVec16 __attribute__ ((vector_size (64)));

__attribute__ ((target_clones ("avx512f", "avx2,fma", "default")))
static float
fma_chains (long   iterations,
            float  seed)
{
  FtlVec16 acc[12], mul, add;

  for (int i = 0; i < 12; i++)
    for (int j = 0; j < 16; j++)
      acc[i][j] = seed + i;
  for (int j = 0; j < 16; j++)
    {
      mul[j] = 0.999999f;
      add[j] = 1e-7f;
    }
  for (long n = 0; n < iterations; n++)
    for (int i = 0; i < 12; i++)
      acc[i] = acc[i] * mul + add;

  float sum = 0.f;
  for (int i = 0; i < 12; i++)
    for (int j = 0; j < 16; j++)
      sum += acc[i][j];
  return sum;
}

static double
fma_peak_gflops (void)
{
  const long iterations = 20000000;
  double best = 0.0;

  for (int repeat = 0; repeat < 3; repeat++)
    {
      gint64 start = g_get_monotonic_time ();
      int threads = 1;
      float sink = 0.f;

#pragma omp parallel reduction(+:sink)
      {
#pragma omp single
        threads = omp_get_num_threads ();
        sink += fma_chains (iterations, (float) omp_get_thread_num ());
      }
      double seconds = (g_get_monotonic_time () - start) / 1e6;
      /* Keep the result alive so the loop can't be optimised away. */
      if (sink == 42.f)
        g_message ("%g", sink);
      best = MAX (best, threads * iterations * 12.0 * 16 * 2 / seconds / 1e9);
    }
  return best;
}

/* Runs the PyTorch script and reads the JSON line it ends with. */
static gboolean
bench_pytorch (const char  *script,
               int          threads,
               BenchResult *result,
               GError     **error)
{
  g_autofree char *threads_str = g_strdup_printf ("%d", threads);
  const char *argv[] = { "/usr/bin/python3", script, "--threads", threads_str, NULL };
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *last_line;

  /* PyTorch's best setting on this machine: idle OpenMP threads must yield. */
  g_subprocess_launcher_setenv (launcher, "OMP_WAIT_POLICY", "PASSIVE", TRUE);
  g_subprocess_launcher_setenv (launcher, "OPENBLAS_NUM_THREADS", threads_str, TRUE);
  g_subprocess_launcher_setenv (launcher, "OMP_NUM_THREADS", threads_str, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (process == NULL || !g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, error))
    return FALSE;
  if (!g_subprocess_get_successful (process))
    {
      /* Translators: %s is the PyTorch script. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s failed"), script);
      return FALSE;
    }

  g_strchomp (out);
  last_line = strrchr (out, '\n') != NULL ? strrchr (out, '\n') + 1 : out;
  if (!json_parser_load_from_data (parser, last_line, -1, error))
    return FALSE;

  JsonObject *o = json_node_get_object (json_parser_get_root (parser));
  result->train_tokens_per_s = json_object_get_double_member_with_default (o, "train_tokens_per_s", 0);
  result->train_gflops = json_object_get_double_member_with_default (o, "train_gflops", 0);
  result->gen_tokens_per_s = json_object_get_double_member_with_default (o, "gen_tokens_per_s", 0);
  return TRUE;
}

int
ftl_cli_bench (int    argc,
               char **argv)
{
  g_autofree char *config_name = NULL, *compare = NULL;
  int threads = 0, batch_size = 8, steps = 10;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  FtlModelConfig config;
  g_autoptr(FtlModel) model = NULL;
  BenchResult ours, theirs;
  GOptionEntry entries[] = {
    { "config", 0, 0, G_OPTION_ARG_STRING, &config_name, N_("Model shape: tiny or bench (default bench)"), N_("NAME") },
    { "batch-size", 0, 0, G_OPTION_ARG_INT, &batch_size, N_("Sequences per step (default 8)"), "N" },
    { "steps", 0, 0, G_OPTION_ARG_INT, &steps, N_("Timed training steps (default 10)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, N_("Threads to use (default: one per core)"), "N" },
    { "compare", 0, 0, G_OPTION_ARG_FILENAME, &compare,
      N_("Also run this PyTorch script (tools/bench-pytorch.py) and print the ratios"), N_("SCRIPT") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Measures training tokens/s and GFLOP/s (fp32, AdamW, context-long "
                                   "sequences of random tokens) and greedy generation tokens/s "
                                   "(batch 1, KV cache) for a named model shape."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (!ftl_model_config_lookup (config_name != NULL ? config_name : "bench", &config))
    {
      ftl_cli_error (argv[0], _("unknown --config “%s”"), config_name);
      return 2;
    }
  if (batch_size < 1 || steps < 1 || threads < 0)
    {
      ftl_cli_error (argv[0], _("--batch-size and --steps must be positive"));
      return 2;
    }
  if (threads == 0)
    threads = (int) g_get_num_processors ();
  ftl_cli_set_threads (threads);

  model = ftl_model_new (&config, &error);
  ftl_model_init_random (model, 1);
  /* Translators: the model's shape; d_model, kv (key/value heads) and ffn
   * are the transformer's terms. */
  printf (_("shape %s: d_model %d, %d layers, %d heads (%d kv), ffn %d, vocab %d, context %d, "
            "batch %d, %llu parameters, %d threads"),
          config_name != NULL ? config_name : "bench", config.d_model, config.n_layers,
          config.n_heads, config.n_kv_heads, config.d_ffn, config.vocab_size,
          config.context_length, batch_size, (unsigned long long) ftl_model_get_n_params (model),
          threads);
  printf ("\n");
  fflush (stdout);

  bench_engine (model, batch_size, steps, &ours);
  printf ("finetune-lab  train %8.0f tokens/s  %6.1f GFLOP/s   generate %7.1f tokens/s\n",
          ours.train_tokens_per_s, ours.train_gflops, ours.gen_tokens_per_s);
  double peak = fma_peak_gflops ();
  printf (_("fp32 FMA peak of these %d threads: %.0f GFLOP/s; training runs at %.0f %% of it"),
          threads, peak, 100.0 * ours.train_gflops / peak);
  printf ("\n");
  fflush (stdout);

  if (compare == NULL)
    return 0;
  if (!bench_pytorch (compare, threads, &theirs, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  printf ("pytorch       train %8.0f tokens/s  %6.1f GFLOP/s   generate %7.1f tokens/s\n",
          theirs.train_tokens_per_s, theirs.train_gflops, theirs.gen_tokens_per_s);
  printf ("ratio         train %8.2fx                      generate %7.2fx\n",
          ours.train_tokens_per_s / theirs.train_tokens_per_s,
          ours.gen_tokens_per_s / theirs.gen_tokens_per_s);
  return 0;
}
