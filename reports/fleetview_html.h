/*
 * fleetview_html.h - the fleet page (fleetview.h): one self-contained
 * HTML file, no script, no network; charts linked from OUT/trend/.
 */
#ifndef VS_FLEETVIEW_HTML_H
#define VS_FLEETVIEW_HTML_H

#include "reports/fleetview.h"

int vs_fleetview_html(const char *path, const vs_fleet *f, const vs_trend_list *charts,
                      vs_err *e);

#endif
