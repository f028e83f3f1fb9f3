// Micro-benchmarks of the assessment documents for a realistic 25-row checklist: what a download of the
// PDF, the .xlsx or the CSV costs, and what reading an uploaded .xlsx back costs. Target: PDF and .xlsx
// each under 100 ms. Reading an uploaded JSON export must grow about linearly with its number of members.
#include <benchmark/benchmark.h>

#include <string>

#include "documents/sample_document.hpp"
#include "mamori/documents/csv.hpp"
#include "mamori/documents/json_exchange.hpp"
#include "mamori/documents/pdf.hpp"
#include "mamori/documents/xlsx.hpp"

namespace mamori::documents {
namespace {

const AssessmentDocument& document() {
    static const AssessmentDocument doc = testing::sample_document({.rows = 25});
    return doc;
}

void BM_RenderPdf(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(render_pdf(document()));
}
BENCHMARK(BM_RenderPdf)->Unit(benchmark::kMillisecond);

void BM_RenderXlsx(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(render_xlsx(document()));
}
BENCHMARK(BM_RenderXlsx)->Unit(benchmark::kMillisecond);

void BM_ReadXlsx(benchmark::State& state) {
    const std::string bytes = *render_xlsx(document());
    for (auto _ : state) benchmark::DoNotOptimize(read_xlsx(bytes));
}
BENCHMARK(BM_ReadXlsx)->Unit(benchmark::kMillisecond);

// An export with N extra members of distinct names, as a hostile upload could carry up to the body limit:
// Complexity() fits the growth (it was N² while uploads were parsed into ordered_json).
void BM_ReadJsonWithManyMembers(benchmark::State& state) {
    std::string text = write_json(document());
    std::string extra;
    for (std::int64_t i = 0; i < state.range(0); ++i) extra += ",\"member" + std::to_string(i) + "\":0";
    text.insert(text.size() - 1, extra);
    for (auto _ : state) benchmark::DoNotOptimize(read_json(text));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ReadJsonWithManyMembers)->RangeMultiplier(4)->Range(1 << 10, 1 << 16)->Complexity();

void BM_RenderCsv(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(render_csv(document()));
}
BENCHMARK(BM_RenderCsv)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace mamori::documents
