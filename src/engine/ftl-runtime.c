/* ftl-runtime.c — process-wide settings. */
#include "ftl-runtime.h"

#include <cblas.h>
#include <errno.h>
#include <omp.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static int n_threads;  /* atomic; 0 = one per core */

void
ftl_runtime_init (char **argv)
{
  if (g_getenv ("OMP_WAIT_POLICY") != NULL)
    return;
  g_setenv ("OMP_WAIT_POLICY", "PASSIVE", TRUE);
  execv ("/proc/self/exe", argv);
}

void
ftl_runtime_set_threads (int n)
{
  g_atomic_int_set (&n_threads, MAX (0, n));
  ftl_runtime_use_threads ();
}

void
ftl_runtime_use_threads (void)
{
  int n = g_atomic_int_get (&n_threads);

  /* The cores this process may run on (its CPU affinity: taskset, a
   * container's cpuset), where g_get_num_processors() counts the machine's. */
  if (n == 0)
    n = omp_get_num_procs ();
  omp_set_num_threads (n);
  /* OpenBLAS's OpenMP build keeps one count for the whole process, and once
   * it is 1 it no longer follows OpenMP's: set it as well. */
  openblas_set_num_threads (n);
}

void
ftl_runtime_lower_priority (int niceness)
{
#ifdef SYS_gettid
  id_t tid = (id_t) syscall (SYS_gettid);
  int current;

  errno = 0;
  current = getpriority (PRIO_PROCESS, tid);
  if (errno == 0)
    setpriority (PRIO_PROCESS, tid, MIN (current + niceness, 19));
#endif
}
