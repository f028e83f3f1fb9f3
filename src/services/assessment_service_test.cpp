#include "mamori/services/assessment_service.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "identity_records.hpp"
#include "mamori/core/time.hpp"
#include "mamori/services/demo.hpp"
#include "testing/temp_database.hpp"

namespace mamori::services {
namespace {

using assessment::Answer;
using assessment::AnswerValue;
using assessment::RowKey;

std::chrono::year_month_day date(const char* text) {
    return *parse_iso_date(text);
}
std::chrono::year_month_day today() {
    return japan_date(std::chrono::system_clock::now());
}

Answer yes() {
    return {.value = AnswerValue::yes, .confirmed_on = today()};
}
Answer no_until(std::chrono::year_month_day target) {
    return {.value = AnswerValue::no, .confirmed_on = today(), .target_date = target};
}

// Outcomes: how attempts made at the same moment ended.
struct Outcomes {
    int won = 0;
    int conflicts = 0;
    int failures = 0;  // any other error, or an exception
};

// race: `people` threads run `attempt` at once.
template <typename Attempt>
Outcomes race(int people, Attempt attempt) {
    std::atomic<int> won{0}, conflicts{0}, failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < people; ++i)
        threads.emplace_back([&] {
            try {
                auto result = attempt();
                if (result)
                    ++won;
                else if (result.error().code == ErrorCode::conflict)
                    ++conflicts;
                else
                    ++failures;
            } catch (const std::exception&) {
                ++failures;
            }
        });
    for (auto& thread : threads) thread.join();
    return {won.load(), conflicts.load(), failures.load()};
}

class AssessmentServiceTest : public ::testing::Test {
  protected:
    void SetUp() override {
        ASSERT_TRUE(load_demo(temp.db(), {}));
        catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
        service = std::make_unique<AssessmentService>(temp.db(), *catalog);
        editor = person("editor@sakura.example", "さくら内科クリニック", "editor");
        manager = person("manager@sakura.example", "さくら内科クリニック", "security_manager");
        inspector = person("inspector@hc.example", "デモ区保健所", "inspector");
        stranger = person("admin@naniwa.example", "なにわ診療所", "administrator");
        pharmacist = person("admin@aoba.example", "あおば薬局", "administrator");
    }

    // person: a user with one role in a demo organisation, as the service sees them.
    identity::Caller person(const std::string& login, const std::string& organisation,
                            const std::string& role) {
        auto lease = temp.db().acquire();
        long long org = 0, id = 0;
        *lease << "SELECT id FROM organisations WHERE name = :n", soci::use(organisation), soci::into(org);
        *lease << "INSERT INTO users (organisation_id, login, display_name, password_hash, created_at, "
                  "updated_at, "
                  "password_changed_at) VALUES (:o, :l, :l2, 'x', '2026-01-01T00:00:00Z', "
                  "'2026-01-01T00:00:00Z', "
                  "'2026-01-01T00:00:00Z') RETURNING id",
            soci::use(org), soci::use(login), soci::use(login), soci::into(id);
        *lease << "INSERT INTO user_roles (user_id, role) VALUES (:u, :r)", soci::use(id), soci::use(role);
        return records::caller_for(*lease, *records::find_user(*lease, id));
    }

    std::int64_t organisation_of(const identity::Caller& c) { return c.organisation.id; }

    AssessmentState create(int fy, bool carry = false) {
        auto created = service->create(editor, organisation_of(editor), fy, carry, context);
        if (!created) throw std::runtime_error(created.error().message);
        return std::move(*created);
    }

    // answer_all: every line of `state` answered はい (the gate はい too), each as version 1.
    void answer_all(const AssessmentState& state) {
        for (const auto& line : assessment::checklist_rows(*state.form)) {
            const auto stored = state.stored.find(line.key);
            const int version = stored == state.stored.end() ? 0 : stored->second.version;
            auto saved = service->save_answer(editor, state.record.id, line.key, {version, yes()}, context);
            ASSERT_TRUE(saved) << line.key.canonical_id << ": " << saved.error().message;
        }
    }

    testing::TempDatabase temp;
    std::unique_ptr<CatalogService> catalog;
    std::unique_ptr<AssessmentService> service;
    identity::Caller editor, manager, inspector, stranger, pharmacist;
    const audit::Context context{"test", "t-1"};
};

TEST_F(AssessmentServiceTest, CreatesTheFormOfTheInstitutionFromTheEditionOfTheYear) {
    const auto state = create(2026);
    EXPECT_EQ(state.record.edition, "r7");
    EXPECT_EQ(state.record.form, "medical");
    EXPECT_EQ(state.record.status, "draft");
    EXPECT_EQ(state.progress.rows_total, static_cast<int>(assessment::checklist_rows(*state.form).size()));
    EXPECT_EQ(state.events.front().kind, "created");
    EXPECT_TRUE(state.permissions.edit);
    EXPECT_FALSE(state.permissions.submit);  // editors answer; managers submit

    auto again = service->create(editor, organisation_of(editor), 2026, false, context);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::conflict);
    EXPECT_EQ(service->create(editor, organisation_of(editor), 2019, false, context).error().code,
              ErrorCode::invalid_input);
    EXPECT_EQ(service->create(inspector, organisation_of(editor), 2025, false, context).error().code,
              ErrorCode::forbidden);
    EXPECT_EQ(service->create(stranger, organisation_of(editor), 2025, false, context).error().code,
              ErrorCode::not_found);
    auto pharmacy = service->create(pharmacist, organisation_of(pharmacist), 2026, false, context);
    ASSERT_TRUE(pharmacy);
    EXPECT_EQ(pharmacy->record.form, "pharmacy");
}

// Two app servers: one imports a new edition and starts a checklist on it; the other serves that checklist
// once its catalog has caught up (every 10 s in `serve`) and answers "retry" (503), not an error, until then.
TEST_F(AssessmentServiceTest, AChecklistOnARevisionAnotherServerImportedIsServedAfterRefresh) {
    const auto root = std::filesystem::path(MAMORI_SOURCE_DIR);
    std::ifstream in(root / "tests/fixtures/catalog/r8-bundle.json", std::ios::binary);
    const std::string r8((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto other_catalog = std::move(*CatalogService::load(embedded::catalog_files(), &temp.db()));
    ASSERT_TRUE(other_catalog->import_file(temp.db(), "r8-bundle.json", r8, "test", {.actor = "cli"},
                                           {"local", "test"}));
    AssessmentService other(temp.db(), *other_catalog);
    auto created = other.create(editor, organisation_of(editor), 2026, false, context);
    ASSERT_TRUE(created) << created.error().message;
    EXPECT_EQ(created->record.edition, "r8");

    auto not_yet = service->get(editor, created->record.id);
    ASSERT_FALSE(not_yet);
    EXPECT_EQ(not_yet.error().code, ErrorCode::unavailable);
    EXPECT_NE(not_yet.error().message.find("retry"), std::string::npos);

    ASSERT_TRUE(*catalog->refresh(temp.db()));
    auto served = service->get(editor, created->record.id);
    ASSERT_TRUE(served) << served.error().message;
    EXPECT_EQ(served->record.edition, "r8");
}

TEST_F(AssessmentServiceTest, OthersSeeNothingAndInspectorsOnlyRead) {
    const auto state = create(2026);
    EXPECT_EQ(service->get(stranger, state.record.id).error().code, ErrorCode::not_found);
    auto seen = service->get(inspector, state.record.id);
    ASSERT_TRUE(seen);
    EXPECT_FALSE(seen->permissions.edit);
    EXPECT_EQ(service->save_answer(inspector, state.record.id, {"GOV-01", "main"}, {0, yes()}, context)
                  .error()
                  .code,
              ErrorCode::forbidden);
    EXPECT_EQ(service->list(stranger, organisation_of(editor)).error().code, ErrorCode::not_found);
}

TEST_F(AssessmentServiceTest, EverySaveIsANewVersionAndAStaleVersionIsAConflict) {
    const auto id = create(2026).record.id;
    const RowKey key{"AST-01", "general"};
    auto first = service->save_answer(editor, id, key, {0, yes()}, context);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->answer.version, 1);

    // The manager still has version 0 on screen: refused, nothing overwritten.
    auto stale = service->save_answer(manager, id, key, {0, no_until(date("2027-03-31"))}, context);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.error().code, ErrorCode::conflict);
    EXPECT_EQ(service->current_answer(manager, id, key)->answer->value, AnswerValue::yes);

    auto second = service->save_answer(manager, id, key, {1, no_until(date("2027-03-31"))}, context);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->answer.version, 2);
    EXPECT_EQ(second->state.progress.no, 1);

    // Saving the same answer again (an autosave) adds no version.
    auto same = service->save_answer(manager, id, key, {2, no_until(date("2027-03-31"))}, context);
    ASSERT_TRUE(same);
    EXPECT_EQ(same->answer.version, 2);

    auto cleared = service->save_answer(editor, id, key, {2, std::nullopt}, context);
    ASSERT_TRUE(cleared);
    EXPECT_EQ(cleared->answer.version, 3);
    EXPECT_FALSE(cleared->answer.answer);

    auto history = service->history(inspector, id, key);
    ASSERT_TRUE(history);
    ASSERT_EQ(history->size(), 3u);
    EXPECT_EQ((*history)[0].version, 3);
    EXPECT_FALSE((*history)[0].answer);
    EXPECT_EQ((*history)[1].answer->value, AnswerValue::no);
    EXPECT_EQ((*history)[1].answered_by->name, "manager@sakura.example");
    EXPECT_EQ((*history)[2].answer->value, AnswerValue::yes);
    EXPECT_EQ((*history)[2].answered_by->name, "editor@sakura.example");

    // Each new version, and only those, is in the audit log: who, which line, which version, which value.
    auto lease = temp.db().acquire();
    soci::rowset<soci::row> rows =
        (lease->prepare << "SELECT actor, target, detail FROM audit_log WHERE action = 'answer.saved' "
                           "ORDER BY seq");
    std::vector<std::string> audited;
    for (const auto& row : rows) {
        const auto detail = nlohmann::json::parse(row.get<std::string>(2));
        EXPECT_EQ(row.get<std::string>(1), fmt::format("assessment:{}", id));
        audited.push_back(fmt::format("{} {} v{} {}", row.get<std::string>(0),
                                      detail.at("line").get<std::string>(), detail.at("version").get<int>(),
                                      detail.at("value").dump()));
    }
    EXPECT_EQ(audited,
              (std::vector<std::string>{fmt::format("user:{} AST-01/general v1 \"yes\"", editor.user_id),
                                        fmt::format("user:{} AST-01/general v2 \"no\"", manager.user_id),
                                        fmt::format("user:{} AST-01/general v3 null", editor.user_id)}));
}

// Several people saving one line from the same version at the same moment: exactly one save wins and the
// others get a conflict — never an error, never a lost update. SQLite has one writer at a time; on
// PostgreSQL the assessment's row lock and the conditional answer write decide.
TEST_F(AssessmentServiceTest, ConcurrentSavesOfOneLineFromTheSameVersionLetExactlyOneWin) {
    const auto id = create(2026).record.id;
    const RowKey key{"AST-01", "general"};
    for (const int from_version : {0, 1}) {
        SCOPED_TRACE(from_version);
        const Answer answer = from_version == 0 ? yes() : no_until(date("2027-03-31"));
        const auto outcomes = race(4, [&] {
            return service->save_answer(editor, id, key, {from_version, answer}, context);
        });
        EXPECT_EQ(outcomes.won, 1);
        EXPECT_EQ(outcomes.conflicts, 3);
        EXPECT_EQ(outcomes.failures, 0);
    }
    auto history = service->history(editor, id, key);
    ASSERT_TRUE(history);
    EXPECT_EQ(history->size(), 2u);
}

// Two people starting the same year's checklist at once: one creates it, the other gets a conflict.
TEST_F(AssessmentServiceTest, ConcurrentCreatesOfOneYearLetExactlyOneWin) {
    const auto outcomes =
        race(3, [&] { return service->create(editor, organisation_of(editor), 2026, false, context); });
    EXPECT_EQ(outcomes.won, 1);
    EXPECT_EQ(outcomes.conflicts, 2);
    EXPECT_EQ(outcomes.failures, 0);
}

TEST_F(AssessmentServiceTest, AnInvalidAnswerNamesTheFieldAndStoresNothing) {
    const auto id = create(2026).record.id;
    const RowKey key{"GOV-01", "main"};
    auto missing_target = service->save_answer(
        editor, id, key, {0, Answer{.value = AnswerValue::no, .confirmed_on = today()}}, context);
    ASSERT_FALSE(missing_target);
    EXPECT_EQ(missing_target.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(missing_target.error().fields.front().field, "target_date");
    auto late = service->save_answer(editor, id, key, {0, no_until(date("2027-04-01"))}, context);
    ASSERT_FALSE(late);
    EXPECT_EQ(late.error().fields.front().field, "target_date");
    EXPECT_EQ(service->current_answer(editor, id, key)->version, 0);
    EXPECT_EQ(service->save_answer(editor, id, {"GOV-01", "server"}, {0, yes()}, context).error().code,
              ErrorCode::not_found);
    // 記入不要 for vendor items only when there is no vendor contract.
    auto not_required =
        service->save_answer(editor, id, {"VND-01", "general"},
                             {0, Answer{.value = AnswerValue::not_required,
                                        .reason = assessment::NotRequiredReason::no_vendor_contract,
                                        .confirmed_on = today()}},
                             context);
    ASSERT_FALSE(not_required);
    EXPECT_EQ(not_required.error().fields.front().field, "reason");
}

TEST_F(AssessmentServiceTest, SubmitLocksReopenNeedsAReason) {
    auto state = create(2026);
    const auto id = state.record.id;
    auto early = service->submit(manager, id, state.record.version, context);
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(early.error().fields.size(), static_cast<std::size_t>(state.progress.rows_total));
    EXPECT_EQ(early.error().fields.front().field, "GOV-01/main");

    answer_all(state);
    EXPECT_EQ(service->submit(editor, id, state.record.version, context).error().code, ErrorCode::forbidden);
    auto submitted = service->submit(manager, id, state.record.version, context);
    ASSERT_TRUE(submitted) << submitted.error().message;
    EXPECT_EQ(submitted->record.status, "submitted");
    EXPECT_EQ(submitted->record.submitted_by->name, "manager@sakura.example");
    EXPECT_TRUE(submitted->record.submitted_at.has_value());
    EXPECT_TRUE(submitted->permissions.reopen);
    EXPECT_FALSE(submitted->permissions.edit);

    auto locked =
        service->save_answer(editor, id, {"GOV-01", "main"}, {1, no_until(date("2027-03-31"))}, context);
    ASSERT_FALSE(locked);
    EXPECT_EQ(locked.error().code, ErrorCode::conflict);
    EXPECT_EQ(service->reopen(manager, id, "  ", context).error().fields.front().field, "reason");
    EXPECT_EQ(service->reopen(editor, id, "訂正", context).error().code, ErrorCode::forbidden);

    auto reopened = service->reopen(manager, id, "2-⑥の回答を訂正するため", context);
    ASSERT_TRUE(reopened);
    EXPECT_EQ(reopened->record.status, "draft");
    EXPECT_FALSE(reopened->record.submitted_at.has_value());
    EXPECT_EQ(reopened->events.back().kind, "reopened");
    EXPECT_EQ(reopened->events.back().reason, "2-⑥の回答を訂正するため");
    EXPECT_EQ(reopened->events[reopened->events.size() - 2].kind, "submitted");
    EXPECT_TRUE(
        service->save_answer(editor, id, {"GOV-01", "main"}, {1, no_until(date("2027-03-31"))}, context));
    // A stale workflow version is refused.
    EXPECT_EQ(service->submit(manager, id, submitted->record.version, context).error().code,
              ErrorCode::conflict);
}

TEST_F(AssessmentServiceTest, TheGateAnsweredNoMakesTheRestNotRequired) {
    auto state = create(2024);  // R6, which prints the gate
    ASSERT_EQ(state.record.edition, "r6");
    const RowKey gate{"PRE-00", "main"};
    auto saved =
        service->save_answer(editor, state.record.id, gate,
                             {0, Answer{.value = AnswerValue::no, .confirmed_on = today()}}, context);
    ASSERT_TRUE(saved) << saved.error().message;
    EXPECT_TRUE(saved->state.progress.incomplete.empty());
    EXPECT_TRUE(saved->state.effective.at({"GOV-01", "main"}).derived);
    auto submitted = service->submit(manager, state.record.id, state.record.version, context);
    EXPECT_TRUE(submitted) << submitted.error().message;
}

TEST_F(AssessmentServiceTest, NoVendorContractMakesVendorItemsNotRequired) {
    auto state = create(2026);
    auto changed =
        service->set_vendor_contract(editor, state.record.id, state.record.version, false, context);
    ASSERT_TRUE(changed);
    EXPECT_FALSE(changed->record.has_vendor_contract);
    EXPECT_EQ(changed->effective.at({"VND-01", "general"}).answer->reason,
              assessment::NotRequiredReason::no_vendor_contract);
    EXPECT_EQ(changed->events.back().kind, "vendor_contract_changed");
    EXPECT_EQ(service->set_vendor_contract(editor, state.record.id, state.record.version, true, context)
                  .error()
                  .code,
              ErrorCode::conflict);
}

TEST_F(AssessmentServiceTest, CarriesLastYearsR6AnswersIntoR7ThroughTheMapping) {
    auto r6 = create(2024);
    answer_all(r6);
    const RowKey network{"VUL-01", "network"};
    const Answer last_year{
        .value = AnswerValue::no, .confirmed_on = date("2024-10-01"), .target_date = date("2025-03-31")};
    auto saved = service->save_answer(editor, r6.record.id, network, {1, last_year}, context);
    ASSERT_TRUE(saved) << saved.error().message;

    auto r7 = create(2026, /*carry=*/true);
    EXPECT_EQ(r7.record.edition, "r7");
    EXPECT_EQ(r7.record.carried_from, r6.record.id);
    EXPECT_EQ(r7.events.back().kind, "carried_forward");
    // R6 2-(7) サーバ/端末PC/ネットワーク機器 merge into R7 2-⑥ 全般: the most cautious answer, いいえ.
    const auto& vul = r7.stored.at({"VUL-01", "general"});
    EXPECT_EQ(vul.answer->value, AnswerValue::no);
    EXPECT_FALSE(vul.answer->confirmed_on.has_value());
    EXPECT_FALSE(vul.answer->target_date.has_value());
    EXPECT_TRUE(vul.needs_reconfirmation);
    EXPECT_EQ(r7.stored.at({"GOV-01", "main"}).answer->value, AnswerValue::yes);
    for (const char* added : {"IAM-03", "IAM-04", "DEV-01", "IAM-05", "GOV-02"}) {
        EXPECT_NE(std::find(r7.new_items.begin(), r7.new_items.end(), added), r7.new_items.end()) << added;
        EXPECT_FALSE(r7.stored.contains({added, r7.form->find(added)->rows.front().key})) << added;
    }
    EXPECT_EQ(r7.progress.rows_answered, 0);
    EXPECT_EQ(r7.progress.needs_reconfirmation, static_cast<int>(r7.stored.size()));

    // Confirming a carried answer: a new version without 要再確認.
    auto confirmed = service->save_answer(editor, r7.record.id, {"GOV-01", "main"}, {1, yes()}, context);
    ASSERT_TRUE(confirmed);
    EXPECT_FALSE(confirmed->answer.needs_reconfirmation);
    EXPECT_EQ(confirmed->answer.version, 2);
    EXPECT_EQ(confirmed->state.progress.rows_answered, 1);
}

TEST_F(AssessmentServiceTest, ImportingItsOwnDocumentReproducesTheAnswers) {
    auto state = create(2026);
    answer_all(state);
    const auto id = state.record.id;
    ASSERT_TRUE(
        service->save_answer(editor, id, {"AST-01", "general"}, {1, no_until(date("2027-03-31"))}, context));
    auto original = service->document(editor, id);
    ASSERT_TRUE(original);

    ASSERT_TRUE(service->save_answer(editor, id, {"AST-01", "general"}, {2, yes()}, context));
    ASSERT_TRUE(service->save_answer(editor, id, {"GOV-01", "main"}, {1, std::nullopt}, context));
    auto changed = service->import_document(editor, id, *original, context);
    ASSERT_TRUE(changed) << changed.error().message;
    EXPECT_EQ(*changed, 2);
    auto again = service->document(editor, id);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->rows.size(), original->rows.size());
    for (std::size_t i = 0; i < again->rows.size(); ++i)
        EXPECT_EQ(again->rows[i].answer, original->rows[i].answer) << again->rows[i].canonical_id;
    EXPECT_EQ(*service->import_document(editor, id, *original, context), 0);

    auto other_edition = *original;
    other_edition.edition_id = "r6";
    EXPECT_EQ(service->import_document(editor, id, other_edition, context).error().fields.front().field,
              "edition");
    auto other_form = *original;
    other_form.form_id = "pharmacy";
    EXPECT_EQ(service->import_document(editor, id, other_form, context).error().fields.front().field, "form");
    auto broken = *original;
    broken.rows[1].answer->value = "maybe";
    broken.rows[2].answer->target_date = "2099-01-01";
    auto refused = service->import_document(editor, id, broken, context);
    ASSERT_FALSE(refused);
    ASSERT_EQ(refused.error().fields.size(), 2u);
    EXPECT_EQ(refused.error().fields[0].field, "rows[1].answer.value");
    EXPECT_EQ(refused.error().fields[1].field, "rows[2].answer.target_date");
}

TEST_F(AssessmentServiceTest, EvidenceIsStoredOncePerContentAndOnlyItsReadersDownloadIt) {
    const auto id = create(2026).record.id;
    const RowKey key{"AST-01", "general"};
    const std::string ledger = "機器名,設置場所\r\nサーバ,1F\r\n";
    auto first = service->add_file(editor, id, key, "C:\\台帳\\機器台帳.csv", ledger, context);
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->file_name, "機器台帳.csv");
    EXPECT_EQ(first->media_type, "text/csv; charset=utf-8");
    EXPECT_EQ(first->size, static_cast<std::int64_t>(ledger.size()));
    auto second = service->add_file(editor, id, {"GOV-01", "main"}, "copy.csv", ledger, context);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->sha256, first->sha256);
    {
        auto lease = temp.db().acquire();
        int blobs = 0;
        *lease << "SELECT COUNT(*) FROM evidence_blobs", soci::into(blobs);
        EXPECT_EQ(blobs, 1);
    }
    auto file = service->evidence_file(inspector, first->id);
    ASSERT_TRUE(file);
    EXPECT_EQ(file->content, ledger);
    EXPECT_EQ(service->evidence_file(stranger, first->id).error().code, ErrorCode::not_found);
    EXPECT_EQ(service->add_file(editor, id, key, "x.exe", std::string("MZ\x90\x00", 4), context).error().code,
              ErrorCode::invalid_input);
    EXPECT_EQ(service->add_file(editor, id, key, "big.txt", std::string(kMaxEvidenceBytes + 1, 'a'), context)
                  .error()
                  .code,
              ErrorCode::too_large);
    auto link =
        service->add_link(editor, id, key, "https://intranet.example/ledger", "台帳(共有フォルダ)", context);
    ASSERT_TRUE(link);
    EXPECT_EQ(service->get(editor, id)->evidence.size(), 3u);
    EXPECT_EQ(service->remove_evidence(stranger, first->id, context).error().code, ErrorCode::not_found);
    ASSERT_TRUE(service->remove_evidence(editor, first->id, context));
    EXPECT_TRUE(service->remove_evidence(editor, first->id, context));  // already removed: nothing changes
    EXPECT_EQ(service->get(editor, id)->evidence.size(), 2u);
    EXPECT_EQ(service->evidence_file(editor, first->id).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace mamori::services
