/* ftl-ops.c — the numeric kernels (contracts and shapes in ftl-ops.h).
 *
 * Matrix products go through OpenBLAS; everything else is written as plain
 * loops under `#pragma omp simd` so gcc vectorizes them at -O2 without
 * -march flags. Parallel loops only ever split independent rows (or
 * independent columns of a reduction), never a float sum, so results are
 * bit-identical from run to run. (OpenBLAS splits its work by thread count,
 * so runs with different counts may differ in the last bits.)
 */

#include "ftl-ops.h"

#include <cblas.h>
#include <math.h>
#include <omp.h>
#include <string.h>

/* Below this many floats of work an OpenMP region costs more than it saves. */
#define FTL_PARALLEL_MIN 32768

/* Attention works on blocks of this many query rows so that each block only
 * multiplies the keys it can see: about half of the T×T products are skipped. */
#define FTL_ATT_BLOCK 64

/* Columns per task in column reductions: one row segment stays in L1. */
#define FTL_COLUMN_BLOCK 64

/* ---- vectorizable exp ---------------------------------------------------- */

/* exp(x) for x in [FTL_EXP_MIN, FTL_EXP_MAX] (about 1 ulp, Cephes' expf
 * polynomial). glibc's expf does not vectorize without -ffast-math and is the
 * bottleneck of softmax over a large vocabulary. */
#define FTL_EXP_MIN -87.0f
#define FTL_EXP_MAX 88.0f

static inline float
ftl_exp_core (float x)
{
  /* x = k·ln2 + r with |r| ≤ ln2/2: adding 1.5·2²³ rounds k to an integer,
   * which then sits in the low mantissa bits of `shifted`. */
  const float shifter = 12582912.0f;
  float shifted = x * 1.44269504088896341f + shifter;
  float k = shifted - shifter;
  float r = x - k * 0.693359375f;
  r -= k * -2.12194440e-4f;

  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;

  /* 2^k from the bits, without a float → int conversion (undefined for NaN). */
  guint32 bits;
  float two_k;
  memcpy (&bits, &shifted, sizeof bits);
  bits = (bits - 0x4b400000u + 127u) << 23;
  memcpy (&two_k, &bits, sizeof two_k);
  return p * two_k;
}

/* y[i] = scale·x[i] − shift, clamped to the range of ftl_exp_core(); NaN
 * stays NaN so that divergence still shows in the loss. This is a loop of its
 * own because a clamp in the same loop as the exp makes gcc's PRE split the
 * loop body into branches, and then it no longer vectorizes. */
static void
ftl_exp_argument (float       *y,
                  const float *x,
                  int          n,
                  float        scale,
                  float        shift)
{
#pragma omp simd
  for (int i = 0; i < n; i++)
    {
      float a = scale * x[i] - shift;
      a = isless (a, FTL_EXP_MIN) ? FTL_EXP_MIN : a;
      y[i] = isgreater (a, FTL_EXP_MAX) ? FTL_EXP_MAX : a;
    }
}

/* Lanes of independent partial maxima: gcc turns the lane loop into
 * vector max instructions kept in registers (an `omp simd reduction(max)`
 * keeps its accumulator in memory, a store-load round trip per step). */
#define FTL_MAX_LANES 8

static float
ftl_row_max (const float *x,
             int          n)
{
  float lane[FTL_MAX_LANES];
  float max = -INFINITY;
  int i = 0;

  for (int l = 0; l < FTL_MAX_LANES; l++)
    lane[l] = -INFINITY;
  for (; i + FTL_MAX_LANES <= n; i += FTL_MAX_LANES)
    for (int l = 0; l < FTL_MAX_LANES; l++)
      lane[l] = isgreater (x[i + l], lane[l]) ? x[i + l] : lane[l];
  for (; i < n; i++)
    max = isgreater (x[i], max) ? x[i] : max;
  for (int l = 0; l < FTL_MAX_LANES; l++)
    max = isgreater (lane[l], max) ? lane[l] : max;

  return max;
}

/* x[0..n) ← softmax(x[0..n)), given max = ftl_row_max (x, n).
 * Returns the sum of exp(x − max), i.e. log-sum-exp = max + log(sum). */
static float
ftl_softmax_row (float *x,
                 int    n,
                 float  max)
{
  float sum = 0.0f;

  ftl_exp_argument (x, x, n, 1.0f, max);
#pragma omp simd reduction(+:sum)
  for (int i = 0; i < n; i++)
    {
      x[i] = ftl_exp_core (x[i]);
      sum += x[i];
    }

  float inv = 1.0f / sum;
#pragma omp simd
  for (int i = 0; i < n; i++)
    x[i] *= inv;

  return sum;
}

/* acc[c] += Σ_n a[n, c]                      when b == NULL
 * acc[c] += Σ_n a[n, c] · b[n, c] · s[n]     otherwise (b dense [N, C]).
 * Each column is summed top to bottom by one thread: deterministic for any
 * thread count. */
static void
ftl_column_sum (float       *acc,
                const float *a,
                int          a_stride,
                const float *b,
                const float *s,
                int          N,
                int          C)
{
  int n_blocks = (C + FTL_COLUMN_BLOCK - 1) / FTL_COLUMN_BLOCK;

#pragma omp parallel for schedule(static) if ((gsize) N * C >= FTL_PARALLEL_MIN)
  for (int blk = 0; blk < n_blocks; blk++)
    {
      int c0 = blk * FTL_COLUMN_BLOCK;
      int width = MIN (C - c0, FTL_COLUMN_BLOCK);
      float sum[FTL_COLUMN_BLOCK] = { 0 };

      for (int n = 0; n < N; n++)
        {
          const float *ar = a + (gsize) n * a_stride + c0;

          if (b == NULL)
            {
#pragma omp simd
              for (int c = 0; c < width; c++)
                sum[c] += ar[c];
            }
          else
            {
              const float *br = b + (gsize) n * C + c0;
              float sn = s[n];

#pragma omp simd
              for (int c = 0; c < width; c++)
                sum[c] += ar[c] * br[c] * sn;
            }
        }

      for (int c = 0; c < width; c++)
        acc[c0 + c] += sum[c];
    }
}

/* ---- matmul --------------------------------------------------------------- */

void
ftl_matmul_forward (float       *out,
                    int          out_stride,
                    const float *inp,
                    int          inp_stride,
                    const float *weight,
                    const float *bias,
                    int          N,
                    int          C,
                    int          OC)
{
  if (N <= 0)
    return;

  /* Start from the bias and let sgemm add the product (beta = 1). */
  if (bias != NULL)
    {
#pragma omp parallel for schedule(static) if ((gsize) N * OC >= FTL_PARALLEL_MIN)
      for (int n = 0; n < N; n++)
        memcpy (out + (gsize) n * out_stride, bias, OC * sizeof (float));
    }

  /* Also for one row (decoding): OpenBLAS's threaded sgemm beats its sgemv
   * here (measured with `bench`: ~650 against ~500 tokens/s). */
  cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasTrans, N, OC, C,
               1.0f, inp, inp_stride, weight, C,
               bias != NULL ? 1.0f : 0.0f, out, out_stride);
}

void
ftl_matmul_backward (float       *dinp,
                     int          dinp_stride,
                     float       *dweight,
                     float       *dbias,
                     const float *dout,
                     int          dout_stride,
                     const float *inp,
                     int          inp_stride,
                     const float *weight,
                     int          N,
                     int          C,
                     int          OC)
{
  if (N <= 0)
    return;

  if (dinp != NULL)
    cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, N, C, OC,
                 1.0f, dout, dout_stride, weight, C,
                 1.0f, dinp, dinp_stride);

  cblas_sgemm (CblasRowMajor, CblasTrans, CblasNoTrans, OC, C, N,
               1.0f, dout, dout_stride, inp, inp_stride,
               1.0f, dweight, C);

  if (dbias != NULL)
    ftl_column_sum (dbias, dout, dout_stride, NULL, NULL, N, OC);
}

/* ---- RMSNorm -------------------------------------------------------------- */

void
ftl_rmsnorm_forward (float       *out,
                     float       *rstd,
                     const float *inp,
                     const float *weight,
                     int          N,
                     int          C,
                     float        eps)
{
#pragma omp parallel for schedule(static) if ((gsize) N * C >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      const float *x = inp + (gsize) n * C;
      float *o = out + (gsize) n * C;
      float ss = 0.0f;

#pragma omp simd reduction(+:ss)
      for (int c = 0; c < C; c++)
        ss += x[c] * x[c];

      float r = 1.0f / sqrtf (ss / C + eps);
      if (rstd != NULL)
        rstd[n] = r;

#pragma omp simd
      for (int c = 0; c < C; c++)
        o[c] = x[c] * r * weight[c];
    }
}

void
ftl_rmsnorm_backward (float       *dinp,
                      float       *dweight,
                      const float *dout,
                      const float *inp,
                      const float *weight,
                      const float *rstd,
                      int          N,
                      int          C)
{
  /* out = x·r·w with r = (mean x² + eps)^(−1/2), ∂r/∂x_j = −r³·x_j / C:
   * dx_j = r·w_j·dout_j − (r³/C)·x_j·Σ_c dout_c·w_c·x_c */
#pragma omp parallel for schedule(static) if ((gsize) N * C >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      const float *x = inp + (gsize) n * C;
      const float *d = dout + (gsize) n * C;
      float *dx = dinp + (gsize) n * C;
      float r = rstd[n];
      float dot = 0.0f;

#pragma omp simd reduction(+:dot)
      for (int c = 0; c < C; c++)
        dot += d[c] * weight[c] * x[c];

      float k = r * r * r * dot / C;
#pragma omp simd
      for (int c = 0; c < C; c++)
        dx[c] += r * weight[c] * d[c] - k * x[c];
    }

  ftl_column_sum (dweight, dout, C, inp, rstd, N, C);
}

/* ---- RoPE ----------------------------------------------------------------- */

void
ftl_rope_table (float *table,
                int    T,
                int    head_size,
                float  base)
{
  int half = head_size / 2;

  for (int t = 0; t < T; t++)
    for (int i = 0; i < half; i++)
      {
        double theta = t * pow (base, -2.0 * i / head_size);
        table[((gsize) t * half + i) * 2] = (float) cos (theta);
        table[((gsize) t * half + i) * 2 + 1] = (float) sin (theta);
      }
}

/* Rotates every pair by +θ (sign = 1) or −θ (sign = −1, the inverse). */
static void
ftl_rope_rotate (float       *x,
                 int          row_stride,
                 const float *table,
                 int          B,
                 int          T,
                 int          pos0,
                 int          n_heads,
                 int          head_size,
                 float        sign)
{
  int half = head_size / 2;
  gsize work = (gsize) B * T * n_heads * head_size;

#pragma omp parallel for schedule(static) if (work >= FTL_PARALLEL_MIN)
  for (int row = 0; row < B * T; row++)
    {
      const float *cs = table + (gsize) (pos0 + row % T) * head_size;

      for (int h = 0; h < n_heads; h++)
        {
          float *x0 = x + (gsize) row * row_stride + h * head_size;
          float *x1 = x0 + half;

#pragma omp simd
          for (int i = 0; i < half; i++)
            {
              float c = cs[2 * i];
              float s = sign * cs[2 * i + 1];
              float a = x0[i];
              float b = x1[i];

              x0[i] = a * c - b * s;
              x1[i] = a * s + b * c;
            }
        }
    }
}

void
ftl_rope_forward (float       *x,
                  int          row_stride,
                  const float *table,
                  int          B,
                  int          T,
                  int          pos0,
                  int          n_heads,
                  int          head_size)
{
  ftl_rope_rotate (x, row_stride, table, B, T, pos0, n_heads, head_size, 1.0f);
}

void
ftl_rope_backward (float       *dx,
                   int          row_stride,
                   const float *table,
                   int          B,
                   int          T,
                   int          pos0,
                   int          n_heads,
                   int          head_size)
{
  ftl_rope_rotate (dx, row_stride, table, B, T, pos0, n_heads, head_size, -1.0f);
}

/* ---- attention ------------------------------------------------------------ */

void
ftl_attention_forward (float       *out,
                       float       *att,
                       const float *q,
                       int          q_stride,
                       const float *k,
                       const float *v,
                       int          kv_stride,
                       int          B,
                       int          T,
                       int          NH,
                       int          NKV,
                       int          HS)
{
  int group = NH / NKV;
  int out_stride = NH * HS;
  float scale = 1.0f / sqrtf ((float) HS);

  /* Heads are independent here (each writes its own att block and out
   * columns), so split over (b, h), which gives more tasks than (b, g). */
#pragma omp parallel for schedule(static)
  for (int bh = 0; bh < B * NH; bh++)
    {
      int b = bh / NH;
      int h = bh % NH;
      int g = h / group;
      const float *qh = q + (gsize) b * T * q_stride + h * HS;
      const float *kg = k + (gsize) b * T * kv_stride + g * HS;
      const float *vg = v + (gsize) b * T * kv_stride + g * HS;
      float *oh = out + (gsize) b * T * out_stride + h * HS;
      float *ah = att + (gsize) bh * T * T;

      for (int r0 = 0; r0 < T; r0 += FTL_ATT_BLOCK)
        {
          int r1 = MIN (T, r0 + FTL_ATT_BLOCK);

          /* Rows r0…r1−1 only see keys 0…r1−1. */
          cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasTrans, r1 - r0, r1, HS,
                       scale, qh + (gsize) r0 * q_stride, q_stride, kg, kv_stride,
                       0.0f, ah + (gsize) r0 * T, T);

          for (int i = r0; i < r1; i++)
            {
              float *row = ah + (gsize) i * T;

              ftl_softmax_row (row, i + 1, ftl_row_max (row, i + 1));
              memset (row + i + 1, 0, (T - i - 1) * sizeof (float));
            }

          cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, r1 - r0, HS, r1,
                       1.0f, ah + (gsize) r0 * T, T, vg, kv_stride,
                       0.0f, oh + (gsize) r0 * out_stride, out_stride);
        }
    }
}

gsize
ftl_attention_scratch_size (int T)
{
  return (gsize) T * T * omp_get_max_threads ();
}

void
ftl_attention_backward (float       *dq,
                        float       *dk,
                        float       *dv,
                        float       *scratch,
                        const float *dout,
                        const float *att,
                        const float *q,
                        int          q_stride,
                        const float *k,
                        const float *v,
                        int          kv_stride,
                        int          B,
                        int          T,
                        int          NH,
                        int          NKV,
                        int          HS)
{
  int group = NH / NKV;
  int dout_stride = NH * HS;
  float scale = 1.0f / sqrtf ((float) HS);

  /* One task per (b, kv head) runs all query heads of the group, so dk and
   * dv of that kv head are only ever written by one thread, in head order. */
#pragma omp parallel for schedule(static)
  for (int bg = 0; bg < B * NKV; bg++)
    {
      int b = bg / NKV;
      int g = bg % NKV;
      const float *kg = k + (gsize) b * T * kv_stride + g * HS;
      const float *vg = v + (gsize) b * T * kv_stride + g * HS;
      float *dkg = dk + (gsize) b * T * kv_stride + g * HS;
      float *dvg = dv + (gsize) b * T * kv_stride + g * HS;
      float *ds = scratch + (gsize) omp_get_thread_num () * T * T;

      for (int h = g * group; h < (g + 1) * group; h++)
        {
          const float *qh = q + (gsize) b * T * q_stride + h * HS;
          const float *doh = dout + (gsize) b * T * dout_stride + h * HS;
          const float *ah = att + ((gsize) b * NH + h) * T * T;
          float *dqh = dq + (gsize) b * T * q_stride + h * HS;

          for (int r0 = 0; r0 < T; r0 += FTL_ATT_BLOCK)
            {
              int r1 = MIN (T, r0 + FTL_ATT_BLOCK);

              /* dP = dO · Vᵀ over the visible keys. */
              cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasTrans, r1 - r0, r1, HS,
                           1.0f, doh + (gsize) r0 * dout_stride, dout_stride, vg, kv_stride,
                           0.0f, ds + (gsize) r0 * T, T);

              /* Softmax backward in place: dS = P ⊙ (dP − Σ_j P·dP); the
               * masked part of the block must be 0 for the products below. */
              for (int i = r0; i < r1; i++)
                {
                  const float *p = ah + (gsize) i * T;
                  float *d = ds + (gsize) i * T;
                  float dot = 0.0f;

#pragma omp simd reduction(+:dot)
                  for (int j = 0; j <= i; j++)
                    dot += p[j] * d[j];
#pragma omp simd
                  for (int j = 0; j <= i; j++)
                    d[j] = p[j] * (d[j] - dot);
                  for (int j = i + 1; j < r1; j++)
                    d[j] = 0.0f;
                }

              /* dQ += scale · dS · K */
              cblas_sgemm (CblasRowMajor, CblasNoTrans, CblasNoTrans, r1 - r0, HS, r1,
                           scale, ds + (gsize) r0 * T, T, kg, kv_stride,
                           1.0f, dqh + (gsize) r0 * q_stride, q_stride);
            }

          /* Key block c0…c1−1 is seen by query rows c0…T−1 only. */
          for (int c0 = 0; c0 < T; c0 += FTL_ATT_BLOCK)
            {
              int c1 = MIN (T, c0 + FTL_ATT_BLOCK);
              gsize corner = (gsize) c0 * T + c0;

              /* dK += scale · dSᵀ · Q,  dV += Pᵀ · dO */
              cblas_sgemm (CblasRowMajor, CblasTrans, CblasNoTrans, c1 - c0, HS, T - c0,
                           scale, ds + corner, T, qh + (gsize) c0 * q_stride, q_stride,
                           1.0f, dkg + (gsize) c0 * kv_stride, kv_stride);
              cblas_sgemm (CblasRowMajor, CblasTrans, CblasNoTrans, c1 - c0, HS, T - c0,
                           1.0f, ah + corner, T, doh + (gsize) c0 * dout_stride, dout_stride,
                           1.0f, dvg + (gsize) c0 * kv_stride, kv_stride);
            }
        }
    }
}

void
ftl_attention_cached_forward (float       *out,
                              float       *scratch,
                              const float *q,
                              int          q_stride,
                              const float *k_cache,
                              const float *v_cache,
                              int          n,
                              int          pos0,
                              int          NH,
                              int          NKV,
                              int          HS)
{
  int group = NH / NKV;
  int kv_stride = NKV * HS;
  int max_len = pos0 + n;
  float scale = 1.0f / sqrtf ((float) HS);

  /* Each (row, head) is an independent matrix-vector pair. */
#pragma omp parallel for schedule(static) if ((gsize) n * NH * max_len * HS >= FTL_PARALLEL_MIN)
  for (int rh = 0; rh < n * NH; rh++)
    {
      int r = rh / NH;
      int h = rh % NH;
      int g = h / group;
      int len = pos0 + r + 1;
      float *s = scratch + (gsize) omp_get_thread_num () * max_len;

      cblas_sgemv (CblasRowMajor, CblasNoTrans, len, HS,
                   scale, k_cache + g * HS, kv_stride, q + (gsize) r * q_stride + h * HS, 1,
                   0.0f, s, 1);
      ftl_softmax_row (s, len, ftl_row_max (s, len));
      cblas_sgemv (CblasRowMajor, CblasTrans, len, HS,
                   1.0f, v_cache + g * HS, kv_stride, s, 1,
                   0.0f, out + (gsize) r * NH * HS + h * HS, 1);
    }
}

/* ---- SwiGLU --------------------------------------------------------------- */

void
ftl_swiglu_forward (float       *out,
                    const float *gu,
                    int          N,
                    int          F)
{
#pragma omp parallel for schedule(static) if ((gsize) N * F >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      const float *g = gu + (gsize) n * 2 * F;
      const float *u = g + F;
      float *o = out + (gsize) n * F;

      /* out = g·u / (1 + e^−g), with e^−g staged in out. */
      ftl_exp_argument (o, g, F, -1.0f, 0.0f);
#pragma omp simd
      for (int i = 0; i < F; i++)
        o[i] = g[i] * u[i] / (1.0f + ftl_exp_core (o[i]));
    }
}

void
ftl_swiglu_backward (float       *dgu,
                     const float *dout,
                     const float *gu,
                     int          N,
                     int          F)
{
#pragma omp parallel for schedule(static) if ((gsize) N * F >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      const float *g = gu + (gsize) n * 2 * F;
      const float *u = g + F;
      const float *d = dout + (gsize) n * F;
      float *dg = dgu + (gsize) n * 2 * F;
      float *du = dg + F;

      /* σ = 1/(1 + e^−g): ∂out/∂u = g·σ, ∂out/∂g = u·σ·(1 + g·(1 − σ)). */
      ftl_exp_argument (dg, g, F, -1.0f, 0.0f);
#pragma omp simd
      for (int i = 0; i < F; i++)
        {
          float s = 1.0f / (1.0f + ftl_exp_core (dg[i]));

          du[i] = d[i] * g[i] * s;
          dg[i] = d[i] * u[i] * s * (1.0f + g[i] * (1.0f - s));
        }
    }
}

/* ---- cross-entropy -------------------------------------------------------- */

float
ftl_cross_entropy_forward (float       *logits,
                           float       *losses,
                           float       *correct,
                           const int   *targets,
                           const float *mask,
                           int          N,
                           int          V)
{
#pragma omp parallel for schedule(static) if ((gsize) N * V >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      float *row = logits + (gsize) n * V;
      gboolean trained = mask == NULL || mask[n] != 0.0f;
      float max = ftl_row_max (row, V);
      int argmax = 0;

      while (argmax < V - 1 && row[argmax] != max)
        argmax++;

      /* −log p(target) = max − logit(target) + log Σ exp(logit − max) */
      float shifted = trained ? max - row[targets[n]] : 0.0f;
      float sum = ftl_softmax_row (row, V, max);

      losses[n] = trained ? shifted + logf (sum) : 0.0f;
      if (correct != NULL)
        correct[n] = trained && argmax == targets[n] ? 1.0f : 0.0f;
    }

  /* Serial, in row order, to stay deterministic. */
  double total = 0.0;
  double weight = 0.0;
  for (int n = 0; n < N; n++)
    {
      float m = mask != NULL ? mask[n] : 1.0f;

      total += (double) m * losses[n];
      weight += m;
    }

  return weight != 0.0 ? (float) (total / weight) : 0.0f;
}

void
ftl_cross_entropy_backward (float       *dlogits,
                            const float *probs,
                            const int   *targets,
                            const float *mask,
                            float        dloss,
                            int          N,
                            int          V)
{
  double weight = 0.0;

  for (int n = 0; n < N; n++)
    weight += mask != NULL ? mask[n] : 1.0f;

  float coef = weight != 0.0 ? (float) (dloss / weight) : 0.0f;

  /* probs may be dlogits itself: read each element before writing it. */
#pragma omp parallel for schedule(static) if ((gsize) N * V >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    {
      const float *p = probs + (gsize) n * V;
      float *d = dlogits + (gsize) n * V;
      float w = (mask != NULL ? mask[n] : 1.0f) * coef;

      if (w == 0.0f)
        {
          memset (d, 0, V * sizeof (float));
          continue;
        }

      float p_target = p[targets[n]];
#pragma omp simd
      for (int j = 0; j < V; j++)
        d[j] = p[j] * w;
      d[targets[n]] = (p_target - 1.0f) * w;
    }
}

/* ---- elementwise and embedding -------------------------------------------- */

void
ftl_add_forward (float       *out,
                 const float *a,
                 const float *b,
                 gsize        n)
{
#pragma omp parallel for simd schedule(static) if (n >= FTL_PARALLEL_MIN)
  for (gsize i = 0; i < n; i++)
    out[i] = a[i] + b[i];
}

void
ftl_embedding_forward (float       *out,
                       const int   *tokens,
                       const float *wte,
                       int          N,
                       int          C)
{
#pragma omp parallel for schedule(static) if ((gsize) N * C >= FTL_PARALLEL_MIN)
  for (int n = 0; n < N; n++)
    memcpy (out + (gsize) n * C, wte + (gsize) tokens[n] * C, C * sizeof (float));
}

void
ftl_embedding_backward (float       *dwte,
                        const float *dout,
                        const int   *tokens,
                        int          N,
                        int          C)
{
  for (int n = 0; n < N; n++)
    {
      float *dw = dwte + (gsize) tokens[n] * C;
      const float *d = dout + (gsize) n * C;

#pragma omp simd
      for (int c = 0; c < C; c++)
        dw[c] += d[c];
    }
}
