/* matrix.c - see matrix.h. */
#include "runner/matrix.h"
#include "core/size.h"

#include <stdio.h>
#include <stdlib.h>

#define SETUP_ALLOWANCE_S 0.3 /* connection set-up and result exchange per run */

/* The bursts a test takes: the profile's for rr, none for the others. */
static int bursts_of(const vs_profile *p, enum vs_test t, const int **list)
{
    static const int none[1] = { 0 };

    if (t == VS_TEST_RR) {
        *list = p->bursts;
        return p->nbursts;
    }
    *list = none;
    return 1;
}

/* The point of one combination; rr and crr answer with the profile's
 * response size (the request's when it says "same"). */
static vs_point point_of(const vs_profile *p, enum vs_test t, int sessions, uint64_t sock,
                         uint32_t msg, enum vs_transport tr, int burst)
{
    vs_point pt = { tr, t, sock, msg, sessions, 0, 0 };

    if (vs_test_is_rr(t)) {
        pt.resp = p->resp != 0 ? p->resp : msg;
        pt.burst = burst;
    }
    return pt;
}

int vs_matrix_expand(const vs_profile *p, const int skip[VS_TR_COUNT], vs_matrix *m,
                     vs_err *e)
{
    size_t max = (size_t)p->ntests * (size_t)(p->nbursts ? p->nbursts : 1) * p->nsessions *
                 p->nsocks * p->nmsgs * p->ntransports;
    const int *bursts;

    m->n = 0;
    m->pts = calloc(max ? max : 1, sizeof *m->pts);
    if (m->pts == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    for (int t = 0; t < p->ntests; t++)
        for (int b = 0, nb = bursts_of(p, p->tests[t], &bursts); b < nb; b++)
            for (int s = 0; s < p->nsessions; s++)
                for (int k = 0; k < p->nsocks; k++)
                    for (int g = 0; g < p->nmsgs; g++)
                        for (int r = 0; r < p->ntransports; r++) {
                            if (skip != NULL && skip[p->transports[r]])
                                continue;
                            m->pts[m->n++] = point_of(p, p->tests[t], p->sessions[s],
                                                      p->socks[k], p->msgs[g],
                                                      p->transports[r], bursts[b]);
                        }
    return 0;
}

void vs_matrix_free(vs_matrix *m)
{
    free(m->pts);
    m->pts = NULL;
    m->n = 0;
}

void vs_matrix_estimate(const vs_matrix *m, const vs_profile *p, int *runs,
                        double *measured_s, double *total_s)
{
    int per_point = p->rule.min_runs;

    *runs = 0;
    *measured_s = *total_s = 0;
    for (int i = 0; i < m->n; i++) {
        double d = vs_profile_duration(p, m->pts[i].sessions) / 1000.0;
        *runs += per_point;
        *measured_s += per_point * d;
        *total_s += per_point * (d + p->warmup_ms / 1000.0 + SETUP_ALLOWANCE_S);
    }
}
