/* ftl-cli-demo.c — `demo`: a tiny model learns the lesson's five steps in a
 * few seconds and recites them, to show that the engine really trains. */
#include <glib/gi18n.h>
#include <stdio.h>

#include "ftl-cli.h"
#include "ftl-model-file.h"

static const char lesson[] =
  "Fine-tuning takes a model that already knows a lot and teaches it one more thing.\n"
  "Step one, initialization: start from the weights and biases of the previous model.\n"
  "Step two, forward propagation: the model reads an example and makes a prediction.\n"
  "Step three, loss: compare the prediction with the answer. If y = wx + b predicts 5 "
  "and the answer is 3, the squared error is (5 - 3) squared, which is 4.\n"
  "Step four, backpropagation: work out how much each weight and bias added to the loss.\n"
  "Step five, update: move every weight and bias a little against its gradient.\n"
  "Repeat for every batch and every epoch, and the loss goes down.\n";

int
ftl_cli_demo (int    argc,
              char **argv)
{
  FtlCliTraining t;
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  FtlModelConfig config;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(GArray) stream = NULL;
  g_autoptr(GArray) prompt = NULL;
  g_autoptr(GArray) reply = NULL;
  g_autofree char *text = NULL;
  FtlSamplingParams greedy;
  int stop;

  ftl_cli_training_init (&t);
  t.steps = 300;
  t.batch_size = 8;
  t.learning_rate = 3e-3;
  t.log_every = 25;
  GOptionEntry entries[] = {
    { "steps", 0, 0, G_OPTION_ARG_INT, &t.steps, N_("Optimisation steps (default 300)"), "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &t.threads, N_("Threads to use (default: one per core)"), "N" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Also save the model (GGUF)"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context,
                                N_("Trains a tiny transformer from scratch on the fine-tuning lesson's "
                                   "five steps, printing the loss as it falls, then lets it recite "
                                   "the lesson greedily."));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (t.steps < 1)
    {
      ftl_cli_error (argv[0], _("--steps must be positive"));
      return 2;
    }
  ftl_cli_set_threads (t.threads);

  g_assert (ftl_model_config_lookup ("tiny", &config));
  /* Long enough to recite most of the lesson in one go. */
  config.context_length = 160;
  tokenizer = ftl_tokenizer_train (lesson, sizeof lesson - 1, config.vocab_size, &error);
  if (tokenizer == NULL)
    goto fail;
  config.vocab_size = ftl_tokenizer_get_vocab_size (tokenizer);
  model = ftl_model_new (&config, &error);
  if (model == NULL)
    goto fail;
  ftl_model_init_random (model, (guint64) t.seed);

  stream = ftl_tokenizer_encode (tokenizer, lesson, sizeof lesson - 1, FALSE);
  printf (_("The lesson is %u tokens; the model has %llu parameters. Training…"),
          stream->len, (unsigned long long) ftl_model_get_n_params (model));
  printf ("\n");
  if (!ftl_cli_train_text (model, (const int *) stream->data, stream->len, &t, FALSE, &error))
    goto fail;

  /* Prompt with the first line; greedy decoding shows what was memorised. */
  /* The lesson is English, so the model's text is too; only the line that
   * introduces it is translated. */
  printf ("\n%s\n\nFine-tuning takes a model", _("The model continues “Fine-tuning takes a model”:"));
  ftl_sampling_params_init (&greedy);
  greedy.temperature = 0.f;
  greedy.max_tokens = config.context_length - 8;
  stop = ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT);
  prompt = ftl_tokenizer_encode (tokenizer, "Fine-tuning takes a model", -1, FALSE);
  reply = ftl_generate (model, (const int *) prompt->data, prompt->len, &stop, 1, &greedy,
                        NULL, NULL, NULL, &error);
  if (reply == NULL)
    goto fail;
  text = ftl_tokenizer_decode (tokenizer, (const int *) reply->data, reply->len, NULL);
  printf ("%s\n", text);

  if (output != NULL)
    {
      FtlModelFileInfo info = { .name = (char *) "finetune-lab-demo", .learning_rate = (float) t.learning_rate };

      if (!ftl_model_file_save (output, model, tokenizer, &info, FTL_GGML_TYPE_F32, &error))
        goto fail;
      printf ("\n");
      /* Translators: %s is a file. */
      printf (_("Saved %s"), output);
      printf ("\n");
    }
  return 0;

fail:
  fprintf (stderr, "%s: %s\n", argv[0], error->message);
  return 1;
}
