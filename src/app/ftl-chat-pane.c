/* ftl-chat-pane.c — the chat pane: a model picker, a conversation of message
 * bubbles streamed from an FtlChatSession, and in Compare mode a second
 * column answered by the base model from a session of its own. */
#include "ftl-chat-pane.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ftl-token-popover.h"

/* ---- FtlChatModelItem ---------------------------------------------------- */

struct _FtlChatModelItem
{
  GObject  parent_instance;
  char    *name;
  char    *path;
  char    *kind;
};

G_DEFINE_FINAL_TYPE (FtlChatModelItem, ftl_chat_model_item, G_TYPE_OBJECT)

enum {
  ITEM_PROP_0,
  ITEM_PROP_NAME,
  ITEM_PROP_PATH,
  ITEM_PROP_KIND,
  N_ITEM_PROPS
};

static GParamSpec *item_properties[N_ITEM_PROPS];

static void
ftl_chat_model_item_finalize (GObject *object)
{
  FtlChatModelItem *self = FTL_CHAT_MODEL_ITEM (object);

  g_free (self->name);
  g_free (self->path);
  g_free (self->kind);
  G_OBJECT_CLASS (ftl_chat_model_item_parent_class)->finalize (object);
}

static void
ftl_chat_model_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FtlChatModelItem *self = FTL_CHAT_MODEL_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ITEM_PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case ITEM_PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_model_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FtlChatModelItem *self = FTL_CHAT_MODEL_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case ITEM_PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case ITEM_PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_model_item_class_init (FtlChatModelItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ftl_chat_model_item_finalize;
  object_class->get_property = ftl_chat_model_item_get_property;
  object_class->set_property = ftl_chat_model_item_set_property;

  item_properties[ITEM_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* "base", "tuned" or "checkpoint". */
  item_properties[ITEM_PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "tuned",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_properties);
}

static void
ftl_chat_model_item_init (FtlChatModelItem *self)
{
}

FtlChatModelItem *
ftl_chat_model_item_new (const char *name,
                         const char *path,
                         const char *kind)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (FTL_TYPE_CHAT_MODEL_ITEM, "name", name, "path", path, "kind", kind, NULL);
}

const char *
ftl_chat_model_item_get_name (FtlChatModelItem *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_MODEL_ITEM (self), NULL);
  return self->name;
}

const char *
ftl_chat_model_item_get_path (FtlChatModelItem *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_MODEL_ITEM (self), NULL);
  return self->path;
}

const char *
ftl_chat_model_item_get_kind (FtlChatModelItem *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_MODEL_ITEM (self), NULL);
  return self->kind;
}

static const char *
kind_to_label (const char *kind)
{
  if (g_strcmp0 (kind, "base") == 0)
    return _("Base model");
  if (g_strcmp0 (kind, "checkpoint") == 0)
    return _("Checkpoint");
  return _("Fine-tuned");
}

/* ---- a column of the conversation ---------------------------------------- */

typedef struct _Column Column;

struct _FtlChatPane
{
  GtkWidget      parent_instance;

  GtkWidget     *content;     /* bound so that dispose_template() unparents it */
  GtkDropDown   *model_dropdown;
  GtkEntry      *system_entry;
  GtkWidget     *columns_box;
  GtkEntry      *prompt_entry;
  GtkButton     *send_button;
  GtkAdjustment *temperature_adjustment;
  GtkAdjustment *top_p_adjustment;
  GtkAdjustment *max_tokens_adjustment;

  GListModel    *models;
  Column        *columns[2];  /* left to right: the base model's (Compare only), the selected one's */
  gboolean       compare;
  gboolean       busy;
};

enum {
  COLUMN_BASE,
  COLUMN_SELECTED,
};

struct _Column
{
  FtlChatPane    *pane;
  FtlChatSession *session;     /* NULL without a model */
  char           *model_name;  /* the item's name, as people know it */

  GtkWidget      *box;
  GtkWidget      *header;
  GtkWidget      *title;
  GtkWidget      *subtitle;
  GtkWidget      *stack;
  GtkWidget      *status;
  GtkWidget      *list;
  GtkWidget      *note;
  GtkAdjustment  *vadjustment;
  gboolean        follow;      /* keep the newest text in view */

  /* Where the pointer went down on a reply, for before / after. */
  double          press_x, press_y;

  /* The reply being streamed, until "finished". */
  GtkWidget      *reply_label;
  GtkWidget      *reply_caption;
  GtkWidget      *reply_spinner;
  GString        *reply_text;
};

static void update_state (FtlChatPane *self);
static gboolean on_reply_event (GtkEventControllerLegacy *controller,
                                GdkEvent                 *event,
                                Column                   *c);

static void
on_vadjustment_changed (GtkAdjustment *adjustment,
                        Column        *c)
{
  if (c->follow)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

/* Scrolling up to reread stops the view from following the reply; scrolling
 * back to the end resumes it. */
static void
on_vadjustment_value_changed (GtkAdjustment *adjustment,
                              Column        *c)
{
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  c->follow = gtk_adjustment_get_value (adjustment) >= bottom - 1.0;
}

static Column *
column_new (FtlChatPane *pane)
{
  Column *c = g_new0 (Column, 1);
  GtkWidget *scroller;

  c->pane = pane;
  c->follow = TRUE;
  c->reply_text = g_string_new (NULL);

  c->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (c->box, "card");
  gtk_widget_add_css_class (c->box, "chat-column");
  /* Keeps the scrolled content inside the card's rounded corners. */
  gtk_widget_set_overflow (c->box, GTK_OVERFLOW_HIDDEN);

  c->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  c->title = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (c->title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (c->title, "heading");
  gtk_widget_set_margin_top (c->title, 6);
  c->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (c->subtitle, "caption");
  gtk_widget_add_css_class (c->subtitle, "dim-label");
  gtk_widget_set_margin_bottom (c->subtitle, 6);
  gtk_box_append (GTK_BOX (c->header), c->title);
  gtk_box_append (GTK_BOX (c->header), c->subtitle);
  gtk_box_append (GTK_BOX (c->header), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_widget_set_visible (c->header, FALSE);
  gtk_box_append (GTK_BOX (c->box), c->header);

  c->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (c->status), "chat-message-new-symbolic");
  gtk_widget_add_css_class (c->status, "compact");

  c->list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (c->list, 12);
  gtk_widget_set_margin_bottom (c->list, 12);
  gtk_widget_set_margin_start (c->list, 12);
  gtk_widget_set_margin_end (c->list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Conversation"), -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), c->list);
  c->vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_signal_connect (c->vadjustment, "changed", G_CALLBACK (on_vadjustment_changed), c);
  g_signal_connect (c->vadjustment, "value-changed", G_CALLBACK (on_vadjustment_value_changed), c);

  c->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (c->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (c->stack), c->status, "empty");
  gtk_stack_add_named (GTK_STACK (c->stack), scroller, "messages");
  gtk_box_append (GTK_BOX (c->box), c->stack);

  c->note = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (c->note), TRUE);
  gtk_label_set_justify (GTK_LABEL (c->note), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (c->note, 6);
  gtk_widget_set_margin_bottom (c->note, 6);
  gtk_widget_set_margin_start (c->note, 12);
  gtk_widget_set_margin_end (c->note, 12);
  gtk_widget_add_css_class (c->note, "chat-note");
  gtk_widget_add_css_class (c->note, "caption");
  gtk_widget_add_css_class (c->note, "dim-label");
  gtk_widget_set_visible (c->note, FALSE);
  gtk_box_append (GTK_BOX (c->box), c->note);

  gtk_box_append (GTK_BOX (pane->columns_box), c->box);
  return c;
}

static void
column_drop_session (Column *c)
{
  if (c->session == NULL)
    return;
  g_signal_handlers_disconnect_by_data (c->session, c);
  g_clear_object (&c->session);
}

static void
column_free (Column *c)
{
  g_signal_handlers_disconnect_by_data (c->vadjustment, c);
  column_drop_session (c);
  g_free (c->model_name);
  g_string_free (c->reply_text, TRUE);
  g_free (c);
}

/* Forgets the reply being streamed, if any: its bubble stays as it is. */
static void
column_end_reply (Column *c)
{
  if (c->reply_spinner != NULL)
    gtk_widget_set_visible (c->reply_spinner, FALSE);
  c->reply_label = NULL;
  c->reply_caption = NULL;
  c->reply_spinner = NULL;
  g_string_truncate (c->reply_text, 0);
}

static void
column_clear (Column *c)
{
  GtkWidget *child;

  column_end_reply (c);
  while ((child = gtk_widget_get_first_child (c->list)) != NULL)
    gtk_box_remove (GTK_BOX (c->list), child);
  gtk_stack_set_visible_child_name (GTK_STACK (c->stack), "empty");
  gtk_widget_set_visible (c->note, FALSE);
  c->follow = TRUE;
  if (c->session != NULL)
    ftl_chat_session_clear (c->session);
}

/* One message: user messages on the right, the model's on the left under a
 * dim caption naming it. */
static void
column_add_message (Column      *c,
                    FtlRole      role,
                    const char  *text)
{
  gboolean user = role == FTL_ROLE_USER;
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *bubble = gtk_label_new (text);

  gtk_widget_add_css_class (row, "chat-message");
  gtk_widget_add_css_class (row, user ? "user" : "assistant");
  gtk_widget_set_halign (row, user ? GTK_ALIGN_END : GTK_ALIGN_START);
  /* The opposite side stays free, so who said what reads at a glance. */
  if (user)
    gtk_widget_set_margin_start (row, 24);
  else
    gtk_widget_set_margin_end (row, 24);

  if (!user)
    {
      GtkWidget *caption_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *caption = gtk_label_new (c->model_name);
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_xalign (GTK_LABEL (caption), 0.f);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_widget_set_tooltip_text (spinner, _("Writing…"));
      gtk_box_append (GTK_BOX (caption_row), caption);
      gtk_box_append (GTK_BOX (caption_row), spinner);
      gtk_box_append (GTK_BOX (row), caption_row);
      c->reply_caption = caption;
      c->reply_spinner = spinner;
      c->reply_label = bubble;

      /* Sees the clicks the selectable label itself claims. */
      GtkEventController *clicks = gtk_event_controller_legacy_new ();
      gtk_event_controller_set_propagation_phase (clicks, GTK_PHASE_CAPTURE);
      g_signal_connect (clicks, "event", G_CALLBACK (on_reply_event), c);
      gtk_widget_add_controller (bubble, clicks);
      gtk_widget_set_tooltip_text (bubble, _("Click a word to see what the base and the fine-tuned model expected there"));
      /* Until the first words, the spinner says the model is at work. */
      gtk_widget_set_visible (bubble, FALSE);
    }

  gtk_label_set_wrap (GTK_LABEL (bubble), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (bubble), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label's natural width is otherwise a guess that wraps short
   * messages needlessly; this lets a bubble grow to the column's width. */
  gtk_label_set_max_width_chars (GTK_LABEL (bubble), 60);
  gtk_label_set_xalign (GTK_LABEL (bubble), 0.f);
  gtk_label_set_selectable (GTK_LABEL (bubble), TRUE);
  gtk_widget_set_halign (bubble, user ? GTK_ALIGN_END : GTK_ALIGN_START);
  gtk_widget_add_css_class (bubble, "chat-bubble");
  gtk_box_append (GTK_BOX (row), bubble);

  gtk_box_append (GTK_BOX (c->list), row);
  gtk_stack_set_visible_child_name (GTK_STACK (c->stack), "messages");
  /* Whoever sends wants to see the answer. */
  c->follow = TRUE;
}

static void
on_session_token (FtlChatSession *session,
                  const char     *text,
                  Column         *c)
{
  if (c->reply_label == NULL)
    return;
  g_string_append (c->reply_text, text);
  gtk_label_set_text (GTK_LABEL (c->reply_label), c->reply_text->str);
  gtk_widget_set_visible (c->reply_label, TRUE);
}

static void
on_session_finished (FtlChatSession *session,
                     gboolean        stopped_by_user,
                     const char     *error,
                     Column         *c)
{
  int dropped = ftl_chat_session_get_dropped_turns (session);

  /* Cleared while it ran: its bubble is gone already. */
  if (c->reply_label == NULL)
    return;

  if (error != NULL)
    {
      gtk_label_set_text (GTK_LABEL (c->reply_label), error);
      gtk_widget_add_css_class (c->reply_label, "error");
    }
  else if (c->reply_text->len == 0)
    {
      gtk_label_set_text (GTK_LABEL (c->reply_label), _("(no reply)"));
      gtk_widget_add_css_class (c->reply_label, "dim-label");
    }
  else
    /* The bubble's turn in the conversation (1-based), for before / after. */
    g_object_set_data (G_OBJECT (c->reply_label), "ftl-reply-turn",
                       GUINT_TO_POINTER (ftl_chat_session_get_n_turns (session)));
  gtk_widget_set_visible (c->reply_label, TRUE);
  if (stopped_by_user)
    {
      /* Translators: caption of a reply the user stopped; %s is the model's name */
      g_autofree char *caption = g_strdup_printf (_("%s · stopped"), c->model_name);

      gtk_label_set_text (GTK_LABEL (c->reply_caption), caption);
    }
  column_end_reply (c);

  if (dropped > 0)
    {
      /* Turns go in pairs, so dropped is even; gettext wants %d in both forms. */
      g_autofree char *note = g_strdup_printf (ngettext ("The conversation is longer than the model can read: it no longer sees the oldest %d message",
                                                         "The conversation is longer than the model can read: it no longer sees the oldest %d messages",
                                                         dropped),
                                               dropped);

      gtk_label_set_text (GTK_LABEL (c->note), note);
    }
  gtk_widget_set_visible (c->note, dropped > 0);
}

static void
on_session_busy (FtlChatSession *session,
                 GParamSpec     *pspec,
                 Column         *c)
{
  update_state (c->pane);
}

static void
column_update_texts (Column *c)
{
  FtlChatPane *pane = c->pane;
  gboolean base = c == pane->columns[COLUMN_BASE];
  AdwStatusPage *status = ADW_STATUS_PAGE (c->status);

  gtk_widget_set_visible (c->header, pane->compare);
  if (c->session == NULL)
    {
      adw_status_page_set_title (status, base ? _("No Base Model") : _("No Model Yet"));
      adw_status_page_set_description (status, _("Models to chat with appear in the list above"));
    }
  else if (!pane->compare)
    {
      adw_status_page_set_title (status, _("Chat With a Model"));
      adw_status_page_set_description (status, _("Type a message below and press Enter. "
                                                 "Compare puts the base model's reply beside it."));
    }
  else if (base)
    {
      adw_status_page_set_title (status, _("Before Fine-Tuning"));
      adw_status_page_set_description (status, _("The base model answers here"));
    }
  else
    {
      adw_status_page_set_title (status, _("Selected Model"));
      adw_status_page_set_description (status, _("The model you picked answers here"));
    }
}

/* Gives the column a new session for item (NULL: none), unless it already
 * talks to that file. Returns whether the session changed. */
static gboolean
column_set_model (Column           *c,
                  FtlChatModelItem *item)
{
  const char *path = item != NULL ? ftl_chat_model_item_get_path (item) : NULL;

  g_free (c->model_name);
  c->model_name = g_strdup (item != NULL ? ftl_chat_model_item_get_name (item) : NULL);
  gtk_label_set_text (GTK_LABEL (c->title), item != NULL ? c->model_name : "");
  /* The kind says nothing more when it is the name ("Base model"). */
  const char *kind = item != NULL ? kind_to_label (ftl_chat_model_item_get_kind (item)) : "";
  gtk_label_set_text (GTK_LABEL (c->subtitle), kind);
  gtk_widget_set_visible (c->subtitle, g_strcmp0 (kind, c->model_name) != 0);
  if (c->model_name != NULL)
    {
      /* Translators: accessible name of a column of messages; %s is a model's name */
      g_autofree char *label = g_strdup_printf (_("Conversation with %s"), c->model_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (c->list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }

  if (c->session != NULL && g_strcmp0 (path, ftl_chat_session_get_model_path (c->session)) == 0)
    return FALSE;

  column_drop_session (c);
  if (path != NULL)
    {
      c->session = ftl_chat_session_new_for_path (path);
      ftl_chat_session_set_system_message (c->session,
                                           gtk_editable_get_text (GTK_EDITABLE (c->pane->system_entry)));
      g_signal_connect (c->session, "token", G_CALLBACK (on_session_token), c);
      g_signal_connect (c->session, "finished", G_CALLBACK (on_session_finished), c);
      g_signal_connect (c->session, "notify::busy", G_CALLBACK (on_session_busy), c);
    }
  column_clear (c);
  column_update_texts (c);
  return TRUE;
}

static void
column_send (Column                  *c,
             const char              *text,
             const FtlSamplingParams *params)
{
  if (c->session == NULL)
    return;
  column_add_message (c, FTL_ROLE_USER, text);
  column_add_message (c, FTL_ROLE_ASSISTANT, "");
  ftl_chat_session_send (c->session, text, params);
}

/* ---- FtlChatPane --------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (FtlChatPane, ftl_chat_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODELS,
  PROP_BUSY,
  PROP_COMPARE,
  PROP_TEMPERATURE,
  PROP_TOP_P,
  PROP_MAX_TOKENS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The first model of kind "base" (a new reference), or NULL. */
static FtlChatModelItem *
find_base_model (FtlChatPane *self)
{
  guint n = self->models != NULL ? g_list_model_get_n_items (self->models) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FtlChatModelItem) item = g_list_model_get_item (self->models, i);

      if (g_strcmp0 (ftl_chat_model_item_get_kind (item), "base") == 0)
        return g_steal_pointer (&item);
    }
  return NULL;
}

/* ---- before / after ---------------------------------------------------------- */

static void
unparent_popover (gpointer data)
{
  gtk_widget_unparent (data);
  g_object_unref (data);
}

static void
on_token_popover_closed (GtkPopover *popover)
{
  /* Not while it is still closing. */
  g_idle_add_once (unparent_popover, g_object_ref (popover));
}

/* What the base model and the model in the selected column expected at the
 * reply's character under (x, y), given the conversation before the reply. */
static void
show_token_popover (Column    *c,
                    GtkWidget *label,
                    double     x,
                    double     y)
{
  guint turn = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (label), "ftl-reply-turn"));
  Column *selected = c->pane->columns[COLUMN_SELECTED];
  g_autoptr(FtlChatModelItem) base = find_base_model (c->pane);
  g_autoptr(GArray) messages = g_array_new (FALSE, FALSE, sizeof (FtlChatMessage));
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  const char *system;
  const char *tuned_path;
  PangoRectangle pos;
  GtkWidget *popover;
  int lx, ly, index, trailing;

  if (turn == 0 || c->session == NULL)
    return;
  gtk_label_get_layout_offsets (GTK_LABEL (label), &lx, &ly);
  if (!pango_layout_xy_to_index (layout, (int) ((x - lx) * PANGO_SCALE), (int) ((y - ly) * PANGO_SCALE),
                                 &index, &trailing))
    return;

  system = ftl_chat_session_get_system_message (c->session);
  if (system != NULL && *system != '\0')
    g_array_append_val (messages, ((FtlChatMessage) { FTL_ROLE_SYSTEM, system, 1.f }));
  for (guint i = 0; i + 1 < turn; i++)
    {
      FtlChatMessage m = { .weight = 1.f };

      m.content = ftl_chat_session_get_turn (c->session, i, &m.role);
      g_array_append_val (messages, m);
    }
  tuned_path = ftl_chat_session_get_model_path (selected != NULL && selected->session != NULL
                                                ? selected->session : c->session);
  popover = ftl_token_popover_new (base != NULL ? ftl_chat_model_item_get_path (base) : tuned_path,
                                   tuned_path, (const FtlChatMessage *) messages->data, messages->len,
                                   gtk_label_get_text (GTK_LABEL (label)), index);
  pango_layout_index_to_pos (layout, index, &pos);
  gtk_widget_set_parent (popover, label);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                               &(GdkRectangle) { lx + PANGO_PIXELS (pos.x), ly + PANGO_PIXELS (pos.y),
                                                 MAX (1, PANGO_PIXELS (pos.width)), PANGO_PIXELS (pos.height) });
  g_signal_connect (popover, "closed", G_CALLBACK (on_token_popover_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A click is a press and a release in the same place with nothing selected:
 * a drag selects text, as in any label. */
static gboolean
on_reply_event (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                Column                   *c)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GdkEventType type = gdk_event_get_event_type (event);
  GtkNative *native = gtk_widget_get_native (label);
  double sx, sy, nx, ny, x, y;
  int start, end;

  if ((type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE) ||
      gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY ||
      native == NULL || !gdk_event_get_position (event, &sx, &sy))
    return GDK_EVENT_PROPAGATE;
  gtk_native_get_surface_transform (native, &nx, &ny);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (native), label, sx - nx, sy - ny, &x, &y))
    return GDK_EVENT_PROPAGATE;

  if (type == GDK_BUTTON_PRESS)
    {
      c->press_x = x;
      c->press_y = y;
    }
  else if (fabs (x - c->press_x) < 4 && fabs (y - c->press_y) < 4 &&
           !(gtk_label_get_selection_bounds (GTK_LABEL (label), &start, &end) && start != end))
    show_token_popover (c, label, x, y);
  return GDK_EVENT_PROPAGATE;
}

static gboolean
column_is_active (FtlChatPane *self,
                  Column      *c)
{
  return c == self->columns[COLUMN_SELECTED] || self->compare;
}

/* Everything that follows from whether a reply runs, what is selected and
 * what is typed: the Send/Stop button, the actions, the picker. */
static void
update_state (FtlChatPane *self)
{
  gboolean busy = FALSE, has_messages = FALSE;
  const char *prompt = gtk_editable_get_text (GTK_EDITABLE (self->prompt_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (prompt));

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    {
      Column *c = self->columns[i];

      busy |= c->session != NULL && ftl_chat_session_get_busy (c->session);
      has_messages |= gtk_widget_get_first_child (c->list) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send",
                                 !busy && stripped[0] != '\0'
                                 && self->columns[COLUMN_SELECTED]->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.clear", has_messages);
  g_autoptr(FtlChatModelItem) base = find_base_model (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.compare",
                                 !busy && (self->compare || base != NULL));
  /* Switching models mid-reply would start a new conversation under it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->model_dropdown), !busy);

  if (self->busy == busy)
    return;
  self->busy = busy;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_button), busy ? "chat.stop" : "chat.send");
  gtk_button_set_label (self->send_button, busy ? _("_Stop") : _("_Send"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button),
                               busy ? _("Stop the reply") : _("Send the message"));
  if (busy)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
clear_conversation (FtlChatPane *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    column_clear (self->columns[i]);
  update_state (self);
}

static void
set_compare (FtlChatPane *self,
             gboolean     compare)
{
  Column *base = self->columns[COLUMN_BASE];
  g_autoptr(FtlChatModelItem) item = NULL;

  if (self->compare == compare)
    return;
  self->compare = compare;

  if (compare)
    item = find_base_model (self);
  gtk_widget_set_visible (base->box, compare);
  column_set_model (base, item);
  /* Both models start from the same, empty conversation. */
  clear_conversation (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    column_update_texts (self->columns[i]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARE]);
}

static void
on_selected_item (FtlChatPane *self)
{
  FtlChatModelItem *item = gtk_drop_down_get_selected_item (self->model_dropdown);

  /* A new model starts a new conversation, on both sides. */
  if (column_set_model (self->columns[COLUMN_SELECTED], item))
    clear_conversation (self);
  update_state (self);
}

static void
on_models_changed (FtlChatPane *self)
{
  /* The base model may have come, gone or moved. */
  if (self->compare)
    {
      g_autoptr(FtlChatModelItem) base = find_base_model (self);

      if (base == NULL)
        set_compare (self, FALSE);
      else
        column_set_model (self->columns[COLUMN_BASE], base);
    }
  update_state (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FtlChatPane *self = FTL_CHAT_PANE (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->prompt_entry))));
  FtlSamplingParams params;

  if (self->busy || text[0] == '\0' || self->columns[COLUMN_SELECTED]->session == NULL)
    return;

  ftl_sampling_params_init (&params);
  params.temperature = gtk_adjustment_get_value (self->temperature_adjustment);
  params.top_p = gtk_adjustment_get_value (self->top_p_adjustment);
  params.max_tokens = (int) gtk_adjustment_get_value (self->max_tokens_adjustment);
  /* Asking again gives another answer; compared models share the draw. */
  params.seed = ((guint64) g_random_int () << 32) | g_random_int ();

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    if (column_is_active (self, self->columns[i]))
      column_send (self->columns[i], text, &params);

  gtk_editable_set_text (GTK_EDITABLE (self->prompt_entry), "");
  update_state (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FtlChatPane *self = FTL_CHAT_PANE (widget);

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    if (self->columns[i]->session != NULL)
      ftl_chat_session_stop (self->columns[i]->session);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  clear_conversation (FTL_CHAT_PANE (widget));
}

static void
on_prompt_activate (GtkEntry    *entry,
                    FtlChatPane *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
}

static void
on_prompt_changed (GtkEditable *editable,
                   FtlChatPane *self)
{
  update_state (self);
}

static void
on_system_message_changed (GtkEditable *editable,
                           FtlChatPane *self)
{
  const char *text = gtk_editable_get_text (editable);

  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    if (self->columns[i]->session != NULL)
      ftl_chat_session_set_system_message (self->columns[i]->session, text);
}

static void
on_sampling_changed (GtkAdjustment *adjustment,
                     FtlChatPane   *self)
{
  guint prop_id = adjustment == self->temperature_adjustment ? PROP_TEMPERATURE
                : adjustment == self->top_p_adjustment ? PROP_TOP_P
                : PROP_MAX_TOKENS;

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The picker's rows: the model's name and, dimmed, what kind it is. */
static void
setup_model_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *kind = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0.f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_model_row (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  FtlChatModelItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *name = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *kind = gtk_widget_get_next_sibling (name);

  const char *kind_text = kind_to_label (ftl_chat_model_item_get_kind (item));

  gtk_label_set_text (GTK_LABEL (name), ftl_chat_model_item_get_name (item));
  gtk_label_set_text (GTK_LABEL (kind), kind_text);
  /* "Base model  Base model" says nothing twice over. */
  gtk_widget_set_visible (kind, g_strcmp0 (kind_text, ftl_chat_model_item_get_name (item)) != 0);
}

static void
ftl_chat_pane_dispose (GObject *object)
{
  FtlChatPane *self = FTL_CHAT_PANE (object);

  /* Nothing may call back into the columns while the widgets go; the
   * sessions stop their threads as they go. */
  if (self->model_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->model_dropdown, self);
  if (self->models != NULL)
    g_signal_handlers_disconnect_by_data (self->models, self);
  g_clear_object (&self->models);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    g_clear_pointer (&self->columns[i], column_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), FTL_TYPE_CHAT_PANE);

  G_OBJECT_CLASS (ftl_chat_pane_parent_class)->dispose (object);
}

static void
ftl_chat_pane_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FtlChatPane *self = FTL_CHAT_PANE (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      g_value_set_object (value, self->models);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_COMPARE:
      g_value_set_boolean (value, self->compare);
      break;
    case PROP_TEMPERATURE:
      g_value_set_double (value, gtk_adjustment_get_value (self->temperature_adjustment));
      break;
    case PROP_TOP_P:
      g_value_set_double (value, gtk_adjustment_get_value (self->top_p_adjustment));
      break;
    case PROP_MAX_TOKENS:
      g_value_set_int (value, (int) gtk_adjustment_get_value (self->max_tokens_adjustment));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_pane_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FtlChatPane *self = FTL_CHAT_PANE (object);

  switch (prop_id)
    {
    case PROP_MODELS:
      ftl_chat_pane_set_models (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      set_compare (self, g_value_get_boolean (value));
      break;
    case PROP_TEMPERATURE:
      gtk_adjustment_set_value (self->temperature_adjustment, g_value_get_double (value));
      break;
    case PROP_TOP_P:
      gtk_adjustment_set_value (self->top_p_adjustment, g_value_get_double (value));
      break;
    case PROP_MAX_TOKENS:
      gtk_adjustment_set_value (self->max_tokens_adjustment, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_pane_class_init (FtlChatPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ftl_chat_pane_dispose;
  object_class->get_property = ftl_chat_pane_get_property;
  object_class->set_property = ftl_chat_pane_set_property;

  properties[PROP_MODELS] =
    g_param_spec_object ("models", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARE] =
    g_param_spec_boolean ("compare", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The ranges are the spin buttons' (ui/ftl-chat-pane.ui); values outside
   * are clamped there. */
  properties[PROP_TEMPERATURE] =
    g_param_spec_double ("temperature", NULL, NULL, 0.0, 2.0, 0.7,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOP_P] =
    g_param_spec_double ("top-p", NULL, NULL, 0.05, 1.0, 0.9,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_TOKENS] =
    g_param_spec_int ("max-tokens", NULL, NULL, 1, 1024, 128,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/finetunelab/FineTuneLab/ui/ftl-chat-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, content);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, model_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, system_entry);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, columns_box);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, prompt_entry);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, send_button);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, temperature_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, top_p_adjustment);
  gtk_widget_class_bind_template_child (widget_class, FtlChatPane, max_tokens_adjustment);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_prompt_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_system_message_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sampling_changed);

  gtk_widget_class_install_action (widget_class, "chat.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "chat.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "chat.clear", NULL, clear_action);
  gtk_widget_class_install_property_action (widget_class, "chat.compare", "compare");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chatpane");
}

static void
ftl_chat_pane_init (FtlChatPane *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_model_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_model_row), NULL);
  gtk_drop_down_set_factory (self->model_dropdown, factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->model_dropdown, "notify::selected-item",
                            G_CALLBACK (on_selected_item), self);

  self->columns[COLUMN_BASE] = column_new (self);
  self->columns[COLUMN_SELECTED] = column_new (self);
  gtk_widget_set_visible (self->columns[COLUMN_BASE]->box, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (self->columns); i++)
    column_update_texts (self->columns[i]);

  /* The template has the idle look of the Send button; update_state()
   * changes it with busy. */
  update_state (self);
}

GtkWidget *
ftl_chat_pane_new (void)
{
  return g_object_new (FTL_TYPE_CHAT_PANE, NULL);
}

void
ftl_chat_pane_set_models (FtlChatPane *self,
                          GListModel  *models)
{
  g_return_if_fail (FTL_IS_CHAT_PANE (self));
  g_return_if_fail (models == NULL || G_IS_LIST_MODEL (models));

  if (self->models == models)
    return;
  if (self->models != NULL)
    g_signal_handlers_disconnect_by_data (self->models, self);
  g_set_object (&self->models, models);
  if (models != NULL)
    g_signal_connect_swapped (models, "items-changed", G_CALLBACK (on_models_changed), self);

  gtk_drop_down_set_model (self->model_dropdown, models);
  on_models_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODELS]);
}

GListModel *
ftl_chat_pane_get_models (FtlChatPane *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_PANE (self), NULL);
  return self->models;
}

void
ftl_chat_pane_select_model (FtlChatPane *self,
                            guint        position)
{
  g_return_if_fail (FTL_IS_CHAT_PANE (self));
  gtk_drop_down_set_selected (self->model_dropdown, position);
}

/* Alt+3 ("3 · Chat"): where a student writes. */
void
ftl_chat_pane_focus_prompt (FtlChatPane *self)
{
  g_return_if_fail (FTL_IS_CHAT_PANE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->prompt_entry));
}

gboolean
ftl_chat_pane_get_busy (FtlChatPane *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_PANE (self), FALSE);
  return self->busy;
}

FtlChatSession *
ftl_chat_pane_get_session (FtlChatPane *self,
                           gboolean     base)
{
  g_return_val_if_fail (FTL_IS_CHAT_PANE (self), NULL);
  return self->columns[base ? COLUMN_BASE : COLUMN_SELECTED]->session;
}
