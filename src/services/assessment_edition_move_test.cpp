// Moving a checklist onto a newer edition, through the service and a real database: this year's checklist
// still on R6 (as if started before a later edition was loaded) moves onto R7. R6 2-(7) asked サーバ / 端末PC
// / ネットワーク機器 apart and R7 2-⑥ asks once: the answers merge (いいえ wins), the evidence of the merged
// rows follows onto the R7 row, the R6 rows stay stored; two people moving at once: one moves, the other is
// told it changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/assessment_service.hpp"
#include "mamori/services/demo.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;

std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

class AssessmentEditionMove : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(load_demo(temp.db(), {}));
        catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
        service = std::make_unique<AssessmentService>(temp.db(), *catalog);
        editor = person("editor@sakura.example", "editor");
        viewer = person("viewer@sakura.example", "viewer");
    }

    identity::Caller person(const std::string& login, const std::string& role) {
        auto lease = temp.db().acquire();
        long long org = 0, id = 0;
        *lease << "SELECT id FROM organisations WHERE name = 'さくら内科クリニック'", soci::into(org);
        *lease << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
                  "updated_at, password_changed_at) VALUES (:o, :l, :l2, 'x', '2026-01-01T00:00:00Z', "
                  "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(login), soci::use(login), soci::into(id);
        *lease << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id), soci::use(role);
        return records::caller_for(*lease, *records::find_user(*lease, id));
    }

    // r6_checklist: the clinic's checklist of this fiscal year as if it had been started on R6 (a later
    // edition was not loaded then): every line はい, VUL-01 端末PC いいえ, a link on VUL-01 サーバ.
    AssessmentState r6_checklist() {
        const int fy = fiscal_year(today());
        auto created = service->create(editor, editor.organisation.id, 2024, false, context);
        EXPECT_TRUE(created) << created.error().message;
        EXPECT_EQ(created->record.edition, "r6");
        *temp.db().acquire() << "UPDATE assessments SET fiscal_year = :fy WHERE id = :id", soci::use(fy),
            soci::use(static_cast<long long>(created->record.id));
        for (const auto& line : assessment::checklist_rows(*created->form)) {
            Answer a{.value = AnswerValue::yes, .confirmed_on = today(), .note = line.key.row};
            if (line.key == RowKey{"VUL-01", "terminal"}) {
                a.value = AnswerValue::no;
                a.target_date = fiscal_year_bounds(fy).second;
            }
            auto saved = service->save_answer(editor, created->record.id, line.key, {0, a}, context);
            EXPECT_TRUE(saved) << line.key.canonical_id << "/" << line.key.row << ": "
                               << saved.error().message;
        }
        auto link = service->add_link(editor, created->record.id, {"VUL-01", "server"},
                                      "https://intranet.example/patch-plan", "更新計画", context);
        EXPECT_TRUE(link) << link.error().message;
        return *service->get(editor, created->record.id);
    }

    testing::TempDatabase temp;
    std::unique_ptr<CatalogService> catalog;
    std::unique_ptr<AssessmentService> service;
    identity::Caller editor, viewer;
    const audit::Context context{"test", "t-1"};
};

TEST_F(AssessmentEditionMove, MergedRowsCarryTheCautiousAnswerAndTheirEvidenceAndTheOldRowsStayStored) {
    const auto before = r6_checklist();
    ASSERT_TRUE(before.newer_edition);
    EXPECT_EQ(before.newer_edition->edition, "r7");
    EXPECT_EQ(before.newer_edition->form, "medical");
    EXPECT_TRUE(before.newer_edition->may_move);
    EXPECT_EQ(
        service->move_to_edition(viewer, before.record.id, "r7", std::nullopt, before.record.version, context)
            .error()
            .code,
        ErrorCode::forbidden);

    auto moved = service->move_to_edition(editor, before.record.id, "r7", std::nullopt, before.record.version,
                                          context);
    ASSERT_TRUE(moved) << moved.error().message;
    EXPECT_EQ(moved->record.edition, "r7");
    EXPECT_FALSE(moved->newer_edition);
    const auto& general = moved->stored.at({"VUL-01", "general"});
    ASSERT_TRUE(general.answer);
    EXPECT_EQ(general.answer->value, AnswerValue::no) << "いいえ on 端末PC is the merged row's answer";
    EXPECT_TRUE(general.needs_reconfirmation);
    EXPECT_FALSE(general.answer->confirmed_on) << "the earlier confirmation date is not carried";
    std::vector<std::string> evidence_rows;
    for (const auto& e : moved->evidence)
        if (e.url == "https://intranet.example/patch-plan") evidence_rows.push_back(e.key.row);
    std::sort(evidence_rows.begin(), evidence_rows.end());
    EXPECT_EQ(evidence_rows, (std::vector<std::string>{"general", "server"}))
        << "the link follows onto the R7 row; the R6 row keeps its own";
    // The R6 rows are kept as they were (not a line of R7, so not shown).
    const auto& server = moved->stored.at({"VUL-01", "server"});
    EXPECT_EQ(server.version, 1);
    EXPECT_FALSE(server.needs_reconfirmation);
    EXPECT_FALSE(assessment::find_row(*moved->form, {"VUL-01", "server"}));
    // Every line carried is 要再確認 and a new version of its line.
    for (const auto& [key, a] : moved->stored)
        if (assessment::find_row(*moved->form, key) && a.answer) {
            EXPECT_TRUE(a.needs_reconfirmation) << key.canonical_id << "/" << key.row;
            EXPECT_EQ(a.version, before.stored.count(key) ? before.stored.at(key).version + 1 : 1)
                << key.canonical_id;
        }
    ASSERT_EQ(moved->edition_choices.size(), 1u);
    EXPECT_EQ(moved->edition_choices[0].from_edition, "r6");
    EXPECT_EQ(moved->events.back().kind, "edition_moved");
}

TEST_F(AssessmentEditionMove, TwoPeopleMovingAtOnceMoveItOnce) {
    const auto before = r6_checklist();
    std::atomic<int> moved{0}, conflicts{0}, failures{0};
    std::vector<std::thread> people;
    for (int i = 0; i < 3; ++i)
        people.emplace_back([&] {
            auto r = service->move_to_edition(editor, before.record.id, "r7", std::nullopt,
                                              before.record.version, context);
            if (r)
                ++moved;
            else if (r.error().code == ErrorCode::conflict)
                ++conflicts;
            else
                ++failures;
        });
    for (auto& p : people) p.join();
    EXPECT_EQ(moved.load(), 1);
    EXPECT_EQ(conflicts.load(), 2);
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(service->get(editor, before.record.id)->edition_choices.size(), 1u);
}

}  // namespace
}  // namespace mamori::services
