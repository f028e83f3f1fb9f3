/// @file
/// @brief Reading RFC 4180 CSV as a stream of records, with limits and precise error positions: quoted
/// fields with `""` escapes and embedded commas and line breaks, unquoted fields, an optional UTF-8 BOM,
/// CRLF or LF line ends. `CsvParser` is pure (bytes in, records out); `CsvReader` feeds it from a stream.
/// A malformed record is reported with the line it starts on and the column (field number) of the problem,
/// then skipped: reading goes on with the next record.
///
///     std::ifstream in(path, std::ios::binary);
///     CsvReader reader(in);
///     for (;;) {
///         const auto status = reader.next();
///         if (status == CsvReader::Status::record) use(reader.record().fields, reader.record().line);
///         else if (status == CsvReader::Status::error) report(reader.error());
///         else break;  // end, or failed: reader.error() says why
///     }
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mamori::feeds {

// CsvLimits: the largest field, record (bytes of its fields plus separators), field count per record and
// input accepted. A record over a limit is an error; an input over max_input_bytes stops the reader.
struct CsvLimits {
    std::size_t max_field_bytes = std::size_t{64} * 1024;
    std::size_t max_record_bytes = std::size_t{1024} * 1024;
    std::size_t max_fields = 4096;
    std::uint64_t max_input_bytes = std::uint64_t{2} * 1024 * 1024 * 1024;
};

// CsvRecord: the fields of one record (quotes removed, `""` turned into `"`, line breaks inside quoted
// fields kept as they were), the 1-based line on which it starts, and the line on which it ends.
struct CsvRecord {
    std::span<const std::string> fields;
    std::size_t line = 0;
    std::size_t last_line = 0;
};

// CsvError: why a record could not be read. `line` is where the record starts, `at_line` where the problem
// is (they differ inside a multi-line quoted field) and `column` the 1-based field number.
struct CsvError {
    std::size_t line = 0;
    std::size_t at_line = 0;
    std::size_t column = 0;
    std::string message;
};

// CsvParser: a push parser with no I/O. Give it the unread bytes; it consumes them up to the end of one
// record and says what it found. Blank lines (no bytes between two line ends) are skipped, a BOM at the
// very start is dropped, and a lone CR counts as a line end like LF and CRLF.
class CsvParser {
  public:
    // Event: what parse() stopped on.
    enum class Event { need_input, record, error, end };

    explicit CsvParser(CsvLimits limits = {});

    // parse: consumes bytes from the front of `input` (adding their number to `consumed`) until a record or
    // a malformed record is complete (`record` / `error`), or the bytes run out (`need_input`). With
    // `end_of_input`, the input is complete: a last record without a line end is returned, an open quoted
    // field is an error, and `end` says nothing is left. Call again with the rest of the input after a
    // record or an error.
    Event parse(std::string_view input, bool end_of_input, std::size_t& consumed);

    // record: the record found by the last parse() that returned `record`; valid until the next parse().
    const CsvRecord& record() const { return record_; }

    // error: the problem found by the last parse() that returned `error`.
    const CsvError& error() const { return error_; }

    // line: the 1-based line the parser is on.
    std::size_t line() const { return line_; }

  private:
    enum class State { record_start, field_start, unquoted, quoted, quote_in_quoted };

    void start_field();
    void append(std::string_view bytes);
    void end_field();
    void fail(std::string message);
    Event finish_record(std::size_t last_line);

    CsvLimits limits_;
    State state_ = State::record_start;
    bool at_input_start_ = true;
    bool skip_lf_ = false;  // a CR ended the previous line; a directly following LF belongs to it
    bool failed_ = false;
    std::size_t line_ = 1;
    std::size_t record_line_ = 1;
    std::size_t record_bytes_ = 0;
    std::size_t count_ = 0;             // fields of the current record in use
    std::vector<std::string> storage_;  // reused between records so their buffers stay allocated
    CsvRecord record_;
    CsvError error_;
};

// CsvReader: reads records from a stream through a CsvParser, in chunks.
class CsvReader {
  public:
    // Status: what next() found. `failed`: the stream could not be read or is larger than
    // max_input_bytes; error() says which, and nothing more can be read.
    enum class Status { record, error, end, failed };

    explicit CsvReader(std::istream& in, CsvLimits limits = {});

    // next: reads on to the end of the next record.
    Status next();

    // record: the record found by the last next() that returned `record`; valid until the next call.
    const CsvRecord& record() const { return parser_.record(); }

    // error: the malformed record (`error`) or why reading stopped (`failed`).
    const CsvError& error() const { return status_ == Status::failed ? failure_ : parser_.error(); }

    // bytes_read: how much of the stream has been read so far.
    std::uint64_t bytes_read() const { return bytes_read_; }

  private:
    bool fill();

    std::istream& in_;
    CsvLimits limits_;
    CsvParser parser_;
    std::string buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool eof_ = false;
    std::uint64_t bytes_read_ = 0;
    Status status_ = Status::record;
    CsvError failure_;
};

}  // namespace mamori::feeds
