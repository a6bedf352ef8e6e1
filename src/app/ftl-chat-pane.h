/* ftl-chat-pane.h — step 3 of the lesson: chat with a model, alone or side
 * by side with the base model. */
#pragma once

#include <gtk/gtk.h>

#include "ftl-chat-session.h"

G_BEGIN_DECLS

/* One model the pane offers: "name" (shown), "path" (a GGUF file) and
 * "kind": "base", "tuned" or "checkpoint". */
#define FTL_TYPE_CHAT_MODEL_ITEM (ftl_chat_model_item_get_type ())
G_DECLARE_FINAL_TYPE (FtlChatModelItem, ftl_chat_model_item, FTL, CHAT_MODEL_ITEM, GObject)

FtlChatModelItem *ftl_chat_model_item_new      (const char *name,
                                                const char *path,
                                                const char *kind);
const char       *ftl_chat_model_item_get_name (FtlChatModelItem *self);
const char       *ftl_chat_model_item_get_path (FtlChatModelItem *self);
const char       *ftl_chat_model_item_get_kind (FtlChatModelItem *self);

#define FTL_TYPE_CHAT_PANE (ftl_chat_pane_get_type ())
G_DECLARE_FINAL_TYPE (FtlChatPane, ftl_chat_pane, FTL, CHAT_PANE, GtkWidget)

/* Actions (for buttons and the window's shortcuts): "chat.send",
 * "chat.stop", "chat.clear" and the stateful "chat.compare" (the "compare"
 * property). Other properties: "models", "busy" (read-only: a reply is being
 * generated), "temperature", "top-p" and "max-tokens".
 *
 * A conversation is with one model (or, comparing, with the base model and
 * the selected one): picking another model or switching Compare starts a new
 * conversation. */
GtkWidget *ftl_chat_pane_new        (void);

/* A GListModel of FtlChatModelItem; the first item of kind "base" answers
 * the left column in Compare mode. */
void       ftl_chat_pane_set_models (FtlChatPane *self,
                                     GListModel  *models);
GListModel *ftl_chat_pane_get_models (FtlChatPane *self);

gboolean   ftl_chat_pane_get_busy   (FtlChatPane *self);

/* Selects the models' item at position (e.g. a model just fine-tuned). */
void       ftl_chat_pane_focus_prompt (FtlChatPane *self);
void       ftl_chat_pane_select_model (FtlChatPane *self,
                                       guint        position);

/* The session answering in the selected model's column or, with base, in
 * the base model's column (Compare mode only); NULL when there is none. For
 * the window (e.g. a status line) and for tests. */
FtlChatSession *ftl_chat_pane_get_session (FtlChatPane *self,
                                           gboolean     base);

G_END_DECLS
