// Micro-benchmarks of the request pipeline without sockets: what one request costs in routing, headers,
// metrics and the access log, apart from Beast and the kernel.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "mamori/core/embedded.hpp"
#include "mamori/core/log.hpp"
#include "mamori/http/dispatcher.hpp"

namespace mamori::http {
namespace {

void BM_RouterMatchWithParameter(benchmark::State& state) {
    Router router;
    for (int i = 0; i < 40; ++i)
        router.add(Method::get, "/api/v1/area" + std::to_string(i) + "/{id}",
                   [](Request&) { return Response{}; });
    for (auto _ : state) benchmark::DoNotOptimize(router.match(Method::get, "/api/v1/area39/r7"));
}
BENCHMARK(BM_RouterMatchWithParameter);

void BM_DispatchHealthz(benchmark::State& state) {
    init_logging(spdlog::level::warn);  // the access log is measured by the wrk load test, not here
    Router router;
    router.add(Method::get, "/healthz", [](Request&) { return Response::json(200, {{"status", "ok"}}); });
    Metrics metrics;
    web::StaticFiles spa(embedded::web_assets());
    Dispatcher dispatcher(router, metrics, &spa);
    for (auto _ : state) {
        Request request;
        request.path = "/healthz";
        benchmark::DoNotOptimize(dispatcher.handle(request));
    }
}
BENCHMARK(BM_DispatchHealthz);

void BM_MetricsObserve(benchmark::State& state) {
    Metrics metrics;
    for (auto _ : state) metrics.observe("/healthz", Method::get, 200, 0.0001);
}
BENCHMARK(BM_MetricsObserve)->Threads(1)->Threads(2);

}  // namespace
}  // namespace mamori::http
