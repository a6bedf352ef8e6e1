/* ftl-test-fs.h — file systems that fail as real ones do, for the suites
 * that check nothing is lost: a folder this process may not write, and a
 * disk that fills up. Both change the whole process: use them in a test
 * that Check runs in a process of its own (the default, CK_FORK). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes a folder's mode bind this process, root included: drops the
 * capabilities that let root write where the mode says no (CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER) from its effective set, for good. FALSE
 * when they could not be dropped. */
gboolean ftl_test_drop_file_capabilities (void);

/* Writes past max_bytes of a file fail with EFBIG from now on, as writes on
 * a full disk fail with ENOSPC: the kernel's RLIMIT_FSIZE, with SIGXFSZ
 * ignored. G_MAXUINT64 lifts the limit again. */
void     ftl_test_limit_file_size        (guint64 max_bytes);

G_END_DECLS
