/* ftl-application.c — app-wide actions, shortcuts and the main window. */
#include "ftl-application.h"

#include <glib/gi18n.h>

#include "ftl-preferences-window.h"
#include "ftl-warmup-window.h"
#include "ftl-window.h"

struct _FtlApplication
{
  AdwApplication parent_instance;

  gboolean       hyperparameters_locked;  /* --lock-hyperparameters */
  GtkWindow     *warmup_window;           /* weak; one is enough */
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
  /* The engine's shape and file format come from these projects. */
  const char *acknowledgements[] = {
    "llama.cpp https://github.com/ggml-org/llama.cpp",
    "llm.c https://github.com/karpathy/llm.c",
    "OpenBLAS https://www.openblas.net",
    NULL
  };
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (adw_about_window_new ());

  g_object_set (about,
                "application-name", _("Fine-Tune Lab"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "comments", _("Fine-tune a real language model on your own computer and see what fine-tuning does."),
                "developer-name", _("The Fine-Tune Lab team"),
                "developers", developers,
                "copyright", _("© 2026 The Fine-Tune Lab team"),
                /* GPL_3_0 is "version 3 or later" (GPL_3_0_ONLY is not). */
                "license-type", GTK_LICENSE_GPL_3_0,
                "website", "https://github.com/finetunelab/FineTuneLab",
                "issue-url", "https://github.com/finetunelab/FineTuneLab/issues",
                NULL);
  /* Students ask whose model they are tuning: no one else's. */
  adw_about_window_add_legal_section (about, _("Built-in base model"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Trained from scratch by Fine-Tune Lab itself, with its own engine, on a corpus "
                                        "the project generated (data/corpus/). No third-party weights or text."));
  adw_about_window_add_acknowledgement_section (about, NULL, acknowledgements);
  gtk_window_set_transient_for (GTK_WINDOW (about), gtk_application_get_active_window (app));
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  gtk_window_present (GTK_WINDOW (about));
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

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* A copy holding references: closing a window can remove it (and a window
   * transient for it) from the application's list while we walk it. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (app), ref_window, NULL);

  /* Closing the windows lets each one ask about a running job first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
}

/* The one-neuron warm-up, beside the lesson window; shown again if open. */
static void
warmup_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  FtlApplication *self = user_data;

  if (self->warmup_window == NULL)
    {
      GtkWindow *window = GTK_WINDOW (ftl_warmup_window_new (gtk_application_get_active_window (GTK_APPLICATION (self))));

      gtk_window_set_application (window, GTK_APPLICATION (self));
      g_set_weak_pointer (&self->warmup_window, window);
    }
  gtk_window_present (self->warmup_window);
}

static const GActionEntry app_actions[] = {
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "quit", quit_activated },
  { "warmup", warmup_activated },
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
    { "win.new-file", { "<Control>n", NULL } },
    { "win.focus-step(1)", { "<Alt>1", NULL } },
    { "win.focus-step(2)", { "<Alt>2", NULL } },
    { "win.focus-step(3)", { "<Alt>3", NULL } },
    /* The warm-up comes before the lesson, as help would. */
    { "app.warmup", { "F1", NULL } },
  };

  G_APPLICATION_CLASS (ftl_application_parent_class)->startup (app);
  /* Windows show the app's icon where the desktop file is not known (X11, uninstalled). */
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

/* --lock-hyperparameters locks for this session only: the GSettings key
 * stays as it is. */
static int
ftl_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  FtlApplication *self = FTL_APPLICATION (app);

  if (g_variant_dict_contains (options, "lock-hyperparameters"))
    self->hyperparameters_locked = TRUE;
  return -1;
}

static void
ftl_application_dispose (GObject *object)
{
  FtlApplication *self = FTL_APPLICATION (object);

  g_clear_weak_pointer (&self->warmup_window);
  G_OBJECT_CLASS (ftl_application_parent_class)->dispose (object);
}

static void
ftl_application_class_init (FtlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ftl_application_dispose;
  app_class->activate = ftl_application_activate;
  app_class->startup = ftl_application_startup;
  app_class->handle_local_options = ftl_application_handle_local_options;
}

static void
ftl_application_init (FtlApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "lock-hyperparameters", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _("Lock the hyperparameters for this session, as the instructor’s "
                                   "hyperparameters-locked setting does"), NULL);
}

gboolean
ftl_application_get_hyperparameters_locked (FtlApplication *self)
{
  g_return_val_if_fail (FTL_IS_APPLICATION (self), FALSE);
  return self->hyperparameters_locked;
}
