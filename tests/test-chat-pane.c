/* test-chat-pane.c — the chat session and the chat pane, driven in a real
 * window (run under xvfb-run -a dbus-run-session).
 *
 * Two tiny models are built once, in a temporary directory:
 *   chatty   trained for a few hundred steps on four ChatML exchanges, one in
 *            Korean, so that greedy decoding recites its replies;
 *   babbler  random weights where every ordinary token shares one large
 *            embedding component that the special tokens have negated: it
 *            never ends a reply by itself, so a reply runs to max_tokens.
 * With FTL_CHAT_SCREENSHOT=DIR/NAME.png the tests also save the window at
 * each stage as DIR/NAME-<stage>.png. */
#include <check.h>
#include <adwaita.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <omp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ftl-chat-pane.h"
#include "ftl-chat-session.h"
#include "ftl-model-file.h"
#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-trainer.h"

static const char *exchanges[][2] = {
  { "Hi!", "Hello! How can I help?" },
  { "안녕?", "안녕하세요! 반가워요." },
  { "What is the capital of France?", "Paris is the capital of France." },
  { "Tell me a joke.", "Why did the model stop? It reached its context." },
};

static char *work_dir;
static char *chatty_path;
static char *babbler_path;
static char *missing_path;

/* ---- the models ---------------------------------------------------------- */

/* Built before any test runs, so failures here abort (Check's asserts only
 * work inside a test). */

static void
save_model (const char         *path,
            const char         *name,
            const FtlModel     *model,
            const FtlTokenizer *tokenizer)
{
  FtlModelFileInfo info = { (char *) name, 1e-3f };
  g_autoptr(GError) error = NULL;

  ftl_model_file_save (path, model, tokenizer, &info, FTL_GGML_TYPE_F32, &error);
  g_assert_no_error (error);
}

/* Trains on every exchange at once until the replies are memorised. */
static void
train_chatty (FtlModel           *model,
              const FtlTokenizer *tokenizer)
{
  enum { B = G_N_ELEMENTS (exchanges), STEPS = 200 };
  int T = 0;
  g_autoptr(GPtrArray) rendered = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) masks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (int b = 0; b < B; b++)
    {
      FtlChatMessage messages[] = {
        { FTL_ROLE_USER, exchanges[b][0], 0.f },
        { FTL_ROLE_ASSISTANT, exchanges[b][1], 1.f },
      };
      GArray *tokens = g_array_new (FALSE, FALSE, sizeof (int));
      GArray *mask = g_array_new (FALSE, FALSE, sizeof (float));

      ftl_chat_render (tokenizer, messages, 2, FALSE, tokens, mask);
      T = MAX (T, (int) tokens->len - 1);
      g_ptr_array_add (rendered, tokens);
      g_ptr_array_add (masks, mask);
    }

  g_autofree int *inputs = g_new0 (int, B * T);
  g_autofree int *targets = g_new0 (int, B * T);
  g_autofree float *weights = g_new0 (float, B * T);

  for (int b = 0; b < B; b++)
    {
      GArray *tokens = g_ptr_array_index (rendered, b);
      GArray *mask = g_ptr_array_index (masks, b);

      for (guint t = 0; t + 1 < tokens->len; t++)
        {
          inputs[b * T + t] = g_array_index (tokens, int, t);
          targets[b * T + t] = g_array_index (tokens, int, t + 1);
          weights[b * T + t] = g_array_index (mask, float, t + 1);
        }
    }

  FtlAdamWConfig c;
  ftl_adamw_config_init (&c, 3e-3f, STEPS);
  c.weight_decay = 0.f;
  g_autoptr(FtlOptimizer) optimizer = ftl_optimizer_new (model, &c);
  float loss = 0.f;

  for (int s = 0; s < STEPS; s++)
    loss = ftl_train_step (model, optimizer, inputs, targets, weights, B, T, NULL, NULL);
  if (loss >= 0.05f)
    g_error ("the chat model did not learn its replies (loss %g)", loss);
}

/* Every ordinary token gets +1 in dimension 0 of the (tied) embedding, the
 * special tokens −1: the residual stream then carries a large +1 there, and
 * after the final norm each ordinary token's logit exceeds a special token's
 * by about 2·√D, so a stop token is never sampled. */
static void
make_babbler (FtlModel           *model,
              const FtlTokenizer *tokenizer)
{
  const FtlTensorInfo *embd = ftl_model_find_tensor (model, "token_embd.weight");
  float *e = ftl_model_get_params (model) + embd->offset;

  for (int t = 0; t < embd->rows; t++)
    e[(gsize) t * embd->cols] = ftl_tokenizer_is_special (tokenizer, t) ? -1.f : 1.f;
}

static void
build_models (void)
{
  g_autoptr(GString) corpus = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(FtlTokenizer) tokenizer = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (exchanges); i++)
    g_string_append_printf (corpus,
                            "<|im_start|>user\n%s<|im_end|>\n<|im_start|>assistant\n%s<|im_end|>\n",
                            exchanges[i][0], exchanges[i][1]);
  tokenizer = ftl_test_tokenizer (corpus->str);

  work_dir = g_dir_make_tmp ("test-chat-pane-XXXXXX", &error);
  g_assert_no_error (error);
  chatty_path = g_build_filename (work_dir, "chatty.gguf", NULL);
  babbler_path = g_build_filename (work_dir, "babbler.gguf", NULL);
  missing_path = g_build_filename (work_dir, "missing.gguf", NULL);

  g_autoptr(FtlModel) chatty = ftl_test_tiny_model (tokenizer, 256, 1);
  train_chatty (chatty, tokenizer);
  save_model (chatty_path, "tiny-chat", chatty, tokenizer);

  g_autoptr(FtlModel) babbler = ftl_test_tiny_model (tokenizer, 256, 2);
  make_babbler (babbler, tokenizer);
  save_model (babbler_path, "tiny-babbler", babbler, tokenizer);
}

static void
remove_models (void)
{
  g_remove (chatty_path);
  g_remove (babbler_path);
  g_rmdir (work_dir);
}

/* ---- main loop helpers --------------------------------------------------- */

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *flag (a gboolean) is TRUE; fails after 30 s. */
static void
wait_for (const gboolean *flag,
          const char     *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  ck_assert_msg (!timed_out, "timed out waiting for %s", what);
  g_source_remove (id);
}

/* Lets pending idles, layout and drawing happen. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (50, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* ---- what a session said ------------------------------------------------- */

typedef struct
{
  GPtrArray *pieces;          /* each "token" text */
  gboolean   finished;
  gboolean   stopped_by_user;
  char      *error;
  gboolean   stop_at_first;   /* call stop from the first "token" */
} Transcript;

static void
on_token (FtlChatSession *session,
          const char     *text,
          Transcript     *tr)
{
  g_ptr_array_add (tr->pieces, g_strdup (text));
  if (tr->stop_at_first && tr->pieces->len == 1)
    ftl_chat_session_stop (session);
}

static void
on_finished (FtlChatSession *session,
             gboolean        stopped_by_user,
             const char     *error,
             Transcript     *tr)
{
  tr->finished = TRUE;
  tr->stopped_by_user = stopped_by_user;
  tr->error = g_strdup (error);
}

static void
transcript_listen (Transcript     *tr,
                   FtlChatSession *session)
{
  memset (tr, 0, sizeof *tr);
  tr->pieces = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (session, "token", G_CALLBACK (on_token), tr);
  g_signal_connect (session, "finished", G_CALLBACK (on_finished), tr);
}

static void
transcript_reset (Transcript *tr)
{
  g_ptr_array_set_size (tr->pieces, 0);
  tr->finished = FALSE;
  tr->stopped_by_user = FALSE;
  g_clear_pointer (&tr->error, g_free);
}

static void
transcript_clear (Transcript     *tr,
                  FtlChatSession *session)
{
  if (session != NULL)
    g_signal_handlers_disconnect_by_data (session, tr);
  g_ptr_array_unref (tr->pieces);
  g_free (tr->error);
}

/* The pieces joined, each checked to be valid UTF-8 on its own. */
static char *
transcript_text (Transcript *tr)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < tr->pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (tr->pieces, i);

      ck_assert_msg (g_utf8_validate (piece, -1, NULL), "piece %u is not valid UTF-8", i);
      ck_assert_uint_gt (strlen (piece), 0);
      g_string_append (text, piece);
    }
  return g_string_free (text, FALSE);
}

static FtlSamplingParams
greedy (int max_tokens)
{
  FtlSamplingParams params;

  ftl_sampling_params_init (&params);
  params.temperature = 0.f;
  params.max_tokens = max_tokens;
  return params;
}

static gboolean
has_hangul (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0xAC00 && g_utf8_get_char (p) <= 0xD7A3)
      return TRUE;
  return FALSE;
}

/* ---- FtlChatSession ------------------------------------------------------ */

/* A Korean reply streams as valid UTF-8 pieces although the tokenizer cuts
 * its characters between tokens; the reply joins the conversation; a second
 * send while it runs is refused; the model's own name replaces the file's. */
START_TEST (test_session_streams_utf8)
{
  g_autoptr(FtlChatSession) session = ftl_chat_session_new_for_path (chatty_path);
  FtlSamplingParams params = greedy (40);
  Transcript tr;
  FtlRole role;

  /* The premise: some token of the expected reply is not UTF-8 by itself. */
  {
    g_autoptr(FtlModel) model = NULL;
    g_autoptr(FtlTokenizer) tokenizer = NULL;
    g_autoptr(GArray) ids = NULL;
    gboolean split = FALSE;

    model = ftl_model_file_load (chatty_path, &tokenizer, NULL, NULL);
    ck_assert_ptr_nonnull (model);
    ids = ftl_tokenizer_encode (tokenizer, exchanges[1][1], -1, FALSE);
    for (guint i = 0; i < ids->len; i++)
      {
        gsize length;
        const char *bytes = ftl_tokenizer_get_token_bytes (tokenizer, g_array_index (ids, int, i), &length);

        split |= !g_utf8_validate_len (bytes, length, NULL);
      }
    ck_assert_msg (split, "the tokenizer keeps every Korean character whole: nothing to hold back");
  }

  ck_assert_str_eq (ftl_chat_session_get_model_name (session), "chatty");
  transcript_listen (&tr, session);
  ck_assert (ftl_chat_session_send (session, exchanges[1][0], &params));
  ck_assert (ftl_chat_session_get_busy (session));
  ck_assert (!ftl_chat_session_send (session, "again", &params));
  wait_for (&tr.finished, "the reply");

  ck_assert_ptr_null (tr.error);
  ck_assert (!tr.stopped_by_user);
  ck_assert (!ftl_chat_session_get_busy (session));
  ck_assert_str_eq (ftl_chat_session_get_model_name (session), "tiny-chat");
  g_autofree char *text = transcript_text (&tr);
  ck_assert_uint_ge (tr.pieces->len, 3);
  ck_assert_msg (has_hangul (text) && strstr (text, "\xEF\xBF\xBD") == NULL,
                 "reply \"%s\" should be clean Korean", text);

  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 2);
  ck_assert_str_eq (ftl_chat_session_get_turn (session, 0, &role), exchanges[1][0]);
  ck_assert_int_eq (role, FTL_ROLE_USER);
  ck_assert_str_eq (ftl_chat_session_get_turn (session, 1, &role), text);
  ck_assert_int_eq (role, FTL_ROLE_ASSISTANT);
  transcript_clear (&tr, session);
}
END_TEST

/* A random model emits stray bytes: they come out as U+FFFD, never as
 * invalid UTF-8, and it runs to max_tokens since it never stops itself. */
START_TEST (test_session_invalid_bytes)
{
  g_autoptr(FtlChatSession) session = ftl_chat_session_new_for_path (babbler_path);
  FtlSamplingParams params;
  Transcript tr;

  ftl_sampling_params_init (&params);
  params.temperature = 1.f;
  params.top_p = 1.f;
  params.seed = 42;
  params.max_tokens = 60;
  transcript_listen (&tr, session);
  ck_assert (ftl_chat_session_send (session, "Hi!", &params));
  wait_for (&tr.finished, "the reply");

  ck_assert_ptr_null (tr.error);
  ck_assert (!tr.stopped_by_user);
  g_autofree char *text = transcript_text (&tr);
  ck_assert_msg (strstr (text, "\xEF\xBF\xBD") != NULL, "no stray byte in \"%s\"", text);
  /* At most one piece per token, and at least one for every 4 tokens (a
   * character is at most 4 bytes). */
  ck_assert_uint_le (tr.pieces->len, 60);
  ck_assert_uint_ge (tr.pieces->len, 15);
  ck_assert_str_eq (ftl_chat_session_get_turn (session, 1, NULL), text);
  transcript_clear (&tr, session);
}
END_TEST

/* A conversation longer than the context keeps working: the oldest turns are
 * left out of the prompt, and "dropped-turns" says how many. */
START_TEST (test_session_context_overflow)
{
  g_autoptr(FtlChatSession) session = ftl_chat_session_new_for_path (chatty_path);
  FtlSamplingParams params = greedy (16);
  const char *long_message =
    "Tell me a joke about the capital of France, and then say hello in Korean, please!";
  Transcript tr;

  ftl_chat_session_set_system_message (session, "You are a tiny test model.");
  transcript_listen (&tr, session);
  for (int i = 0; i < 8; i++)
    {
      transcript_reset (&tr);
      ck_assert (ftl_chat_session_send (session, long_message, &params));
      wait_for (&tr.finished, "a reply");
      ck_assert_msg (tr.error == NULL, "reply %d failed: %s", i, tr.error);
    }
  /* 8 exchanges of ≥ 40 tokens each can't fit in 256 − 16. */
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 16);
  ck_assert_int_gt (ftl_chat_session_get_dropped_turns (session), 0);
  ck_assert_int_eq (ftl_chat_session_get_dropped_turns (session) % 2, 0);
  ck_assert_str_eq (ftl_chat_session_get_system_message (session), "You are a tiny test model.");

  ftl_chat_session_clear (session);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 0);
  ck_assert_int_eq (ftl_chat_session_get_dropped_turns (session), 0);
  transcript_clear (&tr, session);
}
END_TEST

/* A missing file fails the reply with a message naming it and takes the user
 * turn back; stop ends a reply early; clear drops a running reply; dropping
 * a busy session joins its thread. */
START_TEST (test_session_errors_stop_clear)
{
  g_autoptr(FtlChatSession) missing = ftl_chat_session_new_for_path (missing_path);
  g_autoptr(FtlChatSession) session = ftl_chat_session_new_for_path (babbler_path);
  FtlSamplingParams params = greedy (200);
  Transcript tr;

  transcript_listen (&tr, missing);
  ck_assert (ftl_chat_session_send (missing, "Hi!", &params));
  wait_for (&tr.finished, "the failure");
  ck_assert_ptr_nonnull (tr.error);
  ck_assert_msg (strstr (tr.error, "missing.gguf") != NULL, "error \"%s\"", tr.error);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (missing), 0);
  ck_assert (!ftl_chat_session_get_busy (missing));
  transcript_clear (&tr, missing);

  transcript_listen (&tr, session);
  tr.stop_at_first = TRUE;
  ck_assert (ftl_chat_session_send (session, "Hi!", &params));
  wait_for (&tr.finished, "the stopped reply");
  ck_assert_ptr_null (tr.error);
  ck_assert (tr.stopped_by_user);
  /* The thread may run a few dozen tokens ahead of the main thread's stop. */
  ck_assert_uint_lt (tr.pieces->len, 100);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 2);

  transcript_reset (&tr);
  tr.stop_at_first = FALSE;
  ck_assert (ftl_chat_session_send (session, "Hi again!", &params));
  ftl_chat_session_clear (session);
  wait_for (&tr.finished, "the cleared reply");
  ck_assert (tr.stopped_by_user);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (session), 0);

  ck_assert (ftl_chat_session_send (session, "Hi!", &params));
  transcript_clear (&tr, session);
  g_clear_object (&session);  /* busy: stops and joins */
}
END_TEST

/* ---- FtlChatPane --------------------------------------------------------- */

typedef struct
{
  GtkWidget   *window;
  FtlChatPane *pane;
  GListStore  *models;
} Ui;

static void
add_model (GListStore *store,
           const char *name,
           const char *path,
           const char *kind)
{
  g_autoptr(FtlChatModelItem) item = ftl_chat_model_item_new (name, path, kind);

  g_list_store_append (store, item);
}

static void
ui_init (Ui *ui)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  ui->window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (ui->window), "Chat");
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 480, 720);
  /* As in the window's lesson column. */
  gtk_widget_add_css_class (box, "lesson-pane");
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  ui->pane = FTL_CHAT_PANE (ftl_chat_pane_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (ui->pane), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (ui->pane));
  gtk_window_set_child (GTK_WINDOW (ui->window), box);

  ui->models = g_list_store_new (FTL_TYPE_CHAT_MODEL_ITEM);
  add_model (ui->models, "Tiny base", babbler_path, "base");
  add_model (ui->models, "Tiny chat", chatty_path, "tuned");
  add_model (ui->models, "Lost checkpoint", missing_path, "checkpoint");
  ftl_chat_pane_set_models (ui->pane, G_LIST_MODEL (ui->models));
  gtk_window_present (GTK_WINDOW (ui->window));
  settle ();
}

static void
ui_clear (Ui *ui)
{
  gtk_window_destroy (GTK_WINDOW (ui->window));
  g_object_unref (ui->models);
  settle ();
}

static GtkWidget *
template_child (Ui         *ui,
                const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (ui->pane), FTL_TYPE_CHAT_PANE, name));
}

static void
select_model (Ui   *ui,
              guint position)
{
  gtk_drop_down_set_selected (GTK_DROP_DOWN (template_child (ui, "model_dropdown")), position);
}

/* Shown widgets under root with css_class, in order. */
static void
collect (GtkWidget  *root,
         const char *css_class,
         GPtrArray  *found)
{
  if (!gtk_widget_get_mapped (root))
    return;
  if (gtk_widget_has_css_class (root, css_class))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, css_class, found);
}

static GPtrArray *
find (GtkWidget  *root,
      const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, css_class, found);
  return found;
}

static void
collect_action (GtkWidget  *root,
                const char *action_name,
                GPtrArray  *found)
{
  if (GTK_IS_ACTIONABLE (root)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action_name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action (child, action_name, found);
}

/* Widgets under root that activate action_name. */
static GPtrArray *
find_action (GtkWidget  *root,
             const char *action_name)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_action (root, action_name, found);
  return found;
}

/* The bubble label of a message row. */
static const char *
bubble_text (GtkWidget *message)
{
  g_autoptr(GPtrArray) bubbles = find (message, "chat-bubble");

  ck_assert_uint_eq (bubbles->len, 1);
  return gtk_label_get_text (GTK_LABEL (g_ptr_array_index (bubbles, 0)));
}

static gboolean
pane_idle (Ui *ui)
{
  return !ftl_chat_pane_get_busy (ui->pane);
}

static void
on_pane_busy (FtlChatPane *pane,
              GParamSpec  *pspec,
              gboolean    *idle)
{
  *idle = !ftl_chat_pane_get_busy (pane);
}

static void
wait_idle (Ui *ui)
{
  gboolean idle = pane_idle (ui);
  gulong id = g_signal_connect (ui->pane, "notify::busy", G_CALLBACK (on_pane_busy), &idle);

  wait_for (&idle, "the pane to finish");
  g_signal_handler_disconnect (ui->pane, id);
  settle ();
}

static void
type_and_send (Ui         *ui,
               const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (template_child (ui, "prompt_entry")), text);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui->pane), "chat.send", NULL));
}

static void
assert_send_button (Ui         *ui,
                    const char *label,
                    const char *action)
{
  GtkWidget *button = template_child (ui, "send_button");

  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (button)), label);
  ck_assert_str_eq (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), action);
}

/* Saves the window as <FTL_CHAT_SCREENSHOT without .png>-<name>.png when
 * that variable is set. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *base = g_getenv ("FTL_CHAT_SCREENSHOT");
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;

  if (base == NULL)
    return;
  /* A widget waiting for its allocation draws nothing. */
  settle ();
  path = g_strdup_printf ("%.*s-%s.png", (int) (strlen (base) - (g_str_has_suffix (base, ".png") ? 4 : 0)),
                          base, name);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  ck_assert (gdk_texture_save_to_png (texture, path));
}

/* Send: a user bubble and a streamed assistant bubble; Send becomes Stop
 * while the reply runs, and the prompt entry empties. */
START_TEST (test_pane_send)
{
  Ui ui;
  Transcript tr;

  ui_init (&ui);
  select_model (&ui, 1);
  FtlChatSession *session = ftl_chat_pane_get_session (ui.pane, FALSE);
  ck_assert_ptr_nonnull (session);
  ck_assert_str_eq (ftl_chat_session_get_model_path (session), chatty_path);
  ck_assert_ptr_null (ftl_chat_pane_get_session (ui.pane, TRUE));
  assert_send_button (&ui, "_Send", "chat.send");

  g_object_set (ui.pane, "temperature", 0.0, NULL);
  transcript_listen (&tr, session);
  type_and_send (&ui, exchanges[0][0]);
  ck_assert (ftl_chat_pane_get_busy (ui.pane));
  assert_send_button (&ui, "_Stop", "chat.stop");
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (template_child (&ui, "prompt_entry"))), "");
  wait_idle (&ui);

  assert_send_button (&ui, "_Send", "chat.send");
  ck_assert (tr.finished && tr.error == NULL);
  g_autofree char *streamed = transcript_text (&tr);
  ck_assert_uint_ge (tr.pieces->len, 3);

  g_autoptr(GPtrArray) users = find (GTK_WIDGET (ui.pane), "user");
  g_autoptr(GPtrArray) replies = find (GTK_WIDGET (ui.pane), "assistant");
  ck_assert_uint_eq (users->len, 1);
  ck_assert_uint_eq (replies->len, 1);
  ck_assert_str_eq (bubble_text (g_ptr_array_index (users, 0)), exchanges[0][0]);
  ck_assert_str_ne (bubble_text (g_ptr_array_index (replies, 0)), "");
  ck_assert_str_eq (bubble_text (g_ptr_array_index (replies, 0)), streamed);
  /* The user's bubble on the right, the model's on the left. */
  ck_assert_int_eq (gtk_widget_get_halign (g_ptr_array_index (users, 0)), GTK_ALIGN_END);
  ck_assert_int_eq (gtk_widget_get_halign (g_ptr_array_index (replies, 0)), GTK_ALIGN_START);

  transcript_clear (&tr, session);
  ui_clear (&ui);
}
END_TEST

static void
on_first_token_stop (FtlChatSession *session,
                     const char     *text,
                     FtlChatPane    *pane)
{
  gtk_widget_activate_action (GTK_WIDGET (pane), "chat.stop", NULL);
}

/* chat.stop ends a long reply early: "finished" says stopped_by_user and
 * the reply's caption says so. */
START_TEST (test_pane_stop)
{
  Ui ui;
  Transcript tr;

  ui_init (&ui);
  select_model (&ui, 0);
  g_object_set (ui.pane, "max-tokens", 200, NULL);
  FtlChatSession *session = ftl_chat_pane_get_session (ui.pane, FALSE);
  transcript_listen (&tr, session);
  g_signal_connect (session, "token", G_CALLBACK (on_first_token_stop), ui.pane);

  type_and_send (&ui, "Say something long.");
  wait_idle (&ui);

  ck_assert (tr.finished && tr.stopped_by_user);
  ck_assert_uint_lt (tr.pieces->len, 100);
  g_autoptr(GPtrArray) replies = find (GTK_WIDGET (ui.pane), "assistant");
  ck_assert_uint_eq (replies->len, 1);
  g_autoptr(GPtrArray) captions = find (g_ptr_array_index (replies, 0), "caption");
  ck_assert_uint_ge (captions->len, 1);
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (captions, 0)), "stopped"));
  assert_send_button (&ui, "_Send", "chat.send");

  g_signal_handlers_disconnect_by_data (session, ui.pane);
  transcript_clear (&tr, session);
  ui_clear (&ui);
}
END_TEST

/* Compare: two columns headed with the models' names, both answering. Clear
 * empties both views and both sessions. */
START_TEST (test_pane_compare_and_clear)
{
  Ui ui;
  gboolean compare;

  ui_init (&ui);
  select_model (&ui, 1);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui.pane), "chat.compare", NULL));
  g_object_get (ui.pane, "compare", &compare, NULL);
  ck_assert (compare);
  g_autoptr(GPtrArray) toggles = find_action (GTK_WIDGET (ui.pane), "chat.compare");
  ck_assert_uint_eq (toggles->len, 1);
  ck_assert (gtk_toggle_button_get_active (g_ptr_array_index (toggles, 0)));
  settle ();

  g_object_set (ui.pane, "max-tokens", 24, NULL);
  type_and_send (&ui, exchanges[2][0]);
  FtlChatSession *base = ftl_chat_pane_get_session (ui.pane, TRUE);
  FtlChatSession *tuned = ftl_chat_pane_get_session (ui.pane, FALSE);
  ck_assert_ptr_nonnull (base);
  ck_assert_str_eq (ftl_chat_session_get_model_path (base), babbler_path);
  ck_assert (ftl_chat_session_get_busy (base) && ftl_chat_session_get_busy (tuned));
  wait_idle (&ui);

  g_autoptr(GPtrArray) columns = find (GTK_WIDGET (ui.pane), "chat-column");
  ck_assert_uint_eq (columns->len, 2);
  const char *names[] = { "Tiny base", "Tiny chat" };
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *column = g_ptr_array_index (columns, i);
      g_autoptr(GPtrArray) headings = find (column, "heading");
      g_autoptr(GPtrArray) users = find (column, "user");
      g_autoptr(GPtrArray) replies = find (column, "assistant");

      ck_assert_uint_eq (headings->len, 1);
      ck_assert_str_eq (gtk_label_get_text (g_ptr_array_index (headings, 0)), names[i]);
      ck_assert_uint_eq (users->len, 1);
      ck_assert_uint_eq (replies->len, 1);
      ck_assert_str_ne (bubble_text (g_ptr_array_index (replies, 0)), "");
    }
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (base), 2);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (tuned), 2);

  FtlSamplingParams params = greedy (4);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui.pane), "chat.clear", NULL));
  settle ();
  g_autoptr(GPtrArray) messages = find (GTK_WIDGET (ui.pane), "chat-message");
  ck_assert_uint_eq (messages->len, 0);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (base), 0);
  ck_assert_uint_eq (ftl_chat_session_get_n_turns (tuned), 0);
  ck_assert (ftl_chat_session_send (tuned, "ok", &params));  /* still usable */
  wait_idle (&ui);

  /* Leaving Compare hides the base model's column and drops its session. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui.pane), "chat.compare", NULL));
  g_ptr_array_unref (g_steal_pointer (&columns));
  columns = find (GTK_WIDGET (ui.pane), "chat-column");
  ck_assert_uint_eq (columns->len, 1);
  ck_assert_ptr_null (ftl_chat_pane_get_session (ui.pane, TRUE));
  ui_clear (&ui);
}
END_TEST

/* The first shown widget of type under root, depth first. */
static GtkWidget *
find_first (GtkWidget *root,
            GType      type)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkAdjustment *
conversation_adjustment (Ui *ui)
{
  GtkWidget *scroller = find_first (GTK_WIDGET (ui->pane), GTK_TYPE_SCROLLED_WINDOW);

  ck_assert_ptr_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static double
distance_from_end (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)
         - gtk_adjustment_get_value (adjustment);
}

static void
on_token_scroll_up (FtlChatSession *session,
                    const char     *text,
                    GtkAdjustment  *adjustment)
{
  gtk_adjustment_set_value (adjustment, 0.0);
}

/* The view follows a conversation longer than the view; scrolling up while
 * a reply streams leaves the view where the user put it. */
START_TEST (test_pane_follows)
{
  Ui ui;

  ui_init (&ui);
  select_model (&ui, 0);
  gtk_window_set_default_size (GTK_WINDOW (ui.window), 480, 420);
  g_object_set (ui.pane, "max-tokens", 230, NULL);
  for (int i = 0; i < 2; i++)
    {
      type_and_send (&ui, "Say something long.");
      wait_idle (&ui);
    }
  GtkAdjustment *adjustment = conversation_adjustment (&ui);
  /* The premise: the conversation overflows the view. */
  ck_assert_double_gt (gtk_adjustment_get_upper (adjustment), gtk_adjustment_get_page_size (adjustment) + 100.0);
  ck_assert_double_le (distance_from_end (adjustment), 1.0);

  FtlChatSession *session = ftl_chat_pane_get_session (ui.pane, FALSE);
  g_signal_connect (session, "token", G_CALLBACK (on_token_scroll_up), adjustment);
  type_and_send (&ui, "And again.");
  wait_idle (&ui);
  g_signal_handlers_disconnect_by_data (session, adjustment);
  ck_assert_double_eq (gtk_adjustment_get_value (adjustment), 0.0);
  ck_assert_double_gt (distance_from_end (adjustment), 100.0);

  /* The 230-token reply left no room for the first exchange (budget:
   * 256 − 128 tokens): the model no longer sees it, and the pane says so. */
  ck_assert_int_gt (ftl_chat_session_get_dropped_turns (session), 0);
  g_autoptr(GPtrArray) notes = find (GTK_WIDGET (ui.pane), "chat-note");
  ck_assert_uint_eq (notes->len, 1);
  screenshot (ui.window, "long");
  ui_clear (&ui);
}
END_TEST

/* A model file that doesn't exist: the reply's bubble shows the error. */
START_TEST (test_pane_missing_model)
{
  Ui ui;

  ui_init (&ui);
  select_model (&ui, 2);
  type_and_send (&ui, "Are you there?");
  wait_idle (&ui);

  g_autoptr(GPtrArray) replies = find (GTK_WIDGET (ui.pane), "assistant");
  ck_assert_uint_eq (replies->len, 1);
  g_autoptr(GPtrArray) errors = find (g_ptr_array_index (replies, 0), "error");
  ck_assert_uint_eq (errors->len, 1);
  ck_assert_ptr_nonnull (strstr (gtk_label_get_text (g_ptr_array_index (errors, 0)), "missing.gguf"));
  /* The pane still works: another model answers. */
  select_model (&ui, 1);
  type_and_send (&ui, "Hi!");
  wait_idle (&ui);
  g_autoptr(GPtrArray) fresh = find (GTK_WIDGET (ui.pane), "assistant");
  ck_assert_uint_eq (fresh->len, 1);
  g_autoptr(GPtrArray) no_errors = find (g_ptr_array_index (fresh, 0), "error");
  ck_assert_uint_eq (no_errors->len, 0);
  ui_clear (&ui);
}
END_TEST

/* A small conversation, a comparison, a reply waiting for its model and a
 * failed one, shot at each stage (see screenshot()). The tiny models reply
 * faster than a frame, so the waiting state comes from a model "file" that
 * is a FIFO: loading it blocks until the test opens the other end, and then
 * fails. */
START_TEST (test_pane_screenshot)
{
  Ui ui;

  ui_init (&ui);
  select_model (&ui, 1);
  g_autoptr(GPtrArray) none = find (GTK_WIDGET (ui.pane), "chat-message");
  ck_assert_uint_eq (none->len, 0);
  screenshot (ui.window, "empty");

  g_object_set (ui.pane, "temperature", 0.0, NULL);
  for (guint i = 0; i < 3; i++)
    {
      type_and_send (&ui, exchanges[i][0]);
      wait_idle (&ui);
    }
  g_autoptr(GPtrArray) messages = find (GTK_WIDGET (ui.pane), "chat-message");
  ck_assert_uint_eq (messages->len, 6);
  gtk_editable_set_text (GTK_EDITABLE (template_child (&ui, "prompt_entry")), "Tell me a joke.");
  settle ();
  screenshot (ui.window, "chat");

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui.pane), "chat.compare", NULL));
  g_object_set (ui.pane, "max-tokens", 40, "temperature", 0.7, NULL);
  gtk_editable_set_text (GTK_EDITABLE (template_child (&ui, "system_entry")), "Be brief.");
  type_and_send (&ui, exchanges[3][0]);
  wait_idle (&ui);
  g_ptr_array_unref (g_steal_pointer (&messages));
  messages = find (GTK_WIDGET (ui.pane), "chat-message");
  ck_assert_uint_eq (messages->len, 4);
  screenshot (ui.window, "compare");

  g_autofree char *fifo = g_build_filename (work_dir, "slow.gguf", NULL);
  ck_assert_int_eq (mkfifo (fifo, 0600), 0);
  add_model (ui.models, "Slow checkpoint", fifo, "checkpoint");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (ui.pane), "chat.compare", NULL));
  select_model (&ui, 3);
  type_and_send (&ui, "Are you there?");
  settle ();
  ck_assert (ftl_chat_pane_get_busy (ui.pane));
  assert_send_button (&ui, "_Stop", "chat.stop");
  screenshot (ui.window, "waiting");
  close (g_open (fifo, O_WRONLY, 0));
  wait_idle (&ui);
  g_autoptr(GPtrArray) errors = find (GTK_WIDGET (ui.pane), "error");
  ck_assert_uint_eq (errors->len, 1);
  screenshot (ui.window, "error");
  ui_clear (&ui);
  g_remove (fifo);
}
END_TEST

static Suite *
chat_suite (void)
{
  Suite *s = suite_create ("chat-pane");
  TCase *session = tcase_create ("session");
  TCase *pane = tcase_create ("pane");

  tcase_set_timeout (session, 60);
  tcase_add_test (session, test_session_streams_utf8);
  tcase_add_test (session, test_session_invalid_bytes);
  tcase_add_test (session, test_session_context_overflow);
  tcase_add_test (session, test_session_errors_stop_clear);
  suite_add_tcase (s, session);

  tcase_set_timeout (pane, 60);
  tcase_add_test (pane, test_pane_send);
  tcase_add_test (pane, test_pane_stop);
  tcase_add_test (pane, test_pane_follows);
  tcase_add_test (pane, test_pane_compare_and_clear);
  tcase_add_test (pane, test_pane_missing_model);
  tcase_add_test (pane, test_pane_screenshot);
  suite_add_tcase (s, pane);
  return s;
}

int
main (void)
{
  int status;

  ftl_test_gtk_init ();
  /* The tiny models gain nothing from a second thread, and on a busy
   * machine its barriers cost seconds. */
  omp_set_num_threads (1);
  build_models ();

  /* GTK can't follow a fork: every test runs in this process. */
  status = ftl_test_run_suite (chat_suite (), CK_NOFORK);
  remove_models ();
  return status;
}
