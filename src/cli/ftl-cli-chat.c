/* ftl-cli-chat.c — `chat` and `generate`: sampling from a model file. */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "ftl-chat.h"
#include "ftl-cli.h"
#include "ftl-model-file.h"

typedef struct
{
  const FtlTokenizer *tokenizer;
  gboolean            one_line;  /* newlines in the reply become spaces */
} PrintContext;

static gboolean
print_token (int      token,
             gpointer user_data)
{
  PrintContext *ctx = user_data;
  gsize length;
  const char *bytes = ftl_tokenizer_get_token_bytes (ctx->tokenizer, token, &length);

  for (gsize i = 0; i < length; i++)
    putchar (ctx->one_line && (bytes[i] == '\n' || bytes[i] == '\r') ? ' ' : bytes[i]);
  fflush (stdout);
  return TRUE;
}

typedef struct
{
  FtlCliSampling     sampling;
  FtlSamplingParams  params;
  char              *model_path;
  FtlModel          *model;
  FtlTokenizer      *tokenizer;
} Session;

static void
session_clear (Session *s)
{
  g_clear_pointer (&s->model_path, g_free);
  g_clear_pointer (&s->model, ftl_model_free);
  g_clear_pointer (&s->tokenizer, ftl_tokenizer_free);
}

/* Parses the common options plus extra, checks them and loads the model. */
static gboolean
session_open (Session      *s,
              const char   *parameter_string,
              const char   *summary,
              GOptionEntry *extra,
              int          *argc,
              char       ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autofree GOptionEntry *sampling_entries = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry model_entries[] = {
    { "model", 'm', 0, G_OPTION_ARG_FILENAME, &s->model_path, N_("Model file (default: the built-in base model)"), N_("FILE") },
    { NULL }
  };

  ftl_cli_sampling_init (&s->sampling);
  sampling_entries = ftl_cli_sampling_entries (&s->sampling);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, model_entries, NULL);
  g_option_context_add_main_entries (context, sampling_entries, NULL);
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, NULL);
  if (!ftl_cli_parse (context, argc, argv))
    return FALSE;

  if (!ftl_cli_sampling_to_params (&s->sampling, &s->params, &error))
    {
      fprintf (stderr, "%s: %s\n", (*argv)[0], error->message);
      return FALSE;
    }
  ftl_cli_set_threads (s->sampling.threads);

  s->model = ftl_cli_load_model (s->model_path, &s->tokenizer, NULL, &error);
  if (s->model == NULL)
    {
      fprintf (stderr, "%s: %s\n", (*argv)[0], error->message);
      return FALSE;
    }
  return TRUE;
}

/* Generates from tokens and streams the reply to stdout. */
static gboolean
session_reply (Session  *s,
               GArray   *tokens,
               gboolean  one_line)
{
  int stops[] = {
    ftl_tokenizer_get_special (s->tokenizer, FTL_SPECIAL_IM_END),
    ftl_tokenizer_get_special (s->tokenizer, FTL_SPECIAL_ENDOFTEXT),
  };
  PrintContext ctx = { s->tokenizer, one_line };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) reply = NULL;

  reply = ftl_generate (s->model, (const int *) tokens->data, tokens->len, stops, G_N_ELEMENTS (stops),
                        &s->params, print_token, &ctx, NULL, &error);
  putchar ('\n');
  fflush (stdout);
  if (reply == NULL)
    {
      fprintf (stderr, "finetune-lab-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
ftl_cli_generate (int    argc,
                  char **argv)
{
  Session s = { 0 };
  g_autoptr(GArray) tokens = NULL;
  int status = 1;

  /* Translators: PROMPT is what the user types after the command. */
  if (!session_open (&s, N_("PROMPT"), N_("Continues PROMPT (plain text; special tokens such as "
                                          "<|im_start|> are recognised) and prints the continuation."),
                     NULL, &argc, &argv))
    goto out;
  if (argc != 2)
    {
      ftl_cli_error (argv[0], _("give exactly one PROMPT"));
      goto out;
    }
  tokens = ftl_tokenizer_encode (s.tokenizer, argv[1], -1, TRUE);
  status = session_reply (&s, tokens, FALSE) ? 0 : 1;

out:
  session_clear (&s);
  return status;
}

static gboolean
chat_once (Session    *s,
           const char *system,
           const char *prompt,
           gboolean    one_line)
{
  FtlChatMessage messages[2];
  int n = 0;
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (int));

  if (system != NULL)
    messages[n++] = (FtlChatMessage) { FTL_ROLE_SYSTEM, system, 0.f };
  messages[n++] = (FtlChatMessage) { FTL_ROLE_USER, prompt, 0.f };
  ftl_chat_render (s->tokenizer, messages, n, TRUE, tokens, NULL);
  return session_reply (s, tokens, one_line);
}

int
ftl_cli_chat (int    argc,
              char **argv)
{
  Session s = { 0 };
  g_autofree char *system = NULL;
  g_autofree char *line = NULL;
  size_t capacity = 0;
  GOptionEntry entries[] = {
    { "system", 's', 0, G_OPTION_ARG_STRING, &system, N_("System message"), N_("TEXT") },
    { NULL }
  };
  int status = 1;

  if (!session_open (&s, N_("[PROMPT]"), N_("Prints the model's reply to PROMPT. Without PROMPT, reads "
                                            "one prompt per line from standard input and prints one "
                                            "reply per line."),
                     entries, &argc, &argv))
    goto out;

  if (argc > 2)
    {
      ftl_cli_error (argv[0], _("give at most one PROMPT (quote it)"));
      goto out;
    }
  if (argc == 2)
    {
      status = chat_once (&s, system, argv[1], FALSE) ? 0 : 1;
      goto out;
    }

  status = 0;
  while (getline (&line, &capacity, stdin) >= 0)
    {
      g_strchomp (line);
      if (!chat_once (&s, system, line, TRUE))
        status = 1;
    }

out:
  session_clear (&s);
  return status;
}
