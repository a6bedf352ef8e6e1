/* ftl-test-util.h — fixtures the test suites share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Twelve short pirate conversations as OpenAI chat JSONL (enough for the
 * minimum of ten), each with the same system message. */
char    *ftl_test_pirate_jsonl (void);

/* Writes a tiny random base model (the "tiny" shape with context_length,
 * seed 3, fine-tuning rate 3e-3) whose tokenizer of 300 tokens was learned
 * from text. */
gboolean ftl_test_write_tiny_base_model (const char  *path,
                                         const char  *text,
                                         int          context_length,
                                         GError     **error);

/* Deletes path and, for a folder, everything under it (links are removed,
 * not followed). */
void     ftl_test_remove_tree (const char *path);

G_END_DECLS
