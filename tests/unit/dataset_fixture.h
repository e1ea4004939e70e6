/*
 * dataset_fixture.h - results directories for the dataset suites
 * (test_dataset.c on every OS; test_dataset_posix.c, FIFOs and devices in
 * a file's place, on POSIX only).
 */
#ifndef VS_UNIT_DATASET_FIXTURE_H
#define VS_UNIT_DATASET_FIXTURE_H

/* Write `text` to the file `name` in the folder `dir` (made anew): 0, or
 * -1 when it cannot be opened or written. */
int vs_unit_write_file(const char *dir, const char *name, const char *text);

/* Loading the results directory `dir` fails (-1) with a message holding
 * `want`; the message is shown on stderr when it does not hold it. Two
 * assertions. Returns the error's code (VS_ERR_*). */
int vs_unit_load_refused(const char *dir, const char *want);

#endif
