// Property tests of carelearn/io/json.hpp: a few hundred random valid
// documents of each kind, from a fixed seed, must round-trip exactly:
// parse(save(x)) == x and save(parse(save(x))) == save(x).
#include "carelearn/io/json.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "gtest/gtest.h"

namespace carelearn {
namespace {

class RandomDocuments {
 public:
  explicit RandomDocuments(std::uint32_t seed) : rng_(seed) {}

  Format MakeFormat() {
    Format f;
    f.id = Id();
    f.version = Int(1, 1000);
    f.title = RequiredText();
    f.purpose = RequiredText();
    f.source = OptionalText();
    for (int i = Int(0, 3); i > 0; --i) f.prerequisites.push_back({Id(), RequiredText()});
    f.setting = MakeSetting();
    f.capacity = MakeCapacity();
    if (Chance(0.7)) f.duration = Budget();
    if (Chance(0.5)) f.cadence = MakeCadence();
    for (int i = Int(0, 2); i > 0; --i)
      f.defined_roles.push_back({Id(), RequiredText(), OptionalText()});
    f.roles = Requirements();
    for (int i = Int(0, 6); i > 0; --i) f.steps.push_back(MakeStep());
    f.outputs = Outputs();
    for (int i = Int(0, 3); i > 0; --i) {
      Component c;
      c.format = Ref();
      if (Chance(0.5)) c.cadence = MakeCadence();
      c.note = OptionalText();
      f.components.push_back(c);
    }
    for (int i = Int(0, 2); i > 0; --i) f.lineage.push_back(Ref());
    f.extensions = Extensions();
    return f;
  }

  Variant MakeVariant() {
    Variant v;
    v.id = Id();
    v.version = Int(1, 50);
    v.extends = Ref();
    if (Chance(0.5)) v.title = RequiredText();
    if (Chance(0.5)) v.purpose = RequiredText();
    if (Chance(0.3)) v.setting = MakeSetting();
    if (Chance(0.3)) v.capacity = MakeCapacity();
    if (Chance(0.3)) v.duration = Budget();
    if (Chance(0.3)) v.cadence = MakeCadence();
    if (Chance(0.3)) v.roles = Requirements();
    if (Chance(0.3)) v.outputs = Outputs();
    for (int i = Int(0, 5); i > 0; --i) {
      switch (Int(0, 4)) {
        case 0:
          v.changes.push_back(StepChange::Add(MakeStep(), Chance(0.5) ? Id() : ""));
          break;
        case 1:
          v.changes.push_back(StepChange::Remove(Id()));
          break;
        case 2:
          v.changes.push_back(StepChange::Replace(Id(), MakeStep()));
          break;
        case 3:
          v.changes.push_back(StepChange::SetBudget(Id(), Budget()));
          break;
        default:
          v.changes.push_back(StepChange::SetPrompts(Id(), Prompts()));
          break;
      }
    }
    v.extensions = Extensions();
    return v;
  }

  QuestionSet MakeQuestionSet() {
    QuestionSet q;
    q.id = Id();
    q.version = Int(1, 9);
    q.title = RequiredText();
    q.source = OptionalText();
    q.prompts = Prompts();
    if (q.prompts.empty()) q.prompts.push_back({Id(), RequiredText(), ""});
    return q;
  }

 private:
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }

  std::string Id() {
    static const char* const kWords[] = {"case", "round", "learning", "visit",      "agent",
                                         "x",    "q1",    "shift",    "reflection", "seminar"};
    std::string id = kWords[Int(0, 9)];
    for (int i = Int(0, 2); i > 0; --i) id += std::string("-") + kWords[Int(0, 9)];
    return id;
  }

  std::string Words() {
    static const char* const kPieces[] = {
        "Læring",    "øjeblik",   "på",   "tværs", "Borger", "\"citat\"", "a\\b",
        "tab\there", "ny\nlinje", "\x01", "€",     "😀",      "日本",      "/",
        "~",         "",          " ",    "ÆØÅ",   "\u2028", "end"};
    std::string s;
    for (int i = Int(1, 5); i > 0; --i) {
      if (!s.empty()) s += ' ';
      s += kPieces[Int(0, 19)];
    }
    return s;
  }

  Text RequiredText() {
    Text t;
    switch (Int(0, 2)) {
      case 0:
        t.da = "da " + Words();
        break;
      case 1:
        t.en = "en " + Words();
        break;
      default:
        t.da = "da " + Words();
        t.en = "en " + Words();
        break;
    }
    return t;
  }

  Text OptionalText() { return Chance(0.5) ? Text{} : RequiredText(); }

  double Amount() {
    switch (Int(0, 4)) {
      case 0:
        return Int(0, 120);
      case 1:
        return Int(0, 40) / 2.0;
      case 2:
        return std::uniform_real_distribution<double>(0, 10)(rng_);
      case 3:
        return std::ldexp(std::uniform_real_distribution<double>(0.5, 1)(rng_), Int(-1070, 1020));
      default:
        return std::pow(10.0, Int(-20, 25));
    }
  }

  TimeBudget Budget() {
    const auto unit = static_cast<TimeUnit>(Int(0, 2));
    TimeBudget b;
    switch (Int(0, 3)) {
      case 0:
        b = TimeBudget::Fixed(Amount(), unit);
        break;
      case 1:
        b = TimeBudget::Range(Amount(), Amount(), unit);
        break;
      case 2: {
        const double lo = Amount();
        b = TimeBudget::PerParticipant(lo, Chance(0.5) ? lo : Amount(), unit);
        if (Chance(0.3)) b = b.Skipping(Int(1, 3));
        break;
      }
      default:
        b = TimeBudget::Open();
        break;
    }
    if (Chance(0.3)) b = b.About();
    return b;
  }

  Setting MakeSetting() { return {static_cast<Place>(Int(0, 3)), Chance(0.5)}; }

  Capacity MakeCapacity() {
    Capacity c;
    c.min = Int(1, 10);
    if (Chance(0.5)) c.max = Int(1, 200);
    if (Chance(0.3)) c.typical = Int(1, 30);
    return c;
  }

  Cadence MakeCadence() {
    Cadence c;
    c.interval = Int(1, 12);
    c.unit = static_cast<Period>(Int(0, 3));
    if (Chance(0.4)) c.count = Int(1, 20);
    return c;
  }

  FormatRef Ref() {
    FormatRef r;
    r.id = Id();
    if (Chance(0.6)) r.version = Int(1, 9);
    return r;
  }

  std::vector<RoleRequirement> Requirements() {
    std::vector<RoleRequirement> roles;
    for (int i = Int(0, 4); i > 0; --i) {
      RoleRequirement r;
      r.role = Id();
      r.min = Int(0, 3);
      if (Chance(0.5)) r.max = Int(0, 9);
      roles.push_back(r);
    }
    return roles;
  }

  std::vector<DeclaredOutput> Outputs() {
    std::vector<DeclaredOutput> outputs;
    for (int i = Int(0, 3); i > 0; --i) {
      DeclaredOutput o;
      o.kind = static_cast<OutputKind>(Int(0, 4));
      o.min = Int(0, 3);
      if (Chance(0.5)) o.max = Int(0, 5);
      if (Chance(0.5)) o.destination = Id();
      o.note = OptionalText();
      outputs.push_back(o);
    }
    return outputs;
  }

  std::vector<Prompt> Prompts() {
    std::vector<Prompt> prompts;
    for (int i = Int(0, 3); i > 0; --i) {
      prompts.push_back({Id(), RequiredText(), Chance(0.3) ? Id() : ""});
    }
    return prompts;
  }

  Step MakeStep() {
    Step s;
    s.id = Id();
    s.title = RequiredText();
    s.purpose = OptionalText();
    s.budget = Budget();
    if (Chance(0.6)) s.lead = Id();
    s.participation = static_cast<Participation>(Int(0, 6));
    s.prompts = Prompts();
    for (int i = Int(0, 2); i > 0; --i) s.question_sets.push_back(Id());
    for (int i = Int(0, 2); i > 0; --i) s.produces.push_back(static_cast<OutputKind>(Int(0, 4)));
    if (Chance(0.2)) s.format = Ref();
    s.extensions = Extensions();
    return s;
  }

  // A random JSON value as text, `depth` levels at most.
  std::string JsonValue(int depth) {
    switch (depth <= 0 ? Int(0, 4) : Int(0, 6)) {
      case 0:
        return "null";
      case 1:
        return Chance(0.5) ? "true" : "false";
      case 2:
        return std::to_string(static_cast<long long>(Int(-100000, 100000)) * Int(1, 100000));
      case 3: {
        const double d = std::uniform_real_distribution<double>(-1e6, 1e6)(rng_);
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.17g", d);
        return buffer;
      }
      case 4:
        return "\"" + Escaped(Words()) + "\"";
      case 5: {
        std::string out = "[";
        for (int i = Int(0, 3); i > 0; --i) out += JsonValue(depth - 1) + (i > 1 ? ", " : "");
        return out + "]";
      }
      default:
        return JsonObject(depth - 1);
    }
  }

  std::string JsonObject(int depth) {
    std::string out = "{";
    const int n = Int(0, 4);
    for (int i = 0; i < n; ++i) {
      out += "\"k" + std::to_string(i) + Escaped(Words()) + "\": " + JsonValue(depth);
      if (i + 1 < n) out += ", ";
    }
    return out + "}";
  }

  static std::string Escaped(const std::string& s) {
    std::string out;
    for (const char c : s) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char buffer[8];
        std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
        out += buffer;
      } else {
        out += c;
      }
    }
    return out;
  }

  std::string Extensions() {
    if (Chance(0.7)) return "";
    const absl::StatusOr<std::string> text = CanonicalExtensions(JsonObject(3));
    EXPECT_TRUE(text.ok()) << text.status();
    return text.ok() ? *text : "";
  }

  std::mt19937 rng_;
};

constexpr int kDocuments = 300;

TEST(JsonProperty, RandomFormatsRoundTrip) {
  RandomDocuments random(20240611);
  for (int i = 0; i < kDocuments; ++i) {
    const Format format = random.MakeFormat();
    const std::string saved = ToJson(format);
    const absl::StatusOr<Format> parsed = ParseFormat(saved);
    ASSERT_TRUE(parsed.ok()) << "document " << i << ": " << parsed.status() << "\n" << saved;
    ASSERT_EQ(*parsed, format) << "document " << i << ":\n" << saved;
    ASSERT_EQ(ToJson(*parsed), saved) << "document " << i;
  }
}

TEST(JsonProperty, RandomVariantsRoundTrip) {
  RandomDocuments random(7);
  for (int i = 0; i < kDocuments; ++i) {
    const Variant variant = random.MakeVariant();
    const std::string saved = ToJson(variant);
    const absl::StatusOr<Variant> parsed = ParseVariant(saved);
    ASSERT_TRUE(parsed.ok()) << "document " << i << ": " << parsed.status() << "\n" << saved;
    ASSERT_EQ(*parsed, variant) << "document " << i << ":\n" << saved;
    ASSERT_EQ(ToJson(*parsed), saved) << "document " << i;
  }
}

TEST(JsonProperty, RandomQuestionSetsRoundTrip) {
  RandomDocuments random(1234);
  for (int i = 0; i < kDocuments; ++i) {
    const QuestionSet set = random.MakeQuestionSet();
    const std::string saved = ToJson(set);
    const absl::StatusOr<Document> parsed = ParseDocument(saved);
    ASSERT_TRUE(parsed.ok()) << "document " << i << ": " << parsed.status() << "\n" << saved;
    ASSERT_EQ(std::get<QuestionSet>(*parsed), set) << "document " << i << ":\n" << saved;
    ASSERT_EQ(ToJson(std::get<QuestionSet>(*parsed)), saved) << "document " << i;
  }
}

// Every prefix of a valid document is an error with a location, never a crash.
TEST(JsonProperty, EveryTruncationIsALocatedError) {
  RandomDocuments random(99);
  const std::string saved = ToJson(random.MakeFormat());
  for (std::size_t n = 0; n + 1 < saved.size(); ++n) {  // all but "}\n" and "\n"
    const absl::StatusOr<Format> parsed = ParseFormat(saved.substr(0, n));
    ASSERT_FALSE(parsed.ok()) << n;
    EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument) << n;
    EXPECT_TRUE(GetErrorLocation(parsed.status()).has_value()) << n;
  }
}

}  // namespace
}  // namespace carelearn
