/* ftl-data.h — where the shipped data is: the built-in base model and the
 * sample training files. Installed under the prefix's pkgdatadir (also inside
 * the Flatpak), or in the source tree when running from a build directory. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The path of relative_path (e.g. "datasets") under $FTL_DATA_DIR if set, else
 * under the installed data directory if it exists there, else under the
 * source tree's data/. */
char *ftl_data_find (const char *relative_path);

/* The built-in base model: $FTL_BASE_MODEL if set, else ftl_data_find() of
 * models/ftl-base.gguf. */
char *ftl_data_find_base_model (void);

G_END_DECLS
