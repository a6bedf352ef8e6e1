/* fuzz-replay.c — a fuzz target's entry point run on files, without
 * libFuzzer: how `meson test` replays the seed corpus and the crash
 * regressions in the normal build (and in the sanitizer builds).
 *
 * Usage: fuzz-TARGET-replay FILE-OR-FOLDER…  (a folder: every file in it)
 */
#include "ftl-fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (EXIT_FAILURE);
    }
  /* An exact-size copy, as libFuzzer passes it, so a sanitizer build catches
   * a read one byte past the input (g_file_get_contents adds a NUL). */
  g_autofree guint8 *data = g_memdup2 (contents, length);
  printf ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput (data, length);
}

int
main (int    argc,
      char **argv)
{
  guint n = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          replay_file (argv[i]);
          n++;
          continue;
        }

      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return EXIT_FAILURE;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      /* In name order, so a failure is the same failure on every machine. */
      qsort (names->pdata, names->len, sizeof (char *), compare_strings);
      for (guint k = 0; k < names->len; k++)
        replay_file (names->pdata[k]);
      n += names->len;
    }

  if (n == 0)
    {
      fprintf (stderr, "no inputs\n");
      return EXIT_FAILURE;
    }
  printf ("%u inputs, no failure\n", n);
  return EXIT_SUCCESS;
}
