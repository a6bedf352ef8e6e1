/* finetune-lab-cli — the engine from the command line. */
#include <glib.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "ftl-cli.h"
#include "ftl-runtime.h"

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "validate", ftl_cli_validate, N_("Check a fine-tuning file (OpenAI's chat JSONL)") },
  { "tokens",   ftl_cli_tokens,   N_("Show an example's tokens and which are trained") },
  { "train",    ftl_cli_train,    N_("Fine-tune a model (--training-file) or train on text (--text)") },
  { "results",  ftl_cli_results,  N_("Print a job's results as OpenAI's CSV") },
  { "generate", ftl_cli_generate, N_("Continue a text with a model") },
  { "chat",     ftl_cli_chat,     N_("Chat with a model (one reply per prompt)") },
  { "eval",     ftl_cli_eval,     N_("Measure a model's replies to a list of prompts") },
  { "export",   ftl_cli_export,   N_("Write a model again (F16, renamed, another learning rate)") },
  { "pretrain", ftl_cli_pretrain, N_("Train the built-in base model from the corpus") },
  { "bench",    ftl_cli_bench,    N_("Measure training and generation speed") },
  { "demo",     ftl_cli_demo,     N_("Watch a tiny model learn a text, then recite it") },
};

static void
usage (FILE *out)
{
  /* Translators: COMMAND and OPTION stand for what the user types. */
  fprintf (out, "%s\n\n%s\n", _("Usage: finetune-lab-cli COMMAND [OPTION…]"), _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “finetune-lab-cli COMMAND --help” for a command's options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir;

  ftl_runtime_init (argv);
  setlocale (LC_ALL, "");
  /* Numbers in our output and in the files we read use a dot, whatever the locale. */
  setlocale (LC_NUMERIC, "C");
  /* Uninstalled (`meson devenv`), the translations are the build's own. */
  localedir = g_getenv ("FTL_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  ftl_cli_error ("finetune-lab-cli", _("unknown command “%s”"), argv[1]);
  fputc ('\n', stderr);
  usage (stderr);
  return 2;
}
