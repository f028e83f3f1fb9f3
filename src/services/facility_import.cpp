#include "mamori/services/facility_import.hpp"

#include <fmt/format.h>
#include <soci/boost-optional.h>

#include <boost/optional.hpp>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "mamori/core/log.hpp"
#include "mamori/core/time.hpp"
#include "mamori/feeds/municipality_rows.hpp"
#include "mamori/store/row_values.hpp"

namespace mamori::services {

namespace {

using feeds::FacilityRow;

// ---- reading --------------------------------------------------------------------------------------------

void note_problem(ImportReport& report, const ImportOptions& options, ImportProblem problem) {
    ++report.errors;
    if (report.problems.size() < options.max_problems) report.problems.push_back(std::move(problem));
}

ImportProblem csv_problem(const feeds::CsvError& e, const std::vector<std::string>& column_names) {
    std::string reason = e.message;
    if (e.at_line != e.line) reason += fmt::format(" (on line {})", e.at_line);
    const std::string name =
        e.column >= 1 && e.column <= column_names.size() ? column_names[e.column - 1] : "";
    return {e.line, e.column, name, std::move(reason)};
}

ImportProblem row_problem(std::size_t line, const feeds::RowProblem& p) {
    return {line, p.column, p.column_name, p.reason};
}

// read_header: the first record of the file, or why there is none.
Result<std::vector<std::string>> read_header(feeds::CsvReader& reader) {
    switch (reader.next()) {
        case feeds::CsvReader::Status::record:
            return std::vector<std::string>(reader.record().fields.begin(), reader.record().fields.end());
        case feeds::CsvReader::Status::end:
            return fail(ErrorCode::invalid_input, "the file is empty: there is no header line", "header");
        case feeds::CsvReader::Status::error:
            return fail(ErrorCode::invalid_input,
                        fmt::format("the header line cannot be read: line {}, column {}: {}",
                                    reader.error().line, reader.error().column, reader.error().message),
                        "header");
        case feeds::CsvReader::Status::failed: break;
    }
    return fail(ErrorCode::unavailable, fmt::format("the file cannot be read: {}", reader.error().message));
}

// open_input: the file at `path`, refused when it is larger than `max_bytes` or cannot be opened.
Result<std::unique_ptr<std::ifstream>> open_input(const std::string& path, std::uint64_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        return fail(ErrorCode::invalid_input, fmt::format("cannot read {}: not a readable file", path), path);
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return fail(ErrorCode::invalid_input, fmt::format("cannot read {}: {}", path, ec.message()), path);
    if (size > max_bytes)
        return fail(ErrorCode::too_large,
                    fmt::format("{} is {} bytes; files may be at most {} bytes", path, size, max_bytes),
                    path);
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*in) return fail(ErrorCode::invalid_input, fmt::format("cannot open {}", path), path);
    return in;
}

template <typename Import>
ImportReport import_path(const std::string& path, const ImportOptions& options, Import&& import) {
    auto in = open_input(path, options.limits.max_input_bytes);
    if (!in) {
        ImportReport report;
        report.file = path;
        report.failure = in.error();
        return report;
    }
    return import(**in);
}

boost::optional<std::string> to_boost(const std::optional<std::string>& v) {
    return v ? boost::optional<std::string>(*v) : boost::none;
}

boost::optional<double> to_boost(const std::optional<double>& v) {
    return v ? boost::optional<double>(*v) : boost::none;
}

boost::optional<long long> to_boost(const std::optional<std::int64_t>& v) {
    return v ? boost::optional<long long>(*v) : boost::none;
}

std::optional<double> optional_double_at(const soci::row& row, std::size_t column) {
    if (row.get_indicator(column) == soci::i_null) return std::nullopt;
    if (row.get_properties(column).get_data_type() == soci::dt_double) return row.get<double>(column);
    return static_cast<double>(store::int64_at(row, column));
}

// date_number: 2025-12-01 → 20251201, for comparing release dates; 0 when there is none.
int date_number(const std::optional<std::string>& iso) {
    if (!iso || iso->size() != 10) return 0;
    return std::stoi(iso->substr(0, 4)) * 10000 + std::stoi(iso->substr(5, 2)) * 100 +
           std::stoi(iso->substr(8, 2));
}

// ---- facilities -----------------------------------------------------------------------------------------

// fingerprint: a hash over every imported field but the release date, in an unambiguous rendering (lengths
// before text, tags for absent values). Equal fingerprints mean an unchanged row; a collision would take a
// changed row for an unchanged one, with odds of 1 in 2^64 per row.
std::size_t fingerprint(const FacilityRow& r) {
    std::string s;
    s.reserve(256);
    auto text = [&](std::string_view v) {
        s += std::to_string(v.size());
        s += ':';
        s += v;
    };
    auto optional_text = [&](const std::optional<std::string>& v) {
        if (!v) {
            s += 'N';
            return;
        }
        s += 'T';
        text(*v);
    };
    auto optional_double = [&](const std::optional<double>& v) {
        if (!v) {
            s += 'N';
            return;
        }
        char bytes[sizeof(double)];
        std::memcpy(bytes, &*v, sizeof bytes);
        s += 'D';
        s.append(bytes, sizeof bytes);
    };
    auto optional_int = [&](const std::optional<std::int64_t>& v) {
        if (!v) {
            s += 'N';
            return;
        }
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, *v).ptr;
        s += 'I';
        s.append(digits, end);
        s += ';';
    };
    text(feeds::to_string(r.kind));
    text(r.name);
    optional_text(r.name_kana);
    text(r.prefecture_code);
    text(r.municipality_code);
    optional_text(r.address);
    optional_double(r.latitude);
    optional_double(r.longitude);
    for (const auto* beds : {&r.beds_general, &r.beds_long_term, &r.beds_psychiatric, &r.beds_tuberculosis,
                             &r.beds_infectious, &r.beds_total})
        optional_int(*beds);
    return std::hash<std::string>{}(s);
}

// Existing: what the database holds for one facility ID.
struct Existing {
    std::int64_t id = 0;
    std::size_t fingerprint = 0;
    bool comparable = true;  // false when the stored kind is not an institution kind: always rewritten
    int source_date = 0;
};

std::optional<feeds::FacilityKind> parse_kind(std::string_view text) {
    for (auto kind : {feeds::FacilityKind::hospital, feeds::FacilityKind::clinic,
                      feeds::FacilityKind::dental_clinic, feeds::FacilityKind::pharmacy})
        if (feeds::to_string(kind) == text) return kind;
    return std::nullopt;
}

constexpr std::string_view kFacilityColumns =
    "kind, name, prefecture_code, municipality_code, address, name_kana, latitude, longitude, beds_general, "
    "beds_long_term, beds_psychiatric, beds_tuberculosis, beds_infectious, beds_total";

// load_existing: every organisation with a facility ID, read in one pass (no query per row).
Result<std::unordered_map<std::string, Existing>> load_existing(store::Database& db) {
    try {
        auto lease = db.acquire();
        std::unordered_map<std::string, Existing> out;
        soci::rowset<soci::row> rows =
            (lease->prepare << fmt::format("SELECT id, facility_id, source_updated, {} FROM organisations "
                                           "WHERE facility_id IS NOT NULL",
                                           kFacilityColumns));
        for (const auto& r : rows) {
            Existing e;
            e.id = store::int64_at(r, 0);
            e.source_date = date_number(store::optional_text_at(r, 2));
            FacilityRow f;
            const auto kind = parse_kind(r.get<std::string>(3));
            e.comparable = kind.has_value();
            f.kind = kind.value_or(feeds::FacilityKind::hospital);
            f.name = r.get<std::string>(4);
            f.prefecture_code = store::optional_text_at(r, 5).value_or("");
            f.municipality_code = store::optional_text_at(r, 6).value_or("");
            f.address = store::optional_text_at(r, 7);
            f.name_kana = store::optional_text_at(r, 8);
            f.latitude = optional_double_at(r, 9);
            f.longitude = optional_double_at(r, 10);
            f.beds_general = store::optional_int64_at(r, 11);
            f.beds_long_term = store::optional_int64_at(r, 12);
            f.beds_psychiatric = store::optional_int64_at(r, 13);
            f.beds_tuberculosis = store::optional_int64_at(r, 14);
            f.beds_infectious = store::optional_int64_at(r, 15);
            f.beds_total = store::optional_int64_at(r, 16);
            e.fingerprint = fingerprint(f);
            out.emplace(r.get<std::string>(1), e);
        }
        return out;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable,
                    fmt::format("cannot read the existing institutions: {}", e.what()));
    }
}

// FacilityWriter: the statements of one batch, prepared once and executed per row. SOCI binds the members
// by reference, so each row's values are copied into them before the statement runs.
class FacilityWriter {
  public:
    FacilityWriter(soci::session& sql, std::string now, const std::optional<std::string>& source_updated)
        : now_(std::move(now)),
          source_updated_(to_boost(source_updated)),
          insert_(
              (sql.prepare << fmt::format("INSERT INTO organisations ({}, facility_id, source_updated, "
                                          "created_at) VALUES (:kind, :name, :pref, :city, :address, :kana, "
                                          ":lat, :lon, :b1, :b2, :b3, :b4, :b5, :b6, :fid, :src, :now)",
                                          kFacilityColumns),
               soci::use(kind_), soci::use(name_), soci::use(prefecture_), soci::use(municipality_),
               soci::use(address_), soci::use(kana_), soci::use(latitude_), soci::use(longitude_),
               soci::use(beds_[0]), soci::use(beds_[1]), soci::use(beds_[2]), soci::use(beds_[3]),
               soci::use(beds_[4]), soci::use(beds_[5]), soci::use(facility_id_), soci::use(source_updated_),
               soci::use(now_))),
          update_(
              (sql.prepare << "UPDATE organisations SET kind = :kind, name = :name, prefecture_code = :pref, "
                              "municipality_code = :city, address = :address, name_kana = :kana, latitude = "
                              ":lat, longitude = :lon, beds_general = :b1, beds_long_term = :b2, "
                              "beds_psychiatric = :b3, beds_tuberculosis = :b4, beds_infectious = :b5, "
                              "beds_total = :b6, source_updated = COALESCE(:src, source_updated), "
                              "updated_at = :now WHERE id = :id",
               soci::use(kind_), soci::use(name_), soci::use(prefecture_), soci::use(municipality_),
               soci::use(address_), soci::use(kana_), soci::use(latitude_), soci::use(longitude_),
               soci::use(beds_[0]), soci::use(beds_[1]), soci::use(beds_[2]), soci::use(beds_[3]),
               soci::use(beds_[4]), soci::use(beds_[5]), soci::use(source_updated_), soci::use(now_),
               soci::use(id_))),
          refresh_((sql.prepare << "UPDATE organisations SET source_updated = :src WHERE id = :id",
                    soci::use(source_updated_), soci::use(id_))) {}

    void create(const FacilityRow& row) {
        set(row);
        facility_id_ = row.facility_id;
        insert_.execute(true);
    }

    void update(std::int64_t id, const FacilityRow& row) {
        set(row);
        id_ = id;
        update_.execute(true);
    }

    void refresh(std::int64_t id) {
        id_ = id;
        refresh_.execute(true);
    }

  private:
    void set(const FacilityRow& row) {
        kind_ = feeds::to_string(row.kind);
        name_ = row.name;
        prefecture_ = row.prefecture_code;
        municipality_ = row.municipality_code;
        address_ = to_boost(row.address);
        kana_ = to_boost(row.name_kana);
        latitude_ = to_boost(row.latitude);
        longitude_ = to_boost(row.longitude);
        beds_[0] = to_boost(row.beds_general);
        beds_[1] = to_boost(row.beds_long_term);
        beds_[2] = to_boost(row.beds_psychiatric);
        beds_[3] = to_boost(row.beds_tuberculosis);
        beds_[4] = to_boost(row.beds_infectious);
        beds_[5] = to_boost(row.beds_total);
    }

    std::string now_;
    boost::optional<std::string> source_updated_;
    std::string kind_, name_, prefecture_, municipality_, facility_id_;
    boost::optional<std::string> address_, kana_;
    boost::optional<double> latitude_, longitude_;
    boost::optional<long long> beds_[6];
    long long id_ = 0;
    soci::statement insert_, update_, refresh_;
};

enum class Action { create, update, refresh };

struct Pending {
    Action action = Action::create;
    std::int64_t id = 0;
    FacilityRow row;
};

// BatchCounts: writes waiting in the current batch; they count once it commits.
struct BatchCounts {
    std::size_t created = 0, updated = 0, refreshed = 0;
};

nlohmann::json audit_detail(const ImportReport& r, bool complete, const std::string& municipality_check) {
    return {
        {"file", r.file},
        {"kind", r.kind},
        {"source_updated", r.source_updated ? nlohmann::json(*r.source_updated) : nlohmann::json(nullptr)},
        {"rows", r.rows},
        {"created", r.created},
        {"updated", r.updated},
        {"refreshed", r.refreshed},
        {"unchanged", r.unchanged},
        {"kept_newer", r.kept_newer},
        {"errors", r.errors},
        {"municipality_check", municipality_check},
        {"complete", complete}};
}

audit::Entry import_entry(const ImportOptions& options, std::string action, const ImportReport& report,
                          nlohmann::json detail) {
    audit::Entry entry;
    entry.actor = options.actor;
    entry.action = std::move(action);
    entry.target = "file:" + std::filesystem::path(report.file).filename().string();
    entry.detail = std::move(detail);
    return entry;
}

}  // namespace

Result<feeds::MunicipalityCodes> load_municipality_codes(store::Database& db) {
    try {
        auto lease = db.acquire();
        feeds::MunicipalityCodes codes;
        soci::rowset<std::string> rows = (lease->prepare << "SELECT code FROM municipalities");
        for (const auto& code : rows) codes.insert(code);
        return codes;
    } catch (const std::exception& e) {
        return fail(ErrorCode::unavailable, fmt::format("cannot read the municipality list: {}", e.what()));
    }
}

ImportReport import_facilities(store::Database& db, std::istream& in, const std::string& file,
                               const feeds::MunicipalityCodes& known, const ImportOptions& options,
                               const audit::Context& context) {
    ImportReport report;
    report.file = file;
    report.source_updated = feeds::release_date_from_file_name(file);
    const int file_date = date_number(report.source_updated);
    const std::string municipality_check = known.empty() ? "check_digit_only" : "list";

    feeds::CsvReader reader(in, options.limits);
    auto header = read_header(reader);
    if (!header) {
        report.failure = header.error();
        return report;
    }
    auto layout = feeds::detect_facility_layout(*header);
    if (!layout) {
        report.failure = layout.error();
        return report;
    }
    report.kind = feeds::to_string(layout->kind);
    auto existing = load_existing(db);
    if (!existing) {
        report.failure = existing.error();
        return report;
    }

    std::unordered_map<std::string, std::size_t> seen;  // facility ID → line of its first row in this file
    std::vector<Pending> batch;
    batch.reserve(options.batch_size);
    BatchCounts pending;

    // flush: writes the batch in one transaction, with the file's audit entry when `last`.
    auto flush = [&](bool last, bool complete) -> bool {
        if (batch.empty() && !last) return true;
        ImportReport after = report;
        after.created += pending.created;
        after.updated += pending.updated;
        after.refreshed += pending.refreshed;
        try {
            auto written = db.transaction([&](soci::session& sql) -> Result<bool> {
                FacilityWriter writer(sql, to_iso_utc(std::chrono::system_clock::now()),
                                      report.source_updated);
                for (const auto& p : batch) {
                    switch (p.action) {
                        case Action::create: writer.create(p.row); break;
                        case Action::update: writer.update(p.id, p.row); break;
                        case Action::refresh: writer.refresh(p.id); break;
                    }
                }
                if (last)
                    audit::append(sql,
                                  import_entry(options, "facilities.imported", after,
                                               audit_detail(after, complete, municipality_check)),
                                  context);
                return true;
            });
            if (!written) throw std::runtime_error(written.error().message);
        } catch (const std::exception& e) {
            report.failure =
                Error{ErrorCode::unavailable,
                      fmt::format("writing to the database failed and the last batch of {} rows was "
                                  "rolled back: {}",
                                  batch.size(), e.what()),
                      {}};
            log_event(spdlog::level::err, "facility import batch failed",
                      {{"file", file}, {"error", e.what()}});
            return false;
        }
        report = std::move(after);
        batch.clear();
        pending = {};
        return true;
    };

    bool complete = true;
    for (;;) {
        const auto status = reader.next();
        if (status == feeds::CsvReader::Status::end) break;
        if (status == feeds::CsvReader::Status::failed) {
            report.failure = Error{
                ErrorCode::unavailable,
                fmt::format("reading stopped at line {}: {}", reader.error().line, reader.error().message),
                {}};
            complete = false;
            break;
        }
        ++report.rows;
        if (status == feeds::CsvReader::Status::error) {
            note_problem(report, options, csv_problem(reader.error(), layout->column_names));
            continue;
        }
        const auto& record = reader.record();
        auto row = feeds::parse_facility_row(*layout, record.fields, known);
        if (!row) {
            note_problem(report, options, row_problem(record.line, row.error()));
            continue;
        }
        const auto [first, inserted] = seen.try_emplace(row->facility_id, record.line);
        if (!inserted) {
            note_problem(
                report, options,
                {record.line, layout->id + 1, layout->column_names[layout->id],
                 fmt::format("facility ID {} already appears on line {}", row->facility_id, first->second)});
            continue;
        }
        const auto found = existing->find(row->facility_id);
        if (found == existing->end()) {
            batch.push_back({Action::create, 0, std::move(*row)});
            ++pending.created;
        } else if (file_date != 0 && found->second.source_date > file_date) {
            ++report.kept_newer;
        } else if (!found->second.comparable || found->second.fingerprint != fingerprint(*row)) {
            batch.push_back({Action::update, found->second.id, std::move(*row)});
            ++pending.updated;
        } else if (file_date != 0 && found->second.source_date != file_date) {
            batch.push_back({Action::refresh, found->second.id, {}});
            ++pending.refreshed;
        } else {
            ++report.unchanged;
        }
        if (batch.size() >= options.batch_size && !flush(false, true)) return report;
    }
    flush(true, complete);
    return report;
}

ImportReport import_facility_file(store::Database& db, const std::string& path,
                                  const feeds::MunicipalityCodes& known, const ImportOptions& options,
                                  const audit::Context& context) {
    return import_path(path, options, [&](std::istream& in) {
        return import_facilities(db, in, path, known, options, context);
    });
}

// ---- municipalities -------------------------------------------------------------------------------------

ImportReport import_municipalities(store::Database& db, std::istream& in, const std::string& file,
                                   const ImportOptions& options, const audit::Context& context) {
    ImportReport report;
    report.file = file;
    feeds::CsvReader reader(in, options.limits);
    auto header = read_header(reader);
    if (!header) {
        report.failure = header.error();
        return report;
    }
    auto layout = feeds::detect_municipality_layout(*header);
    if (!layout) {
        report.failure = layout.error();
        return report;
    }
    report.kind = "municipalities";

    std::vector<feeds::Municipality> rows;
    std::unordered_map<std::string, std::size_t> seen;
    for (;;) {
        const auto status = reader.next();
        if (status == feeds::CsvReader::Status::end) break;
        if (status == feeds::CsvReader::Status::failed) {
            report.failure = Error{ErrorCode::unavailable,
                                   fmt::format("reading stopped at line {}: {}; nothing was imported",
                                               reader.error().line, reader.error().message),
                                   {}};
            return report;
        }
        ++report.rows;
        if (status == feeds::CsvReader::Status::error) {
            note_problem(report, options, csv_problem(reader.error(), layout->column_names));
            continue;
        }
        auto row = feeds::parse_municipality_row(*layout, reader.record().fields);
        if (!row) {
            note_problem(report, options, row_problem(reader.record().line, row.error()));
            continue;
        }
        const auto [first, inserted] = seen.try_emplace(row->code, reader.record().line);
        if (!inserted) {
            note_problem(report, options,
                         {reader.record().line, layout->lgcode + 1, layout->column_names[layout->lgcode],
                          fmt::format("code {} already appears on line {}", row->code, first->second)});
            continue;
        }
        rows.push_back(std::move(*row));
    }

    // About 2,000 rows: one transaction, one pass over the stored list.
    try {
        auto written = db.transaction([&](soci::session& sql) -> Result<ImportReport> {
            ImportReport after = report;
            std::unordered_map<std::string, feeds::Municipality> stored;
            soci::rowset<soci::row> current =
                (sql.prepare << "SELECT code, prefecture_code, name, kana FROM municipalities");
            for (const auto& r : current) {
                feeds::Municipality m{r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                                      store::optional_text_at(r, 3)};
                stored.emplace(m.code, std::move(m));
            }
            const std::string now = to_iso_utc(std::chrono::system_clock::now());
            std::string code, prefecture, name;
            boost::optional<std::string> kana;
            soci::statement insert =
                (sql.prepare << "INSERT INTO municipalities (code, prefecture_code, name, kana, updated_at) "
                                "VALUES (:c, :p, :n, :k, :u)",
                 soci::use(code), soci::use(prefecture), soci::use(name), soci::use(kana), soci::use(now));
            soci::statement update =
                (sql.prepare << "UPDATE municipalities SET prefecture_code = :p, name = :n, "
                                "kana = :k, updated_at = :u WHERE code = :c",
                 soci::use(prefecture), soci::use(name), soci::use(kana), soci::use(now), soci::use(code));
            for (const auto& m : rows) {
                const auto found = stored.find(m.code);
                if (found != stored.end() && found->second == m) {
                    ++after.unchanged;
                    continue;
                }
                code = m.code;
                prefecture = m.prefecture_code;
                name = m.name;
                kana = to_boost(m.kana);
                if (found == stored.end()) {
                    insert.execute(true);
                    ++after.created;
                } else {
                    update.execute(true);
                    ++after.updated;
                }
            }
            audit::append(sql,
                          import_entry(options, "municipalities.imported", after,
                                       {{"file", after.file},
                                        {"rows", after.rows},
                                        {"created", after.created},
                                        {"updated", after.updated},
                                        {"unchanged", after.unchanged},
                                        {"errors", after.errors}}),
                          context);
            return after;
        });
        if (!written) {
            report.failure = written.error();
            return report;
        }
        return *written;
    } catch (const std::exception& e) {
        report.failure =
            Error{ErrorCode::unavailable,
                  fmt::format("writing the municipality list failed; nothing was imported: {}", e.what()),
                  {}};
        return report;
    }
}

ImportReport import_municipality_file(store::Database& db, const std::string& path,
                                      const ImportOptions& options, const audit::Context& context) {
    return import_path(path, options, [&](std::istream& in) {
        return import_municipalities(db, in, path, options, context);
    });
}

}  // namespace mamori::services
