// carelearn/model/catalog.hpp
//
// Defines `Catalog`, the set of formats and question sets that references
// resolve through.
//
// A catalog holds values: adding a format copies it. The built-in catalog,
// the formats of the source texts, is `BuiltinCatalog()` in
// carelearn/io/builtin_catalog.hpp: it is read from the JSON files in
// catalog/ (compiled into the library) through the same loader that reads a
// user's own files, and reading JSON is the io layer's.
//
// Example:
//
//   carelearn::Catalog mine = carelearn::BuiltinCatalog();
//   absl::Status s = mine.Add(my_format);
//   const carelearn::Format* f = mine.Find("learning-visit");
#ifndef CARELEARN_MODEL_CATALOG_HPP_
#define CARELEARN_MODEL_CATALOG_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "carelearn/model/format.hpp"
#include "carelearn/model/prompt.hpp"
#include "carelearn/model/variant.hpp"

namespace carelearn {

/// A set of formats and question sets, keyed by id and version.
class Catalog {
 public:
  /// An empty catalog.
  Catalog() = default;

  /// Adds a copy of `format`.
  ///
  /// Errors: kAlreadyExists when the catalog has a format with the same id and
  /// version; kInvalidArgument when the id is empty or the version below 1.
  [[nodiscard]] absl::Status Add(Format format);

  /// Adds a copy of `set`.
  ///
  /// Errors: kAlreadyExists for the same id and version; kInvalidArgument for an empty id.
  [[nodiscard]] absl::Status Add(QuestionSet set);

  /// Resolves `variant` against its base in this catalog and adds the result.
  ///
  /// Errors: kNotFound when the base is not in the catalog; the errors of
  /// `ApplyVariant`; those of `Add(Format)`.
  [[nodiscard]] absl::Status AddVariant(const Variant& variant);

  /// The format `id` at `version`, or the newest version when none is given; nullptr when absent.
  [[nodiscard]] const Format* Find(std::string_view id,
                                   std::optional<int> version = std::nullopt) const;

  /// The format `ref` names, or nullptr.
  [[nodiscard]] const Format* Find(const FormatRef& ref) const { return Find(ref.id, ref.version); }

  /// The question set `id` at `version`, or the newest; nullptr when absent.
  [[nodiscard]] const QuestionSet* FindQuestionSet(std::string_view id,
                                                   std::optional<int> version = std::nullopt) const;

  /// Every format, ordered by id and then version.
  [[nodiscard]] std::vector<const Format*> formats() const;

  /// Every question set, ordered by id and then version.
  [[nodiscard]] std::vector<const QuestionSet*> question_sets() const;

  /// The number of formats.
  [[nodiscard]] std::size_t size() const { return formats_.size(); }

 private:
  std::map<std::pair<std::string, int>, Format, std::less<>> formats_;
  std::map<std::pair<std::string, int>, QuestionSet, std::less<>> question_sets_;
};

}  // namespace carelearn

#endif  // CARELEARN_MODEL_CATALOG_HPP_
