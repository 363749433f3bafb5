#include "aws/s3/mime_types.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <utility>

namespace drc::aws::s3 {

namespace {

using Table = std::map<std::string, std::string, std::less<>>;

// Python 3's built-in mimetypes table (types_map), which the aws CLI falls back on when no system file
// names an extension. Facts about extensions, kept as data.
const std::pair<const char*, const char*> kPythonDefaults[] = {
    {".3g2", "audio/3gpp2"}, {".3gp", "audio/3gpp"}, {".3gpp", "audio/3gpp"}, {".3gpp2", "audio/3gpp2"},
    {".a", "application/octet-stream"}, {".aac", "audio/aac"}, {".adts", "audio/aac"},
    {".ai", "application/postscript"}, {".aif", "audio/x-aiff"}, {".aifc", "audio/x-aiff"},
    {".aiff", "audio/x-aiff"}, {".ass", "audio/aac"}, {".au", "audio/basic"}, {".avi", "video/x-msvideo"},
    {".avif", "image/avif"}, {".bat", "text/plain"}, {".bcpio", "application/x-bcpio"},
    {".bin", "application/octet-stream"}, {".bmp", "image/bmp"}, {".c", "text/plain"},
    {".cdf", "application/x-netcdf"}, {".cpio", "application/x-cpio"}, {".csh", "application/x-csh"},
    {".css", "text/css"}, {".csv", "text/csv"}, {".dll", "application/octet-stream"}, {".doc", "application/msword"},
    {".dot", "application/msword"}, {".dvi", "application/x-dvi"}, {".eml", "message/rfc822"},
    {".eps", "application/postscript"}, {".etx", "text/x-setext"}, {".exe", "application/octet-stream"},
    {".gif", "image/gif"}, {".gtar", "application/x-gtar"}, {".h", "text/plain"}, {".h5", "application/x-hdf5"},
    {".hdf", "application/x-hdf"}, {".heic", "image/heic"}, {".heif", "image/heif"}, {".htm", "text/html"},
    {".html", "text/html"}, {".ico", "image/vnd.microsoft.icon"}, {".ief", "image/ief"}, {".jpe", "image/jpeg"},
    {".jpeg", "image/jpeg"}, {".jpg", "image/jpeg"}, {".js", "application/javascript"},
    {".json", "application/json"}, {".ksh", "text/plain"}, {".latex", "application/x-latex"}, {".loas", "audio/aac"},
    {".m1v", "video/mpeg"}, {".m3u", "application/vnd.apple.mpegurl"}, {".m3u8", "application/vnd.apple.mpegurl"},
    {".man", "application/x-troff-man"}, {".me", "application/x-troff-me"}, {".mht", "message/rfc822"},
    {".mhtml", "message/rfc822"}, {".mif", "application/x-mif"}, {".mjs", "application/javascript"},
    {".mov", "video/quicktime"}, {".movie", "video/x-sgi-movie"}, {".mp2", "audio/mpeg"}, {".mp3", "audio/mpeg"},
    {".mp4", "video/mp4"}, {".mpa", "video/mpeg"}, {".mpe", "video/mpeg"}, {".mpeg", "video/mpeg"},
    {".mpg", "video/mpeg"}, {".ms", "application/x-troff-ms"}, {".n3", "text/n3"}, {".nc", "application/x-netcdf"},
    {".nq", "application/n-quads"}, {".nt", "application/n-triples"}, {".nws", "message/rfc822"},
    {".o", "application/octet-stream"}, {".obj", "application/octet-stream"}, {".oda", "application/oda"},
    {".opus", "audio/opus"}, {".p12", "application/x-pkcs12"}, {".p7c", "application/pkcs7-mime"},
    {".pbm", "image/x-portable-bitmap"}, {".pdf", "application/pdf"}, {".pfx", "application/x-pkcs12"},
    {".pgm", "image/x-portable-graymap"}, {".pl", "text/plain"}, {".png", "image/png"},
    {".pnm", "image/x-portable-anymap"}, {".pot", "application/vnd.ms-powerpoint"},
    {".ppa", "application/vnd.ms-powerpoint"}, {".ppm", "image/x-portable-pixmap"},
    {".pps", "application/vnd.ms-powerpoint"}, {".ppt", "application/vnd.ms-powerpoint"},
    {".ps", "application/postscript"}, {".pwz", "application/vnd.ms-powerpoint"}, {".py", "text/x-python"},
    {".pyc", "application/x-python-code"}, {".pyo", "application/x-python-code"}, {".qt", "video/quicktime"},
    {".ra", "audio/x-pn-realaudio"}, {".ram", "application/x-pn-realaudio"}, {".ras", "image/x-cmu-raster"},
    {".rdf", "application/xml"}, {".rgb", "image/x-rgb"}, {".roff", "application/x-troff"},
    {".rtx", "text/richtext"}, {".sgm", "text/x-sgml"}, {".sgml", "text/x-sgml"}, {".sh", "application/x-sh"},
    {".shar", "application/x-shar"}, {".snd", "audio/basic"}, {".so", "application/octet-stream"},
    {".src", "application/x-wais-source"}, {".srt", "text/plain"}, {".sv4cpio", "application/x-sv4cpio"},
    {".sv4crc", "application/x-sv4crc"}, {".svg", "image/svg+xml"}, {".swf", "application/x-shockwave-flash"},
    {".t", "application/x-troff"}, {".tar", "application/x-tar"}, {".tcl", "application/x-tcl"},
    {".tex", "application/x-tex"}, {".texi", "application/x-texinfo"}, {".texinfo", "application/x-texinfo"},
    {".tif", "image/tiff"}, {".tiff", "image/tiff"}, {".tr", "application/x-troff"}, {".trig", "application/trig"},
    {".tsv", "text/tab-separated-values"}, {".txt", "text/plain"}, {".ustar", "application/x-ustar"},
    {".vcf", "text/x-vcard"}, {".vtt", "text/vtt"}, {".wasm", "application/wasm"}, {".wav", "audio/x-wav"},
    {".webm", "video/webm"}, {".webmanifest", "application/manifest+json"}, {".wiz", "application/msword"},
    {".wsdl", "application/xml"}, {".xbm", "image/x-xbitmap"}, {".xlb", "application/vnd.ms-excel"},
    {".xls", "application/vnd.ms-excel"}, {".xml", "text/xml"}, {".xpdl", "application/xml"},
    {".xpm", "image/x-xpixmap"}, {".xsl", "application/xml"}, {".xwd", "image/x-xwindowdump"},
    {".zip", "application/zip"},
};

// Where Python looks for the system's tables, in its order (later files win).
const char* const kKnownFiles[] = {"/etc/mime.types", "/etc/httpd/mime.types", "/etc/httpd/conf/mime.types",
                                   "/etc/apache/mime.types", "/etc/apache2/mime.types", "/usr/local/etc/httpd/conf/mime.types",
                                   "/usr/local/lib/netscape/mime.types", "/usr/local/etc/httpd/conf/mime.types",
                                   "/usr/local/etc/mime.types"};

void read_mime_types(std::string_view text, Table& table) {
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string type, ext;
    if (!(words >> type) || type[0] == '#') continue;
    while (words >> ext) {
      if (ext[0] == '#') break;
      table["." + ext] = type;
    }
  }
}

Table defaults() {
  Table t;
  for (const auto& [ext, type] : kPythonDefaults) t[ext] = type;
  return t;
}

const Table& system_table() {
  // Built once, then only read.
  static const Table table = [] {
    Table t = defaults();
    for (const char* file : kKnownFiles) {
      std::ifstream in(file);
      if (!in) continue;
      std::ostringstream text;
      text << in.rdbuf();
      read_mime_types(text.str(), t);
    }
    return t;
  }();
  return table;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Python's splitext: the last '.' in the last component, not a leading one.
std::pair<std::string, std::string> split_ext(const std::string& name) {
  const auto slash = name.rfind('/');
  const auto base_start = slash == std::string::npos ? 0 : slash + 1;
  auto dot = name.rfind('.');
  if (dot == std::string::npos || dot < base_start) return {name, ""};
  auto first = base_start;
  while (first < name.size() && name[first] == '.') ++first;
  if (dot < first) return {name, ""};
  return {name.substr(0, dot), name.substr(dot)};
}

std::optional<std::string> guess(std::string_view filename, const Table& table) {
  static const std::pair<const char*, const char*> kSuffixes[] = {{".svgz", ".svg.gz"}, {".tgz", ".tar.gz"}, {".taz", ".tar.gz"},
                                                                  {".tz", ".tar.gz"},   {".tbz2", ".tar.bz2"}, {".txz", ".tar.xz"}};
  static const char* const kEncodings[] = {".gz", ".Z", ".bz2", ".xz", ".br"};
  auto [base, ext] = split_ext(std::string(filename));
  for (bool again = true; again;) {
    again = false;
    for (const auto& [from, to] : kSuffixes) {
      if (ext == from || lower(ext) == from) {
        std::tie(base, ext) = split_ext(base + to);
        again = true;
        break;
      }
    }
  }
  for (const char* enc : kEncodings) {
    if (ext == enc) {  // case matters here, as in Python
      std::tie(base, ext) = split_ext(base);
      break;
    }
  }
  if (auto it = table.find(ext); it != table.end()) return it->second;
  if (auto it = table.find(lower(ext)); it != table.end()) return it->second;
  return std::nullopt;
}

}  // namespace

std::optional<std::string> guess_content_type(std::string_view filename) { return guess(filename, system_table()); }

std::optional<std::string> guess_content_type_with(std::string_view filename, std::string_view mime_types_text) {
  Table t = defaults();
  read_mime_types(mime_types_text, t);
  return guess(filename, t);
}

}  // namespace drc::aws::s3
