// The zones carelearn carries itself, given to Abseil through cctz's
// zone-info source hook (absl/time/internal/cctz/include/cctz/zone_info_source.h):
// a zone is read from the system's tzdata (TZDIR, else /usr/share/zoneinfo)
// as Abseil always does, and only when that fails from the copy embedded at
// build time. See docs/embedding.md, "Time zones".
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <functional>
#include <memory>
#include <string>

#include "schedule/zoneinfo_data.hpp"

#ifdef CARELEARN_EMBED_TZDATA
#include "absl/time/internal/cctz/include/cctz/zone_info_source.h"
#endif

namespace carelearn::detail {

#ifdef CARELEARN_EMBED_TZDATA
namespace {

namespace cctz = absl::time_internal::cctz;

// A zone's TZif bytes, read like a file.
class EmbeddedSource : public cctz::ZoneInfoSource {
 public:
  explicit EmbeddedSource(std::string_view tzif) : tzif_(tzif) {}

  std::size_t Read(void* ptr, std::size_t size) override {
    const std::size_t n = std::min(size, tzif_.size() - pos_);
    std::memcpy(ptr, tzif_.data() + pos_, n);
    pos_ += n;
    return n;
  }

  int Skip(std::size_t offset) override {
    if (offset > tzif_.size() - pos_) return -1;
    pos_ += offset;
    return 0;
  }

  std::string Version() const override { return std::string(EmbeddedZoneinfoVersion()); }

 private:
  std::string_view tzif_;
  std::size_t pos_ = 0;
};

std::unique_ptr<cctz::ZoneInfoSource> SystemThenEmbedded(
    const std::string& name,
    const std::function<std::unique_ptr<cctz::ZoneInfoSource>(const std::string&)>& fallback) {
  if (std::unique_ptr<cctz::ZoneInfoSource> system = fallback(name)) return system;
  for (const EmbeddedZone& zone : EmbeddedZones()) {
    if (zone.name == name) return std::make_unique<EmbeddedSource>(zone.tzif);
  }
  return nullptr;
}

}  // namespace

bool EmbeddedZoneinfoHookInstalled() { return true; }

#else

bool EmbeddedZoneinfoHookInstalled() { return false; }

#endif

}  // namespace carelearn::detail

#ifdef CARELEARN_EMBED_TZDATA
// The hook Abseil documents for zone data embedded in a program. It is
// defined once per program; a program that defines its own builds carelearn
// with -DCARELEARN_EMBED_TZDATA=OFF.
namespace absl {
ABSL_NAMESPACE_BEGIN
namespace time_internal::cctz_extension {
ZoneInfoSourceFactory zone_info_source_factory = carelearn::detail::SystemThenEmbedded;
}  // namespace time_internal::cctz_extension
ABSL_NAMESPACE_END
}  // namespace absl
#endif
