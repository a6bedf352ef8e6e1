/* test-weights-view.c — FtlWeightsView and FtlStepView in a real window,
 * following a real fine-tuning job of a tiny model: the heatmap's snapshot
 * at step 0 (ΔW exactly zero), the hover readout, stepping one batch through
 * the step view's actions and the five phases it then shows (the update
 * shown being the one applied), the picker (another block keeps the role; a
 * bias is a strip), the per-layer charts' data, resuming to the end.
 *
 * Before / after: the token popover's two columns against the engine's
 * own figures, one column for one model, an error for a missing file.
 *
 * With FTL_SCREENSHOT_DIR set, saves pictures of each view. */
#include <adwaita.h>
#include <check.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ftl-inspect.h"
#include "ftl-model-file.h"
#include "ftl-step-view.h"
#include "ftl-test-gtk.h"
#include "ftl-test-util.h"
#include "ftl-token-popover.h"
#include "ftl-training-pane.h"
#include "ftl-weights-view.h"

static char           *work_dir;
static char           *base_model_path;
static char           *training_path;
static GtkWindow      *window;
static FtlWeightsView *weights;
static FtlStepView    *stepper;

static void
setup (void)
{
  g_autofree char *jsonl = ftl_test_pirate_jsonl ();
  g_autoptr(GError) error = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ftl_test_gtk_init ();

  work_dir = g_dir_make_tmp ("ftl-weights-view-XXXXXX", NULL);
  base_model_path = g_build_filename (work_dir, "base.gguf", NULL);
  training_path = g_build_filename (work_dir, "pirate.jsonl", NULL);
  ck_assert (g_file_set_contents (training_path, jsonl, -1, &error));
  ck_assert_msg (ftl_test_write_tiny_base_model (base_model_path, jsonl, 96, &error),
                 "%s", error ? error->message : "");

  window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (window, 900, 1000);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  weights = FTL_WEIGHTS_VIEW (ftl_weights_view_new ());
  stepper = FTL_STEP_VIEW (ftl_step_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (weights), -1, 460);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (weights));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (stepper));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_window_set_content (ADW_WINDOW (window), scroller);
  /* As the training pane ties them. */
  g_object_bind_property (weights, "tensor", stepper, "tensor", G_BINDING_SYNC_CREATE);
  gtk_window_present (window);
  FTL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (weights)), 10);
}

static void
teardown (void)
{
  gtk_window_destroy (window);
  ftl_test_iterate_ms (50);
  ftl_test_remove_tree (work_dir);
  g_clear_pointer (&work_dir, g_free);
  g_clear_pointer (&base_model_path, g_free);
  g_clear_pointer (&training_path, g_free);
}

static FtlTrainingJob *
job_new (void)
{
  g_autofree char *output = g_build_filename (work_dir, "tuned.gguf", NULL);
  FtlHyperparams hp;
  FtlTrainingJob *job;

  ftl_hyperparams_init (&hp);
  hp.n_epochs = 2;
  hp.batch_size = 3;
  hp.learning_rate_multiplier = 1.0;
  hp.seed = 7;
  job = ftl_training_job_new (base_model_path, training_path, NULL, &hp, output);
  ftl_hyperparams_clear (&hp);
  return job;
}

static gboolean
label_has (GtkWidget  *root,
           const char *name,
           const char *text)
{
  return strstr (ftl_test_get_label_text (root, name), text) != NULL;
}

static gboolean
action_enabled (GtkWidget  *widget,
                const char *action)
{
  /* Its button follows the action's enabled state. */
  const char *button = g_str_equal (action, "step.pause") ? "pause-button"
                       : g_str_equal (action, "step.step") ? "step-button" : "resume-button";

  return gtk_widget_get_sensitive (ftl_test_find_widget (widget, GTK_TYPE_BUTTON, button));
}

/* As the step view writes numbers. */
static char *
num (double value)
{
  return ftl_format_figure (value, 4);
}

/* Moves the pointer over the heatmap, as GTK's motion controller reports it. */
static void
hover (GtkWidget *heatmap,
       double     x,
       double     y)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (heatmap);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        g_signal_emit_by_name (controller, "motion", x, y);
    }
}

START_TEST (test_no_job)
{
  GtkWidget *empty = ftl_test_find_widget (GTK_WIDGET (weights), ADW_TYPE_STATUS_PAGE, "weights-empty");

  ck_assert (gtk_widget_get_mapped (empty));
  ck_assert (!action_enabled (GTK_WIDGET (stepper), "step.pause"));
  ck_assert (!action_enabled (GTK_WIDGET (stepper), "step.step"));
  ck_assert (!action_enabled (GTK_WIDGET (stepper), "step.resume"));
  ck_assert (label_has (GTK_WIDGET (stepper), "step-state", "Start fine-tuning"));
}
END_TEST

START_TEST (test_stepped_job)
{
  g_autoptr(FtlTrainingJob) job = job_new ();
  GtkWidget *w = GTK_WIDGET (weights), *s = GTK_WIDGET (stepper);
  GtkWidget *heatmap = ftl_test_find_widget (w, GTK_TYPE_DRAWING_AREA, "weights-heatmap");

  ftl_weights_view_set_job (weights, job);
  ftl_step_view_set_job (stepper, job);
  /* Paused before it starts, so it waits at step 0 with the base model. */
  ftl_training_job_pause (job);
  ftl_training_job_start (job);
  FTL_TEST_WAIT_FOR (ftl_training_job_get_paused (job), 60);
  ck_assert_int_eq (ftl_training_job_get_step (job), 0);
  ck_assert (label_has (s, "step-state", "Paused before step 1 of 8"));
  ck_assert (!action_enabled (s, "step.pause"));
  ck_assert (action_enabled (s, "step.step"));
  ck_assert (action_enabled (s, "step.resume"));

  /* The picker knows the model: embedding, two blocks, output norm. */
  FTL_TEST_WAIT_FOR (ftl_weights_view_get_job (weights) == job &&
                     ftl_training_job_get_inspect_run (job) != NULL, 30);
  GtkDropDown *layers = GTK_DROP_DOWN (ftl_test_find_widget (w, GTK_TYPE_DROP_DOWN, "layer-dropdown"));
  GtkDropDown *tensors = GTK_DROP_DOWN (ftl_test_find_widget (w, GTK_TYPE_DROP_DOWN, "tensor-dropdown"));
  ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (layers)), 4);
  ck_assert_uint_eq (gtk_drop_down_get_selected (layers), 1);
  ck_assert_uint_eq (g_list_model_get_n_items (gtk_drop_down_get_model (tensors)), 12);
  ck_assert_str_eq (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (tensors)),
                                                gtk_drop_down_get_selected (tensors)),
                    "Attention q · weight");

  /* Step 0, values, then ΔW: exactly zero, served while paused. */
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "step 0 · ‖W‖ ="), 30);
  gtk_widget_activate_action (w, "weights.mode", "s", "delta");
  ck_assert_int_eq (ftl_weights_view_get_mode (weights), FTL_INSPECT_DELTA);
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "ΔW is exactly zero"), 30);
  ck_assert_float_eq (ftl_training_job_get_snapshot (job)->max_abs, 0.f);
  ck_assert (label_has (w, "weights-caption", "blk.0.attn_q.weight"));

  /* Hovering names an element of the tensor and its value. */
  hover (heatmap, gtk_widget_get_width (heatmap) / 2.0, gtk_widget_get_height (heatmap) / 2.0);
  ck_assert_msg (g_str_has_prefix (ftl_test_get_label_text (w, "weights-hover"), "blk.0.attn_q.weight["), "%s",
                 ftl_test_get_label_text (w, "weights-hover"));
  ck_assert (label_has (w, "weights-hover", "] = 0"));
  ftl_test_save_screenshot (GTK_WIDGET (window), "weights-view-step-0.png", 300);

  /* One step, through the step view as a student clicks it. */
  gtk_widget_activate_action (s, "step.step", NULL);
  FTL_TEST_WAIT_FOR (ftl_training_job_get_step_record (job) != NULL && ftl_training_job_get_paused (job) &&
                     ftl_training_job_get_step (job) == 1, 60);
  FtlStepRecord *record = ftl_training_job_get_step_record (job);
  ck_assert_int_eq (record->step, 1);
  ck_assert (label_has (s, "step-state", "Paused before step 2 of 8"));
  ck_assert (label_has (s, "forward-text", "matey"));
  ck_assert (label_has (s, "loss-text", "Loss"));
  ck_assert (label_has (s, "costly-tokens", "the model expected"));

  /* The update shown is the update applied: the formula's result and the
   * recorded value after the step, as the record has them. */
  ck_assert_str_eq (record->weight.name, "blk.0.attn_q.weight");
  ck_assert_str_eq (record->bias.name, "blk.0.attn_q.bias");
  g_autofree char *after = num (record->weight.theta_after);
  g_autofree char *formula = num (ftl_update_record_formula (&record->weight, NULL, NULL, NULL, NULL));
  g_autofree char *shown_after = g_strdup_printf ("parameter is %s", after);
  g_autofree char *shown_formula = g_strdup_printf ("  = %s\n", formula);
  ck_assert (label_has (s, "weight-update", "blk.0.attn_q.weight["));
  ck_assert (label_has (s, "weight-update", shown_after));
  ck_assert_msg (label_has (s, "weight-update", shown_formula), "%s", ftl_test_get_label_text (s, "weight-update"));
  ck_assert (label_has (s, "bias-update", "blk.0.attn_q.bias["));
  ck_assert (label_has (s, "clip-text", "gradient’s norm is"));
  ck_assert_uint_eq (ftl_training_job_get_layer_stats (job)->len, 1);

  /* ΔW after the step is no longer zero. */
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "step 1 · ‖ΔW‖ = "), 30);
  ck_assert_float_gt (ftl_training_job_get_snapshot (job)->max_abs, 0.f);
  ftl_test_save_screenshot (GTK_WIDGET (window), "weights-view-step-1.png", 300);

  /* Another block keeps the role; a bias is one strip of cells. */
  gtk_drop_down_set_selected (layers, 2);
  ck_assert_str_eq (ftl_weights_view_get_tensor (weights), "blk.1.attn_q.weight");
  gtk_drop_down_set_selected (tensors, 6);
  ck_assert_str_eq (ftl_weights_view_get_tensor (weights), "blk.1.attn_v.bias");
  ck_assert_str_eq (ftl_step_view_get_tensor (stepper), "blk.1.attn_v.bias");
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "blk.1.attn_v.bias") &&
                     label_has (w, "weights-caption", "step 1 ·"), 30);
  ck_assert_int_eq (ftl_training_job_get_snapshot (job)->rows, 1);
  gtk_widget_activate_action (w, "weights.mode", "s", "gradient");
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "‖gradient‖ = "), 30);

  /* The next recorded step follows the bias picked, and its weight. */
  gtk_widget_activate_action (s, "step.step", NULL);
  FTL_TEST_WAIT_FOR (ftl_training_job_get_step (job) == 2 && ftl_training_job_get_paused (job), 60);
  record = ftl_training_job_get_step_record (job);
  ck_assert_int_eq (record->step, 2);
  ck_assert_str_eq (record->weight.name, "blk.1.attn_v.weight");
  ck_assert_str_eq (record->bias.name, "blk.1.attn_v.bias");
  ck_assert (label_has (s, "bias-update", "blk.1.attn_v.bias["));
  ftl_test_save_screenshot (s, "step-view.png", 300);

  /* Resumed, it runs to the end; what was shown stays. */
  gtk_widget_activate_action (s, "step.resume", NULL);
  FTL_TEST_WAIT_FOR (!ftl_training_job_get_running (job), 120);
  ck_assert_str_eq (ftl_training_job_get_status (job), "succeeded");
  ck_assert_uint_eq (ftl_training_job_get_layer_stats (job)->len, 8);
  ck_assert (!ftl_training_job_get_paused (job));
  ck_assert (!action_enabled (s, "step.pause"));
  ck_assert (!action_enabled (s, "step.step"));
  ck_assert (label_has (s, "step-state", "Start fine-tuning"));

  /* After the run the trained model is still there to look at. */
  ftl_weights_view_set_tensor (weights, "token_embd.weight");
  gtk_widget_activate_action (w, "weights.mode", "s", "delta");
  FTL_TEST_WAIT_FOR (label_has (w, "weights-caption", "token_embd.weight") &&
                     label_has (w, "weights-caption", "step 8 · ‖ΔW‖ = "), 30);
  ftl_test_save_screenshot (GTK_WIDGET (window), "weights-view-after.png", 300);

  ftl_weights_view_set_job (weights, NULL);
  ftl_step_view_set_job (stepper, NULL);
  ck_assert (gtk_widget_get_mapped (ftl_test_find_widget (w, ADW_TYPE_STATUS_PAGE, "weights-empty")));
}
END_TEST

/* Dropping the views and the job mid-run cancels it; nothing is left waiting. */
START_TEST (test_dropped_while_paused)
{
  FtlTrainingJob *job = job_new ();

  ftl_weights_view_set_job (weights, job);
  ftl_step_view_set_job (stepper, job);
  ftl_training_job_pause (job);
  ftl_training_job_start (job);
  FTL_TEST_WAIT_FOR (ftl_training_job_get_paused (job), 60);
  ftl_weights_view_set_job (weights, NULL);
  ftl_step_view_set_job (stepper, NULL);
  /* The last reference: its dispose cancels and joins the paused worker. */
  g_object_unref (job);
}
END_TEST

/* In the training pane: Loss | Weights | Step over the pane's own run;
 * pausing it there, stepping, and cancelling while paused. */
START_TEST (test_in_training_pane)
{
  g_autofree char *jobs_dir = g_build_filename (work_dir, "jobs", NULL);
  GtkWidget *pane = ftl_training_pane_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  /* The lesson's middle column. */
  gtk_widget_set_size_request (pane, 520, -1);
  gtk_widget_set_hexpand (pane, FALSE);
  gtk_box_append (GTK_BOX (box), pane);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set (pane,
                "training-file", training_path,
                "dataset-valid", TRUE,
                "n-examples", 12,
                "base-model-path", base_model_path,
                "jobs-dir", jobs_dir,
                NULL);

  GtkStack *views = GTK_STACK (ftl_test_find_widget (pane, GTK_TYPE_STACK, "training-view-stack"));
  FtlWeightsView *w = FTL_WEIGHTS_VIEW (ftl_test_find_widget (pane, FTL_TYPE_WEIGHTS_VIEW, NULL));
  FtlStepView *s = FTL_STEP_VIEW (ftl_test_find_widget (pane, FTL_TYPE_STEP_VIEW, NULL));
  ck_assert_ptr_nonnull (views);
  ck_assert_str_eq (gtk_stack_get_visible_child_name (views), "loss");
  ck_assert_ptr_null (ftl_weights_view_get_job (w));

  ck_assert (gtk_widget_activate_action (pane, "training.start", NULL));
  FtlTrainingJob *job = ftl_weights_view_get_job (w);
  ck_assert_ptr_nonnull (job);
  ck_assert_ptr_eq (ftl_step_view_get_job (s), job);
  gtk_stack_set_visible_child_name (views, "step");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s), "step.pause", NULL));
  FTL_TEST_WAIT_FOR (ftl_training_job_get_paused (job), 60);

  /* The weights view follows the tensor picked; step mode the same one. */
  gtk_stack_set_visible_child_name (views, "weights");
  ftl_weights_view_set_tensor (w, "blk.1.ffn_down.weight");
  ck_assert_str_eq (ftl_step_view_get_tensor (s), "blk.1.ffn_down.weight");
  FTL_TEST_WAIT_FOR (label_has (GTK_WIDGET (w), "weights-caption", "blk.1.ffn_down.weight") &&
                     label_has (GTK_WIDGET (w), "weights-caption", "‖W‖ = "), 30);
  ftl_test_save_screenshot (pane, "pane-weights.png", 300);

  int before = ftl_training_job_get_step (job);
  gtk_stack_set_visible_child_name (views, "step");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (s), "step.step", NULL));
  FTL_TEST_WAIT_FOR (ftl_training_job_get_step (job) == before + 1 && ftl_training_job_get_paused (job), 60);
  ck_assert_str_eq (ftl_training_job_get_step_record (job)->weight.name, "blk.1.ffn_down.weight");
  ck_assert_str_eq (ftl_training_job_get_step_record (job)->bias.name, "blk.1.attn_q.bias");
  ftl_test_save_screenshot (pane, "pane-step.png", 300);

  /* Cancel works on a paused run. */
  ck_assert (gtk_widget_activate_action (pane, "training.cancel", NULL));
  FTL_TEST_WAIT_FOR (!ftl_training_pane_get_running (FTL_TRAINING_PANE (pane)), 60);
  ck_assert_str_eq (ftl_training_job_get_status (job), "cancelled");
}
END_TEST

/* The base model with its embedding scaled: another model, same tokenizer. */
static char *
write_tuned_model (void)
{
  g_autofree char *path = g_build_filename (work_dir, "tuned.gguf", NULL);
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(GError) error = NULL;
  FtlModelFileInfo info = { 0 };
  g_autoptr(FtlModel) model = ftl_model_file_load (base_model_path, &tokenizer, &info, &error);
  const FtlTensorInfo *embedding = ftl_model_find_tensor (model, "token_embd.weight");

  g_assert_no_error (error);
  for (gsize i = 0; i < embedding->size; i++)
    ftl_model_get_params (model)[embedding->offset + i] *= 3.f;
  g_free (info.name);
  info.name = g_strdup ("tiny-tuned");
  ck_assert (ftl_model_file_save (path, model, tokenizer, &info, FTL_GGML_TYPE_F32, &error));
  ftl_model_file_info_clear (&info);
  return g_steal_pointer (&path);
}

static const FtlChatMessage conversation[] = {
  { FTL_ROLE_SYSTEM, "You are a pirate.", 1.f },
  { FTL_ROLE_USER, "Do you like fish?", 1.f },
};
static const char reply[] = "Arr, fish be the finest supper, matey.";

/* The top token and its percentage, as the engine has them for path. */
static void
expected_top (const char *path,
              gsize       offset,
              char      **top,
              char      **p)
{
  g_autoptr(FtlTokenizer) tokenizer = NULL;
  g_autoptr(FtlModel) model = ftl_model_file_load (path, &tokenizer, NULL, NULL);
  int target, ids[5];
  float probabilities[5];
  g_autoptr(GArray) context = ftl_inspect_reply_context (tokenizer, conversation, 2, reply, offset, 1000, &target);

  ck_assert_int_eq (ftl_inspect_next_tokens (model, (int *) context->data, context->len, 5, ids, probabilities,
                                             target, NULL), 5);
  *top = ftl_tokenizer_decode (tokenizer, ids, 1, NULL);
  *p = g_strdup_printf ("%.1f %%", 100.0 * probabilities[0]);
}

static GtkWidget *
popover_for (GtkWidget  *anchor,
             const char *base,
             const char *tuned,
             gsize       offset)
{
  GtkWidget *popover = ftl_token_popover_new (base, tuned, conversation, 2, reply, offset);

  gtk_widget_set_parent (popover, anchor);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { 20, 0, 8, 16 });
  gtk_popover_popup (GTK_POPOVER (popover));
  FTL_TEST_WAIT_FOR (ftl_token_popover_get_ready (FTL_TOKEN_POPOVER (popover)), 60);
  return popover;
}

/* As the chat pane lets one go: closed, then unparented. */
static void
close_popover (GtkWidget *popover)
{
  gtk_popover_popdown (GTK_POPOVER (popover));
  ftl_test_iterate_ms (50);
  gtk_widget_unparent (popover);
}

START_TEST (test_token_popover)
{
  g_autofree char *tuned = write_tuned_model ();
  gsize offset = strstr (reply, "finest") - reply + 2;
  GtkWidget *anchor = gtk_label_new (reply);

  /* As in a chat bubble (selectable): the popover points at a character near the top. */
  gtk_label_set_selectable (GTK_LABEL (anchor), TRUE);
  gtk_widget_set_valign (anchor, GTK_ALIGN_START);
  gtk_widget_set_margin_top (anchor, 20);
  gtk_box_prepend (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (weights))), anchor);
  GtkWidget *popover = popover_for (anchor, base_model_path, tuned, offset);
  const char *columns[2] = { "token-column-base", "token-column-tuned" };
  const char *paths[2] = { base_model_path, tuned };

  for (int i = 0; i < 2; i++)
    {
      GtkWidget *column = ftl_test_find_widget (popover, GTK_TYPE_BOX, columns[i]);
      g_autofree char *top = NULL;
      g_autofree char *p = NULL;
      g_autofree char *quoted = NULL;
      GtkWidget *grid;

      ck_assert_msg (column != NULL, "no %s", columns[i]);
      expected_top (paths[i], offset, &top, &p);
      quoted = g_strdup_printf ("‘%s’", top);
      grid = ftl_test_find_widget (column, GTK_TYPE_GRID, NULL);
      ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 0))), quoted);
      ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 2, 0))), p);
      ck_assert_ptr_nonnull (gtk_grid_get_child_at (GTK_GRID (grid), 0, 4));
      ck_assert_ptr_nonnull (ftl_test_find_label (column, i == 0 ? "tiny-base" : "tiny-tuned"));
    }
  /* What the models read: the reply up to the token clicked. */
  ck_assert (label_has (popover, "token-context", "fish be the"));
  ck_assert (!label_has (popover, "token-context", "est"));
  ftl_test_save_screenshot (popover, "token-popover.png", 300);
  close_popover (popover);

  /* The same model twice: one column. */
  popover = popover_for (anchor, base_model_path, base_model_path, 0);
  ck_assert_ptr_nonnull (ftl_test_find_widget (popover, GTK_TYPE_BOX, "token-column-base"));
  ck_assert_ptr_null (ftl_test_find_widget (popover, GTK_TYPE_BOX, "token-column-tuned"));
  close_popover (popover);

  /* A model file gone: said so. */
  g_autofree char *gone = g_build_filename (work_dir, "gone.gguf", NULL);
  popover = popover_for (anchor, base_model_path, gone, 0);
  ck_assert (gtk_widget_get_mapped (ftl_test_find_widget (popover, GTK_TYPE_LABEL, "token-error")));
  ck_assert (label_has (popover, "token-error", "gone.gguf"));
  close_popover (popover);
}
END_TEST

int
main (void)
{
  /* The labels are asserted in English. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  Suite *suite = suite_create ("weights-view");
  TCase *tc = tcase_create ("window");

  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_no_job);
  tcase_add_test (tc, test_stepped_job);
  tcase_add_test (tc, test_dropped_while_paused);
  tcase_add_test (tc, test_in_training_pane);
  tcase_add_test (tc, test_token_popover);
  suite_add_tcase (suite, tc);

  return ftl_test_run_suite (suite, CK_FORK_GETENV);
}
