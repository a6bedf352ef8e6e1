/* ftl-preferences-window.h — the app's preferences: training threads and
 * the chat's default sampling, each bound to its GSettings key. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FTL_TYPE_PREFERENCES_WINDOW (ftl_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (FtlPreferencesWindow, ftl_preferences_window, FTL, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A new preferences window, transient for parent (may be NULL). */
GtkWidget *ftl_preferences_window_new (GtkWindow *parent);

G_END_DECLS
