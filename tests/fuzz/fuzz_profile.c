/*
 * fuzz_profile.c - libFuzzer target: the sweep profile parser (inih and
 * runner/profile.c) and the matrix a parsed profile expands into. A
 * profile from a file is untrusted: nothing may crash, and a profile the
 * parser accepts must expand or be refused with a message.
 */
#include "runner/matrix.h"
#include "runner/profile.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    vs_profile p;
    vs_matrix m;
    vs_err e;

    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    memset(&p, 0, sizeof p);
    if (vs_profile_parse(text, "fuzz.profile", &p, &e) == 0) {
        memset(&m, 0, sizeof m);
        if (vs_matrix_expand(&p, NULL, &m, &e) == 0)
            vs_matrix_free(&m);
        else if (e.msg[0] == '\0')
            abort(); /* refused without a message */
        vs_profile_free(&p);
    } else if (e.msg[0] == '\0') {
        abort();
    }
    free(text);
    return 0;
}
