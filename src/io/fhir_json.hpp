// What carelearn's FHIR and xAPI writers share: building a document as a
// Boost.JSON value and writing it as indented text, percent-encoding an id as
// one segment of a URL path, and the number form of an amount.
//
// Example:
//
//   boost::json::object o;
//   o["resourceType"] = "PlanDefinition";
//   std::string text = carelearn::detail::WriteIndented(o);  // "{\n  \"resourceType\": ...}\n"
#ifndef CARELEARN_SRC_IO_FHIR_JSON_HPP_
#define CARELEARN_SRC_IO_FHIR_JSON_HPP_

#include <string>
#include <string_view>

#include "boost/json/value.hpp"

namespace carelearn::detail {

/// `value` as JSON text: 2 spaces of indentation a level, one member or
/// element a line, numbers in carelearn's canonical form (integers where
/// integral), UTF-8 as is, ending in a newline.
[[nodiscard]] std::string WriteIndented(const boost::json::value& value);

/// `value` as JSON text on one line, numbers and strings as `WriteIndented` writes them.
[[nodiscard]] std::string WriteCompact(const boost::json::value& value);

/// `segment` percent-encoded as one segment of a URL path: every byte but
/// the unreserved characters of RFC 3986 (letters, digits, "-", ".", "_", "~")
/// as "%XX".
[[nodiscard]] std::string EncodePathSegment(std::string_view segment);

/// The inverse of `EncodePathSegment`: "%XX" decoded; a '%' not followed by
/// two hex digits is kept as it is.
[[nodiscard]] std::string DecodePathSegment(std::string_view segment);

/// `amount` as a JSON number: an integer when it is integral and within
/// ±2^53, else a double.
[[nodiscard]] boost::json::value Amount(double amount);

}  // namespace carelearn::detail

#endif  // CARELEARN_SRC_IO_FHIR_JSON_HPP_
