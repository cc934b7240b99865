/* test-network-monitor.c — a GNetworkMonitor the tests switch off and on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "test-network-monitor.h"

struct _BylineTestNetworkMonitor
{
  GObject  parent_instance;
  gboolean available;
};

enum {
  MON_PROP_0,
  MON_PROP_AVAILABLE,
  MON_PROP_METERED,
  MON_PROP_CONNECTIVITY,
};

static gboolean
byline_test_network_monitor_can_reach (GNetworkMonitor     *monitor,
                                       GSocketConnectable  *connectable,
                                       GCancellable        *cancellable,
                                       GError             **error)
{
  if (BYLINE_TEST_NETWORK_MONITOR (monitor)->available)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE, "Offline");
  return FALSE;
}

static void
byline_test_network_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = byline_test_network_monitor_can_reach;
}

static gboolean
byline_test_network_monitor_initable_init (GInitable     *initable,
                                           GCancellable  *cancellable,
                                           GError       **error)
{
  return TRUE;
}

static void
byline_test_network_monitor_initable_iface_init (GInitableIface *iface)
{
  iface->init = byline_test_network_monitor_initable_init;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BylineTestNetworkMonitor, byline_test_network_monitor, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, byline_test_network_monitor_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, byline_test_network_monitor_iface_init))

static void
byline_test_network_monitor_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  BylineTestNetworkMonitor *self = BYLINE_TEST_NETWORK_MONITOR (object);

  switch (prop_id)
    {
    case MON_PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case MON_PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case MON_PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_test_network_monitor_class_init (BylineTestNetworkMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = byline_test_network_monitor_get_property;
  g_object_class_override_property (object_class, MON_PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, MON_PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, MON_PROP_CONNECTIVITY, "connectivity");
}

static void
byline_test_network_monitor_init (BylineTestNetworkMonitor *self)
{
  self->available = TRUE;
}

BylineTestNetworkMonitor *
byline_test_network_monitor_new (void)
{
  return g_object_new (BYLINE_TYPE_TEST_NETWORK_MONITOR, NULL);
}

void
byline_test_network_monitor_set_online (BylineTestNetworkMonitor *monitor,
                                        gboolean                  available)
{
  monitor->available = available;
  g_object_notify (G_OBJECT (monitor), "network-available");
  g_signal_emit_by_name (monitor, "network-changed", available);
}
