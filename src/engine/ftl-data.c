/* ftl-data.c — locating the shipped data. */
#include "ftl-data.h"

char *
ftl_data_find (const char *relative_path)
{
  const char *override = g_getenv ("FTL_DATA_DIR");
  g_autofree char *installed = g_build_filename (FTL_PKGDATADIR, relative_path, NULL);

  if (override != NULL && *override != '\0')
    return g_build_filename (override, relative_path, NULL);
  if (g_file_test (installed, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&installed);
  return g_build_filename (FTL_SOURCE_DATADIR, relative_path, NULL);
}

char *
ftl_data_find_base_model (void)
{
  const char *override = g_getenv ("FTL_BASE_MODEL");

  if (override != NULL && *override != '\0')
    return g_strdup (override);
  return ftl_data_find ("models/" FTL_BASE_MODEL_FILE);
}
