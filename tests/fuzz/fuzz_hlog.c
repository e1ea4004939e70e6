/*
 * fuzz_hlog.c - libFuzzer target: the latency log reader (core/latency.c
 * vs_hlog_add_text, HdrHistogram_c's base64, zlib and histogram decoding).
 * A log comes from a results directory, so it is untrusted: nothing may
 * crash, a refusal has a message, and what is read gives figures.
 */
#include "core/latency.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    vs_hist *sum = NULL;
    vs_latency lat;
    vs_err e;

    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    vs_err_clear(&e);
    if (vs_hlog_add_text(text, "fuzz.hlog", &sum, &e) != 0 && e.msg[0] == '\0')
        abort(); /* refused without a message */
    if (sum != NULL) {
        vs_latency_of(sum, &lat);
        if (lat.count != vs_hist_count(sum))
            abort();
    }
    vs_hist_free(sum);
    free(text);
    return 0;
}
