// The JSON files of catalog/, compiled into the library by cmake/EmbedCatalog.cmake.
#ifndef CARELEARN_SRC_IO_BUILTIN_CATALOG_DATA_HPP_
#define CARELEARN_SRC_IO_BUILTIN_CATALOG_DATA_HPP_

#include <span>
#include <string_view>

namespace carelearn::detail {

/// One embedded catalog file.
struct EmbeddedFile {
  std::string_view name;     ///< The file name, e.g. "learning-visit.json".
  std::string_view content;  ///< The file's bytes.
};

/// The embedded catalog files, ordered by name.
std::span<const EmbeddedFile> BuiltinCatalogFiles();

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_BUILTIN_CATALOG_DATA_HPP_
