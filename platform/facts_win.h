/*
 * facts_win.h - helpers shared by the two Windows halves of facts.h
 * (facts_win.c: the machine; facts_path_win.c: a socket's data path).
 * Not for other modules.
 */
#ifndef VS_FACTS_WIN_H
#define VS_FACTS_WIN_H

#include <stddef.h>
#include <winsock2.h> /* before windows.h, as Winsock wants */
#include <windows.h>

/* A REG_SZ value of key `sub` under `root` into out (size n); 0 or -1. */
int vs_fw_reg_str(HKEY root, const char *sub, const char *value, char *out, size_t n);

/* UTF-16 text to UTF-8 in out (size n, terminated; "" on failure). */
void vs_fw_utf8(const wchar_t *w, char *out, size_t n);

/* The file version of a driver in the system's drivers folder
 * ("vmci.sys" -> "9.8.18.0"); 0, or -1 with the reason in out. */
int vs_fw_driver_version(const char *file, char *out, size_t n);

#endif
