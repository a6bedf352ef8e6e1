/* ftl-tsan-glib.c — tells ThreadSanitizer about GLib's synchronisation, for
 * the test programs of a -Db_sanitize=thread build (tools/sanitize.sh).
 *
 * Debian's GLib is not built with ThreadSanitizer, and on Linux its GMutex
 * and GCond are futexes and its reference counts plain atomics, none of
 * which TSan can see: every object handed from a worker thread to the main
 * thread under a GMutex would be reported as a race. What crosses threads
 * in our code is plain data under a GMutex and reference-counted boxes (our
 * GObjects stay on the main thread). These wrappers replace the GLib
 * functions for those (the test programs link this file whole, so the
 * engine's and the app's calls, and other libraries' calls into GLib,
 * resolve here), call GLib's own through dlsym(RTLD_NEXT), and add the
 * acquire/release annotations GLib's implementation implies. They change
 * no behaviour.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <glib.h>
#include <pthread.h>
#include <sanitizer/tsan_interface.h>
#include <stdio.h>
#include <stdlib.h>

static void     (*real_g_mutex_lock) (GMutex *);
static gboolean (*real_g_mutex_trylock) (GMutex *);
static void     (*real_g_mutex_unlock) (GMutex *);
static void     (*real_g_cond_wait) (GCond *, GMutex *);
static gboolean (*real_g_cond_wait_until) (GCond *, GMutex *, gint64);
static void     (*real_g_atomic_rc_box_release_full) (gpointer, GDestroyNotify);

static gpointer
real_symbol (const char *name)
{
  gpointer symbol = dlsym (RTLD_NEXT, name);

  if (symbol == NULL)
    {
      fprintf (stderr, "ftl-tsan-glib: no %s in GLib\n", name);
      abort ();
    }
  return symbol;
}

static void
find_real_functions_once (void)
{
  real_g_mutex_lock = real_symbol ("g_mutex_lock");
  real_g_mutex_trylock = real_symbol ("g_mutex_trylock");
  real_g_mutex_unlock = real_symbol ("g_mutex_unlock");
  real_g_cond_wait = real_symbol ("g_cond_wait");
  real_g_cond_wait_until = real_symbol ("g_cond_wait_until");
  real_g_atomic_rc_box_release_full = real_symbol ("g_atomic_rc_box_release_full");
}

/* On the first call, often from a library's constructor before main();
 * pthread_once, which TSan understands, orders it before every use. */
static void
find_real_functions (void)
{
  static pthread_once_t once = PTHREAD_ONCE_INIT;

  pthread_once (&once, find_real_functions_once);
}

void
g_mutex_lock (GMutex *mutex)
{
  find_real_functions ();
  real_g_mutex_lock (mutex);
  __tsan_acquire (mutex);
}

gboolean
g_mutex_trylock (GMutex *mutex)
{
  find_real_functions ();
  gboolean locked = real_g_mutex_trylock (mutex);

  if (locked)
    __tsan_acquire (mutex);
  return locked;
}

void
g_mutex_unlock (GMutex *mutex)
{
  find_real_functions ();
  __tsan_release (mutex);
  real_g_mutex_unlock (mutex);
}

void
g_cond_wait (GCond  *cond,
             GMutex *mutex)
{
  find_real_functions ();
  __tsan_release (mutex);
  real_g_cond_wait (cond, mutex);
  __tsan_acquire (mutex);
}

gboolean
g_cond_wait_until (GCond  *cond,
                   GMutex *mutex,
                   gint64  end_time)
{
  find_real_functions ();
  __tsan_release (mutex);
  gboolean signalled = real_g_cond_wait_until (cond, mutex, end_time);
  __tsan_acquire (mutex);
  return signalled;
}

/* A reference count: each release publishes what its thread wrote; the
 * thread that frees acquires all of it first. GLib calls clear_func (and
 * frees) only for the last reference, so the acquire goes there. */
static __thread GDestroyNotify pending_clear;

static void
clear_after_acquire (gpointer mem)
{
  __tsan_acquire (mem);
  if (pending_clear != NULL)
    pending_clear (mem);
}

void
g_atomic_rc_box_release_full (gpointer       mem,
                              GDestroyNotify clear_func)
{
  find_real_functions ();
  GDestroyNotify saved = pending_clear;

  __tsan_release (mem);
  pending_clear = clear_func;
  real_g_atomic_rc_box_release_full (mem, clear_after_acquire);
  pending_clear = saved;
}

void
g_atomic_rc_box_release (gpointer mem)
{
  g_atomic_rc_box_release_full (mem, NULL);
}
