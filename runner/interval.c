/* interval.c - see interval.h. */
#include "runner/interval.h"

uint64_t vs_span_len(vs_span s)
{
    return s.end > s.start ? s.end - s.start : 0;
}

vs_span vs_span_intersect(vs_span a, vs_span b)
{
    vs_span r;

    r.start = a.start > b.start ? a.start : b.start;
    r.end = a.end < b.end ? a.end : b.end;
    if (r.end < r.start)
        r.end = r.start;
    return r;
}

uint64_t vs_span_common(const vs_span *spans, int n, vs_span window, vs_span *out)
{
    vs_span r = window;

    if (n <= 0) {
        r.end = r.start;
        *out = r;
        return 0;
    }
    for (int i = 0; i < n; i++)
        r = vs_span_intersect(r, spans[i]);
    *out = r;
    return vs_span_len(r);
}

double vs_rate_bps(uint64_t bytes, uint64_t ns)
{
    if (ns == 0)
        return 0.0;
    return (double)bytes * 8.0 * 1e9 / (double)ns;
}
