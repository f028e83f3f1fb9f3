// The facility import at national size: a synthetic 200,000-row hospital 施設票 (65 columns, the open-data
// layout: BOM, CRLF, quoted values, bare coordinates) is generated into a temporary directory when the
// benchmark starts, then imported into a fresh SQLite file (first import) and imported again (every row
// unchanged). items_per_second is rows per second. Results and command: docs/perf.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "mamori/core/log.hpp"
#include "mamori/feeds/csv.hpp"
#include "mamori/feeds/facility_rows.hpp"
#include "mamori/feeds/local_government_code.hpp"
#include "mamori/services/facility_import.hpp"
#include "mamori/store/migrations.hpp"

namespace mamori::services {
namespace {

constexpr int kRows = 200'000;
constexpr int kCitiesPerPrefecture = 40;

std::string in_quotes(std::string_view value) {
    return fmt::format("\"{}\"", value);
}

// SyntheticRelease: the generated file and the municipality codes it uses, removed at exit.
class SyntheticRelease {
  public:
    SyntheticRelease()
        : dir_(std::filesystem::temp_directory_path() /
               fmt::format("mamori-facility-bench-{}", std::random_device{}())) {
        std::filesystem::create_directories(dir_);
        for (int pref = 1; pref <= 47; ++pref)
            for (int city = 101; city < 101 + kCitiesPerPrefecture; ++city)
                codes_.push_back(
                    *feeds::local_government_code(fmt::format("{:02}", pref), fmt::format("{}", city)));
        write();
    }
    ~SyntheticRelease() { std::filesystem::remove_all(dir_); }

    const std::filesystem::path& dir() const { return dir_; }
    std::filesystem::path csv() const { return dir_ / "01-1_hospital_facility_info_20991201.csv"; }
    const std::vector<std::string>& codes() const { return codes_; }

  private:
    void write() {
        const auto& header = feeds::facility_column_names(feeds::FacilityKind::hospital);

        std::ofstream out(csv(), std::ios::binary);
        out << "\xEF\xBB\xBF";
        for (std::size_t i = 0; i < header.size(); ++i) out << (i ? "," : "") << in_quotes(header[i]);
        out << "\r\n";
        std::mt19937 random(20991201);
        std::string line;
        for (int i = 1; i <= kRows; ++i) {
            const int pref = 1 + i % 47;
            const int city = 101 + (i / 47) % kCitiesPerPrefecture;
            const int general = static_cast<int>(random() % 400),
                      psychiatric = static_cast<int>(random() % 3) * 50;
            line = fmt::format("{},{},{},{},{},{},\"1\",\"{:02}\",\"{}\",{},",
                               in_quotes(fmt::format("{:02}99{:09}", pref, i)),
                               in_quotes(fmt::format("合成医療法人 合成病院{:06}", i)),
                               in_quotes(fmt::format("ゴウセイイリョウホウジン ゴウセイビョウイン{:06}", i)),
                               in_quotes(fmt::format("合成病院{:06}", i)), in_quotes("ゴウセイビョウイン"),
                               in_quotes(fmt::format("Synthetic Hospital {}", i)), pref, city,
                               in_quotes(fmt::format("合成県合成市合成町{}丁目{}番{}号", i % 9 + 1,
                                                     i % 30 + 1, i % 20 + 1)));
            // Coordinates as the open data has them: mostly numbers, some 0 and some empty.
            if (i % 20 == 0) {
                line += "0,0";
            } else if (i % 20 == 1) {
                line += ",";
            } else {
                line += fmt::format("{:.6f},{:.6f}", 31.0 + (random() % 12'000'000) / 1e6,
                                    130.0 + (random() % 12'000'000) / 1e6);
            }
            line += ",\"https://hospital.example/\"";
            for (int d = 0; d < 7; ++d) line += d == 6 ? ",\"1\"" : ",\"0\"";
            for (int c = 0; c < 35; ++c) line += ",\"\"";
            line += ",\"1\",\"年末年始（12/29～1/3）\"";
            line += fmt::format(",\"{}\",\"{}\",\"{}\",\"0\",\"{}\",\"\",\"{}\",\"{}\"\r\n", general, 20, 20,
                                psychiatric, 4, general + 20 + psychiatric + 4);
            out << line;
        }
    }

    std::filesystem::path dir_;
    std::vector<std::string> codes_;
};

const SyntheticRelease& release() {
    static const SyntheticRelease instance;
    return instance;
}

// fresh_database: a new migrated SQLite file with the release's municipality codes loaded, so every row is
// also looked up in the list.
std::unique_ptr<store::Database> fresh_database(const std::string& name) {
    const auto path = release().dir() / name;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    auto db = std::move(*store::Database::open({store::Dialect::sqlite, path.string()}, 1));
    if (!store::migrate(*db, *store::embedded_migrations(store::Dialect::sqlite))) std::abort();
    (void)db->transaction([](soci::session& sql) -> Result<bool> {
        std::string code, pref;
        soci::statement insert =
            (sql.prepare << "INSERT INTO municipalities (code, prefecture_code, name, "
                            "updated_at) VALUES (:c, :p, '合成市', '2099-12-01T00:00:00.000Z')",
             soci::use(code), soci::use(pref));
        for (const auto& c : release().codes()) {
            code = c;
            pref = c.substr(0, 2);
            insert.execute(true);
        }
        return true;
    });
    return db;
}

void check(const ImportReport& report, std::size_t expected_created, benchmark::State& state) {
    if (report.failure || report.errors != 0 || report.rows != static_cast<std::size_t>(kRows) ||
        report.created != expected_created)
        state.SkipWithError(fmt::format("unexpected import: {} rows, {} created, {} errors, {}", report.rows,
                                        report.created, report.errors,
                                        report.failure ? report.failure->message : "")
                                .c_str());
}

void BM_FacilityImportFirst(benchmark::State& state) {
    init_logging(spdlog::level::warn);
    const auto csv = release().csv().string();
    for (auto _ : state) {
        state.PauseTiming();
        auto db = fresh_database("first.db");
        auto known = load_municipality_codes(*db);
        state.ResumeTiming();
        const auto report = import_facility_file(*db, csv, *known, {}, {"local", "bench"});
        state.PauseTiming();
        check(report, kRows, state);
        db.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_FacilityImportFirst)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

void BM_FacilityImportUnchanged(benchmark::State& state) {
    init_logging(spdlog::level::warn);
    const auto csv = release().csv().string();
    for (auto _ : state) {
        state.PauseTiming();
        auto db = fresh_database("again.db");
        auto known = load_municipality_codes(*db);
        check(import_facility_file(*db, csv, *known, {}, {"local", "bench"}), kRows, state);
        state.ResumeTiming();
        const auto report = import_facility_file(*db, csv, *known, {}, {"local", "bench"});
        state.PauseTiming();
        check(report, 0, state);
        if (report.unchanged != static_cast<std::size_t>(kRows))
            state.SkipWithError("rows were not unchanged");
        db.reset();
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_FacilityImportUnchanged)
    ->Iterations(1)
    ->Repetitions(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// BM_FacilityParseOnly: reading and checking the same file without a database, to show what the writes cost.
void BM_FacilityParseOnly(benchmark::State& state) {
    const auto& codes = release().codes();
    const feeds::MunicipalityCodes known(codes.begin(), codes.end());
    for (auto _ : state) {
        std::ifstream in(release().csv(), std::ios::binary);
        feeds::CsvReader reader(in);
        reader.next();
        const auto layout = feeds::detect_facility_layout(
            std::vector<std::string>(reader.record().fields.begin(), reader.record().fields.end()));
        std::size_t good = 0;
        while (reader.next() == feeds::CsvReader::Status::record)
            good += feeds::parse_facility_row(*layout, reader.record().fields, known).has_value();
        if (good != static_cast<std::size_t>(kRows)) state.SkipWithError("rows failed to parse");
    }
    state.SetItemsProcessed(state.iterations() * kRows);
}
BENCHMARK(BM_FacilityParseOnly)->Iterations(1)->Repetitions(3)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mamori::services
