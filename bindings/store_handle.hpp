// bindings/store_handle.hpp
//
// `StoreHandle`, what the bound class carelearn._core.Store holds: a C++
// Store (closed by destroying it) that Python can close before it is
// destroyed, and lend to a reader that works with the GIL released.
//
// A reader that releases the GIL (bindings/analysis.cpp) borrows the store
// with `Lend`; until the loan ends, every other call on the handle (from
// another Python thread, which may run meanwhile) raises StateError instead
// of touching a Store that is in use. The flag is only read and written with
// the GIL held, so it needs no lock.
#ifndef CARELEARN_BINDINGS_STORE_HANDLE_HPP_
#define CARELEARN_BINDINGS_STORE_HANDLE_HPP_

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "carelearn/store/store.hpp"
#include "common.hpp"

namespace carelearn::bindings {

/// A Store that can be closed before it is destroyed, and lent out.
class StoreHandle {
 public:
  /// A handle of the open `store`, opened from `path`.
  StoreHandle(Store store, std::string path) : store_(std::move(store)), path_(std::move(path)) {}

  /// The open store; raises StateError when closed or lent out.
  Store& Get() {
    if (!store_) {
      ThrowStatus(absl::FailedPreconditionError(absl::StrCat(path_, ": the store is closed")));
    }
    if (lent_) {
      ThrowStatus(absl::FailedPreconditionError(
          absl::StrCat(path_, ": the store is in use by another thread (reading tables)")));
    }
    return *store_;
  }

  /// Closes the store; closing twice does nothing. Raises StateError while lent out.
  void Close() {
    if (store_ && lent_) Get();
    store_.reset();
  }

  /// True once closed.
  [[nodiscard]] bool closed() const { return !store_.has_value(); }

  /// The path it was opened with.
  [[nodiscard]] const std::string& path() const { return path_; }

  /// The store, lent until the returned loan is destroyed; raises as `Get`.
  /// Create and destroy the loan with the GIL held.
  class Loan {
   public:
    /// Borrows `handle`'s store.
    explicit Loan(StoreHandle& handle) : handle_(handle), store_(handle.Get()) {
      handle_.lent_ = true;
    }
    ~Loan() { handle_.lent_ = false; }
    Loan(const Loan&) = delete;
    Loan& operator=(const Loan&) = delete;

    /// The store, for as long as the loan lasts.
    [[nodiscard]] const Store& store() const { return store_; }

   private:
    StoreHandle& handle_;
    Store& store_;
  };

 private:
  std::optional<Store> store_;
  std::string path_;
  bool lent_ = false;
};

}  // namespace carelearn::bindings

#endif  // CARELEARN_BINDINGS_STORE_HANDLE_HPP_
