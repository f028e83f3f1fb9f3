// check_record: the rules of each preparedness record (records.hpp).
#include "mamori/preparedness/records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "mamori/core/field_problems.hpp"
#include "mamori/core/json_fields.hpp"
#include "mamori/core/time.hpp"

namespace mamori::preparedness {

namespace {

using nlohmann::json;
using std::chrono::year_month_day;

// The reasons of these records' own rules (errors[].reason), beside core's required, too_long and future.
constexpr std::string_view kNotPhone = "phone";
constexpr std::string_view kNotEmail = "email";
constexpr std::string_view kClosedBeforeDetected = "closed_before_detected";

constexpr std::string_view kKindWords[] = {"chart", "contact", "backup", "restore_test", "drill", "incident"};

const Code* find_code(const std::vector<Code>& codes, std::string_view code) {
    for (const auto& c : codes)
        if (c.code == code) return &c;
    return nullptr;
}

std::string codes_listed(const std::vector<Code>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + c.code;
    return out;
}

// Reader: JsonFields with the rules these records share: optional text may be empty, dates of the past,
// moments, whole numbers in a range.
class Reader {
  public:
    Reader(const json& object, std::string path, FieldProblems& problems, year_month_day today)
        : f_(object, std::move(path), problems), today_(today) {}

    const JsonFields& fields() const { return f_; }
    void add(std::string_view name, std::string message, std::string_view reason = {}) const {
        f_.add(name, std::move(message), reason);
    }

    std::string required(const char* name, long max) const { return f_.text(name, max); }

    std::string optional(const char* name, long max) const {
        const json* v = f_.find(name);
        if (v && v->is_string() && v->get_ref<const std::string&>().empty()) return {};
        return f_.optional_text(name, max);
    }

    template <std::size_t N>
    std::string word(const char* name, const std::string_view (&words)[N]) const {
        return f_.word(name, words);
    }

    std::string code(const char* name, const std::vector<Code>& codes) const {
        return f_.matching(
            name, [&](const std::string& s) { return find_code(codes, s) != nullptr; },
            fmt::format("one of {}", codes_listed(codes)));
    }

    // past_date: a date YYYY-MM-DD not after today; required or null.
    std::optional<std::string> past_date(const char* name, bool required) const {
        if (!f_.find(name)) {
            if (required) add(name, "a date YYYY-MM-DD is required", reasons::required);
            return std::nullopt;
        }
        const auto day = f_.date(name);
        if (!day.ok()) return std::nullopt;
        if (std::chrono::sys_days(day) > std::chrono::sys_days(today_)) {
            add(name, "the date cannot be in the future", reasons::future);
            return std::nullopt;
        }
        return to_iso_date(day);
    }

    // moment: YYYY-MM-DD or YYYY-MM-DDTHH:MM whose day is not after today.
    std::optional<std::string> moment(const char* name, bool required) const {
        const json* v = f_.find(name);
        if (!v) {
            if (required) add(name, "a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM is required", reasons::required);
            return std::nullopt;
        }
        const std::string text = v->is_string() ? v->get<std::string>() : std::string();
        if (!is_moment(text)) {
            add(name, "a date YYYY-MM-DD or a time YYYY-MM-DDTHH:MM");
            return std::nullopt;
        }
        const auto day = parse_iso_date(std::string_view(text).substr(0, 10));
        if (std::chrono::sys_days(*day) > std::chrono::sys_days(today_)) {
            add(name, "the time cannot be in the future", reasons::future);
            return std::nullopt;
        }
        return text;
    }

    std::optional<std::int64_t> integer(const char* name, std::int64_t min, std::int64_t max,
                                        bool required) const {
        const json* v = f_.find(name);
        if (!v) {
            if (required) add(name, fmt::format("a whole number from {} to {} is required", min, max), reasons::required);
            return std::nullopt;
        }
        if (!v->is_number_integer() || v->get<std::int64_t>() < min || v->get<std::int64_t>() > max) {
            add(name, fmt::format("a whole number from {} to {}", min, max));
            return std::nullopt;
        }
        return v->get<std::int64_t>();
    }

    bool flag(const char* name) const { return f_.find(name) ? f_.boolean(name) : false; }

  private:
    static bool is_moment(const std::string& text) {
        if (text.size() != 10 && text.size() != 16) return false;
        const auto day = parse_iso_date(std::string_view(text).substr(0, 10));
        if (!day || day->year() < std::chrono::year(JsonFields::min_year) ||
            day->year() > std::chrono::year(JsonFields::max_year))
            return false;
        if (text.size() == 10) return true;
        const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
        if (text[10] != 'T' || text[13] != ':' || !digit(11) || !digit(12) || !digit(14) || !digit(15))
            return false;
        const int hour = (text[11] - '0') * 10 + (text[12] - '0'),
                  minute = (text[14] - '0') * 10 + (text[15] - '0');
        return hour < 24 && minute < 60;
    }

    JsonFields f_;
    year_month_day today_;
};

json nullable(const std::optional<std::string>& v) {
    return v ? json(*v) : json(nullptr);
}

json nullable(const std::optional<std::int64_t>& v) {
    return v ? json(*v) : json(nullptr);
}

bool phone_like(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '(' || c == ')' || c == ' ';
    });
}

bool email_like(const std::string& s) {
    const auto at = s.find('@');
    return at != std::string::npos && at > 0 && at + 1 < s.size() &&
           s.find('@', at + 1) == std::string::npos && s.find_first_of(" \t") == std::string::npos;
}

// system_link: system_id (a systems-register id, checked by the service) or system_name, one of them.
void system_link(const Reader& r, json& out) {
    out["system_id"] = nullable(r.integer("system_id", 1, std::numeric_limits<std::int64_t>::max(), false));
    out["system_name"] = r.optional("system_name", kMaxName);
    if (out["system_id"].is_null() && out["system_name"] == "")
        r.add("system_name", "name the system, or link a system of the systems register (system_id)",
              reasons::required);
}

json chart(const Reader& r) {
    return {{"reviewed_on", nullable(r.past_date("reviewed_on", false))},
            {"reviewer", r.optional("reviewer", kMaxName)}};
}

json contact(const Reader& r, const Reference& ref) {
    json out;
    out["kind"] = r.word("kind", kContactKinds);
    out["role"] = nullptr;
    out["department"] = "";
    out["system_id"] = nullptr;
    out["system_name"] = "";
    out["body"] = nullptr;
    out["organisation_name"] = r.optional("organisation_name", kMaxName);
    if (out["kind"] == "internal") {
        out["role"] = r.code("role", ref.internal_roles);
        out["department"] = out["role"] == "department" ? r.required("department", kMaxName)
                                                        : r.optional("department", kMaxName);
    } else if (out["kind"] == "vendor") {
        system_link(r, out);
        if (out["organisation_name"] == "")
            r.add("organisation_name", "the vendor's name is required", reasons::required);
    } else if (out["kind"] == "external") {
        out["body"] = r.code("body", ref.external_bodies);
        if (out["organisation_name"] == "")
            r.add("organisation_name", "the body's name is required", reasons::required);
    }
    out["person_name"] = r.optional("person_name", kMaxName);
    const auto phone = r.optional("phone", kMaxPhone);
    if (!phone_like(phone)) r.add("phone", "a telephone number: digits, spaces, -, +, ( and )", kNotPhone);
    out["phone"] = phone;
    const auto email = r.optional("email", kMaxEmail);
    if (!email.empty() && !email_like(email))
        r.add("email", "an e-mail address such as name@example.jp", kNotEmail);
    out["email"] = email;
    out["note"] = r.optional("note", kMaxNote);
    out["position"] = r.integer("position", 0, kMaxPosition, false).value_or(0);
    return out;
}

json backup(const Reader& r) {
    json out;
    system_link(r, out);
    out["what"] = r.required("what", kMaxNote);
    out["frequency"] = r.word("frequency", kFrequencies);
    out["frequency_note"] = out["frequency"] == "other" ? r.required("frequency_note", kMaxName)
                                                        : r.optional("frequency_note", kMaxName);
    out["generations"] = nullable(r.integer("generations", 0, kMaxGenerations, false));
    out["location"] = r.optional("location", kMaxNote);
    out["offline_copy"] = r.flag("offline_copy");
    out["offline_form"] = nullptr;
    if (out["offline_copy"] == true)
        out["offline_form"] = r.word("offline_form", kOfflineForms);
    else if (r.fields().find("offline_form"))
        r.add("offline_form", "a form of offline copy only when there is an offline copy");
    out["responsible"] = r.optional("responsible", kMaxName);
    out["note"] = r.optional("note", kMaxNote);
    return out;
}

json restore_test(const Reader& r) {
    json out;
    out["backup_id"] = nullable(r.integer("backup_id", 1, std::numeric_limits<std::int64_t>::max(), true));
    out["tested_on"] = nullable(r.past_date("tested_on", true));
    out["restored"] = r.required("restored", kMaxNote);
    out["minutes"] = nullable(r.integer("minutes", 0, kMaxMinutes, false));
    out["result"] = r.word("result", kRestoreResults);
    out["note"] = r.optional("note", kMaxNote);
    return out;
}

json drill(const Reader& r, const Reference& ref) {
    json out;
    out["held_on"] = nullable(r.past_date("held_on", true));
    out["scenario"] = r.code("scenario", ref.scenarios);
    out["scenario_note"] = out["scenario"] == "other" ? r.required("scenario_note", kMaxNote)
                                                      : r.optional("scenario_note", kMaxNote);
    out["participants"] = r.optional("participants", kMaxNote);
    out["problems"] = r.optional("problems", kMaxLongText);
    out["follow_ups"] = r.optional("follow_ups", kMaxLongText);
    return out;
}

bool bcp_row_code(const std::string& s) {
    // "5-2": a phase digit, a hyphen and one or two digits.
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return (s.size() == 3 || s.size() == 4) && digit(s[0]) && s[1] == '-' && digit(s[2]) &&
           (s.size() == 3 || digit(s[3]));
}

template <typename Each>
json list_of(const Reader& r, const char* name, std::size_t max, Each each) {
    json out = json::array();
    const json* list = r.fields().find(name);
    if (!list) return out;
    if (!list->is_array() || list->size() > max) {
        r.add(name, fmt::format("a list of at most {} entries", max));
        return out;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = fmt::format("{}[{}]", r.fields().at(name), i);
        if (!(*list)[i].is_object()) {
            r.add(fmt::format("{}[{}]", name, i), "an object is required");
            continue;
        }
        out.push_back(each((*list)[i], path));
    }
    return out;
}

json incident(const Reader& r, FieldProblems& problems, year_month_day today) {
    json out;
    out["title"] = r.required("title", 200);
    out["detected_at"] = nullable(r.moment("detected_at", true));
    out["status"] = r.fields().find("status") ? r.word("status", kIncidentStatuses) : "open";
    out["summary"] = r.optional("summary", kMaxLongText);
    out["events"] = list_of(r, "events", kMaxEvents, [&](const json& e, const std::string& path) {
        const Reader er(e, path, problems, today);
        return json{{"kind", er.word("kind", kEventKinds)},
                    {"at", nullable(er.moment("at", true))},
                    {"note", er.optional("note", kMaxNote)}};
    });
    // The checklist: every item, in the fixed order; items not sent are not done.
    json given = json::object();
    json sent =
        list_of(r, "checklist", std::size(kChecklistItems), [&](const json& c, const std::string& path) {
            const Reader cr(c, path, problems, today);
            const std::string item = cr.word("item", kChecklistItems);
            if (!item.empty() && given.contains(item)) cr.add("item", "each item once");
            const bool done = cr.flag("done");
            json entry{{"item", item},
                       {"done", done},
                       {"by", cr.optional("by", kMaxName)},
                       {"at", nullable(cr.moment("at", false))}};
            if (!done && (entry["by"] != "" || !entry["at"].is_null()))
                cr.add("done", "who and when only for an item that is done");
            if (!item.empty()) given[item] = entry;
            return entry;
        });
    json checklist = json::array();
    for (const auto item : kChecklistItems) {
        const std::string key(item);
        checklist.push_back(given.contains(key)
                                ? given[key]
                                : json{{"item", key}, {"done", false}, {"by", ""}, {"at", nullptr}});
    }
    out["checklist"] = checklist;
    out["reports"] = list_of(r, "reports", kMaxReports, [&](const json& e, const std::string& path) {
        const Reader rr(e, path, problems, today);
        return json{{"to", rr.word("to", kReportTargets)},
                    {"at", nullable(rr.moment("at", true))},
                    {"reference", rr.optional("reference", kMaxName)},
                    {"note", rr.optional("note", kMaxNote)}};
    });
    out["closed_at"] = nullable(r.moment("closed_at", false));
    out["lessons"] = r.optional("lessons", kMaxLongText);
    json rows = json::array();
    if (const json* given_rows = r.fields().find("bcp_rows")) {
        if (!given_rows->is_array() || given_rows->size() > kMaxBcpRows)
            r.add("bcp_rows", fmt::format("a list of at most {} BCP row codes such as \"5-2\"", kMaxBcpRows));
        else
            for (std::size_t i = 0; i < given_rows->size(); ++i) {
                const json& row = (*given_rows)[i];
                if (!row.is_string() || !bcp_row_code(row.get<std::string>()))
                    r.add(fmt::format("bcp_rows[{}]", i), "a BCP row code such as \"5-2\"");
                else
                    rows.push_back(row);
            }
    }
    out["bcp_rows"] = rows;
    if (out["status"] == "closed" && out["closed_at"].is_null() && !r.fields().find("closed_at"))
        r.add("closed_at", "a closed incident says when it was closed", reasons::required);
    if (out["status"] == "open" && !out["closed_at"].is_null())
        r.add("closed_at", "only a closed incident has a closing time");
    if (out["closed_at"].is_string() && out["detected_at"].is_string() &&
        out["closed_at"].get<std::string>().substr(0, 10) <
            out["detected_at"].get<std::string>().substr(0, 10))
        r.add("closed_at", "an incident cannot close before it was detected", kClosedBeforeDetected);
    return out;
}

}  // namespace

std::string_view to_string(RecordKind kind) {
    return kKindWords[static_cast<int>(kind)];
}

std::optional<RecordKind> parse_record_kind(std::string_view text) {
    for (std::size_t i = 0; i < std::size(kKindWords); ++i)
        if (kKindWords[i] == text) return static_cast<RecordKind>(i);
    return std::nullopt;
}

Result<json> check_record(RecordKind kind, const json& body, const Reference& reference,
                          year_month_day today) {
    if (!body.is_object()) return fail(ErrorCode::invalid_input, "the record is a JSON object");
    FieldProblems problems;
    const Reader r(body, "", problems, today);
    json out;
    switch (kind) {
        case RecordKind::chart: out = chart(r); break;
        case RecordKind::contact: out = contact(r, reference); break;
        case RecordKind::backup: out = backup(r); break;
        case RecordKind::restore_test: out = restore_test(r); break;
        case RecordKind::drill: out = drill(r, reference); break;
        case RecordKind::incident: out = incident(r, problems, today); break;
    }
    if (auto ok = problems.status(); !ok) return fail(ok.error());
    return out;
}

bool reports_to_jurisdiction(const json& incident) {
    const auto reports = incident.find("reports");
    if (reports == incident.end() || !reports->is_array()) return false;
    return std::any_of(reports->begin(), reports->end(), [](const json& r) {
        return r.is_object() && (r.value("to", "") == "health_centre" || r.value("to", "") == "prefecture");
    });
}

}  // namespace mamori::preparedness
