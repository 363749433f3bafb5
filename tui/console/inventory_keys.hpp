#pragma once
// Keys for the inventory pane: with the pane focused, ↑↓/j/k select, o cycles the sort column and O
// reverses it, / filters, Enter opens the selected row's detail view (which then takes ↑↓ and closes on
// Esc, Enter or q). The filter prompt narrows the rows with every key typed.

#include "console/console_model.hpp"
#include "terminal/screen.hpp"

namespace drc::tui {

// A key for the pane when it has focus; false when it is not one of the pane's (the console's keys
// then apply: s, c, n, Tab, ...).
bool inventory_key(ConsoleModel& model, const KeyEvent& key);

// A key while the detail view is open: it takes every key.
void detail_key(ConsoleModel& model, const KeyEvent& key);

// A key in the filter prompt: text filters the rows as typed; Enter keeps the filter, Escape clears it.
void filter_key(ConsoleModel& model, const KeyEvent& key);

}  // namespace drc::tui
