/* ftl-application.c — app-wide actions, shortcuts and the main window. */
#include "ftl-application.h"

#include <glib/gi18n.h>

#include "ftl-preferences-window.h"
#include "ftl-window.h"

struct _FtlApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (FtlApplication, ftl_application, ADW_TYPE_APPLICATION)

FtlApplication *
ftl_application_new (void)
{
  return g_object_new (FTL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/finetunelab/FineTuneLab",
                       NULL);
}

static void
ftl_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (ftl_window_new (FTL_APPLICATION (app)));
  gtk_window_present (window);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Fine-Tune Lab team"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Fine-Tune Lab"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Fine-tune a real language model on your own computer and see what fine-tuning does."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://github.com/finetunelab/FineTuneLab",
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWidget *preferences = ftl_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows lets each one ask about a running job first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "quit", quit_activated },
};

static void
ftl_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.start", { "<Control>Return", NULL } },
    { "win.cancel", { "Escape", NULL } },
    { "win.select-data", { "<Control>o", NULL } },
  };

  G_APPLICATION_CLASS (ftl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static void
ftl_application_class_init (FtlApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = ftl_application_activate;
  app_class->startup = ftl_application_startup;
}

static void
ftl_application_init (FtlApplication *self)
{
}
