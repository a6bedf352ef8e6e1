/* ftl-metric-point.h — one training step's figures as a list-model item. */
#pragma once

#include <glib-object.h>

#include "ftl-job.h"

G_BEGIN_DECLS

#define FTL_TYPE_METRIC_POINT (ftl_metric_point_get_type ())
G_DECLARE_FINAL_TYPE (FtlMetricPoint, ftl_metric_point, FTL, METRIC_POINT, GObject)

FtlMetricPoint        *ftl_metric_point_new         (const FtlTrainMetrics *metrics);
const FtlTrainMetrics *ftl_metric_point_get_metrics (FtlMetricPoint        *self);

G_END_DECLS
