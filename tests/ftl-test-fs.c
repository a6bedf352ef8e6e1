/* ftl-test-fs.c — file systems that fail as real ones do. */
#include "ftl-test-fs.h"

#include <linux/capability.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

gboolean
ftl_test_drop_file_capabilities (void)
{
  static const int dropped[] = { CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER };
  struct __user_cap_header_struct header = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
  struct __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3];

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (dropped); i++)
    data[CAP_TO_INDEX (dropped[i])].effective &= ~CAP_TO_MASK (dropped[i]);
  return syscall (SYS_capset, &header, data) == 0;
}

void
ftl_test_limit_file_size (guint64 max_bytes)
{
  struct rlimit limit;

  /* Without this the first write past the limit kills the process. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert (getrlimit (RLIMIT_FSIZE, &limit) == 0);
  limit.rlim_cur = max_bytes == G_MAXUINT64 ? limit.rlim_max : (rlim_t) max_bytes;
  g_assert (setrlimit (RLIMIT_FSIZE, &limit) == 0);
}
