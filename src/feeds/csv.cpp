#include "mamori/feeds/csv.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace mamori::feeds {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kChunkBytes = std::size_t{256} * 1024;

bool is_special_unquoted(char c) {
    return c == ',' || c == '"' || c == '\r' || c == '\n';
}

// utf8_length: the length of the UTF-8 sequence that `lead` starts (1 for ASCII and stray bytes).
std::size_t utf8_length(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
}

// shown_character: the character at the start of `rest` for a message: itself when it is printable ASCII or
// a whole UTF-8 sequence, else its first byte in hex.
std::string shown_character(std::string_view rest) {
    const auto c = static_cast<unsigned char>(rest.front());
    if (c >= 0x20 && c < 0x7F) return fmt::format("character '{}'", static_cast<char>(c));
    const std::size_t length = utf8_length(rest.front());
    if (length > 1 && rest.size() >= length &&
        std::all_of(rest.begin() + 1, rest.begin() + static_cast<std::ptrdiff_t>(length),
                    [](char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }))
        return fmt::format("character '{}'", rest.substr(0, length));
    return fmt::format("byte 0x{:02X}", c);
}

}  // namespace

CsvParser::CsvParser(CsvLimits limits) : limits_(limits) {}

void CsvParser::start_field() {
    if (failed_) return;
    if (count_ == limits_.max_fields) {
        fail(fmt::format("the record has more than {} fields", limits_.max_fields));
        error_.column = count_ + 1;
        return;
    }
    if (count_ > 0) ++record_bytes_;  // the separator
    if (count_ == storage_.size()) {
        storage_.emplace_back();
    } else {
        storage_[count_].clear();
    }
    ++count_;
}

void CsvParser::append(std::string_view bytes) {
    if (failed_ || bytes.empty()) return;
    std::string& field = storage_[count_ - 1];
    // The limit named is the one the bytes reach first, so that it does not depend on how the input was cut
    // into reads. (A separator may already have taken the record past its limit.)
    const std::size_t field_room = limits_.max_field_bytes - field.size();
    const std::size_t record_room =
        record_bytes_ < limits_.max_record_bytes ? limits_.max_record_bytes - record_bytes_ : 0;
    if (bytes.size() > field_room && field_room <= record_room) {
        fail(fmt::format("the field is longer than {} bytes", limits_.max_field_bytes));
        return;
    }
    if (bytes.size() > record_room) {
        fail(fmt::format("the record is longer than {} bytes", limits_.max_record_bytes));
        return;
    }
    record_bytes_ += bytes.size();
    field.append(bytes);
}

void CsvParser::end_field() {
    state_ = State::field_start;
}

void CsvParser::fail(std::string message) {
    if (failed_) return;
    failed_ = true;
    error_ = CsvError{record_line_, line_, count_ == 0 ? 1 : count_, std::move(message)};
}

CsvParser::Event CsvParser::finish_record(std::size_t last_line) {
    state_ = State::record_start;
    if (failed_) return Event::error;
    record_ = CsvRecord{std::span<const std::string>(storage_.data(), count_), record_line_, last_line};
    return Event::record;
}

CsvParser::Event CsvParser::parse(std::string_view input, bool end_of_input, std::size_t& consumed) {
    std::size_t i = 0;
    const std::size_t n = input.size();
    if (at_input_start_) {
        // A BOM split across two reads: wait for the rest before deciding.
        if (!end_of_input && n < kBom.size() && kBom.substr(0, n) == input) return Event::need_input;
        if (input.substr(0, kBom.size()) == kBom) i = kBom.size();
        at_input_start_ = false;
    }
    auto stop = [&](Event event) {
        consumed += i;
        return event;
    };
    // end_record: the line break at input[i] (CR or LF) ends the current record.
    auto end_record = [&]() {
        const char c = input[i++];
        if (c == '\r') skip_lf_ = true;
        const std::size_t last = line_++;
        return stop(finish_record(last));
    };
    while (i < n) {
        if (skip_lf_) {
            skip_lf_ = false;
            if (input[i] == '\n') {
                ++i;
                continue;
            }
        }
        switch (state_) {
            case State::record_start: {
                const char c = input[i];
                if (c == '\r' || c == '\n') {  // a blank line holds no record
                    ++i;
                    ++line_;
                    skip_lf_ = c == '\r';
                    continue;
                }
                record_line_ = line_;
                record_bytes_ = 0;
                count_ = 0;
                failed_ = false;
                start_field();
                state_ = State::field_start;
                continue;
            }
            case State::field_start:
                if (input[i] == '"') {
                    ++i;
                    state_ = State::quoted;
                } else {
                    state_ = State::unquoted;
                }
                continue;
            case State::unquoted: {
                std::size_t j = i;
                while (j < n && !is_special_unquoted(input[j])) ++j;
                append(input.substr(i, j - i));
                i = j;
                if (i == n) break;
                const char c = input[i];
                if (c == ',') {
                    ++i;
                    end_field();
                    start_field();
                    continue;
                }
                if (c == '"') {
                    fail("a quote inside an unquoted field (quote the whole field and double the quote)");
                    append("\"");
                    ++i;
                    continue;
                }
                return end_record();
            }
            case State::quoted: {
                // Appended line by line, so that a limit reached inside a multi-line field names the line it
                // is reached on, however the input was cut into reads.
                std::size_t j = i;
                while (j < n && input[j] != '"') {
                    if (input[j] == '\n') {
                        append(input.substr(i, j + 1 - i));
                        ++line_;
                        i = j + 1;
                    }
                    ++j;
                }
                append(input.substr(i, j - i));
                i = j;
                if (i == n) break;
                ++i;
                state_ = State::quote_in_quoted;
                continue;
            }
            case State::quote_in_quoted: {
                const char c = input[i];
                if (c == '"') {
                    append("\"");
                    ++i;
                    state_ = State::quoted;
                    continue;
                }
                if (c == ',') {
                    ++i;
                    end_field();
                    start_field();
                    continue;
                }
                if (c == '\r' || c == '\n') return end_record();
                // Name the whole character in the message even when it is split across two reads.
                if (!end_of_input && n - i < utf8_length(c)) return stop(Event::need_input);
                fail(
                    fmt::format("unexpected {} after the closing quote of the field (a quote inside a quoted "
                                "field must be doubled)",
                                shown_character(input.substr(i))));
                state_ = State::unquoted;
                continue;
            }
        }
    }
    if (!end_of_input) return stop(Event::need_input);
    switch (state_) {
        case State::record_start: return stop(Event::end);
        case State::quoted:
            fail(fmt::format("the quoted field that starts on line {} never ends (a missing closing quote)",
                             record_line_));
            return stop(finish_record(line_));
        default: end_field(); return stop(finish_record(line_));
    }
}

CsvReader::CsvReader(std::istream& in, CsvLimits limits) : in_(in), limits_(limits), parser_(limits) {
    buffer_.resize(kChunkBytes);
}

bool CsvReader::fill() {
    if (begin_ > 0) {
        std::copy(buffer_.begin() + static_cast<std::ptrdiff_t>(begin_),
                  buffer_.begin() + static_cast<std::ptrdiff_t>(end_), buffer_.begin());
        end_ -= begin_;
        begin_ = 0;
    }
    in_.read(buffer_.data() + end_, static_cast<std::streamsize>(buffer_.size() - end_));
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (in_.bad()) {
        failure_ = CsvError{parser_.line(), parser_.line(), 0, "the input could not be read (I/O error)"};
        return false;
    }
    if (got == 0 || in_.eof()) eof_ = true;
    end_ += got;
    bytes_read_ += got;
    if (bytes_read_ > limits_.max_input_bytes) {
        failure_ = CsvError{parser_.line(), parser_.line(), 0,
                            fmt::format("the input is larger than {} bytes", limits_.max_input_bytes)};
        return false;
    }
    return true;
}

CsvReader::Status CsvReader::next() {
    if (status_ == Status::failed || status_ == Status::end) return status_;
    for (;;) {
        std::size_t consumed = 0;
        const auto event =
            parser_.parse(std::string_view(buffer_.data() + begin_, end_ - begin_), eof_, consumed);
        begin_ += consumed;
        switch (event) {
            case CsvParser::Event::record: return status_ = Status::record;
            case CsvParser::Event::error: return status_ = Status::error;
            case CsvParser::Event::end: return status_ = Status::end;
            case CsvParser::Event::need_input:
                if (!fill()) return status_ = Status::failed;
                break;
        }
    }
}

}  // namespace mamori::feeds
