/* test-network-monitor.h — a GNetworkMonitor the tests switch off and on
 *
 * Online when made; set_online() changes "network-available" and emits
 * "network-changed", as GIO's own monitors do when the line drops or returns.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_TEST_NETWORK_MONITOR (byline_test_network_monitor_get_type ())
G_DECLARE_FINAL_TYPE (BylineTestNetworkMonitor, byline_test_network_monitor, BYLINE, TEST_NETWORK_MONITOR, GObject)

BylineTestNetworkMonitor *byline_test_network_monitor_new        (void);
void                      byline_test_network_monitor_set_online (BylineTestNetworkMonitor *monitor,
                                                                  gboolean                  available);

G_END_DECLS
