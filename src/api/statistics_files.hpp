// The statistics views as files (format=csv|xlsx, lang=ja|en): the same published numbers as the JSON, laid
// out by statistics/sheets.hpp.
#pragma once

#include <string>

#include "mamori/core/error.hpp"
#include "mamori/http/message.hpp"
#include "mamori/services/statistics.hpp"

namespace mamori::api {

enum class StatisticsFormat { json, csv, xlsx };

struct FileRequest {
    StatisticsFormat format = StatisticsFormat::json;
    statistics::Language language = statistics::Language::ja;
};

// file_request: the `format` and `lang` query parameters; invalid_input names the bad one.
Result<FileRequest> file_request(const http::Request& request);

// sheet_file: a sheet as the requested file (csv or xlsx) named `name` (ASCII, with its extension).
Result<http::Response> sheet_file(Result<statistics::Sheet> sheet, std::string name, StatisticsFormat format);

Result<http::Response> item_file(const services::ItemView& view, const FileRequest& file);
Result<http::Response> cross_file(const services::CrossView& view, const FileRequest& file);
Result<http::Response> trend_file(const services::TrendView& view, const FileRequest& file);
Result<http::Response> rates_file(const services::RateView& view, const FileRequest& file);

}  // namespace mamori::api
