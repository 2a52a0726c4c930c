#include "ingest/number_repair.h"

#include <gtest/gtest.h>

namespace sitrep::ingest {
namespace {

std::string Repair(std::string_view raw, std::vector<Removal>* removed = nullptr) {
  return RepairNumbers(CleanText::Identity(raw), removed).text();
}

TEST(NumberRepairTest, MergesBrokenThousands) {
  EXPECT_EQ(Repair("North Korea has dispatched between 10, 000 to 14, 000 troops"),
            "North Korea has dispatched between 10,000 to 14,000 troops");
  EXPECT_EQ(Repair("approximately 4, 000 North Korean soldiers"),
            "approximately 4,000 North Korean soldiers");
  EXPECT_EQ(Repair("an additional 3, 000 troops."), "an additional 3,000 troops.");
  EXPECT_EQ(Repair("a budget of 1, 000, 000 dollars"), "a budget of 1,000,000 dollars");
  EXPECT_EQ(Repair("some 12, 500 soldiers crossed"), "some 12,500 soldiers crossed");
}

TEST(NumberRepairTest, KeepsLists) {
  EXPECT_EQ(Repair("Brigades 1, 2, 3 moved."), "Brigades 1, 2, 3 moved.");
  EXPECT_EQ(Repair("estimates of 50,000, 150 or one million"),
            "estimates of 50,000, 150 or one million");
  EXPECT_EQ(Repair("units 40, 125 and 300 withdrew"), "units 40, 125 and 300 withdrew");
  EXPECT_EQ(Repair("in 2022, 300 soldiers"), "in 2022, 300 soldiers");
  EXPECT_EQ(Repair("On May 5, 150 soldiers arrived"), "On May 5, 150 soldiers arrived");
  EXPECT_EQ(Repair("sizes 5, 10, 000"), "sizes 5, 10, 000");
}

TEST(NumberRepairTest, RecordsEachRepair) {
  std::vector<Removal> removed;
  std::string raw = "between 10, 000 and 14, 000 troops";
  EXPECT_EQ(Repair(raw, &removed), "between 10,000 and 14,000 troops");
  ASSERT_EQ(removed.size(), 2u);
  EXPECT_EQ(removed[0].text, " ");
  EXPECT_EQ(removed[0].raw_start, raw.find(", 000") + 1);
  EXPECT_NE(removed[0].reason.find("10, 000"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::ingest
