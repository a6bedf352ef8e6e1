/* ftl-window.h — the lesson window: data │ hyperparameters + training │ chat. */
#pragma once

#include <adwaita.h>

#include "ftl-application.h"

G_BEGIN_DECLS

#define FTL_TYPE_WINDOW (ftl_window_get_type ())
G_DECLARE_FINAL_TYPE (FtlWindow, ftl_window, FTL, WINDOW, AdwApplicationWindow)

FtlWindow *ftl_window_new (FtlApplication *application);

G_END_DECLS
