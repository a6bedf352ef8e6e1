/* ftl-export.h — the menu's "Export Model…" and "Export for OpenAI…": ask
 * where (GtkFileChooserNative), write there on a worker thread, then say
 * where it went in a toast, or why it did not in a dialog. */
#pragma once

#include <gtk/gtk.h>

#include "ftl-hyperparams.h"

G_BEGIN_DECLS

/* parent: the widget asking (its window owns the dialogs; the toasts go to
 * its AdwToastOverlay ancestor).
 *
 * The model at model_path, written again by the engine as a GGUF file laid
 * out for llama.cpp (F32, so it answers there exactly as here); name: the
 * model's, for the file name offered. */
void ftl_export_model  (GtkWidget            *parent,
                        const char           *model_path,
                        const char           *name);

/* A new folder with what ftl_openai_export() writes: the training file
 * (and validation_file, if not NULL), the job request with hp and the
 * README that says how to start the job on OpenAI. */
void ftl_export_openai (GtkWidget            *parent,
                        const char           *training_file,
                        const char           *validation_file,
                        const FtlHyperparams *hp);

G_END_DECLS
