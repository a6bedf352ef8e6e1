/* ftl-chat-session.h — a conversation with one model file: the model is
 * loaded and each reply generated on a worker thread, and the reply streams
 * to the main thread token by token. */
#pragma once

#include <gio/gio.h>

#include "ftl-chat.h"
#include "ftl-generate.h"

G_BEGIN_DECLS

#define FTL_TYPE_CHAT_SESSION (ftl_chat_session_get_type ())
G_DECLARE_FINAL_TYPE (FtlChatSession, ftl_chat_session, FTL, CHAT_SESSION, GObject)

/* Use a session from one thread (the one that creates it): its signals and
 * notifications come from that thread's default main context.
 *
 * Signals:
 *   "token"    (const char *text): the reply's new text since the last
 *              emission, always valid UTF-8. Bytes of a character split
 *              across tokens are held back until it is complete; bytes that
 *              can't become UTF-8 show as U+FFFD.
 *   "finished" (gboolean stopped_by_user, const char *error): once per
 *              accepted send, after the reply was added to the conversation
 *              (a failed reply takes its user turn back out; a reply
 *              interrupted by clear is dropped) and "busy" went FALSE.
 *
 * Properties: "model-path" (construct-only), "model-name" (the file's
 * general.name once loaded, its file name until then), "busy",
 * "system-message" (read by each send; NULL or "" for none) and
 * "dropped-turns" (how many of the oldest turns the last reply's prompt left
 * out because the conversation was longer than the model's context).
 *
 * Unreferencing a busy session stops the reply and waits for its thread. */
FtlChatSession *ftl_chat_session_new_for_path (const char *path);

/* Appends user_text as a user turn and starts the reply. The model is loaded
 * by the first send. Returns FALSE, doing nothing, while a reply runs. */
gboolean    ftl_chat_session_send  (FtlChatSession          *self,
                                    const char              *user_text,
                                    const FtlSamplingParams *params);

/* Ends the current reply after the token being generated; "finished" then
 * says stopped_by_user. Does nothing when idle. */
void        ftl_chat_session_stop  (FtlChatSession *self);

/* Forgets every turn (the system message stays). A running reply is stopped
 * and not added. */
void        ftl_chat_session_clear (FtlChatSession *self);

const char *ftl_chat_session_get_model_path     (FtlChatSession *self);
const char *ftl_chat_session_get_model_name     (FtlChatSession *self);
gboolean    ftl_chat_session_get_busy           (FtlChatSession *self);
int         ftl_chat_session_get_dropped_turns  (FtlChatSession *self);
const char *ftl_chat_session_get_system_message (FtlChatSession *self);
void        ftl_chat_session_set_system_message (FtlChatSession *self,
                                                 const char     *system_message);

/* The user and assistant turns, oldest first (the system message is not one). */
guint       ftl_chat_session_get_n_turns (FtlChatSession *self);
const char *ftl_chat_session_get_turn    (FtlChatSession *self,
                                          guint           index,
                                          FtlRole        *role);

G_END_DECLS
