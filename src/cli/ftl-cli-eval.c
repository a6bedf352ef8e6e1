/* ftl-cli-eval.c — `eval`: how a model answers a list of held-out prompts. */
#include <glib/gi18n.h>
#include <stdio.h>

#include "ftl-chat.h"
#include "ftl-cli.h"
#include "ftl-eval.h"

#define DEFAULT_WORD_LIST "/usr/share/dict/american-english"

int
ftl_cli_eval (int    argc,
              char **argv)
{
  FtlCliSampling sampling;
  FtlSamplingParams params;
  g_autofree char *model_path = NULL, *prompts_path = NULL, *markers_path = NULL;
  g_autofree char *system = NULL, *words_path = NULL;
  gboolean verbose = FALSE;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree GOptionEntry *sampling_entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlModel) model = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlWordList) words = NULL;
  g_auto(GStrv) prompts = NULL, markers = NULL;
  guint n_replies = 0, n_ended = 0, n_marked = 0, n_words = 0, n_known = 0;
  double repeated = 0.0;
  GOptionEntry entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &model_path, N_("Model file (default: the built-in base model)"), N_("FILE") },
    { "prompts", 'p', 0, G_OPTION_ARG_FILENAME, &prompts_path, N_("User prompts, one per line"), N_("FILE") },
    { "markers", 0, 0, G_OPTION_ARG_FILENAME, &markers_path, N_("Persona markers, one per line"), N_("FILE") },
    { "system", 's', 0, G_OPTION_ARG_STRING, &system, N_("System message for every prompt"), N_("TEXT") },
    { "words", 0, 0, G_OPTION_ARG_FILENAME, &words_path,
      N_("English word list (default /usr/share/dict/american-english)"), N_("FILE") },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, N_("Print every prompt and reply"), NULL },
    { NULL }
  };

  ftl_cli_sampling_init (&sampling);
  sampling_entries = ftl_cli_sampling_entries (&sampling);
  g_option_context_set_summary (context,
                                N_("Answers every prompt and reports the share of replies that end "
                                   "properly within --max-tokens, the share of words found in an English "
                                   "word list, the rate of repeated word 3-grams, and the share of replies "
                                   "carrying a persona marker (case-insensitive, whole words)."));
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, sampling_entries, NULL);
  if (!ftl_cli_parse (context, &argc, &argv))
    return 2;
  if (prompts_path == NULL)
    {
      ftl_cli_error (argv[0], _("--prompts is required"));
      return 2;
    }
  if (!ftl_cli_sampling_to_params (&sampling, &params, &error) ||
      (prompts = ftl_eval_read_lines (prompts_path, &error)) == NULL ||
      (markers_path != NULL && (markers = ftl_eval_read_lines (markers_path, &error)) == NULL) ||
      (words = ftl_word_list_load (words_path != NULL ? words_path : DEFAULT_WORD_LIST, &error)) == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  ftl_cli_set_threads (sampling.threads);
  model = ftl_cli_load_model (model_path, &tokenizer, NULL, &error);
  if (model == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }

  int stops[] = {
    ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_IM_END),
    ftl_tokenizer_get_special (tokenizer, FTL_SPECIAL_ENDOFTEXT),
  };
  for (int i = 0; prompts[i] != NULL; i++)
    {
      FtlChatMessage messages[2];
      int n = 0;
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));
      g_autoptr(GArray) reply = NULL;
      g_autofree char *text = NULL;
      FtlFinishReason finish;
      guint w, k;

      if (system != NULL)
        messages[n++] = (FtlChatMessage) { FTL_ROLE_SYSTEM, system, 0.f };
      messages[n++] = (FtlChatMessage) { FTL_ROLE_USER, prompts[i], 0.f };
      ftl_chat_render (tokenizer, messages, n, TRUE, tokens, NULL);
      reply = ftl_generate (model, (const int *) tokens->data, tokens->len, stops, G_N_ELEMENTS (stops),
                            &params, NULL, NULL, &finish, &error);
      if (reply == NULL)
        {
          fprintf (stderr, "%s: %s\n", argv[0], error->message);
          return 1;
        }
      text = ftl_tokenizer_decode (tokenizer, (const int *) reply->data, reply->len, NULL);

      n_replies++;
      n_ended += finish == FTL_FINISH_STOP;
      ftl_eval_count_words (words, text, &w, &k);
      n_words += w;
      n_known += k;
      repeated += ftl_eval_repeated_ngram_rate (text);
      gboolean marked = markers != NULL && ftl_eval_has_marker (text, (const char * const *) markers);
      n_marked += marked;
      if (verbose)
        {
          printf ("> %s\n", prompts[i]);
          if (marked)
            /* Translators: a tag before a reply that has a persona marker. */
            printf ("%s ", _("[marker]"));
          printf ("%s", text);
          if (finish != FTL_FINISH_STOP)
            /* Translators: a tag after a reply that did not end within --max-tokens. */
            printf (" %s", _("[no end]"));
          printf ("\n\n");
        }
    }

  /* Translators: the labels of the report, in a column 21 characters wide
   * (a Korean character counts as two); the figures are shares of the
   * replies, or for words of the words. */
  g_autofree char *replies_label = ftl_cli_pad (_("replies"), 21);
  g_autofree char *ended_label = ftl_cli_pad (_("ended properly"), 21);
  g_autofree char *words_label = ftl_cli_pad (_("English words"), 21);
  g_autofree char *repeated_label = ftl_cli_pad (_("repeated 3-grams"), 21);
  g_autofree char *markers_label = ftl_cli_pad (_("persona markers"), 21);
  /* Translators: a share of the words, then how many of how many. */
  g_autofree char *words_share = g_strdup_printf (_("%5.1f %% (%u of %u)"),
                                                  100.0 * n_known / MAX (1, n_words), n_known, n_words);

  printf ("%s%u\n", replies_label, n_replies);
  printf ("%s%5.1f %%\n", ended_label, 100.0 * n_ended / MAX (1, n_replies));
  printf ("%s%s\n", words_label, words_share);
  printf ("%s%5.1f %%\n", repeated_label, 100.0 * repeated / MAX (1, n_replies));
  if (markers != NULL)
    {
      /* Translators: a share of the replies, then how many of how many. */
      g_autofree char *markers_share = g_strdup_printf (_("%5.1f %% (%u of %u replies)"),
                                                        100.0 * n_marked / MAX (1, n_replies),
                                                        n_marked, n_replies);

      printf ("%s%s\n", markers_label, markers_share);
    }
  return 0;
}
