#pragma once
// The few textual patterns runbooks are read by: scenario headings ("Scenario 2: Name"), step headings
// ("Step 3: Title", "3. Title") and labelled paragraphs ("**Detection:** ..."). Linear matchers with no
// recursion, whatever the input.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace drc::runbook {

// Heading and label text is short; anything longer is prose, not a heading pattern.
inline constexpr std::size_t kMaxLabelLength = 300;

// "Scenario: Name", "Scenario 2: Name", "3.1 Scenario A - Name", "DR Scenario 4" → the name (or the heading).
std::optional<std::string> scenario_title(const std::string& heading);

struct StepHeading {
  int number;
  std::string title;
};
// "Step 3: Title", "Step 3 - Title", "Step #3", "3. Title", "3) Title".
std::optional<StepHeading> step_heading(const std::string& text);

// The text after a label such as "Detection:" when the paragraph starts with one of the labels, else nullopt.
std::optional<std::string> labelled(std::string_view paragraph, std::initializer_list<std::string_view> labels);

}  // namespace drc::runbook
