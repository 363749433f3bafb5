#pragma once
// Python's os.path.expanduser and os.path.expandvars, for the paths the aws CLI expands before it opens
// them (file:// and fileb:// values, --priv-launch-key): a script that works with the CLI works here.

#include <string>
#include <string_view>

namespace drc {

// "~" and "~/x": HOME (else the user's home from the password database); "~name/x": name's home.
// Anything else, or a user that does not exist, stays as written.
std::string expand_user(std::string_view path);
// $NAME and ${NAME} of variables that are set; anything else stays as written.
std::string expand_vars(std::string_view path);

}  // namespace drc
