/* ftl-runtime.h — process-wide settings the engine needs before it runs. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call first thing in main(). OpenMP's threads spin between parallel regions
 * by default; on two cores that spinning takes the core the next sgemm needs
 * (measured: the lesson's fine-tune 7.4 s spinning, 5.2 s passive). libgomp
 * reads its wait policy before main() runs, so when the user has not chosen
 * one, this sets OMP_WAIT_POLICY=PASSIVE and re-executes the program; if that
 * fails the program simply goes on. */
void ftl_runtime_init (char **argv);

/* The number of threads the engine's parallel work uses (0 = one per core),
 * for OpenMP and OpenBLAS alike, applied to the calling thread. OpenMP keeps
 * the count per thread: a thread that runs engine work calls
 * ftl_runtime_use_threads() first to take the number set last. */
void ftl_runtime_set_threads (int n);
void ftl_runtime_use_threads (void);

/* Lowers the calling thread's CPU priority by niceness (Linux keeps nice
 * values per thread, and the threads it starts — its OpenMP team too —
 * inherit it), so a window's main loop drawing on the same cores keeps its
 * frame rate while the engine computes. Call before the first parallel
 * work on that thread; does nothing where the system does not allow it. */
void ftl_runtime_lower_priority (int niceness);

G_END_DECLS
