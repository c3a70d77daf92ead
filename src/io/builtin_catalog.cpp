// BuiltinCatalog(): the catalog/*.json files compiled into the library, read
// through the same public loader as a user's own files.
#include "carelearn/io/builtin_catalog.hpp"

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "carelearn/io/json.hpp"
#include "io/builtin_catalog_data.hpp"

namespace carelearn {
namespace {

Catalog* LoadBuiltin() {
  auto* catalog = new Catalog();
  // Variants resolve against bases that may come later in name order, so
  // documents that fail for a missing base are tried again once the rest are in.
  std::vector<detail::EmbeddedFile> pending(detail::BuiltinCatalogFiles().begin(),
                                            detail::BuiltinCatalogFiles().end());
  while (!pending.empty()) {
    std::vector<detail::EmbeddedFile> retry;
    absl::Status last;
    for (const detail::EmbeddedFile& file : pending) {
      ParseOptions options;
      options.source_name = std::string("catalog/") + std::string(file.name);
      absl::Status s = AddToCatalog(*catalog, file.content, options);
      if (s.code() == absl::StatusCode::kNotFound) {
        retry.push_back(file);
        last = s;
      } else if (!s.ok()) {
        std::cerr << "carelearn: the built-in catalog is broken: " << s << "\n";
        std::abort();
      }
    }
    if (retry.size() == pending.size()) {
      std::cerr << "carelearn: the built-in catalog is broken: " << last << "\n";
      std::abort();
    }
    pending = std::move(retry);
  }
  return catalog;
}

}  // namespace

const Catalog& BuiltinCatalog() {
  static const Catalog* const kBuiltin = LoadBuiltin();
  return *kBuiltin;
}

}  // namespace carelearn
