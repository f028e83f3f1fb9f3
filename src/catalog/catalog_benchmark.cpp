// Micro-benchmarks of the catalog: what loading and validating the whole embedded catalog costs at start,
// what building every public answer of a snapshot costs, and what an edition comparison costs when it is
// built and when it is served from the snapshot's cache.
#include <benchmark/benchmark.h>

#include "mamori/catalog/comparison.hpp"
#include "mamori/catalog/loader.hpp"
#include "mamori/catalog/views.hpp"
#include "mamori/services/catalog_service.hpp"

namespace mamori::catalog {
namespace {

std::shared_ptr<const Catalog> embedded_catalog() {
    static const auto catalog = *CatalogBuilder::from_files(embedded::catalog_files())->build();
    return catalog;
}

// Parse the nine files (0.65 MB), then validate everything: the cost `mamori serve` pays at start.
void BM_LoadAndValidateCatalog(benchmark::State& state) {
    for (auto _ : state) {
        auto builder = CatalogBuilder::from_files(embedded::catalog_files());
        benchmark::DoNotOptimize(builder->build());
    }
}
BENCHMARK(BM_LoadAndValidateCatalog)->Unit(benchmark::kMillisecond);

// Validation alone, on already parsed documents (an import re-validates the whole catalog this way).
void BM_ValidateParsedCatalog(benchmark::State& state) {
    const auto builder = *CatalogBuilder::from_files(embedded::catalog_files());
    for (auto _ : state) benchmark::DoNotOptimize(builder.build());
}
BENCHMARK(BM_ValidateParsedCatalog)->Unit(benchmark::kMillisecond);

// Every public answer of a snapshot (editions, each edition and form, each item history), serialized.
void BM_BuildSnapshotAnswers(benchmark::State& state) {
    const auto catalog = embedded_catalog();
    for (auto _ : state) benchmark::DoNotOptimize(services::CatalogSnapshot(catalog));
}
BENCHMARK(BM_BuildSnapshotAnswers)->Unit(benchmark::kMillisecond);

// One comparison built from scratch: the mapping walk, the JSON view and its serialization.
void BM_BuildCompareResponse(benchmark::State& state) {
    const auto catalog = embedded_catalog();
    const char* from = state.range(0) == 0 ? "r6" : "r5";  // 0: one mapping, 1: two composed
    for (auto _ : state) {
        auto comparison = compare(*catalog, from, "r7", "medical");
        benchmark::DoNotOptimize(comparison_view(*catalog, *comparison).dump());
    }
}
BENCHMARK(BM_BuildCompareResponse)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// The same answer as a request sees it after the first: a lookup in the snapshot's cache.
void BM_CachedCompareResponse(benchmark::State& state) {
    const services::CatalogSnapshot snapshot(embedded_catalog());
    for (auto _ : state) benchmark::DoNotOptimize(snapshot.compare("r6", "r7", "medical"));
}
BENCHMARK(BM_CachedCompareResponse);

// Serving a prebuilt form page versus building it per request, to show what building once saves.
void BM_FormPage(benchmark::State& state) {
    const auto catalog = embedded_catalog();
    const services::CatalogSnapshot snapshot(catalog);
    const Edition& r7 = *catalog->latest("r7");
    for (auto _ : state) {
        if (state.range(0) == 0)
            benchmark::DoNotOptimize(std::string((*snapshot.form("r7", "medical", std::nullopt))->body));
        else
            benchmark::DoNotOptimize(form_view(*catalog, r7, *r7.find("medical")).dump());
    }
}
BENCHMARK(BM_FormPage)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace mamori::catalog
