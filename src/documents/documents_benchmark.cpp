// Micro-benchmarks of the assessment documents for a realistic 25-row checklist: what a download of the
// PDF, the .xlsx or the CSV costs, and what reading an uploaded .xlsx back costs. Target: PDF and .xlsx
// each under 100 ms.
#include <benchmark/benchmark.h>

#include "documents/sample_document.hpp"
#include "mamori/documents/csv.hpp"
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

void BM_RenderCsv(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(render_csv(document()));
}
BENCHMARK(BM_RenderCsv)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace mamori::documents
