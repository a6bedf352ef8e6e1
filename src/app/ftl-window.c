/* ftl-window.c — the lesson window. Each column holds one step of the
 * lesson; the window remembers its size. */
#include "ftl-window.h"

#include <glib/gi18n.h>

struct _FtlWindow
{
  AdwApplicationWindow parent_instance;

  GSettings           *settings;

  AdwToastOverlay     *toast_overlay;
  GtkBox              *data_column;
  GtkBox              *training_column;
  GtkBox              *chat_column;
};

G_DEFINE_FINAL_TYPE (FtlWindow, ftl_window, ADW_TYPE_APPLICATION_WINDOW)

FtlWindow *
ftl_window_new (FtlApplication *application)
{
  return g_object_new (FTL_TYPE_WINDOW, "application", application, NULL);
}

static void
ftl_window_dispose (GObject *object)
{
  FtlWindow *self = FTL_WINDOW (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (ftl_window_parent_class)->dispose (object);
}

static void
ftl_window_class_init (FtlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/finetunelab/FineTuneLab/ui/ftl-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, data_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, training_column);
  gtk_widget_class_bind_template_child (widget_class, FtlWindow, chat_column);
}

static void
ftl_window_init (FtlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The size is remembered; the maximized state too, so a projector setup
   * comes back as it was. */
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}
