/* ftl-metric-point.c — a GObject around FtlTrainMetrics, so the job's steps
 * can live in a GListModel that the plot and the views observe. */
#include "ftl-metric-point.h"

struct _FtlMetricPoint
{
  GObject         parent_instance;
  FtlTrainMetrics metrics;
};

G_DEFINE_FINAL_TYPE (FtlMetricPoint, ftl_metric_point, G_TYPE_OBJECT)

static void
ftl_metric_point_class_init (FtlMetricPointClass *klass)
{
}

static void
ftl_metric_point_init (FtlMetricPoint *self)
{
}

FtlMetricPoint *
ftl_metric_point_new (const FtlTrainMetrics *metrics)
{
  FtlMetricPoint *self = g_object_new (FTL_TYPE_METRIC_POINT, NULL);

  self->metrics = *metrics;
  return self;
}

const FtlTrainMetrics *
ftl_metric_point_get_metrics (FtlMetricPoint *self)
{
  g_return_val_if_fail (FTL_IS_METRIC_POINT (self), NULL);
  return &self->metrics;
}
