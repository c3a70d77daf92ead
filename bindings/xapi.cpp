// bindings/xapi.cpp
//
// carelearn's xAPI 1.0.3 statements bound for Python (carelearn/io/xapi.hpp).
// The package's `carelearn.xapi` turns them into dicts and posts them to an LRS.
#include <string>
#include <string_view>
#include <utility>

#include "carelearn/io/xapi.hpp"
#include "common.hpp"

namespace carelearn::bindings {
namespace {

/// The catalog `catalog` holds, or nullptr for None.
const Catalog* OptionalCatalog(const py::typing::Optional<Catalog>& catalog) {
  return catalog.is_none() ? nullptr : catalog.cast<const Catalog*>();
}

}  // namespace

void BindXapi(py::module_& m) {
  m.def(
      "to_xapi_statements",
      [](const Session& session, std::string home_page, bool include_text,
         const py::typing::Optional<Catalog>& catalog) {
        XapiOptions options;
        options.home_page = std::move(home_page);
        options.include_text = include_text;
        options.catalog = OptionalCatalog(catalog);
        return Unwrap(ToXapiStatements(session, options));
      },
      py::arg("session"), py::kw_only(), py::arg("home_page"), py::arg("include_text") = false,
      py::arg("catalog").none(true) = py::none(),
      "The xAPI 1.0.3 statements of `session` as the JSON text of an array.\n\n"
      "Actors are accounts {homePage: home_page, name: pseudonym}. `include_text`\n"
      "adds the wording of proposed actions that are not confidential; confidential text\n"
      "is never included.\n"
      "Raises FormatError for a home_page that is not an http(s) IRI or a session\n"
      "that breaks its invariants.");
  m.def(
      "xapi_registration", [](std::string_view id) { return XapiRegistration(id); },
      py::arg("session_id"),
      "The context.registration of a session's statements: a UUID v5 of its id.");
  m.def(
      "uuid_v5",
      [](std::string_view ns, std::string_view name) { return Unwrap(UuidV5(ns, name)); },
      py::arg("namespace"), py::arg("name"),
      "The UUID v5 (RFC 4122, SHA-1) of `name` in the namespace `namespace`.");
  m.def("xapi_format_iri", &XapiFormatIri, py::arg("id"), py::arg("version"),
        "The IRI of the activity of format `id` at `version`.");
}

}  // namespace carelearn::bindings
