/* ftl-token-popover.c — before / after for one token of a chat reply.
 *
 * A worker thread loads the two model files (or finds them loaded), renders
 * the conversation up to the token with each model's own tokenizer
 * (ftl_inspect_reply_context()) and reads off each model's next-token
 * distribution (ftl_inspect_next_tokens()). The popover never blocks the
 * main loop; closed early, its task is cancelled and its answer dropped.
 */
#include "ftl-token-popover.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ftl-inspect.h"
#include "ftl-model-file.h"
#include "ftl-runtime.h"

#define TOP_K 5

/* ---- the models, loaded once ------------------------------------------------------------ */

typedef struct
{
  char         *path;
  gint64        mtime;   /* a file written anew is read anew */
  gint64        used;
  FtlModel     *model;
  FtlTokenizer *tokenizer;
  char         *name;
} Loaded;

/* Two slots: the base model and the one compared with it. Guarded by
 * cache_lock, held for the whole computation: one model runs one
 * forward at a time. */
static GMutex cache_lock;
static Loaded cache[2];

static void
loaded_clear (Loaded *l)
{
  g_clear_pointer (&l->path, g_free);
  g_clear_pointer (&l->model, ftl_model_free);
  g_clear_pointer (&l->tokenizer, ftl_tokenizer_free);
  g_clear_pointer (&l->name, g_free);
}

static Loaded *
cache_get (const char  *path,
           GError     **error)
{
  GStatBuf st;
  Loaded *slot = &cache[0];
  FtlModelFileInfo info = { 0 };

  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                   _("The model file %s is gone"), path);
      return NULL;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (cache); i++)
    {
      if (cache[i].path != NULL && g_str_equal (cache[i].path, path) && cache[i].mtime == st.st_mtime)
        {
          cache[i].used = g_get_monotonic_time ();
          return &cache[i];
        }
      if (cache[i].used < slot->used)
        slot = &cache[i];
    }

  loaded_clear (slot);
  slot->model = ftl_model_file_load (path, &slot->tokenizer, &info, error);
  if (slot->model == NULL)
    return NULL;
  slot->path = g_strdup (path);
  slot->mtime = st.st_mtime;
  slot->used = g_get_monotonic_time ();
  slot->name = g_steal_pointer (&info.name);
  ftl_model_file_info_clear (&info);
  return slot;
}

/* ---- the question and the answer -------------------------------------------------------- */

typedef struct
{
  char    *paths[2];
  int      n_paths;
  GArray  *messages;  /* FtlChatMessage, contents owned */
  char    *reply;
  gsize    offset;
} Question;

static void
question_free (Question *q)
{
  for (int i = 0; i < q->n_paths; i++)
    g_free (q->paths[i]);
  for (guint i = 0; i < q->messages->len; i++)
    g_free ((char *) g_array_index (q->messages, FtlChatMessage, i).content);
  g_array_unref (q->messages);
  g_free (q->reply);
  g_free (q);
}

typedef struct
{
  char  *name;
  int    n;
  char  *tokens[TOP_K];
  float  probabilities[TOP_K];
  char  *target;
  float  target_probability;
} Column;

typedef struct
{
  Column  columns[2];
  int     n_columns;
  char   *context;  /* the end of what the models read */
} Answer;

static void
answer_free (Answer *a)
{
  for (int c = 0; c < a->n_columns; c++)
    {
      g_free (a->columns[c].name);
      for (int k = 0; k < a->columns[c].n; k++)
        g_free (a->columns[c].tokens[k]);
      g_free (a->columns[c].target);
    }
  g_free (a->context);
  g_free (a);
}

static void
ask (GTask        *task,
     gpointer      source,
     gpointer      task_data,
     GCancellable *cancellable)
{
  Question *q = task_data;
  Answer *a = g_new0 (Answer, 1);
  GError *error = NULL;

  /* The thread count the user chose, as every engine thread. */
  ftl_runtime_use_threads ();
  g_mutex_lock (&cache_lock);
  for (int i = 0; i < q->n_paths && error == NULL; i++)
    {
      Loaded *l = cache_get (q->paths[i], &error);
      Column *c = &a->columns[i];
      int ids[TOP_K], target;

      if (l == NULL || g_cancellable_set_error_if_cancelled (cancellable, &error))
        break;
      g_autoptr(GArray) context = ftl_inspect_reply_context (l->tokenizer, (const FtlChatMessage *) q->messages->data,
                                                             q->messages->len, q->reply, q->offset,
                                                             ftl_model_get_config (l->model)->context_length,
                                                             &target);
      c->name = g_strdup (l->name);
      c->n = ftl_inspect_next_tokens (l->model, (const int *) context->data, context->len, TOP_K, ids,
                                      c->probabilities, target, &c->target_probability);
      for (int k = 0; k < c->n; k++)
        c->tokens[k] = ftl_inspect_token_text (l->tokenizer, ids[k]);
      c->target = ftl_inspect_token_text (l->tokenizer, target);
      a->n_columns++;
      if (i == 0)
        {
          /* The last few tokens read, as a reminder of where this is. */
          guint tail = MIN (context->len, 16);
          g_autofree char *bytes = ftl_tokenizer_decode (l->tokenizer, (const int *) context->data + context->len - tail,
                                                         tail, NULL);

          a->context = g_utf8_make_valid (bytes, -1);
        }
    }
  g_mutex_unlock (&cache_lock);

  if (error != NULL)
    {
      answer_free (a);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, a, (GDestroyNotify) answer_free);
}

/* ---- the popover ------------------------------------------------------------------------ */

struct _FtlTokenPopover
{
  GtkPopover    parent_instance;

  GCancellable *cancellable;
  gboolean      ready;

  GtkLabel     *context_label;
  GtkStack     *stack;
  GtkLabel     *error_label;
  GtkWidget    *columns_box;
};

G_DEFINE_FINAL_TYPE (FtlTokenPopover, ftl_token_popover, GTK_TYPE_POPOVER)

/* A token on its own: its spaces and line breaks made visible. */
static char *
show_token (const char *text)
{
  GString *s = g_string_new ("‘");

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      g_string_append (s, "⏎");
    else
      g_string_append_c (s, *p);
  g_string_append (s, "’");
  return g_string_free (s, FALSE);
}

static char *
percent (float p)
{
  return g_strdup_printf (p >= 0.001f ? _("%.1f %%") : _("%.2g %%"), 100.0 * p);
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
column_widget (const Column *c,
               gboolean      base)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *heading = label_new (base ? _("Base model") : _("Fine-tuned model"), "caption-heading");
  GtkWidget *name = label_new (c->name, "caption");
  g_autofree char *target = show_token (c->target);
  g_autofree char *target_p = percent (c->target_probability);
  /* Translators: the token the reply has at this point, and its probability. */
  g_autofree char *target_text = g_strdup_printf (_("The reply’s token %s: %s"), target, target_p);

  gtk_widget_set_name (box, base ? "token-column-base" : "token-column-tuned");
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 28);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_tooltip_text (name, c->name);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), name);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  for (int k = 0; k < c->n; k++)
    {
      g_autofree char *token = show_token (c->tokens[k]);
      g_autofree char *p = percent (c->probabilities[k]);
      GtkWidget *token_label = label_new (token, "monospace");
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);
      GtkWidget *p_label = label_new (p, "numeric");

      if (g_str_equal (c->tokens[k], c->target))
        gtk_widget_add_css_class (token_label, "heading");
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), c->probabilities[k]);
      gtk_widget_set_size_request (bar, 64, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, token, -1);
      gtk_label_set_xalign (GTK_LABEL (p_label), 1);
      gtk_grid_attach (GTK_GRID (grid), token_label, 0, k, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), bar, 1, k, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), p_label, 2, k, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  gtk_box_append (GTK_BOX (box), label_new (target_text, "caption"));
  return box;
}

static void
answered (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(FtlTokenPopover) self = user_data;
  g_autoptr(GError) error = NULL;
  Answer *a = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->ready = TRUE;
  if (a == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      g_autofree char *context = show_token (a->context);

      gtk_label_set_text (self->context_label, context);
      for (int c = 0; c < a->n_columns; c++)
        gtk_box_append (GTK_BOX (self->columns_box), column_widget (&a->columns[c], c == 0));
      gtk_stack_set_visible_child_name (self->stack, "result");
      answer_free (a);
    }
  /* Grown from the spinner: its parent (any widget) will not size it anew. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_present (GTK_POPOVER (self));
}

static void
ftl_token_popover_dispose (GObject *object)
{
  FtlTokenPopover *self = FTL_TOKEN_POPOVER (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_TOKEN_POPOVER);
  G_OBJECT_CLASS (ftl_token_popover_parent_class)->dispose (object);
}

static void
ftl_token_popover_finalize (GObject *object)
{
  FtlTokenPopover *self = FTL_TOKEN_POPOVER (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (ftl_token_popover_parent_class)->finalize (object);
}

static void
ftl_token_popover_class_init (FtlTokenPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_token_popover_dispose;
  object_class->finalize = ftl_token_popover_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-token-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlTokenPopover, context_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTokenPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, FtlTokenPopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, FtlTokenPopover, columns_box);
}

static void
ftl_token_popover_init (FtlTokenPopover *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ftl_token_popover_new (const char           *base_path,
                       const char           *tuned_path,
                       const FtlChatMessage *messages,
                       int                   n_messages,
                       const char           *reply,
                       gsize                 offset)
{
  FtlTokenPopover *self;
  Question *q;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (base_path != NULL && tuned_path != NULL && reply != NULL, NULL);

  self = g_object_new (FTL_TYPE_TOKEN_POPOVER, NULL);
  q = g_new0 (Question, 1);
  q->paths[q->n_paths++] = g_strdup (base_path);
  if (!g_str_equal (base_path, tuned_path))
    q->paths[q->n_paths++] = g_strdup (tuned_path);
  q->messages = g_array_new (FALSE, FALSE, sizeof (FtlChatMessage));
  for (int i = 0; i < n_messages; i++)
    {
      FtlChatMessage m = messages[i];

      m.content = g_strdup (m.content);
      g_array_append_val (q->messages, m);
    }
  q->reply = g_strdup (reply);
  q->offset = offset;

  task = g_task_new (NULL, self->cancellable, answered, g_object_ref (self));
  g_task_set_task_data (task, q, (GDestroyNotify) question_free);
  g_task_set_name (task, "[ftl] token before/after");
  g_task_run_in_thread (task, ask);
  return GTK_WIDGET (self);
}

gboolean
ftl_token_popover_get_ready (FtlTokenPopover *self)
{
  g_return_val_if_fail (FTL_IS_TOKEN_POPOVER (self), FALSE);
  return self->ready;
}
