/* ftl-handoff.h — how a worker thread hands its results to the main loop:
 * it queues them (under its own lock) and calls ftl_handoff_schedule(), which
 * attaches an idle only if none is pending, so a burst of results costs one
 * main-loop dispatch that drains them all, and none is lost. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  GMainContext *context;  /* the thread-default context of whoever set this up */
  const char   *name;     /* the idle source's name (static) */
  gint          pending;  /* atomic: an idle is attached and has not begun */
} FtlHandoff;

/* On the thread whose main loop should receive the results. */
void ftl_handoff_init  (FtlHandoff *self,
                        const char *name);
void ftl_handoff_clear (FtlHandoff *self);

/* From any thread: unless an idle is already pending, attaches one that runs
 * drain (ref (data)), releasing its reference with unref afterwards. */
void ftl_handoff_schedule (FtlHandoff     *self,
                           GSourceFunc     drain,
                           gpointer        data,
                           GBoxedCopyFunc  ref,
                           GDestroyNotify  unref);

/* First thing in drain: results queued from now on schedule a new idle. */
void ftl_handoff_begin_drain (FtlHandoff *self);

G_END_DECLS
