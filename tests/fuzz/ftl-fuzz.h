/* ftl-fuzz.h — what every fuzz target provides and shares.
 *
 * A target is one file defining libFuzzer's two entry points. It is built
 * twice: with libFuzzer (meson -Dfuzzing=true, clang; tools/fuzz.sh) to search
 * for crashes, and with fuzz-replay.c in the normal build, where `meson test`
 * feeds it the seed corpus and every input that ever crashed it. A target
 * checks properties with FTL_FUZZ_CHECK, which aborts in both builds (so a
 * broken property is a crash libFuzzer keeps, and a failed test in meson).
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "ftl-tokenizer.h"

G_BEGIN_DECLS

int LLVMFuzzerInitialize   (int    *argc,
                            char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define FTL_FUZZ_CHECK(condition) \
  G_STMT_START { \
    if (G_UNLIKELY (!(condition))) \
      ftl_fuzz_fail (__FILE__, __LINE__, #condition); \
  } G_STMT_END

G_NORETURN void ftl_fuzz_fail (const char *file,
                               int         line,
                               const char *condition);

/* Criticals from g_return_if_fail() in the engine (a caller's mistake the
 * engine refused) are counted here instead of printed: a target that
 * provokes one on purpose checks that it came, the others that none did.
 * Installed by ftl_fuzz_init(). */
extern guint ftl_fuzz_n_criticals;

/* Call from LLVMFuzzerInitialize: quiet, fatal warnings (an engine warning
 * is a bug), counted criticals. */
void ftl_fuzz_init (void);

/* The built-in base model's tokenizer (loaded once, never freed): the one
 * users' text goes through. Aborts when the model file can't be read. */
FtlTokenizer *ftl_fuzz_base_tokenizer (void);

G_END_DECLS
