/* ftl-dataset-file.c — a training file as the repository lists it: its path,
 * the name people see, whether it is a read-only sample, and when it changed. */
#include "ftl-dataset-file.h"

#include <string.h>

struct _FtlDatasetFile
{
  GObject    parent_instance;
  char      *path;
  char      *name;
  char      *sort_key;  /* collation key of the case-folded name */
  GDateTime *modified;
  gboolean   builtin;
};

G_DEFINE_FINAL_TYPE (FtlDatasetFile, ftl_dataset_file, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PATH,
  PROP_BUILTIN,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ftl_dataset_file_finalize (GObject *object)
{
  FtlDatasetFile *self = FTL_DATASET_FILE (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->sort_key, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (ftl_dataset_file_parent_class)->finalize (object);
}

static void
ftl_dataset_file_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlDatasetFile *self = FTL_DATASET_FILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_dataset_file_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FtlDatasetFile *self = FTL_DATASET_FILE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      ftl_dataset_file_set_path (self, g_value_get_string (value));
      break;

    case PROP_BUILTIN:
      self->builtin = g_value_get_boolean (value);
      break;

    case PROP_MODIFIED:
      ftl_dataset_file_set_modified (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_dataset_file_class_init (FtlDatasetFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ftl_dataset_file_finalize;
  object_class->get_property = ftl_dataset_file_get_property;
  object_class->set_property = ftl_dataset_file_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boxed ("modified", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ftl_dataset_file_init (FtlDatasetFile *self)
{
}

FtlDatasetFile *
ftl_dataset_file_new (const char *path,
                      gboolean    builtin,
                      GDateTime  *modified)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (FTL_TYPE_DATASET_FILE,
                       "path", path,
                       "builtin", builtin,
                       "modified", modified,
                       NULL);
}

const char *
ftl_dataset_file_get_name (FtlDatasetFile *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_FILE (self), NULL);
  return self->name;
}

const char *
ftl_dataset_file_get_path (FtlDatasetFile *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_FILE (self), NULL);
  return self->path;
}

gboolean
ftl_dataset_file_get_builtin (FtlDatasetFile *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_FILE (self), FALSE);
  return self->builtin;
}

GDateTime *
ftl_dataset_file_get_modified (FtlDatasetFile *self)
{
  g_return_val_if_fail (FTL_IS_DATASET_FILE (self), NULL);
  return self->modified;
}

int
ftl_dataset_file_compare (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  FtlDatasetFile *file_a = (FtlDatasetFile *) a;
  FtlDatasetFile *file_b = (FtlDatasetFile *) b;

  if (file_a->builtin != file_b->builtin)
    return file_a->builtin ? -1 : 1;

  int order = strcmp (file_a->sort_key, file_b->sort_key);
  if (order != 0)
    return order;

  /* Names equal but for case: keep the order stable all the same. */
  return strcmp (file_a->name, file_b->name);
}

void
ftl_dataset_file_set_path (FtlDatasetFile *self,
                           const char     *path)
{
  g_return_if_fail (FTL_IS_DATASET_FILE (self));

  if (path == NULL || g_strcmp0 (path, self->path) == 0)
    return;

  g_free (self->path);
  self->path = g_strdup (path);

  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (basename);
  if (g_str_has_suffix (display, ".jsonl"))
    display[strlen (display) - strlen (".jsonl")] = '\0';

  g_autofree char *folded = g_utf8_casefold (display, -1);
  g_free (self->sort_key);
  self->sort_key = g_utf8_collate_key (folded, -1);
  g_free (self->name);
  self->name = g_steal_pointer (&display);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

void
ftl_dataset_file_set_modified (FtlDatasetFile *self,
                               GDateTime      *modified)
{
  g_return_if_fail (FTL_IS_DATASET_FILE (self));

  if (modified == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      ftl_dataset_file_set_modified (self, now);
      return;
    }

  if (self->modified != NULL && g_date_time_equal (self->modified, modified))
    return;

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = g_date_time_ref (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}
