/* ftl-application.h — the Fine-Tune Lab application. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FTL_TYPE_APPLICATION (ftl_application_get_type ())
G_DECLARE_FINAL_TYPE (FtlApplication, ftl_application, FTL, APPLICATION, AdwApplication)

FtlApplication *ftl_application_new (void);

/* Whether finetune-lab was started with --lock-hyperparameters: the lesson
 * window locks its hyperparameters whatever the GSettings key says. */
gboolean        ftl_application_get_hyperparameters_locked (FtlApplication *self);

G_END_DECLS
