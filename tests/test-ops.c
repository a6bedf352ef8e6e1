/* test-ops.c — checks every kernel of ftl-ops against straightforward
 * double-precision references written here.
 *
 * Forward: float result vs double reference, relative error < 1e-5.
 * Backward: float gradient vs central finite differences of the double
 * reference (loss = Σ dout·out for a random dout), relative error < 1e-4.
 * "Relative" means |got − want| ≤ tol · max(|want|, max|want| / 10): values
 * that cancel to nearly 0 are judged against a tenth of the largest one.
 * Gradients that accumulate start from random values, which are subtracted.
 */

#include "ftl-ops.h"
#include "ftl-test-util.h"

#include <check.h>
#include <math.h>
#include <omp.h>
#include <stdlib.h>
#include <string.h>

#define FORWARD_TOL 1e-5
#define BACKWARD_TOL 1e-4

/* ---- helpers -------------------------------------------------------------- */

static float *
random_floats (GRand *rand,
               gsize  n,
               double lo,
               double hi)
{
  float *x = g_new (float, n);

  for (gsize i = 0; i < n; i++)
    x[i] = (float) g_rand_double_range (rand, lo, hi);
  return x;
}

static float *
copy_floats (const float *x,
             gsize        n)
{
  return g_memdup2 (x, n * sizeof (float));
}

/* dst[rows, cols] = src[rows, cols of stride] − before (when before != NULL) */
static double *
to_double (const float *src,
           const float *before,
           int          rows,
           int          cols,
           int          stride)
{
  double *dst = g_new (double, (gsize) rows * cols);

  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++)
      {
        gsize i = (gsize) r * stride + c;
        dst[(gsize) r * cols + c] = (double) src[i] - (before != NULL ? before[i] : 0.0);
      }
  return dst;
}

/* See the tolerance rule at the top. Entries of want that are NaN are not
 * compared (finite differences that were skipped). Asserts once, on the worst
 * entry: Check records every assertion, which is slow in loops. */
static void
check_close (const char   *what,
             const double *got,
             const double *want,
             gsize         n,
             double        tol)
{
  double max_want = 0.0;
  double worst = 0.0;
  gsize worst_i = 0;
  gsize compared = 0;

  for (gsize i = 0; i < n; i++)
    if (!isnan (want[i]))
      max_want = MAX (max_want, fabs (want[i]));

  for (gsize i = 0; i < n; i++)
    {
      if (isnan (want[i]))
        continue;
      double err = fabs (got[i] - want[i]) / MAX (fabs (want[i]), max_want / 10.0);
      compared++;
      if (isnan (err) || err > worst)
        {
          worst = err;
          worst_i = i;
          if (isnan (err))
            break;
        }
    }
  ck_assert_msg (compared > 0 && max_want > 0.0, "%s: nothing to compare", what);
  ck_assert_msg (worst <= tol,
                 "%s[%" G_GSIZE_FORMAT "]: got %.9g, want %.9g (relative error %g > %g)",
                 what, worst_i, got[worst_i], want[worst_i], worst, tol);
}

static void
check_close_float (const char   *what,
                   const float  *got,
                   int           rows,
                   int           cols,
                   int           stride,
                   const double *want,
                   double        tol)
{
  g_autofree double *g = to_double (got, NULL, rows, cols, stride);
  check_close (what, g, want, (gsize) rows * cols, tol);
}

/* Columns cols … stride−1 of every row must still hold `value`. */
static void
check_padding (const char  *what,
               const float *x,
               int          rows,
               int          cols,
               int          stride,
               float        value)
{
  for (int r = 0; r < rows; r++)
    for (int c = cols; c < stride; c++)
      if (x[(gsize) r * stride + c] != value)
        ck_abort_msg ("%s: padding [%d, %d] was written", what, r, c);
}

typedef double (*LossFunc) (gpointer ctx);

/* Central differences of loss(ctx) w.r.t. x[0], x[step], x[2·step], …; the
 * other entries are NaN. x lives inside ctx. */
static double *
fd_gradient (LossFunc loss,
             gpointer ctx,
             double  *x,
             gsize    n,
             gsize    step)
{
  double *grad = g_new (double, n);

  for (gsize i = 0; i < n; i++)
    {
      grad[i] = NAN;
      if (i % step != 0)
        continue;

      double saved = x[i];
      double h = 1e-5 * MAX (1.0, fabs (saved));

      x[i] = saved + h;
      double plus = loss (ctx);
      x[i] = saved - h;
      double minus = loss (ctx);
      x[i] = saved;
      grad[i] = (plus - minus) / (2.0 * h);
    }
  return grad;
}

static double
dot (const double *a,
     const double *b,
     gsize         n)
{
  double sum = 0.0;

  for (gsize i = 0; i < n; i++)
    sum += a[i] * b[i];
  return sum;
}

/* ---- double-precision references ------------------------------------------ */

static void
ref_matmul (double       *out,
            const double *inp,
            const double *weight,
            const double *bias,
            int           N,
            int           C,
            int           OC)
{
  for (int n = 0; n < N; n++)
    for (int o = 0; o < OC; o++)
      {
        double sum = bias != NULL ? bias[o] : 0.0;
        for (int c = 0; c < C; c++)
          sum += inp[n * C + c] * weight[o * C + c];
        out[n * OC + o] = sum;
      }
}

static void
ref_rmsnorm (double       *out,
             double       *rstd,
             const double *inp,
             const double *weight,
             int           N,
             int           C,
             double        eps)
{
  for (int n = 0; n < N; n++)
    {
      double ss = 0.0;
      for (int c = 0; c < C; c++)
        ss += inp[n * C + c] * inp[n * C + c];
      double r = 1.0 / sqrt (ss / C + eps);
      if (rstd != NULL)
        rstd[n] = r;
      for (int c = 0; c < C; c++)
        out[n * C + c] = inp[n * C + c] * r * weight[c];
    }
}

/* NEOX RoPE on dense rows [B·T, n_heads·head_size], angles computed here. */
static void
ref_rope (double       *out,
          const double *x,
          int           B,
          int           T,
          int           pos0,
          int           n_heads,
          int           head_size,
          double        base)
{
  int half = head_size / 2;

  for (int row = 0; row < B * T; row++)
    for (int h = 0; h < n_heads; h++)
      for (int i = 0; i < half; i++)
        {
          double theta = (pos0 + row % T) * pow (base, -2.0 * i / head_size);
          gsize i0 = (gsize) row * n_heads * head_size + h * head_size + i;
          gsize i1 = i0 + half;
          out[i0] = x[i0] * cos (theta) - x[i1] * sin (theta);
          out[i1] = x[i0] * sin (theta) + x[i1] * cos (theta);
        }
}

/* Dense q [B·T, NH·HS], k, v [B·T, NKV·HS] → out [B·T, NH·HS]. */
static void
ref_attention (double       *out,
               const double *q,
               const double *k,
               const double *v,
               int           B,
               int           T,
               int           NH,
               int           NKV,
               int           HS)
{
  g_autofree double *p = g_new (double, T);

  for (int b = 0; b < B; b++)
    for (int h = 0; h < NH; h++)
      for (int t = 0; t < T; t++)
        {
          int g = h / (NH / NKV);
          const double *qt = q + ((gsize) (b * T + t) * NH + h) * HS;
          double max = -INFINITY;
          double sum = 0.0;

          for (int j = 0; j <= t; j++)
            {
              const double *kj = k + ((gsize) (b * T + j) * NKV + g) * HS;
              p[j] = dot (qt, kj, HS) / sqrt (HS);
              max = MAX (max, p[j]);
            }
          for (int j = 0; j <= t; j++)
            sum += p[j] = exp (p[j] - max);

          double *ot = out + ((gsize) (b * T + t) * NH + h) * HS;
          for (int e = 0; e < HS; e++)
            {
              ot[e] = 0.0;
              for (int j = 0; j <= t; j++)
                ot[e] += p[j] / sum * v[((gsize) (b * T + j) * NKV + g) * HS + e];
            }
        }
}

static void
ref_swiglu (double       *out,
            const double *gu,
            int           N,
            int           F)
{
  for (int n = 0; n < N; n++)
    for (int i = 0; i < F; i++)
      {
        double g = gu[n * 2 * F + i];
        out[n * F + i] = g / (1.0 + exp (-g)) * gu[n * 2 * F + F + i];
      }
}

/* Fills probs (when not NULL) and losses; returns the masked mean loss. */
static double
ref_cross_entropy (double       *probs,
                   double       *losses,
                   const double *logits,
                   const int    *targets,
                   const float  *mask,
                   int           N,
                   int           V)
{
  double total = 0.0;
  double weight = 0.0;

  for (int n = 0; n < N; n++)
    {
      const double *row = logits + (gsize) n * V;
      double max = -INFINITY;
      double sum = 0.0;

      for (int j = 0; j < V; j++)
        max = MAX (max, row[j]);
      for (int j = 0; j < V; j++)
        sum += exp (row[j] - max);
      if (probs != NULL)
        for (int j = 0; j < V; j++)
          probs[(gsize) n * V + j] = exp (row[j] - max) / sum;

      double loss = mask[n] != 0.0f ? log (sum) + max - row[targets[n]] : 0.0;
      if (losses != NULL)
        losses[n] = loss;
      total += mask[n] * loss;
      weight += mask[n];
    }
  return weight != 0.0 ? total / weight : 0.0;
}

/* ---- matmul --------------------------------------------------------------- */

typedef struct
{
  int     N, C, OC;
  double *inp, *weight, *bias, *dout;
} MatmulCtx;

static double
matmul_loss (gpointer data)
{
  MatmulCtx *m = data;
  g_autofree double *out = g_new (double, (gsize) m->N * m->OC);

  ref_matmul (out, m->inp, m->weight, m->bias, m->N, m->C, m->OC);
  return dot (out, m->dout, (gsize) m->N * m->OC);
}

START_TEST (test_matmul)
{
  enum { N = 5, C = 7, OC = 6, IS = C + 3, OS = OC + 2, DS = OC + 1, DIS = C + 2 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  g_autofree float *inp = random_floats (rand, N * IS, -1, 1);
  g_autofree float *weight = random_floats (rand, OC * C, -1, 1);
  g_autofree float *bias = random_floats (rand, OC, -1, 1);
  g_autofree float *dout = random_floats (rand, N * DS, -1, 1);
  g_autofree float *dinp = random_floats (rand, N * DIS, -1, 1);
  g_autofree float *dweight = random_floats (rand, OC * C, -1, 1);
  g_autofree float *dbias = random_floats (rand, OC, -1, 1);
  g_autofree float *dinp0 = copy_floats (dinp, N * DIS);
  g_autofree float *dweight0 = copy_floats (dweight, OC * C);
  g_autofree float *dbias0 = copy_floats (dbias, OC);
  float out[N * OS];

  MatmulCtx m = { N, C, OC,
                  to_double (inp, NULL, N, C, IS),
                  to_double (weight, NULL, OC, C, C),
                  to_double (bias, NULL, 1, OC, OC),
                  to_double (dout, NULL, N, OC, DS) };
  double want[N * OC];

  /* Forward, strided rows, with and without bias. */
  for (int i = 0; i < N * OS; i++)
    out[i] = 77.0f;
  ftl_matmul_forward (out, OS, inp, IS, weight, bias, N, C, OC);
  ref_matmul (want, m.inp, m.weight, m.bias, N, C, OC);
  check_close_float ("matmul out", out, N, OC, OS, want, FORWARD_TOL);
  check_padding ("matmul out", out, N, OC, OS, 77.0f);

  ftl_matmul_forward (out, OS, inp, IS, weight, NULL, N, C, OC);
  ref_matmul (want, m.inp, m.weight, NULL, N, C, OC);
  check_close_float ("matmul out (no bias)", out, N, OC, OS, want, FORWARD_TOL);

  /* Backward accumulates into all three gradients. */
  ftl_matmul_backward (dinp, DIS, dweight, dbias, dout, DS, inp, IS, weight, N, C, OC);

  g_autofree double *fd_inp = fd_gradient (matmul_loss, &m, m.inp, N * C, 1);
  g_autofree double *fd_weight = fd_gradient (matmul_loss, &m, m.weight, OC * C, 1);
  g_autofree double *fd_bias = fd_gradient (matmul_loss, &m, m.bias, OC, 1);
  g_autofree double *got_inp = to_double (dinp, dinp0, N, C, DIS);
  g_autofree double *got_weight = to_double (dweight, dweight0, OC, C, C);
  g_autofree double *got_bias = to_double (dbias, dbias0, 1, OC, OC);

  check_close ("matmul dinp", got_inp, fd_inp, N * C, BACKWARD_TOL);
  check_close ("matmul dweight", got_weight, fd_weight, OC * C, BACKWARD_TOL);
  check_close ("matmul dbias", got_bias, fd_bias, OC, BACKWARD_TOL);
  for (int n = 0; n < N; n++)
    for (int c = C; c < DIS; c++)
      ck_assert_float_eq (dinp[n * DIS + c], dinp0[n * DIS + c]);

  /* Without dinp and dbias only dweight moves: by the same amount again. */
  g_autofree float *dinp1 = copy_floats (dinp, N * DIS);
  g_autofree float *dbias1 = copy_floats (dbias, OC);
  ftl_matmul_backward (NULL, DIS, dweight, NULL, dout, DS, inp, IS, weight, N, C, OC);
  g_autofree double *got_weight2 = to_double (dweight, dweight0, OC, C, C);
  for (int i = 0; i < OC * C; i++)
    fd_weight[i] *= 2.0;
  check_close ("matmul dweight twice", got_weight2, fd_weight, OC * C, BACKWARD_TOL);
  ck_assert_mem_eq (dinp, dinp1, N * DIS * sizeof (float));
  ck_assert_mem_eq (dbias, dbias1, OC * sizeof (float));

  g_free (m.inp);
  g_free (m.weight);
  g_free (m.bias);
  g_free (m.dout);
}
END_TEST

/* ---- RMSNorm -------------------------------------------------------------- */

typedef struct
{
  int     N, C;
  double *inp, *weight, *dout;
} RmsnormCtx;

#define RMS_EPS 1e-5f

static double
rmsnorm_loss (gpointer data)
{
  RmsnormCtx *m = data;
  g_autofree double *out = g_new (double, (gsize) m->N * m->C);

  ref_rmsnorm (out, NULL, m->inp, m->weight, m->N, m->C, RMS_EPS);
  return dot (out, m->dout, (gsize) m->N * m->C);
}

START_TEST (test_rmsnorm)
{
  enum { N = 4, C = 9 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (2);
  g_autofree float *inp = random_floats (rand, N * C, -2, 2);
  g_autofree float *weight = random_floats (rand, C, 0.5, 1.5);
  g_autofree float *dout = random_floats (rand, N * C, -1, 1);
  g_autofree float *dinp = random_floats (rand, N * C, -1, 1);
  g_autofree float *dweight = random_floats (rand, C, -1, 1);
  g_autofree float *dinp0 = copy_floats (dinp, N * C);
  g_autofree float *dweight0 = copy_floats (dweight, C);
  float out[N * C], rstd[N];
  double want[N * C], want_rstd[N];

  RmsnormCtx m = { N, C,
                   to_double (inp, NULL, N, C, C),
                   to_double (weight, NULL, 1, C, C),
                   to_double (dout, NULL, N, C, C) };

  ftl_rmsnorm_forward (out, rstd, inp, weight, N, C, RMS_EPS);
  ref_rmsnorm (want, want_rstd, m.inp, m.weight, N, C, RMS_EPS);
  check_close_float ("rmsnorm out", out, N, C, C, want, FORWARD_TOL);
  check_close_float ("rmsnorm rstd", rstd, 1, N, N, want_rstd, FORWARD_TOL);

  ftl_rmsnorm_backward (dinp, dweight, dout, inp, weight, rstd, N, C);

  g_autofree double *fd_inp = fd_gradient (rmsnorm_loss, &m, m.inp, N * C, 1);
  g_autofree double *fd_weight = fd_gradient (rmsnorm_loss, &m, m.weight, C, 1);
  g_autofree double *got_inp = to_double (dinp, dinp0, N, C, C);
  g_autofree double *got_weight = to_double (dweight, dweight0, 1, C, C);

  check_close ("rmsnorm dinp", got_inp, fd_inp, N * C, BACKWARD_TOL);
  check_close ("rmsnorm dweight", got_weight, fd_weight, C, BACKWARD_TOL);

  g_free (m.inp);
  g_free (m.weight);
  g_free (m.dout);
}
END_TEST

/* ---- RoPE ----------------------------------------------------------------- */

#define ROPE_BASE 10000.0f

START_TEST (test_rope_table)
{
  enum { T = 6, HS = 8 };
  float table[T * HS];

  ftl_rope_table (table, T, HS, ROPE_BASE);
  for (int t = 0; t < T; t++)
    for (int i = 0; i < HS / 2; i++)
      {
        double theta = t * pow (ROPE_BASE, -2.0 * i / HS);
        ck_assert_double_eq_tol (table[(t * HS / 2 + i) * 2], cos (theta), 1e-6);
        ck_assert_double_eq_tol (table[(t * HS / 2 + i) * 2 + 1], sin (theta), 1e-6);
      }
}
END_TEST

typedef struct
{
  int     B, T, pos0, NH, HS;
  double *x, *dout;
} RopeCtx;

static double
rope_loss (gpointer data)
{
  RopeCtx *m = data;
  gsize n = (gsize) m->B * m->T * m->NH * m->HS;
  g_autofree double *out = g_new (double, n);

  ref_rope (out, m->x, m->B, m->T, m->pos0, m->NH, m->HS, ROPE_BASE);
  return dot (out, m->dout, n);
}

START_TEST (test_rope)
{
  enum { B = 2, T = 3, POS0 = 2, NH = 3, HS = 8, W = NH * HS, S = W + 5 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (3);
  float table[(POS0 + T) * HS];
  g_autofree float *x = random_floats (rand, B * T * S, -1, 1);
  g_autofree float *x0 = copy_floats (x, B * T * S);
  g_autofree float *dx = random_floats (rand, B * T * S, -1, 1);
  double want[B * T * W];

  RopeCtx m = { B, T, POS0, NH, HS,
                to_double (x, NULL, B * T, W, S),
                to_double (dx, NULL, B * T, W, S) };

  ftl_rope_table (table, POS0 + T, HS, ROPE_BASE);

  /* Forward against angles computed from scratch; padding untouched. */
  ftl_rope_forward (x, S, table, B, T, POS0, NH, HS);
  ref_rope (want, m.x, B, T, POS0, NH, HS, ROPE_BASE);
  check_close_float ("rope out", x, B * T, W, S, want, FORWARD_TOL);
  for (int r = 0; r < B * T; r++)
    ck_assert_mem_eq (x + r * S + W, x0 + r * S + W, (S - W) * sizeof (float));

  /* The inverse rotation gives the input back. */
  ftl_rope_backward (x, S, table, B, T, POS0, NH, HS);
  for (int i = 0; i < B * T * S; i++)
    ck_assert_float_eq_tol (x[i], x0[i], 1e-6f);

  /* NEOX pairing: element i of a head mixes with i + HS/2 only. */
  enum { ROW = T + 1, HEAD = 1, I = 1 };
  memset (x, 0, B * T * S * sizeof (float));
  x[ROW * S + HEAD * HS + I] = 1.0f;
  ftl_rope_forward (x, S, table, B, T, POS0, NH, HS);
  double theta = (POS0 + ROW % T) * pow (ROPE_BASE, -2.0 * I / HS);
  for (int i = 0; i < B * T * S; i++)
    {
      double expected = 0.0;
      if (i == ROW * S + HEAD * HS + I)
        expected = cos (theta);
      else if (i == ROW * S + HEAD * HS + I + HS / 2)
        expected = sin (theta);
      ck_assert_double_eq_tol (x[i], expected, 1e-6);
    }

  /* Backward: in place, dx ← ∂(Σ dout·rope(x))/∂x. */
  ftl_rope_backward (dx, S, table, B, T, POS0, NH, HS);
  g_autofree double *fd = fd_gradient (rope_loss, &m, m.x, B * T * W, 1);
  check_close_float ("rope dx", dx, B * T, W, S, fd, BACKWARD_TOL);

  g_free (m.x);
  g_free (m.dout);
}
END_TEST

/* ---- attention ------------------------------------------------------------ */

typedef struct
{
  int     B, T, NH, NKV, HS;
  double *q, *k, *v, *dout;
} AttentionCtx;

static double
attention_loss (gpointer data)
{
  AttentionCtx *m = data;
  gsize n = (gsize) m->B * m->T * m->NH * m->HS;
  g_autofree double *out = g_new (double, n);

  ref_attention (out, m->q, m->k, m->v, m->B, m->T, m->NH, m->NKV, m->HS);
  return dot (out, m->dout, n);
}

/* q, k, v packed in one row as the model does, plus 3 floats of padding.
 * fd_step > 1 checks only every fd_step-th input element (big T). */
static void
check_attention (int   B,
                 int   T,
                 int   NH,
                 int   NKV,
                 int   HS,
                 gsize fd_step)
{
  int QW = NH * HS;
  int KW = NKV * HS;
  int S = QW + 2 * KW + 3;
  gsize rows = (gsize) B * T;
  g_autoptr (GRand) rand = g_rand_new_with_seed (4);
  g_autofree float *qkv = random_floats (rand, rows * S, -1.5, 1.5);
  g_autofree float *dout = random_floats (rand, rows * QW, -1, 1);
  g_autofree float *dqkv = random_floats (rand, rows * S, -1, 1);
  g_autofree float *dqkv0 = copy_floats (dqkv, rows * S);
  g_autofree float *out = g_new (float, rows * QW);
  g_autofree float *att = random_floats (rand, (gsize) B * NH * T * T, 5, 6);
  g_autofree float *scratch = g_new (float, ftl_attention_scratch_size (T));
  g_autofree double *want = g_new (double, rows * QW);

  AttentionCtx m = { B, T, NH, NKV, HS,
                     to_double (qkv, NULL, rows, QW, S),
                     to_double (qkv + QW, NULL, rows, KW, S),
                     to_double (qkv + QW + KW, NULL, rows, KW, S),
                     to_double (dout, NULL, rows, QW, QW) };

  ftl_attention_forward (out, att, qkv, S, qkv + QW, qkv + QW + KW, S, B, T, NH, NKV, HS);
  ref_attention (want, m.q, m.k, m.v, B, T, NH, NKV, HS);
  check_close_float ("attention out", out, rows, QW, QW, want, FORWARD_TOL);

  /* att holds causal probabilities: rows sum to 1, the future is exactly 0. */
  for (int bh = 0; bh < B * NH; bh++)
    for (int i = 0; i < T; i++)
      {
        const float *row = att + ((gsize) bh * T + i) * T;
        double sum = 0.0;

        for (int j = 0; j < T; j++)
          {
            if (row[j] < 0.0f || (j > i && row[j] != 0.0f))
              ck_abort_msg ("att[%d, %d, %d] = %g", bh, i, j, row[j]);
            sum += row[j];
          }
        if (fabs (sum - 1.0) > 1e-5)
          ck_abort_msg ("att[%d, %d, :] sums to %.9g", bh, i, sum);
      }

  ftl_attention_backward (dqkv, dqkv + QW, dqkv + QW + KW, scratch, dout, att,
                          qkv, S, qkv + QW, qkv + QW + KW, S, B, T, NH, NKV, HS);

  struct { const char *name; double *x; int offset, width; } parts[] = {
    { "attention dq", m.q, 0, QW },
    { "attention dk", m.k, QW, KW },
    { "attention dv", m.v, QW + KW, KW },
  };
  for (gsize p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      gsize n = rows * parts[p].width;
      g_autofree double *fd = fd_gradient (attention_loss, &m, parts[p].x, n, fd_step);
      g_autofree double *got = to_double (dqkv + parts[p].offset, dqkv0 + parts[p].offset,
                                          rows, parts[p].width, S);
      check_close (parts[p].name, got, fd, n, BACKWARD_TOL);
    }
  for (gsize r = 0; r < rows; r++)
    ck_assert_mem_eq (dqkv + r * S + QW + 2 * KW, dqkv0 + r * S + QW + 2 * KW, 3 * sizeof (float));

  g_free (m.q);
  g_free (m.k);
  g_free (m.v);
  g_free (m.dout);
}

START_TEST (test_attention_gqa)
{
  check_attention (2, 5, 4, 2, 4, 1);
}
END_TEST

/* T above the 64-row block of the implementation; one kv head for 4 heads. */
START_TEST (test_attention_long)
{
  check_attention (1, 70, 4, 1, 4, 7);
}
END_TEST

START_TEST (test_attention_causal)
{
  enum { B = 2, T = 6, NH = 4, NKV = 2, HS = 8, QW = NH * HS, S = QW + 2 * NKV * HS, FUTURE = 3 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (5);
  g_autofree float *qkv = random_floats (rand, B * T * S, -1, 1);
  float out1[B * T * QW], out2[B * T * QW], att[B * NH * T * T];

  ftl_attention_forward (out1, att, qkv, S, qkv + QW, qkv + QW + NKV * HS, S, B, T, NH, NKV, HS);
  /* Change q, k and v of token FUTURE in the first sequence. */
  for (int c = 0; c < S; c++)
    qkv[FUTURE * S + c] += 1.0f;
  ftl_attention_forward (out2, att, qkv, S, qkv + QW, qkv + QW + NKV * HS, S, B, T, NH, NKV, HS);

  for (int t = 0; t < B * T; t++)
    {
      float diff = 0.0f;

      for (int c = 0; c < QW; c++)
        diff = MAX (diff, fabsf (out1[t * QW + c] - out2[t * QW + c]));
      if (t < FUTURE || t >= T)
        ck_assert_msg (diff <= 1e-7f, "row %d changed by a future token: %g", t, diff);
      else
        ck_assert_msg (diff > 1e-4f, "row %d did not see token %d", t, FUTURE);
    }
}
END_TEST

START_TEST (test_attention_cached)
{
  enum { T = 7, NH = 4, NKV = 2, HS = 8, QW = NH * HS, KW = NKV * HS, QS = QW + 2 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (6);
  g_autofree float *q = random_floats (rand, T * QS, -1, 1);
  g_autofree float *k = random_floats (rand, T * KW, -1, 1);
  g_autofree float *v = random_floats (rand, T * KW, -1, 1);
  float full[T * QW], att[NH * T * T], got[T * QW];
  float k_cache[T * KW], v_cache[T * KW];
  g_autofree float *scratch = g_new (float, (gsize) T * omp_get_max_threads ());
  double want[T * QW];

  ftl_attention_forward (full, att, q, QS, k, v, KW, 1, T, NH, NKV, HS);
  for (int i = 0; i < T * QW; i++)
    want[i] = full[i];

  /* Token by token, the cache filled up to the current position only: NaN
   * beyond it would poison the output if the kernel looked ahead. */
  for (int i = 0; i < T * KW; i++)
    k_cache[i] = v_cache[i] = NAN;
  for (int t = 0; t < T; t++)
    {
      memcpy (k_cache + t * KW, k + t * KW, KW * sizeof (float));
      memcpy (v_cache + t * KW, v + t * KW, KW * sizeof (float));
      ftl_attention_cached_forward (got + t * QW, scratch, q + t * QS, QS,
                                    k_cache, v_cache, 1, t, NH, NKV, HS);
    }
  check_close_float ("cached, one by one", got, T, QW, QW, want, 1e-5);

  /* A prompt of 3 tokens, then the other 4 in one call. */
  ftl_attention_cached_forward (got, scratch, q, QS, k, v, 3, 0, NH, NKV, HS);
  ftl_attention_cached_forward (got + 3 * QW, scratch, q + 3 * QS, QS, k, v, T - 3, 3, NH, NKV, HS);
  check_close_float ("cached, in chunks", got, T, QW, QW, want, 1e-5);
}
END_TEST

/* ---- SwiGLU --------------------------------------------------------------- */

typedef struct
{
  int     N, F;
  double *gu, *dout;
} SwigluCtx;

static double
swiglu_loss (gpointer data)
{
  SwigluCtx *m = data;
  g_autofree double *out = g_new (double, (gsize) m->N * m->F);

  ref_swiglu (out, m->gu, m->N, m->F);
  return dot (out, m->dout, (gsize) m->N * m->F);
}

START_TEST (test_swiglu)
{
  enum { N = 3, F = 11 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  g_autofree float *gu = random_floats (rand, N * 2 * F, -4, 4);
  g_autofree float *dout = random_floats (rand, N * F, -1, 1);
  g_autofree float *dgu = random_floats (rand, N * 2 * F, 100, 200);
  float out[N * F];
  double want[N * F];

  /* Gates far out in both tails, where e^−g over- or underflows. */
  gu[0] = 30.0f;
  gu[1] = -30.0f;
  gu[2 * F] = 100.0f;
  gu[2 * F + 1] = -100.0f;

  SwigluCtx m = { N, F, to_double (gu, NULL, N, 2 * F, 2 * F), to_double (dout, NULL, N, F, F) };

  ftl_swiglu_forward (out, gu, N, F);
  ref_swiglu (want, m.gu, N, F);
  check_close_float ("swiglu out", out, N, F, F, want, FORWARD_TOL);

  /* dgu is overwritten: its random start must not show. */
  ftl_swiglu_backward (dgu, dout, gu, N, F);
  g_autofree double *fd = fd_gradient (swiglu_loss, &m, m.gu, N * 2 * F, 1);
  check_close_float ("swiglu dgu", dgu, N, 2 * F, 2 * F, fd, BACKWARD_TOL);

  g_free (m.gu);
  g_free (m.dout);
}
END_TEST

/* ---- cross-entropy -------------------------------------------------------- */

typedef struct
{
  int          N, V;
  double      *logits;
  const int   *targets;
  const float *mask;
} CrossEntropyCtx;

static double
cross_entropy_loss (gpointer data)
{
  CrossEntropyCtx *m = data;

  return ref_cross_entropy (NULL, NULL, m->logits, m->targets, m->mask, m->N, m->V);
}

START_TEST (test_cross_entropy)
{
  enum { N = 6, V = 13 };
  /* Rows with mask 0 carry an invalid target: it must never be read. */
  const float mask[N] = { 1.0f, 0.0f, 2.0f, 0.5f, 0.0f, 1.0f };
  const int targets[N] = { 3, -1, 0, 12, -1, 7 };
  const float dloss = 0.7f;
  g_autoptr (GRand) rand = g_rand_new_with_seed (8);
  g_autofree float *logits = random_floats (rand, N * V, -3, 3);
  float losses[N], correct[N];
  double want_probs[N * V], want_losses[N];

  /* Make row 0's target its argmax so that `correct` has a 1 to find. */
  logits[0 * V + 3] = 5.0f;

  CrossEntropyCtx m = { N, V, to_double (logits, NULL, N, V, V), targets, mask };
  double want = ref_cross_entropy (want_probs, want_losses, m.logits, targets, mask, N, V);

  float loss = ftl_cross_entropy_forward (logits, losses, correct, targets, mask, N, V);
  ck_assert_double_eq_tol (loss, want, FORWARD_TOL * fabs (want));
  check_close_float ("cross-entropy losses", losses, 1, N, N, want_losses, FORWARD_TOL);
  check_close_float ("cross-entropy probs", logits, N, V, V, want_probs, FORWARD_TOL);

  for (int n = 0; n < N; n++)
    {
      int argmax = 0;
      for (int j = 1; j < V; j++)
        if (want_probs[n * V + j] > want_probs[n * V + argmax])
          argmax = j;
      float expected = mask[n] != 0.0f && argmax == targets[n] ? 1.0f : 0.0f;
      ck_assert_float_eq (correct[n], expected);
      if (mask[n] == 0.0f)
        ck_assert_float_eq (losses[n], 0.0f);
    }
  ck_assert_float_eq (correct[0], 1.0f);

  /* Backward in place over the probabilities. */
  ftl_cross_entropy_backward (logits, logits, targets, mask, dloss, N, V);
  g_autofree double *fd = fd_gradient (cross_entropy_loss, &m, m.logits, N * V, 1);
  for (int i = 0; i < N * V; i++)
    fd[i] *= dloss;
  check_close_float ("cross-entropy dlogits", logits, N, V, V, fd, BACKWARD_TOL);
  for (int j = 0; j < V; j++)
    {
      ck_assert_float_eq (logits[1 * V + j], 0.0f);
      ck_assert_float_eq (logits[4 * V + j], 0.0f);
    }

  g_free (m.logits);
}
END_TEST

START_TEST (test_cross_entropy_extremes)
{
  enum { N = 3, V = 5 };
  const int targets[N] = { 1, 2, 1 };
  const float ones[N] = { 1.0f, 1.0f, 1.0f };
  const float zeros[N] = { 0.0f, 0.0f, 0.0f };
  /* Row 0 shifted by 1000, row 1 with one logit far above the others. */
  float logits[N * V] = { 1001, 1002, 1003, 1000, 1001,
                          0, 0, 1e4f, 0, 0,
                          1, 2, 3, 0, 1 };
  float losses[N];

  float loss = ftl_cross_entropy_forward (logits, losses, NULL, targets, ones, N, V);
  ck_assert (isfinite (loss));
  for (int j = 0; j < V; j++)
    ck_assert_float_eq_tol (logits[j], logits[2 * V + j], 1e-6f);
  ck_assert_float_eq_tol (logits[V + 2], 1.0f, 1e-6f);
  ck_assert_float_eq_tol (losses[1], 0.0f, 1e-6f);
  ck_assert_float_eq_tol (losses[0], losses[2], 1e-5f);

  /* Nothing trained: loss 0 and no gradient. */
  loss = ftl_cross_entropy_forward (logits, losses, NULL, targets, zeros, N, V);
  ck_assert_float_eq (loss, 0.0f);
  ftl_cross_entropy_backward (logits, logits, targets, zeros, 1.0f, N, V);
  for (int i = 0; i < N * V; i++)
    ck_assert_float_eq (logits[i], 0.0f);

  /* A NaN logit must show in the loss (divergence detection relies on it). */
  logits[V + 1] = NAN;
  loss = ftl_cross_entropy_forward (logits, losses, NULL, targets, ones, N, V);
  ck_assert (isnan (loss));
}
END_TEST

/* ---- embedding and add ---------------------------------------------------- */

typedef struct
{
  int        N, C, V;
  const int *tokens;
  double    *wte, *dout;
} EmbeddingCtx;

static double
embedding_loss (gpointer data)
{
  EmbeddingCtx *m = data;
  double sum = 0.0;

  for (int n = 0; n < m->N; n++)
    sum += dot (m->wte + (gsize) m->tokens[n] * m->C, m->dout + (gsize) n * m->C, m->C);
  return sum;
}

START_TEST (test_embedding)
{
  enum { N = 5, V = 4, C = 6 };
  const int tokens[N] = { 3, 1, 3, 0, 3 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (9);
  g_autofree float *wte = random_floats (rand, V * C, -1, 1);
  g_autofree float *dout = random_floats (rand, N * C, -1, 1);
  g_autofree float *dwte = random_floats (rand, V * C, -1, 1);
  g_autofree float *dwte0 = copy_floats (dwte, V * C);
  float out[N * C];

  ftl_embedding_forward (out, tokens, wte, N, C);
  for (int n = 0; n < N; n++)
    ck_assert_mem_eq (out + n * C, wte + tokens[n] * C, C * sizeof (float));

  EmbeddingCtx m = { N, C, V, tokens,
                     to_double (wte, NULL, V, C, C), to_double (dout, NULL, N, C, C) };
  ftl_embedding_backward (dwte, dout, tokens, N, C);
  g_autofree double *fd = fd_gradient (embedding_loss, &m, m.wte, V * C, 1);
  g_autofree double *got = to_double (dwte, dwte0, V, C, C);
  /* Token 2 never occurs: its row must not move at all. */
  for (int c = 0; c < C; c++)
    fd[2 * C + c] = NAN;
  check_close ("embedding dwte", got, fd, V * C, BACKWARD_TOL);
  ck_assert_mem_eq (dwte + 2 * C, dwte0 + 2 * C, C * sizeof (float));

  g_free (m.wte);
  g_free (m.dout);
}
END_TEST

START_TEST (test_add)
{
  /* Large enough for the parallel path; in place like the residual stream. */
  enum { N = 100003 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (10);
  g_autofree float *a = random_floats (rand, N, -1, 1);
  g_autofree float *b = random_floats (rand, N, -1, 1);
  g_autofree float *a0 = copy_floats (a, N);

  ftl_add_forward (a, a, b, N);
  for (int i = 0; i < N; i++)
    if (a[i] != a0[i] + b[i])
      ck_abort_msg ("out[%d] = %g, want %g", i, a[i], a0[i] + b[i]);
}
END_TEST

/* ---- determinism ---------------------------------------------------------- */

/* Sizes above every parallel threshold and OpenBLAS's threading threshold. */
enum
{
  DET_B = 2, DET_T = 130, DET_NH = 4, DET_NKV = 2, DET_HS = 32,
  DET_N = DET_B * DET_T, DET_C = DET_NH * DET_HS, DET_QKV = (DET_NH + 2 * DET_NKV) * DET_HS,
  DET_F = 384, DET_V = 1000,
};

/* Every output and gradient of the pipeline below, in buffer order. */
static const struct
{
  const char *name;
  gsize       size;
} det_parts[] = {
  { "norm", DET_N * DET_C },
  { "rstd", DET_N },
  { "qkv", DET_N * DET_QKV },
  { "att_out", DET_N * DET_C },
  { "att", (gsize) DET_B * DET_NH * DET_T * DET_T },
  { "gu", DET_N * 2 * DET_F },
  { "act", DET_N * DET_F },
  { "dlogits", (gsize) DET_N * DET_V },
  { "losses", DET_N },
  { "loss", 1 },
  { "dgu", DET_N * 2 * DET_F },
  { "dw_gu", 2 * DET_F * DET_C },
  { "dqkv", DET_N * DET_QKV },
  { "dw_qkv", DET_QKV * DET_C },
  { "db_qkv", DET_QKV },
  { "dx", DET_N * DET_C },
  { "dnorm_w", DET_C },
};

/* Runs a layer's worth of kernels on fixed inputs; returns det_parts. */
static float *
run_pipeline (gsize *n_out)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  g_autofree float *x = random_floats (rand, DET_N * DET_C, -1, 1);
  g_autofree float *norm_w = random_floats (rand, DET_C, 0.5, 1.5);
  g_autofree float *w_qkv = random_floats (rand, DET_QKV * DET_C, -0.2, 0.2);
  g_autofree float *b_qkv = random_floats (rand, DET_QKV, -0.1, 0.1);
  g_autofree float *w_gu = random_floats (rand, 2 * DET_F * DET_C, -0.2, 0.2);
  g_autofree float *w_lm = random_floats (rand, DET_V * DET_F, -0.2, 0.2);
  g_autofree int *targets = g_new (int, DET_N);
  g_autofree float *mask = g_new (float, DET_N);
  g_autofree float *table = g_new (float, DET_T * DET_HS);
  g_autofree float *scratch = g_new (float, ftl_attention_scratch_size (DET_T));
  float *part[G_N_ELEMENTS (det_parts)];
  gsize total = 0;

  for (int n = 0; n < DET_N; n++)
    {
      targets[n] = g_rand_int_range (rand, 0, DET_V);
      mask[n] = n % 3 == 0 ? 0.0f : 1.0f;
    }
  ftl_rope_table (table, DET_T, DET_HS, ROPE_BASE);

  for (gsize i = 0; i < G_N_ELEMENTS (det_parts); i++)
    total += det_parts[i].size;
  float *out_data = g_new0 (float, total);
  for (gsize i = 0, offset = 0; i < G_N_ELEMENTS (det_parts); offset += det_parts[i++].size)
    part[i] = out_data + offset;

  float *norm = part[0], *rstd = part[1], *qkv = part[2], *att_out = part[3], *att = part[4];
  float *gu = part[5], *act = part[6], *logits = part[7], *losses = part[8], *loss = part[9];
  float *dgu = part[10], *dw_gu = part[11], *dqkv = part[12], *dw_qkv = part[13];
  float *db_qkv = part[14], *dx = part[15], *dnorm_w = part[16];
  float *k = qkv + DET_C, *v = k + DET_NKV * DET_HS;
  float *dk = dqkv + DET_C, *dv = dk + DET_NKV * DET_HS;

  /* Forward: norm → qkv → rope → attention → gate/up → SwiGLU → logits. */
  ftl_rmsnorm_forward (norm, rstd, x, norm_w, DET_N, DET_C, RMS_EPS);
  ftl_matmul_forward (qkv, DET_QKV, norm, DET_C, w_qkv, b_qkv, DET_N, DET_C, DET_QKV);
  ftl_rope_forward (qkv, DET_QKV, table, DET_B, DET_T, 0, DET_NH + DET_NKV, DET_HS);
  ftl_attention_forward (att_out, att, qkv, DET_QKV, k, v, DET_QKV,
                         DET_B, DET_T, DET_NH, DET_NKV, DET_HS);
  ftl_matmul_forward (gu, 2 * DET_F, att_out, DET_C, w_gu, NULL, DET_N, DET_C, 2 * DET_F);
  ftl_swiglu_forward (act, gu, DET_N, DET_F);
  ftl_matmul_forward (logits, DET_V, act, DET_F, w_lm, NULL, DET_N, DET_F, DET_V);
  *loss = ftl_cross_entropy_forward (logits, losses, NULL, targets, mask, DET_N, DET_V);

  /* Backward down to the input. */
  g_autofree float *dact = g_new0 (float, DET_N * DET_F);
  g_autofree float *dw_lm = g_new0 (float, DET_V * DET_F);
  g_autofree float *datt_out = g_new0 (float, DET_N * DET_C);
  g_autofree float *dnorm = g_new0 (float, DET_N * DET_C);

  ftl_cross_entropy_backward (logits, logits, targets, mask, 1.0f, DET_N, DET_V);
  ftl_matmul_backward (dact, DET_F, dw_lm, NULL, logits, DET_V, act, DET_F, w_lm,
                       DET_N, DET_F, DET_V);
  ftl_swiglu_backward (dgu, dact, gu, DET_N, DET_F);
  ftl_matmul_backward (datt_out, DET_C, dw_gu, NULL, dgu, 2 * DET_F, att_out, DET_C, w_gu,
                       DET_N, DET_C, 2 * DET_F);
  ftl_attention_backward (dqkv, dk, dv, scratch, datt_out, att, qkv, DET_QKV, k, v, DET_QKV,
                          DET_B, DET_T, DET_NH, DET_NKV, DET_HS);
  ftl_rope_backward (dqkv, DET_QKV, table, DET_B, DET_T, 0, DET_NH + DET_NKV, DET_HS);
  ftl_matmul_backward (dnorm, DET_C, dw_qkv, db_qkv, dqkv, DET_QKV, norm, DET_C, w_qkv,
                       DET_N, DET_C, DET_QKV);
  ftl_rmsnorm_backward (dx, dnorm_w, dnorm, x, norm_w, rstd, DET_N, DET_C);

  *n_out = total;
  return out_data;
}

START_TEST (test_determinism)
{
  gsize n1, n2, n3;

  omp_set_num_threads (2);
  g_autofree float *run1 = run_pipeline (&n1);
  g_autofree float *run2 = run_pipeline (&n2);
  ck_assert_uint_eq (n1, n2);
  ck_assert_msg (memcmp (run1, run2, n1 * sizeof (float)) == 0,
                 "two runs with 2 threads differ");

  /* One thread takes the serial paths: the same numbers up to rounding. */
  omp_set_num_threads (1);
  g_autofree float *run3 = run_pipeline (&n3);
  ck_assert_uint_eq (n1, n3);
  for (gsize i = 0, offset = 0; i < G_N_ELEMENTS (det_parts); offset += det_parts[i++].size)
    {
      int size = det_parts[i].size;
      g_autofree double *want = to_double (run3 + offset, NULL, 1, size, size);
      g_autofree double *got = to_double (run1 + offset, NULL, 1, size, size);
      check_close (det_parts[i].name, got, want, size, 1e-4);
    }
}
END_TEST

/* ---- main ------------------------------------------------------------------ */

static Suite *
ops_suite (void)
{
  Suite *s = suite_create ("ops");
  TCase *tc = tcase_create ("kernels");

  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_matmul);
  tcase_add_test (tc, test_rmsnorm);
  tcase_add_test (tc, test_rope_table);
  tcase_add_test (tc, test_rope);
  tcase_add_test (tc, test_attention_gqa);
  tcase_add_test (tc, test_attention_long);
  tcase_add_test (tc, test_attention_causal);
  tcase_add_test (tc, test_attention_cached);
  tcase_add_test (tc, test_swiglu);
  tcase_add_test (tc, test_cross_entropy);
  tcase_add_test (tc, test_cross_entropy_extremes);
  tcase_add_test (tc, test_embedding);
  tcase_add_test (tc, test_add);
  tcase_add_test (tc, test_determinism);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return ftl_test_run_suite (ops_suite (), CK_FORK_GETENV);
}
