/* ftl-chat-session.c — one model, one conversation, replies on a thread.
 *
 * Each send starts a thread that loads the model if this is the first reply,
 * renders the conversation and runs the engine's sampler. The thread turns
 * every token into text and pushes it into a queue shared with the main
 * thread (the Channel), making sure one idle source is pending on the main
 * context; that idle drains the queue, emitting "token" once per queued
 * piece, so a burst of tokens costs one wake-up and none is lost. The
 * thread waits when it is MAX_AHEAD pieces ahead of the main thread: what
 * the user reads is then close to what the model is writing, so Stop stops
 * about there, and a slow main loop can't leave a finished reply still
 * streaming in for seconds. As in
 * FtlTrainingJob, the thread only knows the channel (which the session, the
 * thread and each pending idle hold a reference on): a session dropped while
 * it replies stops and joins its thread, and idles still pending find no
 * session and do nothing. */
#include "ftl-chat-session.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ftl-handoff.h"
#include "ftl-model-file.h"
#include "ftl-runtime.h"

#define MAX_AHEAD 32

static void
messages_clear_content (gpointer data)
{
  FtlChatMessage *m = data;

  g_free ((char *) m->content);
}

/* A conversation as the engine renders it, owning the contents. */
static GArray *
messages_new (void)
{
  GArray *messages = g_array_new (FALSE, FALSE, sizeof (FtlChatMessage));

  g_array_set_clear_func (messages, messages_clear_content);
  return messages;
}

static void
messages_append (GArray     *messages,
                 FtlRole     role,
                 const char *content)
{
  FtlChatMessage m = { role, g_strdup (content), 0.f };

  g_array_append_val (messages, m);
}

/* ---- the channel between the reply thread and the main thread ----------- */

typedef struct
{
  /* Set at creation; read-only afterwards. */
  char          *path;
  FtlHandoff     handoff;        /* to the main loop of whoever started the work */
  GWeakRef       owner;           /* the FtlChatSession; read on the main thread only */

  /* Loaded by the first reply. Used by the reply thread while one runs and by
   * the main thread otherwise; starting and joining the thread order the two. */
  FtlModel      *model;
  FtlTokenizer  *tokenizer;

  gint           stop;            /* atomic: the running reply should end */

  GMutex         mutex;           /* guards the rest */
  GCond          drained;         /* signalled when pieces was emptied or stop set */
  GPtrArray     *pieces;          /* char *: the text of each "token", in order */
  char          *loaded_name;     /* the model's own name, pushed once when loaded */
  gboolean       done;            /* the reply is over; pushed last */
  gboolean       stopped;
  int            dropped;
  char          *error;
} Channel;

static void
channel_clear (Channel *ch)
{
  g_free (ch->path);
  ftl_handoff_clear (&ch->handoff);
  g_weak_ref_clear (&ch->owner);
  g_clear_pointer (&ch->model, ftl_model_free);
  g_clear_pointer (&ch->tokenizer, ftl_tokenizer_free);
  g_mutex_clear (&ch->mutex);
  g_cond_clear (&ch->drained);
  g_ptr_array_unref (ch->pieces);
  g_free (ch->loaded_name);
  g_free (ch->error);
}

static Channel *
channel_ref (Channel *ch)
{
  return g_atomic_rc_box_acquire (ch);
}

static void
channel_unref (Channel *ch)
{
  g_atomic_rc_box_release_full (ch, (GDestroyNotify) channel_clear);
}

static gboolean drain (gpointer user_data);

static void
schedule_drain (Channel *ch)
{
  ftl_handoff_schedule (&ch->handoff, drain, ch, (GBoxedCopyFunc) channel_ref, (GDestroyNotify) channel_unref);
}

static void
push_piece (Channel *ch,
            char    *text)
{
  g_mutex_lock (&ch->mutex);
  g_ptr_array_add (ch->pieces, text);
  schedule_drain (ch);
  while (ch->pieces->len >= MAX_AHEAD && !g_atomic_int_get (&ch->stop))
    g_cond_wait (&ch->drained, &ch->mutex);
  g_mutex_unlock (&ch->mutex);
}

/* Sets the stop flag and wakes a thread waiting for the main thread. */
static void
request_stop (Channel *ch)
{
  g_mutex_lock (&ch->mutex);
  g_atomic_int_set (&ch->stop, TRUE);
  g_cond_broadcast (&ch->drained);
  g_mutex_unlock (&ch->mutex);
}

/* The final marker: nothing is pushed after it until the next send. */
static void
push_end (Channel    *ch,
          gboolean    stopped,
          int         dropped,
          const char *error)
{
  g_mutex_lock (&ch->mutex);
  ch->done = TRUE;
  ch->stopped = stopped;
  ch->dropped = dropped;
  ch->error = g_strdup (error);
  g_mutex_unlock (&ch->mutex);
  schedule_drain (ch);
}

/* ---- one reply, on its thread -------------------------------------------- */

typedef struct
{
  Channel           *ch;
  GArray            *messages;  /* system message (if any) and every turn */
  FtlSamplingParams  params;
  GByteArray        *pending;   /* decoded bytes not yet shown */
} Reply;

static void
reply_free (Reply *r)
{
  channel_unref (r->ch);
  g_array_unref (r->messages);
  g_byte_array_unref (r->pending);
  g_free (r);
}

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* Moves the displayable start of pending into out: valid UTF-8 as it is,
 * other bytes as U+FFFD. A character cut short at the end stays pending, as
 * the next token may complete it, unless flush. */
static void
take_text (GByteArray *pending,
           GString    *out,
           gboolean    flush)
{
  const char *p = (const char *) pending->data;
  gsize n = pending->len, i = 0;

  while (i < n)
    {
      const char *end;
      gunichar c;

      if (g_utf8_validate_len (p + i, n - i, &end))
        {
          g_string_append_len (out, p + i, n - i);
          i = n;
          break;
        }
      g_string_append_len (out, p + i, end - (p + i));
      i = end - p;
      /* NUL never becomes text; g_utf8_get_char_validated() reports it as
       * incomplete. */
      c = p[i] == '\0' ? (gunichar) -1 : g_utf8_get_char_validated (p + i, n - i);
      if (c == (gunichar) -2 && !flush)
        break;
      g_string_append (out, REPLACEMENT_CHARACTER);
      i++;
    }
  g_byte_array_remove_range (pending, 0, i);
}

static void
push_text (Reply    *r,
           gboolean  flush)
{
  GString *text = g_string_new (NULL);

  take_text (r->pending, text, flush);
  if (text->len > 0)
    push_piece (r->ch, g_string_free (text, FALSE));
  else
    g_string_free (text, TRUE);
}

static gboolean
on_token (int      token,
          gpointer user_data)
{
  Reply *r = user_data;
  gsize length;
  const char *bytes = ftl_tokenizer_get_token_bytes (r->ch->tokenizer, token, &length);

  g_byte_array_append (r->pending, (const guint8 *) bytes, length);
  push_text (r, FALSE);
  return !g_atomic_int_get (&r->ch->stop);
}

static gboolean
load_model (Channel  *ch,
            GError  **error)
{
  FtlModelFileInfo info = { 0 };

  ch->model = ftl_model_file_load (ch->path, &ch->tokenizer, &info, error);
  if (ch->model == NULL)
    return FALSE;

  g_mutex_lock (&ch->mutex);
  ch->loaded_name = g_steal_pointer (&info.name);
  g_mutex_unlock (&ch->mutex);
  ftl_model_file_info_clear (&info);
  return TRUE;
}

/* Renders the conversation for the reply. When it is longer than budget
 * tokens, the oldest exchanges (a user turn and what answered it) are left
 * out, but never the system message nor the last user turn. */
static GArray *
render_prompt (const FtlTokenizer *tokenizer,
               GArray             *messages,
               int                 budget,
               int                *dropped)
{
  const FtlChatMessage *m = (const FtlChatMessage *) messages->data;
  int n = messages->len;
  int first = n > 0 && m[0].role == FTL_ROLE_SYSTEM ? 1 : 0;

  for (int start = first;;)
    {
      GArray *tokens = g_array_new (FALSE, FALSE, sizeof (int));
      int next = start + 1;

      ftl_chat_render (tokenizer, m, first, FALSE, tokens, NULL);
      ftl_chat_render (tokenizer, m + start, n - start, TRUE, tokens, NULL);
      while (next < n && m[next].role != FTL_ROLE_USER)
        next++;
      if ((int) tokens->len <= budget || next >= n)
        {
          *dropped = start - first;
          return tokens;
        }
      g_array_unref (tokens);
      start = next;
    }
}

static gboolean
generate_reply (Reply     *r,
                gboolean  *stopped,
                int       *dropped,
                GError   **error)
{
  Channel *ch = r->ch;
  int n_ctx = ftl_model_get_config (ch->model)->context_length;
  /* Room for the reply: max_tokens, but at most half the context, so that a
   * large max_tokens doesn't push the whole history out. */
  int budget = n_ctx - CLAMP (r->params.max_tokens, 1, n_ctx / 2);
  g_autoptr(GArray) prompt = render_prompt (ch->tokenizer, r->messages, budget, dropped);
  g_autoptr(GArray) reply = NULL;
  FtlFinishReason reason;
  int stops[FTL_N_SPECIAL];
  int n_stop = 0;

  if ((int) prompt->len >= n_ctx)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The message is too long for this model, which reads at most %d tokens"),
                   n_ctx - 1);
      return FALSE;
    }

  /* A special token in a reply would start another turn: each one ends it. */
  for (int i = 0; i < FTL_N_SPECIAL; i++)
    {
      int id = ftl_tokenizer_get_special (ch->tokenizer, i);

      if (id >= 0)
        stops[n_stop++] = id;
    }

  reply = ftl_generate (ch->model, (const int *) prompt->data, prompt->len, stops, n_stop,
                        &r->params, on_token, r, &reason, error);
  if (reply == NULL)
    return FALSE;
  push_text (r, TRUE);
  *stopped = reason == FTL_FINISH_CANCELLED;
  return TRUE;
}

static gpointer
reply_thread (gpointer data)
{
  Reply *r = data;
  Channel *ch = r->ch;
  g_autoptr(GError) error = NULL;
  gboolean stopped = FALSE;
  int dropped = 0;

  /* The thread count the user chose; OpenMP keeps it per thread. (Lowering
   * it to 1 here would pin OpenBLAS to one thread for training too.)
   * Below the main loop, which draws the streamed tokens, and above a
   * training job, so a student can chat while a job trains. */
  ftl_runtime_lower_priority (5);
  ftl_runtime_use_threads ();

  if (ch->model != NULL || load_model (ch, &error))
    {
      if (g_atomic_int_get (&ch->stop))
        stopped = TRUE;
      else
        generate_reply (r, &stopped, &dropped, &error);
    }
  push_end (ch, stopped, dropped, error != NULL ? error->message : NULL);
  reply_free (r);
  return NULL;
}

/* ---- FtlChatSession ------------------------------------------------------ */

struct _FtlChatSession
{
  GObject   parent_instance;

  Channel  *channel;
  GThread  *thread;          /* from send until the drain that ends the reply */
  GArray   *turns;           /* FtlChatMessage: user and assistant turns */
  char     *system_message;  /* NULL for none */
  char     *model_name;
  GString  *reply;           /* the running reply's text so far */
  gboolean  busy;
  gboolean  discard_reply;   /* the conversation was cleared while it ran */
  int       dropped_turns;
};

G_DEFINE_FINAL_TYPE (FtlChatSession, ftl_chat_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MODEL_PATH,
  PROP_MODEL_NAME,
  PROP_BUSY,
  PROP_SYSTEM_MESSAGE,
  PROP_DROPPED_TURNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOKEN,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (FtlChatSession *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_dropped_turns (FtlChatSession *self,
                   int             dropped)
{
  if (self->dropped_turns == dropped)
    return;
  self->dropped_turns = dropped;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DROPPED_TURNS]);
}

static void
finish_reply (FtlChatSession *self,
              gboolean        stopped,
              int             dropped,
              const char     *error)
{
  /* The thread pushed the end last: it is ending, if not gone. */
  if (self->thread != NULL)
    g_thread_join (g_steal_pointer (&self->thread));

  if (!self->discard_reply)
    {
      /* A user turn that got no reply would leave two user turns in a row. */
      if (error != NULL)
        g_array_remove_index (self->turns, self->turns->len - 1);
      else
        messages_append (self->turns, FTL_ROLE_ASSISTANT, self->reply->str);
      set_dropped_turns (self, dropped);
    }
  self->discard_reply = FALSE;
  g_string_truncate (self->reply, 0);

  set_busy (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, stopped, error);
}

static gboolean
drain (gpointer user_data)
{
  Channel *ch = user_data;
  g_autoptr(FtlChatSession) self = g_weak_ref_get (&ch->owner);
  g_autoptr(GPtrArray) pieces = NULL;
  g_autofree char *loaded_name = NULL;
  g_autofree char *error = NULL;
  gboolean done, stopped;
  int dropped;

  /* Cleared before the queue is taken: whatever is pushed from now on
   * schedules another drain, so nothing is left behind. */
  ftl_handoff_begin_drain (&ch->handoff);
  g_mutex_lock (&ch->mutex);
  pieces = g_steal_pointer (&ch->pieces);
  ch->pieces = g_ptr_array_new_with_free_func (g_free);
  g_cond_broadcast (&ch->drained);
  loaded_name = g_steal_pointer (&ch->loaded_name);
  done = ch->done;
  stopped = ch->stopped;
  dropped = ch->dropped;
  error = g_steal_pointer (&ch->error);
  ch->done = FALSE;
  g_mutex_unlock (&ch->mutex);

  /* A session disposed meanwhile has joined the thread; nobody is left to tell. */
  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (loaded_name != NULL && g_strcmp0 (loaded_name, self->model_name) != 0)
    {
      g_free (self->model_name);
      self->model_name = g_steal_pointer (&loaded_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL_NAME]);
    }
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *text = g_ptr_array_index (pieces, i);

      g_string_append (self->reply, text);
      g_signal_emit (self, signals[TOKEN], 0, text);
    }
  if (done)
    finish_reply (self, stopped, dropped, error);
  return G_SOURCE_REMOVE;
}

static void
ftl_chat_session_dispose (GObject *object)
{
  FtlChatSession *self = FTL_CHAT_SESSION (object);
  Channel *ch = self->channel;

  g_weak_ref_set (&ch->owner, NULL);
  if (self->thread != NULL)
    {
      request_stop (ch);
      g_thread_join (g_steal_pointer (&self->thread));
    }
  /* No thread can use the model any more: let it go now rather than when
   * the last pending idle does. */
  g_clear_pointer (&ch->model, ftl_model_free);
  g_clear_pointer (&ch->tokenizer, ftl_tokenizer_free);

  G_OBJECT_CLASS (ftl_chat_session_parent_class)->dispose (object);
}

static void
ftl_chat_session_finalize (GObject *object)
{
  FtlChatSession *self = FTL_CHAT_SESSION (object);

  channel_unref (self->channel);
  g_array_unref (self->turns);
  g_free (self->system_message);
  g_free (self->model_name);
  g_string_free (self->reply, TRUE);

  G_OBJECT_CLASS (ftl_chat_session_parent_class)->finalize (object);
}

static void
ftl_chat_session_constructed (GObject *object)
{
  FtlChatSession *self = FTL_CHAT_SESSION (object);
  g_autofree char *basename = g_path_get_basename (self->channel->path);

  G_OBJECT_CLASS (ftl_chat_session_parent_class)->constructed (object);

  if (g_str_has_suffix (basename, ".gguf"))
    basename[strlen (basename) - strlen (".gguf")] = '\0';
  self->model_name = g_steal_pointer (&basename);
}

static void
ftl_chat_session_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FtlChatSession *self = FTL_CHAT_SESSION (object);

  switch (prop_id)
    {
    case PROP_MODEL_PATH:
      g_value_set_string (value, self->channel->path);
      break;
    case PROP_MODEL_NAME:
      g_value_set_string (value, self->model_name);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SYSTEM_MESSAGE:
      g_value_set_string (value, self->system_message);
      break;
    case PROP_DROPPED_TURNS:
      g_value_set_int (value, self->dropped_turns);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_session_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FtlChatSession *self = FTL_CHAT_SESSION (object);

  switch (prop_id)
    {
    case PROP_MODEL_PATH:
      self->channel->path = g_value_dup_string (value);
      break;
    case PROP_SYSTEM_MESSAGE:
      ftl_chat_session_set_system_message (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ftl_chat_session_class_init (FtlChatSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ftl_chat_session_dispose;
  object_class->finalize = ftl_chat_session_finalize;
  object_class->constructed = ftl_chat_session_constructed;
  object_class->get_property = ftl_chat_session_get_property;
  object_class->set_property = ftl_chat_session_set_property;

  properties[PROP_MODEL_PATH] =
    g_param_spec_string ("model-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL_NAME] =
    g_param_spec_string ("model-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYSTEM_MESSAGE] =
    g_param_spec_string ("system-message", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DROPPED_TURNS] =
    g_param_spec_int ("dropped-turns", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Valid only during the emission: the text is not copied. */
  signals[TOKEN] =
    g_signal_new ("token", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE,
                  1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE,
                  2, G_TYPE_BOOLEAN, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ftl_chat_session_init (FtlChatSession *self)
{
  Channel *ch = g_atomic_rc_box_new0 (Channel);

  ftl_handoff_init (&ch->handoff, "[ftl] chat session drain");
  g_weak_ref_init (&ch->owner, self);
  g_mutex_init (&ch->mutex);
  g_cond_init (&ch->drained);
  ch->pieces = g_ptr_array_new_with_free_func (g_free);
  self->channel = ch;
  self->turns = messages_new ();
  self->reply = g_string_new (NULL);
}

FtlChatSession *
ftl_chat_session_new_for_path (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (FTL_TYPE_CHAT_SESSION, "model-path", path, NULL);
}

gboolean
ftl_chat_session_send (FtlChatSession          *self,
                       const char              *user_text,
                       const FtlSamplingParams *params)
{
  g_autoptr(GError) error = NULL;
  Reply *r;

  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), FALSE);
  g_return_val_if_fail (user_text != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  if (self->busy)
    return FALSE;

  messages_append (self->turns, FTL_ROLE_USER, user_text);

  r = g_new0 (Reply, 1);
  r->ch = channel_ref (self->channel);
  r->messages = messages_new ();
  if (self->system_message != NULL)
    messages_append (r->messages, FTL_ROLE_SYSTEM, self->system_message);
  for (guint i = 0; i < self->turns->len; i++)
    {
      const FtlChatMessage *m = &g_array_index (self->turns, FtlChatMessage, i);

      messages_append (r->messages, m->role, m->content);
    }
  r->params = *params;
  r->pending = g_byte_array_new ();

  g_atomic_int_set (&self->channel->stop, FALSE);
  g_string_truncate (self->reply, 0);
  self->thread = g_thread_try_new ("ftl-chat", reply_thread, r, &error);
  if (self->thread == NULL)
    {
      /* Ends like any failed reply: "finished" follows from the main loop. */
      push_end (self->channel, FALSE, 0, error->message);
      reply_free (r);
    }
  set_busy (self, TRUE);
  return TRUE;
}

void
ftl_chat_session_stop (FtlChatSession *self)
{
  g_return_if_fail (FTL_IS_CHAT_SESSION (self));

  if (self->busy)
    request_stop (self->channel);
}

void
ftl_chat_session_clear (FtlChatSession *self)
{
  g_return_if_fail (FTL_IS_CHAT_SESSION (self));

  g_array_set_size (self->turns, 0);
  if (self->busy)
    {
      self->discard_reply = TRUE;
      ftl_chat_session_stop (self);
    }
  set_dropped_turns (self, 0);
}

const char *
ftl_chat_session_get_model_path (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), NULL);
  return self->channel->path;
}

const char *
ftl_chat_session_get_model_name (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), NULL);
  return self->model_name;
}

gboolean
ftl_chat_session_get_busy (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), FALSE);
  return self->busy;
}

int
ftl_chat_session_get_dropped_turns (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), 0);
  return self->dropped_turns;
}

const char *
ftl_chat_session_get_system_message (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), NULL);
  return self->system_message;
}

void
ftl_chat_session_set_system_message (FtlChatSession *self,
                                     const char     *system_message)
{
  g_return_if_fail (FTL_IS_CHAT_SESSION (self));

  /* An empty system message renders as an empty system turn: none at all is
   * what the user means. */
  if (system_message != NULL && system_message[0] == '\0')
    system_message = NULL;
  if (g_strcmp0 (self->system_message, system_message) == 0)
    return;
  g_free (self->system_message);
  self->system_message = g_strdup (system_message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYSTEM_MESSAGE]);
}

guint
ftl_chat_session_get_n_turns (FtlChatSession *self)
{
  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), 0);
  return self->turns->len;
}

const char *
ftl_chat_session_get_turn (FtlChatSession *self,
                           guint           index,
                           FtlRole        *role)
{
  const FtlChatMessage *m;

  g_return_val_if_fail (FTL_IS_CHAT_SESSION (self), NULL);
  g_return_val_if_fail (index < self->turns->len, NULL);

  m = &g_array_index (self->turns, FtlChatMessage, index);
  if (role != NULL)
    *role = m->role;
  return m->content;
}
