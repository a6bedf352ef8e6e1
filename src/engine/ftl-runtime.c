/* ftl-runtime.c — process-wide settings. */
#include "ftl-runtime.h"

#include <unistd.h>

void
ftl_runtime_init (char **argv)
{
  if (g_getenv ("OMP_WAIT_POLICY") != NULL)
    return;
  g_setenv ("OMP_WAIT_POLICY", "PASSIVE", TRUE);
  execv ("/proc/self/exe", argv);
}
