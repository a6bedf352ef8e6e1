/* main.c — finetune-lab, the Fine-Tune Lab desktop app. */
#include <glib/gi18n.h>
#include <locale.h>

#include "ftl-application.h"
#include "ftl-runtime.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(FtlApplication) app = NULL;
  const char *localedir;

  ftl_runtime_init (argv);
  setlocale (LC_ALL, "");
  /* The engine prints and parses numbers with a dot in every locale. */
  setlocale (LC_NUMERIC, "C");
  /* Uninstalled (`meson devenv`), the translations are the build's own. */
  localedir = g_getenv ("FTL_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ftl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
