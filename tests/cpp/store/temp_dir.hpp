// A fresh directory for one test, removed with everything in it afterwards.
#ifndef CARELEARN_TESTS_CPP_STORE_TEMP_DIR_HPP_
#define CARELEARN_TESTS_CPP_STORE_TEMP_DIR_HPP_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace carelearn::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern = ::testing::TempDir() + "carelearn-store-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  /// The path of `name` inside the directory.
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

/// The bytes of the file at `path`, or "" when it does not exist.
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace carelearn::testing

#endif  // CARELEARN_TESTS_CPP_STORE_TEMP_DIR_HPP_
