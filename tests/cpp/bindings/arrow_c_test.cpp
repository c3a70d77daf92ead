// The Arrow C data interface exporter of the Python bindings: types, buffers
// viewed in place, and the release rules of the specification (every array,
// child or dictionary holds the owner until it is released, and a child moved
// out of its parent outlives it).
#include "arrow_c.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace carelearn::bindings::arrow {
namespace {

/// The buffers a test exports, owned by one object whose use count the tests watch.
struct Owned {
  std::vector<std::int32_t> numbers = {7, 8, 9};
  std::vector<std::int32_t> codes = {1, 0, 1};
  std::vector<std::int32_t> offsets = {0, 3, 6};
  std::string values = "dayeve";
  std::vector<std::uint8_t> validity = {0b101};
};

/// A batch of an int32 column and a dictionary column with one null.
Column Batch(const std::shared_ptr<const Owned>& owned) {
  Column numbers;
  numbers.name = "n";
  numbers.format = "i";
  numbers.nullable = false;
  numbers.length = 3;
  numbers.buffers = {nullptr, owned->numbers.data()};
  numbers.keep = owned;

  auto values = std::make_shared<Column>();
  values->format = "u";
  values->nullable = false;
  values->length = 2;
  values->buffers = {nullptr, owned->offsets.data(), owned->values.data()};
  values->keep = owned;

  Column shift;
  shift.name = "shift";
  shift.format = "i";
  shift.length = 3;
  shift.null_count = 1;
  shift.buffers = {owned->validity.data(), owned->codes.data()};
  shift.dictionary = values;
  shift.keep = owned;
  return Struct({numbers, shift}, 3);
}

TEST(ArrowC, TheSchemaNamesTypesFieldsAndTheDictionary) {
  auto owned = std::make_shared<const Owned>();
  ArrowSchema schema;
  ExportSchema(Batch(owned), &schema);
  EXPECT_STREQ(schema.format, "+s");
  EXPECT_EQ(schema.flags, 0);
  ASSERT_EQ(schema.n_children, 2);
  EXPECT_STREQ(schema.children[0]->name, "n");
  EXPECT_STREQ(schema.children[0]->format, "i");
  EXPECT_EQ(schema.children[0]->flags, 0);
  EXPECT_EQ(schema.children[0]->dictionary, nullptr);
  EXPECT_STREQ(schema.children[1]->name, "shift");
  EXPECT_EQ(schema.children[1]->flags, ARROW_FLAG_NULLABLE);
  ASSERT_NE(schema.children[1]->dictionary, nullptr);
  EXPECT_STREQ(schema.children[1]->dictionary->format, "u");
  schema.release(&schema);
  EXPECT_EQ(schema.release, nullptr);
}

TEST(ArrowC, ArraysViewTheBuffersAndHoldTheOwnerUntilReleased) {
  auto owned = std::make_shared<const Owned>();
  ArrowArray array;
  ExportArray(Batch(owned), &array);
  // The batch, its two fields and the dictionary each hold one reference.
  EXPECT_EQ(owned.use_count(), 1 + 3);
  EXPECT_EQ(array.length, 3);
  EXPECT_EQ(array.n_buffers, 1);
  ASSERT_EQ(array.n_children, 2);
  const ArrowArray& numbers = *array.children[0];
  EXPECT_EQ(numbers.buffers[0], nullptr);
  EXPECT_EQ(numbers.buffers[1], owned->numbers.data());
  const ArrowArray& shift = *array.children[1];
  EXPECT_EQ(shift.null_count, 1);
  EXPECT_EQ(shift.buffers[0], owned->validity.data());
  EXPECT_EQ(shift.buffers[1], owned->codes.data());
  ASSERT_NE(shift.dictionary, nullptr);
  EXPECT_EQ(shift.dictionary->length, 2);
  EXPECT_EQ(shift.dictionary->buffers[2], owned->values.data());
  array.release(&array);
  EXPECT_EQ(array.release, nullptr);
  EXPECT_EQ(owned.use_count(), 1);
}

TEST(ArrowC, AChildMovedOutOutlivesItsParent) {
  auto owned = std::make_shared<const Owned>();
  ArrowArray array;
  ExportArray(Batch(owned), &array);
  // A consumer moves the second field out, as the specification allows.
  ArrowArray moved;
  std::memcpy(&moved, array.children[1], sizeof(ArrowArray));
  array.children[1]->release = nullptr;
  array.release(&array);
  EXPECT_EQ(owned.use_count(), 1 + 2);  // the moved field and its dictionary
  EXPECT_EQ(moved.buffers[1], owned->codes.data());
  moved.release(&moved);
  EXPECT_EQ(owned.use_count(), 1);
}

TEST(ArrowC, AStreamYieldsTheBatchOnceThenEnds) {
  auto owned = std::make_shared<const Owned>();
  ArrowArrayStream stream;
  ExportStream(Batch(owned), &stream);
  ArrowSchema schema;
  ASSERT_EQ(stream.get_schema(&stream, &schema), 0);
  EXPECT_EQ(schema.n_children, 2);
  schema.release(&schema);
  ArrowArray first;
  ASSERT_EQ(stream.get_next(&stream, &first), 0);
  ASSERT_NE(first.release, nullptr);
  EXPECT_EQ(first.length, 3);
  ArrowArray end;
  ASSERT_EQ(stream.get_next(&stream, &end), 0);
  EXPECT_EQ(end.release, nullptr);
  EXPECT_EQ(stream.get_last_error(&stream), nullptr);
  stream.release(&stream);
  EXPECT_EQ(stream.release, nullptr);
  // The batch outlives the stream that yielded it.
  EXPECT_EQ(first.children[0]->buffers[1], owned->numbers.data());
  first.release(&first);
  EXPECT_EQ(owned.use_count(), 1);
}

}  // namespace
}  // namespace carelearn::bindings::arrow
