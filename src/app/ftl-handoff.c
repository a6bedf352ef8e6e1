/* ftl-handoff.c — one pending idle per channel from worker to main loop. */
#include "ftl-handoff.h"

void
ftl_handoff_init (FtlHandoff *self,
                  const char *name)
{
  self->context = g_main_context_ref_thread_default ();
  self->name = name;
  self->pending = FALSE;
}

void
ftl_handoff_clear (FtlHandoff *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
}

void
ftl_handoff_schedule (FtlHandoff     *self,
                      GSourceFunc     drain,
                      gpointer        data,
                      GBoxedCopyFunc  ref,
                      GDestroyNotify  unref)
{
  GSource *source;

  if (!g_atomic_int_compare_and_exchange (&self->pending, FALSE, TRUE))
    return;

  source = g_idle_source_new ();
  /* Above GTK's redraw priority: a window that repaints every frame (a
   * spinner, a slow renderer) must not starve the results it should show. */
  g_source_set_priority (source, G_PRIORITY_HIGH_IDLE);
  g_source_set_static_name (source, self->name);
  g_source_set_callback (source, drain, ref (data), unref);
  g_source_attach (source, self->context);
  g_source_unref (source);
}

void
ftl_handoff_begin_drain (FtlHandoff *self)
{
  g_atomic_int_set (&self->pending, FALSE);
}
