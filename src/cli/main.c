/* finetune-lab-cli — the engine from the command line. */
#include <glib.h>
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
  { "validate", ftl_cli_validate, "Check a fine-tuning file (OpenAI's chat JSONL)" },
  { "tokens",   ftl_cli_tokens,   "Show an example's tokens and which are trained" },
  { "train",    ftl_cli_train,    "Fine-tune a model (--training-file) or train on text (--text)" },
  { "results",  ftl_cli_results,  "Print a job's results as OpenAI's CSV" },
  { "generate", ftl_cli_generate, "Continue a text with a model" },
  { "chat",     ftl_cli_chat,     "Chat with a model (one reply per prompt)" },
  { "eval",     ftl_cli_eval,     "Measure a model's replies to a list of prompts" },
  { "export",   ftl_cli_export,   "Write a model again (F16, renamed, another learning rate)" },
  { "pretrain", ftl_cli_pretrain, "Train the built-in base model from the corpus" },
  { "bench",    ftl_cli_bench,    "Measure training and generation speed" },
  { "demo",     ftl_cli_demo,     "Watch a tiny model learn a text, then recite it" },
};

static void
usage (FILE *out)
{
  fprintf (out, "Usage: finetune-lab-cli COMMAND [OPTION…]\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out, "\nRun “finetune-lab-cli COMMAND --help” for a command's options.\n");
}

int
main (int    argc,
      char **argv)
{
  ftl_runtime_init (argv);
  setlocale (LC_ALL, "");
  /* Numbers in our output and in the files we read use a dot, whatever the locale. */
  setlocale (LC_NUMERIC, "C");

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, "finetune-lab-cli: unknown command “%s”\n\n", argv[1]);
  usage (stderr);
  return 2;
}
