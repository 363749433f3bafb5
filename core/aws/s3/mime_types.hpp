#pragma once
// The Content-Type `aws s3 cp` gives an upload, guessed from the file's name as Python's mimetypes does
// for the aws CLI: the system's mime.types files first, Python's own table for what they lack, archive
// suffixes (.tgz) expanded and compression suffixes (.gz) set aside.

#include <optional>
#include <string>
#include <string_view>

namespace drc::aws::s3 {

// Looked up in the tables read once (the files listed in Python's mimetypes.knownfiles).
std::optional<std::string> guess_content_type(std::string_view filename);

// The same guess against the given mime.types text only (and Python's table): for tests.
std::optional<std::string> guess_content_type_with(std::string_view filename, std::string_view mime_types_text);

}  // namespace drc::aws::s3
