#include "statistics_files.hpp"

#include <fmt/format.h>

namespace mamori::api {

namespace {

using statistics::Language;

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::vector<statistics::GroupLabel> label_list(const services::GroupLabels& labels) {
    std::vector<statistics::GroupLabel> out;
    for (const auto& [key, text] : labels) out.push_back({key, text.ja, text.en});
    return out;
}

statistics::SheetContext sheet_context(const services::StatisticsQuery& q, Language language) {
    statistics::SheetContext c;
    c.language = language;
    c.fiscal_year = q.fiscal_year;
    c.form = q.form;
    if (q.line) {
        c.item_number = q.line->number;
        c.item_title = {q.line->title_ja, q.line->title_en};
    }
    c.filters = q.filter_labels;
    // as_of is "YYYY-MM-DDTHH:MM:SS+09:00"
    c.as_of = q.as_of.size() >= 16 ? fmt::format("{} {} (JST)", q.as_of.substr(0, 10), q.as_of.substr(11, 5))
                                   : q.as_of;
    return c;
}

// file_name: e.g. "statistics-item-IR-03-main-2025.xlsx" (ASCII only: ids and numbers).
std::string file_name(std::string_view view, const services::StatisticsQuery& q, bool with_year,
                      StatisticsFormat format) {
    std::string name = fmt::format("statistics-{}-{}", view, q.form);
    if (q.line) name += fmt::format("-{}-{}", q.line->item, q.line->row);
    if (with_year) name += fmt::format("-{}", q.fiscal_year);
    return name + (format == StatisticsFormat::csv ? ".csv" : ".xlsx");
}

Result<http::Response> send(Result<statistics::Sheet> sheet, std::string name, StatisticsFormat format) {
    if (!sheet) return fail(sheet.error());
    if (format == StatisticsFormat::csv)
        return http::Response::download(statistics::render_csv(*sheet), "text/csv; charset=utf-8", name);
    auto bytes = statistics::render_xlsx(*sheet);
    if (!bytes) return fail(bytes.error());
    return http::Response::download(std::move(*bytes), std::string(kXlsxType), name);
}

}  // namespace

Result<http::Response> sheet_file(Result<statistics::Sheet> sheet, std::string name, StatisticsFormat format) {
    return send(std::move(sheet), std::move(name), format);
}

Result<FileRequest> file_request(const http::Request& request) {
    FileRequest out;
    const auto format = request.query_param("format").value_or("json");
    if (format == "csv")
        out.format = StatisticsFormat::csv;
    else if (format == "xlsx")
        out.format = StatisticsFormat::xlsx;
    else if (format != "json")
        return fail(ErrorCode::invalid_input, "format: json, csv or xlsx", "format");
    const auto lang = request.query_param("lang").value_or("ja");
    if (lang != "ja" && lang != "en") return fail(ErrorCode::invalid_input, "lang: ja or en", "lang");
    out.language = lang == "en" ? Language::en : Language::ja;
    return out;
}

Result<http::Response> item_file(const services::ItemView& v, const FileRequest& file) {
    const auto labels = label_list(v.labels);
    return send(statistics::item_table_sheet(v.table, labels, sheet_context(v.query, file.language)),
                file_name("item", v.query, true, file.format), file.format);
}

Result<http::Response> cross_file(const services::CrossView& v, const FileRequest& file) {
    const auto rows = label_list(v.row_labels);
    const auto columns = label_list(v.column_labels);
    return send(statistics::cross_table_sheet(v.table, rows, columns, sheet_context(v.query, file.language)),
                file_name("cross", v.query, true, file.format), file.format);
}

Result<http::Response> trend_file(const services::TrendView& v, const FileRequest& file) {
    const auto labels = label_list(v.labels);
    return send(statistics::trend_sheet(v.years, labels, sheet_context(v.query, file.language)),
                file_name("trend", v.query, false, file.format), file.format);
}

Result<http::Response> rates_file(const services::RateView& v, const FileRequest& file) {
    const auto labels = label_list(v.labels);
    return send(statistics::rate_table_sheet(v.table, labels, sheet_context(v.query, file.language)),
                file_name("rates", v.query, true, file.format), file.format);
}

}  // namespace mamori::api
