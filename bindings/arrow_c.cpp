// bindings/arrow_c.cpp
//
// The exporter of bindings/arrow_c.hpp. Each exported struct (schema, array,
// stream) owns its private data; children and dictionaries are exported as
// structs of their own with their own release callbacks, so that a consumer
// may move one out of its parent and release it on its own, as the Arrow
// specification allows.
#include "arrow_c.hpp"

#include <cerrno>
#include <cstddef>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

namespace carelearn::bindings::arrow {
namespace {

/// What an exported ArrowSchema owns.
struct SchemaData {
  std::string format;                  ///< Pointed to by ArrowSchema::format.
  std::string name;                    ///< Pointed to by ArrowSchema::name.
  std::vector<ArrowSchema*> children;  ///< Allocated here, released and freed on release.
  ArrowSchema* dictionary = nullptr;   ///< Allocated here, released and freed on release.
};

void ReleaseSchema(ArrowSchema* schema) {
  auto* data = static_cast<SchemaData*>(schema->private_data);
  for (ArrowSchema* child : data->children) {
    if (child->release != nullptr) child->release(child);
    delete child;
  }
  if (data->dictionary != nullptr) {
    if (data->dictionary->release != nullptr) data->dictionary->release(data->dictionary);
    delete data->dictionary;
  }
  delete data;
  schema->release = nullptr;
}

/// What an exported ArrowArray owns.
struct ArrayData {
  std::vector<const void*> buffers;   ///< Pointed to by ArrowArray::buffers.
  std::vector<ArrowArray*> children;  ///< Allocated here, released and freed on release.
  ArrowArray* dictionary = nullptr;   ///< Allocated here, released and freed on release.
  std::shared_ptr<const void> keep;   ///< The owner of what the buffers point into.
};

void ReleaseArray(ArrowArray* array) {
  auto* data = static_cast<ArrayData*>(array->private_data);
  for (ArrowArray* child : data->children) {
    if (child->release != nullptr) child->release(child);
    delete child;
  }
  if (data->dictionary != nullptr) {
    if (data->dictionary->release != nullptr) data->dictionary->release(data->dictionary);
    delete data->dictionary;
  }
  delete data;
  array->release = nullptr;
}

/// What an exported stream owns.
struct StreamData {
  Column batch;       ///< The one batch it yields.
  bool done = false;  ///< True once the batch was yielded.
  std::string error;  ///< The last error's text.
};

StreamData* Data(ArrowArrayStream* stream) {
  return static_cast<StreamData*>(stream->private_data);
}

int StreamSchema(ArrowArrayStream* stream, ArrowSchema* out) {
  try {
    ExportSchema(Data(stream)->batch, out);
    return 0;
  } catch (const std::exception& e) {
    Data(stream)->error = e.what();
    return ENOMEM;
  }
}

int StreamNext(ArrowArrayStream* stream, ArrowArray* out) {
  StreamData* data = Data(stream);
  if (data->done) {
    out->release = nullptr;  // The end of the stream.
    return 0;
  }
  try {
    ExportArray(data->batch, out);
    data->done = true;
    return 0;
  } catch (const std::exception& e) {
    data->error = e.what();
    return ENOMEM;
  }
}

const char* StreamError(ArrowArrayStream* stream) {
  const std::string& error = Data(stream)->error;
  return error.empty() ? nullptr : error.c_str();
}

void ReleaseStream(ArrowArrayStream* stream) {
  delete Data(stream);
  stream->release = nullptr;
}

}  // namespace

Column Struct(std::vector<Column> fields, std::int64_t length) {
  Column batch;
  batch.format = "+s";
  batch.nullable = false;
  batch.length = length;
  batch.buffers = {nullptr};
  batch.children = std::move(fields);
  return batch;
}

void ExportSchema(const Column& column, ArrowSchema* out) {
  auto data = std::make_unique<SchemaData>();
  data->format = column.format;
  data->name = column.name;
  // Allocated one by one, so that a failure part-way frees what was made.
  struct Partial {
    SchemaData* data;
    ~Partial() {
      if (data == nullptr) return;
      for (ArrowSchema* child : data->children) {
        if (child->release != nullptr) child->release(child);
        delete child;
      }
      if (data->dictionary != nullptr) {
        if (data->dictionary->release != nullptr) data->dictionary->release(data->dictionary);
        delete data->dictionary;
      }
    }
  } partial{data.get()};
  data->children.reserve(column.children.size());
  for (const Column& child : column.children) {
    auto schema = std::make_unique<ArrowSchema>();
    ExportSchema(child, schema.get());
    data->children.push_back(schema.release());
  }
  if (column.dictionary) {
    auto schema = std::make_unique<ArrowSchema>();
    ExportSchema(*column.dictionary, schema.get());
    data->dictionary = schema.release();
  }
  partial.data = nullptr;

  out->format = data->format.c_str();
  out->name = data->name.c_str();
  out->metadata = nullptr;
  out->flags = column.nullable ? ARROW_FLAG_NULLABLE : 0;
  out->n_children = static_cast<int64_t>(data->children.size());
  out->children = data->children.empty() ? nullptr : data->children.data();
  out->dictionary = data->dictionary;
  out->release = &ReleaseSchema;
  out->private_data = data.release();
}

void ExportArray(const Column& column, ArrowArray* out) {
  auto data = std::make_unique<ArrayData>();
  data->buffers = column.buffers;
  data->keep = column.keep;
  struct Partial {
    ArrayData* data;
    ~Partial() {
      if (data == nullptr) return;
      for (ArrowArray* child : data->children) {
        if (child->release != nullptr) child->release(child);
        delete child;
      }
      if (data->dictionary != nullptr) {
        if (data->dictionary->release != nullptr) data->dictionary->release(data->dictionary);
        delete data->dictionary;
      }
    }
  } partial{data.get()};
  data->children.reserve(column.children.size());
  for (const Column& child : column.children) {
    auto array = std::make_unique<ArrowArray>();
    ExportArray(child, array.get());
    data->children.push_back(array.release());
  }
  if (column.dictionary) {
    auto array = std::make_unique<ArrowArray>();
    ExportArray(*column.dictionary, array.get());
    data->dictionary = array.release();
  }
  partial.data = nullptr;

  out->length = column.length;
  out->null_count = column.null_count;
  out->offset = 0;
  out->n_buffers = static_cast<int64_t>(data->buffers.size());
  out->n_children = static_cast<int64_t>(data->children.size());
  out->buffers = data->buffers.empty() ? nullptr : data->buffers.data();
  out->children = data->children.empty() ? nullptr : data->children.data();
  out->dictionary = data->dictionary;
  out->release = &ReleaseArray;
  out->private_data = data.release();
}

void ExportStream(Column batch, ArrowArrayStream* out) {
  auto data = std::make_unique<StreamData>();
  data->batch = std::move(batch);
  out->get_schema = &StreamSchema;
  out->get_next = &StreamNext;
  out->get_last_error = &StreamError;
  out->release = &ReleaseStream;
  out->private_data = data.release();
}

}  // namespace carelearn::bindings::arrow
