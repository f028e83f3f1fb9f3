// The parts of a checklist page that depend only on the catalog — item texts and explanations, printed
// row labels, the gate question, the roadmap's reasons — written as JSON text once per catalog and form; a
// request then adds only the assessment's own state (answers, dates, progress). Nothing here comes from the
// database, so it cannot be stale or belong to another organisation; every app server builds its own from
// the catalog it serves.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mamori/assessment/checklist.hpp"
#include "mamori/catalog/catalog.hpp"

namespace mamori::api {

// ChecklistTemplate: the fixed JSON of one form of one catalog, in the shape of docs/api/openapi.yaml's
// Assessment (items, gate, form).
class ChecklistTemplate {
  public:
    // RowText: a line's object cut before "answer" and before "latest_target_date".
    struct RowText {
        std::vector<std::string> parts;  // 3 pieces
        std::optional<int> target_fiscal_year;
    };
    // LineText: the line as progress lists it: open (cut before "target_date") and missing (cut before
    // "reason"), 2 pieces each.
    struct LineText {
        std::vector<std::string> open;
        std::vector<std::string> missing;
    };
    // ItemText: an item's object cut before "new_this_year" and before "rows".
    struct ItemText {
        std::vector<std::string> parts;  // 3 pieces
        std::vector<RowText> rows;
    };

    ChecklistTemplate(const catalog::Catalog& catalog, const catalog::Edition& edition,
                      const catalog::Form& form);

    const std::vector<ItemText>& items() const { return items_; }  // in form.items' order
    // line: the line `key` of an item of this form, or nullptr.
    const LineText* line(const assessment::RowKey& key) const;
    // gate: the gate question's object cut before "answer" (2 pieces; empty when the form has none).
    const std::vector<std::string>& gate() const { return gate_; }
    const std::optional<std::string>& gate_id() const { return gate_id_; }
    // edition / form_header: the page's "edition" and "form" objects.
    const std::string& edition() const { return edition_; }
    const std::string& form_header() const { return form_header_; }
    // size: the length of all the fixed text, to reserve a page's.
    std::size_t size() const { return size_; }
    // roadmap: the roadmap step of `item` cut before "rank" and before "state" (3 pieces), or nullptr when
    // it is not an item of this form.
    const std::vector<std::string>* roadmap(const catalog::Item& item) const;

  private:
    std::vector<ItemText> items_;
    std::vector<std::string> gate_;
    std::optional<std::string> gate_id_;
    std::string edition_;
    std::string form_header_;
    std::size_t size_ = 0;
    std::map<const catalog::Item*, std::vector<std::string>> roadmap_;
    std::map<assessment::RowKey, LineText, assessment::RowKeyLess> lines_;
};

// open_row_fixed / missing_row_fixed: a line as progress lists it, without "target_date" / "reason".
nlohmann::json open_row_fixed(const assessment::RowKey& key, const catalog::Item* item);
nlohmann::json missing_row_fixed(const assessment::RowKey& key);

// roadmap_fixed: a roadmap step about `item` without its "rank" and "state"; its reasons come from the
// catalog's priorities.json.
nlohmann::json roadmap_fixed(const catalog::Json& priorities, const catalog::Item& item);

// checklist_template: the template of `form` (a form of `edition` of `catalog`), built on first use and kept
// while `catalog` is the catalog last asked for. Thread-safe.
std::shared_ptr<const ChecklistTemplate> checklist_template(
    const std::shared_ptr<const catalog::Catalog>& catalog, const catalog::Edition& edition,
    const catalog::Form& form);

}  // namespace mamori::api
