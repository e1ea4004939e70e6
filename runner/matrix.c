/* matrix.c - see matrix.h. */
#include "runner/matrix.h"
#include "core/size.h"

#include <stdio.h>
#include <stdlib.h>

#define SETUP_ALLOWANCE_S 0.3 /* connection set-up and result exchange per run */

int vs_matrix_expand(const vs_profile *p, const int skip[VS_TR_COUNT], vs_matrix *m,
                     vs_err *e)
{
    size_t max = (size_t)p->ntests * p->nsessions * p->nsocks * p->nmsgs * p->ntransports;

    m->n = 0;
    m->pts = calloc(max ? max : 1, sizeof *m->pts);
    if (m->pts == NULL)
        return vs_err_set(e, VS_ERR_RUNTIME, "out of memory");
    for (int t = 0; t < p->ntests; t++)
        for (int s = 0; s < p->nsessions; s++)
            for (int k = 0; k < p->nsocks; k++)
                for (int g = 0; g < p->nmsgs; g++)
                    for (int r = 0; r < p->ntransports; r++) {
                        if (skip != NULL && skip[p->transports[r]])
                            continue;
                        m->pts[m->n++] = (vs_point){ p->transports[r], p->tests[t],
                                                     p->socks[k], p->msgs[g],
                                                     p->sessions[s] };
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
