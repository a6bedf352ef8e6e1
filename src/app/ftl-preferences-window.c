/* ftl-preferences-window.c — the preferences window. Every control is bound
 * to its GSettings key, so the window and the app follow each other both
 * ways without any saving step. */
#include "ftl-preferences-window.h"

#include <glib/gi18n.h>

struct _FtlPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings      *settings;

  AdwActionRow   *threads_row;
  GtkSpinButton  *threads_spin;
  GtkSpinButton  *temperature_spin;
  GtkSpinButton  *top_p_spin;
  GtkSpinButton  *max_tokens_spin;
};

G_DEFINE_FINAL_TYPE (FtlPreferencesWindow, ftl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

GtkWidget *
ftl_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (FTL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       NULL);
}

/* 0 is not a count a student can read: show it as a word. */
static gboolean
threads_output (GtkSpinButton *spin,
                gpointer       user_data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  text = value == 0 ? g_strdup (_("Automatic")) : g_strdup_printf ("%d", value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* The reverse of threads_output, so typing over "Automatic" works and the
 * word itself reads back as 0. */
static int
threads_input (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  char *end = NULL;
  double value;

  if (g_strcmp0 (text, _("Automatic")) == 0)
    {
      *new_value = 0;
      return TRUE;
    }
  value = g_strtod (text, &end);
  if (end == text || *end != '\0')
    return GTK_INPUT_ERROR;
  *new_value = value;
  return TRUE;
}

static void
update_threads_subtitle (FtlPreferencesWindow *self)
{
  g_autofree char *subtitle = NULL;

  if (gtk_spin_button_get_value_as_int (self->threads_spin) == 0)
    subtitle = g_strdup_printf (_("One per core: %u"), g_get_num_processors ());
  adw_action_row_set_subtitle (self->threads_row, subtitle != NULL ? subtitle : "");
}

static void
ftl_preferences_window_dispose (GObject *object)
{
  FtlPreferencesWindow *self = FTL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ftl_preferences_window_parent_class)->dispose (object);
}

static void
ftl_preferences_window_class_init (FtlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlPreferencesWindow, threads_row);
  gtk_widget_class_bind_template_child (widget_class, FtlPreferencesWindow, threads_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlPreferencesWindow, temperature_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlPreferencesWindow, top_p_spin);
  gtk_widget_class_bind_template_child (widget_class, FtlPreferencesWindow, max_tokens_spin);
  gtk_widget_class_bind_template_callback (widget_class, threads_output);
  gtk_widget_class_bind_template_callback (widget_class, threads_input);
}

static void
ftl_preferences_window_init (FtlPreferencesWindow *self)
{
  static const struct { const char *key; gsize offset; } bindings[] = {
    { "threads", G_STRUCT_OFFSET (FtlPreferencesWindow, threads_spin) },
    { "temperature", G_STRUCT_OFFSET (FtlPreferencesWindow, temperature_spin) },
    { "top-p", G_STRUCT_OFFSET (FtlPreferencesWindow, top_p_spin) },
    { "max-tokens", G_STRUCT_OFFSET (FtlPreferencesWindow, max_tokens_spin) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  for (gsize i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i].key,
                     G_STRUCT_MEMBER (GtkSpinButton *, self, bindings[i].offset), "value",
                     G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_swapped (self->threads_spin, "value-changed", G_CALLBACK (update_threads_subtitle), self);
  update_threads_subtitle (self);
}
