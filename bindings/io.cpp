// bindings/io.cpp
//
// The io layer bound for Python: strict loading of carelearn's JSON documents
// and canonical saving. A loader's error is raised as a carelearn.Error
// subclass carrying the JSON pointer, line and column (see module.cpp).
#include <cstddef>
#include <string>
#include <utility>

#include "carelearn/io/json.hpp"
#include "common.hpp"

namespace carelearn::bindings {

void BindIo(py::module_& m) {
  py::class_<ParseOptions> options(
      m, "ParseOptions", "Limits and naming for the loaders; passing a limit raises LimitError.");
  options
      .def(py::init([](std::size_t max_depth, std::size_t max_document_bytes,
                       std::size_t max_string_bytes, std::string source_name) {
             return ParseOptions{max_depth, max_document_bytes, max_string_bytes,
                                 std::move(source_name)};
           }),
           py::kw_only(), py::arg("max_depth") = ParseOptions{}.max_depth,
           py::arg("max_document_bytes") = ParseOptions{}.max_document_bytes,
           py::arg("max_string_bytes") = ParseOptions{}.max_string_bytes,
           py::arg("source_name") = "", "Options from their fields, all keyword arguments.")
      .def(py::init<const ParseOptions&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("max_depth", &ParseOptions::max_depth,
                     "The deepest nesting of arrays and objects.")
      .def_readwrite("max_document_bytes", &ParseOptions::max_document_bytes,
                     "The largest document, in bytes.")
      .def_readwrite("max_string_bytes", &ParseOptions::max_string_bytes,
                     "The longest string, in bytes.")
      .def_readwrite("source_name", &ParseOptions::source_name,
                     "The name errors give the document, e.g. its file path; \"<input>\" when "
                     "empty.");
  BindValue(options);

  py::class_<ErrorLocation> location(
      m, "ErrorLocation",
      "Where in a document a load error lies; carelearn.Error carries it as\n"
      "`path`, `line` and `column`.");
  location
      .def(py::init([](std::string pointer, int line, int column) {
             return ErrorLocation{std::move(pointer), line, column};
           }),
           py::kw_only(), py::arg("pointer") = "", py::arg("line") = 0, py::arg("column") = 0,
           "A location from its fields.")
      .def(py::init<const ErrorLocation&>(), py::arg("other"), "A copy of `other`.")
      .def_readwrite("pointer", &ErrorLocation::pointer,
                     "JSON Pointer (RFC 6901) of the offending value; empty at the root.")
      .def_readwrite("line", &ErrorLocation::line, "1-based line; 0 when unknown.")
      .def_readwrite("column", &ErrorLocation::column, "1-based column; 0 when unknown.");
  BindValue(location);

  const ParseOptions defaults;
  const char* kErrors =
      "\n\nRaises FormatError (a ValueError) for a syntax error, a duplicate or unknown\n"
      "key, a missing key, a wrong type or a number out of range; LimitError when\n"
      "the document passes a limit of `options`; VersionError for a document of\n"
      "another kind or a newer schema version. Each message is led by\n"
      "\"<source>:<line>:<column>: <pointer>: \".";
  m.def(
      "parse_format",
      [](std::string_view json, const ParseOptions& o) { return Unwrap(ParseFormat(json, o)); },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Parses a \"format/1\" document.") + kErrors).c_str());
  m.def(
      "parse_variant",
      [](std::string_view json, const ParseOptions& o) { return Unwrap(ParseVariant(json, o)); },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Parses a \"variant/1\" document.") + kErrors).c_str());
  m.def(
      "parse_question_set",
      [](std::string_view json, const ParseOptions& o) {
        return Unwrap(ParseQuestionSet(json, o));
      },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Parses a \"question-set/1\" document.") + kErrors).c_str());
  m.def(
      "parse_document",
      [](std::string_view json, const ParseOptions& o) { return Unwrap(ParseDocument(json, o)); },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Parses a document of any catalog kind, chosen by its \"carelearn\" key.") +
       kErrors)
          .c_str());

  const char* kFileErrors = "\n\nRaises NotFoundError when the file cannot be read.";
  m.def(
      "load_format",
      [](const std::string& path, ParseOptions o) {
        return Unwrap(LoadFormat(path, std::move(o)));
      },
      py::arg("path"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Reads and parses the \"format/1\" file at `path`.") + kFileErrors +
       " Otherwise as parse_format.")
          .c_str());
  m.def(
      "load_variant",
      [](const std::string& path, ParseOptions o) {
        return Unwrap(LoadVariant(path, std::move(o)));
      },
      py::arg("path"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Reads and parses the \"variant/1\" file at `path`.") + kFileErrors +
       " Otherwise as parse_format.")
          .c_str());
  m.def(
      "load_question_set",
      [](const std::string& path, ParseOptions o) {
        return Unwrap(LoadQuestionSet(path, std::move(o)));
      },
      py::arg("path"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Reads and parses the \"question-set/1\" file at `path`.") + kFileErrors +
       " Otherwise as parse_format.")
          .c_str());
  m.def(
      "load_document",
      [](const std::string& path, ParseOptions o) {
        return Unwrap(LoadDocument(path, std::move(o)));
      },
      py::arg("path"), py::arg_v("options", defaults, "ParseOptions()"),
      (std::string("Reads and parses a document of any catalog kind at `path`.") + kFileErrors +
       " Otherwise as parse_format.")
          .c_str());
  m.def(
      "add_to_catalog",
      [](Catalog& catalog, std::string_view json, const ParseOptions& o) {
        ThrowIfError(AddToCatalog(catalog, json, o));
      },
      py::arg("catalog"), py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      "Adds the document `json` to `catalog` (a variant is resolved against its base\n"
      "there). Raises the loader's errors and those of Catalog.add / add_variant.");

  m.def(
      "canonical_extensions",
      [](std::string_view json, const ParseOptions& o) {
        return Unwrap(CanonicalExtensions(json, o));
      },
      py::arg("json"), py::arg_v("options", defaults, "ParseOptions()"),
      "The canonical text of the JSON object `json`, as the `extensions` fields hold\n"
      "it (2-space indentation, keys in their order); \"\" for {}.\n\n"
      "Raises FormatError for invalid JSON or a value that is not an object.");
  m.def(
      "to_json", [](const Format& f) { return ToJson(f); }, py::arg("format"),
      "The canonical JSON text of `format`, ending in a newline.");
  m.def(
      "to_json", [](const Variant& v) { return ToJson(v); }, py::arg("variant"),
      "The canonical JSON text of `variant`, ending in a newline.");
  m.def(
      "to_json", [](const QuestionSet& s) { return ToJson(s); }, py::arg("question_set"),
      "The canonical JSON text of `question_set`, ending in a newline.");
}

}  // namespace carelearn::bindings
