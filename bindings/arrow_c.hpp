// bindings/arrow_c.hpp
//
// The Arrow C data interface and C stream interface, and an exporter for
// columns that already lie in memory in Arrow's layouts.
//
// The three structs below are the stable ABI that the Arrow project
// specifies ("The Arrow C data interface", "The Arrow C stream interface");
// any Arrow implementation (pyarrow, polars, DuckDB, nanoarrow, ...) imports
// them without linking to this code. The Python side of the exchange is the
// Arrow PyCapsule protocol: `__arrow_c_schema__`, `__arrow_c_array__` and
// `__arrow_c_stream__` return PyCapsules named "arrow_schema", "arrow_array"
// and "arrow_array_stream" (bindings/analysis.cpp makes them).
//
// An `arrow::Column` names buffers that something else owns; `keep` holds that
// owner alive for as long as any exported array points into it: each exported
// ArrowArray (parent, child or dictionary) holds its own reference and drops
// it in its release callback, on whatever thread the consumer releases it.
// `keep` must therefore never hold a Python object.
//
// Example:
//
//   arrow::Column ids{.name = "id", .format = "l", .length = n,
//                     .buffers = {nullptr, values.data()}, .keep = owner};
//   arrow::Column batch = arrow::Struct({ids}, n);
//   ArrowArrayStream stream;
//   arrow::ExportStream(batch, &stream);  // the consumer calls stream.release
#ifndef CARELEARN_BINDINGS_ARROW_C_HPP_
#define CARELEARN_BINDINGS_ARROW_C_HPP_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

extern "C" {

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

/// The type of an array (Arrow C data interface).
struct ArrowSchema {
  const char* format;                    ///< The type, e.g. "l" (int64), "tsu:UTC", "+s" (struct).
  const char* name;                      ///< The field's name; may be null.
  const char* metadata;                  ///< Binary key-value metadata; may be null.
  int64_t flags;                         ///< ARROW_FLAG_* bits.
  int64_t n_children;                    ///< The number of child types.
  struct ArrowSchema** children;         ///< The child types.
  struct ArrowSchema* dictionary;        ///< The values' type of a dictionary-encoded array.
  void (*release)(struct ArrowSchema*);  ///< Frees it; null once released.
  void* private_data;                    ///< The producer's own data.
};

/// The data of an array (Arrow C data interface).
struct ArrowArray {
  int64_t length;                       ///< The number of elements.
  int64_t null_count;                   ///< The number of nulls; -1 when not computed.
  int64_t offset;                       ///< The first element's index in the buffers.
  int64_t n_buffers;                    ///< The number of buffers the layout has.
  int64_t n_children;                   ///< The number of child arrays.
  const void** buffers;                 ///< The buffers, validity bitmap first.
  struct ArrowArray** children;         ///< The child arrays.
  struct ArrowArray* dictionary;        ///< The values of a dictionary-encoded array.
  void (*release)(struct ArrowArray*);  ///< Frees it; null once released.
  void* private_data;                   ///< The producer's own data.
};

#endif  // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

/// A stream of arrays of one type (Arrow C stream interface).
struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);  ///< The type.
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);     ///< The next array.
  const char* (*get_last_error)(struct ArrowArrayStream*);               ///< The last error's text.
  void (*release)(struct ArrowArrayStream*);  ///< Frees it; null once released.
  void* private_data;                         ///< The producer's own data.
};

#endif  // ARROW_C_STREAM_INTERFACE

}  // extern "C"

namespace carelearn::bindings::arrow {

/// One array to export: its type, its buffers, and what keeps them alive.
struct Column {
  std::string name = {};    ///< The field's name.
  std::string format = {};  ///< The Arrow format string, e.g. "i", "tsu:UTC", "U", "+s".
  bool nullable = true;     ///< Sets ARROW_FLAG_NULLABLE on the field.
  std::int64_t length = 0;  ///< The number of elements.
  /// The number of nulls (0 lets the validity buffer be null).
  std::int64_t null_count = 0;
  /// The buffers in the order the layout has them, validity bitmap first
  /// (null when there are no nulls); each points into what `keep` owns.
  std::vector<const void*> buffers = {};
  std::vector<Column> children = {};         ///< The fields of a struct ("+s").
  std::shared_ptr<const Column> dictionary;  ///< The values of a dictionary-encoded column.
  std::shared_ptr<const void> keep;          ///< Owns what `buffers` point into.
};

/// A struct array ("+s", not nullable) of `length` rows whose fields are `fields`:
/// the form of a record batch in the C data interface.
Column Struct(std::vector<Column> fields, std::int64_t length);

/// Fills `out` with the type of `column` (its field name, format, flags,
/// children and dictionary). The caller owns `out` and releases it.
void ExportSchema(const Column& column, ArrowSchema* out);

/// Fills `out` with the data of `column`; every array in it (children and
/// dictionary too) holds `keep` until it is released. The caller owns `out`.
void ExportArray(const Column& column, ArrowArray* out);

/// Fills `out` with a stream that yields `batch` (a struct column) once and
/// then ends. The caller owns `out` and releases it.
void ExportStream(Column batch, ArrowArrayStream* out);

}  // namespace carelearn::bindings::arrow

#endif  // CARELEARN_BINDINGS_ARROW_C_HPP_
