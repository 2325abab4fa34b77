"""Map: every located event, filtered by date, category and fatalities; click a
marker for its details."""

from webapp import data, filters, map_view
from webapp.filter_ui import filter_controls
from webapp.navigation import run_app_if_opened_directly

run_app_if_opened_directly()
events = data.load_or_stop()

state = filter_controls(events.frame, events.span)
mask = filters.select(events.frame, state)
map_view.heading(events, mask)
map_view.show_timeline(events, mask, state)
map_view.map_and_details(events, mask, state)
map_view.unlocated_list(events, mask)
