/* ftl-token-popover.h — before / after for one token of a chat reply: the
 * five tokens the base model and the tuned model each find most likely at
 * that point of the conversation, side by side, with the probability each
 * gives the token the reply has there.
 *
 * The models are loaded and run on a worker thread; the popover shows a
 * spinner until the answer is in. The two most recently used model files
 * stay loaded, so the next click answers at once.
 */
#pragma once

#include <gtk/gtk.h>

#include "ftl-chat.h"

G_BEGIN_DECLS

#define FTL_TYPE_TOKEN_POPOVER (ftl_token_popover_get_type ())
G_DECLARE_FINAL_TYPE (FtlTokenPopover, ftl_token_popover, FTL, TOKEN_POPOVER, GtkPopover)

/* messages[n_messages] is the conversation before the reply (copied); offset
 * a byte of reply. tuned_path may equal base_path: then one column. */
GtkWidget *ftl_token_popover_new (const char           *base_path,
                                  const char           *tuned_path,
                                  const FtlChatMessage *messages,
                                  int                   n_messages,
                                  const char           *reply,
                                  gsize                 offset);

/* Whether the answer (or an error) is shown. */
gboolean   ftl_token_popover_get_ready (FtlTokenPopover *self);

G_END_DECLS
