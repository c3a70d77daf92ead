#include "carelearn/model/catalog.hpp"

#include <utility>

#include "absl/strings/str_cat.h"

namespace carelearn {
namespace {

template <typename Map>
const typename Map::mapped_type* FindIn(const Map& map, std::string_view id,
                                        std::optional<int> version) {
  if (version) {
    const auto it = map.find(std::pair<std::string, int>(std::string(id), *version));
    return it == map.end() ? nullptr : &it->second;
  }
  // The newest version: the last entry whose id matches.
  auto it = map.lower_bound(std::pair<std::string, int>(std::string(id) + '\0', 0));
  if (it == map.begin()) return nullptr;
  --it;
  return it->first.first == id ? &it->second : nullptr;
}

template <typename Map>
auto ValuesOf(const Map& map) {
  std::vector<const typename Map::mapped_type*> out;
  out.reserve(map.size());
  for (const auto& [key, value] : map) out.push_back(&value);
  return out;
}

}  // namespace

absl::Status Catalog::Add(Format format) {
  if (format.id.empty()) return absl::InvalidArgumentError("catalog: a format has an empty id");
  if (format.version < 1) {
    return absl::InvalidArgumentError(absl::StrCat("catalog: format \"", format.id,
                                                   "\" has version ", format.version,
                                                   "; versions start at 1"));
  }
  auto key = std::make_pair(format.id, format.version);
  if (formats_.contains(key)) {
    return absl::AlreadyExistsError(absl::StrCat("catalog: format \"", format.id, "\" version ",
                                                 format.version, " is already in the catalog"));
  }
  formats_.emplace(std::move(key), std::move(format));
  return absl::OkStatus();
}

absl::Status Catalog::Add(QuestionSet set) {
  if (set.id.empty()) return absl::InvalidArgumentError("catalog: a question set has an empty id");
  auto key = std::make_pair(set.id, set.version);
  if (question_sets_.contains(key)) {
    return absl::AlreadyExistsError(absl::StrCat("catalog: question set \"", set.id, "\" version ",
                                                 set.version, " is already in the catalog"));
  }
  question_sets_.emplace(std::move(key), std::move(set));
  return absl::OkStatus();
}

absl::Status Catalog::AddVariant(const Variant& variant) {
  const Format* base = Find(variant.extends);
  if (base == nullptr) {
    return absl::NotFoundError(absl::StrCat(
        "catalog: variant \"", variant.id, "\" extends \"", variant.extends.id, "\"",
        variant.extends.version ? absl::StrCat(" version ", *variant.extends.version) : "",
        ", which is not in the catalog"));
  }
  absl::StatusOr<Format> derived = ApplyVariant(*base, variant);
  if (!derived.ok()) return derived.status();
  return Add(*std::move(derived));
}

const Format* Catalog::Find(std::string_view id, std::optional<int> version) const {
  return FindIn(formats_, id, version);
}

const QuestionSet* Catalog::FindQuestionSet(std::string_view id, std::optional<int> version) const {
  return FindIn(question_sets_, id, version);
}

std::vector<const Format*> Catalog::formats() const { return ValuesOf(formats_); }

std::vector<const QuestionSet*> Catalog::question_sets() const { return ValuesOf(question_sets_); }

}  // namespace carelearn
