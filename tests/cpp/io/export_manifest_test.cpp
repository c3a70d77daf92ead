#include "carelearn/io/export_manifest.hpp"

#include <gtest/gtest.h>

#include <string>

#include "boost/json/parse.hpp"
#include "boost/json/value.hpp"

namespace carelearn {
namespace {

TEST(ExportManifestTest, AnEvaluatorsExportNamesTheKeyByItsFingerprint) {
  const std::string key = "the evaluation's own key 2026";
  absl::StatusOr<Pseudonymiser> study = Pseudonymiser::Create(key);
  ASSERT_TRUE(study.ok());
  ExportOptions options;
  options.evaluator = true;
  options.evaluator_pseudonymiser = &*study;
  const std::string text = ExportManifestJson(options, 12);
  ASSERT_EQ(text.back(), '\n');
  const boost::json::value m = boost::json::parse(text);
  EXPECT_EQ(m.at("kind"), "export-manifest/1");
  EXPECT_EQ(m.at("redaction"), "evaluator");
  EXPECT_EQ(m.at("sessions").to_number<int>(), 12);
  EXPECT_EQ(m.at("removed").as_array().size(), 4u);
  EXPECT_TRUE(m.at("masked").as_array().empty());
  const boost::json::value& p = m.at("pseudonymisation");
  EXPECT_EQ(p.at("method"), "HMAC-SHA256");
  EXPECT_EQ(std::string(p.at("key_fingerprint").as_string()), study->Fingerprint());
  EXPECT_EQ(p.at("digits").to_number<int>(), 24);
  EXPECT_EQ(p.at("domains").at("session ids"), "session");
  EXPECT_EQ(text.find(key), std::string::npos);
}

TEST(ExportManifestTest, TheDefaultExportMasksAndHasNoPseudonymisation) {
  const boost::json::value m = boost::json::parse(ExportManifestJson({}, 3));
  EXPECT_EQ(m.at("redaction"), "confidential");
  ASSERT_EQ(m.at("removed").as_array().size(), 1u);
  EXPECT_EQ(m.at("removed").as_array()[0],
            "the text of confidential learning points, actions, feedback comments, notes and "
            "cancellation notes");
  EXPECT_EQ(m.at("masked").as_array().size(), 2u);
  EXPECT_TRUE(m.at("pseudonymisation").is_null());
  ExportOptions all;
  all.include_confidential = true;
  const boost::json::value none = boost::json::parse(ExportManifestJson(all, 3));
  EXPECT_TRUE(none.at("removed").as_array().empty());
  EXPECT_TRUE(none.at("masked").as_array().empty());
}

TEST(ExportManifestTest, TheManifestGoesBesideTheFile) {
  EXPECT_EQ(ManifestPathFor("out/for-study.jsonl").string(), "out/for-study.jsonl.manifest.json");
}

}  // namespace
}  // namespace carelearn
