"""Route table: (method, path) -> handler."""
from . import admin, bookings, stations, support

ROUTES = {
    ("GET", "/bookings"): bookings.list_bookings,
    ("GET", "/bookings/{booking_id}"): bookings.booking_detail,
    ("POST", "/bookings/{booking_id}/chef"): bookings.assign_chef,
    ("GET", "/stations/{station_id}/users"): stations.list_station_users,
    ("GET", "/admin/roles"): admin.list_roles,
    ("GET", "/support/escalations"): support.open_escalations,
}
