// carelearn/io/builtin_catalog.hpp
//
// Defines `BuiltinCatalog()`, the formats and question sets of the source
// texts. They are data: the JSON files in catalog/, compiled into the library
// and read through the same public loader (carelearn/io/json.hpp) that reads a
// user's own files, which is why the built-in catalog belongs to the io layer
// and not to `Catalog` (model) itself.
//
// Example:
//
//   carelearn::Catalog mine = carelearn::BuiltinCatalog();  // a copy to add to
//   absl::Status s = mine.Add(my_format);
//   const carelearn::Format* f = carelearn::BuiltinCatalog().Find("learning-visit");
#ifndef CARELEARN_IO_BUILTIN_CATALOG_HPP_
#define CARELEARN_IO_BUILTIN_CATALOG_HPP_

#include "carelearn/model/catalog.hpp"

namespace carelearn {

/// The built-in catalog of the source texts' formats and question sets.
///
/// Built once, on first use, from the JSON compiled into the library; safe to
/// call from several threads. A broken built-in file is a defect of the
/// library itself and aborts with its load error; the test suite proves every
/// built-in file loads. docs/catalog.md describes what it holds.
[[nodiscard]] const Catalog& BuiltinCatalog();

}  // namespace carelearn

#endif  // CARELEARN_IO_BUILTIN_CATALOG_HPP_
